"""Team mode (issue 13): members, their role on each client, and who created or last changed a row.

`created_by` / `updated_by` / `updated_at` are stamped centrally, not by the services: their column defaults
(and `onupdate`) read the member the connection acts for, which storage puts in the connection's `info`
when a session checks it out (storage/members.py). Column defaults cover ORM flushes and Core statements
alike — the schedule's one insert of posts is a Core executemany, which no session flush event sees. A CM
alone on SQLite has no member: the columns stay NULL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, MappedColumn, mapped_column

from nomadcm.models.base import Base, UTCDateTime, close_over_foreign_keys, utcnow
from nomadcm.uuid7 import new_uuid7
from nomadcm.vocabulary import MEMBER_ROLES

MEMBER_INFO_KEY = "nomadcm_member"  # Connection.info key: the id of the member this connection acts for
UUID_LENGTH = 36


def current_member(context: Any) -> int | None:
    """The member the statement's connection acts for (a context-sensitive column default)."""
    connection = getattr(context, "connection", None)
    if connection is None:
        return None
    value = connection.info.get(MEMBER_INFO_KEY)
    return int(value) if value is not None else None


def created_by_column() -> MappedColumn[Any]:
    return mapped_column(ForeignKey("member.id", ondelete="SET NULL"), default=current_member)


def updated_by_column() -> MappedColumn[Any]:
    return mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), default=current_member, onupdate=current_member
    )


# Columns migration 0007 added to existing tables are nullable in the schema — SQLite adds no NOT NULL column
# without a constant default, and rebuilding a parent table would cascade-delete its children's rows — but
# never NULL in practice: every insert fills them (these defaults), and 0007 filled the rows it found.


def updated_at_column() -> MappedColumn[Any]:
    return mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, nullable=True)


def uuid_column(*, nullable: bool = True) -> MappedColumn[Any]:
    """A row's stable identity across copies of a team database (UUIDv7, nomadcm/uuid7.py), unique."""
    return mapped_column(String(UUID_LENGTH), unique=True, index=True, default=new_uuid7, nullable=nullable)


def owner_column() -> MappedColumn[Any]:
    """Whose row it is (a stay or transit of her itinerary): the acting member when it is made; deleted with
    her. NULL: a CM alone (no member)."""
    return mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), default=current_member, index=True, nullable=True
    )


class Member(Base):
    """A person of the team. Names and e-mails are unique whatever their case (the service checks; e-mails
    are stored folded to lower case)."""

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column(nullable=False)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MemberRole(Base):
    """What a member may do with one client's rows: owner and editor write, viewer reads."""

    __tablename__ = "member_role"
    __table_args__ = (
        UniqueConstraint("member_id", "client_id"),
        CheckConstraint(f"role IN ({', '.join(repr(r) for r in MEMBER_ROLES)})", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()  # stable identity for a later offline copy (UUIDv7)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))


class MemberSetting(Base):
    """A member's own value of a personal setting (services/settings.py `PERSONAL`), as JSON text: her home
    zone, sleep and working hours... over the database-wide `setting` row."""

    __tablename__ = "member_setting"

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


close_over_foreign_keys()  # the areas these tables' foreign keys point to (models/base.py)
