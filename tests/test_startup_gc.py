"""The cycle collector while a process starts (nomadcm/startup_gc.py): paused, then what the start-up built is
frozen and collection resumes; a command run in this process leaves the collector as it found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from nomadcm import startup_gc
from nomadcm.cli import main


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    startup_gc.restore()
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


def test_pause_then_settle_freezes_the_start_up_and_resumes() -> None:
    gc.enable()
    startup_gc.pause()
    assert not gc.isenabled()
    built = [[] for _ in range(1000)]  # what a start-up builds: long-lived containers
    startup_gc.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)
    startup_gc.restore()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_restore_without_settle_resumes_collection() -> None:
    gc.enable()
    startup_gc.pause()
    startup_gc.restore()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_pause_leaves_a_stopped_collector_stopped() -> None:
    gc.disable()
    startup_gc.pause()
    startup_gc.settle()
    assert not gc.isenabled(), "settle() resumes only what pause() stopped"


def test_the_gui_collector_takes_the_pause_over() -> None:
    gc.enable()
    startup_gc.pause()
    assert startup_gc.handed_over() is True
    startup_gc.restore()
    assert not gc.isenabled(), "the GUI thread's collector, not restore(), gives collection back"


def test_a_command_leaves_the_collector_as_it_found_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    gc.enable()
    db = str(tmp_path / "cm.sqlite3")
    assert main(["--db", db, "client", "add", "Boulangerie", "--tz", "Europe/Paris"]) == 0
    assert main(["--db", db, "client", "list"]) == 0
    assert "Boulangerie" in capsys.readouterr().out
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert main(["--db", db, "client", "add", "", "--tz", "Nowhere/Else"]) == 2  # refused: still restored
    assert gc.isenabled() and gc.get_freeze_count() == 0
