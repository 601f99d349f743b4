"""The conflict rules: what a rule sees of a post (`PostSlot`), what it says (`Finding`), the registry of kinds,
and the four built-in kinds.

- `sleep`: her local time (from the itinerary) is inside her sleep window;
- `transit`: she is in transit at that instant;
- `off_hours`: her local time is outside her working hours (days without hours included);
- `holiday`: the post's audience-local date is a public holiday in the client's country (python-holidays,
  imported on first use; a client without a country uses the country of its audience zone when there is
  only one).

More kinds plug in with a `ConflictRule` (see `register_rule`): e.g. the workplaces area adds `no_wifi`
by listing its module in `RULE_MODULES`; the module calls `register_rule` when imported.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from nomadcm import timezones
from nomadcm.models import CONFLICT_KINDS
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.itinerary import Itinerary, Whereabouts
from nomadcm.services.travel.rhythm import Rhythm, load_rhythm
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.schedule.your_time import Itineraries

# Modules that register extra rules when imported (the workplaces area's `no_wifi`, the events' `closure`).
RULE_MODULES: tuple[str, ...] = (
    "nomadcm.services.workplaces.no_wifi",
    "nomadcm.services.events.closure_rule",  # a post while its client is closed or in a blackout
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
    """What every rule may use while preparing a check (read once, not per post). `itinerary` and `rhythm`
    are the viewer's; a post's own are its assignee's in team mode (`rhythm_of(slot.cm.member_id)`,
    `transit(slot.cm)`)."""

    db: Database
    itinerary: Itinerary
    rhythm: Rhythm
    start: datetime
    end: datetime
    language: str | None = None
    cache: dict[str, Any] = field(default_factory=dict)
    itineraries: Itineraries | None = None

    def rhythm_of(self, member_id: int | None) -> Rhythm:
        """`member_id`'s sleep and working hours (her personal settings), read once per check."""
        if member_id == self.itinerary.member_id:
            return self.rhythm
        rhythms = self.cache.setdefault("rhythms", {})
        if member_id not in rhythms:
            rhythms[member_id] = load_rhythm(SettingsService(self.db, member_id))
        found: Rhythm = rhythms[member_id]
        return found

    def who(self, member_id: int | None) -> str:
        """Whose clock and rhythm a post is read at, as its sentences name her: "" for the viewer's own ("your
        sleep window"), else the member's name ("Bob's sleep window") — in team mode, a teammate's post."""
        if member_id is None or member_id == self.itinerary.member_id:
            return ""
        names = self.cache.get("member_names")
        if names is None:
            from sqlalchemy import select

            from nomadcm.models import Member

            with self.db.session() as s:
                names = {member_id: name for member_id, name in s.execute(select(Member.id, Member.name))}
            self.cache["member_names"] = names
        return str(names.get(member_id, ""))

    def transits(self) -> dict[int, Any]:
        """Every transit of the itineraries read so far, by id (they load as the rows need them)."""
        sources = self.itineraries.loaded() if self.itineraries is not None else [self.itinerary]
        by_id: dict[int, Any] = self.cache.setdefault("transits", {})
        if self.cache.get("transit_sources") != len(sources):
            for itinerary in sources:
                by_id.update((t.id, t) for t in itinerary.transits)
            self.cache["transit_sources"] = len(sources)
        return by_id


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
# gives; `conflict_sweep.sweep` uses the same pieces inline for speed, and `prepare` wraps them for the
# generic path.

SLEEP_TEXT = "{0:%H:%M} in {1} is inside your sleep window {2}"
OFF_TEXT = "{0} {1:%H:%M} in {2} is outside your working hours ({3})"
# The same for a teammate's post (team mode): her name is the last argument.
SLEEP_TEXT_OF = "{0:%H:%M} in {1} is inside {3}'s sleep window {2}"
OFF_TEXT_OF = "{0} {1:%H:%M} in {2} is outside {4}'s working hours ({3})"
HOLIDAY_TEXT = "{0} is a public holiday in {1} ({2})"


def _sleep_rule(ctx: CheckContext) -> Checker:
    def check(slot: PostSlot) -> Finding | None:
        sleep = ctx.rhythm_of(slot.cm.member_id).sleep
        w = slot.cm_wall
        if sleep._table.bits[w.hour * 60 + w.minute]:
            who = ctx.who(slot.cm.member_id)
            if who:
                return Finding(SLEEP_TEXT_OF, str(sleep), (w, slot.cm.zone, str(sleep), who))
            return Finding(SLEEP_TEXT, str(sleep), (w, slot.cm.zone, str(sleep)))
        return None

    return check


def transit_finding(by_id: dict[int, Any], where: Whereabouts, who: str = "") -> Finding:
    """`who`: "" for the viewer ("you are on your flight…"), a teammate's name otherwise ("Bob is on their
    flight…")."""
    t = by_id.get(where.transit_id or -1)
    if t is None:
        return Finding(f"{who} is in transit" if who else "you are in transit")
    what = f"{t.kind} {t.ref}".strip()
    arrive = timezones.wall_at(t.arrive, t.to_tz)
    route = f"{t.from_place} → {t.to_place}"
    trip = f"{what} {route} (arrives {arrive:%Y-%m-%d %H:%M} {t.to_tz})"
    return Finding(f"{who} is on their {trip}" if who else f"you are on your {trip}", route)


def _transit_rule(ctx: CheckContext) -> Checker:
    def check(slot: PostSlot) -> Finding | None:
        if not slot.cm.in_transit:
            return None
        return transit_finding(ctx.transits(), slot.cm, ctx.who(slot.cm.member_id))

    return check


def _off_hours_rule(ctx: CheckContext) -> Checker:
    def check(slot: PostSlot) -> Finding | None:
        work = ctx.rhythm_of(slot.cm.member_id).work
        w = slot.cm_wall
        day = w.weekday()
        if work._table.bits[day * 1440 + w.hour * 60 + w.minute]:
            return None
        who = ctx.who(slot.cm.member_id)
        if who:
            return Finding(OFF_TEXT_OF, str(work), (WEEKDAYS[day], w, slot.cm.zone, str(work), who))
        return Finding(OFF_TEXT, str(work), (WEEKDAYS[day], w, slot.cm.zone, str(work)))

    return check


def holiday_calendars(ctx: CheckContext) -> Callable[[str | None], dict[date, str] | None]:
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
    calendar = holiday_calendars(ctx)

    def check(slot: PostSlot) -> Finding | None:
        days = calendar(slot.country)
        if not days:
            return None
        day = slot.audience_wall.date()
        name = days.get(day)
        if name is None:
            return None
        return Finding(HOLIDAY_TEXT, name, (day, slot.country, name))

    return check


BUILT_IN = {
    "sleep": ConflictRule("sleep", _sleep_rule),
    "transit": ConflictRule("transit", _transit_rule),
    "off_hours": ConflictRule("off_hours", _off_hours_rule),
    "holiday": ConflictRule("holiday", _holiday_rule),
}
for _rule in BUILT_IN.values():
    register_rule(_rule)
