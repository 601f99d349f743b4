"""One write path for posts: `check(draft)` says what a draft would become, `add_many(drafts)` stores them.

Every way a post comes in — the post dialog, `nomadcm post add`, the native CSV, the bulk-scheduler files,
the demo data — builds `PostDraft`s and goes through here, so a post is validated by one set of rules:
known channel, known zone, no DST gap (the first valid time is proposed), a known status, a text that is not
empty and fits the channel unless it is a draft, a web link, a recurrence rule that produces occurrences.

`DraftChecker.check` never raises for bad input: it lists problems (and notes worth saying, such as which
occurrence of a doubled time was taken) beside the resolved values, so a dialog can show them live and an
importer can report every bad row. `add_many` checks every draft and inserts them all in one transaction,
with Core executemany in batches, or nothing: its `DraftsRefused` names each bad draft by its index.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nomadcm import date_bounds, timezones
from nomadcm.errors import NotFoundError, TimeError, UserError, ValidationError
from nomadcm.models import NETWORK_LIMITS, Channel, Client
from nomadcm.services.schedule.post_fields import (
    check_link,
    check_status,
    nul_problem,
    split_tags,
    text_problem,
)
from nomadcm.services.schedule.recurrence_expansion import check_rule_for
from nomadcm.services.schedule.your_time import YourTime
from nomadcm.services.travel.itinerary import Whereabouts

INSERT_BATCH = 5000
MAX_REFUSED_LISTED = 1000  # bad drafts whose problems `add_many` lists; the others are counted

Progress = Callable[[int], None]  # drafts checked (and written) so far


@dataclass
class PostDraft:
    """A post as typed: `tz=None` means the client's audience zone."""

    channel_id: int
    text: str
    wall: datetime
    tz: str | None = None
    fold: int = 0
    link: str = ""
    tags: Sequence[str] = ()
    notes: str = ""
    status: str = "scheduled"
    rrule: str | None = None  # RFC 5545 recurrence (schedule/recurrence_rule.py); None: a single post
    # The instant the draft came with (an exported file's utc_time): when the wall time happens twice, it
    # says which occurrence was meant. Ignored otherwise.
    utc_hint: datetime | None = None
    assignee_id: int | None = None  # the member who publishes it (team mode); None: nobody in particular


@dataclass(frozen=True)
class NewChannel:
    """A channel of a known client that an import creates together with its posts (same transaction)."""

    client_id: int
    network: str
    handle: str = ""


@dataclass(frozen=True)
class ChannelFacts:
    """What checking a post needs to know about its channel."""

    id: int
    network: str
    text_limit: int | None
    audience_tz: str


@dataclass(slots=True)  # not frozen: a frozen dataclass of 17 fields cost 4 µs to build, per imported row
class PostCheck:
    """What a draft comes to: resolved values, problems (which block saving) and notes (which do not).
    Read it, do not change it."""

    draft: PostDraft
    channel_id: int
    tz: str
    wall: datetime  # minutes; a recurring post's first occurrence
    fold: int
    instant: datetime | None  # aware UTC; None when the time cannot be resolved
    rrule: str | None  # canonical form
    link: str
    tags: tuple[str, ...]
    status: str
    # of the wall time as typed (gap / fold); None for the usual time of one meaning, made when asked for
    _resolution: timezones.Resolution | None
    cm: Whereabouts | None  # "your time" at `instant` (None without a YourTime, or without an instant)
    cm_wall: datetime | None
    text_length: int
    text_limit: int | None
    errors: tuple[UserError, ...] = ()
    notes: tuple[str, ...] = ()  # worth saying, not blocking (e.g. which fold was taken)

    @property
    def resolution(self) -> timezones.Resolution:
        """What the wall time as typed means (gap / fold)."""
        if self._resolution is None:  # one meaning, no recurrence moved the wall time: the values' own
            self._resolution = timezones.Resolution(self.wall, self.tz, self.instant)
        return self._resolution

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(str(e) for e in self.errors)

    @property
    def ok(self) -> bool:
        return not self.errors

    def values(self, now: datetime) -> dict[str, Any]:
        """The post row to insert (only for a check without problems)."""
        return {
            "channel_id": self.channel_id,
            "text": self.draft.text,
            "link": self.link,
            "tags": ",".join(self.tags),
            "notes": self.draft.notes,
            "status": self.status,
            "wall_time": self.wall,
            "tz": self.tz,
            "fold": self.fold,
            "utc": self.instant,
            "rrule": self.rrule,
            "assignee_id": self.draft.assignee_id,
            "created_at": now,
            "updated_at": now,
        }


