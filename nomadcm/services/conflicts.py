"""Conflicts: a scheduled post that falls while the CM sleeps, travels, is off, or her audience is on holiday.

For each scheduled post (not drafts, published or cancelled posts):
- `sleep`: her local time (from the itinerary) is inside her sleep window;
- `transit`: she is in transit at that instant;
- `off_hours`: her local time is outside her working hours (days without hours included);
- `holiday`: the post's audience-local date is a public holiday in the client's country (python-holidays,
  imported on first use; a client without a country uses the country of its audience zone when there is
  only one).

The user can acknowledge a conflict kind on a post ("the network publishes it by itself") so it stops
nagging; acknowledgements live in `conflict_ack` and can be undone.

One check is a sweep, not a lookup per post: posts come sorted by instant, the CM's itinerary is cut into
pieces of constant place and UTC offset, and each audience zone into pieces of constant offset, so a post
costs a pointer step and a few table lookups (100,000 posts in well under a second).

More kinds plug in with a `ConflictRule` (see `register_rule`): e.g. the workplaces area adds `no_wifi`
by listing its module in `RULE_MODULES`; the module calls `register_rule` when imported.
"""

from __future__ import annotations

import bisect
import functools
import gc
import heapq
import importlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, delete, literal, select, type_coerce

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import CONFLICT_KINDS, Channel, Client, ConflictAck, Post
from nomadcm.services.itinerary import Itinerary, Whereabouts, load_itinerary
from nomadcm.services.occurrences import OccurrenceFilter, load_series, series_occurrences
from nomadcm.services.rhythm import Rhythm, load_rhythm
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database

# Modules that register extra rules when imported (the workplaces area adds its `no_wifi` module here).
RULE_MODULES: tuple[str, ...] = ("nomadcm.services.no_wifi",)

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --------------------------------------------------------------------------- what a rule sees


class PostSlot:
    """One scheduled post and what was true when it goes out: where the CM is, both local times."""

    __slots__ = (
        "_utc",
        "audience_tz",
        "audience_wall",
        "client_id",
        "client_name",
        "cm",
        "cm_wall",
        "country",
        "naive_utc",
        "network",
        "post_id",
        "text",
    )

    def __init__(
        self,
        post_id: int,
        naive_utc: datetime,
        client_id: int,
        client_name: str,
        network: str,
        text: str,
        audience_tz: str,
        country: str | None,
        cm: Whereabouts,
        cm_wall: datetime,
        audience_wall: datetime,
        utc: datetime | str | None = None,
    ) -> None:
        self.post_id = post_id
        self.naive_utc = naive_utc  # the instant as a naive UTC datetime (cheap to compare and add to)
        self._utc = utc
        self.client_id = client_id
        self.client_name = client_name
        self.network = network
        self.text = text
        self.audience_tz = audience_tz
        self.country = country  # the client's, else its audience zone's when only one country uses it
        self.cm = cm
        self.cm_wall = cm_wall  # naive, in cm.zone
        self.audience_wall = audience_wall  # naive, in audience_tz

    @property
    def utc(self) -> datetime:
        """The instant, aware UTC (made on demand: most rules never need it)."""
        utc = self._utc
        if utc.__class__ is str:  # the stored text, as read: parsing it is cheaper than replace(tzinfo=)
            utc = self._utc = datetime.fromisoformat(f"{utc}+00:00")
        elif utc is None:
            utc = self._utc = self.naive_utc.replace(tzinfo=UTC)
        return utc  # type: ignore[return-value]


class Finding:
    """A rule's verdict on one post: an English sentence (CLI, JSON) and the short fact it rests on
    (a holiday's name, a transit's route...) for the GUI to word in the user's language.

    With `args`, `detail` is a `str.format` template filled in only when read: most findings of a big
    check are never printed one by one, and formatting 100,000 sentences would cost more than the check."""

    __slots__ = ("_args", "_text", "fact")

    def __init__(self, detail: str, fact: str = "", args: tuple[Any, ...] = ()) -> None:
        self._text = detail
        self.fact = fact
        self._args = args

    @property
    def detail(self) -> str:
        return self._text.format(*self._args) if self._args else self._text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and (self.detail, self.fact) == (other.detail, other.fact)

    def __hash__(self) -> int:
        return hash((self.detail, self.fact))

    def __repr__(self) -> str:
        return f"Finding({self.detail!r}, {self.fact!r})"


