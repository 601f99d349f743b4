"""The "Trip checklists" tab: per stay of the itinerary, the places to try, ticked when visited and tested.

Exports: CSV, a printable HTML page, and a PDF of the same page (QTextDocument + QPdfWriter).
A stay where no known place has WiFi gets a warning here (the `no_wifi` conflict says the same on posts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QPageSize, QPdfWriter, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.exchange.atomic_files import write_bytes_atomically
from nomadcm.exchange.checklist import (
    ChecklistLabels,
    checklist_html,
    export_checklist_csv,
    export_checklist_html,
)
from nomadcm.file_names import safe_filename
from nomadcm.services.container import Services
from nomadcm.services.workplaces.opening_hours import parse_hours
from nomadcm.services.workplaces.place_catalog import PlaceInfo
from nomadcm.services.workplaces.place_checklist import StayRef
from nomadcm.ui import plain_text
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import fmt_date
from nomadcm.ui.hours_text import display_hours
from nomadcm.ui.operations import RunWrite, Write, run_directly
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.save_target import checked_save_path
from nomadcm.ui.workplaces.place_dialog_view import fee_label
from nomadcm.ui.workplaces.reading import ChecklistRead, WorkplacesFirst, read_checklist, upcoming_index
from nomadcm.ui.workplaces.table_models import fmt_mbps, kind_choices
from nomadcm.ui.workplaces.visit_table_models import ChecklistModel

PLACE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def stay_label(stay: StayRef) -> str:
    where = f"{stay.city}, {stay.country}" if stay.country else stay.city
    return QCoreApplication.translate("Workplaces", "{place} ({first} – {last})").format(
        place=where, first=fmt_date(stay.first_date), last=fmt_date(stay.last_date)
    )


def suggested_name(stay: StayRef, suffix: str) -> str:
    """The file name offered for the checklist ("checklist-lisbon-2027-05-01.pdf"), whatever the city holds."""
    city = stay.city.lower().replace(" ", "-")
    return safe_filename(f"checklist-{city}-{stay.first_date.isoformat()}", suffix)


def translated_labels() -> ChecklistLabels:
    return ChecklistLabels(
        title=QCoreApplication.translate("Workplaces", "Places to try in {place}"),
        dates=QCoreApplication.translate("Workplaces", "{first} to {last}"),
        visited=QCoreApplication.translate("Workplaces", "Visited"),
        tested=QCoreApplication.translate("Workplaces", "Tested"),
        place=QCoreApplication.translate("Workplaces", "Place"),
        wifi=QCoreApplication.translate("Workplaces", "WiFi"),
        hours=QCoreApplication.translate("Workplaces", "Opening hours"),
        speed=QCoreApplication.translate("Workplaces", "Median speed"),
        note=QCoreApplication.translate("Workplaces", "Note"),
        empty=QCoreApplication.translate("Workplaces", "No place on this checklist yet."),
        hours_unknown=QCoreApplication.translate("Workplaces", "not known"),
        speed_unit=QCoreApplication.translate("Workplaces", "{down} ↓ / {up} ↑ Mbit/s ({count} tests)"),
        no_test=QCoreApplication.translate("Workplaces", "not tested"),
        generated=QCoreApplication.translate("Workplaces", "Made with NomadCM"),
        kinds=tuple(kind_choices()),
        fees=tuple((f, fee_label(f)) for f in ("free", "customers", "paid")),
        date_format="{}",
        hours_text=checklist_hours,
    )


def checklist_hours(text: str) -> str:
    """A place's hours on the printable page: in words, unless the value is not understood (then as written)."""
    return display_hours(text) if parse_hours(text).error is None else text


