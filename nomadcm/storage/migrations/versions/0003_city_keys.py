"""city keys: stays and workplaces keep their city's key, so the no_wifi conflict rule needs no city table

Revision ID: 0003_city_keys
Revises: 0002_publishing

The keys are not computed here: that needs the shipped city table (services/travel/city_keys.py), which a
migration must not depend on (a migration stays what it was; the table and the way keys are made may
change). Rows are left NULL, "not made yet", and `city_keys.refresh` fills them — the GUI on its task runner
after the first paint; until then the rule makes the key of such a row itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_city_keys"
down_revision = "0002_publishing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stay", schema=None) as batch_op:
        batch_op.add_column(sa.Column("city_key", sa.String(length=220), nullable=True))
    with op.batch_alter_table("workplace", schema=None) as batch_op:
        batch_op.add_column(sa.Column("city_key", sa.String(length=220), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workplace", schema=None) as batch_op:
        batch_op.drop_column("city_key")
    with op.batch_alter_table("stay", schema=None) as batch_op:
        batch_op.drop_column("city_key")
