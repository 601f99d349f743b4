"""OpenStreetMap extracts in (GeoJSON, Overpass JSON) and GeoJSON out, without losing a tag.

Import keeps the elements that have internet access (`internet_access` = wlan, yes, wired or terminal; a
`;` list counts if one of its values does) and a name; the others are skipped and counted by reason.
Elements without any tags (the nodes of a way) are geometry, not places, and are not counted.

Mapping:
    name                      -> name
    amenity/office/tourism/…  -> kind (cafe, coworking, hotel, library, outdoor, transport, other)
    internet_access:fee       -> fee (no -> free, customers -> customers, yes -> paid)
    internet_access:ssid      -> ssid
    opening_hours             -> opening hours (kept verbatim; flagged when the parser refuses it)
    addr:*                    -> address (addr:full, or number + street [+ postcode]), city, country
    geometry / lat,lon / center -> coordinates (a way or polygon: its centre), then the zone, offline
    type/id                   -> osm_id ("node/123"), so re-importing updates instead of duplicating
Every tag that is not held in a column (amenity, internet_access, addr:*, website, …) is kept in
`Workplace.extra_tags`, so export writes back exactly the tags that came in. What she measured and rated
travels in a separate `nomadcm` object in the properties, never mixed with the OSM tags.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nomadcm.errors import UserError
from nomadcm.exchange.csv_native import ImportFailed, atomic_text_file
from nomadcm.exchange.places_io import (
    PlaceFileError,
    PlaceRow,
    PlacesImportReport,
    PositionedError,
    json_load,
)
from nomadcm.services.workplaces.opening_hours import check_hours
from nomadcm.services.workplaces.place_catalog import PlaceInfo, encode_tags, load_catalog
from nomadcm.services.workplaces.place_geo import big_city_near, guess_zone, zone_at_coords
from nomadcm.services.workplaces.places import WorkplaceService, check_fields
from nomadcm.storage import Database

INTERNET_ACCESS_KEPT = frozenset({"wlan", "yes", "wired", "terminal"})
FEE_FROM_OSM = {"no": "free", "customers": "customers", "yes": "paid"}
FEE_TO_OSM = {v: k for k, v in FEE_FROM_OSM.items()}
_OSM_ID = re.compile(r"^(node|way|relation)/(\d+)$")

# (key, values, kind), first match wins.
KIND_RULES: tuple[tuple[str, frozenset[str], str], ...] = (
    ("office", frozenset({"coworking"}), "coworking"),
    ("amenity", frozenset({"coworking_space"}), "coworking"),
    ("amenity", frozenset({"library"}), "library"),
    (
        "amenity",
        frozenset(
            {
                "cafe",
                "bar",
                "pub",
                "restaurant",
                "fast_food",
                "ice_cream",
                "biergarten",
                "food_court",
                "internet_cafe",
            }
        ),
        "cafe",
    ),
    (
        "tourism",
        frozenset({"hotel", "hostel", "motel", "guest_house", "apartment", "chalet", "camp_site"}),
        "hotel",
    ),
    ("amenity", frozenset({"bus_station", "ferry_terminal"}), "transport"),
    ("railway", frozenset({"station", "halt"}), "transport"),
    ("public_transport", frozenset({"station"}), "transport"),
    ("aeroway", frozenset({"terminal", "aerodrome"}), "transport"),
    ("leisure", frozenset({"park", "garden", "beach_resort"}), "outdoor"),
    ("natural", frozenset({"beach"}), "outdoor"),
)
# The tag a place of each kind gets on export when its own tags no longer say its kind.
KIND_TAG: dict[str, tuple[str, str]] = {
    "cafe": ("amenity", "cafe"),
    "coworking": ("amenity", "coworking_space"),
    "library": ("amenity", "library"),
    "hotel": ("tourism", "hotel"),
    "transport": ("public_transport", "station"),
    "outdoor": ("leisure", "park"),
}
# Countries that write the house number after the street.
_NUMBER_AFTER = frozenset(
    [
        "AT",
        "BE",
        "BR",
        "CH",
        "CZ",
        "DE",
        "DK",
        "ES",
        "FI",
        "IT",
        "NL",
        "NO",
        "PL",
        "PT",
        "SE",
        "AR",
        "CL",
        "MX",
    ]
)
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


@dataclass
class OsmRecord:
    position: str
    osm_id: str | None
    tags: dict[str, str]
    lat: float | None
    lon: float | None
    meta: dict[str, Any] | None = None


class _BadRecord(Exception):
    pass


# --------------------------------------------------------------------------- tags <-> columns


def osm_kind(tags: dict[str, str]) -> str:
    for key, values, kind in KIND_RULES:
        if tags.get(key, "").strip().lower() in values:
            return kind
    return "other"


def compose_address(tags: dict[str, str], country: str | None) -> str:
    if tags.get("addr:full", "").strip():
        return tags["addr:full"].strip()
    street = tags.get("addr:street", "").strip() or tags.get("addr:place", "").strip()
    number = tags.get("addr:housenumber", "").strip()
    if street and number:
        line = f"{street} {number}" if country in _NUMBER_AFTER else f"{number} {street}"
    else:
        line = street or number
    postcode = tags.get("addr:postcode", "").strip()
    return ", ".join(p for p in (line, postcode) if p)


def internet_access_ok(tags: dict[str, str]) -> bool:
    values = {v.strip().lower() for v in tags.get("internet_access", "").split(";")}
    return bool(values & INTERNET_ACCESS_KEPT)


def tags_for_export(place: PlaceInfo) -> dict[str, str]:
    """The OSM tags of a place: the ones it came with, updated by what she edited in NomadCM."""
    tags = dict(place.extra_tags)
    tags["name"] = place.name
    if osm_kind(tags) != place.kind:
        for key, values, _ in KIND_RULES:
            if tags.get(key, "").strip().lower() in values:
                del tags[key]
        if place.kind in KIND_TAG:
            key, value = KIND_TAG[place.kind]
            tags[key] = value
    if "internet_access" not in tags and place.has_wifi:
        tags["internet_access"] = "wlan"
    if place.fee:
        tags["internet_access:fee"] = FEE_TO_OSM[place.fee]
    elif tags.get("internet_access:fee", "").strip().lower() in FEE_FROM_OSM:
        del tags["internet_access:fee"]  # she cleared it
    _set_or_drop(tags, "internet_access:ssid", place.ssid)
    _set_or_drop(tags, "opening_hours", place.opening_hours)
    if place.address != compose_address(place.extra_tags, place.country):
        for key in ("addr:full", "addr:street", "addr:housenumber", "addr:place", "addr:postcode"):
            tags.pop(key, None)
        _set_or_drop(tags, "addr:full", place.address)
    for key, value in (("addr:city", place.city), ("addr:country", place.country or "")):
        # An OSM place without addr:city got its city from the map: it is not written back as a tag.
        if (key in place.extra_tags or place.osm_id is None) and place.extra_tags.get(key) != value:
            _set_or_drop(tags, key, value)
    return dict(sorted(tags.items()))


def _set_or_drop(tags: dict[str, str], key: str, value: str) -> None:
    if value:
        tags[key] = value
    else:
        tags.pop(key, None)


# --------------------------------------------------------------------------- reading


def read_osm_file(path: Path) -> tuple[list[PlaceRow], PlacesImportReport]:
    data = json_load(path)
    if isinstance(data, dict) and isinstance(data.get("elements"), list):
        report = PlacesImportReport("overpass")
        items: Iterable[OsmRecord | PositionedError] = _overpass_records(data["elements"])
    elif isinstance(data, dict) and data.get("type") in ("FeatureCollection", "Feature"):
        report = PlacesImportReport("geojson")
        features = data.get("features") if data["type"] == "FeatureCollection" else [data]
        if not isinstance(features, list):
            raise PlaceFileError(f"{str(path)!r}: 'features' is not a list")
        items = _geojson_records(features)
    else:
        raise PlaceFileError(
            f"{str(path)!r} is neither GeoJSON (a FeatureCollection) nor Overpass JSON (with 'elements')"
        )
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
    tags = {k: v for k, v in rec.tags.items()}
    name = tags.pop("name").strip()
    opening = tags.pop("opening_hours", "")
    ssid = tags.pop("internet_access:ssid", "")
    fee_tag = tags.get("internet_access:fee", "").strip().lower()
    fee = FEE_FROM_OSM.get(fee_tag)
    if fee is not None:
        del tags["internet_access:fee"]
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


def _tags(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _BadRecord(f"{where} is not an object of tags")
    tags: dict[str, str] = {}
    for key, value in raw.items():
        if isinstance(value, bool):
            tags[str(key)] = "yes" if value else "no"
        elif isinstance(value, (str, int, float)):
            tags[str(key)] = str(value)
        # nested values are not OSM tags (tool metadata): left out
    return tags


def _coord(lat: Any, lon: Any) -> tuple[float, float]:
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)):
        raise _BadRecord(f"coordinates {lat!r}, {lon!r} are not numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not (math.isfinite(lat) and math.isfinite(lon)):
        raise _BadRecord(f"coordinates {lat}, {lon} are out of range")
    return float(lat), float(lon)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _geojson_records(features: list[Any]) -> Iterator[OsmRecord | PositionedError]:
    for n, feature in enumerate(features, 1):
        position = f"feature {n}"
        try:
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise _BadRecord("is not a GeoJSON Feature")
            props = feature.get("properties") or {}
            if not isinstance(props, dict):
                raise _BadRecord("properties is not an object")
            osm_id = _geojson_osm_id(feature, props)
            if osm_id:
                position = f"feature {n} ({osm_id})"
            if isinstance(props.get("tags"), dict):  # old osmtogeojson: {"type", "id", "tags", "meta"}
                tags = _tags(props["tags"], "tags")
            else:
                tags = _tags(
                    {k: v for k, v in props.items() if not k.startswith("@") and k != "nomadcm"}, "properties"
                )
            meta = props.get("nomadcm")
            if meta is not None and not isinstance(meta, dict):
                raise _BadRecord("'nomadcm' is not an object")
            lat, lon = _geometry_point(feature.get("geometry"))
            yield OsmRecord(position, osm_id, tags, lat, lon, meta)
        except _BadRecord as err:
            yield PositionedError(position, str(err))


def _geojson_osm_id(feature: dict[str, Any], props: dict[str, Any]) -> str | None:
    for candidate in (feature.get("id"), props.get("@id")):
        if isinstance(candidate, str) and _OSM_ID.match(candidate.strip()):
            return candidate.strip()
    kind, number = props.get("type"), props.get("id")
    if kind in ("node", "way", "relation") and isinstance(number, int):
        return f"{kind}/{number}"
    return None


def _geometry_point(geometry: Any) -> tuple[float | None, float | None]:
    if geometry is None:
        return None, None
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise _BadRecord("geometry is not a GeoJSON geometry")
    points = list(_positions(geometry.get("coordinates"), geometry["type"]))
    if geometry["type"] in ("Polygon", "MultiPolygon"):
        points = list(dict.fromkeys(points))  # a ring repeats its first vertex
    if not points:
        raise _BadRecord(f"{geometry['type']} geometry has no coordinates")
    return _mean(points)


def _positions(coords: Any, kind: str) -> Iterator[tuple[float, float]]:
    depth = {
        "Point": 0,
        "MultiPoint": 1,
        "LineString": 1,
        "MultiLineString": 2,
        "Polygon": 2,
        "MultiPolygon": 3,
    }
    if kind not in depth:
        raise _BadRecord(f"geometry type {kind!r} is not supported")
    if kind == "Polygon":
        coords = coords[:1] if isinstance(coords, list) else coords  # the outer ring
    if kind == "MultiPolygon" and isinstance(coords, list):
        coords = [poly[:1] for poly in coords if isinstance(poly, list)]

    def walk(value: Any, level: int) -> Iterator[tuple[float, float]]:
        if not isinstance(value, list):
            raise _BadRecord(f"{kind} coordinates are malformed")
        if level == 0:
            if len(value) < 2:
                raise _BadRecord(f"{kind} position {value!r} needs longitude and latitude")
            yield _coord(value[1], value[0])
            return
        for item in value:
            yield from walk(item, level - 1)

    yield from walk(coords, depth[kind])


def _overpass_records(elements: list[Any]) -> Iterator[OsmRecord | PositionedError]:
    nodes: dict[int, tuple[float, float]] = {}
    for el in elements:
        if isinstance(el, dict) and el.get("type") == "node" and isinstance(el.get("id"), int):
            with contextlib.suppress(_BadRecord):  # reported below if the node is a place
                nodes[el["id"]] = _coord(el.get("lat"), el.get("lon"))
    for n, el in enumerate(elements, 1):
        position = f"element {n}"
        try:
            if not isinstance(el, dict) or el.get("type") not in ("node", "way", "relation"):
                raise _BadRecord("is not an OSM node, way or relation")
            if not isinstance(el.get("id"), int):
                raise _BadRecord(f"id {el.get('id')!r} is not a number")
            osm_id = f"{el['type']}/{el['id']}"
            position = f"element {n} ({osm_id})"
            tags = _tags(el.get("tags"), "tags")
            if not tags:
                continue
            lat, lon = _element_point(el, nodes)
            yield OsmRecord(position, osm_id, tags, lat, lon)
        except _BadRecord as err:
            yield PositionedError(position, str(err))


def _element_point(
    el: dict[str, Any], nodes: dict[int, tuple[float, float]]
) -> tuple[float | None, float | None]:
    if el["type"] == "node":
        return _coord(el.get("lat"), el.get("lon"))
    center = el.get("center")
    if isinstance(center, dict):
        return _coord(center.get("lat"), center.get("lon"))
    geometry = el.get("geometry")
    if isinstance(geometry, list) and geometry:
        return _mean([_coord(p.get("lat"), p.get("lon")) for p in geometry if isinstance(p, dict)])
    bounds = el.get("bounds")
    if isinstance(bounds, dict):
        lat1, lon1 = _coord(bounds.get("minlat"), bounds.get("minlon"))
        lat2, lon2 = _coord(bounds.get("maxlat"), bounds.get("maxlon"))
        return (lat1 + lat2) / 2, (lon1 + lon2) / 2
    refs = [nodes[r] for r in el.get("nodes") or () if r in nodes]
    if refs:
        return _mean(list(dict.fromkeys(refs)))
    return None, None  # `out tags`: no position in the extract


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
    with atomic_text_file(path) as out:
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return len(features)
