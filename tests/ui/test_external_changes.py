"""Writes by another process show up in the open window within about a second; our own writes cause no extra
full refresh; View > Refresh (F5) reloads everything on demand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

POLLS = 1200  # ms: more than two polls of the watcher


def _cli_post_add(db_path: Path, text: str) -> None:
    """`nomadcm post add` in another process, as from a terminal beside the open window."""
    args = [
        "--db", str(db_path), "post", "add", "--client", "Boulangerie Dupont", "--channel", "instagram",
        "--at", "2030-05-01 09:00", "--text", text,
    ]  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


# sqlite_only: another process's write is seen by PRAGMA data_version (PostgreSQL: LISTEN/NOTIFY, later)
@pytest.mark.sqlite_only
def test_a_post_added_from_the_cli_appears_in_the_schedule(
    qtbot, window, paris_client, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    schedule = window.page("schedule")
    clients = window.page("clients")
    assert schedule.model.rowCount() == 0
    before = window.external_changes.refresh_count

    _cli_post_add(db_path, "Bonjour depuis le terminal")

    qtbot.waitUntil(lambda: schedule.model.rowCount() == 1, timeout=2000)
    assert window.external_changes.refresh_count == before + 1
    assert clients.clients_model.rowCount() == 1  # every page showing that area heard of it


# sqlite_only: another process's write is seen by PRAGMA data_version (PostgreSQL: LISTEN/NOTIFY, later)
@pytest.mark.sqlite_only
def test_our_own_writes_cause_no_extra_refresh(qtbot, window, services, paris_client, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    schedule = window.page("schedule")
    qtbot.wait(POLLS)  # the fixture's own writes are behind us
    before = window.external_changes.refresh_count

    services.clients.add_client("Surf Shop", "Australia/Sydney")  # on the GUI thread, as a dialog does
    window.changes.notify("clients")
    ran: list[object] = []
    window.tasks.run(  # and on the task runner, as an import does (committed before its outcome arrives)
        lambda _report: services.clients.add_client("Café Lisboa", "Europe/Lisbon"), on_success=ran.append
    )
    qtbot.waitUntil(lambda: bool(ran))
    qtbot.wait(POLLS)
    assert window.external_changes.refresh_count == before

    _cli_post_add(db_path, "Et un de plus")
    qtbot.waitUntil(lambda: schedule.model.rowCount() == 1, timeout=2000)
    qtbot.wait(POLLS)
    assert window.external_changes.refresh_count == before + 1  # one foreign write, one refresh


def test_view_refresh_reloads_every_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    heard: list[object] = []
    window.changes.changed.connect(heard.append)
    assert QKeySequence("F5") in window.refresh_action.shortcuts()
    assert window.refresh_action in window.menuBar().actions()[2].menu().actions()  # View
    before = window.external_changes.refresh_count
    window.refresh_action.trigger()
    assert window.external_changes.refresh_count == before + 1
    assert heard and {"posts", "clients", "itinerary", "settings", "workplaces", "wellbeing"} <= heard[-1]


def test_closing_the_window_stops_watching(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.close()
    assert not window.external_changes.poll()  # counter closed: nothing to ask, nothing announced
