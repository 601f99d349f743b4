"""The GUI's side of issue 12: every "Save as…" goes through the same check as the CLI's `-o`, and what an
export or the conflicts check had to leave out is said, not fatal."""

from __future__ import annotations

import ast
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import nomadcm.ui
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui import plain_text
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.widgets.save_target import checked_save_path

UI_PACKAGE = Path(nomadcm.ui.__file__).resolve().parent


def _bad_post(services, channel_id: int, wall: str, utc: str, link: str) -> int:  # type: ignore[no-untyped-def]
    """A post as an older NomadCM could store it, past today's checks."""
    conn = sqlite3.connect(services.db.path)
    try:
        cur = conn.execute(
            "INSERT INTO post (channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc, created_at, "
            "updated_at) VALUES (?, 'bad', ?, '', '', 'scheduled', ?, 'Europe/Paris', 0, ?, ?, ?)",
            (channel_id, link, wall, utc, utc, utc),
        )
        conn.commit()
        return int(cur.lastrowid or 0)
    finally:
        conn.close()


def test_every_save_dialog_goes_through_the_check() -> None:
    """A module that asks QFileDialog for a file to save also calls checked_save_path."""
    unchecked = []
    for path in sorted(UI_PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            getattr(n.func, "attr", getattr(n.func, "id", ""))
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
        }
        if "getSaveFileName" in calls and "checked_save_path" not in calls:
            unchecked.append(str(path.relative_to(UI_PACKAGE)))
    assert unchecked == []


def test_a_refused_place_is_a_dialog_naming_the_path(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(plain_text, "warn", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    folder = tmp_path / "exports"
    folder.mkdir()
    assert checked_save_path(None, folder) is None
    assert shown == [("Cannot save here", f"NomadCM will not write {folder}.\nIt is a folder.")]
    assert checked_save_path(None, folder / "ok.csv") == folder / "ok.csv"
    assert len(shown) == 1


@pytest.mark.sqlite_only  # the open database is a file
def test_export_dialog_refuses_the_open_database(window, services, paris_client, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = services.db.path.read_bytes()
    monkeypatch.setattr(
        "nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName",
        lambda *a: (str(services.db.path), ""),
    )
    window.export_action.trigger()
    dialog = window.export_dialog
    dialog.export_button.click()
    assert dialog.error_label.isVisible()
    text = dialog.error_label.text()
    assert str(services.db.path) in text and "database that is open" in text
    assert dialog.job is None and dialog.written_to is None
    assert services.db.path.read_bytes() == before


@pytest.mark.sqlite_only  # rows an older NomadCM left, written with sqlite3
def test_export_dialog_lists_the_posts_it_left_out(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    x = next(c.id for c in services.clients.list_channels(paris_client.id) if c.network == "x")
    services.posts.add(PostDraft(x, "fine", datetime(2030, 3, 30, 9, 0)))
    bad = _bad_post(
        services,
        x,
        "2030-03-31 09:00:00.000000",
        "2030-03-31 07:00:00.000000",
        "https://a.example/\r\nX-LINK:1",
    )
    target = tmp_path / "planning.csv"
    monkeypatch.setattr(
        "nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName", lambda *a: (str(target), "")
    )
    window.export_action.trigger()
    dialog = window.export_dialog
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written_to is not None, timeout=10_000)
    box = dialog.result_box
    assert box.icon() == QMessageBox.Icon.Warning
    assert "Exported 1 posts" in box.text()
    assert box.informativeText().startswith("1 post left out (fix or delete them, then export again):\n")
    assert f"• post {bad}: link" in box.informativeText()
    assert "fine" in target.read_text(encoding="utf-8") and "a.example" not in target.read_text(
        encoding="utf-8"
    )
    box.accept()


@pytest.mark.sqlite_only  # rows an older NomadCM left, written with sqlite3
def test_the_conflicts_tab_says_what_it_could_not_check(qtbot, services, paris_client, task_runner) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.travel.page import TravelPage
    from nomadcm.ui.travel.page_view import CONFLICTS_TAB

    x = next(c.id for c in services.clients.list_channels(paris_client.id) if c.network == "x")
    services.posts.add(PostDraft(x, "at night", datetime(2030, 3, 5, 3, 0)))
    _bad_post(services, x, "2030-03-06 10:00:00.000000", "2030-03-06 09:00:00.000000", "https://")
    page = TravelPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    page.show()
    panel = page.conflicts_panel
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        page.tabs.setCurrentIndex(CONFLICTS_TAB)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.set_range(date(2030, 3, 1), date(2030, 3, 31))
    assert panel.model.rowCount() == 1
    assert "could not be checked" in panel.status.text()
    assert "skipped post" in panel.status.toolTip()


@pytest.mark.parametrize("name", ["chart.png", "chart.svg"])
def test_chart_export_refuses_a_read_only_file(qtbot, tmp_path, monkeypatch, name) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.wellbeing.chart import ChartPanel

    panel = ChartPanel()
    qtbot.addWidget(panel)
    target = tmp_path / name
    target.write_text("keep")
    target.chmod(0o444)
    from nomadcm.errors import UserError

    with pytest.raises(UserError, match="read-only"):
        panel.export(target)
    assert target.read_text() == "keep"
