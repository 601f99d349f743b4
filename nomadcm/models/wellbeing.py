"""Screen sessions, rest periods and per-app usage: past events, stored as UTC plus the zone she was in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys
from nomadcm.vocabulary import DEVICES, REST_KINDS

SOURCES: tuple[str, ...] = ("manual", "timer", "activitywatch", "import", "sleep_as_android", "workplace")


class ScreenSession(Base):
    __tablename__ = "screen_session"
    __table_args__ = (
        CheckConstraint(f"device IN ({', '.join(repr(d) for d in DEVICES)})", name="device"),
        CheckConstraint("end_utc > start_utc", name="order"),
        UniqueConstraint("source", "source_id"),
        Index("ix_screen_session_start_end", "start_utc", "end_utc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device: Mapped[str] = mapped_column(String(16))
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    tz: Mapped[str] = mapped_column(String(64))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="SET NULL"))
    workplace_id: Mapped[int | None] = mapped_column(ForeignKey("workplace.id", ondelete="SET NULL"))
    # The client's and place's UUIDs: on a team database her screen time stays in her own SQLite file, which
    # names the team's rows by UUID (no foreign key can reach another database).
    client_uuid: Mapped[str | None] = mapped_column(String(36))
    workplace_uuid: Mapped[str | None] = mapped_column(String(36))
    activity: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(24), default="manual")
    source_id: Mapped[str | None] = mapped_column(String(200))  # NULL for manual entries: never deduplicated


class RestPeriod(Base):
    __tablename__ = "rest_period"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in REST_KINDS)})", name="kind"),
        CheckConstraint("end_utc > start_utc", name="order"),
        CheckConstraint("quality IS NULL OR (quality BETWEEN 0 AND 5)", name="quality"),
        UniqueConstraint("source", "source_id"),
        Index("ix_rest_period_start_end", "start_utc", "end_utc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    tz: Mapped[str] = mapped_column(String(64))
    quality: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(24), default="manual")
    source_id: Mapped[str | None] = mapped_column(String(200))


class AppUsage(Base):
    """Time per application from ActivityWatch window buckets (optional breakdown of screen time)."""

    __tablename__ = "app_usage"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),
        Index("ix_app_usage_start", "start_utc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    app: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text, default="")
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    device: Mapped[str] = mapped_column(String(16), default="laptop")
    source: Mapped[str] = mapped_column(String(24), default="activitywatch")
    source_id: Mapped[str | None] = mapped_column(String(200))


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
