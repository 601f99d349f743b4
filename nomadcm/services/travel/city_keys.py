"""The city key stored on every stay and workplace (their `city_key` column), and keeping it current.

`place_geo.city_key(name, country)` gives one key per city whatever the language it was written in
("Lisboa", "Lisbon" and "lisbonne" are one city), through the shipped city table — 235,000 places, half a
second to load. The `no_wifi` conflict rule compares the keys of every stay and place at each check, the
Schedule's conflict marks included: made when a row is saved (`key_for`) and stored, they spare the checks,
and the GUI's start-up, that table.

A row may have none (NULL): written by a NomadCM before the column (migration 0003), or by a bulk writer
that leaves it to this module. And keys made with another city table may differ from today's. `refresh(db)`
makes what is missing, and every key again when the table changed (its version is stored beside, in the
`city_keys_table` setting): the GUI runs it on its task runner after the first paint. Until then a reader
takes the stored key when there is one, else makes it (`key_of`): right in any case, only slower. Keys made
with another table would not be right: the readers that compare keys call `ensure_current(db)` first, which
costs one setting read and remakes them only when the table changed (a CLI-only user's `check` after an
update included).
"""

from __future__ import annotations

import functools
import logging
import os
from importlib import resources

from sqlalchemy import bindparam, select, update

from nomadcm.models import Stay, Workplace
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.cities import DATA_FILE
from nomadcm.storage import Database

log = logging.getLogger(__name__)

TABLE_SETTING = "city_keys_table"  # the version of the city table the stored keys were made with


@functools.lru_cache(maxsize=1)
def table_version() -> str:
    """The shipped city table's version: its file's size and modification time (a stat: never read)."""
    try:
        with resources.as_file(resources.files("nomadcm").joinpath(DATA_FILE)) as path:
            info = os.stat(path)
    except OSError:
        return "missing"
    return f"{info.st_size}-{info.st_mtime_ns}"


def key_for(name: str, country: str | None) -> str:
    """The key to store for a city (loads the city table on first use)."""
    from nomadcm.services.workplaces.place_geo import city_key

    return city_key(name, country)


def key_of(stored: str | None, name: str, country: str | None) -> str:
    """A row's key: the stored one, else made now."""
    return stored if stored is not None else key_for(name, country)


def _stale(db: Database) -> bool:
    """The stored keys were made with another city table. No version stored yet: the keys there are were all
    made by this NomadCM as their rows were saved (the column came with it), so with today's table."""
    stored = SettingsService(db).get(TABLE_SETTING)
    return stored is not None and stored != table_version()


def current(db: Database) -> bool:
    """Every stay and place has its key, made with today's city table (small queries, no table)."""
    if _stale(db):
        return not _has_rows(db)
    with db.session() as s:
        for model in (Stay, Workplace):
            if s.execute(select(model.id).where(model.city_key.is_(None)).limit(1)).first() is not None:
                return False
    return True


def refresh(db: Database) -> int:
    """Makes the missing keys — all of them when the city table changed since they were made — and returns
    how many rows it wrote. Nothing to do costs a few small queries and no table."""
    settings = SettingsService(db)
    if current(db):
        if settings.get(TABLE_SETTING) != table_version():
            settings.set(TABLE_SETTING, table_version())
        return 0
    stale = _stale(db)
    written = left = 0
    for model in (Stay, Workplace):
        query = select(model.id, model.city, model.country, model.city_key)
        if not stale:
            query = query.where(model.city_key.is_(None))
        with db.session() as s:
            rows = s.execute(query).all()
        changed = [
            {"row_id": rid, "key": key}
            for rid, city, country, stored in rows
            if (key := key_for(city or "", country)) != stored
        ]
        if changed:
            with db.write() as s:
                s.connection().execute(
                    update(model.__table__)
                    .where(model.__table__.c.id == bindparam("row_id"))
                    .values(city_key=bindparam("key")),
                    changed,
                )
            written += len(changed)
            left += _not_written(db, model, changed)
    if left:  # a team database's policies skipped other members' stays: their own start remakes them
        log.info("city keys: %d row(s) this member may not change keep their key", left)
        return written - left
    settings.set(TABLE_SETTING, table_version())
    return written


def _not_written(db: Database, model: type[Stay] | type[Workplace], changed: list[dict[str, object]]) -> int:
    """How many of `changed` still hold another key (row-level security skips rows without an error)."""
    wanted = {c["row_id"]: c["key"] for c in changed}
    with db.session() as s:
        found = s.execute(select(model.id, model.city_key).where(model.id.in_(list(wanted)))).all()
    return sum(1 for rid, key in found if wanted[rid] != key)


def ensure_current(db: Database) -> None:
    """Remakes the stored keys when they were made with another city table (one setting read otherwise).
    A database this process may not write (a viewer of a team database, a read-only file) keeps them: its
    readers then compare keys a newer table might have made otherwise, as before."""
    if not _stale(db):
        return
    from sqlalchemy.exc import SQLAlchemyError

    from nomadcm.errors import UserError

    try:
        refresh(db)
    except (UserError, SQLAlchemyError) as err:
        log.info("city keys made with another city table kept: %s", err)


def _has_rows(db: Database) -> bool:
    with db.session() as s:
        return any(s.execute(select(model.id).limit(1)).first() is not None for model in (Stay, Workplace))
