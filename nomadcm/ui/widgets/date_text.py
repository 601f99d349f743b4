"""Dates and times as people type them: the locale's order ("27/03/2027" in France, "3/27/2027" in the US),
ISO 8601 ("2027-03-27") everywhere, any separator, and a time as "9:30", "09:30", "9h30", "930" or "9:30 PM".

No Qt here: `date_inputs.py` hands in the order of the day, month and year read from the field's display
format, the base value (what the field showed) and the locale's AM/PM words.

Two strengths:
- *complete* (while typing): only a whole value counts — a day, a month and a four-digit year (or ISO), hours
  and two-digit minutes — so "27/03/202" is not taken for the year 202 half-way through a keystroke;
- *lenient* (when typing ends: Enter, Tab, leaving the field): what is missing comes from the base value
  ("27" is the 27th of the month shown, "27/3" the 27th of March of the year shown), a two-digit year is
  1970-2069, digits without separators split by the order ("27032027", "0930").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time

# What a date or time field lets through while typing: digits, separators, "h" (9h30), "T" (ISO), AM/PM.
_TYPING_RE = re.compile(r"[\d\s/.\-:,hHtT]*(?:[^\W\d_]{1,4}\.?){0,2}\.?")
_DIGITS_RE = re.compile(r"\d+")
_DATE_CHARS_RE = re.compile(r"[\d\s/.\-,]+")
_ISO_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_TIME_RE = re.compile(
    r"(?P<h>\d{1,2})(?:\s*(?:[:.]|h)\s*(?P<m>\d{1,2})?(?:\s*[:.]\s*(?P<s>\d{1,2}))?)?\s*(?P<ap>[^\W\d_.][^\W\d_]*\.?(?:[^\W\d_]\.?)?)?",
    re.IGNORECASE,
)
_COMPACT_TIME_RE = re.compile(r"(?P<hm>\d{3,4})\s*(?P<ap>[^\W\d_].*)?")
MAX_TYPED = 32
TWO_DIGIT_PIVOT = 70  # "69" is 2069, "70" is 1970: the dates NomadCM handles start in 1970


def field_order(display_format: str) -> str:
    """The order of day, month and year in a Qt display format: "dd/MM/yyyy" -> "dMy", "M/d/yyyy" -> "Mdy",
    "yyyy-MM-dd" -> "yMd". Quoted literals are skipped; a format without the three gives "dMy"."""
    unquoted = re.sub(r"'[^']*'", "", display_format)
    found: list[str] = []
    for ch in unquoted:
        if ch in "dMy" and ch not in found:
            found.append(ch)
    return "".join(found) if len(found) == 3 else "dMy"


def typing_allowed(text: str, am_pm: Iterable[str] = ()) -> bool:
    """Whether `text` may still become a date or a time: the keystroke that makes it something else is
    refused. Letters are only the start of an AM/PM word."""
    if len(text) > MAX_TYPED or not _TYPING_RE.fullmatch(text):
        return False
    letters = "".join(re.findall(r"[^\W\d_]+\.?", text.replace("h", "").replace("H", "")))
    letters = letters.replace("T", "").replace("t", "") if not _ap_start(letters, am_pm) else letters
    return not letters or _ap_start(letters, am_pm)


def _ap_start(letters: str, am_pm: Iterable[str]) -> bool:
    key = letters.replace(".", "").casefold()
    return any(word.startswith(key) for word in _am_pm_words(am_pm))


def _am_pm_words(am_pm: Iterable[str]) -> set[str]:
    words = {"am", "pm"}
    words |= {w.replace(".", "").replace(" ", "").casefold() for w in am_pm if w}
    return words


# --------------------------------------------------------------------------- dates


def _year(text: str, lenient: bool) -> int | None:
    if len(text) == 4:
        return int(text)
    if lenient and len(text) == 2:
        short = int(text)
        return (2000 if short < TWO_DIGIT_PIVOT else 1900) + short
    return None


def _make_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, order: str = "dMy", *, base: date | None = None, lenient: bool = False) -> date | None:
    """The date `text` means in a field whose order is `order` (see `field_order`), or None.

    ISO (four-digit year first) is read whatever the order. Lenient: one number is the day, two the day and
    month in the field's order, the rest from `base`; digits alone split as the order says."""
    t = " ".join(text.split()).strip(" ,")
    if not t or not _DATE_CHARS_RE.fullmatch(t):
        return None
    iso = _ISO_RE.fullmatch(t)
    if iso:
        return _make_date(int(iso[1]), int(iso[2]), int(iso[3]))
    parts = _DIGITS_RE.findall(t)
    if len(parts) == 1 and lenient and len(parts[0]) in (6, 8):
        parts = _split_compact(parts[0], order)
    if len(parts) == 3:
        values = dict(zip(order, parts, strict=True))
        if len(values["d"]) > 2 or len(values["M"]) > 2:
            return None
        return _make_date(_year(values["y"], lenient), int(values["M"]), int(values["d"]))
    if not lenient or base is None or len(parts) not in (1, 2) or any(len(p) > 2 for p in parts):
        return None
    if len(parts) == 1:
        return _make_date(base.year, base.month, int(parts[0]))
    day_month = [f for f in order if f != "y"]  # "dM" or "Md"
    values = dict(zip(day_month, parts, strict=True))
    return _make_date(base.year, int(values["M"]), int(values["d"]))


