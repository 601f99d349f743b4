"""OpenStreetMap extracts in (GeoJSON, Overpass JSON) and GeoJSON out, without losing a tag.

Import keeps the elements that have internet access (`internet_access` = wlan, yes, wired or terminal; a
`;` list counts if one of its values does) and a name; the others are skipped and counted by reason.
Elements without any tags (the nodes of a way) are geometry, not places, and are not counted.

Mapping:
    name                      -> name
    amenity/office/tourism/…  -> kind (cafe, coworking, hotel, library, outdoor, transport, other)
    internet_access:fee       -> fee (no -> free, customers -> customers, yes -> paid)
    internet_access:ssid      -> ssid (byte for byte)
    opening_hours             -> opening hours (kept byte for byte; flagged when the parser refuses it)
    addr:*                    -> address (addr:full, or number + street [+ postcode]), city, country
    geometry / lat,lon / center -> coordinates (a way or polygon: its centre), then the zone, offline
    type/id                   -> osm_id ("node/123"), so re-importing updates instead of duplicating
Every tag that is not held in a column (amenity, internet_access, addr:*, website, …) is kept in
`Workplace.extra_tags`, so export writes back exactly the tags that came in. What she measured and rated
travels in a separate `nomadcm` object in the properties, never mixed with the OSM tags.

`osm_elements` reads a file's features or elements into records, `osm_tags` maps tags to columns and back;
this module turns records into checked place rows and places into a GeoJSON file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nomadcm.errors import UserError
from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.exchange.osm_elements import OsmExtract, OsmRecord
from nomadcm.exchange.osm_tags import (
    FEE_FROM_OSM,
    FEE_TO_OSM,
    compose_address,
    fee_tag_value,
    internet_access_ok,
    osm_kind,
    tags_for_export,
)
from nomadcm.exchange.places_io import (
    PlaceRow,
    PlacesImportReport,
    PositionedError,
)
from nomadcm.services.workplaces.opening_hours import check_hours
from nomadcm.services.workplaces.place_catalog import PlaceInfo, encode_tags, load_catalog
from nomadcm.services.workplaces.place_fields import check_fields
from nomadcm.services.workplaces.place_geo import big_city_near, guess_zone, zone_at_coords
from nomadcm.services.workplaces.places import WorkplaceService
from nomadcm.storage import Database

# Fields of the `nomadcm` object that an import reads back (her own data, from a NomadCM export).
META_FIELDS = (
    "kind",
    "address",
    "city",
    "country",
    "tz",
    "price",
    "score_wifi",
    "score_power",
    "score_quiet",
    "score_comfort",
    "score_price",
    "food",
    "favourite",
    "notes",
    "last_visit",
    "wifi_password",
)
OSM_FIELDS = frozenset(
    {
        "name",
        "kind",
        "address",
        "city",
        "country",
        "lat",
        "lon",
        "tz",
        "ssid",
        "fee",
        "opening_hours",
        "osm_id",
        "extra_tags",
    }
)


# --------------------------------------------------------------------------- reading


def read_osm_file(path: Path) -> tuple[list[PlaceRow], PlacesImportReport]:
    extract = OsmExtract(path)  # read as a stream, one feature or element at a time (osm_elements.py)
    report = PlacesImportReport(extract.kind)
    items: Iterable[OsmRecord | PositionedError] = extract.records()
    rows: list[PlaceRow] = []
    seen: dict[str, int] = {}
    errors: list[PositionedError] = []
    for rec in items:  # in file order, so the errors are too
        if isinstance(rec, PositionedError):
            errors.append(rec)
            continue
        if rec.meta is None:
            if not rec.tags:
                continue  # geometry only
            if not internet_access_ok(rec.tags):
                value = rec.tags.get("internet_access", "").strip()
                _skip(report, f"internet_access={value}" if value else "no internet_access tag")
                continue
        if not rec.tags.get("name", "").strip():
            _skip(report, "no name")
            continue
        try:
            row = _row(rec, report)
        except UserError as err:
            errors.append(PositionedError(rec.position, str(err)))
            continue
        if rec.osm_id and rec.osm_id in seen:  # the same element twice (an Overpass union): keep the last
            rows[seen[rec.osm_id]] = row
            continue
        if rec.osm_id:
            seen[rec.osm_id] = len(rows)
        rows.append(row)
    if errors:
        raise ImportFailed(str(path), errors)
    return rows, report


def _skip(report: PlacesImportReport, reason: str) -> None:
    report.skipped += 1
    report.skipped_reasons[reason] = report.skipped_reasons.get(reason, 0) + 1


def _row(rec: OsmRecord, report: PlacesImportReport) -> PlaceRow:
    """A place row from an element's tags. Every tag is kept byte for byte: opening_hours and the SSID
    verbatim in their columns, the others in `extra_tags` — also a name or fee whose column holds another
    form of it (see `osm_tags.tags_for_export`), so export writes back the tag as it came."""
    tags = {k: v for k, v in rec.tags.items()}
    name_tag = tags.pop("name")
    name = name_tag.strip()
    opening = tags.pop("opening_hours", "")
    ssid = tags.pop("internet_access:ssid", "")
    fee_tag = tags.get("internet_access:fee", "")
    fee = FEE_FROM_OSM.get(fee_tag_value(fee_tag))
    if fee is not None and fee_tag == FEE_TO_OSM[fee]:
        del tags["internet_access:fee"]  # the fee column writes it back as it is
    meta = rec.meta or {}
    country = tags.get("addr:country", "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        country = None  # kept verbatim in the tags; not a code we can use
    city = tags.get("addr:city", "").strip()
    if not city and rec.lat is not None and rec.lon is not None:
        city, near_country = big_city_near(
            rec.lat, rec.lon, zone_at_coords(round(rec.lat, 5), round(rec.lon, 5))
        )
        country = country or near_country
    values: dict[str, Any] = {
        "name": name,
        "kind": osm_kind(tags),
        "city": city,
        "country": country,
        "lat": rec.lat,
        "lon": rec.lon,
        "ssid": ssid,
        "fee": fee,
        "opening_hours": opening,
        "osm_id": rec.osm_id,
        "extra_tags": tags,
    }
    values.update({k: meta[k] for k in META_FIELDS if k in meta and meta[k] is not None})
    values = check_fields(values)
    if values["name"] != name_tag:  # "Café  Lisboa " is named "Café Lisboa"; its tag stays as it came
        values["extra_tags"]["name"] = name_tag
    if not values.get("tz"):
        guess = guess_zone(None, values["city"], values["country"], values["lat"], values["lon"])
        values["tz"] = guess.tz
        values["country"] = values["country"] or guess.country
    if "address" not in values:  # composed once the country is known (it orders number and street)
        values["address"] = compose_address(tags, values["country"])
    values["extra_tags"] = encode_tags(values["extra_tags"])
    error = check_hours(values["opening_hours"])
    if error:
        report.warnings.append(
            f"{rec.position} {name!r}: opening hours {values['opening_hours']!r} not understood ({error}); "
            "kept as written and treated as unknown"
        )
    keys = OSM_FIELDS | {k for k in META_FIELDS if k in meta}
    return PlaceRow(rec.position, values, frozenset(keys))


# --------------------------------------------------------------------------- writing


def feature_for(place: PlaceInfo, password: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "id": place.id,
        "kind": place.kind,
        "address": place.address,
        "city": place.city,
        "country": place.country,
        "tz": place.tz,
        "price": place.price,
        "score_wifi": place.score_wifi,
        "score_power": place.score_power,
        "score_quiet": place.score_quiet,
        "score_comfort": place.score_comfort,
        "score_price": place.score_price,
        "food": place.food,
        "favourite": place.favourite,
        "notes": place.notes,
        "last_visit": place.last_visit.isoformat() if place.last_visit else None,
        "down_mbps": place.down_mbps,
        "up_mbps": place.up_mbps,
        "ping_ms": place.ping_ms,
        "tests": place.tests,
    }
    if password:
        meta["wifi_password"] = password
    feature: dict[str, Any] = {"type": "Feature"}
    if place.osm_id:
        feature["id"] = place.osm_id
    feature["geometry"] = (
        {"type": "Point", "coordinates": [place.lon, place.lat]} if place.coords is not None else None
    )
    feature["properties"] = {**tags_for_export(place), "nomadcm": meta}
    return feature


def export_geojson(
    db: Database, path: Path, *, with_passwords: bool = False, place_ids: Iterable[int] | None = None
) -> int:
    """A GeoJSON FeatureCollection of the places (all, or `place_ids`); passwords only when asked."""
    catalog = load_catalog(db, place_ids)
    passwords = WorkplaceService(db).passwords(place_ids) if with_passwords else {}
    features = [feature_for(p, passwords.get(p.id)) for p in catalog.places]
    with atomic_text_file(path, private=with_passwords) as out:  # passwords: rw------- when new
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return len(features)
