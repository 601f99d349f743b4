"""The itinerary (stays and transits) and acknowledged conflicts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys, utcnow
from nomadcm.models.team import (
    created_by_column,
    owner_column,
    updated_at_column,
    updated_by_column,
    uuid_column,
)
from nomadcm.vocabulary import TRANSIT_KINDS

CITY_KEY_LENGTH = 220  # a folded city name (200 characters at most), "|" and its country code


class Stay(Base):
    """A stay covers first_date 00:00 to (last_date + 1) 00:00 in its zone; both dates inclusive."""

    __tablename__ = "stay"
    __table_args__ = (CheckConstraint("last_date >= first_date", name="dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    member_id: Mapped[int | None] = owner_column()  # whose itinerary (NULL: a CM alone)
    city: Mapped[str] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    tz: Mapped[str] = mapped_column(String(64))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    first_date: Mapped[date] = mapped_column(Date, index=True)
    last_date: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Instants of the span, derived from the dates and the zone (recomputed with them).
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    # One key per city whatever the language it is written in (services/travel/city_keys.py), made when the
    # stay is saved: the `no_wifi` conflict rule matches stays and places without loading the city table.
    # NULL: not made yet (a file of an older NomadCM), made in the background.
    city_key: Mapped[str | None] = mapped_column(String(CITY_KEY_LENGTH))
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()


class Transit(Base):
    __tablename__ = "transit"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in TRANSIT_KINDS)})", name="kind"),
        CheckConstraint("arrive_utc > depart_utc", name="order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    member_id: Mapped[int | None] = owner_column()  # whose itinerary (NULL: a CM alone)
    kind: Mapped[str] = mapped_column(String(16))
    from_place: Mapped[str] = mapped_column(String(200))
    from_country: Mapped[str | None] = mapped_column(String(2))
    from_tz: Mapped[str] = mapped_column(String(64))
    to_place: Mapped[str] = mapped_column(String(200))
    to_country: Mapped[str | None] = mapped_column(String(2))
    to_tz: Mapped[str] = mapped_column(String(64))
    depart_local: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    depart_fold: Mapped[int] = mapped_column(default=0)
    arrive_local: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    arrive_fold: Mapped[int] = mapped_column(default=0)
    depart_utc: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    arrive_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    ref: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()


class ConflictAck(Base):
    """The user said a conflict of this kind on this post is fine ("the network publishes it by itself")."""

    __tablename__ = "conflict_ack"
    __table_args__ = (UniqueConstraint("post_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
