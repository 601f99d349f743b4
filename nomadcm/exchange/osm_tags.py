"""OpenStreetMap tags <-> a place's columns: which tags say a place's kind, its fee, its address, and the
tags a place is written back with on export (the ones it came with, updated by what she edited).

The whole mapping is described in `osm`'s docstring; this module holds its tables and both directions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nomadcm.errors import ValidationError
from nomadcm.services.workplaces.place_catalog import PlaceInfo
from nomadcm.services.workplaces.place_fields import FIELD_CHECKS

INTERNET_ACCESS_KEPT = frozenset({"wlan", "yes", "wired", "terminal"})
FEE_FROM_OSM = {"no": "free", "customers": "customers", "yes": "paid"}
FEE_TO_OSM = {v: k for k, v in FEE_FROM_OSM.items()}

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
    """The OSM tags of a place: the ones it came with, byte for byte, updated by what she edited in NomadCM.

    A tag a column was read from is written from the column, unless the tag as it came (kept in
    `extra_tags` when the column holds it in another form: a name with doubled spaces,
    `internet_access:fee=Customers`, `addr:city= Lisboa`) still says what the column says: then it is
    written as it came."""
    tags = dict(place.extra_tags)
    _column_tag(tags, "name", place.name, FIELD_CHECKS["name"])
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
        _column_tag(tags, "internet_access:fee", FEE_TO_OSM[place.fee], fee_tag_value)
    elif fee_tag_value(tags.get("internet_access:fee", "")) in FEE_FROM_OSM:
        del tags["internet_access:fee"]  # she cleared it
    _set_or_drop(tags, "internet_access:ssid", place.ssid)
    _set_or_drop(tags, "opening_hours", place.opening_hours)
    if place.address != compose_address(place.extra_tags, place.country):
        for key in ("addr:full", "addr:street", "addr:housenumber", "addr:place", "addr:postcode"):
            tags.pop(key, None)
        _set_or_drop(tags, "addr:full", place.address)
    for key, value in (("addr:city", place.city), ("addr:country", place.country or "")):
        # An OSM place without addr:city got its city from the map: it is not written back as a tag.
        if key in place.extra_tags or place.osm_id is None:
            normalise = FIELD_CHECKS["city"] if key == "addr:city" else (lambda raw: raw.strip().upper())
            _column_tag(tags, key, value, normalise)
    return dict(sorted(tags.items()))


def fee_tag_value(raw: str) -> str:
    """An `internet_access:fee` value as the fee column reads it ("Customers " -> "customers")."""
    return raw.strip().lower()


def _column_tag(tags: dict[str, str], key: str, value: str, normalise: Callable[[str], Any]) -> None:
    """Write the column's `value` under `key`, keeping the tag as it came when it still means `value`
    (`normalise`: how the column reads the tag, the field's own check)."""
    raw = tags.get(key)
    if raw is not None and value and _reads_as(normalise, raw) == value:
        return
    _set_or_drop(tags, key, value)


def _reads_as(normalise: Callable[[str], Any], raw: str) -> Any:
    try:
        return normalise(raw)
    except ValidationError:
        return None


def _set_or_drop(tags: dict[str, str], key: str, value: str) -> None:
    if value:
        tags[key] = value
    else:
        tags.pop(key, None)
