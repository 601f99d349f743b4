"""versions: a version counter on the rows two sessions edit, names unique whatever their case

Revision ID: 0006_versions
Revises: 0005_contracts

`version` (SQLAlchemy's version_id_col) on post, post_occurrence, client, channel and posting_slot: an edit
read at version n is written `... WHERE id = ? AND version = n`, so a stale save matches no row and is
refused instead of silently overwriting another session's edit (services/concurrency.py). Existing rows
start at 1.

Client names and a client's channel handles (per network) become unique whatever their case, by unique
indexes on upper(...) (functional indexes: SQLite >= 3.9, PostgreSQL). upper, not lower: NomadCM replaces
SQLite's lower() by Python's on its own connections (storage/engine.py), so an index on lower() would be
computed one way by NomadCM and another by any other SQLite client — `PRAGMA integrity_check` in the sqlite3
shell would call the file damaged. SQLite's built-in upper() folds ASCII letters only; the services' check
(Python's casefold, in the same BEGIN IMMEDIATE transaction) covers the rest there. PostgreSQL's upper()
folds every letter in a UTF-8 database. Rows that already differ only by case would make the index fail:
the later ones (higher id) are renamed "Name (2)", "Name (3)"... first (compared with Python's casefold,
stricter than either upper), and each rename is logged (logger "nomadcm.migrations").

SQLAlchemy cannot reflect indexes on expressions on SQLite: a later migration that recreates `client` or
`channel` in batch mode must make them again (0007 does).
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0006_versions"
down_revision = "0005_contracts"
branch_labels = None
depends_on = None

log = logging.getLogger("nomadcm.migrations")

VERSIONED_TABLES = ("post", "post_occurrence", "client", "channel", "posting_slot")


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))

    _rename_case_duplicates("client", "name", group_by=())
    _rename_case_duplicates("channel", "handle", group_by=("client_id", "network"))
    op.create_index("ix_client_name_upper", "client", [sa.text("upper(name)")], unique=True)
    op.create_index(
        "ix_channel_client_network_handle_upper",
        "channel",
        ["client_id", "network", sa.text("upper(handle)")],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("ix_channel_client_network_handle_upper", table_name="channel")
    op.drop_index("ix_client_name_upper", table_name="client")
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")


def _rename_case_duplicates(table: str, column: str, group_by: tuple[str, ...]) -> None:
    """Rename the later rows whose `column` equals an earlier one's but for case: "Name (2)", "Name (3)"...

    Within each `group_by` group. A candidate name already taken (in any case) is skipped."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(f"SELECT id, {', '.join((*group_by, column))} FROM {table} ORDER BY id")
    ).all()
    taken: set[tuple[object, ...]] = set()
    for row in rows:
        group = tuple(row[1 : 1 + len(group_by)])
        taken.add((*group, str(row[-1]).casefold()))
    seen: set[tuple[object, ...]] = set()
    for row in rows:
        row_id, value = row[0], str(row[-1])
        group = tuple(row[1 : 1 + len(group_by)])
        key = (*group, value.casefold())
        if key not in seen:
            seen.add(key)
            continue
        n = 2
        while (*group, _numbered(value, n).casefold()) in taken:
            n += 1
        new_value = _numbered(value, n)
        taken.add((*group, new_value.casefold()))
        seen.add((*group, new_value.casefold()))
        bind.execute(
            sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"),
            {"value": new_value, "id": row_id},
        )
        log.warning(
            "%s %d: %s %r differs from an earlier one only by case; renamed %r",
            table,
            row_id,
            column,
            value,
            new_value,
        )


def _numbered(value: str, n: int, max_length: int = 200) -> str:
    """ "value (n)", the value shortened so that the whole fits the column (String(200))."""
    suffix = f" ({n})"
    return value[: max_length - len(suffix)] + suffix
