"""CLI for screen time and rest: log, import, report, chart. Imports no Qt (and matplotlib only for `chart`).

Times typed without --tz are read in the zone where the CM was at that moment (the itinerary, else home):
every zone she was in around that date is tried, and the reading whose instant finds her in that very zone
is kept. When two readings fit (a DST fold, or a westward flight that made her live an hour twice) the
first is taken and a note on stderr says so; when none fits (an eastward flight or a DST gap jumped over
it) the command stops and asks for --tz.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from nomadcm import timezones
from nomadcm.cli.arguments import input_file
from nomadcm.cli.common import (
    CliContext,
    command_group,
    echo,
    output_path,
    parse_date,
    parse_hhmm,
    parse_wall,
    parse_zone,
    print_json,
    print_table,
    register_setting,
)
from nomadcm.errors import ValidationError
from nomadcm.vocabulary import DEVICES, REST_KINDS

DEFAULT_DAYS = 7


def private_note() -> str:
    """The --help epilog of the wellbeing commands (which print nothing more about it): on a team database her
    wellbeing is in her own file (services/wellbeing/personal_file.py)."""
    from nomadcm import paths

    return (
        "On a team database, screen time, rest, app usage and the wellbeing goals are kept in your own file "
        f"on this computer, never on the server: {paths.default_db_path()}"
    )


def register(sub: argparse._SubParsersAction) -> None:
    log = command_group(sub, "log", "log screen time or rest")
    p = log.add_parser("screen", help="log a screen session", description=__doc__.split("\n\n")[1])
    p.add_argument("--device", required=True, choices=DEVICES)
    _span_args(p)
    p.add_argument("--client", metavar="NAME", help="the client this screen time was for")
    p.add_argument("--activity", default="", metavar="TEXT")
    p.add_argument("--json", action="store_true", help="print the stored session as JSON")
    p.set_defaults(handler=log_screen)
    p = log.add_parser("rest", help="log sleep, a break, a day off...", description=__doc__.split("\n\n")[1])
    p.add_argument("--kind", required=True, choices=REST_KINDS)
    _span_args(p)
    p.add_argument("--quality", metavar="0-5", help="how good the rest was (0-5)")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true", help="print the stored rest period as JSON")
    p.set_defaults(handler=log_rest)

    imports = command_group(sub, "import", "import data")
    p = imports.add_parser(
        "activitywatch",
        help="import ActivityWatch screen time (its JSON export, or a running aw-server)",
        description="Screen time = the union of not-afk events of afkstatus buckets; window buckets give "
        "the per-app breakdown. aw-android's buckets (the phone app) are phone screen time: the union of "
        "its app events; its unlocks are counted. Importing the same data again changes nothing.",
    )
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file", nargs="?", type=input_file, help="an export (aw-server or aw-server-rust JSON)"
    )
    source.add_argument(
        "--server", metavar="URL", help="read a running aw-server, e.g. http://127.0.0.1:5600"
    )
    p.add_argument(
        "--device",
        default="laptop",
        choices=DEVICES,
        help="the device the desktop watchers track (default laptop)",
    )
    p.add_argument(
        "--phone-device",
        default="phone",
        choices=DEVICES,
        help="the device aw-android's buckets track (default phone)",
    )
    p.add_argument("--since", metavar="YYYY-MM-DD", help="with --server: only events from this date (UTC)")
    p.add_argument(
        "--allow-remote-server",
        action="store_true",
        help="with --server: also read a server that is not this computer (default: localhost, "
        "127.0.0.0/8 and ::1 only)",
    )
    p.add_argument(
        "--deadline",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="with --server: stop (importing nothing) when the server has not finished by then (default 60)",
    )
    p.add_argument(
        "--max-size",
        type=float,
        default=512.0,
        metavar="MIB",
        help="with --server: refuse replies larger than this in all (default 512 MiB)",
    )
    p.set_defaults(handler=import_activitywatch)
    p = imports.add_parser("sleep-as-android", help="import nights from Sleep as Android's sleep-export.csv")
    p.add_argument("file", type=input_file)
    p.set_defaults(handler=import_sleep_as_android)
    p = imports.add_parser(
        "wellbeing-csv",
        help="import screen time and rest from a CSV with start,end,kind,device[,tz,quality,note,client]",
    )
    p.add_argument("file", type=input_file)
    p.set_defaults(handler=import_wellbeing_csv)

    p = sub.add_parser(
        "report",
        help="screen time and rest per day, with goal warnings",
        description="One line per day (your local day, from the day start). Default: the last 7 days.",
    )
    _range(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=report)

    p = sub.add_parser("chart", help="save the wellbeing chart as PNG or SVG")
    _range(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.png|FILE.svg")
    p.add_argument("--view", default="daily", choices=("daily", "weekly", "rest"))
    p.set_defaults(handler=chart)
    wellbeing_imports = ("activitywatch", "sleep-as-android", "wellbeing-csv")
    for parser in (
        *log.choices.values(),
        *map(imports.choices.get, wellbeing_imports),
        sub.choices["report"],
        p,
    ):
        parser.epilog = private_note()

    from nomadcm.services.wellbeing.goals import SPECS

    for key, spec in SPECS.items():
        register_setting(key.replace("_", "-"), _setter(key), spec.help)
    register_setting(
        "day-start", _set_day_start, "when your day starts, HH:MM (default 04:00, as ActivityWatch)"
    )


def _span_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD HH:MM")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD HH:MM")
    p.add_argument("--tz", metavar="ZONE", help="zone of --from/--to (default: where you were then)")
    p.add_argument(
        "--fold",
        type=int,
        choices=(0, 1),
        default=0,
        help="a time that happened twice: 0 the first (default), 1 the second",
    )


def _range(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day (default: 6 days ago)")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day (default: today)")


def _setter(key: str):  # type: ignore[no-untyped-def]
    def set_value(ctx: CliContext, value: str) -> str:
        from nomadcm.services.wellbeing.goals import parse_setting

        parsed = parse_setting(key, value, key.replace("_", "-"))
        ctx.services.personal_settings.set(key, parsed)  # her own file on a team database
        return str(parsed).lower() if isinstance(parsed, bool) else f"{parsed:g}"

    return set_value


def _set_day_start(ctx: CliContext, value: str) -> str:
    text = parse_hhmm(value, "day-start").strftime("%H:%M")
    ctx.services.settings.set("day_start", text)
    return text


# --------------------------------------------------------------------------- log


def _read_span(ctx: CliContext, args: argparse.Namespace) -> tuple[datetime, datetime, str]:
    wall_from = parse_wall(args.start, "--from")
    wall_to = parse_wall(args.end, "--to")
    zone = parse_zone(args.tz) if args.tz else None
    service = ctx.services.wellbeing
    timeline = None if zone else service.timeline()
    start = service.read_typed(wall_from, zone, args.fold, timeline)
    end = service.read_typed(wall_to, zone, args.fold, timeline)
    for option, typed, wall in (("--from", start, wall_from), ("--to", end, wall_to)):
        if typed.alternatives:
            other = ", ".join(f"{timezones.format_utc(i)} ({z})" for i, z in typed.alternatives)
            echo(
                f"nomadcm: note: {option} {wall:%Y-%m-%d %H:%M} happened twice where you were; took "
                f"{timezones.format_utc(typed.instant)} ({typed.zone}), not {other} (use --fold 1 or --tz)",
                file=sys.stderr,
            )
    if end.instant <= start.instant:
        raise ValidationError(
            f"--to {args.end!r} ({timezones.format_utc(end.instant)}) is not after --from {args.start!r} "
            f"({timezones.format_utc(start.instant)})"
        )
    return start.instant, end.instant, start.zone


def log_screen(ctx: CliContext, args: argparse.Namespace) -> int:
    service = ctx.services.wellbeing
    start, end, zone = _read_span(ctx, args)
    client_id = service.find_client_id(args.client) if args.client else None
    info = service.add_screen(  # typed by a person: an end in the future is refused, as for speed tests
        args.device, start, end, tz=zone, client_id=client_id, activity=args.activity, typed=True
    )
    if args.json:
        print_json(_screen_json(info))
    else:
        who = f" for {info.client_name}" if info.client_name else ""
        echo(f"logged {info.device} screen time{who}: {_span_text(info.start, info.end, info.tz)}")
    return 0


def log_rest(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.wellbeing.record_values import check_quality

    quality = check_quality(args.quality)
    start, end, zone = _read_span(ctx, args)
    info = ctx.services.wellbeing.add_rest(args.kind, start, end, tz=zone, quality=quality, note=args.note)
    if args.json:
        print_json(_rest_json(info))
    else:
        echo(f"logged {info.kind.replace('_', ' ')}: {_span_text(info.start, info.end, info.tz)}")
    return 0


def _span_text(start: datetime, end: datetime, zone: str) -> str:
    a, b = timezones.wall_at(start, zone), timezones.wall_at(end, zone)
    to = f"{b:%H:%M}" if a.date() == b.date() else f"{b:%Y-%m-%d %H:%M}"
    return f"{a:%Y-%m-%d %H:%M}–{to} {zone} ({_hm((end - start).total_seconds())})"


def _hm(seconds: float) -> str:
    minutes = int(seconds // 60 + (1 if seconds % 60 >= 30 else 0))
    return f"{minutes // 60} h {minutes % 60:02d}"


def _screen_json(info: Any) -> dict[str, Any]:
    return {
        "id": info.id,
        "device": info.device,
        "start": timezones.format_utc(info.start),
        "end": timezones.format_utc(info.end),
        "tz": info.tz,
        "client": info.client_name or None,
        "activity": info.activity,
        "source": info.source,
    }


def _rest_json(info: Any) -> dict[str, Any]:
    return {
        "id": info.id,
        "kind": info.kind,
        "start": timezones.format_utc(info.start),
        "end": timezones.format_utc(info.end),
        "tz": info.tz,
        "quality": info.quality,
        "note": info.note,
        "source": info.source,
    }


# --------------------------------------------------------------------------- import


def import_activitywatch(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import activitywatch

    if args.since and not args.server:
        raise ValidationError("--since works with --server (an export file is imported whole)")
    if args.server:
        since = None
        if args.since:
            since = datetime.combine(parse_date(args.since, "--since"), time(0), tzinfo=UTC)
        if not 0 < args.deadline <= 24 * 3600 or not 0 < args.max_size <= 1024 * 1024:
            raise ValidationError("--deadline and --max-size must be positive (at most a day, a TiB)")
        result = activitywatch.import_server(
            ctx.services.personal_db,
            args.server,
            args.device,
            since,
            phone_device=args.phone_device,
            deadline=args.deadline,
            max_bytes=int(args.max_size * 1024 * 1024),
            allow_remote=args.allow_remote_server,
            shared=ctx.services.db,
        )
    else:
        if args.allow_remote_server:
            raise ValidationError("--allow-remote-server works with --server")
        own, shared = ctx.services.personal_db, ctx.services.db  # her own file on a team database
        result = activitywatch.import_file(
            own, Path(args.file), args.device, None, args.phone_device, shared=shared
        )
    echo(result)
    if result.skipped_buckets:
        echo(f"skipped {len(result.skipped_buckets)} other bucket(s): {', '.join(result.skipped_buckets)}")
    return 0


def import_sleep_as_android(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import sleep_android

    echo(f"Sleep as Android: {sleep_android.import_file(ctx.services.personal_db, args.file)}")
    return 0


def import_wellbeing_csv(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange import rest_csv

    echo(rest_csv.import_file(ctx.services.personal_db, args.file, shared=ctx.services.db))
    return 0


# --------------------------------------------------------------------------- report, chart


def _dates(ctx: CliContext, args: argparse.Namespace) -> tuple[date, date]:
    d_to = parse_date(args.date_to, "--to") if args.date_to else None
    d_from = parse_date(args.date_from, "--from") if args.date_from else None
    if d_to is None:
        if d_from is not None:
            d_to = d_from + timedelta(days=DEFAULT_DAYS - 1)
        else:
            d_to = ctx.services.wellbeing_reports.today()
    if d_from is None:
        d_from = d_to - timedelta(days=DEFAULT_DAYS - 1)
    if d_to < d_from:
        raise ValidationError(f"--to {d_to.isoformat()} is before --from {d_from.isoformat()}")
    if (d_to - d_from).days > 3660:
        raise ValidationError(
            f"--from {d_from.isoformat()} --to {d_to.isoformat()}: at most 10 years at once"
        )
    return d_from, d_to


def report(ctx: CliContext, args: argparse.Namespace) -> int:
    d_from, d_to = _dates(ctx, args)
    result = ctx.services.wellbeing_reports.build(d_from, d_to)
    if args.json:
        print_json(result.to_json())
        return 0
    devices = [dev for dev in DEVICES if any(dev in day.screen_minutes for day in result.days)]
    rows = []
    for day in result.days:
        rows.append(
            [
                day.day.isoformat(),
                day.zone,
                *[_hm(60 * day.screen_minutes.get(dev, 0)) for dev in devices],
                _hm(60 * day.screen_total_minutes),
                _hm(60 * day.sleep_minutes),
                _hm(60 * day.rest_minutes),
                "; ".join(w.text() for w in day.warnings),
            ]
        )
    print_table(["date", "zone", *devices, "screen", "sleep", "rest", "warnings"], rows)
    return 0


def chart(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.exchange.wellbeing_chart import save_chart

    target = Path(args.output)
    if target.suffix.lower() not in (".png", ".svg"):
        raise ValidationError(f"-o {args.output!r}: the chart is saved as .png or .svg")
    output_path(ctx, args.output)
    d_from, d_to = _dates(ctx, args)
    result = ctx.services.wellbeing_reports.build(d_from, d_to)
    save_chart(result, target, args.view)
    echo(f"wrote {target}")
    return 0
