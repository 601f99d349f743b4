"""File > Export schedule…: one dialog for every format. Before writing it says how many rows the format
takes and which posts its rules drop and why, and how far a repeating post with no end is listed; then it
writes the file (read back with csv and the icalendar library) and says where."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime

import icalendar
from PySide6.QtCore import QDate

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.schedule.export_dialog import ExportDialog


def _posts(services, paris_client) -> None:  # type: ignore[no-untyped-def]
    x = next(c.id for c in services.clients.list_channels(paris_client.id) if c.network == "x")
    services.posts.add(PostDraft(x, "Promo", datetime(2030, 3, 4, 9, 2)))  # Hootsuite: rounded to 09:00
    services.posts.add(PostDraft(x, "Promo", datetime(2030, 3, 5, 9, 0)))  # the same text: refused
    services.posts.add(PostDraft(x, "Brouillon", datetime(2030, 3, 6, 9, 0), status="draft"))  # not scheduled
    services.posts.add(PostDraft(x, "Conseil du lundi", datetime(2030, 3, 4, 10, 0), rrule="FREQ=WEEKLY"))


def _dialog(window, fmt: str) -> ExportDialog:  # type: ignore[no-untyped-def]
    window.export_action.trigger()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    return dialog


def test_every_format_is_offered(window) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(window, "native")
    formats = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert formats == ["native", "excel", "hootsuite", "sprout", "publer", "ics"]
    assert not dialog.zone_picker.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("hootsuite"))
    assert dialog.zone_picker.isVisible() and dialog.date_style.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("publer"))
    assert dialog.zone_picker.isVisible() and not dialog.date_style.isVisible()


def test_hootsuite_says_what_it_drops_before_writing_then_writes_and_says_where(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _posts(services, paris_client)
    dialog = _dialog(window, "hootsuite")
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findText("Boulangerie Dupont"))
    assert dialog.zone_picker.zone() == "Europe/Paris"  # the client's audience zone is offered
    dialog.from_check.setChecked(True)
    dialog.from_edit.setDate(QDate(2030, 3, 1))
    dialog.to_check.setChecked(True)
    dialog.to_edit.setDate(QDate(2030, 3, 31))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    # Promo and the series' first Monday; Hootsuite refuses the same text twice (the second Promo, the
    # series' 3 other Mondays); the draft is not ready, so not listed.
    assert dialog.count_label.text() == "2 scheduled posts will be written."
    dropped = dialog.dropped_label.text()
    assert dialog.dropped_label.isVisible()
    assert dropped.startswith("4 posts left out, refused by Hootsuite:\n")
    assert (
        "at Tue 5 Mar 2030 09:00: the same text is already in the file (Hootsuite refuses duplicates)"
        in dropped
    )
    assert "1 post moved to the tool's time step:" in dropped and "moved to 09:00" in dropped
    assert dialog.endless_label.text() == (
        "“Conseil du lundi” repeats with no end: listed until 31/03/2030 (set an end date to list more)."
    )
    assert not (tmp_path / "hoot.csv").exists()  # nothing written yet

    target = tmp_path / "hoot.csv"
    monkeypatch.setattr(
        "nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName", lambda *a: (str(target), "")
    )
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written_to is not None, timeout=10_000)
    rows = list(csv.reader(target.open(encoding="utf-8", newline="")))
    assert [r[1] for r in rows] == ["Promo", "Conseil du lundi"]
    assert rows[0][0] == "04/03/2030 09:00"
    assert dialog.result_box.text() == f"Exported 2 posts to {target}"
    assert "refused by Hootsuite" in dialog.result_box.informativeText()
    dialog.result_box.accept()


def test_ics_writes_a_series_as_one_repeating_event(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _posts(services, paris_client)
    dialog = _dialog(window, "ics")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert dialog.count_label.text().startswith("4 events will be written")
    assert "calendars show it for ever" in dialog.endless_label.text()
    target = tmp_path / "planning"
    monkeypatch.setattr(
        "nomadcm.ui.schedule.export_dialog.QFileDialog.getSaveFileName", lambda *a: (str(target), "")
    )
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written_to is not None, timeout=10_000)
    written = target.with_suffix(".ics")
    assert dialog.written_to == written
    cal = icalendar.Calendar.from_ical(written.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 4 and sum(1 for e in events if e.get("RRULE")) == 1
    assert dialog.result_box.text() == f"Exported 4 events to {written}"
    dialog.result_box.accept()


def test_native_csv_lists_a_forever_series_a_year_ahead(window, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    _posts(services, paris_client)
    dialog = _dialog(window, "native")
    assert dialog.plan is None and dialog.count_label.text().endswith("will be exported.")
    text = dialog.endless_label.text()
    assert text.startswith("“Conseil du lundi” repeats with no end: listed until ")
    listed = datetime.strptime(text.split("listed until ")[1][:10], "%d/%m/%Y").date()
    assert listed == date(2031, 3, 5)  # 366 days after its first occurrence: the listing's horizon


def test_the_rows_a_tool_drops_are_told_in_french(services, paris_client, qapp) -> None:  # type: ignore[no-untyped-def]
    """The reasons come from the exchange in English (for the CLI); the dialog says them in its language."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from nomadcm.exchange.export_formats import ExportRequest, plan_export
    from nomadcm.ui.i18n import Translations
    from nomadcm.ui.schedule.export_texts import dropped_text

    _posts(services, paris_client)
    request = ExportRequest(
        "hootsuite", client_id=paris_client.id, date_from=date(2030, 3, 1), date_to=date(2030, 3, 31)
    )
    plan = plan_export(services.db, request, now=datetime(2026, 12, 3, tzinfo=UTC))
    previous = QLocale()
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    try:
        assert translations.apply("fr") == "fr"
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        text = dropped_text(plan)
    finally:
        translations.remove()
        QLocale.setDefault(previous)
    assert (
        "du mar. 5 mars 2030 09:00\u00a0: le même texte est déjà dans le fichier (Hootsuite refuse les doublons)"
        in text
    )
    assert "déplacée à 09:00 (Hootsuite fonctionne par pas de 5 minutes)" in text
    assert "refuse" in text and "the same text" not in text and "moved to" not in text
