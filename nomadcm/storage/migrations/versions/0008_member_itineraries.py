"""member itineraries: stays, transits and personal settings per member; UUIDs for stays, transits, places

Revision ID: 0008_member_itineraries
Revises: 0007_team_members

Issue 13: "your time" and conflicts use the assignee's own itinerary and rhythm.
- `stay.member_id`, `transit.member_id` (ON DELETE CASCADE: a member's travels go with her): whose itinerary
  the row belongs to. Existing rows: the member who created them, else the founder (the first member; NULL
  for a CM alone, who has no member).
- `member_setting` (member, key, JSON value): a member's own value of a personal setting (home zone, sleep,
  working hours, goals...), over the database-wide `setting` row.
- `uuid` on every other shared table — stays, transits, places, changed occurrences, posting slots, contracts,
  work entries, client events and calendars, acknowledgements, checklist items, speed tests, member roles
  (UUIDv7, as 0007 gave members, clients, channels and posts): the key a later offline copy syncs by, and the
  way a member's own SQLite file names a team's place.
- `screen_session.client_uuid` / `workplace_uuid`: on a team database a member's screen time stays in her own
  SQLite file, which has no row of the team's clients and places to refer to by foreign key; it names them by
  UUID. Existing rows: their linked rows' UUIDs.

Columns are added in place (ALTER TABLE ADD COLUMN), as in 0007. On PostgreSQL, row-level security lets a
member write only her own stays, transits and personal settings (reading stays open: a teammate's itinerary
and rhythm decide the "your time" of the posts assigned to her); rows of nobody (a CM alone's, before the
team) stay open until the first member claims them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from nomadcm.uuid7 import uuid7

revision = "0008_member_itineraries"
down_revision = "0007_team_members"
branch_labels = None
depends_on = None

OWNED = ("stay", "transit")
# table -> the column whose time a filled UUID carries (None: the migration's instant)
NEW_UUIDS: dict[str, str | None] = {
    "stay": "updated_at",
    "transit": "updated_at",
    "workplace": "created_at",
    "post_occurrence": "updated_at",
    "posting_slot": "updated_at",
    "contract": "created_at",
    "work_entry": "created_at",
    "client_event": "created_at",
    "event_calendar": "created_at",
    "conflict_ack": "created_at",
    "event_ack": "created_at",
    "checklist_item": None,
    "speed_test": "measured_at",
    "member_role": None,
}


def upgrade() -> None:
    op.create_table(
        "member_setting",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_member_setting_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("member_id", "key", name=op.f("pk_member_setting")),
    )
    for table in OWNED:
        _add_owner(table)
        # whoever made it; rows made before anyone joined (a CM alone's, then her team's) are the founder's —
        # the first member, as `team member add` gives them when the first member joins from now on
        op.get_bind().execute(
            sa.text(f"UPDATE {table} SET member_id = coalesce(created_by, (SELECT min(id) FROM member))")
        )
        op.create_index(op.f(f"ix_{table}_member_id"), table, ["member_id"], unique=False)
    now = datetime.now(UTC).replace(tzinfo=None)
    for table, stamp in NEW_UUIDS.items():
        op.add_column(table, sa.Column("uuid", sa.String(length=36), nullable=True))
        _fill_uuids(table, stamp, now)
        op.create_index(op.f(f"ix_{table}_uuid"), table, ["uuid"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        for statement in ROW_SECURITY:
            op.execute(statement)
    for column, parent in (("client_uuid", "client"), ("workplace_uuid", "workplace")):
        op.add_column("screen_session", sa.Column(column, sa.String(length=36), nullable=True))
        op.get_bind().execute(
            sa.text(
                f"UPDATE screen_session SET {column} = "
                f"(SELECT {parent}.uuid FROM {parent} WHERE {parent}.id = screen_session.{parent}_id)"
            )
        )


def _add_owner(table: str) -> None:
    name = op.f(f"fk_{table}_member_id_member")
    if op.get_bind().dialect.name == "sqlite":  # in place: see 0007's _add_member_column
        op.execute(
            f'ALTER TABLE "{table}" ADD COLUMN member_id INTEGER '
            f"CONSTRAINT {name} REFERENCES member (id) ON DELETE CASCADE"
        )
        return
    op.add_column(table, sa.Column("member_id", sa.Integer(), nullable=True))
    op.create_foreign_key(name, table, "member", ["member_id"], ["id"], ondelete="CASCADE")


def _fill_uuids(table: str, stamp: str | None, now: datetime) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT id, {stamp or 'NULL'} FROM {table} ORDER BY id")).all()
    values = [{"id": row[0], "uuid": str(uuid7(_millis(row[1], now)))} for row in rows]
    if values:
        bind.execute(sa.text(f"UPDATE {table} SET uuid = :uuid WHERE id = :id"), values)


def _millis(stamp: Any, now: datetime) -> int:
    when = stamp if isinstance(stamp, datetime) else now
    if isinstance(stamp, str):
        when = datetime.fromisoformat(stamp)
    return int(when.replace(tzinfo=UTC).timestamp() * 1000)


_MAY_WRITE_OWN = """
CREATE FUNCTION nomadcm_may_write_own(owner integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT NOT EXISTS (SELECT 1 FROM member)
        OR owner IS NULL
        OR owner = nullif(current_setting('nomadcm.member', true), '')::integer
$$
"""
OWN_ROWS = ("stay", "transit", "member_setting")
ROW_SECURITY: tuple[str, ...] = (
    _MAY_WRITE_OWN,
    *(
        statement
        for table in OWN_ROWS
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)",
            f"CREATE POLICY {table}_insert ON {table} FOR INSERT WITH CHECK (nomadcm_may_write_own(member_id))",
            f"CREATE POLICY {table}_update ON {table} FOR UPDATE USING (nomadcm_may_write_own(member_id)) "
            "WITH CHECK (nomadcm_may_write_own(member_id))",
            f"CREATE POLICY {table}_delete ON {table} FOR DELETE USING (nomadcm_may_write_own(member_id))",
        )
    ),
)


def downgrade() -> None:
    """Back to 0007 (a developer's tool: foreign keys off before it, as for 0007's downgrade)."""
    if op.get_bind().dialect.name == "postgresql":
        for table in OWN_ROWS:
            for action in ("read", "insert", "update", "delete"):
                op.execute(f"DROP POLICY IF EXISTS {table}_{action} ON {table}")
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP FUNCTION IF EXISTS nomadcm_may_write_own(integer)")
    with op.batch_alter_table("screen_session", schema=None) as batch_op:
        batch_op.drop_column("workplace_uuid")
        batch_op.drop_column("client_uuid")
    for table in (*OWNED, *(t for t in NEW_UUIDS if t not in OWNED)):
        with op.batch_alter_table(table, schema=None, recreate="auto") as batch_op:
            batch_op.drop_index(op.f(f"ix_{table}_uuid"))
            if table in OWNED:
                batch_op.drop_index(op.f(f"ix_{table}_member_id"))
                if op.get_bind().dialect.name != "sqlite":
                    batch_op.drop_constraint(op.f(f"fk_{table}_member_id_member"), type_="foreignkey")
                batch_op.drop_column("member_id")
            batch_op.drop_column("uuid")
    op.drop_table("member_setting")
