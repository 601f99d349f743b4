"""CLI for the offline city table: `nomadcm city search TEXT [--country CC] [--limit N] [--json]`.

Registered by `cli/travel.py`, right after the itinerary's commands (the order of `nomadcm --help`).
"""

from __future__ import annotations

import argparse
import sys

from nomadcm.cli.arguments import count_between
from nomadcm.cli.common import CliContext, command_group, echo, print_json, print_table
from nomadcm.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    city = command_group(sub, "city", "the offline city table")
    p = city.add_parser("search", help="find a city (accents and case don't matter)")
    p.add_argument("text")
    p.add_argument("--country", metavar="CC", help="only in this country (code or name)")
    p.add_argument("--limit", type=count_between(1, 1000), default=10, metavar="N", help="at most N (1-1000)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=city_search)


def city_search(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.travel import cities

    if args.limit < 1:
        raise ValidationError(f"--limit {args.limit} must be at least 1")
    index = cities.default_index()
    code = index.country_code(args.country) if args.country else None
    found = index.search(args.text, code, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "name": c.name,
                    "ascii_name": c.ascii_name,
                    "country": c.country,
                    "country_name": c.country_name,
                    "lat": c.lat,
                    "lon": c.lon,
                    "population": c.population,
                    "tz": c.tz,
                    "matched": c.matched or c.name,
                }
                for c in found
            ]
        )
        return 0
    if not found:
        where = f" in {index.countries.get(code, code)}" if code else ""
        echo(f"no city matches {args.text!r}{where}", file=sys.stderr)
        return 0  # an empty answer, as `place list` gives one: not an error
    print_table(
        ["city", "country", "zone", "population", "lat", "lon"],
        [
            [
                f"{c.name} ({c.matched})" if c.matched else c.name,
                f"{c.country} {c.country_name}",
                c.tz,
                f"{c.population:,}".replace(",", " "),
                f"{c.lat:.4f}",
                f"{c.lon:.4f}",
            ]
            for c in found
        ],
    )
    return 0
