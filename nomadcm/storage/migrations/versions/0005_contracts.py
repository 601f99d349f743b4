"""contracts and hours: a client's contracts, hand-logged work, the client's language

Revision ID: 0005_contracts
Revises: 0004_client_events
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_contracts"
down_revision = "0004_client_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), server_default="fr", nullable=False))

    op.create_table(
        "contract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate_minor", sa.BigInteger(), nullable=True),
        sa.Column("retainer_minor", sa.BigInteger(), nullable=True),
        sa.Column("included_minutes", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("tracked_billable", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('hourly', 'retainer')", name=op.f("ck_contract_kind")),
        sa.CheckConstraint(
            "(kind = 'hourly' AND rate_minor IS NOT NULL AND rate_minor >= 0) OR "
            "(kind = 'retainer' AND retainer_minor IS NOT NULL AND retainer_minor >= 0 "
            "AND included_minutes IS NOT NULL AND included_minutes > 0)",
            name=op.f("ck_contract_terms"),
        ),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", name=op.f("ck_contract_dates")),
        sa.CheckConstraint("length(currency) = 3", name=op.f("ck_contract_currency")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_contract_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract")),
    )
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.create_index("ix_contract_client_start", ["client_id", "start_date"], unique=False)

    op.create_table(
        "work_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("start_utc", sa.DateTime(), nullable=False),
        sa.Column("end_utc", sa.DateTime(), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("billable", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("end_utc > start_utc", name=op.f("ck_work_entry_order")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_work_entry_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_entry")),
    )
    with op.batch_alter_table("work_entry", schema=None) as batch_op:
        batch_op.create_index("ix_work_entry_client_start", ["client_id", "start_utc"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("work_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_work_entry_client_start")
    op.drop_table("work_entry")
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_index("ix_contract_client_start")
    op.drop_table("contract")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("language")
