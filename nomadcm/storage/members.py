"""Which member a database connection acts for (team mode, issue 13).

A `Database` has a current member (`Database.member_id`; None for a CM alone). Each time a session or Core
connection checks a connection out of the pool, the member is written into the connection's `info`, where the
models' column defaults read it to stamp `created_by` / `updated_by` (models/team.py) — one place for every
write, ORM or Core. On PostgreSQL the same id is also the session setting `nomadcm.member`
(`set_config`, only when it changed on that connection), for server-side checks to read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from nomadcm.models.team import MEMBER_INFO_KEY

SERVER_SETTING = "nomadcm.member"
_SET_ON_SERVER = "nomadcm_member_on_server"  # connection_record.info: the value last given to set_config


def stamp_member_on_checkout(engine: Engine, member: Callable[[], int | None]) -> None:
    """Every connection `engine` hands out acts for `member()` (read at each checkout)."""
    on_server = engine.dialect.name == "postgresql"

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        member_id = member()
        record.info[MEMBER_INFO_KEY] = member_id
        if on_server:
            shown = "" if member_id is None else str(member_id)
            if record.info.get(_SET_ON_SERVER) != shown:
                cursor = dbapi_connection.cursor()
                try:
                    cursor.execute("SELECT set_config(%s, %s, false)", (SERVER_SETTING, shown))
                finally:
                    cursor.close()
                dbapi_connection.commit()
                record.info[_SET_ON_SERVER] = shown

    event.listen(engine, "checkout", checkout)
