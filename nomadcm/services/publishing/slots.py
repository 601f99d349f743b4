"""Posting slots (the queue): weekly times per channel in its audience's zone, and "add to queue".

A slot is a weekday and a wall time in the channel's client's audience zone ("Mo-Fr 09:00 and 18:00 in
Toronto"), so it stays 09:00 there across DST; a slot time that falls in a DST gap moves past it like any
generated time (RFC 5545) and is flagged. A slot is taken when a post of that channel (an occurrence of a
recurring one included, a cancelled one excepted) goes out at that instant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Channel, Client, PostingSlot
from nomadcm.services import row_states
from nomadcm.services.changes import POSTS, Change
from nomadcm.services.schedule.post_writes import DraftsRefused, PostDraft
from nomadcm.services.schedule.posts import PostInfo, PostService, first_error
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.stale_edits import stale_error
from nomadcm.storage import Database

DAY_CODES: tuple[str, ...] = ("mo", "tu", "we", "th", "fr", "sa", "su")
_DAY_ALIASES = {
    **{c: i + 1 for i, c in enumerate(DAY_CODES)},
    **{c: i + 1 for i, c in enumerate(("lu", "ma", "me", "je", "ve", "sa", "di"))},  # French, as typed
}
SEARCH_DAYS = 366


@dataclass(frozen=True)
class Slot:
    id: int
    channel_id: int
    weekday: int  # ISO: 1 = Monday
    minute: int  # after local midnight
    version: int = 1  # the row's version counter (services/stale_edits.py)

    @property
    def time(self) -> time:
        return time(self.minute // 60, self.minute % 60)

    @property
    def label(self) -> str:
        return f"{DAY_CODES[self.weekday - 1].capitalize()} {self.minute // 60:02d}:{self.minute % 60:02d}"


@dataclass(frozen=True)
class SlotTime:
    """One upcoming slot: when it is, and the post already there (if any)."""

    channel_id: int
    wall: datetime  # in `zone`, after a gap shift
    zone: str
    utc: datetime
    gap_shifted: bool
    post_id: int | None = None  # the post taking it
    post_text: str = ""

    @property
    def free(self) -> bool:
        return self.post_id is None


def parse_slots(text: str) -> list[tuple[int, int]]:
    """ "Mo-Fr 09:00,18:00; Sa 10:30" -> [(weekday, minute), ...]; names the bad part."""
    out: list[tuple[int, int]] = []
    for part in re.split(r"[;\n]", text):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"([A-Za-z,\- ]+?)\s+([0-9:, ]+)", part)
        if not m:
            raise ValidationError(f"slots {part!r}: write days then times, e.g. “Mo-Fr 09:00,18:00”")
        days = _parse_days(m.group(1), part)
        for t in re.split(r"[,\s]+", m.group(2).strip()):
            hm = re.fullmatch(r"(\d{1,2}):(\d{2})", t)
            if not hm or int(hm.group(1)) > 23 or int(hm.group(2)) > 59:
                raise ValidationError(f"slots {part!r}: {t!r} is not a time (HH:MM)")
            minute = int(hm.group(1)) * 60 + int(hm.group(2))
            out.extend((d, minute) for d in days)
    if not out:
        raise ValidationError("no slot given (e.g. “Mo-Fr 09:00,18:00”)")
    return sorted(set(out))


def _parse_days(text: str, part: str) -> list[int]:
    days: list[int] = []
    for chunk in text.replace(" ", "").lower().split(","):
        a, _, b = chunk.partition("-")
        try:
            first = _DAY_ALIASES[a[:2]]
            last = _DAY_ALIASES[b[:2]] if b else first
        except KeyError:
            raise ValidationError(f"slots {part!r}: {chunk!r} is not a day (Mo Tu We Th Fr Sa Su)") from None
        day = first
        while True:
            days.append(day)
            if day == last:
                break
            day = day % 7 + 1
    return days


class SlotService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_slots(self, channel_id: int) -> list[Slot]:
        with self.db.session() as s:
            rows = s.scalars(
                select(PostingSlot)
                .where(PostingSlot.channel_id == channel_id)
                .order_by(PostingSlot.weekday, PostingSlot.minute)
            )
            return [Slot(r.id, r.channel_id, r.weekday, r.minute, r.version) for r in rows]

    def set_slots(
        self, channel_id: int, slots: list[tuple[int, int]], *, expected: Sequence[Slot] | None = None
    ) -> list[Slot]:
        """Replaces the channel's slots. `expected`: the slots as they were read (`list_slots`); when the
        channel's slots changed since, the save is refused (StaleEditError, services/stale_edits.py)."""
        for weekday, minute in slots:
            if not (1 <= weekday <= 7 and 0 <= minute < 1440):
                raise ValidationError(f"slot ({weekday}, {minute}) is not a weekday 1-7 and a minute 0-1439")
        with self.db.write() as s:
            channel = s.get(Channel, channel_id, with_for_update=True)  # one slot writer per channel
            if channel is None:
                raise NotFoundError(f"no channel with id {channel_id}")
            if expected is not None:
                _refuse_stale_slots(s, channel, expected)
            s.execute(delete(PostingSlot).where(PostingSlot.channel_id == channel_id))
            s.add_all(PostingSlot(channel_id=channel_id, weekday=d, minute=m) for d, m in sorted(set(slots)))
        return self.list_slots(channel_id)

    def set_slots_op(
        self, channel_id: int, slots: list[tuple[int, int]], *, expected: Sequence[Slot] | None = None
    ) -> Change:
        """`set_slots` (result: the new slots); undo puts the channel's previous slots back."""

        def rows() -> row_states.RowState:
            with self.db.session() as s:
                ids = s.scalars(select(PostingSlot.id).where(PostingSlot.channel_id == channel_id))
                return row_states.capture(s, [(PostingSlot.__table__, list(ids))])

        before = rows()
        result = self.set_slots(channel_id, slots, expected=expected)
        after = rows()
        before, after = row_states.diff(before, after)
        return row_states.swap(self.db, POSTS, "set_slots", before, after, result)

    def zone_of(self, channel_id: int) -> str:
        with self.db.session() as s:
            tz = s.scalar(select(Client.audience_tz).join(Channel).where(Channel.id == channel_id))
        if tz is None:
            raise NotFoundError(f"no channel with id {channel_id}")
        return str(tz)

    def upcoming(
        self,
        channel_id: int,
        start: datetime | None = None,
        days: int = 14,
        limit: int | None = None,
        free_only: bool = False,
    ) -> list[SlotTime]:
        """The channel's slots from `start` (default now) for `days` days, free and taken."""
        slots = self.list_slots(channel_id)
        if not slots:
            return []
        zone = self.zone_of(channel_id)
        start = timezones.ensure_utc(start or timezones.now_utc())
        first_day = timezones.wall_at(start, zone).date()
        times: list[tuple[datetime, datetime, bool]] = []
        by_day: dict[int, list[int]] = {}
        for slot in slots:
            by_day.setdefault(slot.weekday, []).append(slot.minute)
        for offset in range(days + 1):
            day = first_day + timedelta(days=offset)
            for minute in by_day.get(day.isoweekday(), []):
                wall = datetime.combine(day, time(minute // 60, minute % 60))
                instant, gap = timezones.localize_shifting_gaps(wall, zone)
                if instant >= start:
                    times.append((timezones.wall_at(instant, zone), instant, gap is not None))
        if not times:
            return []
        taken = self._taken(channel_id, times[0][1], times[-1][1] + timedelta(seconds=1))
        out: list[SlotTime] = []
        for wall, instant, shifted in times:
            post = taken.get(instant)
            if free_only and post is not None:
                continue
            out.append(
                SlotTime(
                    channel_id,
                    wall,
                    zone,
                    instant,
                    shifted,
                    post[0] if post else None,
                    post[1] if post else "",
                )
            )
            if limit is not None and len(out) >= limit:
                break
        return out

    def _taken(self, channel_id: int, start: datetime, end: datetime) -> dict[datetime, tuple[int, str]]:
        flt = ScheduleFilter(start=start, end=end, channel_id=channel_id)
        rows = ScheduleQuery(self.db, flt).stream()
        return {o.utc: (o.post_id, o.text) for o in rows if o.status != "cancelled"}

    def next_free(self, channel_id: int, after: datetime | None = None) -> SlotTime:
        if not self.list_slots(channel_id):
            raise ValidationError(
                "this channel has no posting slots yet: set them first (e.g. “Mo-Fr 09:00”)"
            )
        start = after or timezones.now_utc()
        for _ in range(SEARCH_DAYS // 28 + 1):
            found = self.upcoming(channel_id, start, days=28, limit=1, free_only=True)
            if found:
                return found[0]
            start = start + timedelta(days=28)
        raise ValidationError(f"every posting slot of the next {SEARCH_DAYS} days is taken")

    def add_to_queue(self, draft: PostDraft, after: datetime | None = None) -> PostInfo:
        """Adds the post at the channel's next free slot (its wall time in the draft is ignored).

        "Which slot is free" and the insert are one write transaction, so two sessions queueing at once
        never book the same slot: SQLite's BEGIN IMMEDIATE lets one writer in at a time; on PostgreSQL the
        channel's row is locked (SELECT ... FOR UPDATE) first, so queue adds to one channel take turns. The
        free slots are read after the lock is held, through read sessions that see every committed post."""
        posts = PostService(self.db)
        with self.db.write() as s:
            s.execute(select(Channel.id).where(Channel.id == draft.channel_id).with_for_update())
            slot = self.next_free(draft.channel_id, after)
            draft.wall, draft.tz, draft.fold = slot.wall, slot.zone, 0
            try:
                post_id = posts.add_many([draft], session=s)[0]
            except DraftsRefused as err:
                raise first_error(err) from None
        return posts.get(post_id)


def _refuse_stale_slots(s: Session, channel: Channel, expected: Sequence[Slot]) -> None:
    rows = list(s.scalars(select(PostingSlot).where(PostingSlot.channel_id == channel.id)))
    if sorted((r.id, r.version) for r in rows) != sorted((e.id, e.version) for e in expected):
        newest = max(rows, key=lambda r: r.id, default=channel)  # the last slot written
        raise stale_error(
            s, newest, f"the posting slots of channel {channel.network} {channel.handle}".rstrip()
        )
