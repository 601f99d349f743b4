"""Offline city search: name -> city, country, coordinates and time zone, with no network.

The table (`resources/data/cities.tsv.gz`, built by `tools/build_cities.py` from GeoNames cities15000,
CC BY 4.0) is read on first use only: the CLI's other commands and the GUI's start-up never pay for it.

Matching folds accents, case and punctuation ("Montréal" = "montreal" = "MONTREAL"), so a French keyboard
and an English one find the same city. A query matches a city's name, its alternate names (Lisboa, Lisbonne,
Tananarive...) and, more weakly, the start of any word of its name ("york" finds New York). Exact names rank
before prefixes, and among equals the bigger city wins; a country code or name narrows the search
("Paris, US", or `country="US"`).
"""

from __future__ import annotations

import bisect
import gzip
import heapq
import math
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from nomadcm.errors import NotFoundError, ValidationError

FORMAT_HEADER = "#nomadcm-cities\t1"
DATA_FILE = "resources/data/cities.tsv.gz"  # inside the nomadcm package
ATTRIBUTION = (
    "City names, coordinates and time zones: GeoNames (https://www.geonames.org), "
    "licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
)

# Match quality, best first.
EXACT_NAME, EXACT_ALT, PREFIX_NAME, PREFIX_ALT, WORD_PREFIX = range(5)

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


# name, country code, latitude, longitude, population, zone, alternate names
Row = tuple[str, str, float, float, int, str, list[str]]


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

    @property
    def label(self) -> str:
        """ "Montréal, Canada"."""
        return f"{self.name}, {self.country_name}" if self.country_name else self.name


class CityIndex:
    """The city table with its sorted search keys. Build once (`default_index()`), query many times."""

    def __init__(
        self,
        countries: dict[str, str],
        rows: Iterable[Row],
        index: tuple[list[str], list[tuple[int, int]]] | None = None,
    ) -> None:
        """`rows` are cities; `index` the sorted (keys, refs) stored in the file, computed when not given."""
        self.countries = countries
        self._country_keys = {fold(name): code for code, name in countries.items()}
        self.names: list[str] = []
        self.country_of: list[str] = []
        self.coords: list[tuple[float, float]] = []
        self.population: list[int] = []
        self.tz: list[str] = []
        self.alternates: list[list[str]] = []
        for name, cc, lat, lon, pop, tz, alts in rows:
            self.names.append(name)
            self.country_of.append(cc)
            self.coords.append((lat, lon))
            self.population.append(pop)
            self.tz.append(tz)
            self.alternates.append(alts)
        if index is None:
            index = self._build_index()
        self._keys, self._refs = index
        self._grid: dict[tuple[int, int], list[int]] | None = None

    def _build_index(self) -> tuple[list[str], list[tuple[int, int]]]:
        entries: list[
            tuple[str, int, int]
        ] = []  # (key, city, alternate number; -1 the name, -2 a word of it)
        for i, name in enumerate(self.names):
            key = fold(name)
            entries.append((key, i, -1))
            words = key.split(" ")
            for w in range(1, len(words)):
                entries.append((" ".join(words[w:]), i, -2))
            for a, alt in enumerate(self.alternates[i]):
                entries.append((fold(alt), i, a))
        entries.sort()
        return [e[0] for e in entries], [(e[1], e[2]) for e in entries]

    # ------------------------------------------------------------------ the file

    @classmethod
    def load(cls, path: Path | None = None) -> CityIndex:
        if path is None:
            raw = resources.files("nomadcm").joinpath(DATA_FILE).read_bytes()
        else:
            raw = Path(path).read_bytes()
        return cls.parse(gzip.decompress(raw).decode("utf-8"))

    @classmethod
    def parse(cls, text: str) -> CityIndex:
        """Reads the format written by `to_text` (described in tools/build_cities.py)."""
        lines = text.split("\n")
        if not lines or lines[0].rstrip() != FORMAT_HEADER:
            raise ValueError("not a NomadCM city table (bad header)")
        countries: dict[str, str] = {}
        rows: list[Row] = []
        zones: list[str] = []
        keys: list[str] = []
        refs: list[tuple[int, int]] = []
        for line in lines[1:]:
            tag, _, rest = line.partition("\t")
            if tag == "K":
                key, city, alt = rest.split("\t")
                keys.append(key)
                refs.append((int(city), int(alt)))
            elif tag == "P":
                name, cc, lat, lon, pop, zone, alts = rest.split("\t")
                alt_list = alts.split("|") if alts else []
                rows.append((name, cc, float(lat), float(lon), int(pop), zones[int(zone)], alt_list))
            elif tag == "Z":
                zones.append(rest)
            elif tag == "C":
                code, _, name = rest.partition("\t")
                countries[code] = name
        return cls(countries, rows, (keys, refs) if keys else None)

    def to_text(self) -> str:
        """The file format: see tools/build_cities.py. The sorted search index is stored too, so loading
        needs no folding or sorting (a third of the time)."""
        zone_numbers: dict[str, int] = {}
        for tz in self.tz:
            zone_numbers.setdefault(tz, len(zone_numbers))
        out = [FORMAT_HEADER]
        out += [f"Z\t{tz}" for tz in zone_numbers]
        out += [f"C\t{code}\t{name}" for code, name in sorted(self.countries.items())]
        for i, name in enumerate(self.names):
            lat, lon = self.coords[i]
            fields = [name, self.country_of[i], f"{lat:.5f}", f"{lon:.5f}", str(self.population[i])]
            fields += [str(zone_numbers[self.tz[i]]), "|".join(self.alternates[i])]
            out.append("P\t" + "\t".join(fields))
        out += [f"K\t{key}\t{city}\t{alt}" for key, (city, alt) in zip(self._keys, self._refs, strict=True)]
        return "\n".join(out) + "\n"

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
        """Best matches first: exact names, then prefixes, then word starts; bigger cities first within each."""
        query, cc = self._split_query(text, country)
        return [self.city(i, alt) for _, i, alt in self._ranked(query, cc, limit)]

    def find(self, name: str, country: str | None = None) -> City:
        """The city a person means by `name`: an exact name or alternate name (the biggest city if several
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
        """(quality, city, alternate) of the best `limit` matches of a folded query."""
        if not query:
            return []
        best: dict[int, tuple[int, int]] = {}  # city -> (quality, alternate index)
        keys, refs, country_of = self._keys, self._refs, self.country_of
        n = len(keys)
        j = bisect.bisect_left(keys, query)
        size = len(query)
        while j < n and keys[j].startswith(query):
            city, alt = refs[j]
            if country is None or country_of[city] == country:
                exact = len(keys[j]) == size
                if alt == -1:
                    quality = EXACT_NAME if exact else PREFIX_NAME
                elif alt == -2:
                    quality = WORD_PREFIX
                else:
                    quality = EXACT_ALT if exact else PREFIX_ALT
                old = best.get(city)
                if old is None or quality < old[0]:
                    best[city] = (quality, alt)
            j += 1
        pop = self.population
        ranked = heapq.nsmallest(limit, best.items(), key=lambda kv: (kv[1][0], -pop[kv[0]]))
        return [(q, i, alt) for i, (q, alt) in ranked]

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
        """The closest city to a point and its distance in km (the workplaces page's coordinates -> zone)."""
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
