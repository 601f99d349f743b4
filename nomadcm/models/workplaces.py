"""Workplaces with WiFi, their speed tests, and the per-stay checklist of places to try."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys, utcnow
from nomadcm.models.team import created_by_column, updated_at_column, updated_by_column, uuid_column
from nomadcm.models.travel import CITY_KEY_LENGTH
from nomadcm.vocabulary import WORKPLACE_KINDS

SCORE_FIELDS: tuple[str, ...] = ("score_wifi", "score_power", "score_quiet", "score_comfort", "score_price")


def _score_check(name: str) -> CheckConstraint:
    return CheckConstraint(f"{name} IS NULL OR ({name} BETWEEN 0 AND 5)", name=name)


class Workplace(Base):
    __tablename__ = "workplace"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in WORKPLACE_KINDS)})", name="kind"),
        *(_score_check(f) for f in SCORE_FIELDS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = (
        uuid_column()
    )  # stable identity (UUIDv7): a member's own file names a team's place by it
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="cafe")
    address: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(200), default="", index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    tz: Mapped[str | None] = mapped_column(String(64))
    ssid: Mapped[str] = mapped_column(String(200), default="")
    wifi_password: Mapped[str] = mapped_column(String(200), default="")
    fee: Mapped[str | None] = mapped_column(String(16))
    price: Mapped[str] = mapped_column(String(200), default="")
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    score_wifi: Mapped[int | None] = mapped_column(Integer)
    score_power: Mapped[int | None] = mapped_column(Integer)
    score_quiet: Mapped[int | None] = mapped_column(Integer)
    score_comfort: Mapped[int | None] = mapped_column(Integer)
    score_price: Mapped[int | None] = mapped_column(Integer)
    food: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    favourite: Mapped[bool] = mapped_column(Boolean, default=False)
    last_visit: Mapped[date | None] = mapped_column(Date)
    osm_id: Mapped[str | None] = mapped_column(String(40), unique=True)  # "node/123", "way/456"
    extra_tags: Mapped[str] = mapped_column(Text, default="")  # JSON of other OSM tags, kept for round trips
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The city's key, as for a stay (models/travel.py, services/travel/city_keys.py); NULL: not made yet.
    city_key: Mapped[str | None] = mapped_column(String(CITY_KEY_LENGTH))
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()


class SpeedTest(Base):
    """One measurement; never overwritten. A place shows the median of its tests."""

    __tablename__ = "speed_test"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    workplace_id: Mapped[int] = mapped_column(ForeignKey("workplace.id", ondelete="CASCADE"), index=True)
    measured_at: Mapped[datetime] = mapped_column(UTCDateTime)
    down_mbps: Mapped[float] = mapped_column(Float)
    up_mbps: Mapped[float] = mapped_column(Float)
    ping_ms: Mapped[float | None] = mapped_column(Float)
    tool: Mapped[str] = mapped_column(String(40), default="other")


class ChecklistItem(Base):
    """A place to try during a stay."""

    __tablename__ = "checklist_item"
    __table_args__ = (UniqueConstraint("stay_id", "workplace_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"), index=True)
    workplace_id: Mapped[int] = mapped_column(ForeignKey("workplace.id", ondelete="CASCADE"), index=True)
    visited: Mapped[bool] = mapped_column(Boolean, default=False)
    tested: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
