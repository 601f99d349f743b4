"""The `nomadcm` command: no subcommand opens the GUI; subcommands call the services. Imports no Qt.

Each area registers its subcommands from its own module (cli/schedule.py, cli/travel.py, ...): a module
exposes `register(subparsers)` and sets `handler=function(ctx, args) -> int` on its parsers.

Exit codes, and never a traceback:
- 0: done (an empty answer too: no post, no city matches);
- 2: refused input — bad value, unknown name, unusable file (cli/arguments.py checks every value as it is
  parsed): one line on stderr naming the bad value (common.error_line: values cut to 80 characters), nothing
  written;
- 1: an unexpected error, a bug: one line on stderr naming the crash log that holds the details;
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Sequence

from nomadcm import __version__, startup_gc
from nomadcm.cli.arguments import check_every_value
from nomadcm.cli.common import CliContext, OneLineParser, describe_settings, error_line
from nomadcm.cli.lazy_commands import add_commands, area_module, obvious_command, typed_command
from nomadcm.errors import UserError

# Areas, in the order their commands appear in --help. A module missing here is simply not offered.
# A command imports only its own areas (cli/command_table.py, cli/lazy_commands.py).
AREA_MODULES: tuple[str, ...] = (
    "nomadcm.cli.schedule",
    "nomadcm.cli.events",
    "nomadcm.cli.publishing",
    "nomadcm.cli.travel",
    "nomadcm.cli.places",
    "nomadcm.cli.wellbeing",
    "nomadcm.cli.billing",
    "nomadcm.cli.desktop",
    "nomadcm.cli.backups",
    "nomadcm.cli.team",
)

EXIT_USAGE = 2
EXIT_BUG = 1
EXIT_INTERRUPTED = 130


def top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    """`nomadcm`'s own options, and the subparsers its commands go into."""
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
    parser.add_argument(
        "--as",
        dest="member",
        metavar="NAME|EMAIL",
        help="the team member you act as (default: $NOMADCM_MEMBER): stamped on what you change, and your "
        "role decides what you may change",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    return parser, sub


def build_parser() -> argparse.ArgumentParser:
    """Every command of every area, all built (the sweep and the tests walk it; `run` uses `parser_for`)."""
    parser, sub = top_parser()
    for name in AREA_MODULES:
        module = area_module(name)
        if module is not None:
            module.register(sub)
    describe_settings(sub)
    check_every_value(parser)
    return parser


def parser_for(argv: list[str]) -> argparse.ArgumentParser:
    """The parser that runs `argv`: the same commands, options and messages as `build_parser`'s, but only
    the typed command's areas are imported, the other commands are stubs with their help line
    (cli/lazy_commands.py). An error at the top level (unknown command, bad --db) is raised here."""
    command = obvious_command(argv)
    if command is None:
        probe, probe_sub = top_parser()
        check_every_value(probe)
        command = typed_command(probe, probe_sub, argv)
    parser, sub = top_parser()
    add_commands(sub, command)
    describe_settings(sub)
    check_every_value(parser)
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


def refuse(message: object) -> int:
    """Bad input: one line on stderr, exit 2."""
    print(error_line(f"nomadcm: error: {message}"), file=sys.stderr)
    return EXIT_USAGE


def crashed() -> int:
    """A bug: the traceback goes to a crash log, stderr gets one line naming it; exit 1."""
    from nomadcm.crash_logs import format_report, write_crash_log

    exc = sys.exc_info()
    assert exc[0] is not None and exc[1] is not None
    log = write_crash_log(format_report((exc[0], exc[1], exc[2])))
    where = f"details in {log}" if log is not None else "no crash log could be written"  # whole, never cut
    what = error_line(f"nomadcm: unexpected error ({exc[0].__name__}: {exc[1]})")
    print(f"{what}; {where}", file=sys.stderr)
    return EXIT_BUG


def file_problem(err: OSError) -> str:
    """A file the command was given that the system refused (a name too long, a folder, no permission)."""
    names = [repr(str(n)) for n in (err.filename, err.filename2) if n is not None]
    return f"{' -> '.join(names)}: {err.strerror or err}" if names else str(err)


def main(argv: Sequence[str] | None = None) -> int:
    startup_gc.pause()  # until the database is open (cli/common.py): nomadcm/startup_gc.py
    forgiving_output()
    try:
        return run(sys.argv[1:] if argv is None else list(argv))
    except UserError as err:
        return refuse(err)
    except BrokenPipeError:  # `nomadcm export csv | head`
        return 0
    except OSError as err:  # a file the system refused, named by the command line or under it
        if err.filename is None:
            return crashed()
        return refuse(file_problem(err))
    except KeyboardInterrupt:
        print("nomadcm: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:
        return crashed()
    finally:
        startup_gc.restore()


def run(argv: list[str]) -> int:
    """Parses `argv` (every value checked: cli/arguments.py) and runs its command; raises what it meets."""
    parser = parser_for(argv)
    args = parser.parse_args(argv)
    if args.command is None:  # no subcommand: the GUI, on the same database
        from nomadcm.app import gui_main

        return gui_main(["--db", args.db] if args.db else [])
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    ctx = CliContext(args.db, member=args.member)
    try:
        return int(handler(ctx, args) or 0)
    finally:
        ctx.close()
