"""Reminders for manual publishing: what is due soon, what was missed, and what the user did about it.

Pure logic over the database, with `now` always passed in (the GUI's scheduler owns the clock, so tests use
a fake one). A reminder is one occurrence of a `scheduled` post, due `lead` minutes before its instant.
Its state (shown, snoozed until, dismissed) is a `post_reminder` row keyed by (post, instant): a post moved to
another time is a new reminder. Marking a post published is what ends reminders for good.

Nothing is sent anywhere: NomadCM only reminds; the user publishes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from nomadcm import timezones
from nomadcm.models import ReminderState
from nomadcm.services.changes import Change, change
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.series import Occurrence
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database

DEFAULT_LEAD_MINUTES = 10
DEFAULT_MISSED_DAYS = 7
LOOKAHEAD = timedelta(days=2)  # how far `next_wakeup` looks
GRACE = timedelta(hours=1)  # a reminder missed while the computer slept still shows within this time


@dataclass(frozen=True)
class Reminder:
    occurrence: Occurrence
    remind_at: datetime  # when the notification is (or was) due
    snoozed: bool = False

    @property
    def key(self) -> tuple[int, datetime]:
        return (self.occurrence.post_id, self.occurrence.utc)

    @property
    def due(self) -> datetime:
        return self.occurrence.utc


@dataclass
class _State:
    notified_at: datetime | None = None
    snoozed_until: datetime | None = None
    dismissed_at: datetime | None = None


class ReminderService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ settings

    def lead(self) -> timedelta:
        minutes = SettingsService(self.db).get("reminder_minutes", DEFAULT_LEAD_MINUTES)
        return timedelta(minutes=max(0, int(minutes)))

    def enabled(self) -> bool:
        return bool(SettingsService(self.db).get("reminders", True))

    # ------------------------------------------------------------------ what to show

    def due(self, now: datetime, lead: timedelta | None = None) -> list[Reminder]:
        """Reminders to show at `now`: posts due within `lead` not yet shown, and snoozed ones whose time came."""
        lead = self.lead() if lead is None else lead
        now = timezones.ensure_utc(now)
        states = self._states(now - timedelta(days=DEFAULT_MISSED_DAYS), now + lead + LOOKAHEAD)
        out: list[Reminder] = []
        for o in self._scheduled(
            now - timedelta(days=DEFAULT_MISSED_DAYS), now + lead + timedelta(seconds=1)
        ):
            st = states.get((o.post_id, o.utc))
            if st is not None and st.dismissed_at is not None:
                continue
            if st is not None and st.snoozed_until is not None:
                if st.snoozed_until <= now:
                    out.append(Reminder(o, st.snoozed_until, snoozed=True))
                continue
            if o.utc > now - GRACE and (st is None or st.notified_at is None):
                out.append(Reminder(o, o.utc - lead))
        return out

    def missed(self, now: datetime, days: int = DEFAULT_MISSED_DAYS) -> list[Reminder]:
        """Scheduled posts whose time passed without being marked published (shown at start-up)."""
        now = timezones.ensure_utc(now)
        start = now - timedelta(days=days)
        states = self._states(start, now)
        return [
            Reminder(o, o.utc)
            for o in self._scheduled(start, now)
            if (st := states.get((o.post_id, o.utc))) is None or st.dismissed_at is None
        ]

    def next_wakeup(self, now: datetime, lead: timedelta | None = None) -> datetime | None:
        """The next instant something becomes due (a reminder time or a snooze's end), within two days."""
        lead = self.lead() if lead is None else lead
        now = timezones.ensure_utc(now)
        states = self._states(now, now + lead + LOOKAHEAD)
        candidates = [
            st.snoozed_until for st in states.values() if st.snoozed_until and st.snoozed_until > now
        ]
        for o in self._scheduled(now, now + lead + LOOKAHEAD):
            st = states.get((o.post_id, o.utc))
            if st is not None and (st.notified_at or st.dismissed_at or st.snoozed_until):
                continue
            candidates.append(max(o.utc - lead, now))
        return min(candidates) if candidates else None

    # ------------------------------------------------------------------ what the user did

    def mark_notified(self, reminders: list[Reminder], at: datetime) -> None:
        self._set(reminders, notified_at=at, snoozed_until=None)

    def snooze(self, reminders: list[Reminder], until: datetime) -> None:
        self._set(reminders, snoozed_until=timezones.ensure_utc(until))

    def dismiss(self, reminders: list[Reminder], at: datetime) -> None:
        self._set(reminders, dismissed_at=at, snoozed_until=None)

    def mark_published(self, reminder: Reminder) -> None:
        """The post (or this occurrence of a recurring one) is published: no more reminders for it."""
        o = reminder.occurrence
        if o.series_wall is None:
            from nomadcm.services.schedule.posts import PostService

            PostService(self.db).set_status([o.post_id], "published")
        else:
            from nomadcm.services.schedule.occurrence_edits import OccurrenceEditor

            OccurrenceEditor(self.db).set_status(o.post_id, o.series_wall, "published")

    def mark_published_op(self, reminder: Reminder) -> Change:
        """`mark_published`, saying what it changed; undo gives the post (or occurrence) its status back."""
        o = reminder.occurrence
        if o.series_wall is None:
            from nomadcm.services.schedule.posts import PostService

            done = PostService(self.db).set_status_op([o.post_id], "published")
            return change(done.areas, "mark_published", done.undo, done.result)
        from nomadcm.services.schedule.occurrence_edits import OccurrenceEditor

        editor, series_wall = OccurrenceEditor(self.db), o.series_wall
        return editor.op("mark_published", lambda: editor.set_status(o.post_id, series_wall, "published"))

    # ------------------------------------------------------------------ internals

    def _scheduled(self, start: datetime, end: datetime) -> list[Occurrence]:
        """Her posts due in [start, end): in team mode those assigned to her or to nobody, at her own time
        (a reminder is hers: "publish at 09:00" on her clock)."""
        from nomadcm.services.travel.itinerary import load_itinerary

        flt = ScheduleFilter(start=start, end=end, statuses=("scheduled",))
        query = ScheduleQuery(self.db, flt, now=end, itinerary=load_itinerary(self.db))
        return list(for_viewer(query.stream(), self.db.member_id))

    def _states(self, start: datetime, end: datetime) -> dict[tuple[int, datetime], _State]:
        with self.db.session() as s:
            rows = s.scalars(
                select(ReminderState).where(ReminderState.due_utc >= start, ReminderState.due_utc < end)
            )
            return {
                (r.post_id, r.due_utc): _State(r.notified_at, r.snoozed_until, r.dismissed_at) for r in rows
            }

    def _set(self, reminders: list[Reminder], **values: datetime | None) -> None:
        if not reminders:
            return
        with self.db.write() as s:
            for r in reminders:
                row = s.scalar(
                    select(ReminderState).where(
                        ReminderState.post_id == r.occurrence.post_id,
                        ReminderState.due_utc == r.occurrence.utc,
                    )
                )
                if row is None:
                    row = ReminderState(post_id=r.occurrence.post_id, due_utc=r.occurrence.utc)
                    s.add(row)
                for key, value in values.items():
                    setattr(row, key, value)


def for_viewer(rows: Iterable[Occurrence], member_id: int | None) -> Iterator[Occurrence]:
    """The rows that are `member_id`'s to publish: assigned to her or to nobody (everyone's when nobody acts,
    a CM alone)."""
    if member_id is None:
        yield from rows
        return
    for o in rows:
        if o.assignee_id is None or o.assignee_id == member_id:
            yield o
