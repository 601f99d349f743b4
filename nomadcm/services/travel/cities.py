"""Offline city search: name -> city, country, coordinates and time zone, with no network.

The table (`resources/data/cities.bin.gz`, built by `tools/build_cities.py` from GeoNames cities500 —
every town of 500+ people — plus a few islands and regions travellers type, CC BY 4.0) is read on first
use only: the CLI's other commands and the GUI's start-up never pay for it.

Matching folds accents, case and punctuation ("Montréal" = "montreal" = "MONTREAL"), so a French keyboard
and an English one find the same city. A query matches a city's name, its alternate names (Lisboa, Lisbonne,
Pékin, Tananarive...) and, more weakly, the start of any word of its name ("york" finds New York). Exact
matches rank before prefixes, the likeliest place first (city_ranking.py: "Mexico" is Mexico City, "Bali"
the island); a country code or name narrows the search ("Paris, US", or `country="US"`).
"""

from __future__ import annotations

import gc
import gzip
import math
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.travel import city_file
from nomadcm.services.travel.city_ranking import (
    EXACT_ALT,
    EXACT_NAME,
    NAME,
    PREFIX_ALT,
    PREFIX_NAME,
    REGION,
    WORD,
    WORD_PREFIX,
    KeyRanks,
    key_range,
    weight,
)

SHORT_QUERY = 2  # the answers to queries this short, the costliest, are kept
DATA_FILE = "resources/data/cities.bin.gz"  # inside the nomadcm package
ATTRIBUTION = (
    "City names, coordinates and time zones: GeoNames (https://www.geonames.org), "
    "licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
)

