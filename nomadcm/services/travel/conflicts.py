"""Conflicts: a scheduled post that falls while the CM sleeps, travels, is off, or her audience is on holiday.

`ConflictService.check` lists the scheduled posts (not drafts, published or cancelled posts; each occurrence
of a recurring one) with the kinds that conflict with them. The kinds are rules (services/conflict_rules.py:
the built-in `sleep`, `transit`, `off_hours`, `holiday`, and those other areas register); the check itself
is one sweep over the posts in time order (services/conflict_sweep.py).

The user can acknowledge a conflict kind on a post ("the network publishes it by itself") so it stops
nagging; acknowledgements live in `conflict_ack` and can be undone.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import ConflictAck, Post
from nomadcm.services.changes import CONFLICTS, POSTS, Change, change
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.series import Occurrence
from nomadcm.services.schedule.stored_rows import SkippedRow, usable
from nomadcm.services.schedule.your_time import Itineraries
from nomadcm.services.travel.conflict_rules import rules
from nomadcm.services.travel.conflict_sweep import PostConflicts, sweep
from nomadcm.services.travel.itinerary import Itinerary
from nomadcm.storage import Database

ACK_AREAS = frozenset({CONFLICTS, POSTS})  # an acknowledgement changes the Schedule's conflict column too


@dataclass(frozen=True)
class AckInfo:
    post_id: int
    kind: str
    note: str
    created_at: datetime
    uuid: str | None = None  # kept by Undo: the row's identity for a later sync


@dataclass
class CheckedPosts:
    """What a check covered (filled by `check(..., checked=)`): how many scheduled posts (occurrences) it
    read, the first and last of their instants, and her local date of the last one — so a face can say
    "Checked 412 posts from today to 14 Mar 2028"."""

    count: int = 0
    first: datetime | None = None
    last: datetime | None = None
    last_day: date | None = None  # the last post's date on her clock (where the itinerary puts her)


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
        itinerary: Itinerary | Itineraries | None = None,
        with_text: bool = True,
        skipped: list[SkippedRow] | None = None,
        checked: CheckedPosts | None = None,
    ) -> list[PostConflicts]:
        """Scheduled posts (each occurrence of a recurring one) with at least one conflict still to look
        at — with `include_acknowledged`, also those whose conflicts are all acknowledged — in time order.
        Dates are the posts' own local dates, inclusive, as in `post list` and the CSV export; `start` and
        `end` bound the instants. Without `with_text` the posts' texts are not read (the CLI shows none).
        A post the check cannot handle (a year 9999 stored by an older NomadCM) is left out and added to
        `skipped` (services/schedule/stored_rows.py) instead of stopping the check."""
        if date_from and date_to and date_to < date_from:
            raise ValidationError(f"--to {date_to} is before --from {date_from}")
        flt = ScheduleFilter(
            start=start,
            end=end,
            date_from=date_from,
            date_to=date_to,
            statuses=("scheduled",),
            post_ids=None if post_ids is None else tuple(post_ids),
        )
        with _gc_paused():
            query = ScheduleQuery(self.db, flt, itinerary=itinerary)
            rows = list(usable(query.stream(), [] if skipped is None else skipped))
            if checked is not None:
                _covered(rows, checked)
            if not rows:
                return []
            acks = self._acks(None if post_ids is None else sorted({r.post_id for r in rows}))
            return list(sweep(self.db, rows, query.itineraries, acks, include_acknowledged, self.language))

    def stream(
        self,
        date_from: date | None = None,
        date_to: date | None = None,
        *,
        include_acknowledged: bool = False,
        skipped: list[SkippedRow] | None = None,
    ) -> Iterator[PostConflicts]:
        """`check` for the command line, one post at a time: the rows are read, checked and let go as they
        come (memory does not grow with the schedule, only the conflicts' consumer decides what it keeps).
        The window the clocks and calendars are made for comes from the rows' bounds (`ScheduleQuery.span`)."""
        if date_from and date_to and date_to < date_from:
            raise ValidationError(f"--to {date_to} is before --from {date_from}")
        flt = ScheduleFilter(date_from=date_from, date_to=date_to, statuses=("scheduled",))
        query = ScheduleQuery(self.db, flt)
        bounds = query.span()
        if bounds is None:
            return
        span = (bounds[0], bounds[1] + timedelta(seconds=1))
        rows = usable(query.stream(), [] if skipped is None else skipped)
        acks = self._acks(None)
        yield from sweep(
            self.db, rows, query.itineraries, acks, include_acknowledged, self.language, span=span
        )

    def for_rows(
        self, keys: Collection[tuple[int, datetime]], itinerary: Itinerary | Itineraries | None = None
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
        self, post_ids: Collection[int], itinerary: Itinerary | Itineraries | None = None
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
        """Removes acknowledgements (all of the post's when `kinds` is None); returns them (for Redo/Undo).
        An unknown post is a NotFoundError, as in `acknowledge` (it said "nothing was acknowledged", exit 0)."""
        with self.db.write() as s:
            if s.get(Post, post_id) is None:
                raise NotFoundError(f"no post with id {post_id}")
            stmt = select(ConflictAck).where(ConflictAck.post_id == post_id)
            if kinds is not None:
                stmt = stmt.where(ConflictAck.kind.in_(list(kinds)))
            found = list(s.execute(stmt).scalars())
            removed = [AckInfo(a.post_id, a.kind, a.note, a.created_at, a.uuid) for a in found]
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
                    same = {"uuid": a.uuid} if a.uuid is not None else {}
                    s.add(
                        ConflictAck(
                            post_id=a.post_id, kind=a.kind, note=a.note, created_at=a.created_at, **same
                        )
                    )

    def acknowledge_op(self, post_id: int, kinds: Iterable[str], note: str = "") -> Change:
        """`acknowledge` (result: the kinds added); undo removes exactly those."""
        kinds = list(kinds)
        added = self.acknowledge(post_id, kinds, note)

        def undo() -> Change:
            removed = self.unacknowledge(post_id, added)

            def redo() -> Change:  # the same rows again, note and date included
                self.restore_acks(removed)
                return change(ACK_AREAS, "acknowledge", undo, count=len(added))

            return change(ACK_AREAS, "acknowledge", redo, count=len(added))

        return change(ACK_AREAS, "acknowledge", undo if added else None, added, count=len(added))

    def unacknowledge_op(self, post_id: int, kinds: Iterable[str] | None = None) -> Change:
        """`unacknowledge` (result: the AckInfo removed); undo puts them back, note and date included."""
        removed = self.unacknowledge(post_id, kinds)

        def undo() -> Change:
            self.restore_acks(removed)
            again = [a.kind for a in removed]
            return change(ACK_AREAS, "unacknowledge", lambda: self.unacknowledge_op(post_id, again))

        return change(ACK_AREAS, "unacknowledge", undo if removed else None, removed)

    def acknowledgements(self, post_id: int) -> list[AckInfo]:
        with self.db.session() as s:
            found = s.execute(
                select(ConflictAck).where(ConflictAck.post_id == post_id).order_by(ConflictAck.kind)
            ).scalars()
            return [AckInfo(a.post_id, a.kind, a.note, a.created_at) for a in found]

    # ------------------------------------------------------------------ internals

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


def _covered(rows: Sequence[Occurrence], checked: CheckedPosts) -> None:
    checked.count = len(rows)
    if rows:
        checked.first, checked.last = rows[0].utc, rows[-1].utc
        last = rows[-1]
        checked.last_day = last.cm_wall.date() if last.cm_wall is not None else last.utc.date()


def _utc_value(raw: Any) -> datetime:
    """A stored instant read without the column type (faster): naive UTC, from SQLite text or a driver's
    naive datetime."""
    return datetime.fromisoformat(raw) if isinstance(raw, str) else raw.replace(tzinfo=None)


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
