"""The shipped city table's file format (version 2): columns, so that loading is a few C-speed calls.

Gzip-compressed bytes, written by `tools/build_cities.py`: the header line, then sections, each a line
`@name<TAB>count<TAB>type<TAB>bytes` followed by that many bytes and a newline. A `text` section is `count`
UTF-8 lines joined by newlines; an `i32` section is `count` little-endian 32-bit integers.

  @zones        (text) time zone names, numbered from 0
  @countries    (text) CC<TAB>country name, numbered from 0
  @name @alternates (text) and @country @lat @lon @population @zone @kind (i32)
                one value per place, most important first (the order search uses to break ties);
                `country` and `zone` are numbers in the tables above, `lat` and `lon` are degrees times
                100,000 (about 1 m), `kind` is 0 for a town, 1 a country's capital, 2 an island or region;
                alternate names are "|"-separated
  @key (text), @key_place @key_alt (i32)
                the sorted search index: a folded key, the place it leads to and which of its names
                (-1: the name, -2: a later word of the name, n >= 0: alternate n). Stored so that loading
                needs no folding or sorting.

Only the strings become Python objects one by one: numbers are read as arrays. A table of 235,000 places
and 600,000 keys loads in a fraction of what a line per record and a `float()` per value would cost.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import MutableSequence, Sequence
from dataclasses import dataclass, field
from typing import overload

FORMAT_HEADER = b"#nomadcm-cities\t2\n"
TEXT_SECTIONS = ("zones", "countries", "name", "alternates", "key")
NUMBER_SECTIONS = ("country", "lat", "lon", "population", "zone", "kind", "key_place", "key_alt")
KINDS = ("", "C", "R")  # town, capital, island or region (city_ranking.CAPITAL, REGION)
DEGREE_UNITS = 100_000


@dataclass
class CityColumns:
    """The table as parallel lists (place i is `names[i]`, `countries[i]`...)."""

    zones: list[str] = field(default_factory=list)
    country_names: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: MutableSequence[int] = field(default_factory=list)  # an array once read
    zone_numbers: MutableSequence[int] = field(default_factory=list)  # an array once read
    kinds: list[str] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)  # "|"-joined, split on demand
    keys: list[str] = field(default_factory=list)
    key_places: MutableSequence[int] = field(default_factory=list)  # an array once read
    key_alts: MutableSequence[int] = field(default_factory=list)  # an array once read


class Alternates(Sequence[list[str]]):
    """Each place's alternate names, split from their stored "|"-joined text only when asked."""

    def __init__(self, joined: list[str]) -> None:
        self._joined = joined

    @overload
    def __getitem__(self, i: int) -> list[str]: ...
    @overload
    def __getitem__(self, i: slice) -> list[list[str]]: ...
    def __getitem__(self, i: int | slice) -> list[str] | list[list[str]]:
        if isinstance(i, slice):
            return [a.split("|") if a else [] for a in self._joined[i]]
        text = self._joined[i]
        return text.split("|") if text else []

    def __len__(self) -> int:
        return len(self._joined)


def parse(data: bytes) -> CityColumns:
    """Reads what `write` wrote; ValueError says what is wrong with a file that is not one."""
    if not data.startswith(FORMAT_HEADER):
        raise ValueError("not a NomadCM city table (bad header)")
    texts: dict[str, list[str]] = {}
    numbers: dict[str, array[int]] = {}
    at = len(FORMAT_HEADER)
    while at < len(data):
        end = data.find(b"\n", at)
        fields = data[at:end].decode("ascii", "replace").split("\t") if end >= 0 else []
        if len(fields) != 4 or not fields[0].startswith("@") or not (fields[1] + fields[3]).isdigit():
            raise ValueError(f"not a NomadCM city table (bad section header at byte {at})")
        name, count, kind, size = fields[0][1:], int(fields[1]), fields[2], int(fields[3])
        payload = data[end + 1 : end + 1 + size]
        if len(payload) != size:
            raise ValueError(f"not a NomadCM city table (section {name} is cut short)")
        if kind == "i32":
            numbers[name] = _ints(payload)
            values: Sequence[object] = numbers[name]
        else:
            texts[name] = payload.decode("utf-8").split("\n") if count else []
            values = texts[name]
        if len(values) != count:
            raise ValueError(f"not a NomadCM city table (section {name} holds {len(values)}, not {count})")
        at = end + 1 + size + 1
    missing = [s for s in TEXT_SECTIONS if s not in texts] + [s for s in NUMBER_SECTIONS if s not in numbers]
    if missing:
        raise ValueError(f"not a NomadCM city table (no {', '.join(missing)} section)")
    country_rows = [line.split("\t", 1) for line in texts["countries"]]
    codes = [row[0] for row in country_rows]
    cols = CityColumns(
        zones=texts["zones"],
        country_names={row[0]: row[-1] for row in country_rows},
        names=texts["name"],
        countries=[codes[c] for c in numbers["country"]],
        lats=[v / DEGREE_UNITS for v in numbers["lat"]],
        lons=[v / DEGREE_UNITS for v in numbers["lon"]],
        population=numbers["population"],
        zone_numbers=numbers["zone"],
        kinds=[KINDS[k] for k in numbers["kind"]],
        alternates=texts["alternates"],
        keys=texts["key"],
        key_places=numbers["key_place"],
        key_alts=numbers["key_alt"],
    )
    sizes = {
        len(getattr(cols, a)) for a in ("names", "countries", "lats", "lons", "population", "alternates")
    }
    if len(sizes) != 1 or len({len(cols.keys), len(cols.key_places), len(cols.key_alts)}) != 1:
        raise ValueError("not a NomadCM city table (columns of different lengths)")
    return cols


def write(cols: CityColumns) -> bytes:
    """The bytes of the file before compression (see the module's docstring)."""
    out = [FORMAT_HEADER]

    def section(name: str, count: int, kind: str, payload: bytes) -> None:
        out.append(f"@{name}\t{count}\t{kind}\t{len(payload)}\n".encode("ascii"))
        out.append(payload)
        out.append(b"\n")

    def text(name: str, values: Sequence[str]) -> None:
        section(name, len(values), "text", "\n".join(values).encode("utf-8"))

    def ints(name: str, values: Sequence[int]) -> None:
        data = array("i", values)
        if sys.byteorder == "big":
            data.byteswap()
        section(name, len(values), "i32", data.tobytes())

    codes = sorted(cols.country_names)
    number_of = {code: n for n, code in enumerate(codes)}
    text("zones", cols.zones)
    text("countries", [f"{code}\t{cols.country_names[code]}" for code in codes])
    text("name", cols.names)
    text("alternates", cols.alternates)
    ints("country", [number_of[c] for c in cols.countries])
    ints("lat", [round(v * DEGREE_UNITS) for v in cols.lats])
    ints("lon", [round(v * DEGREE_UNITS) for v in cols.lons])
    ints("population", cols.population)
    ints("zone", cols.zone_numbers)
    ints("kind", [KINDS.index(k) for k in cols.kinds])
    text("key", cols.keys)
    ints("key_place", cols.key_places)
    ints("key_alt", cols.key_alts)
    return b"".join(out)


def _ints(payload: bytes) -> array[int]:
    if len(payload) % 4:
        raise ValueError("not a NomadCM city table (a number section is cut short)")
    data = array("i")
    data.frombytes(payload)
    if sys.byteorder == "big":
        data.byteswap()
    return data  # 4 bytes a number, not a 28-byte int object and its pointer
