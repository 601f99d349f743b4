"""The team side of `post` commands: `--assignee` (add, edit), `--unassign` (edit), `--mine` (list)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TYPE_CHECKING

from nomadcm.cli.common import CliContext
from nomadcm.errors import ValidationError

if TYPE_CHECKING:
    from nomadcm.services.schedule.post_writes import PostDraft
    from nomadcm.services.schedule.series import Occurrence


def add_assignee_options(p: argparse.ArgumentParser) -> None:
    """`post edit`'s --assignee NAME | --unassign."""
    who = p.add_mutually_exclusive_group()
    who.add_argument("--assignee", metavar="NAME|EMAIL", help="the team member who publishes it")
    who.add_argument("--unassign", action="store_true", help="nobody in particular publishes it")


def apply_assignee(ctx: CliContext, args: argparse.Namespace, draft: PostDraft) -> None:
    if args.assignee is not None:
        draft.assignee_id = assignee_id(ctx, args.assignee)
    elif args.unassign:
        draft.assignee_id = None


def assignee_id(ctx: CliContext, who: str | None) -> int | None:
    """The member `--assignee` names (exit 2 naming an unknown one); None when not given."""
    return None if who is None else ctx.services.members.find(who).id


def listed_assignee(ctx: CliContext, who: str | None, mine: bool) -> int | None:
    """Whose posts `post list` shows: `--mine` (the member acting), `--assignee NAME`, or everybody's."""
    if not mine:
        return assignee_id(ctx, who)
    current = ctx.services.members.current
    if current is None:
        raise ValidationError("--mine: say who you are with --as NAME (or NOMADCM_MEMBER)")
    return current.id


def assignee_names(ctx: CliContext, rows: Iterable[Occurrence]) -> dict[int, str]:
    """The names of the members the rows are assigned to (read only when some row is assigned)."""
    if all(r.assignee_id is None for r in rows):
        return {}
    return {m.id: m.name for m in ctx.services.members.list_members()}


def whose_mark(names: dict[int, str], assignee_id: int | None, viewer: int | None) -> str:
    """ " · Sam" after a time that is another member's (the assignee's), as the Schedule shows it."""
    if assignee_id is None or assignee_id == viewer:
        return ""
    return f" · {names.get(assignee_id, '?')}"
