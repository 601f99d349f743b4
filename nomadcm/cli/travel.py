"""CLI for the itinerary and the CM's rhythm settings; registers the city search (cli/cities.py) and the
conflicts check (cli/conflicts.py) after it, in the order `nomadcm --help` lists them.

    nomadcm stay add --city NAME [--country CC] [--tz ZONE] --from YYYY-MM-DD --to YYYY-MM-DD [--note TEXT]
    nomadcm stay edit ID [...] / stay delete ID
    nomadcm transit add --kind flight --from-city NAME --to-city NAME --depart "..." --arrive "..." [...]
    nomadcm transit delete ID
    nomadcm trip list [--json]
    nomadcm city search TEXT [--country CC] [--json]
    nomadcm settings set sleep HH:MM-HH:MM / settings set work-hours "Mo-Fr 09:00-18:00"
    nomadcm check [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--all] [--json]
    nomadcm conflict ack POST_ID KIND... [--note TEXT] / conflict undo POST_ID [KIND...]

Every value is checked before the first write: bad input is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from datetime import date

from nomadcm import timezones
from nomadcm.cli.arguments import free_text, record_id
from nomadcm.cli.cities import register as register_city_search
from nomadcm.cli.common import (
    CliContext,
    command_group,
    echo,
    parse_date,
    parse_wall,
    parse_zone,
    print_json,
    print_table,
    register_setting,
)
from nomadcm.cli.conflicts import register as register_conflicts
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.vocabulary import TRANSIT_KINDS


def register(sub: argparse._SubParsersAction) -> None:
    stays = command_group(sub, "stay", "the places you stay in (your itinerary)")
    p = stays.add_parser("add", help="add a stay: a city and its first and last dates (both included)")
    _stay_args(p, required=True)
    p.set_defaults(handler=stay_add)
    p = stays.add_parser("edit", help="change a stay (only the options given)")
    p.add_argument("id", type=record_id)
    _stay_args(p, required=False)
    p.set_defaults(handler=stay_edit)
    p = stays.add_parser("delete", help="remove a stay")
    p.add_argument("id", type=record_id)
    p.set_defaults(handler=stay_delete)

    transits = command_group(sub, "transit", "flights, trains... between stays")
    p = transits.add_parser("add", help="add a transit; times are local to the departure and arrival places")
    p.add_argument("--kind", required=True, choices=TRANSIT_KINDS)
    p.add_argument("--from-city", required=True, metavar="NAME")
    p.add_argument("--from-country", metavar="CC")
    p.add_argument("--from-tz", metavar="ZONE", help="zone of the departure (default: the city's)")
    p.add_argument("--to-city", required=True, metavar="NAME")
    p.add_argument("--to-country", metavar="CC")
    p.add_argument("--to-tz", metavar="ZONE", help="zone of the arrival (default: the city's)")
    p.add_argument("--depart", required=True, metavar="YYYY-MM-DD HH:MM", help="local time where you leave")
    p.add_argument("--arrive", required=True, metavar="YYYY-MM-DD HH:MM", help="local time where you arrive")
    for which in ("depart", "arrive"):
        p.add_argument(
            f"--{which}-fold",
            type=int,
            choices=(0, 1),
            default=0,
            help=f"when --{which} happens twice (clocks go back): 0 the first, 1 the second",
        )
    p.add_argument("--ref", default="", help="flight number, booking reference...")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=transit_add)
    p = transits.add_parser("delete", help="remove a transit")
    p.add_argument("id", type=record_id)
    p.set_defaults(handler=transit_delete)

    trips = command_group(sub, "trip", "your itinerary as a whole")
    p = trips.add_parser("list", help="stays and transits in time order, with what deserves a look")
    p.add_argument(
        "--member",
        dest="itinerary_of",  # not `member`: that is the global --as
        metavar="NAME",
        help="a team member's itinerary (each member has their own; default: yours, --as)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=trip_list)

    register_city_search(sub)
    register_conflicts(sub)

    register_setting("sleep", _set_sleep, "your sleep window in local time, e.g. 23:00-07:00")
    register_setting(
        "work-hours", _set_work_hours, 'working hours in local time, e.g. "Mo-Th 09:00-17:00; Fr 09:00-12:00"'
    )


def _stay_args(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--city", required=required, metavar="NAME")
    p.add_argument("--country", metavar="CC", help="country code or name, to pick among cities of that name")
    p.add_argument("--tz", metavar="ZONE", help="the stay's zone (default: the city's)")
    p.add_argument("--from", dest="date_from", required=required, metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="date_to", required=required, metavar="YYYY-MM-DD", help="last day")
    p.add_argument("--note", metavar="TEXT", type=free_text, help="'' clears it")
    p.add_argument("--json", action="store_true")


# ---------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    tz: str
    lat: float | None = None
    lon: float | None = None


def resolve_place(name: str, country: str | None, tz: str | None, option: str) -> Place:
    """A typed city as a place with a zone: from the city table, or as typed when --tz names the zone."""
    from nomadcm.services.travel import cities

    zone = parse_zone(tz, option.replace("city", "tz")) if tz else None
    index = cities.default_index()
    code = None
    if country:
        try:
            code = index.country_code(country)
        except ValidationError as err:
            raise ValidationError(f"{option.replace('city', 'country')}: {err}") from None
    if not name.strip():
        raise ValidationError(f"{option}: the city name is empty")
    try:
        city = index.find(name, code)
    except NotFoundError as err:
        if zone is None:
            raise NotFoundError(
                f"{option}: {err} (give its zone with {option.replace('city', 'tz')})"
            ) from None
        return Place(" ".join(name.split()), code, zone)
    return Place(city.name, city.country, zone or city.tz, city.lat, city.lon)


# ---------------------------------------------------------------------- stays


def _stay_json(s) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return {
        "id": s.id,
        "city": s.city,
        "country": s.country,
        "tz": s.tz,
        "first_date": s.first_date.isoformat(),
        "last_date": s.last_date.isoformat(),
        "start_utc": timezones.format_utc(s.start_utc),
        "end_utc": timezones.format_utc(s.end_utc),
        "lat": s.lat,
        "lon": s.lon,
        "notes": s.notes,
    }


def _stay_dates(args: argparse.Namespace, first: date | None, last: date | None) -> tuple[date, date]:
    d_from = parse_date(args.date_from, "--from") if args.date_from else first
    d_to = parse_date(args.date_to, "--to") if args.date_to else last
    assert d_from is not None and d_to is not None
    if d_to < d_from:
        raise ValidationError(f"--to {d_to.isoformat()} is before --from {d_from.isoformat()}")
    return d_from, d_to


def stay_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.travel.trip_records import StayInput

    first, last = _stay_dates(args, None, None)
    place = resolve_place(args.city, args.country, args.tz, "--city")
    svc = ctx.services.trips
    stay = svc.add_stay(
        StayInput(place.name, place.tz, first, last, place.country, place.lat, place.lon, args.note or "")
    )
    _report_stay("added", stay, args.json)
    _print_warnings(svc, stay_id=stay.id)
    return 0


def stay_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = ctx.services.trips
    old = svc.get_stay(args.id)
    first, last = _stay_dates(args, old.first_date, old.last_date)
    new = replace(old.to_input(), first_date=first, last_date=last)
    if args.city or args.country or args.tz:
        country = args.country or (None if args.city else old.country)  # a new city: search every country
        place = resolve_place(args.city or old.city, country, args.tz, "--city")
        new = replace(new, city=place.name, country=place.country, tz=place.tz, lat=place.lat, lon=place.lon)
    if args.note is not None:
        new = replace(new, notes=args.note)
    stay = svc.update_stay(args.id, new)
    _report_stay("changed", stay, args.json)
    _print_warnings(svc, stay_id=stay.id)
    return 0


def stay_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    stay = ctx.services.trips.delete_stay(args.id)
    echo(f"stay {stay.id} removed: {stay.place}, {stay.first_date} to {stay.last_date}")
    return 0


def _report_stay(verb: str, stay, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        print_json(_stay_json(stay))
        return
    start = timezones.wall_at(stay.start_utc, stay.tz)
    echo(
        f"stay {stay.id} {verb}: {stay.place} ({stay.tz}), {stay.first_date} to {stay.last_date} "
        f"({stay.days} days, from {start:%H:%M} local on {stay.first_date})"
    )


# ---------------------------------------------------------------------- transits


def _transit_json(t) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return {
        "id": t.id,
        "kind": t.kind,
        "from_place": t.from_place,
        "from_country": t.from_country,
        "from_tz": t.from_tz,
        "to_place": t.to_place,
        "to_country": t.to_country,
        "to_tz": t.to_tz,
        "depart_local": f"{t.depart_local:%Y-%m-%d %H:%M}",
        "arrive_local": f"{t.arrive_local:%Y-%m-%d %H:%M}",
        "depart_utc": timezones.format_utc(t.depart_utc),
        "arrive_utc": timezones.format_utc(t.arrive_utc),
        "ref": t.ref,
        "notes": t.notes,
    }


def transit_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.travel.trip_records import TransitInput

    depart = parse_wall(args.depart, "--depart")
    arrive = parse_wall(args.arrive, "--arrive")
    origin = resolve_place(args.from_city, args.from_country, args.from_tz, "--from-city")
    target = resolve_place(args.to_city, args.to_country, args.to_tz, "--to-city")
    t_in = TransitInput(
        args.kind,
        origin.name,
        origin.tz,
        target.name,
        target.tz,
        depart,
        arrive,
        origin.country,
        target.country,
        args.depart_fold,
        args.arrive_fold,
        args.ref,
        args.note,
    )
    svc = ctx.services.trips
    times = svc.resolve_times(t_in)
    for res, option in ((times.depart, "--depart"), (times.arrive, "--arrive")):
        if res.gap is not None:
            raise ValidationError(f"{option}: {timezones.NonExistentTimeError(res.wall, res.gap)}")
    transit = svc.add_transit(t_in)
    for res, option in ((times.depart, "--depart"), (times.arrive, "--arrive")):
        if res.ambiguous:
            which = "second" if res.fold else "first"
            echo(
                f"note: {res.wall:%Y-%m-%d %H:%M} happens twice in {res.zone}; the {which} occurrence was used "
                f"({option}-fold {1 - res.fold} for the other)",
                file=sys.stderr,
            )
    if args.json:
        print_json(_transit_json(transit))
    else:
        hours, rest = divmod(int(transit.duration.total_seconds()) // 60, 60)
        echo(
            f"transit {transit.id} added: {transit.kind} {transit.route}"
            f"{' ' + transit.ref if transit.ref else ''}, departs {transit.depart_local:%Y-%m-%d %H:%M} "
            f"{timezones.abbreviation(transit.depart_utc, transit.from_tz)}, arrives "
            f"{transit.arrive_local:%Y-%m-%d %H:%M} {timezones.abbreviation(transit.arrive_utc, transit.to_tz)} "
            f"({hours} h {rest:02d})"
        )
    _print_warnings(svc, transit_id=transit.id)
    return 0


def transit_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    t = ctx.services.trips.delete_transit(args.id)
    echo(f"transit {t.id} removed: {t.kind} {t.route}, {t.depart_local:%Y-%m-%d %H:%M}")
    return 0


def _print_warnings(svc, stay_id: int | None = None, transit_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
    """After a change, the itinerary warnings that concern what was just changed."""
    for w in svc.warnings():
        if (stay_id is not None and stay_id in w.stay_ids) or (
            transit_id is not None and transit_id in w.transit_ids
        ):
            echo(f"warning: {w.message}", file=sys.stderr)


# ---------------------------------------------------------------------- trip


def trip_list(ctx: CliContext, args: argparse.Namespace) -> int:
    who = args.itinerary_of
    member = ctx.services.members.find(who) if who else ctx.services.members.current
    svc = ctx.services.trips if who is None else ctx.services.trips_of(member.id if member else None)
    stays, transits, warnings = svc.list_stays(), svc.list_transits(), svc.warnings()
    if args.json:
        print_json(
            {
                "member": member.name if member is not None else None,
                "home_tz": ctx.services.settings.for_member(svc.owner).home_tz(),
                "stays": [_stay_json(s) for s in stays],
                "transits": [_transit_json(t) for t in transits],
                "warnings": [
                    {
                        "kind": w.kind,
                        "first_date": w.first_date.isoformat(),
                        "last_date": w.last_date.isoformat(),
                        "stay_ids": list(w.stay_ids),
                        "transit_ids": list(w.transit_ids),
                        "message": w.message,
                    }
                    for w in warnings
                ],
            }
        )
        return 0
    if member is not None:
        echo(f"itinerary of {member.name}")
    if not stays and not transits:
        echo("no stays or transits yet: add one with `nomadcm stay add` or `nomadcm transit add`")
        return 0
    items: list[tuple[object, int, list[str]]] = []
    for s in stays:
        items.append(
            (s.start_utc, 0, ["stay", str(s.id), str(s.first_date), str(s.last_date), s.place, s.tz, s.notes])
        )
    for t in transits:
        dep = f"{t.depart_local:%Y-%m-%d %H:%M} {timezones.abbreviation(t.depart_utc, t.from_tz)}"
        arr = f"{t.arrive_local:%Y-%m-%d %H:%M} {timezones.abbreviation(t.arrive_utc, t.to_tz)}"
        route = f"{t.route} {t.ref}".strip()
        items.append(
            (t.depart_utc, 1, [t.kind, str(t.id), dep, arr, route, f"{t.from_tz} → {t.to_tz}", t.notes])
        )
    items.sort(key=lambda x: (x[0], x[1]))  # type: ignore[return-value]
    print_table(["what", "id", "from", "to", "place", "zone", "notes"], [row for _, _, row in items])
    if warnings:
        echo()
        for w in warnings:
            echo(f"warning: {w.message}")
    return 0


# ---------------------------------------------------------------------- rhythm settings


def _set_sleep(ctx: CliContext, value: str) -> str:
    from nomadcm.services.travel.rhythm import SleepWindow, set_sleep

    SleepWindow.parse(value)  # validate before opening the database
    return set_sleep(ctx.services.settings, value)


def _set_work_hours(ctx: CliContext, value: str) -> str:
    from nomadcm.services.travel.rhythm import WorkHours, set_work_hours

    WorkHours.parse(value)
    return set_work_hours(ctx.services.settings, value)
