"""Dates, times and numbers on screen, always through QLocale (French users see French formats).

Python datetimes stay the currency of the services; these helpers only turn them into text or Qt values.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def qtime(value: time | datetime) -> QTime:
    return QTime(value.hour, value.minute, value.second)


def pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def fmt_time(value: datetime | time, locale: QLocale | None = None) -> str:
    """ "09:30" (or "9:30 AM" in an English-US locale)."""
    return (locale or QLocale()).toString(qtime(value), short_time_format(locale))


def short_date_format(locale: QLocale | None = None) -> str:
    """The locale's short numeric date format, with a four-digit year (US "M/d/yy" becomes "M/d/yyyy").

    The "C" locale (no language set, e.g. LANG=C) gets ISO 8601 rather than its odd "d MM yyyy".
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def short_time_format(locale: QLocale | None = None) -> str:
    """The locale's short time format, without seconds."""
    fmt = (locale or QLocale()).timeFormat(QLocale.FormatType.ShortFormat)
    return "HH:mm" if not fmt or "s" in fmt else fmt


def fmt_date(value: date | datetime, locale: QLocale | None = None) -> str:
    """A short numeric date in the user's locale ("30/03/2025")."""
    d = value.date() if isinstance(value, datetime) else value
    return (locale or QLocale()).toString(qdate(d), short_date_format(locale))


def fmt_day(value: date | datetime, locale: QLocale | None = None) -> str:
    """A readable day with its weekday ("dim. 30 mars 2025" / "Sun 30 Mar 2025")."""
    d = value.date() if isinstance(value, datetime) else value
    return (locale or QLocale()).toString(qdate(d), "ddd d MMM yyyy")


def fmt_datetime(value: datetime, locale: QLocale | None = None) -> str:
    """Weekday, date and time: "Sun 30 Mar 2025 09:30"."""
    return f"{fmt_day(value, locale)} {fmt_time(value, locale)}"


def fmt_int(value: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(value)


def plural(text: str, count: int) -> str:
    """English plural for a `tr("%n post(s)", "", n)` result while no translation resolved it.

    Qt's numerus forms come from a translation file; without one the source text shows "post(s)".
    """
    return text.replace("(s)", "" if count == 1 else "s")
