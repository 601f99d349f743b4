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

# What a date or time field lets through while typing: digits, separators, "h" (9h30), "T" (ISO); then the
# start of an AM/PM word.
_TYPING_RE = re.compile(r"[\d\s/.\-:,hHtT]*")
_TYPING_DATE_RE = re.compile(r"[\d\s/.\-,]*")
_TYPING_WORD_RE = re.compile(r"([\d\s/.\-:,hHtT]*?)\s*([^\W\d_][^\d]*)")
_DIGITS_RE = re.compile(r"\d+")
_DATE_CHARS_RE = re.compile(r"[\d\s/.\-,]+")
_ISO_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_MARKER_RE = re.compile(r"\s*([^\W\d_][^\d]*)")  # a word after the digits: "PM", "p.m.", "h"
_TIME_RE = re.compile(r"(\d{1,2})(?:\s*([:.hH])\s*(\d{1,2})?(?:\s*[:.]\s*(\d{2}))?)?")
_COMPACT_TIME_RE = re.compile(r"\d{3,4}")
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


def typing_allowed(text: str, am_pm: Iterable[str] = (), *, times: bool = True) -> bool:
    """Whether `text` may still become a date or a time: the keystroke that makes it something else is
    refused. A word is only the start of an AM/PM word ("p", "p.m", "PM", or the locale's own); a date
    alone (`times=False`) takes digits and separators only."""
    if len(text) > MAX_TYPED:
        return False
    if not times:
        return _TYPING_DATE_RE.fullmatch(text) is not None
    if _TYPING_RE.fullmatch(text):
        return True
    match = _TYPING_WORD_RE.fullmatch(text)
    if match is None:
        return False
    key = _word_key(match[2])
    return any(word.startswith(key) for word in {"am", "pm"} | {_word_key(w) for w in am_pm if w})


def _word_key(word: str) -> str:
    return word.replace(".", "").replace(" ", "").casefold()


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


def parse_date(
    text: str, order: str = "dMy", *, base: date | None = None, lenient: bool = False
) -> date | None:
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


def parse_time(text: str, *, am_pm: tuple[str, str] | None = None, lenient: bool = False) -> time | None:
    """The time `text` means ("9:30", "09:30", "9h30", "9 h 30", "21h", "9:30 PM", "9 pm"), or None.

    `am_pm` is the locale's (AM, PM) words, on top of "am"/"pm". Complete: hours and two-digit minutes,
    "21h", or an hour with AM/PM. Lenient also reads "9" (9:00), "9:5" (9:05) and "930"/"0930" (9:30)."""
    t = " ".join(text.split())
    half: str | None = None
    marker = _MARKER_RE.search(t)
    if marker is not None and marker.end() == len(t) and _word_key(marker[1]) != "h":
        half = _half_of_day(marker[1], am_pm)
        if half is None:
            return None
        t = t[: marker.start()]
    hour, minute, second = 0, 0, 0
    match = _TIME_RE.fullmatch(t)
    if match is not None:
        hour = int(match[1])
        separator, minutes = match[2], match[3]
        if minutes is not None:
            if len(minutes) != 2 and not lenient:
                return None
            minute = int(minutes)
        elif separator is None:  # "9": an hour alone
            if half is None and not lenient:
                return None
        elif separator not in "hH" and not lenient:  # "9:" half-way
            return None
        second = int(match[4]) if match[4] is not None else 0
    elif lenient and _COMPACT_TIME_RE.fullmatch(t):
        hour, minute = int(t[:-2]), int(t[-2:])
    else:
        return None
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return time(hour, minute, second)


def _half_of_day(marker: str, am_pm: tuple[str, str] | None) -> str | None:
    key = _word_key(marker)
    am_words, pm_words = {"am", "a"}, {"pm", "p"}
    if am_pm is not None:
        am_words.add(_word_key(am_pm[0]))
        pm_words.add(_word_key(am_pm[1]))
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
        day_text, time_text = t[:at], t[at + 1 :].lstrip(" ,")
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
    """Where a date may end and a time begin: a space, a comma or an ISO "T" right after a digit."""
    return [i for i in range(1, len(text)) if text[i] in " ,Tt" and text[i - 1].isdigit()]