# Letters NFKD does not decompose into a base letter + accent.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŧ": "t",
        "Ŧ": "T",
        "ʻ": "'",
        "ʼ": "'",
    }
)


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """The search key of a name: no accents, no case, punctuation as single spaces ("Saint-Étienne" ->
    "saint etienne")."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_SPECIAL)))
    return _NOT_WORD.sub(" ", text).strip().casefold()


# name, country code, latitude, longitude, population, zone, alternate names, kind ("", "C" capital, "R" region)
Row = tuple[str, str, float, float, int, str, list[str], str]


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166 alpha-2
    country_name: str
    lat: float
    lon: float
    population: int
    tz: str
    ascii_name: str = ""
    matched: str = ""  # the alternate name the query matched, when it was not the main name
    kind: str = ""  # "" a town, "C" its country's capital, "R" an island or a region ("Bali", "Corse")

    @property
    def label(self) -> str:
        """ "Montréal, Canada"."""
        return f"{self.name}, {self.country_name}" if self.country_name else self.name


class CityIndex:
    """The city table with its sorted search keys. Build once (`default_index()`), query many times."""

    def __init__(self, cols: city_file.CityColumns) -> None:
        """`cols` as read from the file; `from_rows` builds them, search index included."""
        self.cols = cols
        self.countries = cols.country_names
        self._country_keys = {fold(name): code for code, name in self.countries.items()}
        self.names = cols.names
        self.country_of = cols.countries
        self.coords: list[tuple[float, float]] = list(zip(cols.lats, cols.lons, strict=True))
        self.population = cols.population
        self.kinds = cols.kinds
        zones = cols.zones
        self.tz: list[str] = [zones[z] for z in cols.zone_numbers]
        self.alternates = city_file.Alternates(cols.alternates)
        self._keys, self._places, self._alts = cols.keys, cols.key_places, cols.key_alts
        self._ranks = KeyRanks(self._places, self._alts, len(self.names))
        self._grid: dict[tuple[int, int], list[int]] | None = None
        self._short: dict[tuple[str, str | None, int], list[tuple[int, int, int]]] = {}

    @classmethod
    def from_rows(cls, countries: dict[str, str], rows: Iterable[Row]) -> CityIndex:
        """A table from places given most important first (the order breaks ties in search)."""
        cols = city_file.CityColumns(country_names=dict(countries))
        zone_numbers: dict[str, int] = {}
        for name, cc, lat, lon, pop, tz, alts, kind in rows:
            cols.names.append(name)
            cols.countries.append(cc)
            cols.lats.append(lat)
            cols.lons.append(lon)
            cols.population.append(pop)
            cols.zone_numbers.append(zone_numbers.setdefault(tz, len(zone_numbers)))
            cols.kinds.append(kind)
            cols.alternates.append("|".join(alts))
        cols.zones = list(zone_numbers)
        entries: list[tuple[str, int, int]] = []  # (key, place, NAME / WORD / alternate number)
        for i, name in enumerate(cols.names):
            key = fold(name)
            entries.append((key, i, NAME))
            words = key.split(" ")
            for w in range(1, len(words)):
                entries.append((" ".join(words[w:]), i, WORD))
            joined = cols.alternates[i]
            for a, alt in enumerate(joined.split("|") if joined else []):
                entries.append((fold(alt), i, a))
        entries.sort()
        cols.keys = [e[0] for e in entries]
        cols.key_places = [e[1] for e in entries]
        cols.key_alts = [e[2] for e in entries]
        return cls(cols)

    # ------------------------------------------------------------------ the file

    @classmethod
    def load(cls, path: Path | None = None) -> CityIndex:
        if path is None:
            raw = resources.files("nomadcm").joinpath(DATA_FILE).read_bytes()
        else:
            raw = Path(path).read_bytes()
        return cls.parse(gzip.decompress(raw))

    @classmethod
    def parse(cls, data: bytes) -> CityIndex:
        """Reads the format written by `to_bytes` (services/travel/city_file.py). The collector is paused
        while a million strings are made (it would run full collections over them for nothing), and they
        are then frozen out of its sight: else the first collection after the load, on the next keystroke,
        walks them all (0.1 s)."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            index = cls(city_file.parse(data))
            gc.freeze()
            return index
        finally:
            if collecting:
                gc.enable()

    def to_bytes(self) -> bytes:
        return city_file.write(self.cols)

    def __len__(self) -> int:
        return len(self.names)

    # ------------------------------------------------------------------ search

    def country_code(self, text: str) -> str:
        """An ISO code from a code or a country name ("ca", "Canada"); ValidationError names it otherwise."""
        raw = text.strip()
        if len(raw) == 2 and raw.upper() in self.countries:
            return raw.upper()
        code = self._country_keys.get(fold(raw))
        if code is None:
            raise ValidationError(f"unknown country {text!r} (use a two-letter code such as FR or CA)")
        return code

    def search(self, text: str, country: str | None = None, limit: int = 20) -> list[City]:
        """Best matches first (city_ranking.py): exact names, then prefixes, then word starts."""
        query, cc = self._split_query(text, country)
        return [self.city(i, alt) for _, i, alt in self._ranked(query, cc, limit)]

    def find(self, name: str, country: str | None = None) -> City:
        """The city a person means by `name`: an exact name or alternate name (the likeliest if several
        have it), else the only city whose name starts so. NotFoundError names the text and suggests."""
        query, cc = self._split_query(name, country)
        ranked = self._ranked(query, cc, 5)
        if ranked and ranked[0][0] in (EXACT_NAME, EXACT_ALT):
            return self.city(ranked[0][1], ranked[0][2])
        prefixed = [r for r in ranked if r[0] in (PREFIX_NAME, PREFIX_ALT)]
        if len(prefixed) == 1:
            return self.city(prefixed[0][1], prefixed[0][2])
        where = f" in {self.countries.get(cc, cc)}" if cc else ""
        labels = [self.city(i).label for _, i, _ in ranked[:3]]
        hint = f"; did you mean {', '.join(labels)}?" if labels else ""
        raise NotFoundError(f"no city named {name.strip()!r}{where} in the offline city table{hint}")

    def _ranked(self, query: str, country: str | None, limit: int) -> list[tuple[int, int, int]]:
        """(quality, place, alternate) of the best `limit` matches of a folded query."""
        if not query or limit < 1:
            return []
        if len(query) <= SHORT_QUERY:
            asked = (query, country, limit)
            if asked not in self._short:
                if len(self._short) >= 1024:
                    self._short.clear()
                self._short[asked] = self._rank(query, country, limit)
            return self._short[asked]
        return self._rank(query, country, limit)

    def _rank(self, query: str, country: str | None, limit: int) -> list[tuple[int, int, int]]:
        places, alts, country_of = self._places, self._alts, self.country_of
        lo, equal, hi = key_range(self._keys, query)
        exact: dict[int, tuple[float, int]] = {}  # place -> (weight, alternate)
        for j in range(lo, equal):
            place, alt = places[j], alts[j]
            if alt == WORD or (country is not None and country_of[place] != country):
                continue
            w = weight(self.population[place], self.kinds[place], alternate=alt != NAME)
            if place not in exact or w > exact[place][0]:
                exact[place] = (w, alt)
        best = sorted(exact.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        out = [(EXACT_NAME if alt == NAME else EXACT_ALT, place, alt) for place, (_, alt) in best]
        if len(out) < limit:

            def accept(j: int) -> bool:
                place = places[j]
                return place not in exact and (country is None or country_of[place] == country)

            for j in self._ranks.best_in_range(lo, hi, limit - len(out), accept):
                alt = alts[j]
                quality = PREFIX_NAME if alt == NAME else WORD_PREFIX if alt == WORD else PREFIX_ALT
                out.append((quality, places[j], alt))
        return out

    def city(self, i: int, alt: int = -1) -> City:
        lat, lon = self.coords[i]
        cc = self.country_of[i]
        name = self.names[i]
        return City(
            name=name,
            country=cc,
            country_name=self.countries.get(cc, cc),
            lat=lat,
            lon=lon,
            population=self.population[i],
            tz=self.tz[i],
            ascii_name=ascii_name(name),
            matched=self.alternates[i][alt] if alt >= 0 else "",
            kind=self.kinds[i],
        )

    def _split_query(self, text: str, country: str | None) -> tuple[str, str | None]:
        raw = text
        if country is None and "," in text:  # "Paris, US" / "Montréal, Canada"
            head, _, tail = text.rpartition(",")
            if tail.strip():
                try:
                    country = self.country_code(tail)
                    raw = head
                except ValidationError:
                    raw = text
        elif country is not None:
            country = self.country_code(country)
        return fold(raw), country

    # ------------------------------------------------------------------ nearest

    def nearest(self, lat: float, lon: float) -> tuple[City, float]:
        """The closest town to a point and its distance in km (the workplaces page's coordinates -> zone);
        islands and regions are left out: a point is in a town of Bali, not in "Bali"."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValidationError(f"coordinates {lat}, {lon} are out of range")
        grid = self._cells()
        ci, cj = _cell(lat, lon)
        best: tuple[float, int] | None = None
        ring = 0
        while ring <= 180 // _CELL_DEG + 1:
            for cell in _ring(ci, cj, ring):
                for k in grid.get(cell, ()):
                    d = haversine_km(lat, lon, *self.coords[k])
                    if best is None or d < best[0]:
                        best = (d, k)
            # A city found in ring r may be beaten by one in ring r + 1 (cells are not circles): look once more.
            if best is not None and best[0] <= ring * _CELL_DEG * 111.0 * max(
                math.cos(math.radians(lat)), 0.05
            ):
                break
            ring += 1
        assert best is not None, "empty city table"
        return self.city(best[1]), best[0]

    def _cells(self) -> dict[tuple[int, int], list[int]]:
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = {}
            for k, (la, lo) in enumerate(self.coords):
                if self.kinds[k] != REGION:  # the town a point is in, not the island's centre
                    grid.setdefault(_cell(la, lo), []).append(k)
            self._grid = grid
        return self._grid


_CELL_DEG = 2


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int((lat + 90) // _CELL_DEG), int((lon + 180) // _CELL_DEG)


def _ring(ci: int, cj: int, r: int) -> Iterable[tuple[int, int]]:
    cols = 360 // _CELL_DEG
    if r == 0:
        yield ci, cj
        return
    for di in range(-r, r + 1):
        for dj in range(-r, r + 1):
            if max(abs(di), abs(dj)) == r:
                yield ci + di, (cj + dj) % cols


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def ascii_name(name: str) -> str:
    """The name in plain ASCII letters ("Montréal" -> "Montreal"), as GeoNames' asciiname column."""
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch) and ord(ch) < 128)


_loaded: CityIndex | None = None
_loading = threading.Lock()


def default_index() -> CityIndex:
    """The shipped table, loaded on first call (about half a second), then shared. Thread-safe: the GUI
    warms it up on a background thread while the user opens a dialog."""
    global _loaded
    if _loaded is None:
        with _loading:
            if _loaded is None:
                _loaded = CityIndex.load()
    return _loaded


def is_loaded() -> bool:
    return _loaded is not None


def warm_up() -> None:
    """Loads the table on a background thread (no-op when it is loaded or loading)."""
    if _loaded is None and not _loading.locked():
        threading.Thread(target=default_index, name="nomadcm-cities", daemon=True).start()


def search(text: str, country: str | None = None, limit: int = 20) -> list[City]:
    return default_index().search(text, country, limit)


def find(name: str, country: str | None = None) -> City:
    return default_index().find(name, country)


def nearest(lat: float, lon: float) -> tuple[City, float]:
    return default_index().nearest(lat, lon)
