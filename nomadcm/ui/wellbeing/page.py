"""The Wellbeing page: screen time against rest, day by day, with the goals.

Top: the period (week, month, year or custom, with previous/next/today), this week's badges, and the
actions (add, import, export the chart, goals). Left: the chart (daily, weekly trend, rest). Right: the same
numbers as a table, the entries of the period (edit, delete, undo) and the per-app breakdown.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm import APP_NAME
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.wellbeing.records import RestInfo, ScreenInfo
from nomadcm.services.wellbeing.wellbeing_report import Report, week_first
from nomadcm.ui.changes import CLIENTS, ITINERARY, SETTINGS, WELLBEING, WORKPLACES, ChangeBus, touches
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import fmt_date, pydate, qdate, short_date_format
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.wellbeing.chart import ChartPanel
from nomadcm.ui.wellbeing.dialogs import EntryDialog, EntryValues, GoalsDialog
from nomadcm.ui.wellbeing.imports import (
    WellbeingImportDialog,
    activitywatch_file_job,
    activitywatch_server_job,
    csv_job,
    sleep_android_job,
)
from nomadcm.ui.wellbeing.table_models import AppTableModel, DayTableModel, EntryTableModel
from nomadcm.ui.wellbeing.undo import AddEntryCommand, DeleteEntriesCommand, EditEntryCommand

RANGES = ("week", "month", "year", "custom")
SETTINGS_FOLDER = "wellbeing/folder"


class WellbeingPage(QWidget):
    loaded = Signal()
    badgesChanged = Signal(list)  # translated texts of the goals this week breaks

    def __init__(self, services: Services, changes: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.undo_stack = QUndoStack(self)
        self.report: Report | None = None
        self.badges: list[str] = []
        self._today = services.wellbeing_reports.today()
        self._anchor = self._today

        # --- period
        self.range_box = QComboBox()
        for key, label in zip(
            RANGES, (self.tr("Week"), self.tr("Month"), self.tr("Year"), self.tr("Custom")), strict=True
        ):
            self.range_box.addItem(label, key)
        self.range_box.setAccessibleName(self.tr("Period"))
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next period"))
        self.today_button = QPushButton(self.tr("Today"))
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit, name in ((self.from_edit, self.tr("First day")), (self.to_edit, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(short_date_format())
            edit.setAccessibleName(name)
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-weight: 600;")

        # --- actions
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Log screen time or rest"))
        self.import_button = QPushButton(self.tr("Import"))
        import_menu = QMenu(self.import_button)
        self.import_aw_file = import_menu.addAction(self.tr("ActivityWatch export (JSON)…"))
        self.import_aw_server = import_menu.addAction(self.tr("From the running ActivityWatch…"))
        self.import_saa = import_menu.addAction(self.tr("Sleep as Android (sleep-export.csv)…"))
        self.import_csv = import_menu.addAction(self.tr("CSV: start, end, kind, device…"))
        self.import_button.setMenu(import_menu)
        self.export_button = QPushButton(self.tr("Export chart…"))
        self.goals_button = QPushButton(self.tr("Goals…"))

        top = QHBoxLayout()
        for w in (
            self.range_box,
            self.prev_button,
            self.today_button,
            self.next_button,
            self.from_edit,
            self.to_edit,
            self.period_label,
        ):
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.add_button, self.import_button, self.export_button, self.goals_button):
            top.addWidget(w)

        self.badge_row = QHBoxLayout()
        self.badge_title = QLabel(self.tr("This week:"))
        self.badge_row.addWidget(self.badge_title)
        self.badge_labels: list[QLabel] = []
        self.badge_row.addStretch(1)

        # --- chart and tables
        self.chart = ChartPanel()
        self.day_model = DayTableModel(self)
        self.day_table = self._table(self.day_model)
        self.entry_model = EntryTableModel(self)
        self.entry_table = self._table(self.entry_model)
        self.entry_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.entry_table.doubleClicked.connect(self.edit_selected)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        entry_buttons = QHBoxLayout()
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.edit_button)
        entry_buttons.addWidget(self.delete_button)
        entries = QWidget()
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addWidget(self.entry_table)
        entries_layout.addLayout(entry_buttons)
        self.app_model = AppTableModel(self)
        self.app_table = self._table(self.app_model)
        self.side = QTabWidget()
        self.side.addTab(self.day_table, self.tr("Days"))
        self.side.addTab(entries, self.tr("Entries"))
        self.side.addTab(self.app_table, self.tr("Apps"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.badge_row)
        layout.addWidget(splitter, 1)

        delete_action = QAction(self)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.entry_table.addAction(delete_action)

        self.range_box.currentIndexChanged.connect(self._on_range_kind)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.from_edit.dateChanged.connect(self._on_custom_dates)
        self.to_edit.dateChanged.connect(self._on_custom_dates)
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.import_aw_file.triggered.connect(self.import_activitywatch_file)
        self.import_aw_server.triggered.connect(self.import_activitywatch_server)
        self.import_saa.triggered.connect(self.import_sleep_as_android)
        self.import_csv.triggered.connect(self.import_wellbeing_csv)
        self.export_button.clicked.connect(self.export_chart)
        self.goals_button.clicked.connect(self.edit_goals)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.entry_table.selectionModel().selectionChanged.connect(self._update_buttons)
        changes.changed.connect(self._on_changed)

        self._on_range_kind()
        QTimer.singleShot(0, self.loaded.emit)  # once the window that created the page could connect

    # ------------------------------------------------------------------ period

    def period(self) -> tuple[date, date]:
        kind = self.range_box.currentData()
        a = self._anchor
        if kind == "week":
            first = week_first(a, int(self.services.settings.get("week_start") or 1))
            return first, first + timedelta(days=6)
        if kind == "month":
            return a.replace(day=1), a.replace(day=calendar.monthrange(a.year, a.month)[1])
        if kind == "year":
            return date(a.year, 1, 1), date(a.year, 12, 31)
        first, last = pydate(self.from_edit.date()), pydate(self.to_edit.date())
        return (first, last) if first <= last else (last, first)

    def set_range(self, kind: str, anchor: date | None = None) -> None:
        if anchor is not None:
            self._anchor = anchor
        self.range_box.setCurrentIndex(RANGES.index(kind))
        self._on_range_kind()

    def set_custom(self, first: date, last: date) -> None:
        self.range_box.setCurrentIndex(RANGES.index("custom"))
        self.from_edit.blockSignals(True)
        self.from_edit.setDate(qdate(first))
        self.from_edit.blockSignals(False)
        self.to_edit.setDate(qdate(last))
        self.refresh()

    def step(self, direction: int) -> None:
        kind = self.range_box.currentData()
        a = self._anchor
        if kind == "week":
            self._anchor = a + timedelta(days=7 * direction)
        elif kind == "month":
            month = a.month - 1 + direction
            self._anchor = date(a.year + month // 12, month % 12 + 1, 1)
        elif kind == "year":
            self._anchor = date(a.year + direction, 1, 1)
        else:
            first, last = self.period()
            span = (last - first).days + 1
            self.set_custom(first + timedelta(days=span * direction), last + timedelta(days=span * direction))
            return
        self.refresh()

    def go_today(self) -> None:
        self._today = self.services.wellbeing_reports.today()
        self._anchor = self._today
        if self.range_box.currentData() == "custom":
            self.set_range("week")
        else:
            self.refresh()

    def _on_range_kind(self) -> None:
        custom = self.range_box.currentData() == "custom"
        if custom:
            first, last = self._last_period if hasattr(self, "_last_period") else (self._anchor, self._anchor)
            for edit, value in ((self.from_edit, first), (self.to_edit, last)):
                edit.blockSignals(True)
                edit.setDate(qdate(value))
                edit.blockSignals(False)
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.refresh()

    def _on_custom_dates(self) -> None:
        if self.range_box.currentData() == "custom":
            self.refresh()

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        first, last = self.period()
        self._last_period = (first, last)
        try:
            self.report = self.services.wellbeing_reports.build(first, last)
        except UserError as err:
            show_user_error(self, err)
            return
        self.period_label.setText(f"{fmt_date(first)} – {fmt_date(last)}")
        self.day_model.set_days(self.report.days)
        self.chart.set_report(self.report)
        start, end = self.report.days[0].start, self.report.days[-1].end
        wellbeing = self.services.wellbeing
        self.entry_model.set_entries(
            wellbeing.screens_between(start, end), wellbeing.rests_between(start, end)
        )
        self.app_model.set_totals(wellbeing.app_totals(start, end))
        self._update_buttons()
        self.refresh_badges()

    def refresh_badges(self) -> None:
        counts = self.services.wellbeing_reports.week_badges(self._today)
        self.badges = [texts.badge_text(code, n) for code, n in counts]
        for label in self.badge_labels:
            self.badge_row.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.badge_labels = []
        if not self.badges:
            label = QLabel(self.tr("all goals kept so far"))
            self.badge_labels.append(label)
        for text in self.badges:
            label = QLabel(text)
            label.setStyleSheet(
                "background: #c53030; color: white; border-radius: 8px; padding: 1px 8px; font-weight: 600;"
            )
            self.badge_labels.append(label)
        for i, label in enumerate(self.badge_labels):
            self.badge_row.insertWidget(1 + i, label)
        self.badgesChanged.emit(self.badges)

    def _on_changed(self, areas: object) -> None:
        if touches(areas, WELLBEING, ITINERARY, SETTINGS, WORKPLACES, CLIENTS):
            self.refresh()

    def _table(self, model: object) -> QTableView:
        table = QTableView()
        table.setModel(model)  # type: ignore[arg-type]
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)
        return table

    # ------------------------------------------------------------------ entries

    def _selected(self) -> list[ScreenInfo | RestInfo]:
        rows = sorted({i.row() for i in self.entry_table.selectionModel().selectedRows()})
        return [self.entry_model.entry(r).info for r in rows]

    def _update_buttons(self) -> None:
        count = len(self._selected())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)

    def _error(self, err: UserError) -> None:
        show_user_error(self, err)

    def add_entry(self, rest: bool = False) -> EntryDialog:
        """Opens the quick-add dialog (non-modal for tests; modal to the user)."""
        dialog = EntryDialog(self.services, self._submit_new, self, rest=rest)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _submit_new(self, v: EntryValues) -> None:
        wellbeing = self.services.wellbeing
        if v.screen:
            info: ScreenInfo | RestInfo = wellbeing.add_screen(
                v.device, v.start, v.end, tz=v.tz, client_id=v.client_id, activity=v.activity
            )
        else:
            info = wellbeing.add_rest(v.kind, v.start, v.end, tz=v.tz, quality=v.quality, note=v.note)
        self.undo_stack.push(AddEntryCommand(info, wellbeing, self.changes, self._error))
        self.changes.notify(WELLBEING)

    def edit_selected(self) -> EntryDialog | None:
        selected = self._selected()
        if len(selected) != 1:
            return None
        old = selected[0]

        def submit(v: EntryValues) -> None:
            wellbeing = self.services.wellbeing
            if isinstance(old, ScreenInfo):
                new: ScreenInfo | RestInfo = wellbeing.update_screen(
                    old.id,
                    device=v.device,
                    start=v.start,
                    end=v.end,
                    tz=v.tz,
                    client_id=v.client_id,
                    activity=v.activity,
                )
            else:
                new = wellbeing.update_rest(
                    old.id, kind=v.kind, start=v.start, end=v.end, tz=v.tz, quality=v.quality, note=v.note
                )
            self.undo_stack.push(EditEntryCommand(old, new, wellbeing, self.changes, self._error))
            self.changes.notify(WELLBEING)

        dialog = EntryDialog(self.services, submit, self, entry=old)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        selected = self._selected()
        if not selected:
            return
        wellbeing = self.services.wellbeing
        try:
            for info in selected:
                if isinstance(info, ScreenInfo):
                    wellbeing.delete_screen(info.id)
                else:
                    wellbeing.delete_rest(info.id)
        except UserError as err:  # deleted meanwhile (another window): show what is there now
            show_user_error(self, err)
            self.changes.notify(WELLBEING)
            return
        self.undo_stack.push(DeleteEntriesCommand(selected, wellbeing, self.changes, self._error))
        self.changes.notify(WELLBEING)

    def new_item(self) -> None:
        self.add_entry()

    # ------------------------------------------------------------------ imports, export, goals

    def _ask_file(self, title: str, filters: str) -> Path | None:
        settings = QSettings(APP_NAME, APP_NAME)
        path, _ = QFileDialog.getOpenFileName(
            self, title, str(settings.value(SETTINGS_FOLDER, "") or ""), filters
        )
        if not path:
            return None
        settings.setValue(SETTINGS_FOLDER, str(Path(path).parent))
        return Path(path)

    def _ask_device(self) -> str | None:
        from nomadcm.vocabulary import DEVICES

        names = [texts.device_name(dv) for dv in DEVICES]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("ActivityWatch"),
            self.tr("Which screen does this ActivityWatch track?"),
            names,
            0,
            False,
        )
        return DEVICES[names.index(name)] if ok else None

    def _run_import(self, title: str, work: object) -> WellbeingImportDialog:
        dialog = WellbeingImportDialog(title, work, self.changes, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start()
        return dialog

    def import_activitywatch_file(self) -> WellbeingImportDialog | None:
        path = self._ask_file(
            self.tr("Import an ActivityWatch export"), self.tr("JSON files (*.json);;All files (*)")
        )
        device = self._ask_device() if path else None
        if path is None or device is None:
            return None
        return self._run_import(
            self.tr("Import from ActivityWatch"), activitywatch_file_job(self.services, path, device)
        )

    def import_activitywatch_server(self) -> WellbeingImportDialog | None:
        from nomadcm.exchange.activitywatch import DEFAULT_SERVER

        url, ok = QInputDialog.getText(
            self,
            self.tr("ActivityWatch"),
            self.tr("Address of the running ActivityWatch server:"),
            text=DEFAULT_SERVER,
        )
        device = self._ask_device() if ok and url.strip() else None
        if device is None:
            return None
        return self._run_import(
            self.tr("Import from ActivityWatch"), activitywatch_server_job(self.services, url.strip(), device)
        )

    def import_sleep_as_android(self) -> WellbeingImportDialog | None:
        path = self._ask_file(
            self.tr("Import Sleep as Android nights"), self.tr("CSV files (*.csv);;All files (*)")
        )
        if path is None:
            return None
        return self._run_import(
            self.tr("Import from Sleep as Android"), sleep_android_job(self.services, path)
        )

    def import_wellbeing_csv(self) -> WellbeingImportDialog | None:
        path = self._ask_file(
            self.tr("Import screen time and rest"), self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path is None:
            return None
        return self._run_import(self.tr("Import screen time and rest"), csv_job(self.services, path))

    def export_chart(self) -> Path | None:
        first, last = self.period()
        settings = QSettings(APP_NAME, APP_NAME)
        folder = str(settings.value(SETTINGS_FOLDER, "") or Path.home())
        suggested = str(
            Path(folder) / f"wellbeing-{self.chart.view}-{first.isoformat()}-{last.isoformat()}.png"
        )
        path, selected = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart"), suggested, self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".svg" if "svg" in selected.lower() else ".png")
        try:
            self.chart.export(target)
        except OSError as err:
            show_user_error(
                self,
                UserError(
                    self.tr("Cannot write {path}: {reason}").format(
                        path=str(target), reason=err.strerror or str(err)
                    )
                ),
            )
            return None
        settings.setValue(SETTINGS_FOLDER, str(target.parent))
        return target

    def edit_goals(self) -> GoalsDialog:
        dialog = GoalsDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.changes.notify(SETTINGS, WELLBEING))
        dialog.open()
        return dialog