@dataclass
class CheckContext:
    """What every rule may use while preparing a check (read once, not per post)."""

    db: Database
    itinerary: Itinerary
    rhythm: Rhythm
    start: datetime
    end: datetime
    language: str | None = None
    cache: dict[str, Any] = field(default_factory=dict)


Checker = Callable[[PostSlot], Finding | None]


@dataclass(frozen=True)
class ConflictRule:
    kind: str
    prepare: Callable[[CheckContext], Checker]  # called once per check, returns the per-post test


_RULES: dict[str, ConflictRule] = {}
_modules_loaded = False


def register_rule(rule: ConflictRule) -> None:
    """Adds (or replaces) a conflict kind. Kinds are reported in the order of CONFLICT_KINDS, then others."""
    _RULES[rule.kind] = rule


def rules() -> list[ConflictRule]:
    global _modules_loaded
    if not _modules_loaded:
        for name in RULE_MODULES:
            importlib.import_module(name)
        _modules_loaded = True
    order = {k: i for i, k in enumerate(CONFLICT_KINDS)}
    return sorted(_RULES.values(), key=lambda r: (order.get(r.kind, len(order)), r.kind))


# --------------------------------------------------------------------------- the built-in rules


# Each built-in rule is written once, as (a) a table or lookup prepared per check and (b) the Finding it
# gives; `_sweep` uses the same pieces inline for speed, and `prepare` wraps them for the generic path.

_SLEEP_TEXT = "{0:%H:%M} in {1} is inside your sleep window {2}"
_OFF_TEXT = "{0} {1:%H:%M} in {2} is outside your working hours ({3})"
_HOLIDAY_TEXT = "{0} is a public holiday in {1} ({2})"


def _sleep_rule(ctx: CheckContext) -> Checker:
    bits = ctx.rhythm.sleep._table.bits  # one lookup per post
    text = str(ctx.rhythm.sleep)

    def check(slot: PostSlot) -> Finding | None:
        w = slot.cm_wall
        if bits[w.hour * 60 + w.minute]:
            return Finding(_SLEEP_TEXT, text, (w, slot.cm.zone, text))
        return None

    return check


def _transit_finding(by_id: dict[int, Any], where: Whereabouts) -> Finding:
    t = by_id.get(where.transit_id or -1)
    if t is None:
        return Finding("you are in transit")
    what = f"{t.kind} {t.ref}".strip()
    arrive = timezones.wall_at(t.arrive, t.to_tz)
    route = f"{t.from_place} → {t.to_place}"
    return Finding(f"you are on your {what} {route} (arrives {arrive:%Y-%m-%d %H:%M} {t.to_tz})", route)


def _transit_rule(ctx: CheckContext) -> Checker:
    by_id = {t.id: t for t in ctx.itinerary.transits}

    def check(slot: PostSlot) -> Finding | None:
        return _transit_finding(by_id, slot.cm) if slot.cm.in_transit else None

    return check


def _off_hours_rule(ctx: CheckContext) -> Checker:
    bits = ctx.rhythm.work._table.bits
    text = str(ctx.rhythm.work)

    def check(slot: PostSlot) -> Finding | None:
        w = slot.cm_wall
        day = w.weekday()
        if bits[day * 1440 + w.hour * 60 + w.minute]:
            return None
        return Finding(_OFF_TEXT, text, (_WEEKDAYS[day], w, slot.cm.zone, text))

    return check


