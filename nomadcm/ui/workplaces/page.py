"""The Workplaces page: her places with measured WiFi, filters, and a checklist per trip.

Two tabs. "Places": a table (model/view over the service's catalog) with the filters of `place list`:
search, city, kind, minimum download (slider), open now or at a chosen time of each place's own clock
(open only, or open or unknown: unknown is never counted as open), power and quiet at least N, favourites. "Trip checklists": per stay, the places to try.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.workplaces.place_catalog import PlaceCatalog
from nomadcm.services.workplaces.place_filter import PlaceFilter
from nomadcm.ui import plain_text
from nomadcm.ui.changes import ITINERARY, WORKPLACES, ChangeBus, touches
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.operations import OpRunner, Write
from nomadcm.ui.tasks import Cancelled, Task, TaskRunner, report_unexpected
from nomadcm.ui.widgets.save_target import checked_save_path
from nomadcm.ui.workplaces.checklist import ChecklistPanel, stay_label
from nomadcm.ui.workplaces.dialogs import SpeedTestDialog, WorkedHereDialog
from nomadcm.ui.workplaces.page_view import OPEN_AT, OPEN_NOW, SLIDER_STEP, WorkplacesPageView
from nomadcm.ui.workplaces.place_dialog import PlaceDialog
from nomadcm.ui.workplaces.reading import WorkplacesFirst
from nomadcm.ui.workplaces.table_models import PlacesModel


class WorkplacesPage(WorkplacesPageView):
    loaded = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        preloaded: WorkplacesFirst | None = None,
    ) -> None:
        """`preloaded`: the catalogue and the first checklist, read off the GUI thread (reading.read_first)."""
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.tasks = tasks  # imports run on the window's task runner
        self.undo_stack = QUndoStack(self)
        self.ops = ops or OpRunner(changes, tasks, self.undo_stack, self)  # writes: ui/operations.py
        self.build(
            PlacesModel(services.workplaces.catalog, self),
            ChecklistPanel(services, run=self._run_in_dialog, first=preloaded),
        )
        self._connect()
        self.job: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self._minute)
        self.timer.start()
        changes.changed.connect(self._on_changes)
        self.reload(preloaded.catalog if preloaded is not None else None)
        QTimer.singleShot(0, self.loaded.emit)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.test_button.clicked.connect(self.add_speed_test)
        self.worked_button.clicked.connect(self.worked_here)
        self.checklist_button.clicked.connect(self.add_to_trip)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.cancel_button.clicked.connect(self._cancel_job)
        for signal in (
            self.search.textChanged,
            self.city.currentIndexChanged,
            self.kind.currentIndexChanged,
            self.favourites.toggled,
            self.min_down.valueChanged,
            self.min_power.valueChanged,
            self.min_quiet.valueChanged,
            self.open_mode.currentIndexChanged,
            self.open_at.dateTimeChanged,
            self.open_states.currentIndexChanged,
        ):
            signal.connect(self.apply_filters)

    # ------------------------------------------------------------------ page API

    @Slot()
    def new_item(self) -> None:
        dialog = PlaceDialog(self.services, None, self, run=self._run_in_dialog)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.select_place(dialog.saved_id)

    # ------------------------------------------------------------------ data

    def reload(self, catalog: PlaceCatalog | None = None) -> None:
        selected = self.selected_place()
        self.model.reload(catalog)
        self._fill_cities()
        self.apply_filters()
        if selected is not None:
            self.select_place(selected.id)
        self._update_buttons()

    def _fill_cities(self) -> None:
        current = self.city.currentData()
        self.city.blockSignals(True)
        self.city.clear()
        self.city.addItem(self.tr("All cities"), "")
        for name in self.model.catalog().cities():
            self.city.addItem(name, name)
        index = self.city.findData(current) if current else 0
        self.city.setCurrentIndex(max(index, 0))
        self.city.blockSignals(False)

    def current_filter(self) -> PlaceFilter:
        mode = self.open_mode.currentData()
        self.open_at.setEnabled(mode == OPEN_AT)
        self.open_states.setEnabled(mode in (OPEN_NOW, OPEN_AT))
        open_at: datetime | None = None
        if mode == OPEN_NOW:
            open_at = timezones.now_utc()
        elif mode == OPEN_AT:
            value = self.open_at.dateTime()
            d, t = value.date(), value.time()
            open_at = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())  # each place's wall time
        mbps = self.min_down.value() * SLIDER_STEP
        return PlaceFilter(
            text=self.search.text(),
            city=self.city.currentData() or "",
            kind=self.kind.currentData() or "",
            min_down=float(mbps) if mbps else None,
            open_at=open_at,
            min_power=self.min_power.value() or None,
            min_quiet=self.min_quiet.value() or None,
            favourites=self.favourites.isChecked(),
            include_unknown=open_at is not None and bool(self.open_states.currentData()),
        )

    @Slot()
    def apply_filters(self) -> None:
        self.show_min_down(self.min_down.value() * SLIDER_STEP)
        flt = self.current_filter()
        selected = self.selected_place()
        self.model.set_place_filter(flt)
        if selected is not None:
            self.select_place(selected.id)
        self.show_counts(self.model.rowCount(), self.model.total())
        self.clear_button.setEnabled(flt.active)
        self._update_buttons()

    @Slot()
    def clear_filters(self) -> None:
        widgets = (
            self.search,
            self.city,
            self.kind,
            self.favourites,
            self.min_down,
            self.min_power,
            self.min_quiet,
            self.open_mode,
            self.open_states,
        )
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.city.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.favourites.setChecked(False)
        self.min_down.setValue(0)
        self.min_power.setValue(0)
        self.min_quiet.setValue(0)
        self.open_mode.setCurrentIndex(0)
        self.open_states.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)
        self.apply_filters()

    @Slot(object)
    def _on_changes(self, changed: object) -> None:
        if touches(changed, WORKPLACES):
            self.reload()
            self.checklist.reload()
        if touches(changed, ITINERARY):
            self.checklist.reload_stays()

    def _write(self, write: Write) -> Change | None:
        """A write of the page's own buttons: through the runner (one undo command, one announcement)."""
        return self.ops.run(write, self, stack=self.undo_stack)

    def _run_in_dialog(self, write: Write) -> Change | None:
        """A dialog's or the checklist's write: a UserError reaches the caller, which shows it."""
        return self.ops.run(write, stack=self.undo_stack)

    @Slot()
    def _minute(self) -> None:
        self.model.refresh_now()
        if self.open_mode.currentData() == OPEN_NOW:
            self.apply_filters()

    # ------------------------------------------------------------------ actions on a place

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        self.edit_selected()

    @Slot()
    def edit_selected(self) -> None:
        place = self.selected_place()
        if place is None:
            return
        dialog = PlaceDialog(self.services, place, self, run=self._run_in_dialog)
        dialog.exec()

    @Slot()
    def delete_selected(self) -> None:
        place = self.selected_place()
        if place is None:
            return
        details = self.tr("%n speed test(s)", "", place.tests) if place.tests else ""
        text = self.tr("Delete {name}?").format(name=place.name)
        if details:
            text += " " + self.tr("Its {details} and checklist entries go with it.").format(details=details)
        answer = plain_text.ask(self, self.tr("Delete place"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._write(lambda: self.services.workplaces.delete_place_op(place.id))

    @Slot()
    def add_speed_test(self) -> None:
        place = self.selected_place()
        if place is None:
            return
        SpeedTestDialog(self.services, place, self, run=self._run_in_dialog).exec()

    @Slot()
    def worked_here(self) -> None:
        place = self.selected_place()
        if place is None:
            return
        WorkedHereDialog(self.services, place, self, run=self._run_in_dialog).exec()

    @Slot()
    def add_to_trip(self) -> None:
        place = self.selected_place()
        if place is None:
            return
        stays = self.services.workplaces.stays()
        if not stays:
            plain_text.inform(
                self,
                self.tr("Add to a trip"),
                self.tr("No stay in your itinerary yet: add your stays on the Travel page first."),
            )
            return
        from nomadcm.services.workplaces.place_checklist import place_in_stay

        labels = [stay_label(s) for s in stays]
        preferred = next((i for i, s in enumerate(stays) if place_in_stay(place, s)), 0)
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Add to a trip"),
            plain_text.as_markup(self.tr("Try {name} during:").format(name=place.name)),
            labels,
            preferred,
            False,
        )
        if not ok or label not in labels:
            return
        stay = stays[labels.index(label)]
        if self._write(lambda: self.services.workplaces.add_to_checklist_op(stay.id, [place.id])) is None:
            return
        self.checklist.select_stay(stay.id)
        self.status_message.emit(
            self.tr("{name} added to the checklist of {stay}").format(name=place.name, stay=label)
        )

    # ------------------------------------------------------------------ files

    @Slot()
    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import places"),
            "",
            self.tr(
                "Places (*.geojson *.json *.csv);;GeoJSON (*.geojson *.json);;CSV (*.csv);;All files (*)"
            ),
        )
        if not name:
            return
        from nomadcm.exchange.places_io import import_places_op

        db = self.services.db
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.import_button.setEnabled(False)
        self.job = self.ops.run_in_background(  # one undoable step (Edit > Undo)
            lambda report: import_places_op(db, name, report),
            self,
            stack=self.undo_stack,
            on_progress=self._on_progress,
            on_success=self._on_imported,
            on_failure=self._on_import_failed,
            label=self.tr("Import of {name}").format(name=Path(name).name),
            summary=lambda report: report.summary(),
        )

    def job_running(self) -> bool:
        """True until the import's outcome has been delivered."""
        return self.job is not None and not self.job.done

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_job(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.import_button.setEnabled(True)

    @Slot()
    def _cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_imported(self, report: object) -> None:
        self._end_job()
        text = report.summary()  # type: ignore[attr-defined]
        warnings = list(report.warnings)  # type: ignore[attr-defined]
        if warnings:
            shown = "\n".join(f"• {w}" for w in warnings[:8])
            more = self.tr("\n… and {n} more").format(n=len(warnings) - 8) if len(warnings) > 8 else ""
            text += "\n\n" + self.tr("To check:") + "\n" + shown + more
        plain_text.inform(self, self.tr("Import places"), text)

    def _on_import_failed(self, err: BaseException) -> None:
        self._end_job()
        if isinstance(err, Cancelled):
            self.status_message.emit(self.tr("Import cancelled: nothing was imported"))
            return
        if isinstance(err, ImportFailed):
            lines = [str(e) for e in err.errors[:15]]
            more = self.tr("\n… and {n} more").format(n=len(err.errors) - 15) if len(err.errors) > 15 else ""
            plain_text.warn(
                self,
                self.tr("Import places"),
                self.tr("Nothing was imported: {n} record(s) need fixing.").format(n=len(err.errors))
                + "\n\n"
                + "\n".join(lines)
                + more,
            )
            return
        if isinstance(err, UserError):
            show_user_error(self, err)
            return
        report_unexpected(err)

    @Slot()
    def export_file(self) -> None:
        ids = [self.model.place_at(r).id for r in range(self.model.rowCount())]
        if not ids:
            return
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export %n place(s)", "", len(ids)),
            "workplaces.geojson",
            self.tr("GeoJSON (*.geojson);;CSV (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".geojson")
        if checked_save_path(self, path) is None:  # never the database, a folder, a read-only file...
            return
        answer = plain_text.ask(
            self,
            self.tr("WiFi passwords"),
            self.tr("Include the WiFi passwords in the file? Anyone who gets the file can read them."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        from nomadcm.exchange.places_io import export_places

        try:
            count = export_places(
                self.services.db, path, with_passwords=answer == QMessageBox.StandardButton.Yes, place_ids=ids
            )
        except UserError as err:
            show_user_error(self, err)
            return
        self.status_message.emit(self.tr("%n place(s) written to {path}", "", count).format(path=str(path)))
