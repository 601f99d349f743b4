"""The checks of a place's fields: every value a person or a file gives is read here, once.

The CLI, the GUI's place dialog and every importer (OSM, places CSV) call `check_fields`, so a bad value is
refused with the same message whichever face it came through; aliases ("café", "gratuit", "ookla") are folded
to the stored vocabulary.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

from nomadcm import date_bounds, timezones
from nomadcm.errors import ValidationError
from nomadcm.models import ACCESS_FEES, WORKPLACE_KINDS
from nomadcm.services.names import single_line

SPEED_TOOLS: tuple[str, ...] = ("speedtest", "fast.com", "nperf", "other")
_TOOL_ALIASES = {"speedtest.net": "speedtest", "ookla": "speedtest", "fast": "fast.com", "n-perf": "nperf"}
_KIND_ALIASES = {
    "café": "cafe",
    "coffee": "cafe",
    "bar": "cafe",
    "restaurant": "cafe",
    "coworking_space": "coworking",
    "co-working": "coworking",
    "hôtel": "hotel",
    "hostel": "hotel",
    "auberge": "hotel",
    "bibliothèque": "library",
    "bibliotheque": "library",
    "médiathèque": "library",
    "park": "outdoor",
    "parc": "outdoor",
    "beach": "outdoor",
    "plage": "outdoor",
    "station": "transport",
    "gare": "transport",
    "airport": "transport",
    "aéroport": "transport",
    "train": "transport",
}
_FEE_ALIASES = {"gratuit": "free", "no": "free", "clients": "customers", "payant": "paid", "yes": "paid"}
MAX_MBPS = 100_000.0  # 100 Gbit/s: anything above is a typo

Fields = dict[str, Any]


def check_place_name(name: str) -> str:
    value = single_line(name)
    if not value:
        raise ValidationError("a place needs a name")
    if len(value) > 200:
        raise ValidationError(f"place name {value[:40]!r}… is longer than 200 characters")
    return value


def check_kind(kind: str) -> str:
    value = str(kind).strip().lower()
    value = _KIND_ALIASES.get(value, value)
    if value not in WORKPLACE_KINDS:
        raise ValidationError(f"unknown kind {kind!r} (one of: {', '.join(WORKPLACE_KINDS)})")
    return value


def check_fee(fee: str | None) -> str | None:
    if fee is None or not str(fee).strip():
        return None
    value = str(fee).strip().lower()
    value = _FEE_ALIASES.get(value, value)
    if value not in ACCESS_FEES:
        raise ValidationError(f"unknown access fee {fee!r} (one of: {', '.join(ACCESS_FEES)})")
    return value


def check_score(value: Any, what: str = "score") -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what} {value!r} is not a number from 0 to 5") from None
    if not number.is_integer() or not 0 <= number <= 5:
        raise ValidationError(f"{what} {value!r} is not a whole number from 0 to 5")
    return int(number)


def check_lat(value: Any) -> float | None:
    return _check_coord(value, "latitude", 90)


def check_lon(value: Any) -> float | None:
    return _check_coord(value, "longitude", 180)


def _check_coord(value: Any, what: str, bound: float) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what} {value!r} is not a number") from None
    if not math.isfinite(number) or not -bound <= number <= bound:
        raise ValidationError(f"{what} {value!r} is out of range (-{bound} to {bound})")
    return number


def check_country(value: str | None) -> str | None:
    from nomadcm.services.schedule.clients import check_country as check

    return check(value)


def check_mbps(value: Any, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what} {value!r} is not a number of Mbit/s") from None
    if not math.isfinite(number) or not 0 <= number <= MAX_MBPS:
        raise ValidationError(f"{what} {value!r} is not between 0 and {MAX_MBPS:.0f} Mbit/s")
    return number


def check_ping(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"ping {value!r} is not a number of milliseconds") from None
    if not math.isfinite(number) or not 0 <= number <= 60_000:
        raise ValidationError(f"ping {value!r} is not between 0 and 60000 ms")
    return number


def check_tool(tool: str | None) -> str:
    if tool is None or not str(tool).strip():
        return "other"
    value = str(tool).strip().lower()
    value = _TOOL_ALIASES.get(value, value)
    if value not in SPEED_TOOLS:
        raise ValidationError(f"unknown speed test tool {tool!r} (one of: {', '.join(SPEED_TOOLS)})")
    return value


def text_check(limit: int, what: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = "" if value is None else str(value).strip()
        if len(text) > limit:
            raise ValidationError(f"{what} {text[:40]!r}… is longer than {limit} characters")
        return text

    return check


def verbatim_check(limit: int, what: str) -> Callable[[Any], str]:
    """A value kept byte for byte, surrounding spaces included: an OSM tag (opening_hours, the SSID) must be
    exported exactly as it came, and an SSID's spaces are part of the network's name."""

    def check(value: Any) -> str:
        text = "" if value is None else str(value)
        if len(text) > limit:
            raise ValidationError(f"{what} {text[:40]!r}… is longer than {limit} characters")
        return text

    return check


def line_check(limit: int, what: str) -> Callable[[Any], str]:
    """A one-line text (a city, an address): `services.names.single_line`, then its length."""

    def check(value: Any) -> str:
        text = "" if value is None else single_line(value)
        if len(text) > limit:
            raise ValidationError(f"{what} {text[:40]!r}… is longer than {limit} characters")
        return text

    return check


def _check_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return date_bounds.check_date(value, "last visit")
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(f"date {value!r} is not of the form YYYY-MM-DD") from None
    return date_bounds.check_date(day, "last visit")


def _check_tags(value: Any) -> dict[str, str]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise ValidationError("extra OSM tags must be a mapping of key to value")
    return {str(k): str(v) for k, v in value.items()}


def _check_zone(value: Any) -> str | None:
    """An IANA zone name; anything else a file may hold there (a number, a list) is refused by name."""
    if not value:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"time zone {value!r} is not a zone name (such as Europe/Paris)")
    return timezones.check_zone(value)


_YES = frozenset({"yes", "y", "true", "1", "oui", "x", "✓"})
_NO = frozenset({"no", "n", "false", "0", "non", ""})


def _check_flag(what: str) -> Callable[[Any], bool]:
    """Yes or no: a boolean (a NomadCM export), 0 / 1, or the words of a spreadsheet; not any value whose
    truth Python would guess (the text "no" is true)."""

    def check(value: Any) -> bool:
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in _YES | _NO:
            return value.strip().lower() in _YES
        raise ValidationError(f"{what} {value!r} is not yes or no")

    return check


FIELD_CHECKS: dict[str, Callable[[Any], Any]] = {
    "name": check_place_name,
    "kind": check_kind,
    "address": line_check(1000, "address"),
    "city": line_check(200, "city"),
    "country": check_country,
    "lat": check_lat,
    "lon": check_lon,
    "tz": _check_zone,
    "ssid": verbatim_check(200, "WiFi network name"),
    "wifi_password": text_check(200, "WiFi password"),
    "fee": check_fee,
    "price": text_check(200, "price"),
    "opening_hours": verbatim_check(1000, "opening hours"),
    "score_wifi": lambda v: check_score(v, "WiFi score"),
    "score_power": lambda v: check_score(v, "power score"),
    "score_quiet": lambda v: check_score(v, "quiet score"),
    "score_comfort": lambda v: check_score(v, "comfort score"),
    "score_price": lambda v: check_score(v, "price score"),
    "food": _check_flag("food"),
    "notes": text_check(10_000, "notes"),
    "favourite": _check_flag("favourite"),
    "last_visit": _check_date,
    "osm_id": lambda v: str(v).strip() or None if v else None,
    "extra_tags": _check_tags,
}


def check_fields(fields: Fields) -> Fields:
    """Every field checked; the first bad one raises ValidationError naming it."""
    unknown = set(fields) - set(FIELD_CHECKS)
    if unknown:
        raise ValidationError(f"unknown place field(s): {', '.join(sorted(unknown))}")
    values = {k: FIELD_CHECKS[k](v) for k, v in fields.items()}
    if (values.get("lat") is None) != (values.get("lon") is None) and ("lat" in values or "lon" in values):
        raise ValidationError("give both latitude and longitude, or neither")
    return values
