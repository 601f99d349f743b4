"""A client's side of the calendar: its events (launches, closures, press days...), the calendars they come
from, the acknowledgements of a launch left without posts, and the per-client event preferences.

An event is what the user or the client's calendar meant: wall times in a zone (`tz`: the client's audience
zone for an event typed by hand, the file's TZID for an imported one, "UTC" for a time the file gave in UTC),
plus the instants derived from them, recomputed when the zone rules change. An all-day event covers whole
dates in its zone: `start_wall` is the first date's midnight, `end_wall` the midnight after the last date.

Events of a calendar (an imported .ics file or a subscribed URL) are stored expanded: one row per
occurrence inside the window the calendar was last read for, keyed by (calendar, UID, RECURRENCE-ID), so a
new reading of the calendar updates rows in place (their ids, and the acknowledgements hanging off them,
stay) and removes the occurrences the client deleted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys, utcnow
from nomadcm.models.team import created_by_column, updated_by_column, uuid_column
from nomadcm.vocabulary import EVENT_KINDS


class EventCalendar(Base):
    """A calendar of a client: an imported .ics file (`url` NULL) or a subscription (`url`), with the last copy
    read (`ics`), so that its window can move forward offline."""

    __tablename__ = "event_calendar"
    __table_args__ = (UniqueConstraint("client_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    ics: Mapped[str] = mapped_column(Text, default="")
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the last copy arrived
    expanded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # its occurrences were last computed
    last_error: Mapped[str] = mapped_column(
        Text, default=""
    )  # why the last refresh failed ("" when it did not)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ClientEvent(Base):
    __tablename__ = "client_event"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in EVENT_KINDS)})", name="kind"),
        CheckConstraint("end_utc >= start_utc", name="order"),
        CheckConstraint("start_fold IN (0, 1) AND end_fold IN (0, 1)", name="folds"),
        UniqueConstraint("calendar_id", "uid", "recurrence_id"),
        # Ids are never reused: Undo brings a deleted event back under its own id.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    # NULL: typed by hand; else the calendar it was read from (re-read, it is updated or removed).
    calendar_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_calendar.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(String(255), default="")
    recurrence_id: Mapped[str] = mapped_column(String(32), default="")  # "" for an event that does not repeat
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="event")
    kind_by_hand: Mapped[bool] = mapped_column(Boolean, default=False)  # a calendar's new reading keeps it
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    start_wall: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    end_wall: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    start_fold: Mapped[int] = mapped_column(Integer, default=0)
    end_fold: Mapped[int] = mapped_column(Integer, default=0)
    tz: Mapped[str] = mapped_column(String(64))
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()


class EventAck(Base):
    """The user said a conflict of an event is fine (a launch announced by the client's own channels)."""

    __tablename__ = "event_ack"
    __table_args__ = (UniqueConstraint("event_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    event_id: Mapped[int] = mapped_column(ForeignKey("client_event.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ClientEventPrefs(Base):
    """Per-client event settings: how many hours before and after a launch a post is wanted."""

    __tablename__ = "client_event_prefs"
    __table_args__ = (CheckConstraint("launch_window_hours BETWEEN 1 AND 720", name="launch_window"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), unique=True)
    launch_window_hours: Mapped[int] = mapped_column(Integer, default=24)


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
