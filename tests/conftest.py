"""Shared fixtures: every test gets its own temporary database, never the user's data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the platform data/config folders and $NOMADCM_DB at a temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("NOMADCM_DB", str(home / "nomadcm-test.sqlite3"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nomadcm.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator:
    from nomadcm.storage import Database

    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def services(db):  # type: ignore[no-untyped-def]
    from nomadcm.services.container import Services

    return Services(db)
