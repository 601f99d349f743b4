"""The PyInstaller bundle starts, paints and exits cleanly (run by `make bundle` after building it).

Building takes minutes, so these tests run only when $NOMADCM_BUNDLE names the built executable
(`make bundle` sets it to dist/NomadCM/NomadCM); otherwise they are skipped. The spec file itself is checked
always: it must name the resources and migrations the frozen app reads as files.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = os.environ.get("NOMADCM_BUNDLE", "")
needs_bundle = pytest.mark.skipif(not BUNDLE, reason="set NOMADCM_BUNDLE to the built app (make bundle)")


def test_spec_ships_the_files_read_at_run_time() -> None:
    spec = (ROOT / "packaging" / "nomadcm.spec").read_text(encoding="utf-8")
    assert '"nomadcm" / "resources"' in spec
    assert '"storage" / "migrations"' in spec
    assert "nomadcm_launcher.py" in spec
    assert (ROOT / "packaging" / "nomadcm_launcher.py").is_file()


def run(*args: str, home: Path, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    env.pop("NOMADCM_DB", None)
    return subprocess.run(
        [str(Path(BUNDLE).resolve()), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@needs_bundle
def test_bundle_starts_paints_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite3"
    started = time.monotonic()
    done = run("--exit-after-startup", "--db", str(db), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 60
    assert db.is_file()  # it opened (and migrated) a database: alembic found its scripts in the bundle


@needs_bundle
def test_bundle_opens_the_sample_data_on_every_page(tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite3"
    made = run("demo", "create", "--db", str(demo), home=tmp_path)
    assert made.returncode == 0, made.stderr
    for page in ("schedule", "calendar", "clients", "travel", "workplaces", "wellbeing"):
        done = run("--exit-after-startup", "--db", str(demo), "--page", page, home=tmp_path)
        assert done.returncode == 0, f"{page}: {done.stderr}"


@needs_bundle
def test_bundle_refuses_a_bad_database_with_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database")
    done = run("--exit-after-startup", "--db", str(bad), home=tmp_path)
    assert done.returncode == 2
    assert "notes.sqlite3" in done.stderr


@needs_bundle
def test_bundle_cli_and_launcher(tmp_path: Path) -> None:
    version = run("--version", home=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("NomadCM ")
    installed = run("desktop", "install", home=tmp_path)
    assert installed.returncode == 0, installed.stderr
    entry = (tmp_path / "data" / "applications" / "nomadcm.desktop").read_text(encoding="utf-8")
    assert f"TryExec={Path(BUNDLE).resolve()}" in entry  # the launcher starts the bundle itself
