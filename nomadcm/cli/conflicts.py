"""CLI for the conflicts of scheduled posts with the CM's life (sleep, transit, off hours, holidays).

    nomadcm check [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--all] [--json]
    nomadcm conflict ack POST_ID KIND... [--note TEXT] / conflict undo POST_ID [KIND...]

Registered by `cli/travel.py`, right after `city` (the order of `nomadcm --help`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.cli.arguments import record_id
from nomadcm.cli.common import (
    CliContext,
    command_group,
    echo,
    parse_date,
    print_json_stream,
    print_table_stream,
    report_skipped,
)
from nomadcm.errors import ValidationError
from nomadcm.vocabulary import CONFLICT_KINDS

if TYPE_CHECKING:
    from nomadcm.services.schedule.stored_rows import SkippedRow


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="scheduled posts that fall while you sleep, travel, are off, or on a holiday",
        description="List scheduled posts with conflicts (sleep, transit, off_hours, holiday).",
    )
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first post-local date (inclusive)")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last post-local date (inclusive)")
    p.add_argument("--all", action="store_true", help="also list posts whose conflicts are all acknowledged")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=check)

    conflict = command_group(sub, "conflict", "acknowledge conflicts so they stop nagging")
    p = conflict.add_parser("ack", help="mark conflict kinds of a post as fine")
    p.add_argument("post_id", type=record_id)
    p.add_argument("kinds", nargs="+", metavar="KIND", help=", ".join(CONFLICT_KINDS))
    p.add_argument("--note", default="")
    p.set_defaults(handler=conflict_ack)
    p = conflict.add_parser("undo", help="remove acknowledgements of a post (all, or the kinds given)")
    p.add_argument("post_id", type=record_id)
    p.add_argument("kinds", nargs="*", metavar="KIND")
    p.set_defaults(handler=conflict_undo)


def check(ctx: CliContext, args: argparse.Namespace) -> int:
    d_from = parse_date(args.date_from, "--from") if args.date_from else None
    d_to = parse_date(args.date_to, "--to") if args.date_to else None
    if d_from and d_to and d_to < d_from:
        raise ValidationError(f"--to {d_to} is before --from {d_from}")
    skipped: list[SkippedRow] = []
    # Streamed: each post is read, checked and let go (a million posts in bounded memory); the skipped rows
    # are reported once the listing is done.
    found = ctx.services.conflicts.stream(d_from, d_to, include_acknowledged=args.all, skipped=skipped)
    if args.json:
        print_json_stream(c.to_json() for c in found)
        report_skipped(skipped)  # left out, reported, exit 0 (services/schedule/stored_rows.py)
        return 0
    active = 0

    def lines() -> Iterator[list[object]]:
        nonlocal active
        for c in found:
            active += bool(c.kinds)
            yield [
                c.post_id,
                f"{c.utc:%Y-%m-%d %H:%M}Z",
                f"{c.cm_wall:%Y-%m-%d %H:%M} {timezones.abbreviation(c.utc, c.cm_tz)}"
                + (f" · {c.who}" if c.who else ""),  # a teammate's post: her clock, as `post list` marks it
                c.client_name,
                c.network,
                ", ".join(c.kinds) + (f" (ok: {', '.join(c.acknowledged)})" if c.acknowledged else ""),
                c.detail,
            ]

    rows = lines()
    first = next(rows, None)
    if first is None:
        report_skipped(skipped)
        echo("no conflicts")
        return 0
    print_table_stream(
        ["post", "UTC", "your time", "client", "channel", "conflicts", "detail"], chain([first], rows)
    )
    report_skipped(skipped)
    echo(f"\n{active} post(s) with conflicts", file=sys.stderr)
    return 0


def conflict_ack(ctx: CliContext, args: argparse.Namespace) -> int:
    added = ctx.services.conflicts.acknowledge(args.post_id, args.kinds, args.note)
    if added:
        echo(f"post {args.post_id}: acknowledged {', '.join(added)}")
    else:
        echo(f"post {args.post_id}: already acknowledged")
    return 0


def conflict_undo(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.travel.conflict_rules import rules

    known = [r.kind for r in rules()]
    for kind in args.kinds:
        if kind not in known:
            raise ValidationError(f"unknown conflict kind {kind!r} (one of: {', '.join(known)})")
    removed = ctx.services.conflicts.unacknowledge(args.post_id, args.kinds or None)
    if removed:
        echo(f"post {args.post_id}: {', '.join(a.kind for a in removed)} no longer acknowledged")
    else:
        echo(f"post {args.post_id}: nothing was acknowledged")
    return 0