class AddPlacesDialog(QDialog):
    """Tick the places to add: those of the stay's city first; "all places" widens the list."""

    def __init__(self, services: Services, stay: StayRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add places to try in {city}").format(city=stay.city))
        self.resize(460, 480)
        self.services = services
        self.stay = stay
        self.items = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.items)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.all_places = QCheckBox(self.tr("Show places in other cities too"))
        self.all_places.toggled.connect(self._fill)
        self.empty = plain_label()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.all_places)
        layout.addWidget(buttons)
        self._fill()

    @Slot()
    def _fill(self) -> None:
        self.items.clear()
        if self.all_places.isChecked():
            listed = {e.place.id for e in self.services.workplaces.checklist(self.stay.id)}
            places = [p for p in self.services.workplaces.list_places() if p.id not in listed]
        else:
            places = self.services.workplaces.checklist_candidates(self.stay.id)
        for p in places:
            self.items.appendRow(self._item(p))
        self.empty.setText(
            ""
            if places
            else self.tr(
                "No other place known in {city}. Add one on the Places tab, or import an OpenStreetMap extract."
            ).format(city=self.stay.city)
        )
        self.empty.setVisible(not places)

    def _item(self, p: PlaceInfo) -> QStandardItem:
        speed = (
            self.tr(", {down} Mbit/s").format(down=fmt_mbps(p.down_mbps)) if p.down_mbps is not None else ""
        )
        star = "★ " if p.favourite else ""
        item = QStandardItem(f"{star}{p.name} — {p.city}{speed}")
        item.setCheckable(True)
        item.setData(p.id, PLACE_ID_ROLE)
        return item

    def chosen_ids(self) -> list[int]:
        return [
            int(self.items.item(r).data(PLACE_ID_ROLE))
            for r in range(self.items.rowCount())
            if self.items.item(r).checkState() == Qt.CheckState.Checked
        ]

    def check_all(self) -> None:
        for r in range(self.items.rowCount()):
            self.items.item(r).setCheckState(Qt.CheckState.Checked)


