"""The file names the GUI offers in "Save as…" are one safe component, whatever the user data they carry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from nomadcm.services.travel.trip_records import StayInput
from nomadcm.services.workplaces.place_checklist import StayRef
from nomadcm.ui.schedule.export_dialog import ExportDialog
from nomadcm.ui.workplaces.checklist import ChecklistPanel, suggested_name

TRAVERSAL = "../../../tmp/x"


def _stay(services) -> StayRef:  # type: ignore[no-untyped-def]
    stay = services.trips.add_stay(StayInput(TRAVERSAL, "Europe/Paris", date(2030, 5, 1), date(2030, 5, 9)))
    return next(r for r in services.workplaces.stays() if r.id == stay.id)


def test_the_checklist_name_stays_in_the_folder(services) -> None:  # type: ignore[no-untyped-def]
    name = suggested_name(_stay(services), ".pdf")
    assert name == "checklist-tmp-x-2030-05-01.pdf"
    assert Path(name).name == name and ".." not in name


def test_the_checklist_panel_offers_that_name(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stay = _stay(services)
    panel = ChecklistPanel(services)
    qtbot.addWidget(panel)
    panel.reload_stays()
    panel.select_stay(stay.id)
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _c, start, _f: offered.append(start) or ("", "")
    )
    panel.export_csv()
    panel.export_html()
    assert offered == ["checklist-tmp-x-2030-05-01.csv", "checklist-tmp-x-2030-05-01.html"]


def test_the_schedule_export_name_carries_a_safe_client_name(qtbot, services, task_runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    client = services.clients.add_client("../../Con:<b>", "Europe/Paris")
    services.clients.add_channel(client.id, "x", "@c")
    dialog = ExportDialog(
        services, task_runner, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(dialog)
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findData(client.id))
    name = dialog.suggested_name()
    assert name.startswith("nomadcm-schedule-con-b-") and name.endswith(".csv")
    assert Path(name).name == name and ".." not in name