def _holiday_calendars(ctx: CheckContext) -> Callable[[str | None], dict[date, str] | None]:
    """Public holidays by country over the check's years, loaded on first use of each country."""
    calendars: dict[str, dict[date, str] | None] = {}
    years = range(ctx.start.year - 1, ctx.end.year + 2)

    def calendar(country: str | None) -> dict[date, str] | None:
        if not country:
            return None
        if country not in calendars:
            calendars[country] = _country_holidays(country, years.start, years.stop, ctx.language)
        return calendars[country]

    return calendar


@functools.lru_cache(maxsize=256)
def _country_holidays(country: str, first: int, stop: int, language: str | None) -> dict[date, str] | None:
    """Public holidays of a country over years [first, stop): cached, as the library computes them anew."""
    import holidays  # heavy (hundreds of modules): only when a check runs

    try:
        found = holidays.country_holidays(country, years=range(first, stop), language=language)
    except (NotImplementedError, KeyError, ValueError):  # a country the library does not know
        return None
    return dict(found.items()) or None


def _holiday_rule(ctx: CheckContext) -> Checker:
    calendar = _holiday_calendars(ctx)

    def check(slot: PostSlot) -> Finding | None:
        days = calendar(slot.country)
        if not days:
            return None
        day = slot.audience_wall.date()
        name = days.get(day)
        if name is None:
            return None
        return Finding(_HOLIDAY_TEXT, name, (day, slot.country, name))

    return check


_BUILT_IN = {
    "sleep": ConflictRule("sleep", _sleep_rule),
    "transit": ConflictRule("transit", _transit_rule),
    "off_hours": ConflictRule("off_hours", _off_hours_rule),
    "holiday": ConflictRule("holiday", _holiday_rule),
}
for _rule in _BUILT_IN.values():
    register_rule(_rule)


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


@dataclass(frozen=True)
class AckInfo:
    post_id: int
    kind: str
    note: str
    created_at: datetime


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


class _Clock:
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


class _CmTimeline:
    """The CM's (where, offset) pieces over [start, end): the itinerary's segments cut again at each DST
    change of their zone. The sweep walks them with a pointer, as posts come in time order."""

    def __init__(self, itinerary: Itinerary, start: datetime, end: datetime) -> None:
        self._ends: list[datetime] = []  # naive UTC
        self._pieces: list[tuple[Whereabouts, timedelta]] = []
        for seg in itinerary.segments(start, end):
            cuts = [seg.start]
            offsets = [timezones.utc_offset(seg.start, seg.where.zone)]
            for moment, after in _changes(seg.where.zone, seg.start, seg.end):
                cuts.append(moment)
                offsets.append(after)
            cuts.append(seg.end)
            for k, offset in enumerate(offsets):
                self._ends.append(_naive(cuts[k + 1]))
                self._pieces.append((seg.where, offset))

    @property
    def ends(self) -> list[datetime]:
        """Where each piece ends (naive UTC), in order."""
        return self._ends

    @property
    def pieces(self) -> list[tuple[Whereabouts, timedelta]]:
        """(where she is, her UTC offset) of each piece."""
        return self._pieces


def _naive(instant: datetime) -> datetime:
    return timezones.ensure_utc(instant).replace(tzinfo=None)


def _utc_value(raw: Any) -> datetime:
    """A stored instant read without the column type (faster): naive UTC, from SQLite text or a driver's
    naive datetime."""
    return datetime.fromisoformat(raw) if isinstance(raw, str) else raw.replace(tzinfo=None)


# --------------------------------------------------------------------------- the service


