"""client events: a client's events, the calendars they come from, their acknowledgements, launch windows

Revision ID: 0004_client_events
Revises: 0003_city_keys
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_client_events"
down_revision = "0003_city_keys"
branch_labels = None
depends_on = None

_KINDS = "'launch', 'promotion', 'closure', 'event', 'press', 'blackout'"


def upgrade() -> None:
    op.create_table(
        "event_calendar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("ics", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=True),
        sa.Column("expanded_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_event_calendar_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_calendar")),
        sa.UniqueConstraint("client_id", "name", name=op.f("uq_event_calendar_client_id_name")),
    )
    with op.batch_alter_table("event_calendar", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_calendar_client_id"), ["client_id"], unique=False)

    op.create_table(
        "client_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=True),
        sa.Column("uid", sa.String(length=255), nullable=False),
        sa.Column("recurrence_id", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("kind_by_hand", sa.Boolean(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("start_wall", sa.DateTime(), nullable=False),
        sa.Column("end_wall", sa.DateTime(), nullable=False),
        sa.Column("start_fold", sa.Integer(), nullable=False),
        sa.Column("end_fold", sa.Integer(), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("start_utc", sa.DateTime(), nullable=False),
        sa.Column("end_utc", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"kind IN ({_KINDS})", name=op.f("ck_client_event_kind")),
        sa.CheckConstraint("end_utc >= start_utc", name=op.f("ck_client_event_order")),
        sa.CheckConstraint("start_fold IN (0, 1) AND end_fold IN (0, 1)", name=op.f("ck_client_event_folds")),
        sa.ForeignKeyConstraint(
            ["calendar_id"],
            ["event_calendar.id"],
            name=op.f("fk_client_event_calendar_id_event_calendar"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_client_event_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_event")),
        sa.UniqueConstraint(
            "calendar_id", "uid", "recurrence_id", name=op.f("uq_client_event_calendar_id_uid_recurrence_id")
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("client_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_event_calendar_id"), ["calendar_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_event_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_event_start_utc"), ["start_utc"], unique=False)

    op.create_table(
        "event_ack",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["client_event.id"],
            name=op.f("fk_event_ack_event_id_client_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_ack")),
        sa.UniqueConstraint("event_id", "kind", name=op.f("uq_event_ack_event_id_kind")),
    )
    with op.batch_alter_table("event_ack", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_ack_event_id"), ["event_id"], unique=False)

    op.create_table(
        "client_event_prefs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("launch_window_hours", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "launch_window_hours BETWEEN 1 AND 720", name=op.f("ck_client_event_prefs_launch_window")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_client_event_prefs_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_event_prefs")),
        sa.UniqueConstraint("client_id", name=op.f("uq_client_event_prefs_client_id")),
    )


def downgrade() -> None:
    op.drop_table("client_event_prefs")
    with op.batch_alter_table("event_ack", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_ack_event_id"))
    op.drop_table("event_ack")
    with op.batch_alter_table("client_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_event_start_utc"))
        batch_op.drop_index(batch_op.f("ix_client_event_client_id"))
        batch_op.drop_index(batch_op.f("ix_client_event_calendar_id"))
    op.drop_table("client_event")
    with op.batch_alter_table("event_calendar", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_calendar_client_id"))
    op.drop_table("event_calendar")
