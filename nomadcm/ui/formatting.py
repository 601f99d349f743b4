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


# The `week_start` setting for the calendars that are not told it (the pickers' pop-ups): 0 = the locale's.
_week_start_setting: object = 0


def use_week_start(setting: object) -> None:
    """Remembers the `week_start` setting (at start-up and when Settings saves it) for `first_weekday()`."""
    global _week_start_setting
    _week_start_setting = setting


def first_weekday(setting: object = None, locale: QLocale | None = None) -> int:
    """The ISO weekday (1 = Monday ... 7 = Sunday) weeks start on: the `week_start` setting when it names a
    day, else the locale's rule (Monday in fr_FR, Sunday in fr_CA and en_US: `QLocale.firstDayOfWeek`).

    `setting` None: the one given to `use_week_start`. The Calendar page, the Wellbeing week and the date
    pickers' calendars all ask here, so they agree."""
    value = _week_start_setting if setting is None else setting
    try:
        day = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        day = 0
    if 1 <= day <= 7:
        return day
    return int((locale or QLocale()).firstDayOfWeek().value)


def fmt_int(value: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(value)


def plural(text: str, count: int) -> str:
    """English plural for a `tr("%n post(s)", "", n)` result while no translation resolved it.

    Qt's numerus forms come from a translation file; without one the source text shows "post(s)".
    """
    return text.replace("(s)", "" if count == 1 else "s")
