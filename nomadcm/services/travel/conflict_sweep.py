"""The conflicts check as one sweep, not a lookup per post: posts come sorted by instant, the CM's itinerary is
cut into pieces of constant place and UTC offset, and each audience zone into pieces of constant offset, so a
post costs a pointer step and a few table lookups (100,000 posts in well under a second).

The built-in kinds (services/conflict_rules.py) are tested inline here, with the same texts and tables as
their rules; other kinds go through their rule's checker.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from nomadcm import timezones
from nomadcm.models import Client
from nomadcm.services.schedule.series import Occurrence
from nomadcm.services.schedule.your_time import Itineraries
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.conflict_rules import (
    BUILT_IN,
    HOLIDAY_TEXT,
    OFF_TEXT,
    OFF_TEXT_OF,
    SLEEP_TEXT,
    SLEEP_TEXT_OF,
    WEEKDAYS,
    CheckContext,
    Finding,
    PostSlot,
    holiday_calendars,
    rules,
    transit_finding,
)
from nomadcm.services.travel.rhythm import load_rhythm
from nomadcm.storage import Database

# --------------------------------------------------------------------------- results


@dataclass(slots=True, eq=False)
class PostConflicts:
    """One post (one occurrence of a recurring post) with what conflicts with it."""

    post_id: int
    utc: datetime  # aware UTC
    client_id: int
    client_name: str
    network: str
    text: str
    audience_tz: str
    audience_wall: datetime  # naive, in audience_tz
    cm_tz: str
    cm_wall: datetime  # naive, in cm_tz
    cm_place: str
    in_transit: bool
    kinds: tuple[str, ...]  # conflicts still to look at
    acknowledged: tuple[str, ...]  # conflicts the user said are fine
    found: tuple[tuple[str, str, str, tuple[Any, ...]], ...]  # (kind, sentence template, fact, its args)
    recurring: bool = False  # an occurrence of a recurring post (acknowledging covers the whole series)
    who: str = ""  # whose clock and rhythm, when not the viewer's: a teammate's name (team mode)

    @property
    def findings(self) -> tuple[tuple[str, Finding], ...]:
        """(kind, Finding) for every kind found (made on demand: a big check keeps only their parts)."""
        return tuple((k, Finding(text, fact, args)) for k, text, fact, args in self.found)

    @property
    def details(self) -> tuple[tuple[str, str], ...]:
        """(kind, English sentence) for every kind found."""
        return tuple((k, f.detail) for k, f in self.findings)

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, fact) for k, _text, fact, _args in self.found)

    @property
    def all_kinds(self) -> tuple[str, ...]:
        return tuple(k for k, *_ in self.found)

    @property
    def detail(self) -> str:
        """The sentences of the conflicts still to look at, "kind: sentence; ..."."""
        return "; ".join(f"{k}: {f.detail}" for k, f in self.findings if k in self.kinds)

    def detail_of(self, kind: str) -> str:
        return next((f.detail for k, f in self.findings if k == kind), "")

    def fact_of(self, kind: str) -> str:
        return next((fact for k, _text, fact, _args in self.found if k == kind), "")

    def to_json(self) -> dict[str, object]:
        """The `check --json` contract."""
        return {
            "post_id": self.post_id,
            "utc_time": timezones.format_utc(self.utc),
            "cm_tz": self.cm_tz,
            "cm_time": f"{self.cm_wall:%Y-%m-%d %H:%M}",
            "kinds": list(self.kinds),
            "detail": self.detail,
        }


# --------------------------------------------------------------------------- offsets, cut in pieces


@functools.lru_cache(maxsize=4096)
def _year_changes(zone: str, year: int) -> tuple[tuple[datetime, timedelta], ...]:
    """A zone's offset changes in one UTC year: (instant, offset after). Cached: zone rules are fixed for
    the life of the process, and scanning a year for them is the slow part of preparing a check."""
    start = datetime(year, 1, 1, tzinfo=UTC)
    return tuple(
        (m, after) for m, _before, after in timezones.transitions(zone, start, start.replace(year=year + 1))
    )


def _changes(zone: str, start: datetime, end: datetime) -> list[tuple[datetime, timedelta]]:
    """Offset changes of `zone` strictly inside (start, end)."""
    return [c for y in range(start.year, end.year + 1) for c in _year_changes(zone, y) if start < c[0] < end]


class ZoneClock:
    """Wall times of one zone over a span, by bisecting its offset changes: no pytz call per post.

    Works on naive UTC instants (one subtraction, no tzinfo juggling, in the inner loop)."""

    __slots__ = ("_offsets", "_starts")

    def __init__(self, zone: str, start: datetime, end: datetime) -> None:
        changes = _changes(zone, start, end)
        self._starts = [_naive(start)] + [_naive(c[0]) for c in changes]
        self._offsets = [timezones.utc_offset(start, zone)] + [c[1] for c in changes]

    def wall(self, naive_utc: datetime) -> datetime:
        i = bisect.bisect_right(self._starts, naive_utc) - 1
        return naive_utc + self._offsets[i if i > 0 else 0]


def _naive(instant: datetime) -> datetime:
    return timezones.ensure_utc(instant).replace(tzinfo=None)


# --------------------------------------------------------------------------- the sweep


def sweep(
    db: Database,
    rows: Iterable[Occurrence],
    itineraries: Itineraries,
    acks: dict[int, set[str]],
    include_acknowledged: bool,
    language: str | None = None,
    *,
    span: tuple[datetime, datetime] | None = None,
) -> Iterator[PostConflicts]:
    """One pass over the posts in time order: `rows` come from the schedule query (sorted, "your time"
    filled, so the check sees the CM exactly where every view shows her — in team mode the post's assignee,
    whose sleep and working hours apply, `rhythm_of(where.member_id)`); `acks` the acknowledged kinds by
    post id.

    The built-in kinds are tested inline with tables made once (a function call per post and kind would cost
    more than the tests); other kinds go through their rule's checker with a `PostSlot`."""
    if span is None:  # a list: its first and last rows bound it
        assert isinstance(rows, Sequence)
        span = (rows[0].utc, rows[-1].utc + timedelta(seconds=1))
    start, end = span  # every row is in [start, end): the clocks and calendars are made for that window
    itinerary = itineraries.viewer
    rhythm = load_rhythm(SettingsService(db, itinerary.member_id))
    ctx = CheckContext(db, itinerary, rhythm, start, end, language, itineraries=itineraries)
    active_rules = rules()
    inline = {r.kind for r in active_rules if BUILT_IN.get(r.kind) is r}
    plugins = [(r.kind, r.prepare(ctx)) for r in active_rules if r.kind not in inline]
    do_sleep, do_transit = "sleep" in inline, "transit" in inline
    do_off, do_holiday = "off_hours" in inline, "holiday" in inline
    person = itinerary.member_id  # whose rhythm the tables below are; another's swaps them in
    sleep_bits, sleep_text, work_bits, work_text = _rhythm_tables(ctx, person)
    who = ""  # the viewer: "your sleep window"; a teammate's post names her (ctx.who)
    calendar = holiday_calendars(ctx)
    with db.session() as s:
        clients = {}
        for cid, name, tz, country in s.execute(
            select(Client.id, Client.name, Client.audience_tz, Client.country)
        ):
            country = country or zone_country(tz)
            holidays = calendar(country) if do_holiday else None
            clients[cid] = (name, tz, country, ZoneClock(tz, start, end).wall, holidays)
    naive0 = start.replace(tzinfo=None)
    slot = PostSlot(0, naive0, 0, "", "", "", "", None, itinerary.where(start), naive0, naive0)  # type: ignore[arg-type]
    no_acks: set[str] = set()
    for o in rows:
        pid, client_id, network, text = o.post_id, o.client_id, o.network, o.text
        client_name, audience_tz, country, audience_clock, holidays = clients[client_id]
        naive = o.utc.replace(tzinfo=None)
        where, cm_wall = o.cm, o.cm_wall
        if where.member_id != person:
            person = where.member_id
            sleep_bits, sleep_text, work_bits, work_text = _rhythm_tables(ctx, person)
            who = ctx.who(person)
        audience_wall = audience_clock(naive)
        found: list[tuple[str, str, str, tuple[Any, ...]]] = []
        minute = cm_wall.hour * 60 + cm_wall.minute
        if do_sleep and sleep_bits[minute]:
            if who:
                found.append(("sleep", SLEEP_TEXT_OF, sleep_text, (cm_wall, where.zone, sleep_text, who)))
            else:
                found.append(("sleep", SLEEP_TEXT, sleep_text, (cm_wall, where.zone, sleep_text)))
        if do_transit and where.in_transit:
            f = transit_finding(ctx.transits(), where, who)
            found.append(("transit", f._text, f.fact, f._args))
        if do_off:
            day = cm_wall.weekday()
            if not work_bits[day * 1440 + minute]:
                if who:
                    args = (WEEKDAYS[day], cm_wall, where.zone, work_text, who)
                    found.append(("off_hours", OFF_TEXT_OF, work_text, args))
                else:
                    args = (WEEKDAYS[day], cm_wall, where.zone, work_text)
                    found.append(("off_hours", OFF_TEXT, work_text, args))
        if holidays is not None:
            name = holidays.get(audience_wall.date())
            if name is not None:
                args = (audience_wall.date(), country, name)
                found.append(("holiday", HOLIDAY_TEXT, name, args))
        if plugins:  # one slot, refilled: a rule must not keep it past its call
            slot.post_id, slot.naive_utc, slot._utc = pid, naive, o.utc
            slot.client_id, slot.client_name, slot.network, slot.text = (
                client_id,
                client_name,
                network,
                text,
            )
            slot.audience_tz, slot.country, slot.cm = audience_tz, country, where
            slot.cm_wall, slot.audience_wall = cm_wall, audience_wall
            for kind, test in plugins:
                finding = test(slot)
                if finding is not None:
                    found.append((kind, finding._text, finding.fact, finding._args))
        if not found:
            continue
        acked = acks.get(pid, no_acks)
        if acked:
            active = tuple([f[0] for f in found if f[0] not in acked])
            if not active and not include_acknowledged:
                continue
            done = tuple([f[0] for f in found if f[0] in acked])
        else:
            active, done = tuple([f[0] for f in found]), ()
        yield PostConflicts(
            pid,
            o.utc,
            client_id,
            client_name,
            network,
            text,
            audience_tz,
            audience_wall,
            where.zone,
            cm_wall,
            where.place,
            where.in_transit,
            active,
            done,
            tuple(found),
            o.recurring,
            who,
        )


def _rhythm_tables(ctx: CheckContext, member_id: int | None) -> tuple[bytearray, str, bytearray, str]:
    """A person's sleep and working-hours minute tables and texts (the viewer's, or an assignee's)."""
    rhythm = ctx.rhythm_of(member_id)
    return rhythm.sleep._table.bits, str(rhythm.sleep), rhythm.work._table.bits, str(rhythm.work)


def zone_country(zone: str) -> str | None:
    """The country of an audience zone when only one country uses it (Europe/Paris -> FR)."""
    codes = timezones.zone_country_codes(zone)
    return codes[0] if len(codes) == 1 else None
