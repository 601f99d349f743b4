"""CLI for WiFi workplaces: `place add|list|show|import|export|worked|remove` and `speedtest add|list`.

`place worked` and `speedtest` (what happens at a place) are handled in cli/place_visits.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.cli.arguments import input_file
from nomadcm.cli.common import (
    CliContext,
    command_group,
    echo,
    output_path,
    parse_wall,
    print_json,
    print_table,
)
from nomadcm.cli.place_visits import mbps, place_worked, register_speedtest
from nomadcm.errors import ValidationError
from nomadcm.vocabulary import ACCESS_FEES, WORKPLACE_KINDS

if TYPE_CHECKING:
    from nomadcm.services.workplaces.place_catalog import PlaceInfo

SCORE_OPTIONS = (
    ("--wifi", "score_wifi", "WiFi reliability"),
    ("--power", "score_power", "power outlets"),
    ("--quiet", "score_quiet", "quiet"),
    ("--comfort", "score_comfort", "comfort"),
    ("--price-score", "score_price", "price (5 = cheap)"),
)


def register(sub: argparse._SubParsersAction) -> None:
    place = command_group(sub, "place", "WiFi workplaces: cafés, coworkings, libraries…")
    p = place.add_parser("add", help="add a place (its zone comes from the coordinates or the city)")
    p.add_argument("name")
    p.add_argument("--city", required=True, metavar="NAME")
    p.add_argument("--country", metavar="CC", help="ISO 3166 code (default: the city's)")
    p.add_argument("--kind", default="cafe", help=", ".join(WORKPLACE_KINDS))
    p.add_argument("--address", default="")
    p.add_argument("--lat", type=float, metavar="X")
    p.add_argument("--lon", type=float, metavar="Y")
    p.add_argument("--tz", metavar="ZONE", help="IANA zone (default: from the coordinates or the city)")
    p.add_argument("--ssid", default="", metavar="TEXT", help="WiFi network name")
    p.add_argument("--wifi-password", default="", metavar="TEXT")
    p.add_argument(
        "--share-password",
        action="store_true",
        help="on a team database, give the WiFi password to every member (without it, it stays yours, on "
        "this computer)",
    )
    p.add_argument("--fee", choices=ACCESS_FEES, help="access to the WiFi")
    p.add_argument("--price", default="", metavar="TEXT", help='what it costs ("1 coffee", "15 €/day")')
    p.add_argument(
        "--hours", default="", metavar="OSM", help='OpenStreetMap opening_hours ("Mo-Fr 08:00-18:00")'
    )
    for flag, _field, what in SCORE_OPTIONS:
        p.add_argument(flag, dest=_field, type=int, metavar="0-5", help=f"score: {what}")
    p.add_argument("--food", action="store_true", help="food or coffee on site")
    p.add_argument("--favourite", "--favorite", dest="favourite", action="store_true")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true", help="print the stored place as JSON")
    p.set_defaults(handler=place_add)

    p = place.add_parser("list", help="list places, fastest first")
    p.add_argument("--city", metavar="NAME")
    p.add_argument("--kind", choices=WORKPLACE_KINDS)
    p.add_argument("--min-down", type=float, metavar="MBPS", help="median download at least MBPS")
    p.add_argument("--open-at", metavar="YYYY-MM-DD HH:MM", help="open at this time of the place's own clock")
    p.add_argument("--open-now", action="store_true", help="open now (on the place's clock)")
    p.add_argument(
        "--include-unknown",
        action="store_true",
        help="with --open-at/--open-now: also list the places whose state is unknown then (no hours, "
        'hours not understood, "on request", an open end such as 17:00+)',
    )
    p.add_argument("--min-power", type=int, metavar="0-5")
    p.add_argument("--min-quiet", type=int, metavar="0-5")
    p.add_argument("--favourites", "--favorites", dest="favourites", action="store_true")
    p.add_argument("--search", default="", metavar="TEXT", help="words in the name, address, notes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=place_list)

    p = place.add_parser("show", help="one place: hours this week, speed tests, work sessions")
    p.add_argument("place", help="name or id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=place_show)

    p = place.add_parser("import", help="import GeoJSON, Overpass JSON or the places CSV: all or nothing")
    p.add_argument("file", type=input_file)
    p.set_defaults(handler=place_import)

    p = place.add_parser("export", help="export places to .geojson or .csv (by the file's extension)")
    p.add_argument("file")
    p.add_argument("--with-passwords", action="store_true", help="include the WiFi passwords")
    p.set_defaults(handler=place_export)

    p = place.add_parser(
        "worked", help='log a work session at a place ("worked here"): counts as screen time'
    )
    p.add_argument("place", help="name or id")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD HH:MM", help="the place's time")
    p.add_argument("--to", dest="end", required=True, metavar="HH:MM", help="end: HH:MM or YYYY-MM-DD HH:MM")
    p.add_argument("--activity", default="")
    p.set_defaults(handler=place_worked)

    p = place.add_parser("remove", help="delete a place with its speed tests and checklist entries")
    p.add_argument("place", help="name or id")
    p.set_defaults(handler=place_remove)

    register_speedtest(sub)


def _warn_hours(place) -> None:  # type: ignore[no-untyped-def]
    if place.hours_error:
        echo(
            f"warning: opening hours {place.opening_hours!r} not understood ({place.hours_error}); "
            "kept as typed and treated as unknown",
            file=sys.stderr,
        )


# ---------------------------------------------------------------------- handlers


def place_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.workplaces.place_fields import check_fields, check_kind

    check_kind(args.kind)
    if (args.lat is None) != (args.lon is None):
        raise ValidationError("--lat and --lon go together")
    fields = {
        "city": args.city,
        "country": args.country,
        "kind": args.kind,
        "address": args.address,
        "lat": args.lat,
        "lon": args.lon,
        "ssid": args.ssid,
        "wifi_password": args.wifi_password,
        "fee": args.fee,
        "price": args.price,
        "opening_hours": args.hours,
        "food": args.food,
        "favourite": args.favourite,
        "notes": args.note,
    }
    if args.tz:
        fields["tz"] = args.tz
    for _flag, field, _what in SCORE_OPTIONS:
        value = getattr(args, field)
        if value is not None:
            fields[field] = value
    check_fields({"name": args.name, **fields})  # every bad value named before the database opens
    place = ctx.services.workplaces.add_place(args.name, share_password=args.share_password, **fields)
    _warn_hours(place)
    if args.json:
        print_json(place.to_json())
        return 0
    zone = place.tz or "unknown zone: give --lat/--lon or --tz"
    echo(
        f"place #{place.id} {place.name!r} added ({place.place_label.removeprefix(place.name).strip(' ()')}, {zone})"
    )
    return 0


def place_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.workplaces.opening_hours import HoursState
    from nomadcm.services.workplaces.place_fields import check_kind, check_score
    from nomadcm.services.workplaces.place_filter import PlaceFilter

    open_at: datetime | None = None
    if args.open_at and args.open_now:
        raise ValidationError("give --open-at or --open-now, not both")
    if args.open_at:
        open_at = parse_wall(args.open_at, "--open-at")
    elif args.open_now:
        open_at = timezones.now_utc()
    if args.include_unknown and open_at is None:
        raise ValidationError("--include-unknown goes with --open-at or --open-now")
    if args.min_down is not None and args.min_down < 0:
        raise ValidationError(f"--min-down {args.min_down} is negative")
    flt = PlaceFilter(
        text=args.search,
        city=args.city or "",
        kind=check_kind(args.kind) if args.kind else "",
        min_down=args.min_down,
        open_at=open_at,
        min_power=check_score(args.min_power, "--min-power"),
        min_quiet=check_score(args.min_quiet, "--min-quiet"),
        favourites=args.favourites,
        include_unknown=args.include_unknown,
    )
    places = ctx.services.workplaces.list_places(flt)
    places.sort(key=lambda p: (-(p.down_mbps if p.down_mbps is not None else -1), p.name.casefold()))
    when = open_at or timezones.now_utc()
    if args.include_unknown:  # the open ones first, then the unknown ones (each group fastest first)
        places.sort(key=lambda p: p.open_state(when) is not HoursState.OPEN)
    if args.json:
        print_json([{**p.to_json(), **_hours_json(p, when)} for p in places])
        return 0
    if not places:
        echo(
            "no place matches"
            if flt.active
            else "no places yet: `nomadcm place add` or `nomadcm place import`"
        )
        return 0
    rows = []
    for p in places:
        rows.append(
            [
                p.id,
                ("★ " if p.favourite else "") + p.name,
                p.kind,
                p.city,
                mbps(p.down_mbps),
                mbps(p.up_mbps),
                p.tests,
                "" if p.score_power is None else p.score_power,
                "" if p.score_quiet is None else p.score_quiet,
                _hours_cell(p, when),
            ]
        )
    heading = "open at" if open_at is not None and args.open_at else "now"
    print_table(["id", "name", "kind", "city", "down", "up", "tests", "power", "quiet", heading], rows)
    return 0


def _hours_json(place: PlaceInfo, when: datetime) -> dict[str, object]:
    """The state of `place list --json` at `when`: "open", "closed" or "unknown", never open for unknown."""
    answer = place.open_answer(when)
    return {
        "hours_state": answer.state.value,
        "hours_comment": answer.comment,
        "hours_open_end": answer.open_end,
    }


def _hours_cell(place: PlaceInfo, when: datetime) -> str:
    """The state column: open, closed or unknown, and why it is unknown (or the value's comment)."""
    if place.hours_error:
        return "? (hours not understood)"
    answer = place.open_answer(when)
    if answer.open_end:
        return f"{answer.state.value} (open end)"
    if answer.comment:
        return f"{answer.state.value} ({answer.comment!r})"
    return answer.state.value


def place_show(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = ctx.services.workplaces
    place = svc.find_place(args.place)
    tests = svc.speed_tests(place.id)
    sessions = svc.work_sessions(place.id)
    if args.json:
        data = place.to_json()
        data["speed_tests"] = [
            {
                "id": t.id,
                "measured_at": timezones.format_utc(t.measured_at),
                "down_mbps": t.down_mbps,
                "up_mbps": t.up_mbps,
                "ping_ms": t.ping_ms,
                "tool": t.tool,
            }
            for t in tests
        ]
        data["work_sessions"] = [
            {
                "id": w.id,
                "start": timezones.format_utc(w.start),
                "end": timezones.format_utc(w.end),
                "tz": w.tz,
            }
            for w in sessions
        ]
        print_json(data)
        return 0
    echo(
        f"#{place.id} {place.name} — {place.kind}, {place.place_label.removeprefix(place.name).strip(' ()')}"
    )
    if place.address:
        echo(f"  address: {place.address}")
    echo(f"  zone: {place.tz or 'unknown'}")
    if place.ssid:
        stored = ""
        if place.has_password:
            shared = ctx.services.workplaces.password_shared(place.id)
            stored = (
                " (password stored)" if shared else " (password stored, yours only: not shared with the team)"
            )
        echo(f"  WiFi: {place.ssid}{stored}")
    if place.fee:
        echo(f"  access: {place.fee}" + (f" — {place.price}" if place.price else ""))
    scores = [
        f"{what.split(' ')[0]} {getattr(place, field)}/5"
        for _flag, field, what in SCORE_OPTIONS
        if getattr(place, field) is not None
    ]
    if scores:
        echo("  scores: " + ", ".join(scores))
    if place.opening_hours:
        echo(f"  hours: {place.opening_hours}")
        if place.hours_error:
            echo(f"    not understood ({place.hours_error}): treated as unknown")
        elif place.tz:
            wall = timezones.wall_at(timezones.now_utc(), place.tz)
            state = place.hours.state_at_wall(wall).value
            change = place.hours.next_change_wall(wall)
            until = f" until {change:%a %H:%M}" if change and change - wall < timedelta(days=7) else ""
            echo(f"    now ({wall:%a %H:%M} local): {state}{until}")
    if tests:
        echo(
            f"  speed: median {mbps(place.down_mbps)} down / {mbps(place.up_mbps)} up Mbit/s over {place.tests} test(s)"
        )
    if place.notes:
        echo(f"  notes: {place.notes}")
    if sessions:
        total = sum((w.duration for w in sessions), timedelta())
        echo(f"  worked here: {len(sessions)} session(s), {total.total_seconds() / 3600:.1f} h")
    return 0


def place_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange.file_errors import ImportFailed
    from nomadcm.exchange.places_io import import_places

    try:
        report = import_places(ctx.services.db, args.file)
    except ImportFailed as err:
        for problem in err.errors[1:]:  # the first one is in the error line itself
            echo(f"  {problem}", file=sys.stderr)
        raise
    for warning in report.warnings:
        echo(f"warning: {warning}", file=sys.stderr)
    echo(f"{args.file}: {report.summary()}")
    return 0


def place_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange.places_io import export_places

    target = output_path(ctx, args.file)
    assert target is not None
    count = export_places(ctx.services.db, target, with_passwords=args.with_passwords)
    extra = " with WiFi passwords" if args.with_passwords else ""
    echo(f"{count} place(s) written to {args.file}{extra}")
    return 0


def place_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = ctx.services.workplaces
    place = svc.find_place(args.place)
    svc.delete_place(place.id)
    echo(f"place #{place.id} {place.name!r} removed")
    return 0
