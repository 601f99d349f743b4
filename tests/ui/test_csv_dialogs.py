"""File > Export schedule as CSV… and File > Import schedule from CSV… (file dialogs monkeypatched)."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate

from nomadcm.exchange.csv_native import COLUMNS
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.schedule.export_dialog import ExportDialog
from nomadcm.ui.schedule.import_dialog import ImportDialog


def _posts(services, paris_client):  # type: ignore[no-untyped-def]
    x = next(c.id for c in services.clients.list_channels(paris_client.id) if c.network == "x")
    services.posts.add(PostDraft(x, "=SUM(A1) en promo", datetime(2030, 3, 30, 9, 0)))
    services.posts.add(PostDraft(x, "Pâques, jour J", datetime(2030, 3, 31, 9, 0)))
    services.posts.add(PostDraft(x, "Juin", datetime(2030, 6, 1, 9, 0)))
    other = services.clients.add_client("Surf Shop", "Australia/Sydney")
    surf = services.clients.add_channel(other.id, "instagram").id
    services.posts.add(PostDraft(surf, "Waves", datetime(2030, 3, 31, 7, 0)))


def _export_dialog(window) -> ExportDialog:  # type: ignore[no-untyped-def]
    window.export_action.trigger()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    return dialog


def test_export_writes_the_chosen_client_and_dates_and_says_where(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
):
    _posts(services, paris_client)
    target = tmp_path / "out" / "planning.csv"
    target.parent.mkdir()
    asked = []

    def save_name(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(target), "CSV files (*.csv)"

    monkeypatch.setattr("nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName", save_name)
    dialog = _export_dialog(window)
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findText("Boulangerie Dupont"))
    dialog.from_check.setChecked(True)
    dialog.from_edit.setDate(QDate(2030, 3, 1))
    dialog.to_check.setChecked(True)
    dialog.to_edit.setDate(QDate(2030, 3, 31))
    assert dialog.count_label.text().startswith("2 post")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written_to is not None, timeout=10_000)

    assert asked[0].endswith(".csv") and "boulangerie-dupont" in asked[0]
    assert f"Exported 2 posts to {target}" in dialog.result_box.text()
    assert str(target) in window.statusBar().currentMessage()
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS
    assert [r[9] for r in rows[1:]] == ["'=SUM(A1) en promo", "Pâques, jour J"]
    assert [r[6] for r in rows[1:]] == ["2030-03-30T08:00:00Z", "2030-03-31T07:00:00Z"]
    assert [(r[7], r[8]) for r in rows[1:]] == [
        ("America/Toronto", "2030-03-30 04:00"),
        ("America/Toronto", "2030-03-31 03:00"),
    ]
    dialog.result_box.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_export_for_french_excel_uses_bom_and_semicolons(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
):
    _posts(services, paris_client)
    target = tmp_path / "excel.csv"
    monkeypatch.setattr(
        "nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName", lambda *a: (str(target), "")
    )
    dialog = _export_dialog(window)
    dialog.excel_check.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written_to is not None, timeout=10_000)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0] == ";".join(COLUMNS)
    assert len(raw.decode("utf-8-sig").splitlines()) == 5
    dialog.result_box.accept()
    assert window.settings.value("export/excel") == "true"  # remembered for next time


def test_export_to_a_folder_that_cannot_be_written_says_so_and_writes_nothing(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
):
    _posts(services, paris_client)
    target = tmp_path / "missing-folder" / "out.csv"
    monkeypatch.setattr(
        "nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName", lambda *a: (str(target), "")
    )
    dialog = _export_dialog(window)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "does not exist" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not target.parent.exists()


def test_cancelled_file_choice_exports_nothing(window, services, paris_client, monkeypatch, tmp_path):
    monkeypatch.setattr("nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName", lambda *a: ("", ""))
    dialog = _export_dialog(window)
    dialog.export_button.click()
    assert dialog.job is None and dialog.written_to is None and dialog.isVisible()


HEADER = ",".join(COLUMNS)


def _import(window, monkeypatch, qtbot, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        "nomadcm.ui.schedule.import_dialog.QFileDialog.getOpenFileName", lambda *a: (str(path), "")
    )
    window.import_action.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=10_000)
    return dialog


def test_import_with_bad_rows_shows_the_report_and_imports_nothing(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "\n"
        + ",Boulangerie Dupont,x,scheduled,Europe/Paris,2030-05-01 09:00,,,,Bon,,\n"
        + ",Inconnu,x,scheduled,Europe/Paris,2030-05-01 09:00,,,,Qui ?,,\n"
        + ",Boulangerie Dupont,x,scheduled,Europe/Paris,2030-03-31 02:30,,,,Trou,,\n"
        + ",Boulangerie Dupont,myspace,scheduled,Europe/Paris,2030-05-01 10:00,,,,Vieux,,\n",
        encoding="utf-8",
    )
    dialog = _import(window, monkeypatch, qtbot, bad)
    assert dialog.outcome == "failed"
    report = dialog.report.toPlainText().splitlines()
    assert [line.split(":")[0] for line in report] == ["line 3", "line 4", "line 5"]
    assert "Inconnu" in report[0]
    assert "does not exist in Europe/Paris" in report[1]
    assert "myspace" in report[2]
    assert dialog.title.text() == "Nothing was imported from bad.csv."
    assert "3 rows have problems" in dialog.message.text()
    assert dialog.copy_button.isVisible()
    assert services.schedule().count() == 0


def test_import_of_a_good_file_fills_the_schedule(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
):
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER
        + "\n"
        + ",Boulangerie Dupont,x,scheduled,Europe/Paris,2030-05-01 09:00,,,,Bon,,\n"
        + ",Boulangerie Dupont,tiktok:@dupont,draft,Europe/Paris,2030-05-02 18:30,,,,Nouveau,,promo\n",
        encoding="utf-8",
    )
    schedule = window.page("schedule")
    dialog = _import(window, monkeypatch, qtbot, good)
    assert dialog.outcome == "imported"
    assert dialog.title.text().startswith("Imported 2 post")
    assert "tiktok:@dupont" in dialog.message.text()  # the channel it had to create
    assert services.schedule().count() == 2
    assert schedule.model.rowCount() == 2
    clients_page = window.page("clients")
    assert clients_page.channels_model.rowCount() == 3


def test_unreadable_import_file_is_reported(window, services, paris_client, qtbot, tmp_path, monkeypatch):
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(
        (HEADER + "\n,Boulangerie Dupont,x,,Europe/Paris,2030-05-01 09:00,,,,Café,,\n").encode("latin-1")
    )
    dialog = _import(window, monkeypatch, qtbot, latin1)
    assert dialog.outcome == "failed"
    assert "UTF-8" in dialog.message.text()
    assert services.schedule().count() == 0
