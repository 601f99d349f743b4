"""CLI for the clients' events (launches, closures, press days...) and the calendars they come from.

    nomadcm event add CLIENT TITLE --kind KIND (--start "YYYY-MM-DD HH:MM" [--end ...] | --date D [--until D])
    nomadcm event list [--client NAME] [--from D] [--to D] [--kind KIND] [--calendars]
    nomadcm event import CLIENT FILE.ics | CLIENT --url URL | --refresh
    nomadcm event remove EVENT_ID... | --calendar ID
    nomadcm event check [--from D] [--to D] [--all]       launches with no post around them
    nomadcm event ack EVENT_ID [--note TEXT] / event unack EVENT_ID
    nomadcm event kind EVENT_ID KIND / event window CLIENT [HOURS]

Every command takes --json and then prints one JSON document. Dates are the events' own local dates.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.cli.arguments import count_between, free_text, input_file, record_id
from nomadcm.cli.common import (
    CliContext,
    command_group,
    echo,
    parse_date,
    parse_wall,
    parse_zone,
    print_json,
    print_table,
)
from nomadcm.errors import ValidationError
from nomadcm.vocabulary import EVENT_KINDS

if TYPE_CHECKING:
    from nomadcm.services.events.records import EventInfo


def register(sub: argparse._SubParsersAction) -> None:
    events = command_group(sub, "event", "the clients' events: launches, closures, promotions, press days")
    p = events.add_parser("add", help="add an event to a client by hand")
    p.add_argument("client")
    p.add_argument("title")
    p.add_argument("--kind", default="event", choices=EVENT_KINDS)
    p.add_argument("--start", metavar="YYYY-MM-DD HH:MM", help="wall time in --tz (a timed event)")
    p.add_argument("--end", metavar="YYYY-MM-DD HH:MM", help="wall time in --tz (default: an hour later)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="first date of an all-day event")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="last date of an all-day event (inclusive)")
    p.add_argument("--tz", metavar="ZONE", help="zone of --start/--end (default: the client's audience zone)")
    p.add_argument("--fold", type=int, choices=(0, 1), default=0, help="in a DST fold: 0 first, 1 second")
    p.add_argument("--notes", type=free_text, default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_add)

    p = events.add_parser("list", help="list events (or, with --calendars, the calendars they come from)")
    p.add_argument("--client", metavar="NAME")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first local date (inclusive)")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last local date (inclusive)")
    p.add_argument("--kind", choices=EVENT_KINDS)
    p.add_argument("--calendars", action="store_true", help="list the imported files and subscriptions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_list)

    p = events.add_parser(
        "import",
        help="import a client's calendar (.ics file), subscribe to its address, or refresh subscriptions",
    )
    p.add_argument("client", nargs="?", help="the client whose calendar it is")
    p.add_argument("file", nargs="?", type=input_file, help="an .ics file")
    p.add_argument("--url", metavar="URL", help="subscribe to (or refresh) the calendar at this address")
    p.add_argument("--name", metavar="NAME", help="the calendar's name (default: its own, or the file's)")
    p.add_argument("--refresh", action="store_true", help="download every subscription again now")
    p.add_argument("--timeout", type=count_between(1, 600, "seconds"), default=30, metavar="S")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_import)

    p = events.add_parser("remove", help="remove events typed by hand, or a calendar and its events")
    p.add_argument("ids", nargs="*", type=record_id, metavar="EVENT_ID")
    p.add_argument("--calendar", type=record_id, metavar="ID", help="remove this calendar and its events")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_remove)

    p = events.add_parser("check", help="launches with no post in the hours before or after them")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--client", metavar="NAME")
    p.add_argument("--all", action="store_true", help="also list acknowledged launches")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_check)

    p = events.add_parser("ack", help="mark a launch with no post around it as fine")
    p.add_argument("event_id", type=record_id)
    p.add_argument("--note", type=free_text, default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_ack)
    p = events.add_parser("unack", help="flag a launch with no post around it again")
    p.add_argument("event_id", type=record_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_unack)

    p = events.add_parser("kind", help="change an event's kind (kept when its calendar is read again)")
    p.add_argument("event_id", type=record_id)
    p.add_argument("kind", choices=EVENT_KINDS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_kind)

    p = events.add_parser("window", help="show or set the hours around a launch in which a post is wanted")
    p.add_argument("client")
    p.add_argument("hours", nargs="?", type=count_between(1, 720, "hours"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=event_window)


# ---------------------------------------------------------------------- handlers


def event_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.events.records import EventDraft

    timed, all_day = args.start is not None, args.date is not None
    if timed == all_day:
        raise ValidationError("give --start (a timed event) or --date (an all-day event), not both")
    if timed and args.until:
        raise ValidationError("--until goes with --date; a timed event ends at --end")
    if all_day and (args.end or args.tz):
        raise ValidationError("--end and --tz go with --start; an all-day event ends on --until")
    tz = parse_zone(args.tz) if args.tz else None
    if timed:
        start: datetime | date = parse_wall(args.start, "--start")
        end: datetime | date | None = parse_wall(args.end, "--end") if args.end else None
    else:
        start = parse_date(args.date, "--date")
        end = parse_date(args.until, "--until") if args.until else None
    client = ctx.services.clients.find_client(args.client)
    draft = EventDraft(
        client.id, args.title, start, end, args.kind, all_day, args.notes, tz, args.fold, args.fold
    )
    event = ctx.services.events.add(draft)
    if args.json:
        print_json(event.to_json())
    else:
        echo(f"event {event.id} added: {_when(event)} {event.kind} {event.title!r} ({client.name})")
    return 0


def event_list(ctx: CliContext, args: argparse.Namespace) -> int:
    client_id = ctx.services.clients.find_client(args.client).id if args.client else None
    if args.calendars:
        calendars = ctx.services.calendars.list_calendars(client_id)
        if args.json:
            print_json([c.to_json() for c in calendars])
            return 0
        if not calendars:
            echo("no calendars")
            return 0
        print_table(
            ["id", "client", "calendar", "address", "events", "last read", "problem"],
            [
                [
                    c.id, c.client_name, c.name, c.to_json()["url"] or "(file)", c.events,
                    timezones.format_utc(c.fetched_at) if c.fetched_at else "", c.last_error,
                ]
                for c in calendars
            ],
        )  # fmt: skip
        return 0
    d_from, d_to = _dates(args)
    events = _events_in(ctx, d_from, d_to, client_id, [args.kind] if args.kind else None)
    if args.json:
        print_json([e.to_json() for e in events])
        return 0
    if not events:
        echo("no events")
        return 0
    print_table(
        ["id", "client", "kind", "when", "zone", "title", "from"],
        [
            [e.id, e.client_name, e.kind, _when(e), e.tz, e.title, e.calendar_name or "(by hand)"]
            for e in events
        ],
    )
    return 0


def event_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from functools import partial

    from nomadcm.exchange import event_import as importer
    from nomadcm.exchange.ics_fetch import Limits, check_url, fetch

    fetcher = partial(fetch, limits=Limits(deadline=float(args.timeout)))
    if args.refresh:
        if args.client or args.file or args.url or args.name:
            raise ValidationError(
                "--refresh reads every calendar again: give no client, file, --url or --name"
            )
        outcomes = importer.refresh_due(ctx.services, fetcher=fetcher, force=True)
        if args.json:
            print_json([o.to_json() for o in outcomes])
            return 0
        for o in outcomes:
            r = o.report
            counts = f"{r.added} added, {r.updated} updated, {r.removed} removed" if r else "unchanged"
            echo(f"calendar {o.calendar.id} {o.calendar.name!r} ({o.calendar.client_name}): {counts}")
            if o.error:
                echo(f"  {o.error}")
        if not outcomes:
            echo("no calendars")
        return 0
    if not args.client:
        raise ValidationError("name the client whose calendar it is (or use --refresh)")
    if (args.file is None) == (args.url is None):
        raise ValidationError("give an .ics file or --url, one of the two")
    url = check_url(args.url) if args.url else None
    client = ctx.services.clients.find_client(args.client)
    if url is not None:
        report = importer.subscribe(ctx.services, client.id, url, args.name, fetcher=fetcher)
    else:
        report = importer.import_file(ctx.services, client.id, args.file, args.name)
    if args.json:
        print_json(report.to_json())  # type: ignore[union-attr]
        return 0
    c = report.calendar  # type: ignore[union-attr]
    echo(
        f"calendar {c.id} {c.name!r} ({client.name}): {report.added} added, {report.updated} updated, "  # type: ignore[union-attr]
        f"{report.removed} removed, {report.unchanged} unchanged; {c.events} events stored"  # type: ignore[union-attr]
    )
    for line in report.skipped:  # type: ignore[union-attr]
        echo(f"  left out: {line}")
    return 0


def event_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    if (args.calendar is None) == (not args.ids):
        raise ValidationError("give the ids of events typed by hand, or --calendar ID, one of the two")
    if args.calendar is not None:
        calendar = ctx.services.calendars.remove(args.calendar)
        if args.json:
            print_json({"removed_calendar": calendar.to_json(), "removed": []})
        else:
            echo(f"calendar {calendar.id} {calendar.name!r} removed with its {calendar.events} event(s)")
        return 0
    removed = ctx.services.events.delete(args.ids)
    if args.json:
        print_json({"removed_calendar": None, "removed": [e.to_json() for e in removed]})
    else:
        for e in removed:
            echo(f"event {e.id} {e.title!r} removed")
    return 0


def event_check(ctx: CliContext, args: argparse.Namespace) -> int:
    d_from, d_to = _dates(args)
    client_id = ctx.services.clients.find_client(args.client).id if args.client else None
    gaps = ctx.services.launch_check.gaps(d_from, d_to, client_id=client_id, include_acknowledged=args.all)
    if args.json:
        print_json([g.to_json() for g in gaps])
        return 0
    if not gaps:
        echo("every launch has a post around it")
        return 0
    print_table(
        ["event", "client", "launch", "when", "window", "status"],
        [
            [g.event.id, g.event.client_name, g.event.title, _when(g.event), f"±{g.window_hours} h",
             "ok: " + (g.note or "acknowledged") if g.acknowledged else "no post around it"]
            for g in gaps
        ],
    )  # fmt: skip
    return 0


def event_ack(ctx: CliContext, args: argparse.Namespace) -> int:
    added = ctx.services.launch_check.acknowledge(args.event_id, None, args.note)
    if args.json:
        print_json({"event_id": args.event_id, "acknowledged": added})
    else:
        echo(f"event {args.event_id}: " + ("acknowledged" if added else "already acknowledged"))
    return 0


def event_unack(ctx: CliContext, args: argparse.Namespace) -> int:
    removed = ctx.services.launch_check.unacknowledge(args.event_id)
    if args.json:
        print_json({"event_id": args.event_id, "unacknowledged": [kind for kind, _n, _t in removed]})
    else:
        echo(f"event {args.event_id}: " + ("flagged again" if removed else "nothing was acknowledged"))
    return 0


def event_kind(ctx: CliContext, args: argparse.Namespace) -> int:
    event = ctx.services.events.set_kind(args.event_id, args.kind)
    if args.json:
        print_json(event.to_json())
    else:
        echo(f"event {event.id} {event.title!r} is a {event.kind} now")
    return 0


def event_window(ctx: CliContext, args: argparse.Namespace) -> int:
    client = ctx.services.clients.find_client(args.client)
    events = ctx.services.events
    hours = events.set_launch_window(client.id, args.hours) if args.hours else events.launch_window(client.id)
    if args.json:
        print_json({"client": client.name, "client_id": client.id, "launch_window_hours": hours})
    else:
        echo(f"{client.name}: a post is wanted within {hours} h before or after each launch")
    return 0


# ---------------------------------------------------------------------- helpers


def _dates(args: argparse.Namespace) -> tuple[date | None, date | None]:
    d_from = parse_date(args.date_from, "--from") if args.date_from else None
    d_to = parse_date(args.date_to, "--to") if args.date_to else None
    if d_from and d_to and d_to < d_from:
        raise ValidationError(f"--to {d_to} is before --from {d_from}")
    return d_from, d_to


def _events_in(
    ctx: CliContext, d_from: date | None, d_to: date | None, client_id: int | None, kinds: list[str] | None
) -> list[EventInfo]:
    """Events on local dates from `d_from` to `d_to` (each in its own zone, every zone within ±14 h of UTC)."""
    start = (
        timezones.localize(datetime.combine(d_from, time(0)), "UTC") - timedelta(days=1) if d_from else None
    )
    end = timezones.localize(datetime.combine(d_to, time(0)), "UTC") + timedelta(days=2) if d_to else None
    found = ctx.services.events.list_events(client_id=client_id, start=start, end=end, kinds=kinds)
    return [
        e
        for e in found
        if (d_from is None or e.last_date >= d_from) and (d_to is None or e.first_date <= d_to)
    ]


def _when(e: EventInfo) -> str:
    if e.all_day:
        return e.start_text() if e.first_date == e.last_date else f"{e.start_text()} → {e.end_text()}"
    if e.end_wall.date() == e.start_wall.date():
        return f"{e.start_text()}–{e.end_wall:%H:%M}"
    return f"{e.start_text()} → {e.end_text()}"
