"""The Hours & pay page: the month view and its warning, hand entries with undo, the contract editor, the
chart, and "Export statement…" (a PDF the page writes on the task runner)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from nomadcm.services.billing.contracts import ContractTerms
from nomadcm.ui.billing.money import fmt_money
from nomadcm.ui.billing.table_models import MonthHoursModel, PiecesModel
from nomadcm.ui.changes import ChangeBus

PARIS = ZoneInfo("Europe/Paris")
MARCH = date(2026, 3, 1)


def paris(*wall: int) -> datetime:
    return datetime(*wall, tzinfo=PARIS).astimezone(UTC)  # type: ignore[misc]


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def boreal(services):  # type: ignore[no-untyped-def]
    client = services.clients.add_client("Atelier <b>Boréal</b>", "America/Toronto")
    terms = ContractTerms("retainer", "CAD", retainer_minor=80000, included_minutes=600)
    services.billing.set_contract(client.id, terms, date(2026, 1, 1))
    for day in range(2, 6):  # 16 h 40
        services.wellbeing.add_screen(
            "laptop", paris(2026, 3, day, 9), paris(2026, 3, day, 13, 10), client_id=client.id, source="timer"
        )
    return client


@pytest.fixture
def page(qtbot, services, bus, task_runner, boreal):  # type: ignore[no-untyped-def]
    from nomadcm.ui.billing.page import HoursPage

    widget = HoursPage(services, bus, task_runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.set_month(MARCH)
    return widget


def test_models_pass_the_model_tester(qtmodeltester, page) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.month_model)
    qtmodeltester.check(page.pieces_model)
    qtmodeltester.check(MonthHoursModel())
    qtmodeltester.check(PiecesModel())


def test_the_month_view_and_its_warning(page) -> None:  # type: ignore[no-untyped-def]
    model = page.month_model
    assert page.month_label.text() == "March 2026"
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts == [
        "Atelier <b>Boréal</b>",
        "16 h 40",
        "10 h 00",
        "6 h 40",
        "CAD\u00a0800.00",
        "CAD\u00a048.00",
        "monthly retainer",
    ]
    assert model.index(0, MonthHoursModel.UNPAID).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.warning.isVisible()
    assert page.warning.text() == "You gave Atelier <b>Boréal</b> 6 h 40 this month."
    assert page.warning.textFormat() == Qt.TextFormat.PlainText
    assert page.pieces_model.rowCount() == 4
    assert page.pieces_model.index(0, PiecesModel.TIME).data() == "09:00–13:10"
    page.step(1)
    assert page.month_label.text() == "April 2026" and not page.warning.isVisible()


def test_money_follows_the_locale_without_floats() -> None:
    from PySide6.QtCore import QLocale

    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert fmt_money(123456, "EUR", french) == "1\u202f234,56\u00a0EUR"
    assert (
        fmt_money(150000, "JPY", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        == "JPY\u00a0150,000"
    )
    assert fmt_money(None, "EUR") == ""


def test_log_work_then_undo(page, qtbot, services, boreal) -> None:  # type: ignore[no-untyped-def]
    dialog = page.log_work()
    dialog.start_edit.set_value(datetime(2026, 3, 10, 14, 0), "Europe/Paris")
    dialog.end_edit.set_value(datetime(2026, 3, 10, 15, 30), "Europe/Paris")
    dialog.note.setText("Atelier stratégie")
    dialog.billable.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    (entry,) = services.billing.list_entries()
    assert (entry.note, entry.billable, entry.client_id) == ("Atelier stratégie", False, boreal.id)
    assert page.month_model.index(0, MonthHoursModel.WORKED).data() == "18 h 10"
    assert page.pieces_model.rowCount() == 5
    page.undo_stack.undo()
    assert services.billing.list_entries() == []
    assert page.month_model.index(0, MonthHoursModel.WORKED).data() == "16 h 40"


def test_a_bad_entry_is_refused_in_the_dialog(page) -> None:  # type: ignore[no-untyped-def]
    dialog = page.log_work()
    dialog.start_edit.set_value(datetime(2026, 3, 10, 15, 0), "Europe/Paris")
    dialog.end_edit.set_value(datetime(2026, 3, 10, 14, 0), "Europe/Paris")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error.text() == "The end must come after the start."
    dialog.end_edit.set_value(datetime(2026, 3, 12, 14, 0), "Europe/Paris")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "more than 24 h" in dialog.error.text()
    dialog.reject()


def test_edit_and_delete_a_hand_entry(page, services, boreal) -> None:  # type: ignore[no-untyped-def]
    services.billing.add_entry(boreal.id, paris(2026, 3, 20, 10), paris(2026, 3, 20, 11), note="Appel")
    page.refresh()
    row = page.pieces_model.find_row(lambda p: p.is_hand)
    page.pieces_table.selectRow(row)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    dialog = page.edit_selected()
    dialog.note.setText("Appel client")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert services.billing.list_entries()[0].note == "Appel client"
    page.pieces_table.selectRow(page.pieces_model.find_row(lambda p: p.is_hand))
    page.delete_selected()
    assert services.billing.list_entries() == []
    page.undo_stack.undo()
    assert services.billing.list_entries()[0].note == "Appel client"


def test_the_contract_editor(page, services, boreal) -> None:  # type: ignore[no-untyped-def]
    dialog = page.edit_contract()
    assert dialog.kind.currentData() == "retainer" and dialog.amount.text() == "800.00"
    assert dialog.included.text() == "10" and dialog.currency.currentText() == "CAD"
    dialog.kind.setCurrentIndex(dialog.kind.findData("hourly"))
    assert dialog.rate.isVisibleTo(dialog) and not dialog.amount.isVisibleTo(dialog)
    dialog.rate.setText("45,505")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "'45,505'" in dialog.error.text()
    dialog.rate.setText("60")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    kinds = [(c.kind, c.start, c.end) for c in services.billing.list_contracts(boreal.id)]
    assert kinds == [("retainer", date(2026, 1, 1), date(2026, 2, 28)), ("hourly", MARCH, None)]
    assert services.billing.client(boreal.id).language == "en"
    assert page.month_model.index(0, MonthHoursModel.EARNED).data() == "CAD\u00a01,000.00"  # 16 h 40 at 60
    assert not page.warning.isVisible()
    page.undo_stack.undo()
    assert len(services.billing.list_contracts(boreal.id)) == 1


def test_the_chart_tab_draws_the_months(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.chart.renderer.pending, timeout=10_000)  # drawn on the task runner
    axes = page.chart.figure.axes[0]
    assert axes.get_title() == "Hours per client: paid and unpaid"
    assert len(axes.get_xticklabels()) == 6
    page.chart_span.setCurrentIndex(page.chart_span.findData(12))
    qtbot.waitUntil(lambda: not page.chart.renderer.pending, timeout=10_000)
    assert len(page.chart.figure.axes[0].get_xticklabels()) == 12
    axes = page.chart.figure.axes[0]
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == ["Atelier <b>Boréal</b>", "paid", "unpaid"]


def test_export_statement_writes_a_pdf(page, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "releve.pdf"
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _parent, _caption, start, _filters: (
            offered.append(start) or (str(target), "PDF document (*.pdf)")
        ),
    )
    written: list[Path] = []
    page.export_statement(on_done=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=10000)
    assert Path(offered[0]).name == "Atelier-b-Boréal-b-2026-03.pdf"  # one safe file name
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "Relevé d’heures" in text and "Heures non payées 6 h 40" in text


def test_the_contract_editor_shows_the_amount_with_the_locale_s_decimal_mark(page, boreal) -> None:  # type: ignore[no-untyped-def]
    """ "800.00" in a French form read as an English number; "800,00" is what she types, and it reads back."""
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        dialog = page.edit_contract()
        assert dialog.amount.text() == "800,00"
    finally:
        QLocale.setDefault(previous)