@dataclass(frozen=True)
class DraftProblem:
    index: int  # of the draft in the sequence given to `add_many` (0-based)
    error: UserError

    @property
    def message(self) -> str:
        return str(self.error)


class DraftsRefused(ValidationError):
    """Nothing was saved: `.problems` lists every problem of every bad draft, by the draft's index (of the
    first `MAX_REFUSED_LISTED` bad drafts; `.bad` counts them all)."""

    def __init__(self, problems: Sequence[DraftProblem], bad_drafts: int = 0) -> None:
        self.problems = list(problems)
        bad = self.bad = max(bad_drafts, len({p.index for p in self.problems}))
        first = self.problems[0]
        more = f" (and {bad - 1} more)" if bad > 1 else ""
        super().__init__(f"nothing saved, {bad} bad post(s): #{first.index + 1}: {first.message}{more}")

    def first_by_index(self) -> dict[int, DraftProblem]:
        """The first problem of each bad draft (the one an importer reports for its line)."""
        out: dict[int, DraftProblem] = {}
        for p in self.problems:
            out.setdefault(p.index, p)
        return out


# ---------------------------------------------------------------------- the check


@dataclass
class DraftChecker:
    """Checks drafts against channels loaded once: one draft (the dialog) or 100,000 (an import)."""

    channels: Mapping[int, ChannelFacts]
    your_time: YourTime | None = None
    _zones: dict[str, str] = field(default_factory=dict)  # as typed -> canonical
    _tags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # tags as typed -> split (few spellings)

    def check(self, draft: PostDraft) -> PostCheck:
        errors: list[UserError] = []
        notes: list[str] = []
        facts = self.channels.get(draft.channel_id)
        if facts is None:
            errors.append(NotFoundError(f"no channel with id {draft.channel_id}"))
            tz = draft.tz if draft.tz is not None else "UTC"
            channel_id, limit, network = draft.channel_id, None, ""
        else:
            tz = draft.tz if draft.tz is not None else facts.audience_tz
            channel_id, limit, network = facts.id, facts.text_limit, facts.network
        wall = (
            draft.wall.replace(second=0, microsecond=0)
            if draft.wall.second or draft.wall.microsecond
            else draft.wall
        )
        fold = draft.fold
        res: timezones.Resolution | None = None  # None: `instant` is the one meaning of `wall`
        try:
            tz = self._zone(tz)
            date_bounds.check_date(wall, "time")  # 1970..2100: past 9999 every later command broke
            instant = timezones.plain_instant(wall, tz) if fold in (0, 1) else None
            if instant is None:
                res = self._resolve(wall, tz, fold)
            elif draft.rrule:  # the recurrence may move the wall time: keep the one typed
                res = timezones.Resolution(wall, tz, instant)
        except (TimeError, date_bounds.DateOutOfRange) as err:
            errors.append(err)
            res = timezones.Resolution(wall, tz, None)
        if res is not None and res.gap is not None:
            errors.append(timezones.NonExistentTimeError(wall, res.gap))
        elif res is not None and res.ambiguous:
            if draft.utc_hint is not None and draft.utc_hint == res.other_instant:
                fold = 1 - fold
                res = timezones.resolve(wall, tz, fold)
            which = "first" if res.fold == 0 else "second"
            notes.append(f"{wall:%H:%M} happens twice in {tz} that day; the {which} one is used")
        status = draft.status
        try:
            status = check_status(draft.status)
        except ValidationError as err:
            errors.append(err)
        for problem in (
            text_problem(draft.text, limit, status, network),
            nul_problem(draft.notes, "notes hold"),
        ):
            if problem:
                errors.append(ValidationError(problem))
        link = draft.link
        try:
            link = check_link(draft.link)
        except ValidationError as err:
            errors.append(err)
        if res is not None:
            instant = res.instant
        rrule = None
        if draft.rrule and instant is not None:
            try:
                rrule, first_wall = check_rule_for(wall, tz, fold, draft.rrule)
            except ValidationError as err:
                errors.append(err)
            else:
                if first_wall is not None and first_wall != wall:  # DTSTART is the first occurrence
                    wall, instant = first_wall, timezones.localize_shifting_gaps(first_wall, tz)[0]
        cm = cm_wall = None
        if self.your_time is not None and instant is not None:
            cm, cm_wall = self.your_time.at(instant)
        return PostCheck(
            draft,
            channel_id,
            tz,
            wall,
            fold,
            instant,
            rrule,
            link,
            self._split_tags(draft.tags),
            status,
            res,
            cm,
            cm_wall,
            len(draft.text),
            limit,
            tuple(errors),
            tuple(notes),
        )

    def _resolve(self, wall: datetime, tz: str, fold: int) -> timezones.Resolution:
        """`timezones.resolve`: a bisect over the zone's cached transitions (checked against zoneinfo)."""
        return timezones.resolve(wall, tz, fold)

    def _split_tags(self, tags: str | Sequence[str]) -> tuple[str, ...]:
        if not isinstance(tags, str):
            return split_tags(tags)
        split = self._tags.get(tags)
        if split is None:
            split = split_tags(tags)
            if len(self._tags) < 10_000:  # a file of all different tags does not fill the memory
                self._tags[tags] = split
        return split

    def _zone(self, name: str) -> str:
        canonical = self._zones.get(name)
        if canonical is None:
            canonical = self._zones[name] = timezones.check_zone(name)
        return canonical


