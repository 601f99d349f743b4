"""Team mode, the faces' way in: create or migrate the schema of a team database on a PostgreSQL server.

Members, roles, row-level security and version counters come in the next steps of issue 13; for now a team
database shares everything in it with everyone who can connect to it.
"""

from __future__ import annotations

from nomadcm.errors import ValidationError
from nomadcm.paths import URL_HELP, DatabaseTarget, DatabaseUrl, database_target
from nomadcm.storage.team_schema import SchemaChange, init_schema, schema_of, upgrade_schema

__all__ = ["SchemaChange", "init_team_database", "team_database", "team_schema", "upgrade_team_database"]


def team_database(text: str) -> DatabaseUrl:
    """The URL of a team database, as given to `team init|upgrade`: a file path is refused (a SQLite file is
    created and migrated by simply opening it)."""
    target: DatabaseTarget = database_target(text)
    if not isinstance(target, DatabaseUrl):
        raise ValidationError(
            f"{str(target)!r} is a file: a SQLite file needs no init (NomadCM creates it when it opens it); a team "
            f"database is a server's URL ({URL_HELP})"
        )
    return target


def init_team_database(target: DatabaseUrl) -> SchemaChange:
    """Create the schema in an empty database (alembic, to the current revision)."""
    return init_schema(target)


def team_schema(target: DatabaseUrl) -> tuple[str, str | None]:
    """Where the team database is, and its schema revision (None: none yet)."""
    return schema_of(target)


def upgrade_team_database(target: DatabaseUrl) -> SchemaChange:
    """Migrate the schema to the current revision; the person said it was backed up (pg_dump)."""
    return upgrade_schema(target)
