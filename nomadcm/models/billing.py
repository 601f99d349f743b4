"""Contracts and hand-logged work: what a client pays, and the hours NomadCM cannot measure (a call, a workshop).

Money is whole minor units of the contract's currency (cents, yen...: nomadcm/currencies.py), never a float.
Work time NomadCM measured (screen sessions filed under a client: the timer, screen time logged with a
client, "worked here" sessions) stays in `screen_session`; services/billing reads both.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys, utcnow
from nomadcm.models.team import created_by_column, updated_at_column, updated_by_column, uuid_column
from nomadcm.vocabulary import CONTRACT_KINDS


class Contract(Base):
    """One contract of a client over a span of days (the CM's calendar dates, ends included).
    Hourly: `rate_minor` per hour. Retainer: `retainer_minor` a month for `included_minutes` of work."""

    __tablename__ = "contract"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in CONTRACT_KINDS)})", name="kind"),
        CheckConstraint(
            "(kind = 'hourly' AND rate_minor IS NOT NULL AND rate_minor >= 0) OR "
            "(kind = 'retainer' AND retainer_minor IS NOT NULL AND retainer_minor >= 0 "
            "AND included_minutes IS NOT NULL AND included_minutes > 0)",
            name="terms",
        ),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
        CheckConstraint("length(currency) = 3", name="currency"),
        Index("ix_contract_client_start", "client_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    rate_minor: Mapped[int | None] = mapped_column(BigInteger)
    retainer_minor: Mapped[int | None] = mapped_column(BigInteger)
    included_minutes: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)  # NULL: open-ended
    # Whether the time NomadCM measured for this client (timer, screen time) is billable; hand entries say it
    # themselves.
    tracked_billable: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()


class WorkEntry(Base):
    """Time worked for a client that NomadCM did not measure: a call, a workshop, a site visit."""

    __tablename__ = "work_entry"
    __table_args__ = (
        CheckConstraint("end_utc > start_utc", name="order"),
        Index("ix_work_entry_client_start", "client_id", "start_utc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    tz: Mapped[str] = mapped_column(String(64))  # the zone she was in, for display
    note: Mapped[str] = mapped_column(Text, default="")
    billable: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
