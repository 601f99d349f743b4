"""Team mode, the faces' way in: create or migrate the schema of a team database on a PostgreSQL server,
with its first member (services/team_members.py has the members; services/team_roles.py what roles allow).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from nomadcm.errors import ValidationError
from nomadcm.paths import URL_HELP, DatabaseTarget, DatabaseUrl, database_target
from nomadcm.storage import Database
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


def init_team_database(target: DatabaseUrl, first_member: tuple[str, str] | None = None) -> SchemaChange:
    """Create the schema in an empty database (alembic, to the current revision); with `first_member`
    (name, e-mail), also the first member, owner of every client. Both values are checked, and a database
    that already has members refused, before anything is written."""
    if first_member is None:
        return init_schema(target)
    from nomadcm.services.team_members import MemberService, check_email, check_member_name

    name, email = check_member_name(first_member[0]), check_email(first_member[1])
    _, revision = schema_of(target)
    if revision is not None:
        with _opened(target) as db:
            if MemberService(db).has_members():
                raise ValidationError(
                    f"{db.where} already has members: add more with nomadcm --db URL --as OWNER team member add"
                )
    change = init_schema(target)
    with _opened(target) as db:
        MemberService(db).add(name, email, owner_of_every_client=True)
    return change


@contextmanager
def _opened(target: DatabaseUrl) -> Iterator[Database]:
    db = Database.open_url(target)
    try:
        yield db
    finally:
        db.close()


def team_schema(target: DatabaseUrl) -> tuple[str, str | None]:
    """Where the team database is, and its schema revision (None: none yet)."""
    return schema_of(target)


def upgrade_team_database(target: DatabaseUrl) -> SchemaChange:
    """Migrate the schema to the current revision; the person said it was backed up (pg_dump)."""
    return upgrade_schema(target)
