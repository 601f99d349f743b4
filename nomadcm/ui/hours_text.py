"""Opening hours and working hours in the user's words, for display only.

Places keep their hours in OpenStreetMap's `opening_hours` syntax and the rhythm keeps working hours in the
same form ("Mo-Fr 09:00-18:00; Sa 10:00-13:00"): that text is stored and edited exactly as written. On screen
it reads in the user's language: "lun.–ven. 9 h–18 h ; sam. 10 h–13 h" in French, "Mon–Fri 09:00–18:00; Sat
10:00–13:00" in English (the locale's day names and time format, `QLocale`).

`display_hours` rewrites tokens and leaves what it does not know as written, so an unusual value (week
numbers, dates, `Su[1]`) still shows, only less translated; a comment in quotes is never touched.
`fmt_clock` is a time of day as a French speaker writes it in a sentence ("2 h", "2 h 30"), or the locale's
short time elsewhere.
"""

from __future__ import annotations

import re
from datetime import datetime, time

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from nomadcm.ui.formatting import short_time_format

NBSP = "\u00a0"
EN_DASH = "–"

_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_TOKEN = re.compile(
    r"""
    (?P<quote>"[^"]*")
    |(?P<always>24/7)
    |(?P<time>\b\d{1,2}:\d{2}\b)
    |(?P<day>\b(?:Mo|Tu|We|Th|Fr|Sa|Su)\b)
    |(?P<month>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b)
    |(?P<holiday>\b(?:PH|SH)\b)
    |(?P<word>\b(?:off|closed|open|unknown|sunrise|sunset|dawn|dusk)\b)
    |(?P<fallback>\s*\|\|\s*)
    |(?P<semicolon>\s*;\s*)
    |(?P<comma>\s*,\s*)
    |(?P<dash>\s*-\s*)
    """,
    re.VERBOSE,
)


def is_french(locale: QLocale | None = None) -> bool:
    return (locale or QLocale()).language() == QLocale.Language.French


def fmt_clock(value: int | time | datetime, locale: QLocale | None = None) -> str:
    """A time of day for a sentence: "9 h", "9 h 30", "24 h" in French (non-breaking spaces); the locale's
    short time format elsewhere ("09:00", "9:00 AM"). `value` is minutes after midnight, or a time."""
    minutes = value if isinstance(value, int) else value.hour * 60 + value.minute
    hours, rest = divmod(minutes, 60)
    locale = locale or QLocale()
    if is_french(locale):
        return f"{hours}{NBSP}h" + (f"{NBSP}{rest:02d}" if rest else "")
    if hours >= 24:  # OpenStreetMap's 24:00 (end of day) and extended times: no QTime holds them
        return f"{hours:02d}:{rest:02d}"
    return locale.toString(QTime(hours, rest), short_time_format(locale))


def fmt_clock_range(start: int | time, end: int | time, locale: QLocale | None = None) -> str:
    """ "9 h–18 h" / "09:00–18:00"."""
    return f"{fmt_clock(start, locale)}{EN_DASH}{fmt_clock(end, locale)}"


def _words() -> dict[str, str]:
    return {
        "off": QCoreApplication.translate("Hours", "closed"),
        "closed": QCoreApplication.translate("Hours", "closed"),
        "open": QCoreApplication.translate("Hours", "open"),
        "unknown": QCoreApplication.translate("Hours", "unknown"),
        "sunrise": QCoreApplication.translate("Hours", "sunrise"),
        "sunset": QCoreApplication.translate("Hours", "sunset"),
        "dawn": QCoreApplication.translate("Hours", "dawn"),
        "dusk": QCoreApplication.translate("Hours", "dusk"),
        "PH": QCoreApplication.translate("Hours", "public holidays"),
        "SH": QCoreApplication.translate("Hours", "school holidays"),
        "24/7": QCoreApplication.translate("Hours", "24/7"),
    }


def display_hours(text: str, locale: QLocale | None = None) -> str:
    """`text` (OpenStreetMap opening_hours, or working hours in the same form) in the locale's words:
    "Mo-Fr 09:00-18:00" -> "lun.–ven. 9 h–18 h" (French) / "Mon–Fri 09:00–18:00" (en_GB). For display only:
    what is stored stays exact. Empty text stays empty."""
    locale = locale or QLocale()
    french = is_french(locale)
    words = _words()
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        kind, token = match.lastgroup, match.group()
        if kind == "quote":
            out.append(token)
        elif kind == "always":
            out.append(words["24/7"])
        elif kind == "time":
            hours, minutes = (int(part) for part in token.split(":"))
            out.append(fmt_clock(hours * 60 + minutes, locale))
        elif kind == "day":
            out.append(locale.dayName(_DAYS.index(token) + 1, QLocale.FormatType.ShortFormat))
        elif kind == "month":
            out.append(locale.monthName(_MONTHS.index(token) + 1, QLocale.FormatType.ShortFormat))
        elif kind in ("holiday", "word"):
            out.append(words[token])
        elif kind == "fallback":
            out.append(" || ")
        elif kind == "semicolon":
            out.append(f"{NBSP}; " if french else "; ")
        elif kind == "comma":
            out.append(", ")
        else:  # dash: a range of days, times or dates
            out.append(EN_DASH)
    out.append(text[position:])
    return "".join(out).strip()
