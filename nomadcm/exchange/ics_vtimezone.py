"""VTIMEZONE components written from NomadCM's own zone rules (`nomadcm.timezones`), for the span a file covers.

Readers that know the TZID (zoneinfo, Google, Thunderbird) use their own tz database; the others — and every
reader given a TZID it does not know — build the zone from the file, so the file must say the rules the
instants were computed with, in the form RFC 5545 §3.6.5 defines. icalendar's `Timezone.from_tzid` did not:

- it wrote a spring-forward onset at the local time after the jump (`DTSTART:20270328T030000` for Paris),
  where RFC 5545 reads an onset in the TZOFFSETFROM offset (02:00 CET): a reader that trusts the file kept
  winter time for an hour and showed 01:30Z as 02:30 CET, a time that does not exist;
- it read the tz database of the Python that runs, while NomadCM's instants come from `nomadcm.timezones`.

Each observance (offset before, offset after, name, daylight or not) is one STANDARD or DAYLIGHT whose
DTSTART is its first onset in the span, with every onset listed as an RDATE — the first too, which RFC 5545
allows (RDATE adds to DTSTART; a value in both counts once) and which `ical` needs: it takes an observance's
onsets from its RRULE and RDATEs only. No RRULE: a list is exact for the span, whatever the zone's rules
did over the years.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import icalendar

from nomadcm import timezones

_MARGIN = timedelta(days=1)  # the local days around the first and last instants
_LOOK_BACK = timedelta(days=800)  # zones with daylight saving change twice a year


def vtimezone(zone: str, first: datetime, last: datetime) -> icalendar.Timezone:
    """`zone`'s VTIMEZONE for events whose instants lie in [first, last] (aware)."""
    start, end = first - _MARGIN, last + _MARGIN
    observances: dict[tuple[timedelta, timedelta, str, bool], list[datetime]] = {}
    # The observance in force at the start of the span begins at its own onset, the last change before: its
    # TZOFFSETFROM is what readers subtract to know how much of the offset is daylight saving (dateutil
    # takes TZOFFSETTO - TZOFFSETFROM as the DST amount, and an observance "changing" from itself as none,
    # which put Lord Howe's 01:30 on its April night on the wrong side of the fold).
    earlier = timezones.transitions(zone, start - _LOOK_BACK, start)
    if earlier:
        start = earlier[-1][0] - timedelta(minutes=1)  # the change itself is in [start, end)
    else:  # no change for years (Asia/Kathmandu): an observance from itself
        offset = timezones.utc_offset(start, zone)
        observances[(offset, offset, *_name_and_daylight(start, zone))] = [_local(start, offset)]
    for instant, before, after in timezones.transitions(zone, start, end):
        # RFC 5545 §3.6.5: the onset is the local time at which the change happens, read in TZOFFSETFROM
        observances.setdefault((before, after, *_name_and_daylight(instant, zone)), []).append(
            _local(instant, before)
        )
    tz = icalendar.Timezone()
    tz.add("tzid", zone)
    tz.add("comment", f"NomadCM's rules from {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    for (before, after, name, daylight), onsets in observances.items():
        part = icalendar.TimezoneDaylight() if daylight else icalendar.TimezoneStandard()
        part.add("dtstart", onsets[0])
        part.add("rdate", onsets)
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("tzname", name)
        tz.add_component(part)
    return tz


def _local(instant: datetime, offset: timedelta) -> datetime:
    """The naive local time of `instant` at `offset`, to the second (an onset is written without a zone)."""
    return (timezones.ensure_utc(instant) + offset).replace(tzinfo=None, microsecond=0)


def _name_and_daylight(instant: datetime, zone: str) -> tuple[str, bool]:
    dst = timezones.to_local(instant, zone).dst()
    return timezones.abbreviation(instant, zone), bool(dst and dst > timedelta(0))
