"""CLI for team databases on a PostgreSQL server: `team init URL [--member NAME --email ADDR]`, `team upgrade
URL [--yes]`; the members' commands are cli/team_members.py.

Any command takes a team database with --db URL (or $NOMADCM_DB); these two create and migrate its schema,
which opening it never does (storage/team_schema.py says why).
"""

from __future__ import annotations

import argparse
import sys

from nomadcm.cli import team_members
from nomadcm.cli.common import CliContext, command_group, echo, with_password
from nomadcm.errors import ValidationError

URL_ARG_HELP = (
    "the team database: postgresql://USER@HOST[:PORT]/DATABASE (no password in it: asked, or PGPASSWORD)"
)


def register(sub: argparse._SubParsersAction) -> None:
    group = command_group(
        sub, "team", "a team database on a PostgreSQL server: its schema, its members and their roles"
    )
    p = group.add_parser(
        "init",
        help="create NomadCM's tables in an empty PostgreSQL database (then: nomadcm --db URL ...)",
        description="Create NomadCM's tables in an empty PostgreSQL database. The password comes from "
        "PGPASSWORD or ~/.pgpass, or is asked on a terminal.",
    )
    p.add_argument("url", metavar="URL", help=URL_ARG_HELP)
    p.add_argument("--member", metavar="NAME", help="the first member (you): owner of every client")
    p.add_argument("--email", metavar="ADDR", help="the first member's e-mail address (with --member)")
    p.set_defaults(handler=team_init)
    p = group.add_parser(
        "upgrade",
        help="migrate a team database to this NomadCM's schema, after you backed it up (pg_dump)",
        description="Migrate a team database to this NomadCM's schema. NomadCM cannot copy a server: back it "
        "up first (pg_dump -Fc -f team.dump URL). Members with an older NomadCM cannot open it afterwards.",
    )
    p.add_argument("url", metavar="URL", help=URL_ARG_HELP)
    p.add_argument("--yes", action="store_true", help="it is backed up: migrate without asking")
    p.set_defaults(handler=team_upgrade)
    team_members.register(group)


def team_init(_ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.team import init_team_database, team_database

    if (args.member is None) != (args.email is None):
        raise ValidationError("--member and --email go together: the first member's name and e-mail address")
    first = None if args.member is None else (args.member, args.email)
    change = with_password(team_database(args.url), lambda target: init_team_database(target, first))
    if change.changed:
        echo(f"created NomadCM's schema ({change.after}) in {change.where}")
    elif first is None:
        echo(f"{change.where} already has NomadCM's schema ({change.after}): nothing to do")
    if first is not None:
        echo(f"member {first[0]!r} added, owner of every client: work as them with --as or NOMADCM_MEMBER")
    return 0


def team_upgrade(_ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.team import team_database, team_schema, upgrade_team_database

    target = team_database(args.url)
    where, revision = with_password(target, team_schema)
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError(
                f"{where} is shared: back it up (pg_dump), then run this again with --yes to migrate it"
            )
        answer = input(
            f"Migrate {where} (schema {revision}) to this NomadCM's? Back it up first (pg_dump). [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            raise ValidationError(
                f"{where} was not migrated: the migration was not confirmed (nothing changed)"
            )
    change = with_password(target, upgrade_team_database)
    if change.changed:
        echo(f"migrated {change.where} from schema {change.before} to {change.after}")
    else:
        echo(f"{change.where} already has this NomadCM's schema ({change.after}): nothing to do")
    return 0