def _split_compact(digits: str, order: str) -> list[str]:
    year_size = len(digits) - 4
    sizes = {"d": 2, "M": 2, "y": year_size}
    out: list[str] = []
    at = 0
    for field in order:
        out.append(digits[at : at + sizes[field]])
        at += sizes[field]
    return out


# --------------------------------------------------------------------------- times


def parse_time(
    text: str, *, am_pm: tuple[str, str] | None = None, lenient: bool = False
) -> time | None:
    """The time `text` means ("9:30", "09:30", "9h30", "9 h 30", "21h", "9:30 PM"), or None.

    `am_pm` is the locale's (AM, PM) words, on top of "am"/"pm". Complete: hours and two-digit minutes, or
    "21h", or an hour with AM/PM. Lenient also reads "9" (9:00) and "930"/"0930" (9:30)."""
    t = " ".join(text.split())
    if not t:
        return None
    match = _TIME_RE.fullmatch(t)
    hour: int
    minute = 0
    second = 0
    marker = ""
    if match:
        hour = int(match["h"])
        has_separator = len(t) > len(match["h"]) and t[len(match["h"]) :].lstrip()[:1] in (":", ".", "h", "H")
        if match["m"] is not None:
            if len(match["m"]) != 2 and not lenient:
                return None
            minute = int(match["m"])
        elif not has_separator or t.rstrip(" .").lower().endswith(("h",)) is False:
            if not lenient and not match["ap"] and not t.lower().rstrip().endswith("h"):
                return None
        if match["s"] is not None:
            second = int(match["s"])
        marker = match["ap"] or ""
        if not has_separator and not marker and not lenient:
            return None
    else:
        compact = _COMPACT_TIME_RE.fullmatch(t)
        if not compact or not lenient:
            return None
        digits = compact["hm"]
        hour, minute = int(digits[:-2]), int(digits[-2:])
        marker = compact["ap"] or ""
    if marker:
        half = _half_of_day(marker, am_pm)
        if half is None or not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return time(hour, minute, second)


def _half_of_day(marker: str, am_pm: tuple[str, str] | None) -> str | None:
    key = marker.replace(".", "").replace(" ", "").casefold()
    am_words = {"am", "a"}
    pm_words = {"pm", "p"}
    if am_pm is not None:
        am_words.add(am_pm[0].replace(".", "").replace(" ", "").casefold())
        pm_words.add(am_pm[1].replace(".", "").replace(" ", "").casefold())
    if key in am_words:
        return "am"
    if key in pm_words:
        return "pm"
    return None


# --------------------------------------------------------------------------- both


def parse_datetime(
    text: str,
    order: str = "dMy",
    *,
    base: datetime | None = None,
    am_pm: tuple[str, str] | None = None,
    lenient: bool = False,
) -> datetime | None:
    """A date and a time ("27/03/2027 09:30", "2027-03-27T09:30", "3/27/2027, 9:30 AM"), or None.

    Lenient: a date alone keeps the base's time, a time alone (it has ":" or "h" or AM/PM) the base's date."""
    t = " ".join(text.split()).strip()
    if not t:
        return None
    for at in _split_points(t):
        day_text, time_text = t[:at].rstrip(" ,T"), t[at:].lstrip(" ,T")
        if not day_text or not time_text:
            continue
        day = parse_date(day_text, order, base=base.date() if base else None, lenient=lenient)
        clock = parse_time(time_text, am_pm=am_pm, lenient=lenient) if day is not None else None
        if day is not None and clock is not None:
            return datetime.combine(day, clock)
    if not lenient or base is None:
        return None
    day = parse_date(t, order, base=base.date(), lenient=True)
    if day is not None:
        return datetime.combine(day, base.time())
    if re.search(r"[:hH]|[^\W\d_]", t):
        clock = parse_time(t, am_pm=am_pm, lenient=True)
        if clock is not None:
            return datetime.combine(base.date(), clock)
    return None


def _split_points(text: str) -> list[int]:
    """Where a date may end and a time begin: at a space, a comma or an ISO "T" after a digit."""
    points = []
    for i, ch in enumerate(text):
        if ch in " ,Tt" and i > 0 and text[i - 1].isdigit() or ch in " ,Tt" and i > 0 and text[i - 1] in " ,":
            points.append(i)
    return points
