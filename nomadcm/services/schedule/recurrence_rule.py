"""The recurrence rule of a recurring post: the RRULE subset NomadCM supports, read and written once.

The post dialog's recurrence editor, `nomadcm post add --rrule` and the posts' one check all read a rule
through `RecurrenceRule.parse` (or `canonical_rule`), and the database and ICS files get its `to_text`, so
the subset, its error messages and the stored canonical text are decided in one place. Turning a rule into
wall times and instants is services/schedule/recurrence_expansion.py; a series with its exceptions is
services/schedule/series.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from dateutil import rrule as du

from nomadcm import timezones
from nomadcm.errors import ValidationError

FREQUENCIES: tuple[str, ...] = ("DAILY", "WEEKLY", "MONTHLY")
WEEKDAY_CODES: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COUNT = 10_000
_DU_FREQ = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY}
_DU_DAYS = (du.MO, du.TU, du.WE, du.TH, du.FR, du.SA, du.SU)
_BYDAY_RE = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


@dataclass(frozen=True)
class RecurrenceRule:
    """The supported RRULE subset: DAILY/WEEKLY/MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL."""

    freq: str
    interval: int = 1
    byday: tuple[tuple[int | None, int], ...] = ()  # (ordinal or None, weekday 0=Monday)
    bymonthday: tuple[int, ...] = ()
    count: int | None = None
    until: datetime | None = None  # aware UTC, inclusive

    @classmethod
    def parse(cls, text: str, tz: str | None = None) -> RecurrenceRule:
        """Reads an RRULE ("FREQ=WEEKLY;BYDAY=MO;COUNT=7", an optional "RRULE:" prefix).

        UNTIL may be UTC (`20260430T220000Z`), a wall time (`20260430T235900`) or a date (`20260430`: the whole
        day) in `tz`, the post's zone; it is kept in UTC as RFC 5545 wants for a DTSTART with a TZID.
        Raises ValidationError naming the bad part.
        """
        raw = (text or "").strip()
        if raw.upper().startswith("RRULE:"):
            raw = raw[6:]
        if not raw:
            raise ValidationError("recurrence is empty (e.g. FREQ=WEEKLY;BYDAY=MO;COUNT=7)")
        parts: dict[str, str] = {}
        for chunk in raw.split(";"):
            if not chunk.strip():
                continue
            key, sep, value = chunk.partition("=")
            key = key.strip().upper()
            if not sep or not value.strip():
                raise ValidationError(f"recurrence part {chunk!r} is not NAME=VALUE")
            if key in parts:
                raise ValidationError(f"recurrence gives {key} twice")
            parts[key] = value.strip().upper()
        unknown = [k for k in parts if k not in ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL")]
        if unknown:
            raise ValidationError(
                f"recurrence part {unknown[0]} is not supported (use FREQ, INTERVAL, BYDAY, BYMONTHDAY, "
                "COUNT, UNTIL)"
            )
        freq = parts.get("FREQ")
        if freq is None:
            raise ValidationError("recurrence needs FREQ=DAILY, WEEKLY or MONTHLY")
        if freq not in FREQUENCIES:
            raise ValidationError(f"FREQ={freq} is not supported (DAILY, WEEKLY or MONTHLY)")
        interval = _positive_int(parts.get("INTERVAL", "1"), "INTERVAL", 999)
        byday = tuple(_parse_byday(v, freq) for v in parts["BYDAY"].split(",")) if "BYDAY" in parts else ()
        bymonthday = (
            tuple(_parse_monthday(v) for v in parts["BYMONTHDAY"].split(",")) if "BYMONTHDAY" in parts else ()
        )
        if bymonthday and freq != "MONTHLY":
            raise ValidationError("BYMONTHDAY goes with FREQ=MONTHLY")
        count = _positive_int(parts["COUNT"], "COUNT", MAX_COUNT) if "COUNT" in parts else None
        until = _parse_until(parts["UNTIL"], tz) if "UNTIL" in parts else None
        if count is not None and until is not None:
            raise ValidationError("recurrence gives both COUNT and UNTIL: keep one")
        return cls(freq, interval, _unique(byday), _unique(bymonthday), count, until)

    def to_text(self) -> str:
        """The canonical RRULE text stored in the database and written to ICS files."""
        out = [f"FREQ={self.freq}"]
        if self.interval != 1:
            out.append(f"INTERVAL={self.interval}")
        if self.byday:
            out.append(
                "BYDAY=" + ",".join(f"{'' if n is None else n}{WEEKDAY_CODES[d]}" for n, d in self.byday)
            )
        if self.bymonthday:
            out.append("BYMONTHDAY=" + ",".join(str(d) for d in self.bymonthday))
        if self.count is not None:
            out.append(f"COUNT={self.count}")
        if self.until is not None:
            out.append(f"UNTIL={self.until:%Y%m%dT%H%M%SZ}")
        return ";".join(out)

    @property
    def open_ended(self) -> bool:
        return self.count is None and self.until is None

    def with_end(self, count: int | None = None, until: datetime | None = None) -> RecurrenceRule:
        from dataclasses import replace

        return replace(self, count=count, until=until)

    def dateutil_rule(self, dtstart: datetime) -> du.rrule:
        """The dateutil rule over naive wall times (no COUNT/UNTIL cut: `expand` applies UNTIL on instants)."""
        byweekday = [_DU_DAYS[d] if n is None else _DU_DAYS[d](n) for n, d in self.byday] or None
        return du.rrule(
            _DU_FREQ[self.freq],
            dtstart=dtstart,
            interval=self.interval,
            byweekday=byweekday,
            bymonthday=list(self.bymonthday) or None,
            count=self.count,
            cache=False,
        )


def canonical_rule(text: str | None, tz: str | None = None) -> str | None:
    """The stored form of a rule typed by a person ("" and None: no recurrence)."""
    if text is None or not text.strip():
        return None
    return RecurrenceRule.parse(text, tz).to_text()


def _positive_int(value: str, name: str, maximum: int) -> int:
    if not value.isdigit() or not 1 <= int(value) <= maximum:
        raise ValidationError(f"{name}={value} is not a whole number from 1 to {maximum}")
    return int(value)


def _parse_byday(value: str, freq: str) -> tuple[int | None, int]:
    m = _BYDAY_RE.match(value.strip())
    if not m:
        raise ValidationError(
            f"BYDAY value {value!r} is not a weekday (MO, TU, WE, TH, FR, SA, SU; 1MO, -1FR)"
        )
    ordinal = int(m.group(1)) if m.group(1) else None
    if ordinal is not None:
        if freq != "MONTHLY":
            raise ValidationError(f"BYDAY={value}: a numbered weekday goes with FREQ=MONTHLY")
        if ordinal == 0 or not -5 <= ordinal <= 5:
            raise ValidationError(f"BYDAY={value}: the number must be 1 to 5 or -1 to -5")
    return ordinal, WEEKDAY_CODES.index(m.group(2))


def _parse_monthday(value: str) -> int:
    try:
        day = int(value)
    except ValueError:
        raise ValidationError(f"BYMONTHDAY value {value!r} is not a day of the month") from None
    if day == 0 or not -31 <= day <= 31:
        raise ValidationError(f"BYMONTHDAY={value}: a day must be 1 to 31 (or -1 to -31 from the end)")
    return day


def _parse_until(value: str, tz: str | None) -> datetime:
    try:
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if "T" in value:
            wall = datetime.strptime(value, "%Y%m%dT%H%M%S")
            return timezones.localize_shifting_gaps(wall, tz or "UTC")[0]
        day = datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        raise ValidationError(
            f"UNTIL={value} is not a date (YYYYMMDD) or a time (YYYYMMDDTHHMMSS, Z for UTC)"
        ) from None
    # A date means "to the end of that day" on the post's clock.
    return timezones.local_midnight(day + timedelta(days=1), tz or "UTC") - timedelta(seconds=1)


def _unique(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values))
