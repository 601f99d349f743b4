"""CLI for what happens at a place: `place worked` (a work session, counted as screen time) and
`speedtest add|list`. Times are typed on the place's own clock (the home zone when it has none).

Registered by `cli/places.py`: `place worked` among the `place` commands, `speedtest` right after them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta

from nomadcm import timezones
from nomadcm.cli.common import CliContext, command_group, echo, parse_wall, print_json, print_table
from nomadcm.errors import ValidationError


def register_speedtest(sub: argparse._SubParsersAction) -> None:
    speed = command_group(sub, "speedtest", "WiFi speed tests of a place (never overwritten)")
    p = speed.add_parser("add", help="record a speed test")
    p.add_argument("place", help="name or id")
    p.add_argument("--down", type=float, required=True, metavar="MBPS")
    p.add_argument("--up", type=float, required=True, metavar="MBPS")
    p.add_argument("--ping", type=float, required=True, metavar="MS")
    p.add_argument("--at", metavar="YYYY-MM-DD HH:MM", help="when, on the place's clock (default: now)")
    p.add_argument("--tool", default="other", help="speedtest, fast.com, nperf, other")
    p.set_defaults(handler=speedtest_add)
    p = speed.add_parser("list", help="a place's speed tests, oldest first")
    p.add_argument("place", help="name or id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=speedtest_list)


def mbps(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def place_worked(ctx: CliContext, args: argparse.Namespace) -> int:
    start_wall = parse_wall(args.start, "--from")
    raw_end = args.end.strip()
    if len(raw_end) <= 5:
        try:
            end_time = datetime.strptime(raw_end, "%H:%M").time()
        except ValueError:
            raise ValidationError(f"--to: {args.end!r} is not HH:MM or YYYY-MM-DD HH:MM") from None
        end_wall = datetime.combine(start_wall.date(), end_time)
        if end_wall <= start_wall:
            end_wall += timedelta(days=1)  # 22:00 -> 01:00 ends the next day
    else:
        end_wall = parse_wall(raw_end, "--to")
    svc = ctx.services.workplaces
    place = svc.find_place(args.place)
    zone = _zone_of(ctx, place)
    start = timezones.localize(start_wall, zone)
    end = timezones.localize(end_wall, zone)
    session = svc.log_work(place.id, start, end, activity=args.activity)
    hours = session.duration.total_seconds() / 3600
    echo(f"worked at {place.name!r}: {start_wall:%Y-%m-%d %H:%M}–{end_wall:%H:%M} {zone} ({hours:.1f} h)")
    return 0


def _zone_of(ctx: CliContext, place) -> str:  # type: ignore[no-untyped-def]
    if place.tz:
        return str(place.tz)
    zone = ctx.services.settings.home_tz()
    echo(f"note: {place.name!r} has no zone; times are read in your home zone {zone}", file=sys.stderr)
    return zone


def speedtest_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.workplaces.place_fields import check_mbps, check_ping, check_tool

    check_mbps(args.down, "--down")
    check_mbps(args.up, "--up")
    check_ping(args.ping)
    check_tool(args.tool)
    wall = parse_wall(args.at, "--at") if args.at else None
    svc = ctx.services.workplaces
    place = svc.find_place(args.place)
    at = timezones.localize(wall, _zone_of(ctx, place)) if wall is not None else None
    svc.add_speed_test(place.id, args.down, args.up, args.ping, at=at, tool=args.tool)
    place = svc.get_place(place.id)
    echo(
        f"speed test added to {place.name!r}: median now {mbps(place.down_mbps)} down / "
        f"{mbps(place.up_mbps)} up Mbit/s over {place.tests} test(s)"
    )
    return 0


def speedtest_list(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = ctx.services.workplaces
    place = svc.find_place(args.place)
    tests = svc.speed_tests(place.id)
    zone = place.tz or "UTC"
    if args.json:
        print_json(
            [
                {
                    "id": t.id,
                    "measured_at": timezones.format_utc(t.measured_at),
                    "local_time": f"{timezones.wall_at(t.measured_at, zone):%Y-%m-%d %H:%M}",
                    "tz": zone,
                    "down_mbps": t.down_mbps,
                    "up_mbps": t.up_mbps,
                    "ping_ms": t.ping_ms,
                    "tool": t.tool,
                }
                for t in tests
            ]
        )
        return 0
    if not tests:
        echo(f"no speed tests for {place.name!r} yet")
        return 0
    rows = [
        [
            t.id,
            f"{timezones.wall_at(t.measured_at, zone):%Y-%m-%d %H:%M}",
            mbps(t.down_mbps),
            mbps(t.up_mbps),
            "" if t.ping_ms is None else f"{t.ping_ms:.0f}",
            t.tool,
        ]
        for t in tests
    ]
    print_table(["id", f"when ({zone})", "down", "up", "ping", "tool"], rows)
    return 0
