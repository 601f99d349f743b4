"""CLI for clients, channels, posts, settings (cli/settings_commands.py) and the native CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.cli import settings_commands, team_posts
from nomadcm.cli.arguments import count_between, input_file
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
from nomadcm.errors import ValidationError
from nomadcm.vocabulary import NETWORKS, POST_STATUSES

if TYPE_CHECKING:
    from nomadcm.services.schedule.stored_rows import SkippedRow


def register(sub: argparse._SubParsersAction) -> None:
    clients = command_group(sub, "client", "manage clients")
    p = clients.add_parser("add", help="add a client")
    p.add_argument("name")
    p.add_argument("--tz", required=True, metavar="ZONE", help="the audience's IANA time zone")
    p.add_argument("--country", metavar="CC", help="ISO 3166 country code (public holidays)")
    p.add_argument("--colour", "--color", dest="colour", metavar="#RRGGBB")
    p.set_defaults(handler=client_add)
    p = clients.add_parser("list", help="list clients")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=client_list)

    channels = command_group(sub, "channel", "manage a client's channels")
    p = channels.add_parser("add", help="add a channel to a client")
    p.add_argument("client")
    p.add_argument("network", help=", ".join(NETWORKS))
    p.add_argument("--handle", default="")
    p.add_argument(
        "--limit",
        type=count_between(1, 1_000_000),
        metavar="N",
        help="text limit, 1 to 1000000 characters (default: the network's)",
    )
    p.set_defaults(handler=channel_add)

    posts = command_group(sub, "post", "schedule posts")
    p = posts.add_parser("add", help="schedule a post in the audience's time zone")
    p.add_argument("--client", required=True, metavar="NAME")
    p.add_argument("--channel", required=True, metavar="NETWORK", help="network, or network:handle")
    p.add_argument("--at", required=True, metavar="YYYY-MM-DD HH:MM", help="wall time in --tz")
    p.add_argument("--tz", metavar="ZONE", help="zone of --at (default: the client's audience zone)")
    p.add_argument(
        "--fold", type=int, choices=(0, 1), default=0, help="in a DST fold: 0 first, 1 second occurrence"
    )
    p.add_argument("--text", required=True)
    p.add_argument("--link", default="")
    p.add_argument("--tags", default="", metavar="a,b")
    p.add_argument("--status", default="scheduled", choices=("draft", "scheduled"))
    p.add_argument(
        "--rrule",
        metavar="RULE",
        help="repeat it on the wall time in --tz: an RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO;COUNT=7 "
        "or FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    )
    p.add_argument("--assignee", metavar="NAME|EMAIL", help="the team member who publishes it")
    p.add_argument(
        "--json", action="store_true", help="print the stored post as JSON (with its next occurrences)"
    )
    p.set_defaults(handler=post_add)
    p = posts.add_parser("list", help="list posts with audience time, your time and UTC")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--client", metavar="NAME")
    p.add_argument("--status", choices=POST_STATUSES)
    whose = p.add_mutually_exclusive_group()
    whose.add_argument("--mine", action="store_true", help="only the posts assigned to you (--as)")
    whose.add_argument("--assignee", metavar="NAME|EMAIL", help="only the posts assigned to this member")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=post_list)

    settings_commands.register(sub)  # `settings set|list` (cli/settings_commands.py)

    export = command_group(sub, "export", "export the schedule")
    p = export.add_parser("csv", help="the schedule as CSV (stdout without -o)")
    _range_args(p)
    p.add_argument("--excel", action="store_true", help="UTF-8 with BOM and ';' (French Excel)")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument(
        "--format",
        default="native",
        choices=("native", "hootsuite", "sprout", "publer"),
        help="native (default), or a bulk-scheduler upload file",
    )
    p.add_argument("--in-zone", metavar="ZONE", help="bulk formats: the zone the target profile uses")
    p.add_argument(
        "--date-style",
        choices=("dmy", "mdy"),
        help="hootsuite/sprout: DD/MM/YYYY (dmy, default) or MM/DD/YYYY",
    )
    p.set_defaults(handler=export_csv)

    imports = command_group(sub, "import", "import data")
    p = imports.add_parser("csv", help="import a schedule CSV: all rows or none")
    p.add_argument("file", type=input_file)
    p.add_argument(
        "--format",
        default="native",
        choices=("native", "hootsuite", "sprout", "publer"),
        help="the file's layout",
    )
    p.add_argument("--client", metavar="NAME", help="bulk formats: the client the posts are for")
    p.add_argument("--channel", metavar="NETWORK", help="bulk formats: network, or network:handle")
    p.add_argument(
        "--tz", metavar="ZONE", help="bulk formats: zone of the file's times (default: the client's)"
    )
    p.add_argument("--date-style", choices=("dmy", "mdy"), default="dmy", help="hootsuite/sprout dates")
    p.set_defaults(handler=import_csv)


def _range_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="first audience-local date (inclusive)"
    )
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last audience-local date (inclusive)")
    p.add_argument("--client", metavar="NAME")


def _dates(args: argparse.Namespace) -> tuple:  # type: ignore[type-arg]
    d_from = parse_date(args.date_from, "--from") if args.date_from else None
    d_to = parse_date(args.date_to, "--to") if args.date_to else None
    if d_from and d_to and d_to < d_from:
        raise ValidationError(f"--to {d_to} is before --from {d_from}")
    return d_from, d_to


# ---------------------------------------------------------------------- handlers


def client_add(ctx: CliContext, args: argparse.Namespace) -> int:
    parse_zone(args.tz)  # the message names --tz before the database is even opened
    c = ctx.services.clients.add_client(args.name, args.tz, args.country, args.colour)
    echo(f"client {c.name!r} added (audience zone {c.audience_tz})")
    return 0


def client_list(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = ctx.services.clients
    clients = svc.list_clients()
    channels = svc.list_channels()
    by_client: dict[int, list[str]] = {}
    for ch in channels:
        by_client.setdefault(ch.client_id, []).append(ch.label)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "audience_tz": c.audience_tz,
                    "country": c.country,
                    "colour": c.colour,
                    "channels": [
                        {"id": ch.id, "network": ch.network, "handle": ch.handle, "text_limit": ch.text_limit}
                        for ch in channels
                        if ch.client_id == c.id
                    ],
                }
                for c in clients
            ]
        )
    else:
        print_table(
            ["name", "audience zone", "country", "channels"],
            [[c.name, c.audience_tz, c.country or "", ", ".join(by_client.get(c.id, []))] for c in clients],
        )
    return 0


def channel_add(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = ctx.services.clients
    client = svc.find_client(args.client)
    limit = "default" if args.limit is None else args.limit
    ch = svc.add_channel(client.id, args.network, args.handle, limit)
    echo(f"channel {ch.label} added to {client.name!r} (text limit {ch.text_limit or 'none'})")
    return 0


def post_add(ctx: CliContext, args: argparse.Namespace) -> int:
    wall = parse_wall(args.at, "--at")
    tz = parse_zone(args.tz) if args.tz else None
    rule_notes: tuple[str, ...] = ()
    if args.rrule:
        from nomadcm.cli.recurring import check_rrule_option

        rule_notes = check_rrule_option(args.rrule, tz)
    from nomadcm.services.schedule.post_writes import PostDraft

    network, _, handle = args.channel.partition(":")
    channel = ctx.services.clients.find_channel(args.client, network, handle or None)
    posts = ctx.services.posts
    try:
        post = posts.add(
            PostDraft(
                channel.id,
                args.text,
                wall,
                tz,
                args.fold,
                args.link,
                args.tags.split(","),
                status=args.status,
                rrule=args.rrule,
                assignee_id=team_posts.assignee_id(ctx, args.assignee),
            )
        )
    except timezones.NonExistentTimeError as err:
        raise ValidationError(f"--at: {err}") from None

    res = timezones.resolve(post.wall, post.tz, post.fold)
    from nomadcm.services.schedule.query import ScheduleFilter

    # "Your time" as every listing gives it: the post's first row in the schedule query.
    cm, cm_wall = ctx.services.your_time().at(post.utc)
    first = ctx.services.schedule(ScheduleFilter(post_ids=(post.id,))).rows(limit=1)
    whose = "your time"
    if first:
        cm, cm_wall = first[0].cm, first[0].cm_wall
        mark = team_posts.whose_mark(
            team_posts.assignee_names(ctx, first), first[0].assignee_id, ctx.services.members.current_id
        )
        whose = f"{mark.removeprefix(' · ')}'s time" if mark else whose  # the assignee's clock, named
    notes = []
    if res.ambiguous:
        which = "first" if post.fold == 0 else "second"
        notes.append(
            f"{post.wall:%H:%M} happens twice in {post.tz} that day; the {which} occurrence was used "
            f"(--fold {1 - post.fold} for the other)"
        )
    from nomadcm.cli.recurring import print_notes, series_preview

    preview = series_preview(ctx, post.id, rule_notes) if post.rrule else None
    notes += preview.notes if preview is not None else []
    if args.json:  # one document on stdout: the series' preview and the notes inside it
        document = {**_post_json(post.id, post, cm.zone, cm_wall), **(preview.as_json() if preview else {})}
        print_json({**document, "notes": notes})
    else:
        echo(
            f"post {post.id} {post.status}: {post.wall:%Y-%m-%d %H:%M} {timezones.abbreviation(post.utc, post.tz)} "
            f"({post.tz}) = {cm_wall:%Y-%m-%d %H:%M} {whose} ({cm.zone}) = {timezones.format_utc(post.utc)}"
        )
        if preview is not None:
            preview.print()
    print_notes(notes)  # on stderr in both cases
    return 0


def _post_json(pid: int, post, cm_zone: str, cm_wall) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return {
        "id": pid,
        "client": post.client_name,
        "channel": f"{post.network}:{post.handle}" if post.handle else post.network,
        "status": post.status,
        "audience_tz": post.tz,
        "audience_time": f"{post.wall:%Y-%m-%d %H:%M}",
        "utc_time": timezones.format_utc(post.utc),
        "cm_tz": cm_zone,
        "cm_time": f"{cm_wall:%Y-%m-%d %H:%M}",
        "text": post.text,
        "link": post.link,
        "tags": list(post.tags),
    }


def post_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.schedule.query import ScheduleFilter

    d_from, d_to = _dates(args)
    if args.client:
        ctx.services.clients.find_client(args.client)  # names an unknown client
    flt = ScheduleFilter(
        client_name=args.client,
        statuses=(args.status,) if args.status else None,
        date_from=d_from,
        date_to=d_to,
        assignee_id=team_posts.listed_assignee(ctx, args.assignee, args.mine),
    )
    rows = list(ctx.services.schedule(flt).stream())
    names, viewer = team_posts.assignee_names(ctx, rows), ctx.services.members.current_id
    if args.json:
        print_json(
            [
                {
                    "id": r.post_id,
                    "client": r.client_name,
                    "channel": f"{r.network}:{r.handle}" if r.handle else r.network,
                    "status": r.status,
                    "audience_tz": r.tz,
                    "audience_time": f"{r.wall:%Y-%m-%d %H:%M}",
                    "utc_time": timezones.format_utc(r.utc),
                    "cm_tz": r.cm_zone,
                    "cm_time": f"{r.cm_wall:%Y-%m-%d %H:%M}",
                    "in_transit": r.in_transit,
                    "assignee": names.get(r.assignee_id) if r.assignee_id is not None else None,
                    "text": r.text,
                    "link": r.link,
                    "tags": list(r.tag_list),
                }
                for r in rows
            ]
        )
        return 0
    print_table(
        ["id", "audience time", "your time", "UTC", "client", "channel", "status", "text"],
        [
            [
                r.post_id,
                f"{r.wall:%Y-%m-%d %H:%M} {r.tz_abbr}",
                f"{r.cm_wall:%Y-%m-%d %H:%M} {r.cm_abbr}"
                + (" ✈" if r.in_transit else "")
                + team_posts.whose_mark(names, r.assignee_id, viewer),
                f"{r.utc:%Y-%m-%d %H:%M}Z",
                r.client_name,
                f"{r.network} {r.handle}".strip(),
                r.status,
                (r.text.splitlines() or [""])[0][:50],
            ]
            for r in rows
        ],
    )
    return 0


def export_csv(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import csv_native_export

    if args.format != "native":
        from nomadcm.cli.publishing import export_bulk

        return export_bulk(ctx, args)
    if args.in_zone or args.date_style:
        option = "--in-zone" if args.in_zone else "--date-style"
        raise ValidationError(f"{option} applies to --format hootsuite, sprout or publer, not native")
    d_from, d_to = _dates(args)
    target = output_path(ctx, args.output)
    skipped: list[SkippedRow] = []
    count = csv_native_export.export_csv(
        ctx.services.db,
        target,
        date_from=d_from,
        date_to=d_to,
        client=args.client,
        excel=args.excel,
        skipped=skipped,
    )
    report_skipped(skipped)  # left out, reported, exit 0 (services/schedule/stored_rows.py)
    if target is not None:
        echo(f"{count} post(s) written to {target}", file=sys.stderr)
    return 0


def import_csv(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import csv_native_import
    from nomadcm.exchange.file_errors import ImportFailed

    path = Path(args.file)
    if not path.is_file():
        raise ValidationError(f"no such file: {args.file!r}")
    if args.format != "native":
        from nomadcm.cli.publishing import import_bulk

        return import_bulk(ctx, args)
    for option, value in (("--client", args.client), ("--channel", args.channel), ("--tz", args.tz)):
        if value is not None:  # a native file names its clients, channels and zones itself
            raise ValidationError(f"{option} applies to --format hootsuite, sprout or publer, not native")
    try:
        report = csv_native_import.import_csv(ctx.services.db, path)
    except ImportFailed as err:
        for row_error in err.errors:
            echo(f"{args.file}: {row_error}", file=sys.stderr)
        echo(
            f"nomadcm: error: nothing imported: {err.total} bad row(s) in {args.file!r}",
            file=sys.stderr,
        )
        return 2
    echo(f"{report.imported} post(s) imported from {args.file}")
    for label in report.channels_created:
        echo(f"channel created: {label}")
    return 0
