"""Start-up around the window: one instance per database, sample data switch, restart, crash report, theme."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication

import nomadcm.ui
from nomadcm import paths
from nomadcm.app import EXIT_NOT_ANSWERING, gui_main
from nomadcm.ui import RunOutcome
from nomadcm.ui.single_instance import SingleInstance, instance_key
from nomadcm.ui.theme import ThemeManager, is_dark


def launch_gui(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "nomadcm.app", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_second_launch_raises_the_first_and_exits_0(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "nomadcm.sqlite3"
    first = SingleInstance(db)
    assert first.acquire()
    try:
        started = time.monotonic()
        with qtbot.waitSignal(first.activated, timeout=15_000):
            proc = launch_gui(db)  # no --exit-after-startup: it would stay open if it were first
            qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
        assert proc.returncode == 0
        assert time.monotonic() - started < 10  # interpreter + Qt start included
        assert "already open" in proc.stderr.read()  # type: ignore[union-attr]
        assert not db.exists()  # it never touched the database
    finally:
        first.release()


def test_an_instance_that_does_not_answer_is_named(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "nomadcm.sqlite3"
    lock = QLockFile(str(paths.runtime_dir() / f"{instance_key(db)}.lock"))  # where the app looks
    assert lock.tryLock(0)  # held by this process, which does not listen: a hung first instance
    try:
        proc = launch_gui(db, "--exit-after-startup")
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20_000)
        assert proc.returncode == EXIT_NOT_ANSWERING
        assert "does not answer" in proc.stderr.read()  # type: ignore[union-attr]
    finally:
        lock.unlock()


@pytest.fixture
def outcomes(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Replaces the window by a script of outcomes; records what each run was given."""
    script: list = []  # type: ignore[type-arg]  # RunOutcome, or services -> RunOutcome
    calls: list[dict] = []  # type: ignore[type-arg]

    def fake_run(app, services, **kwargs):  # type: ignore[no-untyped-def]
        language = kwargs["translations"].language
        calls.append(
            {"db": services.db.path, "settings": services.settings.all(), "language": language, **kwargs}
        )
        step = script.pop(0)
        return step if isinstance(step, RunOutcome) else step(services)

    monkeypatch.setattr(nomadcm.ui, "run", fake_run)
    return script, calls


def test_explore_builds_the_sample_then_back_to_your_data(qapp, tmp_path: Path, outcomes) -> None:  # type: ignore[no-untyped-def]
    script, calls = outcomes
    mine = tmp_path / "mine.sqlite3"
    demo = paths.demo_db_path()
    script += [
        RunOutcome(0, next_database=demo, build_demo=True),
        RunOutcome(0, next_database=mine),
        RunOutcome(0),
    ]
    assert gui_main(["--db", str(mine), "--language", "fr"]) == 0
    assert [c["db"] for c in calls] == [mine, demo, mine]
    demo_settings = calls[1]["settings"]
    assert demo_settings["demo_data"] is True and demo_settings["language"] == "fr"
    assert demo_settings["setup_done"] is True
    assert not calls[0]["settings"]["demo_data"]


def test_restart_reopens_the_same_database_with_its_new_language(qapp, tmp_path: Path, outcomes) -> None:  # type: ignore[no-untyped-def]
    script, calls = outcomes
    mine = tmp_path / "mine.sqlite3"

    def choose_french(services):  # type: ignore[no-untyped-def]
        services.settings.set("language", "fr")  # what the Settings dialog does before offering a restart
        return RunOutcome(0, restart=True)

    script += [choose_french, RunOutcome(0)]
    assert gui_main(["--db", str(mine), "--exit-after-startup"]) == 0
    assert [c["db"] for c in calls] == [mine, mine]
    assert calls[1]["language"] == "fr"


def test_the_last_crash_is_handed_to_the_window(qapp, tmp_path: Path, outcomes) -> None:  # type: ignore[no-untyped-def]
    script, calls = outcomes
    mine = tmp_path / "mine.sqlite3"
    fatal = paths.log_dir() / f"fatal-{instance_key(mine)}.log"
    fatal.parent.mkdir(parents=True, exist_ok=True)
    fatal.write_text(
        "NomadCM\n\nFatal Python error: Segmentation fault\n\nCurrent thread 0x01 (most recent call first):\n"
    )
    script += [RunOutcome(0)]
    assert gui_main(["--db", str(mine)]) == 0
    report = calls[0]["crash_report"]
    assert report is not None and report.read_text().count("Segmentation fault") == 1
    assert not fatal.exists()  # this run ended cleanly: no new report


def test_forced_dark_theme_and_back(qapp) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    manager = ThemeManager(app)  # type: ignore[arg-type]
    light = is_dark()
    try:
        manager.apply("dark")
        assert is_dark()
        manager.apply("light")
        assert not is_dark()
    finally:
        manager.apply("")
    assert is_dark() == light


def test_page_option_opens_that_page_and_it_is_remembered(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.main_window import SETTINGS_PAGE, app_settings

    assert gui_main(["--db", str(tmp_path / "x.sqlite3"), "--exit-after-startup", "--page", "travel"]) == 0
    assert app_settings().value(SETTINGS_PAGE) == "travel"
