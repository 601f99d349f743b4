"""CLI for backups: `backup list`, `backup now`, `backup restore [NAME]`.

These work on the file named by --db without opening it (a damaged file is exactly when they are needed),
through services/backups.py.
"""

from __future__ import annotations

import argparse

from nomadcm.cli.common import CliContext, command_group, echo, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    group = command_group(sub, "backup", "copies of the database: list, make, restore")
    p = group.add_parser(
        "list", help="the copies in the backups folder beside the database (daily, before migrations, yours)"
    )
    p.add_argument("--json", action="store_true", help="as JSON")
    p.set_defaults(handler=backup_list)
    p = group.add_parser("now", help="make a copy now (kept until you delete it)")
    p.set_defaults(handler=backup_now)
    p = group.add_parser(
        "restore",
        help="put a copy in place of the database (default: the newest sound one); the current file is kept "
        "beside it, renamed",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="a file name shown by `backup list`")
    p.set_defaults(handler=backup_restore)


def _kind(kind: str) -> str:
    if kind == "daily":
        return "daily"
    if kind == "manual":
        return "backup now"
    return f"before migrating from {kind}"


def backup_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.backups import backup_folder, list_backups

    copies = list_backups(ctx.db_path)
    if args.json:
        print_json(
            [
                {
                    "name": c.name,
                    "taken": c.taken.isoformat(timespec="seconds"),
                    "kind": c.kind,
                    "bytes": c.size,
                }
                for c in copies
            ]
        )
        return 0
    if not copies:
        echo(f"no backup of {ctx.db_path} yet (they go to {backup_folder(ctx.db_path)})")
        return 0
    print_table(
        ["name", "taken", "kind", "size"],
        [[c.name, c.taken.strftime("%Y-%m-%d %H:%M"), _kind(c.kind), _size(c.size)] for c in copies],
    )
    return 0


def backup_now(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.backups import backup_now as make_copy

    copy = make_copy(ctx.db_path)
    echo(f"backed up {ctx.db_path} to {copy.path}")
    return 0


def backup_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.backups import restore

    done = restore(ctx.db_path, args.name)
    for skipped in done.skipped:
        echo(f"skipped {skipped.name}: it is damaged too")
    echo(f"restored {done.copy.name} ({done.copy.taken:%Y-%m-%d %H:%M}) into {ctx.db_path}")
    if done.kept_as is not None:
        state = "damaged" if done.damaged else "previous"
        echo(f"the {state} file was kept as {done.kept_as}")
    return 0


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"
