"""CLI for a team's members: `team member add|list|remove|role` (team mode, issue 13).

Who acts is `--as NAME|EMAIL` (or $NOMADCM_MEMBER): only owners manage members and roles; the first member is
made by `nomadcm team init URL --member NAME --email ADDR` and owns every client.
"""

from __future__ import annotations

import argparse

from nomadcm.cli.common import CliContext, command_group, echo, print_json, print_table
from nomadcm.vocabulary import MEMBER_ROLES

ROLE_CHOICES = (*MEMBER_ROLES, "none")


def register(team: argparse._SubParsersAction) -> None:
    group = command_group(team, "member", "the team's members and their role on each client")
    p = group.add_parser("add", help="add a member (only an owner can)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--email", required=True, metavar="ADDR", help="their e-mail address (unique)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=member_add)
    p = group.add_parser("list", help="the members, with their role on each client")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=member_list)
    p = group.add_parser("remove", help="remove a member (the rows they made stay)")
    p.add_argument("who", metavar="NAME|EMAIL")
    p.set_defaults(handler=member_remove)
    p = group.add_parser(
        "role", help="give a member a role on clients: owner, editor (both write posts), viewer (reads), none"
    )
    p.add_argument("who", metavar="NAME|EMAIL")
    p.add_argument("role", choices=ROLE_CHOICES)
    p.add_argument("--client", required=True, action="append", metavar="NAME", help="repeat for several")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=member_role)


def _member_json(m) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return {
        "id": m.id,
        "uuid": m.uuid,
        "name": m.name,
        "email": m.email,
        "roles": [{"client": client, "role": role} for client, role in m.roles],
    }


def member_add(ctx: CliContext, args: argparse.Namespace) -> int:
    member = ctx.services.members.add(args.name, args.email)
    if args.json:
        print_json(_member_json(member))
    else:
        echo(f"member {member.name!r} <{member.email}> added; give them roles: nomadcm team member role ...")
    return 0


def member_list(ctx: CliContext, args: argparse.Namespace) -> int:
    members = ctx.services.members.list_members()
    if args.json:
        print_json([_member_json(m) for m in members])
        return 0
    print_table(
        ["name", "e-mail", "roles"],
        [[m.name, m.email, ", ".join(f"{role} of {client}" for client, role in m.roles)] for m in members],
    )
    return 0


def member_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    member = ctx.services.members.remove(args.who)
    echo(f"member {member.name!r} removed (what they made stays)")
    return 0


def member_role(ctx: CliContext, args: argparse.Namespace) -> int:
    member = ctx.services.members.set_role(args.who, args.client, args.role)
    if args.json:
        print_json(_member_json(member))
    else:
        clients = ", ".join(repr(c) for c in args.client)
        said = "no role" if args.role == "none" else f"{args.role}"
        echo(f"member {member.name!r} is now {said} on {clients}")
    return 0
