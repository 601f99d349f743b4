"""The team side of `post` commands: `--assignee` (add, edit), `--unassign` (edit), `--mine` (list)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nomadcm.cli.common import CliContext
from nomadcm.errors import ValidationError

if TYPE_CHECKING:
    from nomadcm.services.schedule.post_writes import PostDraft


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
