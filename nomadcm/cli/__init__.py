"""The `nomadcm` command: no subcommand opens the GUI; subcommands call the services. Imports no Qt.

Each area registers its subcommands from its own module (cli/schedule.py, cli/travel.py, ...): a module
exposes `register(subparsers)` and sets `handler=function(ctx, args) -> int` on its parsers.
Bad input: one line on stderr naming the bad value, exit code 2, nothing written.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import sys
from collections.abc import Sequence

from nomadcm import __version__
from nomadcm.cli.common import CliContext, OneLineParser, describe_settings, echo
from nomadcm.errors import UserError

# Areas, in the order their commands appear in --help. A module missing here is simply not offered.
AREA_MODULES: tuple[str, ...] = (
    "nomadcm.cli.schedule",
    "nomadcm.cli.publishing",
    "nomadcm.cli.travel",
    "nomadcm.cli.places",
    "nomadcm.cli.wellbeing",
    "nomadcm.cli.desktop",
    "nomadcm.cli.backups",
    "nomadcm.cli.team",
)

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="nomadcm",
        description="NomadCM: plan posts across time zones while you travel. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"NomadCM {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="database file (default: the user data folder; or $NOMADCM_DB), or a team database's URL: "
        "postgresql://USER@HOST[:PORT]/DATABASE",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for name in AREA_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name == name:
                continue
            raise
        module.register(sub)
    describe_settings(sub)
    return parser


def forgiving_output() -> None:
    """Text that the output's encoding cannot hold (a lone surrogate in a name an older NomadCM or another
    program stored, an emoji on a cp1252 console) is printed as a backslash escape instead of raising: a
    command never fails after its work is committed just because one line could not be printed."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    forgiving_output()
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.command is None:  # no subcommand: the GUI, on the same database
        from nomadcm.app import gui_main

        return gui_main(["--db", args.db] if args.db else [])
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    ctx = CliContext(args.db)
    try:
        return int(handler(ctx, args) or 0)
    except UserError as err:
        echo(f"nomadcm: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `nomadcm export csv | head`
        return 0
    finally:
        ctx.close()
