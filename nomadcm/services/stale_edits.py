"""No lost edit: a save carries the version its row was read at, and a row changed since is refused.

Posts, occurrence edits, clients, channels and posting slots have a version counter (`version`, SQLAlchemy's
`version_id_col`, migration 0006). A face reads a row with its version (`PostInfo.version`...) and hands it
back with the edit (`expected_version=`). In the write transaction the row is read again, locked on
PostgreSQL (SELECT ... FOR UPDATE; SQLite's BEGIN IMMEDIATE already holds the only write lock), and compared:
another version means someone saved in between, and the edit is refused with `StaleEditError` — "changed by
<who> at <time> — reload / overwrite" — before anything is written. Saving again with the version the error
carries overwrites on purpose. The ORM's own check (UPDATE ... WHERE version = n) stays as the net under
it: a flush that matched no row is the same refusal (`refusing_stale`).

Core updates of these tables bump `version` themselves (`bumped`), since version_id_col only sees ORM flushes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nomadcm import models
from nomadcm.errors import StaleEditError

ANOTHER_SESSION = "another session"


def refuse_stale(s: Session, row: Any, expected_version: int | None, what: str) -> None:
    """Raise StaleEditError when `row` (an ORM object or a Core row mapping, read in the write transaction)
    is no longer at `expected_version`. None: the caller read and writes in this one transaction."""
    if expected_version is None:
        return
    current = _value(row, "version")
    if current != expected_version:
        raise stale_error(s, row, what)


def stale_error(s: Session | None, row: Any, what: str) -> StaleEditError:
    """The refusal of an edit of `row` (`what`: "post 12", "client 'Acme'"...), naming who changed it last
    (the `updated_by` member where the model has that column and it is set) and when."""
    who = _member_name(s, _value(row, "updated_by")) if s is not None else None
    when = _value(row, "updated_at")
    return stale(what, who or ANOTHER_SESSION, _aware(when), _value(row, "version"))


def stale(what: str, who: str, when: datetime | None, version: int | None) -> StaleEditError:
    at = f" at {when:%Y-%m-%d %H:%M} UTC" if when is not None else " since you read it"
    return StaleEditError(
        f"{what} was changed by {who}{at} — reload / overwrite", who=who, when=when, version=version
    )


@contextmanager
def refusing_stale(what: str) -> Iterator[None]:
    """The ORM's version check (an UPDATE or DELETE that matched no row) as the same refusal."""
    try:
        yield
    except StaleDataError:
        raise stale(what, ANOTHER_SESSION, None, None) from None


def bumped(version_column: ColumnElement[int]) -> dict[str, ColumnElement[int]]:
    """`.values(**bumped(table.c.version))`: a Core UPDATE that counts as a new version."""
    return {"version": version_column + 1}


def _value(row: Any, name: str) -> Any:
    if isinstance(row, Mapping):
        return row.get(name)
    return getattr(row, name, None)


def _aware(when: Any) -> datetime | None:
    if not isinstance(when, datetime):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _member_name(s: Session, member_id: Any) -> str | None:
    """The member's name when team members exist in this schema (models/team.py) and the row names one."""
    member_model = getattr(models, "Member", None)
    if member_id is None or member_model is None:
        return None
    member = s.get(member_model, member_id)
    name = getattr(member, "name", None)
    return str(name) if name else None
