"""The places CSV: one row per workplace, columns documented here and in docs/places.md.

Columns, in order (UTF-8, RFC 4180 quoting, CRLF line ends; import also reads `;`-separated files and a BOM):

    id             NomadCM's id (export only; ignored on import)
    name           required
    kind           cafe, coworking, hotel, library, outdoor, transport, other
    address        free text
    city           free text ("Lisboa" and "Lisbon" are the same city for filters)
    country        ISO 3166 two-letter code
    lat, lon       decimal degrees (WGS84), both or neither
    tz             IANA zone; empty: from the coordinates or the city
    ssid           WiFi network name, kept byte for byte
    wifi_password  only with `--with-passwords`; an empty cell on import keeps the stored password
    fee            free, customers or paid (access to the WiFi)
    price          free text ("1 coffee", "15 €/day")
    opening_hours  OpenStreetMap opening_hours syntax, kept byte for byte (surrounding spaces too)
    score_wifi, score_power, score_quiet, score_comfort, score_price   whole numbers 0-5, or empty
    food           yes / no
    favourite      yes / no
    last_visit     YYYY-MM-DD
    notes          free text
    osm_id         node/123, way/456 or relation/789 when the place came from OpenStreetMap
    osm_tags       the place's other OSM tags as a JSON object
    down_mbps, up_mbps, ping_ms, tests, last_test_at
                   medians of the speed tests, how many, and the latest (UTC): export only, ignored on import

A cell a spreadsheet would run as a formula (starting with = + - @ tab CR) is written with a leading ' and
read back without it (exchange/csv_cells.py): this file is meant for a spreadsheet. Other cells are
trimmed on import, except opening_hours and ssid, and the values inside osm_tags, which are read as written. Import matches a row to an existing place by osm_id, else by name and city, and updates it;
other rows are added. Every row is checked first; one bad row and nothing is imported.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.exchange import json_stream
from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.csv_cells import neutralise, unneutralise
from nomadcm.exchange.csv_native_import_stream import data_records, header_of, open_records
from nomadcm.exchange.csv_stream import CsvStream
from nomadcm.exchange.file_errors import MAX_KEPT, ImportFailed, RowError
from nomadcm.exchange.places_io import PlaceFileError, PlaceRow, PlacesImportReport, PositionedError
from nomadcm.services.workplaces.opening_hours import check_hours
from nomadcm.services.workplaces.place_catalog import PlaceInfo, encode_tags, load_catalog
from nomadcm.services.workplaces.place_fields import check_fields
from nomadcm.services.workplaces.place_geo import guess_zone
from nomadcm.services.workplaces.places import WorkplaceService
from nomadcm.storage import Database

COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "address",
    "city",
    "country",
    "lat",
    "lon",
    "tz",
    "ssid",
    "wifi_password",
    "fee",
    "price",
    "opening_hours",
    "score_wifi",
    "score_power",
    "score_quiet",
    "score_comfort",
    "score_price",
    "food",
    "favourite",
    "last_visit",
    "notes",
    "osm_id",
    "osm_tags",
    "down_mbps",
    "up_mbps",
    "ping_ms",
    "tests",
    "last_test_at",
)
READ_ONLY = frozenset({"id", "down_mbps", "up_mbps", "ping_ms", "tests", "last_test_at"})
EDITABLE = tuple(c for c in COLUMNS if c not in READ_ONLY)
# Free-text cells, guarded against formula injection (numbers like -9.15 are left as they are).
TEXT_COLUMNS = frozenset(
    {"name", "address", "city", "ssid", "wifi_password", "price", "opening_hours", "notes"}
)
# OSM tag values, read byte for byte (surrounding spaces included); the other cells are trimmed.
VERBATIM_COLUMNS = frozenset({"opening_hours", "ssid"})
_TRUE = {"yes", "y", "true", "1", "oui", "x", "✓"}
_FALSE = {"no", "n", "false", "0", "non", ""}


# --------------------------------------------------------------------------- export


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def row_for(place: PlaceInfo, password: str | None) -> dict[str, str]:
    return {
        "id": str(place.id),
        "name": place.name,
        "kind": place.kind,
        "address": place.address,
        "city": place.city,
        "country": place.country or "",
        "lat": "" if place.lat is None else repr(place.lat),
        "lon": "" if place.lon is None else repr(place.lon),
        "tz": place.tz or "",
        "ssid": place.ssid,
        "wifi_password": password or "",
        "fee": place.fee or "",
        "price": place.price,
        "opening_hours": place.opening_hours,
        "score_wifi": _score(place.score_wifi),
        "score_power": _score(place.score_power),
        "score_quiet": _score(place.score_quiet),
        "score_comfort": _score(place.score_comfort),
        "score_price": _score(place.score_price),
        "food": "yes" if place.food else "no",
        "favourite": "yes" if place.favourite else "no",
        "last_visit": place.last_visit.isoformat() if place.last_visit else "",
        "notes": place.notes,
        "osm_id": place.osm_id or "",
        "osm_tags": json.dumps(place.extra_tags, ensure_ascii=False, sort_keys=True)
        if place.extra_tags
        else "",
        "down_mbps": _number(place.down_mbps),
        "up_mbps": _number(place.up_mbps),
        "ping_ms": _number(place.ping_ms),
        "tests": str(place.tests),
        "last_test_at": timezones.format_utc(place.speed.last_test_at) if place.speed.last_test_at else "",
    }


def _score(value: int | None) -> str:
    return "" if value is None else str(value)


def export_places_csv(
    db: Database, path: Path, *, with_passwords: bool = False, place_ids: Iterable[int] | None = None
) -> int:
    columns = [c for c in COLUMNS if with_passwords or c != "wifi_password"]
    catalog = load_catalog(db, place_ids)
    passwords = WorkplaceService(db).passwords(place_ids) if with_passwords else {}
    with atomic_text_file(path, private=with_passwords) as out:  # passwords: rw------- when new
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for place in catalog.places:
            row = row_for(place, passwords.get(place.id))
            writer.writerow([neutralise(row[c]) if c in TEXT_COLUMNS else row[c] for c in columns])
    return len(catalog)


# --------------------------------------------------------------------------- import


def read_places_csv(path: Path) -> tuple[list[PlaceRow], PlacesImportReport]:
    """Every row of a places CSV; ImportFailed lists the bad records by line."""
    rows, report = stream_places_csv(path)
    return list(rows), report


def stream_places_csv(path: Path) -> tuple[Iterator[PlaceRow], PlacesImportReport]:
    """The header checked now (PlaceFileError), the rows as they are read: a bad record is listed by line
    and the iterator raises ImportFailed at its end, once every record was checked (`save_places` reads it
    inside its transaction, which then rolls back)."""
    stream = open_records(path)
    try:
        records = iter(stream.__enter__())  # left by `_place_rows` (or below, for a bad header)
        header = header_of(path, records, COLUMNS)
    except UserError as err:
        stream.__exit__(None, None, None)
        raise PlaceFileError(str(err)) from None
    if "name" not in header:
        stream.__exit__(None, None, None)
        raise PlaceFileError(
            f"{str(path)!r}: no 'name' column in the header (line 1); the columns are {', '.join(COLUMNS)}"
        )
    duplicates = sorted({h for h in header if header.count(h) > 1 and h})
    if duplicates:
        stream.__exit__(None, None, None)
        raise PlaceFileError(f"{str(path)!r}: column(s) {', '.join(duplicates)} appear twice in the header")
    report = PlacesImportReport("csv")
    ignored = [h for h in header if h and h not in COLUMNS]
    if ignored:
        report.warnings.append(f"column(s) not known and ignored: {', '.join(ignored)}")
    return _place_rows(path, stream, records, header, report), report


def _place_rows(
    path: Path, stream: CsvStream, records: Iterator[tuple[int, list[str]]], header: list[str],
    report: PlacesImportReport,
) -> Iterator[PlaceRow]:  # fmt: skip
    index = {name: i for i, name in enumerate(header)}
    present = [c for c in EDITABLE if c in index]
    errors: list[RowError] = []
    bad = 0
    try:
        for line, cells in data_records(records):
            position = f"line {line}"
            if len(cells) != len(header):
                problem = f"{len(cells)} cells, the header has {len(header)}"
            else:
                raw = {
                    c: unneutralise(cells[index[c]])
                    if c in VERBATIM_COLUMNS
                    else unneutralise(cells[index[c]]).strip()
                    for c in present
                }
                try:
                    row = _row(position, raw, report)
                except (UserError, ValueError) as err:
                    problem = str(err)
                else:
                    if not bad:  # after a bad record the rest is only checked
                        yield row
                    continue
            bad += 1
            if len(errors) < MAX_KEPT:
                errors.append(PositionedError(position, problem))
    except UserError as err:  # not UTF-8, not CSV: said by the stream, naming the line
        raise PlaceFileError(str(err)) from None
    finally:
        stream.__exit__(None, None, None)
    if errors:
        raise ImportFailed(str(path), errors, bad)


def _bool(value: str, column: str) -> bool:
    low = value.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise UserError(f"{column} {value!r} is not yes or no")


def _row(position: str, raw: dict[str, str], report: PlacesImportReport) -> PlaceRow:
    values: dict[str, Any] = {}
    for column, text in raw.items():
        if column in ("food", "favourite"):
            values[column] = _bool(text, column)
        elif column == "osm_tags":
            values["extra_tags"] = _tags(text)
        elif column in ("wifi_password", "kind") and not text:
            continue  # an empty cell keeps the stored password / kind ("other" for a new place)
        else:
            values[column] = text if text else None
    for column in ("address", "city", "ssid", "price", "opening_hours", "notes"):
        if column in values and values[column] is None:
            values[column] = ""
    if not values.get("name"):
        raise UserError("name is empty")
    values = check_fields(values)
    if not values.get("tz"):
        guess = guess_zone(
            None, values.get("city", ""), values.get("country"), values.get("lat"), values.get("lon")
        )
        values["tz"] = guess.tz
        if values.get("country") is None:
            values["country"] = guess.country
    if "extra_tags" in values:
        values["extra_tags"] = encode_tags(values["extra_tags"])
    error = check_hours(values.get("opening_hours") or "")
    if error:
        report.warnings.append(
            f"{position} {values['name']!r}: opening hours {values['opening_hours']!r} not understood "
            f"({error}); kept as written and treated as unknown"
        )
    return PlaceRow(position, values, frozenset(values))


def _tags(text: str) -> dict[str, str]:
    if not text:
        return {}
    try:
        value = json_stream.loads(text)  # refuses what json.loads lets through (exchange/json_stream.py)
    except ValueError:
        raise UserError(f"osm_tags {text[:40]!r} is not a JSON object") from None
    if not isinstance(value, dict):
        raise UserError(f"osm_tags {text[:40]!r} is not a JSON object")
    return {str(k): str(v) for k, v in value.items()}
