"""Publishing workflow: exceptions to recurring posts, posting slots (the queue), reminder state.

A recurring post is one `post` row whose `rrule` is set; its occurrences are generated, never stored. What
the user changed about one occurrence is an `OccurrenceOverride` keyed by the occurrence's generated wall
time (`series_wall`), so the change survives every re-expansion.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys, utcnow
from nomadcm.models.schedule import POST_STATUSES
from nomadcm.models.team import created_by_column, updated_at_column, updated_by_column, uuid_column


class OccurrenceOverride(Base):
    """One occurrence of a recurring post that differs from the series (moved, edited, deleted, published).

    Columns left NULL follow the series. A moved occurrence keeps its `series_wall` (its identity) and gets a
    `wall_time` in the post's zone; its instant is derived from it whenever it is listed.
    """

    __tablename__ = "post_occurrence"
    __table_args__ = (
        UniqueConstraint("post_id", "series_wall"),
        CheckConstraint("fold IN (0, 1)", name="fold"),
        CheckConstraint(
            f"status IS NULL OR status IN ({', '.join(repr(s) for s in POST_STATUSES)})", name="status"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    series_wall: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    wall_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    fold: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str | None] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    # A version counter (SQLAlchemy version_id_col, migration 0006): a save read at an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class PostingSlot(Base):
    """A weekly posting time of a channel, in its client's audience zone (ISO weekday, minutes after 00:00)."""

    __tablename__ = "posting_slot"
    __table_args__ = (
        UniqueConstraint("channel_id", "weekday", "minute"),
        CheckConstraint("weekday BETWEEN 1 AND 7", name="weekday"),
        CheckConstraint("minute BETWEEN 0 AND 1439", name="minute"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    minute: Mapped[int] = mapped_column(Integer)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()
    # A version counter (SQLAlchemy version_id_col, migration 0006): a save read at an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class ReminderState(Base):
    """What happened to the reminder of one occurrence, keyed by the instant it is due.

    Keyed by instant, not by wall time: a post moved to another time is a new reminder.
    """

    __tablename__ = "post_reminder"
    __table_args__ = (UniqueConstraint("post_id", "due_utc"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    due_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
