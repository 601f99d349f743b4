"""A team database live in the window: another member's write shows within 2 s (LISTEN/NOTIFY), and a server
that goes away is a banner with a countdown and Retry now — never a traceback or a box per refresh; a save
meanwhile is refused in its dialog with what was typed kept, and the pages refresh when the server is back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pg_outage import database_unreachable
from PySide6.QtCore import QDate, Qt, QTime

from nomadcm.storage import pg_changes

pytestmark = pytest.mark.postgres_only

POLLS = 1200  # ms: more than two polls of the watcher


def _listening(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The window's listener connects on a thread; once it does, every page refreshes once (for what was
    written before it listened)."""
    qtbot.waitUntil(lambda: window.external_changes.refresh_count == 1, timeout=5000)


def _cli_post_add(db_arg: str, text: str) -> None:
    """`nomadcm post add` in another process: another member, at a terminal."""
    args = [
        "--db", db_arg, "post", "add", "--client", "Boulangerie Dupont", "--channel", "instagram",
        "--at", "2030-05-01 09:00", "--text", text,
    ]  # fmt: skip
    env = {key: value for key, value in os.environ.items() if key != "NOMADCM_DB"}
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", *args], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr


def test_another_members_post_appears_within_two_seconds(qtbot, window, paris_client, db_arg: str) -> None:  # type: ignore[no-untyped-def]
    schedule = window.page("schedule")
    clients = window.page("clients")
    assert schedule.model.rowCount() == 0
    _listening(qtbot, window)
    before = window.external_changes.refresh_count

    _cli_post_add(db_arg, "Bonjour de la part de Lina")

    qtbot.waitUntil(lambda: schedule.model.rowCount() == 1, timeout=2000)
    assert window.external_changes.refresh_count == before + 1
    assert clients.clients_model.rowCount() == 1  # every page showing that area heard of it


def test_our_own_writes_cause_no_extra_refresh(qtbot, window, services, paris_client, db_arg: str) -> None:  # type: ignore[no-untyped-def]
    schedule = window.page("schedule")
    _listening(qtbot, window)
    qtbot.wait(POLLS)
    before = window.external_changes.refresh_count

    services.clients.add_client("Surf Shop", "Australia/Sydney")  # on the GUI thread, as a dialog does
    window.changes.notify("clients")
    ran: list[object] = []
    window.tasks.run(  # and on the task runner, as an import does
        lambda _report: services.clients.add_client("Café Lisboa", "Europe/Lisbon"), on_success=ran.append
    )
    qtbot.waitUntil(lambda: bool(ran))
    qtbot.wait(POLLS)
    assert window.external_changes.refresh_count == before

    _cli_post_add(db_arg, "Et un de plus")
    qtbot.waitUntil(lambda: schedule.model.rowCount() == 1, timeout=2000)
    qtbot.wait(POLLS)
    assert window.external_changes.refresh_count == before + 1


def test_a_lost_server_is_a_banner_and_nothing_typed_is_lost(  # type: ignore[no-untyped-def]
    qtbot, window, services, paris_client, pg_server_url: str, db_arg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pg_changes, "RETRY_FIRST_S", 3.0)
    schedule = window.page("schedule")
    banner = window.connection_banner
    _listening(qtbot, window)
    assert not banner.isVisible()
    window.new_post_action.trigger()
    dialog = schedule.post_dialog
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findText("instagram @dupont.pain"))
    dialog.when.date_edit.setDate(QDate(2030, 5, 2))
    dialog.when.time_edit.setTime(QTime(10, 0))
    qtbot.keyClicks(dialog.text_edit, "Croissants tout chauds")
    assert services.db.server is not None

    with database_unreachable(pg_server_url, services.db.server.database):
        qtbot.waitUntil(banner.isVisible, timeout=3000)
        assert banner.message.text().startswith("Team database unreachable — retrying in ")
        assert str(services.db.server) in banner.message.toolTip()
        assert banner.retry_button.isVisible()
        before = window.external_changes.refresh_count

        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # offline: refused in the dialog
        assert dialog.isVisible()
        assert "cannot reach the team database" in dialog.problems_label.text()
        assert "nothing was saved" in dialog.problems_label.text()
        assert dialog.text_edit.toPlainText() == "Croissants tout chauds"

        qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)  # the server is still away
        qtbot.wait(POLLS)
        assert banner.isVisible() and window.external_changes.refresh_count == before
        _cli_write_refused(db_arg)

    qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: window.external_changes.refresh_count == before + 1, timeout=1000)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # back: the same input saves
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: schedule.model.rowCount() == 1, timeout=2000)
    assert services.posts.get(1).text == "Croissants tout chauds"


def test_the_banner_goes_by_itself_when_the_server_returns(  # type: ignore[no-untyped-def]
    qtbot, window, services, pg_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pg_changes, "RETRY_FIRST_S", 0.5)
    banner = window.connection_banner
    _listening(qtbot, window)
    assert services.db.server is not None
    with database_unreachable(pg_server_url, services.db.server.database):
        qtbot.waitUntil(banner.isVisible, timeout=3000)
        before = window.external_changes.refresh_count
        window.refresh_action.trigger()  # View > Refresh while away: a new try, no page reloads to fail
        assert window.external_changes.refresh_count == before
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)  # the next scheduled try, no click
    assert window.external_changes.refresh_count == before + 1


def _cli_write_refused(db_arg: str) -> None:
    """Meanwhile a CLI write is one line naming the server, exit 2, never a traceback."""
    env = {key: value for key, value in os.environ.items() if key != "NOMADCM_DB"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "nomadcm",
            "--db",
            db_arg,
            "client",
            "add",
            "Surf Shop",
            "--tz",
            "Europe/Paris",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "cannot reach the team database at 127.0.0.1:" in done.stderr
