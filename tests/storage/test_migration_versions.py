"""Migration 0006 (version counters, names unique whatever their case) on a file an older NomadCM wrote:
existing rows start at version 1, names differing only by case are renamed "Name (2)"... and logged, and the
database refuses the next such name by itself."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from nomadcm.storage import migrate
from nomadcm.storage.engine import make_engine, sqlite_url
from tests.storage.older_files import file_at

# sqlite_only: an older file's upgrade (a team database's: nomadcm team upgrade, tests/storage/test_team_*)
pytestmark = pytest.mark.sqlite_only


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    raw = sqlite3.connect(path)
    try:
        return [tuple(r) for r in raw.execute(sql)]
    finally:
        raw.close()


def test_case_duplicates_are_renamed_and_logged_then_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.sqlite3"
    file_at(path, "0005_contracts")
    raw = sqlite3.connect(path)
    stamp = "2026-01-01 00:00:00.000000"
    for name in ("Acme", "ACME", "acme", "Acme (2)", "Zèbre"):
        raw.execute(
            "INSERT INTO client (name, audience_tz, colour, notes, prime_start_min, prime_end_min, language, "
            "created_at) VALUES (?, 'Europe/Paris', '#4a90d9', '', 480, 1260, 'fr', ?)",
            (name, stamp),
        )
    for handle in ("@Acme", "@acme"):
        raw.execute("INSERT INTO channel (client_id, network, handle) VALUES (1, 'instagram', ?)", (handle,))
    raw.execute(
        "INSERT INTO channel (client_id, network, handle) VALUES (1, 'x', '@ACME')"
    )  # another network
    raw.commit()
    raw.close()

    with caplog.at_level(logging.WARNING, logger="nomadcm.migrations"):
        file_at(path, "0006_versions")

    assert _rows(path, "SELECT id, name, version FROM client ORDER BY id") == [
        (1, "Acme", 1),
        (2, "ACME (3)", 1),  # "ACME (2)" is taken ("Acme (2)", whatever the case)
        (3, "acme (4)", 1),
        (4, "Acme (2)", 1),
        (5, "Zèbre", 1),
    ]
    assert _rows(path, "SELECT network, handle, version FROM channel ORDER BY id") == [
        ("instagram", "@Acme", 1),
        ("instagram", "@acme (2)", 1),
        ("x", "@ACME", 1),
    ]
    renames = [r.getMessage() for r in caplog.records if r.name == "nomadcm.migrations"]
    assert len(renames) == 3
    assert "client 2: name 'ACME' differs from an earlier one only by case; renamed 'ACME (3)'" in renames
    raw = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            raw.execute(
                "INSERT INTO client (name, audience_tz, colour, notes, prime_start_min, prime_end_min, "
                "language, created_at) VALUES ('aCmE', 'Europe/Paris', '#fff', '', 0, 0, 'fr', ?)",
                (stamp,),
            )
    finally:
        raw.close()


def test_every_versioned_table_gets_its_counter_and_downgrade_removes_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    file_at(path, "0006_versions")
    tables = ("post", "post_occurrence", "client", "channel", "posting_slot")
    for table in tables:
        columns = {r[1]: r for r in _rows(path, f"PRAGMA table_info({table})")}
        assert columns["version"][2] == "INTEGER" and columns["version"][3] == 1  # NOT NULL
        assert columns["version"][4] == "'1'"  # server default: a row inserted without it starts at 1
    indexes = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_client_name_upper", "ix_channel_client_network_handle_upper"} <= indexes
    engine = make_engine(sqlite_url(path))
    cfg = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005_contracts")
    finally:
        engine.dispose()
    for table in tables:
        assert "version" not in {r[1] for r in _rows(path, f"PRAGMA table_info({table})")}
