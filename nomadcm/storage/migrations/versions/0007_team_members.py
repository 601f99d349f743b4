"""team members: members and their role per client, who created/changed each shared row, UUIDs, assignees

Revision ID: 0007_team_members
Revises: 0006_versions

`member` (a UUIDv7, name, e-mail) and `member_role` (owner / editor / viewer of a client). Every row a member
can change gets `created_by` / `updated_by` (member ids, NULL for rows made without a member: a CM alone) and
`updated_at` where it had none (existing rows: their `created_at`, else the migration's instant). Clients,
channels and posts get a `uuid` (UUIDv7; existing rows get one whose time is their `created_at`, channels the
migration's instant), posts an `assignee_id`.

Every column is added in place (ALTER TABLE ADD COLUMN), never by rebuilding a table: on SQLite, dropping the
old copy of a parent table inside the migration's transaction (foreign keys on) would delete its children's
rows by cascade. So `uuid` and the added `updated_at` stay nullable in the schema (SQLite adds no NOT NULL
column without a constant default); every insert fills them (column defaults), and this migration fills the
existing rows. `uuid` is unique by a unique index.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from nomadcm.uuid7 import uuid7

revision = "0007_team_members"
down_revision = "0006_versions"
branch_labels = None
depends_on = None

# table -> (gets updated_at, gets uuid, has created_at)
AUDITED: dict[str, tuple[bool, bool, bool]] = {
    "client": (True, True, True),
    "channel": (True, True, False),
    "post": (False, True, True),
    "post_occurrence": (False, False, False),
    "posting_slot": (True, False, False),
    "stay": (True, False, False),
    "transit": (True, False, False),
    "workplace": (True, False, True),
    "client_event": (False, False, True),
    "contract": (True, False, True),
    "work_entry": (True, False, True),
}
AUTOINCREMENT = ("post", "client_event")  # ids never reused (models: sqlite_autoincrement)
MEMBER_ROLES = ("owner", "editor", "viewer")


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("name", name=op.f("uq_member_name")),
        sa.UniqueConstraint("email", name=op.f("uq_member_email")),
    )
    op.create_table(
        "member_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            f"role IN ({', '.join(repr(r) for r in MEMBER_ROLES)})", name=op.f("ck_member_role_role")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_member_role_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_member_role_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_role")),
        sa.UniqueConstraint("member_id", "client_id", name=op.f("uq_member_role_member_id_client_id")),
    )
    op.create_index(op.f("ix_member_uuid"), "member", ["uuid"], unique=True)
    op.create_index(op.f("ix_member_role_member_id"), "member_role", ["member_id"], unique=False)
    op.create_index(op.f("ix_member_role_client_id"), "member_role", ["client_id"], unique=False)
    now = datetime.now(UTC).replace(tzinfo=None)
    for table, (new_updated_at, new_uuid, has_created_at) in AUDITED.items():
        _audit(table, new_updated_at, new_uuid, has_created_at, now)
    if op.get_bind().dialect.name == "postgresql":
        for statement in ROW_SECURITY:
            op.execute(statement)


def _audit(table: str, new_updated_at: bool, new_uuid: bool, has_created_at: bool, now: datetime) -> None:
    if new_updated_at:
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=True))
    if new_uuid:
        op.add_column(table, sa.Column("uuid", sa.String(length=36), nullable=True))
    for column in ("created_by", "updated_by", *(("assignee_id",) if table == "post" else ())):
        _add_member_column(table, column)
    _fill(table, new_updated_at, new_uuid, has_created_at, now)
    if new_uuid:
        op.create_index(op.f(f"ix_{table}_uuid"), table, ["uuid"], unique=True)
    if table == "post":
        op.create_index(op.f("ix_post_assignee_id"), "post", ["assignee_id"], unique=False)


def _add_member_column(table: str, column: str) -> None:
    """A nullable column referring to a member (ON DELETE SET NULL), added in place. On SQLite by ALTER TABLE
    ADD COLUMN with its REFERENCES clause: alembic would rebuild the table, and dropping the old copy of a
    parent table (client, channel, post...) with foreign keys on — they cannot be turned off inside the
    migration's transaction — would delete its children's rows by cascade."""
    name = op.f(f"fk_{table}_{column}_member")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f'ALTER TABLE "{table}" ADD COLUMN {column} INTEGER '
            f"CONSTRAINT {name} REFERENCES member (id) ON DELETE SET NULL"
        )
        return
    op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(name, table, "member", [column], ["id"], ondelete="SET NULL")


def _fill(table: str, new_updated_at: bool, new_uuid: bool, has_created_at: bool, now: datetime) -> None:
    bind = op.get_bind()
    if new_updated_at:
        source = "created_at" if has_created_at else ":now"
        bind.execute(sa.text(f"UPDATE {table} SET updated_at = {source}"), {"now": now})
    if not new_uuid:
        return
    created = "created_at" if has_created_at else "NULL"
    rows = bind.execute(sa.text(f"SELECT id, {created} FROM {table} ORDER BY id")).all()
    values = [{"id": row[0], "uuid": str(uuid7(_millis(row[1], now)))} for row in rows]
    if values:
        bind.execute(sa.text(f"UPDATE {table} SET uuid = :uuid WHERE id = :id"), values)


def _millis(created: Any, now: datetime) -> int:
    when = created if isinstance(created, datetime) else now
    if isinstance(created, str):
        when = datetime.fromisoformat(created)
    return int(when.replace(tzinfo=UTC).timestamp() * 1000)


def _set_aside_functional_indexes() -> list[tuple[str, str]]:
    """SQLite: the indexes on expressions (lower(name)...), dropped — a batch recreate reflects the table and
    the tables it refers to, and cannot reflect them — and returned, to be made again by `_make_again`."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return []
    rows = bind.execute(
        sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    ).all()
    kept = [(str(name), str(sql)) for name, sql in rows if "(" in str(sql).split("(", 1)[1]]
    for name, _sql in kept:
        bind.execute(sa.text(f'DROP INDEX "{name}"'))
    return kept