def load_channels(s: Session, channel_ids: Collection[int] | None = None) -> dict[int, ChannelFacts]:
    """Every channel (or those of `channel_ids`) with what a check needs, in one query."""
    query = select(Channel.id, Channel.network, Channel.text_limit, Client.audience_tz).join(
        Client, Channel.client_id == Client.id
    )
    if channel_ids is not None:
        query = query.where(Channel.id.in_(list(channel_ids)))
    return {cid: ChannelFacts(cid, net, limit, tz) for cid, net, limit, tz in s.execute(query)}


def pending_channels(s: Session, create_missing: Mapping[int, NewChannel]) -> dict[int, ChannelFacts]:
    """Channels still to be created, under the placeholder ids the drafts use (for a check that writes
    nothing)."""
    if not create_missing:
        return {}
    zones = client_zones(s, create_missing)
    return {
        key: ChannelFacts(key, new.network, NETWORK_LIMITS.get(new.network), zones[new.client_id])
        for key, new in create_missing.items()
    }


def client_zones(s: Session, create_missing: Mapping[int, NewChannel]) -> dict[int, str]:
    wanted = {new.client_id for new in create_missing.values()}
    zones: dict[int, str] = {
        cid: tz for cid, tz in s.execute(select(Client.id, Client.audience_tz).where(Client.id.in_(wanted)))
    }
    missing = sorted(wanted - set(zones))
    if missing:
        raise NotFoundError(f"no client with id {missing[0]}")
    return zones


# ---------------------------------------------------------------------- the insert


def add_many(
    s: Session,
    drafts: Iterable[PostDraft],
    *,
    create_missing: Mapping[int, NewChannel] | None = None,
    progress: Progress | None = None,
) -> list[int]:
    """Checks and inserts every draft in the open write session `s`, in batches, all or none: the posts'
    one insert (services/schedule/post_writer.py, which also streams it for importers)."""
    from nomadcm.services.schedule.post_writer import add_many as write_all

    return write_all(s, drafts, create_missing=create_missing, progress=progress)
