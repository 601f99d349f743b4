"""The partial index of recurring posts: the same on SQLite and PostgreSQL, without the models loading
SQLAlchemy's PostgreSQL dialect (55 ms of every start, for the team database few open)."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from nomadcm.models import Post


def _rrule_index():  # type: ignore[no-untyped-def]
    return next(i for i in Post.__table__.indexes if i.name == "ix_post_rrule")


def test_the_recurring_posts_index_is_partial_on_both_engines() -> None:
    index = _rrule_index()
    for dialect in (sqlite.dialect(), postgresql.dialect()):
        ddl = " ".join(str(CreateIndex(index).compile(dialect=dialect)).split())
        assert ddl == "CREATE INDEX ix_post_rrule ON post (rrule) WHERE rrule IS NOT NULL", dialect.name


def test_importing_the_models_loads_no_postgresql_dialect() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, nomadcm.models; print(sorted(m for m in sys.modules if 'postgresql' in m))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.strip() == "[]"
