"""CLI for the desktop side: `desktop install|uninstall` (the launcher) and `demo create` (sample data)."""

from __future__ import annotations

import argparse
from pathlib import Path

from nomadcm.cli.common import CliContext, command_group, echo
from nomadcm.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    desktop = command_group(sub, "desktop", "the app's launcher in the desktop menu")
    p = desktop.add_parser(
        "install",
        help="add NomadCM to the applications menu (Linux), Start menu (Windows) or Applications (macOS)",
    )
    p.set_defaults(handler=desktop_install)
    p = desktop.add_parser("uninstall", help="remove the launcher and icon that `desktop install` added")
    p.set_defaults(handler=desktop_uninstall)

    demo = command_group(sub, "demo", "sample data to explore NomadCM (a separate database)")
    p = demo.add_parser(
        "create",
        help="fill a new demo database with a realistic month (default: the demo file in the data folder)",
    )
    p.add_argument(
        "--db",
        dest="demo_db",
        metavar="PATH",
        help="where to write it (must not exist, unless --replace); the main --db is never used",
    )
    p.add_argument("--replace", action="store_true", help="delete an existing demo database first")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the day the month is built around (default: today)")
    p.set_defaults(handler=demo_create)


def desktop_install(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.desktop.desktop_entry import install

    for line in install().lines():
        echo(line)
    return 0


def desktop_uninstall(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.desktop.desktop_entry import uninstall

    for line in uninstall().lines():
        echo(line)
    return 0


def demo_create(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm import paths
    from nomadcm.cli.common import parse_date
    from nomadcm.services.desktop.demo import create_demo_database

    today = parse_date(args.today, "--today") if args.today else None
    target = Path(args.demo_db).expanduser() if args.demo_db else paths.demo_db_path()
    main_db = ctx.db_file  # --replace would delete it (a device, a folder, a pipe: refused by the service)
    if main_db is not None and target.resolve() == main_db.resolve():
        raise ValidationError(f"--db {str(target)!r} is your database: the demo goes to a file of its own")
    summary = create_demo_database(target, today=today, replace=args.replace)
    echo(f"wrote the demo database {target}")
    echo(summary.describe())
    echo(f"open it with: nomadcm-gui --db {target}")
    return 0