class ConflictService:
    def __init__(self, db: Database, language: str | None = None) -> None:
        self.db = db
        self.language = language  # holiday names' language ("fr", "en_US"...); None: the library's default

    def check(
        self,
        date_from: date | None = None,
        date_to: date | None = None,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        post_ids: Collection[int] | None = None,
        include_acknowledged: bool = False,
        itinerary: Itinerary | None = None,
        with_text: bool = True,
    ) -> list[PostConflicts]:
        """Scheduled posts (each occurrence of a recurring one) with at least one conflict still to look
        at — with `include_acknowledged`, also those whose conflicts are all acknowledged — in time order.
        Dates are the posts' own local dates, inclusive, as in `post list` and the CSV export; `start` and
        `end` bound the instants. Without `with_text` the posts' texts are not read (the CLI shows none)."""
        if date_from and date_to and date_to < date_from:
            raise ValidationError(f"--to {date_to} is before --from {date_from}")
        flt = OccurrenceFilter(
            start=start,
            end=end,
            date_from=date_from,
            date_to=date_to,
            statuses=["scheduled"],
            post_ids=None if post_ids is None else sorted(set(post_ids)),
        )
        with _gc_paused():
            rows = self._load(flt, with_text)
            if not rows:
                return []
            itinerary = itinerary or load_itinerary(self.db)
            acks = self._acks(None if post_ids is None else sorted({r[1] for r in rows}))
            return list(self._sweep(rows, itinerary, acks, include_acknowledged))

    def for_rows(
        self, keys: Collection[tuple[int, datetime]], itinerary: Itinerary | None = None
    ) -> dict[tuple[int, datetime], PostConflicts]:
        """Conflicts (acknowledged ones included) of the given (post id, instant) occurrences — the rows a
        schedule table shows — by the same key."""
        if not keys:
            return {}
        wanted = set(keys)
        found = self.check(
            start=min(k[1] for k in wanted),
            end=max(k[1] for k in wanted) + timedelta(seconds=1),
            post_ids={k[0] for k in wanted},
            include_acknowledged=True,
            itinerary=itinerary,
        )
        return {(c.post_id, c.utc): c for c in found if (c.post_id, c.utc) in wanted}

    def for_posts(
        self, post_ids: Collection[int], itinerary: Itinerary | None = None
    ) -> dict[int, PostConflicts]:
        """Conflicts (acknowledged ones included) of single posts, by id (a recurring post: its first
        conflicting occurrence)."""
        if not post_ids:
            return {}
        found = self.check(post_ids=post_ids, include_acknowledged=True, itinerary=itinerary)
        out: dict[int, PostConflicts] = {}
        for c in found:
            out.setdefault(c.post_id, c)
        return out

    # ------------------------------------------------------------------ acknowledgements

    def acknowledge(self, post_id: int, kinds: Iterable[str], note: str = "") -> list[str]:
        """Marks conflict kinds of a post as fine; returns the kinds newly acknowledged (for Undo)."""
        wanted = list(dict.fromkeys(kinds))
        known = [r.kind for r in rules()]
        for kind in wanted:
            if kind not in known:
                raise ValidationError(f"unknown conflict kind {kind!r} (one of: {', '.join(known)})")
        with self.db.write() as s:
            if s.get(Post, post_id) is None:
                raise NotFoundError(f"no post with id {post_id}")
            have = set(s.execute(select(ConflictAck.kind).where(ConflictAck.post_id == post_id)).scalars())
            added = [k for k in wanted if k not in have]
            for kind in added:
                s.add(ConflictAck(post_id=post_id, kind=kind, note=note.strip()))
        return added

    def unacknowledge(self, post_id: int, kinds: Iterable[str] | None = None) -> list[AckInfo]:
        """Removes acknowledgements (all of the post's when `kinds` is None); returns them (for Redo/Undo)."""
        with self.db.write() as s:
            stmt = select(ConflictAck).where(ConflictAck.post_id == post_id)
            if kinds is not None:
                stmt = stmt.where(ConflictAck.kind.in_(list(kinds)))
            found = list(s.execute(stmt).scalars())
            removed = [AckInfo(a.post_id, a.kind, a.note, a.created_at) for a in found]
            if found:
                s.execute(delete(ConflictAck).where(ConflictAck.id.in_([a.id for a in found])))
        return removed

    def restore_acks(self, acks: Sequence[AckInfo]) -> None:
        with self.db.write() as s:
            for a in acks:
                exists = s.execute(
                    select(ConflictAck.id).where(ConflictAck.post_id == a.post_id, ConflictAck.kind == a.kind)
                ).first()
                if exists is None and s.get(Post, a.post_id) is not None:
                    s.add(ConflictAck(post_id=a.post_id, kind=a.kind, note=a.note, created_at=a.created_at))

    def acknowledgements(self, post_id: int) -> list[AckInfo]:
        with self.db.session() as s:
            found = s.execute(
                select(ConflictAck).where(ConflictAck.post_id == post_id).order_by(ConflictAck.kind)
            ).scalars()
            return [AckInfo(a.post_id, a.kind, a.note, a.created_at) for a in found]

    # ------------------------------------------------------------------ internals

    def _load(self, flt: OccurrenceFilter, with_text: bool = True) -> list[tuple[Any, ...]]:
        """(naive UTC, post id, aware UTC or its stored text, client id, network, text, recurring) of each post
        passing `flt`, in time order: single posts read with a lean query (no ORM objects, no column type
        per row, no join: channels are few), merged with the few recurring series expanded in the range."""
        text_column = Post.text if with_text else literal("")
        stmt = select(type_coerce(Post.utc, String), Post.id, Post.channel_id, text_column).where(
            Post.rrule.is_(None), Post.status == "scheduled"
        )
        if flt.start is not None:
            stmt = stmt.where(Post.utc >= flt.start)
        if flt.end is not None:
            stmt = stmt.where(Post.utc < flt.end)
        if flt.date_from is not None:
            stmt = stmt.where(Post.wall_time >= datetime.combine(flt.date_from, time(0)))
        if flt.date_to is not None:
            stmt = stmt.where(Post.wall_time < datetime.combine(flt.date_to + timedelta(days=1), time(0)))
        singles: list[tuple[Any, ...]] = []
        with self.db.session() as s:
            conn = s.connection()  # Core rows, not the ORM's result machinery: 100,000 rows add up
            channels = {
                cid: (client, network)
                for cid, client, network in conn.execute(
                    select(Channel.id, Channel.client_id, Channel.network)
                )
            }
            chunks = [None] if flt.post_ids is None else _chunks(list(flt.post_ids))
            for chunk in chunks:
                query = stmt if chunk is None else stmt.where(Post.id.in_(chunk))
                found = conn.execute(query).fetchall()  # sorted below: faster than SQLite's temp b-tree
                if found and found[0][0].__class__ is str:  # SQLite: the stored text, parsed in C
                    parse = datetime.fromisoformat
                    singles.extend([(parse(r[0]), r[1], r[0], *channels[r[2]], r[3], False) for r in found])
                else:  # a driver giving datetimes (PostgreSQL)
                    singles.extend(
                        [(_utc_value(r[0]), r[1], None, *channels[r[2]], r[3], False) for r in found]
                    )
        singles.sort()  # by (instant, post id): ids are unique, so the comparison stops there
        series = load_series(self.db, post_ids=flt.post_ids)
        if not series:
            return singles
        repeated = [
            (
                o.utc.replace(tzinfo=None),
                o.post_id,
                o.utc,
                o.client_id,
                o.network,
                o.text if with_text else "",
                True,
            )
            for o in series_occurrences(series, flt)
        ]
        return list(heapq.merge(singles, repeated, key=lambda r: (r[0], r[1])))

    def _acks(self, post_ids: list[int] | None) -> dict[int, set[str]]:
        stmt = select(ConflictAck.post_id, ConflictAck.kind)
        out: dict[int, set[str]] = {}
        with self.db.session() as s:
            if post_ids is None:
                found = list(s.execute(stmt))
            else:
                found = []
                for k in range(0, len(post_ids), 900):
                    chunk = post_ids[k : k + 900]
                    found.extend(s.execute(stmt.where(ConflictAck.post_id.in_(chunk))))
        for pid, kind in found:
            out.setdefault(pid, set()).add(kind)
        return out

    def _sweep(
        self,
        rows: list[tuple[Any, ...]],
        itinerary: Itinerary,
        acks: dict[int, set[str]],
        include_acknowledged: bool,
    ) -> Iterator[PostConflicts]:
        """One pass over the posts in time order. The built-in kinds are tested inline with tables made once
        (a function call per post and kind would cost more than the tests); other kinds go through their
        rule's checker with a `PostSlot`."""
        start = rows[0][0].replace(tzinfo=UTC)
        end = rows[-1][0].replace(tzinfo=UTC) + timedelta(seconds=1)
        rhythm = load_rhythm(SettingsService(self.db))
        ctx = CheckContext(self.db, itinerary, rhythm, start, end, self.language)
        active_rules = rules()
        inline = {r.kind for r in active_rules if _BUILT_IN.get(r.kind) is r}
        plugins = [(r.kind, r.prepare(ctx)) for r in active_rules if r.kind not in inline]
        do_sleep, do_transit = "sleep" in inline, "transit" in inline
        do_off, do_holiday = "off_hours" in inline, "holiday" in inline
        sleep_bits, sleep_text = rhythm.sleep._table.bits, str(rhythm.sleep)
        work_bits, work_text = rhythm.work._table.bits, str(rhythm.work)
        transits = {t.id: t for t in itinerary.transits}
        calendar = _holiday_calendars(ctx)
        line = _CmTimeline(itinerary, start, end)
        ends, pieces = line.ends, line.pieces
        with self.db.session() as s:
            clients = {}
            for cid, name, tz, country in s.execute(
                select(Client.id, Client.name, Client.audience_tz, Client.country)
            ):
                country = country or _zone_country(tz)
                holidays = calendar(country) if do_holiday else None
                clients[cid] = (name, tz, country, _Clock(tz, start, end).wall, holidays)
        slot = PostSlot(0, rows[0][0], 0, "", "", "", "", None, pieces[0][0], rows[0][0], rows[0][0])
        no_acks: set[str] = set()
        i = 0
        for naive, pid, source, client_id, network, text, recurring in rows:
            client_name, audience_tz, country, audience_clock, holidays = clients[client_id]
            while ends[i] <= naive:  # rows come in time order: the CM's piece only moves forward
                i += 1
            where, offset = pieces[i]
            cm_wall = naive + offset
            audience_wall = audience_clock(naive)
            found: list[tuple[str, str, str, tuple[Any, ...]]] = []
            minute = cm_wall.hour * 60 + cm_wall.minute
            if do_sleep and sleep_bits[minute]:
                found.append(("sleep", _SLEEP_TEXT, sleep_text, (cm_wall, where.zone, sleep_text)))
            if do_transit and where.in_transit:
                f = _transit_finding(transits, where)
                found.append(("transit", f._text, f.fact, f._args))
            if do_off:
                day = cm_wall.weekday()
                if not work_bits[day * 1440 + minute]:
                    args = (_WEEKDAYS[day], cm_wall, where.zone, work_text)
                    found.append(("off_hours", _OFF_TEXT, work_text, args))
            if holidays is not None:
                name = holidays.get(audience_wall.date())
                if name is not None:
                    args = (audience_wall.date(), country, name)
                    found.append(("holiday", _HOLIDAY_TEXT, name, args))
            if plugins:  # one slot, refilled: a rule must not keep it past its call
                slot.post_id, slot.naive_utc, slot._utc = pid, naive, source
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
            if source.__class__ is str:  # the stored text, as read: parsing it beats replace(tzinfo=)
                utc = datetime.fromisoformat(f"{source}+00:00")
            else:
                utc = source if source is not None else naive.replace(tzinfo=UTC)
            yield PostConflicts(
                pid,
                utc,
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
                recurring,
            )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """A check builds some 100,000 small objects that all stay alive: the cyclic garbage collector would
    rescan them again and again for nothing (they hold no cycles), costing a third of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    """Id lists cut below SQLite's bound-parameter limit."""
    return [ids[k : k + size] for k in range(0, len(ids), size)] or [[]]


def _zone_country(zone: str) -> str | None:
    """The country of an audience zone when only one country uses it (Europe/Paris -> FR)."""
    codes = timezones.zone_country_codes(zone)
    return codes[0] if len(codes) == 1 else None