def _make_again(indexes: list[tuple[str, str]]) -> None:
    bind = op.get_bind()
    for name, sql in indexes:
        exists = bind.execute(
            sa.text("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :n"), {"n": name}
        ).first()
        if exists is None:
            bind.execute(sa.text(sql))


# PostgreSQL: row-level security on posts and their changed occurrences, so that a viewer's connection cannot
# write them even with raw SQL (psql). Who the connection acts for is the session setting `nomadcm.member`,
# which NomadCM sets when it checks a connection out (storage/members.py). A database without members (a CM
# alone, or a team before `team member add`) is not restricted. Reading stays open to every connection.
# FORCE: the policies bind the tables' owner too (members usually share the one database role that owns them).
_MAY_WRITE = """
CREATE FUNCTION nomadcm_may_write_channel(target_channel integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT NOT EXISTS (SELECT 1 FROM member)
        OR EXISTS (
            SELECT 1 FROM member_role r JOIN channel c ON c.client_id = r.client_id
            WHERE c.id = target_channel AND r.role IN ('owner', 'editor')
              AND r.member_id = nullif(current_setting('nomadcm.member', true), '')::integer
        )
$$
"""
_MAY_WRITE_POST = """
CREATE FUNCTION nomadcm_may_write_post(target_post integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT nomadcm_may_write_channel((SELECT p.channel_id FROM post p WHERE p.id = target_post))
$$
"""
ROW_SECURITY: tuple[str, ...] = (
    _MAY_WRITE,
    _MAY_WRITE_POST,
    *(
        statement
        for table, check in (
            ("post", "nomadcm_may_write_channel(channel_id)"),
            ("post_occurrence", "nomadcm_may_write_post(post_id)"),
        )
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)",
            f"CREATE POLICY {table}_insert ON {table} FOR INSERT WITH CHECK ({check})",
            f"CREATE POLICY {table}_update ON {table} FOR UPDATE USING ({check}) WITH CHECK ({check})",
            f"CREATE POLICY {table}_delete ON {table} FOR DELETE USING ({check})",
        )
    ),
)


def _drop_row_security() -> None:
    for table in ("post_occurrence", "post"):
        for action in ("read", "insert", "update", "delete"):
            op.execute(f"DROP POLICY IF EXISTS {table}_{action} ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION IF EXISTS nomadcm_may_write_post(integer)")
    op.execute("DROP FUNCTION IF EXISTS nomadcm_may_write_channel(integer)")


def downgrade() -> None:
    """Back to 0006. The FOREIGN KEY columns go by table rebuilds on SQLite: foreign keys must be off, which
    a developer's downgrade sees to (PRAGMA foreign_keys = OFF before it: children would be deleted)."""
    if op.get_bind().dialect.name == "postgresql":
        _drop_row_security()
    kept = _set_aside_functional_indexes()
    for table, (new_updated_at, new_uuid, _has_created_at) in reversed(AUDITED.items()):
        if table == "post":
            op.drop_index(op.f("ix_post_assignee_id"), table_name="post")
        if new_uuid:
            op.drop_index(op.f(f"ix_{table}_uuid"), table_name=table)
        kwargs: dict[str, Any] = {"recreate": "auto"}
        if table in AUTOINCREMENT:
            kwargs["table_kwargs"] = {"sqlite_autoincrement": True}
        with op.batch_alter_table(table, schema=None, **kwargs) as batch_op:
            columns = ["created_by", "updated_by", *(["assignee_id"] if table == "post" else [])]
            if (
                op.get_bind().dialect.name != "sqlite"
            ):  # SQLite: the rebuild leaves them out with their columns
                for column in columns:
                    batch_op.drop_constraint(op.f(f"fk_{table}_{column}_member"), type_="foreignkey")
            columns += (["uuid"] if new_uuid else []) + (["updated_at"] if new_updated_at else [])
            for column in columns:
                batch_op.drop_column(column)
    _make_again(kept)
    op.drop_index(op.f("ix_member_role_client_id"), table_name="member_role")
    op.drop_index(op.f("ix_member_role_member_id"), table_name="member_role")
    op.drop_table("member_role")
    op.drop_table("member")
