"""Every dialog opens centred on its window and inside the screen (ui/dialog_placement.py): the dialogs a few
flows open are enumerated among the top-level widgets and their frames checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from nomadcm.exchange.csv_native import COLUMNS
from nomadcm.ui import plain_text
from nomadcm.ui.dialog_placement import centred, inside, owner_window
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.schedule.import_dialog import ImportDialog

TOLERANCE = 30  # px


def open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def placed_well(qtbot, window: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    """Every dialog on screen: inside the screen, its centre within TOLERANCE of the window's."""
    qtbot.wait(20)  # the placement runs once the dialog has its size
    dialogs = open_dialogs()
    assert dialogs
    wanted = window.frameGeometry().center()
    for dialog in dialogs:
        frame = dialog.frameGeometry()
        area = dialog.screen().availableGeometry()
        assert area.contains(frame), (dialog.windowTitle(), frame, area)
        centre = frame.center()
        assert abs(centre.x() - wanted.x()) <= TOLERANCE, (dialog.windowTitle(), frame, wanted)
        assert abs(centre.y() - wanted.y()) <= TOLERANCE, (dialog.windowTitle(), frame, wanted)
    return [d.windowTitle() for d in dialogs]


def in_the_middle(window: QWidget) -> None:
    area = window.screen().availableGeometry()
    window.setGeometry(QRect(area.left() + 50, area.top() + 50, area.width() - 100, area.height() - 100))


def close_all() -> None:
    for dialog in open_dialogs():
        dialog.done(0)


def test_the_menu_dialogs_open_centred(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    in_the_middle(window)
    window.open_settings()
    assert placed_well(qtbot, window) == ["Settings"]
    close_all()
    window.about()
    assert placed_well(qtbot, window) == ["About NomadCM"]
    close_all()


def test_the_post_and_entry_dialogs_open_centred(window, paris_client, qtbot) -> None:  # type: ignore[no-untyped-def]
    in_the_middle(window)
    window.new_post()
    placed_well(qtbot, window)
    close_all()
    window.show_page("wellbeing").add_entry()
    placed_well(qtbot, window)
    close_all()


def test_the_import_error_dialog_stays_centred_as_it_grows(
    window, services, paris_client, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    in_the_middle(window)
    bad = tmp_path / "bad.csv"
    rows = [",Inconnu,x,scheduled,Europe/Paris,2030-05-01 09:00,,,,Qui ?,,"] * 40
    bad.write_text(",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(
        "nomadcm.ui.schedule.import_dialog.QFileDialog.getOpenFileName", lambda *a: (str(bad), "")
    )
    window.import_action.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    small = dialog.frameGeometry()
    qtbot.waitUntil(lambda: dialog.outcome == "failed", timeout=10_000)
    qtbot.waitUntil(lambda: dialog.frameGeometry().height() > small.height())  # the report made it grow
    placed_well(qtbot, window)
    close_all()


def test_a_box_over_a_window_never_shown_opens_over_the_main_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The regression: Qt centred it on where the hidden parent would be, the top-left of the screen."""
    in_the_middle(window)
    never_shown = QDialog(window)
    box = plain_text.message_box(QMessageBox.Icon.Warning, never_shown, "Import", "Line 3: no such client")
    box.open()
    assert placed_well(qtbot, window) == ["Import"]
    box.done(0)
    lost = plain_text.message_box(QMessageBox.Icon.Warning, None, "Lost", "No parent at all")
    lost.open()
    assert placed_well(qtbot, window) == ["Lost"]
    lost.done(0)


def test_a_user_error_over_a_closed_dialog_goes_to_its_window(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parents: list[QWidget | None] = []
    monkeypatch.setattr(plain_text, "warn", lambda parent, *a, **k: parents.append(parent))
    closed = QDialog(window)
    show_user_error(closed, ValueError("locked"))
    assert parents == [window]
    assert owner_window(None) is window  # a box with no parent at all: over the main window


def test_the_geometry_rules() -> None:
    assert centred(QRect(0, 0, 100, 50), QRect(0, 0, 300, 300)).toTuple() == (100, 125)
    area = QRect(0, 0, 800, 600)
    assert inside(QRect(-40, -30, 200, 100), area).toTuple() == (0, 0)  # the title bar back on screen
    assert inside(QRect(700, 550, 200, 100), area).toTuple() == (600, 500)
    assert inside(QRect(10, 10, 900, 700), area).toTuple() == (0, 0)  # too big: its top-left corner shown
