"""CLI for the publishing workflow: ICS export, bulk-scheduler files, the queue, recurring posts, reminders.
The queue and the reminders are in cli/queue.py, registered from here.

`post add --rrule`, `export csv --format` and `import csv --format` are options of the schedule commands
(cli/schedule.py) that land here.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from nomadcm.cli.arguments import record_id
from nomadcm.cli.common import (
    CliContext,
    command_group,
    echo,
    output_path,
    parse_date,
    parse_wall,
    parse_zone,
    print_json,
    print_table,
    report_skipped,
)
from nomadcm.cli.post_edit import register_post_edit
from nomadcm.cli.queue import find_channel
from nomadcm.cli.queue import register as register_queue
from nomadcm.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    export = command_group(sub, "export", "export the schedule")
    p = export.add_parser("ics", help="the schedule as an iCalendar file (stdout without -o)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first audience-local date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last audience-local date")
    p.add_argument("--client", metavar="NAME")
    p.add_argument(
        "--expand", action="store_true", help="one event per occurrence instead of one event with its RRULE"
    )
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(handler=export_ics)

    posts = command_group(sub, "post", "schedule posts")
    p = posts.add_parser("occurrences", help="the occurrences of a recurring post")
    p.add_argument("id", type=record_id)
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=post_occurrences)
    p = posts.add_parser("skip", help="delete one occurrence of a recurring post (or it and the following)")
    p.add_argument("id", type=record_id)
    p.add_argument(
        "--at", required=True, metavar="YYYY-MM-DD HH:MM", help="the occurrence, in the post's zone"
    )
    p.add_argument("--following", action="store_true", help="this occurrence and every later one")
    p.set_defaults(handler=post_skip)
    register_post_edit(sub)

    register_queue(sub)


# ---------------------------------------------------------------------- helpers for cli/schedule.py


def _series(ctx: CliContext, post_id: int):  # type: ignore[no-untyped-def]
    """The recurring post `post_id` as a series, or None (not recurring, or no such post)."""
    from nomadcm.cli.recurring import find_series  # `post add --rrule` and its preview live there

    return find_series(ctx, post_id)


def _dates(args: argparse.Namespace) -> tuple:  # type: ignore[type-arg]
    d_from = parse_date(args.date_from, "--from") if getattr(args, "date_from", None) else None
    d_to = parse_date(args.date_to, "--to") if getattr(args, "date_to", None) else None
    if d_from and d_to and d_to < d_from:
        raise ValidationError(f"--to {d_to} is before --from {d_from}")
    return d_from, d_to


# ---------------------------------------------------------------------- exports and imports


def export_bulk(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import bulk_export, bulk_profiles

    if args.excel:
        raise ValidationError(f"--excel applies to --format native, not {args.format}")
    if args.date_style and args.format == "publer":
        raise ValidationError("--date-style applies to hootsuite and sprout (publer reads YYYY-MM-DD)")
    in_zone = parse_zone(args.in_zone, "--in-zone") if args.in_zone else None
    d_from, d_to = _dates(args)
    target = output_path(ctx, args.output)
    report = bulk_export.export_bulk(
        ctx.services.db,
        args.format,
        target,
        date_from=d_from,
        date_to=d_to,
        client=args.client,
        in_zone=in_zone,
        date_style=args.date_style or "dmy",
    )
    for issue in report.moved:
        echo(f"moved: {issue}", file=sys.stderr)
    for issue in report.rejected:
        echo(f"not written: {issue}", file=sys.stderr)
    report_skipped(report.skipped)
    if report.files:
        names = ", ".join(str(p) for p in report.files)
        echo(f"{report.rows} post(s) written to {names}", file=sys.stderr)
    if report.rejected:
        echo(
            f"{len(report.rejected)} post(s) left out: {bulk_profiles.PROFILES[args.format].name} would refuse them",
            file=sys.stderr,
        )
    return 0


def import_bulk(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import bulk_import

    if not args.client or not args.channel:
        raise ValidationError(f"a {args.format} file names no client or channel: give --client and --channel")
    tz = parse_zone(args.tz) if args.tz else None
    channel = find_channel(ctx, args.client, args.channel)
    preview = bulk_import.preview_import(
        ctx.services.db,
        Path(args.file),
        args.format,
        channel_id=channel.id,
        tz=tz,
        date_style=args.date_style,
    )
    if preview.errors:
        for row in preview.errors:
            echo(f"{args.file}: line {row.line}: {row.error}", file=sys.stderr)
        echo(
            f"nomadcm: error: nothing imported: {len(preview.errors)} bad row(s) in {args.file!r}",
            file=sys.stderr,
        )
        return 2
    count = bulk_import.commit_import(ctx.services.db, preview)
    echo(f"{count} post(s) imported from {args.file} to {channel.client_name} {channel.label}")
    return 0


def export_ics(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import ics

    d_from, d_to = _dates(args)
    target = output_path(ctx, args.output)
    report = ics.export_ics(
        ctx.services.db, target, date_from=d_from, date_to=d_to, client=args.client, expand=args.expand
    )
    report_skipped(report.skipped)  # left out, reported, exit 0 (services/schedule/stored_rows.py)
    if target is not None:
        echo(f"{report.events} event(s) written to {target}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------- recurring posts


def post_occurrences(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.schedule.query import ScheduleFilter

    series = _series(ctx, args.id)
    if series is None:
        raise ValidationError(f"post {args.id} is not a recurring post (or does not exist)")
    d_from, d_to = _dates(args)
    flt = ScheduleFilter(post_ids=(args.id,), date_from=d_from, date_to=d_to)
    rows = list(ctx.services.schedule(flt).stream())
    from nomadcm.cli.recurring import occurrence_json, rule_words

    if args.json:
        print_json([occurrence_json(o) for o in rows])
        return 0
    echo(f"post {series.post_id}: {series.rule.to_text()} from {series.dtstart:%Y-%m-%d %H:%M} {series.tz}")
    echo(f"  {rule_words(series)}")
    print_table(
        ["audience time", "your time", "UTC", "status", "note"],
        [
            [
                f"{o.wall:%a %Y-%m-%d %H:%M} {o.tz_abbr}",
                f"{o.cm_wall:%Y-%m-%d %H:%M} {o.cm_abbr}",
                f"{o.utc:%Y-%m-%d %H:%M}Z",
                o.status,
                ("moved past a DST gap " if o.gap_shifted else "") + ("changed alone" if o.edited else ""),
            ]
            for o in rows
        ],
    )
    return 0


def post_skip(ctx: CliContext, args: argparse.Namespace) -> int:
    wall = parse_wall(args.at, "--at")
    editor = ctx.services.occurrence_editor
    series = editor.series(args.id)
    target = None
    for o in series.occurrences(include_deleted=True):
        if wall in (o.wall, o.series_wall):
            target = o.series_wall
            break
        if o.wall > wall + timedelta(days=1):
            break
    if target is None:
        raise ValidationError(f"--at: post {args.id} has no occurrence at {wall:%Y-%m-%d %H:%M}")
    outcome = editor.delete(args.id, target, "following" if args.following else "one")
    if outcome.deleted_post:
        echo(f"post {args.id} deleted (that was its first occurrence)")
    elif args.following:
        echo(f"post {args.id} now ends before {wall:%Y-%m-%d %H:%M}")
    else:
        echo(f"occurrence {wall:%Y-%m-%d %H:%M} of post {args.id} deleted")
    return 0
