"""Clients, their channels, posts, and the key/value settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys, partial_index, utcnow
from nomadcm.models.team import created_by_column, updated_at_column, updated_by_column, uuid_column
from nomadcm.vocabulary import NETWORKS, POST_STATUSES


class Client(Base):
    __tablename__ = "client"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    audience_tz: Mapped[str] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(2))
    colour: Mapped[str] = mapped_column(String(9), default="#4a90d9")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Audience prime hours, local to audience_tz, as minutes after midnight (day view, conflicts).
    prime_start_min: Mapped[int] = mapped_column(Integer, default=8 * 60)
    prime_end_min: Mapped[int] = mapped_column(Integer, default=21 * 60)
    # The language of what NomadCM writes for the client (monthly statements): "fr" or "en" (vocabulary.py).
    language: Mapped[str] = mapped_column(String(8), default="fr", server_default="fr")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A version counter (SQLAlchemy version_id_col, migration 0006): a save read at an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}

    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()

    channels: Mapped[list[Channel]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )


class Channel(Base):
    __tablename__ = "channel"
    __table_args__ = (
        UniqueConstraint("client_id", "network", "handle"),
        CheckConstraint(f"network IN ({', '.join(repr(n) for n in NETWORKS)})", name="network"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    network: Mapped[str] = mapped_column(String(20))
    handle: Mapped[str] = mapped_column(String(200), default="")
    text_limit: Mapped[int | None] = mapped_column(Integer)
    # A version counter (SQLAlchemy version_id_col, migration 0006): a save read at an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}

    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    updated_at: Mapped[datetime] = updated_at_column()

    client: Mapped[Client] = relationship(back_populates="channels")


# Names unique whatever their case, enforced by the database (functional indexes, migration 0006): "Client n"
# and "CLIENT n" cannot both be stored, even by two sessions at once. upper(), not lower(): NomadCM replaces
# SQLite's lower() on its connections, and an index must compute the same in every SQLite client (see 0006).
Index("ix_client_name_upper", func.upper(Client.name), unique=True)
Index(
    "ix_channel_client_network_handle_upper",
    Channel.client_id,
    Channel.network,
    func.upper(Channel.handle),
    unique=True,
)


class Post(Base):
    __tablename__ = "post"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(repr(s) for s in POST_STATUSES)})", name="status"),
        CheckConstraint("fold IN (0, 1)", name="fold"),
        Index("ix_post_utc_id", "utc", "id"),
        # Partial: only the few recurring posts. A full index on a mostly-NULL column lures SQLite into using
        # it for "rrule IS NULL" (every single post) and sorting 100,000 rows for each schedule page. On
        # PostgreSQL too (base.partial_index: without loading its dialect at import).
        partial_index("ix_post_rrule", "rrule", where="rrule IS NOT NULL"),
        # Ids are never reused (SQLite would otherwise hand a deleted post's id to the next one), so Undo
        # can always bring a post back under its own id, and `id` in exported files keeps one meaning.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")  # comma-joined
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    # What the user meant (the truth) ...
    wall_time: Mapped[datetime] = mapped_column(DateTime(timezone=False), index=True)
    tz: Mapped[str] = mapped_column(String(64))
    fold: Mapped[int] = mapped_column(Integer, default=0)
    # ... and the instant derived from it, recomputed whenever the zone or its rules change.
    utc: Mapped[datetime] = mapped_column(UTCDateTime)
    # RFC 5545 recurrence (services/recurrence.py), expanded on the wall time in `tz`; NULL: a single post.
    # `wall_time`/`utc` are then the first occurrence (DTSTART).
    rrule: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # A version counter (SQLAlchemy version_id_col, migration 0006): a save read at an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}

    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    # Who created and last changed the row, and when (models/team.py: stamped from the connection's member).
    created_by: Mapped[int | None] = created_by_column()
    updated_by: Mapped[int | None] = updated_by_column()
    # Who publishes it (team mode); NULL: nobody in particular.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"), index=True)

    channel: Mapped[Channel] = relationship()


class Setting(Base):
    """One user setting: a key and its value as JSON text (so new settings need no migration)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
