"""publishing: recurring posts, occurrence exceptions, posting slots, reminder state

Revision ID: 0002_publishing
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_publishing"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_STATUSES = "'draft', 'scheduled', 'published', 'cancelled'"


def upgrade() -> None:
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rrule", sa.Text(), nullable=True))
        batch_op.create_index(
            "ix_post_rrule",
            ["rrule"],
            unique=False,
            sqlite_where=sa.text("rrule IS NOT NULL"),
            postgresql_where=sa.text("rrule IS NOT NULL"),
        )

    op.create_table(
        "post_occurrence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("series_wall", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("wall_time", sa.DateTime(), nullable=True),
        sa.Column("fold", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("fold IN (0, 1)", name=op.f("ck_post_occurrence_fold")),
        sa.CheckConstraint(
            f"status IS NULL OR status IN ({_STATUSES})", name=op.f("ck_post_occurrence_status")
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_post_occurrence_post_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_occurrence")),
        sa.UniqueConstraint("post_id", "series_wall", name=op.f("uq_post_occurrence_post_id_series_wall")),
    )
    with op.batch_alter_table("post_occurrence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_occurrence_post_id"), ["post_id"], unique=False)

    op.create_table(
        "posting_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.CheckConstraint("weekday BETWEEN 1 AND 7", name=op.f("ck_posting_slot_weekday")),
        sa.CheckConstraint("minute BETWEEN 0 AND 1439", name=op.f("ck_posting_slot_minute")),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channel.id"],
            name=op.f("fk_posting_slot_channel_id_channel"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_slot")),
        sa.UniqueConstraint(
            "channel_id", "weekday", "minute", name=op.f("uq_posting_slot_channel_id_weekday_minute")
        ),
    )
    with op.batch_alter_table("posting_slot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posting_slot_channel_id"), ["channel_id"], unique=False)

    op.create_table(
        "post_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("due_utc", sa.DateTime(), nullable=False),
        sa.Column("notified_at", sa.DateTime(), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.Column("dismissed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_post_reminder_post_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_reminder")),
        sa.UniqueConstraint("post_id", "due_utc", name=op.f("uq_post_reminder_post_id_due_utc")),
    )
    with op.batch_alter_table("post_reminder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_reminder_post_id"), ["post_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("post_reminder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_reminder_post_id"))
    op.drop_table("post_reminder")
    with op.batch_alter_table("posting_slot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_slot_channel_id"))
    op.drop_table("posting_slot")
    with op.batch_alter_table("post_occurrence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_occurrence_post_id"))
    op.drop_table("post_occurrence")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_index("ix_post_rrule")
        batch_op.drop_column("rrule")