class ChecklistPanel(QWidget):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        run: RunWrite = run_directly,
        first: WorkplacesFirst | None = None,
    ) -> None:
        """`first`: the stays and the first stay's checklist, already read (ui/workplaces/reading.py)."""
        super().__init__(parent)
        self.services = services
        self.run = run  # writes go through the page's runner (ui/operations.py)
        self.stays: list[StayRef] = []
        self.stay_combo = QComboBox()
        self.stay_combo.setMinimumContentsLength(30)
        self.stay_combo.currentIndexChanged.connect(self._on_stay)
        self.warning = plain_label()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fffaf0; color: #9c4221; padding: 6px; border: 1px solid #fbd38d;"
        )
        self.warning.hide()
        self.model = ChecklistModel(self._write, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChecklistModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.empty = plain_label()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.add_button = QPushButton(self.tr("Add places…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.html_button = QPushButton(self.tr("Printable page…"))
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.add_button.clicked.connect(self.add_places)
        self.remove_button.clicked.connect(self.remove_selected)
        self.csv_button.clicked.connect(self.export_csv)
        self.html_button.clicked.connect(self.export_html)
        self.pdf_button.clicked.connect(self.export_pdf)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stay")))
        top.addWidget(self.stay_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.html_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.reload_stays(first)

    # ------------------------------------------------------------------ data

    def current_stay(self) -> StayRef | None:
        index = self.stay_combo.currentIndex()
        return self.stays[index] if 0 <= index < len(self.stays) else None

    def select_stay(self, stay_id: int) -> None:
        for i, s in enumerate(self.stays):
            if s.id == stay_id:
                self.stay_combo.setCurrentIndex(i)

    @Slot()
    def reload_stays(self, first: WorkplacesFirst | None = None) -> None:
        current = self.current_stay()
        self.stays = first.stays if first is not None else self.services.workplaces.stays()
        self.stay_combo.blockSignals(True)
        self.stay_combo.clear()
        for stay in self.stays:
            self.stay_combo.addItem(stay_label(stay), stay.id)
        index = next((i for i, s in enumerate(self.stays) if current and s.id == current.id), -1)
        if index < 0 and self.stays:
            index = upcoming_index(self.stays)
        self.stay_combo.setCurrentIndex(index)
        self.stay_combo.blockSignals(False)
        self.reload(first.checklist if first is not None else None)

    @Slot()
    def reload(self, read: ChecklistRead | None = None) -> None:
        stay = self.current_stay()
        if stay is not None and (read is None or read.stay_id != stay.id):
            read = read_checklist(self.services, stay.id)
        entries = read.entries if stay is not None and read is not None else []
        self.model.set_entries(entries)
        has_stay = stay is not None
        for w in (self.add_button, self.csv_button, self.html_button, self.pdf_button):
            w.setEnabled(has_stay)
        self.remove_button.setEnabled(bool(entries))
        if not has_stay:
            self.empty.setText(
                self.tr(
                    "No stay in your itinerary yet. Add your stays on the Travel page to prepare a checklist per trip."
                )
            )
        else:
            self.empty.setText(
                self.tr("Nothing to try in {city} yet: “Add places…” lists the ones you know there.").format(
                    city=stay.city
                )
            )
        self.empty.setVisible(not entries)
        self.table.setVisible(bool(entries))
        if stay is not None and read is not None and read.without_wifi:
            self.warning.setText(
                self.tr(
                    "No workplace with WiFi known in {city} yet. Add one, or import an OpenStreetMap extract "
                    "of the city, before you go: posts during this stay are flagged “no WiFi”."
                ).format(city=stay.city)
            )
            self.warning.show()
        else:
            self.warning.hide()

    @Slot()
    def _on_stay(self) -> None:
        self.reload()

    def _write(self, item_id: int, fields: dict[str, Any]) -> bool:
        return self._run(lambda: self.services.workplaces.update_checklist_item_op(item_id, **fields))

    def _run(self, write: Write) -> bool:
        try:
            return self.run(write) is not None
        except UserError as err:
            show_user_error(self, err)
            return False

    # ------------------------------------------------------------------ actions

    @Slot()
    def add_places(self) -> None:
        stay = self.current_stay()
        if stay is None:
            return
        dialog = AddPlacesDialog(self.services, stay, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ids = dialog.chosen_ids()
        if ids and self._run(lambda: self.services.workplaces.add_to_checklist_op(stay.id, ids)):
            self.reload()

    @Slot()
    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.model.entry_at(rows[0].row())
        if self._run(lambda: self.services.workplaces.remove_from_checklist_op(entry.id)):
            self.reload()

    def _target(self, caption: str, suffix: str, filters: str) -> Path | None:
        stay = self.current_stay()
        if stay is None:
            return None
        name, _ = QFileDialog.getSaveFileName(self, caption, suggested_name(stay, suffix), filters)
        if not name:
            return None
        path = Path(name)
        return checked_save_path(self, path if path.suffix else path.with_suffix(suffix))

    @Slot()
    def export_csv(self) -> None:
        path = self._target(self.tr("Export the checklist as CSV"), ".csv", self.tr("CSV files (*.csv)"))
        stay = self.current_stay()
        if path is None or stay is None:
            return
        try:
            export_checklist_csv(stay, self.model.entries(), path)
        except UserError as err:
            show_user_error(self, err)

    @Slot()
    def export_html(self) -> None:
        path = self._target(self.tr("Save a printable page"), ".html", self.tr("Web pages (*.html)"))
        stay = self.current_stay()
        if path is None or stay is None:
            return
        try:
            export_checklist_html(stay, self.model.entries(), path, translated_labels())
        except UserError as err:
            show_user_error(self, err)

    @Slot()
    def export_pdf(self) -> None:
        path = self._target(self.tr("Save the checklist as PDF"), ".pdf", self.tr("PDF files (*.pdf)"))
        stay = self.current_stay()
        if path is None or stay is None:
            return
        document = QTextDocument()
        document.setHtml(checklist_html(stay, self.model.entries(), translated_labels()))
        buffer = QBuffer()  # drawn in memory, then written atomically (exchange/atomic_files.py)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(150)
        writer.setTitle(self.tr("Places to try in {city}").format(city=stay.city))
        document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
        document.print_(writer)
        del writer  # ends the document
        buffer.close()
        try:
            write_bytes_atomically(path, bytes(buffer.data().data()))
        except UserError as err:
            show_user_error(self, err)
            return
        if not path.exists():
            plain_text.warn(self, self.tr("PDF"), self.tr("Could not write {path}.").format(path=str(path)))
