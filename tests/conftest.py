"""Shared fixtures: every test gets its own temporary database, never the user's data folder.

Two engines. By default the `db` / `services` fixtures and $NOMADCM_DB (what the CLI opens when no --db is
given) are a fresh SQLite file per test. With `NOMADCM_TEST_DB_URL=postgresql+psycopg://USER@HOST:PORT/DB`
(or `pytest --pg URL`) they are a team database on that PostgreSQL server instead: a database of its own is
created for the run (`<DB>_test_<pid>`, dropped at the end), its schema made by `team init`'s code, and every
table is emptied (identities restarted) before each test that finds rows or used ids, so each test starts
from an empty database as on SQLite. Tests that pass a file of their own (`tmp_path / "x.sqlite3"`) stay on
SQLite on both passes.

Markers: `sqlite_only` — the test is about the SQLite file itself (backups, damage, permissions, WAL,
data_version, markers...): skipped on the PostgreSQL pass. `postgres_only` — needs a server: skipped on the
SQLite pass unless a server URL is given. `pg_server_url` gives that URL (the server's own database, for tests
that create databases of their own).
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: `make test` runs the same examples every time (a CI run is reproducible, a red run is the
# same red on the next one); NOMADCM_HYPOTHESIS=explore draws new ones (and keeps failures in .hypothesis/)
# for hunting sessions. The fuzz harness of tests/robustness/ and bench/ is where the long searches run.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("NOMADCM_HYPOTHESIS", "ci"))

TEST_DB_URL_ENV = "NOMADCM_TEST_DB_URL"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg",
        metavar="URL",
        default=None,
        help=f"run the database fixtures on this PostgreSQL server (default: ${TEST_DB_URL_ENV}, else SQLite)",
    )


def server_url(config: pytest.Config) -> str | None:
    url = config.getoption("--pg") or os.environ.get(TEST_DB_URL_ENV) or None
    if url and url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about the SQLite file itself; skipped on the PostgreSQL pass"
    )
    config.addinivalue_line("markers", "postgres_only: needs a PostgreSQL server; skipped without one")
    config._nomadcm_pg = _PgRun(server_url(config)) if server_url(config) else None  # type: ignore[attr-defined]
    # As in the app (nomadcm/ui/gui_gc.py): no automatic cycle collection, which would run on whichever
    # thread allocates — a task runner's worker collecting an earlier test's Qt model crashed the suite —
    # but collections on the main thread, after each test and on the application's timer.
    config._nomadcm_gc_threshold = gc.get_threshold()  # type: ignore[attr-defined]
    gc.disable()


def pytest_unconfigure(config: pytest.Config) -> None:
    gc.enable()
    run = getattr(config, "_nomadcm_pg", None)
    if run is not None:
        run.finish()


def pytest_report_header(config: pytest.Config) -> str:
    run = getattr(config, "_nomadcm_pg", None)
    return "database: SQLite files" if run is None else f"database: PostgreSQL ({run.shown})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_pg = getattr(config, "_nomadcm_pg", None) is not None
    no_server = pytest.mark.skip(reason=f"needs a PostgreSQL server (${TEST_DB_URL_ENV} or --pg URL)")
    file_only = pytest.mark.skip(reason="about the SQLite file itself (sqlite_only)")
    for item in items:
        if on_pg and item.get_closest_marker("sqlite_only"):
            item.add_marker(file_only)
        if not on_pg and item.get_closest_marker("postgres_only"):
            item.add_marker(no_server)


class _PgRun:
    """The run's own database on the server: created lazily, emptied before each test that wrote, dropped at
    the end."""

    def __init__(self, server: str) -> None:
        from sqlalchemy.engine import make_url

        self.server = make_url(server)
        base = self.server.database or "nomadcm"
        self.name = re.sub(r"\W", "_", f"{base}_test_{os.getpid()}")
        self.url = self.server.set(database=self.name)
        self.shown = self.url.render_as_string(hide_password=True)
        self._engine: Any = None
        self._reset_sql = ""
        self._dirty_sql = ""

    @property
    def url_text(self) -> str:
        return self.url.render_as_string(hide_password=False)

    def start(self) -> None:
        if self._engine is not None:
            return
        from sqlalchemy import create_engine, inspect, text

        from nomadcm.paths import DatabaseUrl
        from nomadcm.storage.team_schema import init_schema

        admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        admin.dispose()
        init_schema(DatabaseUrl(self.url_text))
        # pre-ping: a test that ended every connection to the database (tests/pg_outage.py) leaves none broken
        self._engine = create_engine(self.url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
        with self._engine.connect() as conn:
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        quoted = ", ".join(f'"{t}"' for t in tables)
        self._reset_sql = f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"
        exists = " OR ".join(f'EXISTS (SELECT 1 FROM "{t}")' for t in tables)
        self._dirty_sql = (
            f"SELECT ({exists}) OR EXISTS (SELECT 1 FROM pg_sequences WHERE schemaname = current_schema() "
            "AND last_value IS NOT NULL)"
        )

    def reset(self) -> None:
        """Empty every table (ids from 1 again) when the last test left rows or used ids. A connection a
        test left open would block TRUNCATE: after a short wait it is ended."""
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError

        self.start()
        with self._engine.connect() as conn:
            if not conn.execute(text(self._dirty_sql)).scalar():
                return
            conn.execute(text("SET lock_timeout = '2s'"))
            try:
                conn.execute(text(self._reset_sql))
            except OperationalError:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                )
                conn.execute(text(self._reset_sql))

    def finish(self) -> None:
        if self._engine is None:
            return
        from sqlalchemy import create_engine, text

        self._engine.dispose()
        admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        admin.dispose()


def _pg_run(config: pytest.Config) -> _PgRun | None:
    return getattr(config, "_nomadcm_pg", None)


@pytest.fixture(scope="session")
def db_engine(pytestconfig: pytest.Config) -> str:
    """'sqlite' or 'postgresql': the engine of this pass."""
    return "sqlite" if _pg_run(pytestconfig) is None else "postgresql"


@pytest.fixture(scope="session")
def pg_server_url(pytestconfig: pytest.Config) -> str:
    """The PostgreSQL server given to this run (its own database, as given), for tests that make databases."""
    run = _pg_run(pytestconfig)
    if run is None:
        pytest.skip(f"needs a PostgreSQL server (${TEST_DB_URL_ENV} or --pg URL)")
    return run.server.render_as_string(hide_password=False)


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread(pytestconfig: pytest.Config) -> Iterator[None]:
    """Cycles are collected here, on the main thread (see pytest_configure); while a Qt application exists,
    also on its timer during the test's event loops (the app's own GuiThreadCollector)."""
    threshold = pytestconfig._nomadcm_gc_threshold  # type: ignore[attr-defined]
    _start_gui_collector()
    yield
    from nomadcm.ui.gui_gc import collect_due

    gc.disable()  # a test may have switched it on (the CLI's own code pauses and resumes it)
    collect_due(threshold)


_gui_collector: list[Any] = []


def _start_gui_collector() -> None:
    if _gui_collector or "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    from nomadcm.ui.pyside_imports import skip_source_scans

    skip_source_scans()  # as the app does (nomadcm/app.py)

    app = QApplication.instance()
    if app is not None:
        from nomadcm.ui.gui_gc import GuiThreadCollector

        _gui_collector.append(GuiThreadCollector(app))


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, pytestconfig: pytest.Config
) -> None:
    """Point the platform data/config folders and $NOMADCM_DB at a temporary place for every test (on the
    PostgreSQL pass, $NOMADCM_DB is the run's database, emptied first)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    run = _pg_run(pytestconfig)
    if run is None:
        monkeypatch.setenv("NOMADCM_DB", str(home / "nomadcm-test.sqlite3"))
    else:
        run.reset()
        monkeypatch.setenv("NOMADCM_DB", run.url_text)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nomadcm.sqlite3"


@pytest.fixture
def db_arg(db_path: Path, pytestconfig: pytest.Config) -> str:
    """What `--db` takes for this test's database: a file path (SQLite pass) or the run's URL (PostgreSQL)."""
    run = _pg_run(pytestconfig)
    return str(db_path) if run is None else run.url_text


@pytest.fixture
def db(db_arg: str) -> Iterator:
    from nomadcm.storage import open_database

    database = open_database(db_arg)
    yield database
    database.close()


@pytest.fixture
def services(db):  # type: ignore[no-untyped-def]
    from nomadcm.services.container import Services

    return Services(db)
