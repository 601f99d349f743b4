"""The schema of a team database on a server: created by `nomadcm team init`, migrated by `nomadcm team upgrade`.

A SQLite file is migrated when it is opened, after a checked copy. A team database is not: its backups are the
server's job (pg_dump — NomadCM cannot copy a server), and it is shared, so the member who moves it to a new
schema must mean it (`team upgrade` asks, or takes `--yes`) — opening it never does. A database holding
tables of another program is refused, as a SQLite file of another program is; a newer schema is refused
untouched, as on SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect

from nomadcm.errors import DatabaseError
from nomadcm.paths import DatabaseUrl
from nomadcm.storage.database import Database
from nomadcm.storage.schema import HEAD_REVISION, KNOWN_REVISIONS


@dataclass(frozen=True)
class SchemaChange:
    """What `init`/`upgrade` did: the revision found (None: an empty database) and the one left."""

    where: str
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def init_schema(target: DatabaseUrl) -> SchemaChange:
    """Create NomadCM's tables in the empty database at `target`. A database already at the current schema is
    left as it is; an older one is refused (that is `upgrade_schema`'s job, after a pg_dump)."""
    db = Database.connect_server(target)
    try:
        before = _revision(db)
        if before is None:
            _refuse_foreign_tables(db)
            _upgrade(db, before)
        elif before != HEAD_REVISION:
            raise DatabaseError(
                f"{db.where} already has an older NomadCM schema ({before!r}): back it up (pg_dump), then run: "
                f"nomadcm team upgrade {db.shown_url}"
            )
        return SchemaChange(db.where, before, HEAD_REVISION)
    finally:
        db.close()


def upgrade_schema(target: DatabaseUrl) -> SchemaChange:
    """Migrate the team database at `target` to the current schema (the caller has the person's word that it
    was backed up). An empty database is refused (`init_schema` creates), a newer one left untouched."""
    db = Database.connect_server(target)
    try:
        before = _revision(db)
        if before is None:
            raise DatabaseError(f"{db.where} has no NomadCM schema yet: run nomadcm team init {db.shown_url}")
        if before != HEAD_REVISION:
            _upgrade(db, before)
        return SchemaChange(db.where, before, HEAD_REVISION)
    finally:
        db.close()


def schema_of(target: DatabaseUrl) -> tuple[str, str | None]:
    """(where, revision) of the team database at `target`: for `team upgrade` to say what it will do."""
    db = Database.connect_server(target)
    try:
        return db.where, _revision(db)
    finally:
        db.close()


def _revision(db: Database) -> str | None:
    with db._errors():
        revision = db.current_revision()
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(
            f"{db.where} was written by a newer NomadCM (schema {revision!r}); update NomadCM to use it — it "
            "was left untouched"
        )
    return revision


def _refuse_foreign_tables(db: Database) -> None:
    with db._errors(), db.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
    if tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise DatabaseError(
            f"{db.where} holds tables of another program ({shown}) and no NomadCM schema: it was left "
            "untouched — create an empty database for the team (createdb)"
        )


def _upgrade(db: Database, before: str | None) -> None:
    from nomadcm.storage.migrate import upgrade

    with db._errors():
        upgrade(db, before)
