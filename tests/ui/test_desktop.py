"""The desktop side of the window: tray, close to tray, sample data switch, About, crash reports."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from nomadcm import paths, timezones
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.about import AboutDialog
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.crash_report import FatalLog, PreviousCrashDialog
from nomadcm.ui.main_window import MainWindow, app_icon
from nomadcm.ui.tray import Tray, due_today, first_line
from nomadcm.ui.widgets import unsaved
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin

REAL_CONFIRM = unsaved.confirm_discard  # the conftest makes closing discard; this file asks for real

NOW = timezones.localize(datetime(2026, 11, 20, 10, 0), "America/Toronto")  # the CM is at home in Toronto


def post(services: Services, client, text: str, wall: datetime, status: str = "scheduled") -> None:  # type: ignore[no-untyped-def]
    channel = services.clients.list_channels(client.id)[0]
    services.posts.add(PostDraft(channel.id, text, wall, status=status))


@pytest.fixture
def day_of_posts(services: Services, paris_client):  # type: ignore[no-untyped-def]
    post(services, paris_client, "Hier soir", datetime(2026, 11, 19, 20, 0))  # before now
    post(services, paris_client, "Midi à Paris", datetime(2026, 11, 20, 18, 0))  # 12:00 in Toronto
    post(services, paris_client, "Brouillon du soir\nsuite", datetime(2026, 11, 21, 0, 30), "draft")  # 18:30
    post(services, paris_client, "Demain", datetime(2026, 11, 21, 15, 0))  # 09:00 tomorrow in Toronto
    return paris_client


def test_due_today_is_from_now_to_the_end_of_her_day(services: Services, day_of_posts) -> None:  # type: ignore[no-untyped-def]
    rows = due_today(services, NOW)
    assert [r.text.splitlines()[0] for r in rows] == ["Midi à Paris", "Brouillon du soir"]
    assert [r.cm_wall.hour for r in rows] == [12, 18]


def test_tray_menu_lists_todays_posts_then_timers_open_quit(qtbot, services: Services, day_of_posts) -> None:  # type: ignore[no-untyped-def]
    bus = ChangeBus()
    tray = Tray(
        services, bus, QIcon(), badges=lambda: "Slept 6 h 10, under the 7 h sleep goal", clock=lambda: NOW
    )
    texts = [a.text() for a in tray.menu.actions() if a.text()]
    assert texts[0] == "Due today"
    assert texts[1].startswith("12:00 · Boulangerie Dupont, instagram: Midi à Paris")
    assert texts[2].endswith("(draft)") and "suite" not in texts[2]
    assert texts[-2:] == ["&Open NomadCM", "&Quit NomadCM"]
    tip = tray.icon.toolTip()
    assert "Next: 12:00 Boulangerie Dupont" in tip and "sleep goal" in tip
    with qtbot.waitSignal(tray.openRequested):
        tray.post_actions[0].trigger()
    with qtbot.waitSignal(tray.quitRequested):
        tray.quit_action.trigger()
    # A new post today shows without waiting for the minute timer.
    post(services, day_of_posts, "Encore un", datetime(2026, 11, 20, 22, 0))
    bus.notify("posts")
    assert any("Encore un" in a.text() for a in tray.menu.actions())


def test_tray_says_when_nothing_is_left(services: Services) -> None:
    tray = Tray(services, ChangeBus(), QIcon(), clock=lambda: NOW)
    assert [a.text() for a in tray.menu.actions() if a.text()][:2] == [
        "Due today",
        "Nothing more to publish today",
    ]


def test_first_line_is_short() -> None:
    assert first_line("Bonjour\nà tous") == "Bonjour"
    assert len(first_line("x" * 200)) == 48 and first_line("x" * 200).endswith("…")


def test_app_icon_has_every_size() -> None:
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes


# ---------------------------------------------------------------------------------------------- window


def test_sample_data_title_and_menu(qtbot, services: Services, qsettings) -> None:  # type: ignore[no-untyped-def]
    services.settings.set("demo_data", True)
    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    assert win.windowTitle() == "Schedule (sample data) — NomadCM"  # tests/ui/test_window_titles.py: once
    assert win.db_label.text().startswith("Sample data — ")
    assert win.sample_action.text() == "Back to &your data"
    win.sample_action.trigger()  # closes this window, asking for the user's own database
    assert win.next_database == paths.resolve_database() and not win.build_demo


def test_explore_sample_data_asks_for_the_demo_file(window) -> None:  # type: ignore[no-untyped-def]
    assert window.sample_action.text() == "Explore the &sample data"
    with_closed = []
    window.closed.connect(lambda: with_closed.append(True))
    window.toggle_sample_data()
    assert window.next_database == paths.demo_db_path()
    assert window.build_demo  # not built yet
    assert with_closed == [True]


def test_close_to_tray_hides_and_quit_really_closes(qtbot, window, services: Services) -> None:  # type: ignore[no-untyped-def]
    class FakeTray:
        class icon:  # stands for the QSystemTrayIcon attribute
            @staticmethod
            def isVisible() -> bool:
                return True

        def __init__(self) -> None:
            self.messages: list[str] = []

        def notify(self, text: str) -> None:
            self.messages.append(text)

    window.tray = FakeTray()
    closed = []
    window.closed.connect(lambda: closed.append(True))
    window.close()  # the setting is off: a real close
    assert closed == [True]
    window.show()
    services.settings.set("close_to_tray", True)
    window.close()
    assert not window.isVisible() and closed == [True]  # hidden, still running
    assert "still running" in window.tray.messages[0]
    window.bring_to_front()
    assert window.isVisible()
    window.quit_app()
    assert closed == [True, True]


def test_quitting_asks_a_dialog_with_unsaved_changes(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class Form(UnsavedChangesMixin, QDialog):
        def __init__(self, parent) -> None:  # type: ignore[no-untyped-def]
            super().__init__(parent)
            self.text = QLineEdit(self)
            self.track_changes()

    form = Form(window)
    form.show()
    form.text.setText("un brouillon important")
    monkeypatch.setattr(unsaved, "confirm_discard", REAL_CONFIRM)
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: next(b for b in box.buttons() if b.text() == "Keep editing").click()
    )
    closed = []
    window.closed.connect(lambda: closed.append(True))
    window.quit_app()
    assert closed == [] and window.isVisible() and form.isVisible()
    form.track_changes()  # saved
    window.quit_app()
    assert closed == [True]


def test_menus_show_their_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    assert window.settings_action.shortcut().toString() in ("Ctrl+,", "Ctrl+P")  # the platform's Preferences
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert [a.shortcut().toString() for a in view.actions()][:3] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    for action in window.menuBar().actions():
        assert "&" in action.text()  # Alt+letter opens every menu


def test_settings_about_and_wizard_open_from_the_menus(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.settings_action.trigger()
    assert window.dialog is not None and window.dialog.objectName() == "settings-dialog"
    window.dialog.reject()
    window.about_action.trigger()
    assert window.dialog.objectName() == "about-dialog"
    window.dialog.reject()
    window.wizard_action.trigger()
    assert window.dialog.objectName() == "first-run-wizard"
    window.dialog.reject()


def test_about_names_version_data_folder_and_geonames(qtbot, db_path: Path) -> None:
    dialog = AboutDialog(db_path, demo=True)
    qtbot.addWidget(dialog)
    assert str(db_path) in dialog.db_label.text()
    assert str(paths.log_dir()) in dialog.log_label.text()
    text = dialog.credits.toPlainText()
    assert "GeoNames" in text and "CC BY 4.0" in text
    assert "LGPL-3.0" in text and "MIT" in text
    assert "sample database" in " ".join(w.text() for w in dialog.findChildren(type(dialog.db_label)))


# ----------------------------------------------------------------------------------------- crash logs


def test_a_clean_run_leaves_no_fatal_log(tmp_path: Path) -> None:
    log = FatalLog("nomadcm-test", tmp_path)
    assert log.start()
    assert log.path.read_text().startswith("NomadCM ")
    log.stop()
    assert not log.path.exists()
    assert FatalLog("nomadcm-test", tmp_path).previous_crash() is None


CRASH = """
import sys
from pathlib import Path
from nomadcm.ui.crash_report import FatalLog
log = FatalLog("nomadcm-test", Path(sys.argv[1]))
log.start()
import faulthandler
faulthandler._sigsegv()  # what a crash inside Qt looks like to Python
"""


@pytest.mark.skipif(sys.platform == "win32", reason="signals")
def test_a_hard_crash_is_offered_at_the_next_start(qtbot, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CRASH, str(tmp_path)], env=env, capture_output=True, check=False
    )
    assert done.returncode != 0
    report = FatalLog("nomadcm-test", tmp_path).previous_crash()
    assert report is not None and report.name.startswith("crash-") and report.name.endswith("-fatal.log")
    text = report.read_text()
    assert "Fatal Python error" in text and "<string>" in text
    assert FatalLog("nomadcm-test", tmp_path).previous_crash() is None  # offered once
    dialog = PreviousCrashDialog(report)
    qtbot.addWidget(dialog)
    assert "Fatal Python error" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "Fatal Python error" in QApplication.clipboard().text()
    assert dialog.copy_button.text() == "Copied"


def test_the_post_dialog_asks_before_losing_a_typed_text(
    qtbot, window, services, paris_client, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(unsaved, "confirm_discard", REAL_CONFIRM)
    asked: list[str] = []

    def keep_editing(box: QMessageBox) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Keep editing").click()

    monkeypatch.setattr(QMessageBox, "exec", keep_editing)
    window.new_post()
    dialog = window.page("schedule").findChild(QDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()  # nothing typed yet: closes without a word
    assert asked == [] and not dialog.isVisible()
    window.new_post()
    dialog = next(d for d in window.page("schedule").findChildren(QDialog) if d.isVisible())
    dialog.text_edit.setPlainText("Soldes d'hiver : -20 % sur tout le rayon viennoiserie")
    dialog.reject()
    assert asked == ["Discard your changes?"] and dialog.isVisible()
    monkeypatch.setattr(unsaved, "confirm_discard", lambda parent: True)
    dialog.reject()
    assert not dialog.isVisible()
