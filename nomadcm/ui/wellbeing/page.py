"""The Wellbeing page: screen time against rest, day by day, with the goals.

Top: the period (week, month, year or custom, with previous/next/today), this week's badges, and the
actions (add, import, export the chart, goals). Left: the chart (daily, weekly trend, rest). Right: the same
numbers as a table, the entries of the period (edit, delete, undo) and the per-app breakdown. The widgets
are built by `page_view.WellbeingPageView`; importing and exporting files is in `file_actions`.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.wellbeing.record_values import RestInfo, ScreenInfo
from nomadcm.services.wellbeing.wellbeing_report import Report, week_first
from nomadcm.ui.changes import CLIENTS, ITINERARY, SETTINGS, WELLBEING, WORKPLACES, ChangeBus, touches
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import first_weekday, fmt_date, pydate, qdate
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.tasks import TaskRunner
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.wellbeing.dialogs import EntryDialog, EntryValues
from nomadcm.ui.wellbeing.file_actions import WellbeingFileActions
from nomadcm.ui.wellbeing.goals_dialog import GoalsDialog
from nomadcm.ui.wellbeing.page_view import RANGES, WellbeingPageView


class WellbeingPage(WellbeingFileActions, WellbeingPageView):
    loaded = Signal()
    badgesChanged = Signal(list)  # translated texts of the goals this week breaks

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.tasks = tasks  # imports run on the window's task runner
        self.undo_stack = QUndoStack(self)
        self.ops = ops or OpRunner(changes, tasks, self.undo_stack, self)  # writes: ui/operations.py
        self.report: Report | None = None
        self.badges: list[str] = []
        self._today = services.wellbeing_reports.today()
        self._anchor = self._today
        self.build()
        self.chart.use_tasks(tasks)  # the chart draws on the task runner, not on the GUI thread
        self._show_private_note()
        self._connect()
        changes.changed.connect(self._on_changed)
        self._on_range_kind()
        QTimer.singleShot(0, self.loaded.emit)  # once the window that created the page could connect

    def _show_private_note(self) -> None:
        """On a team database, once and discreetly: her wellbeing is in her own file, never on the server."""
        path = self.services.personal_file
        if path is not None:
            self.private_note.setText(
                self.tr("Kept in your own file on this computer: {path}").format(path=path)
            )
            self.private_note.setToolTip(
                self.tr(
                    "Screen time, rest and app usage never go to the team database: nobody else sees them."
                )
            )
            self.private_note.show()

    def _connect(self) -> None:
        delete_action = QAction(self)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.entry_table.addAction(delete_action)
        self.entry_table.doubleClicked.connect(self.edit_selected)

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

    # ------------------------------------------------------------------ period

    def week_start(self) -> int:
        """The ISO weekday weeks start on: the setting, else the locale's (Monday in fr_FR, Sunday in fr_CA)."""
        return first_weekday(self.services.settings.get("week_start"))

    def period(self) -> tuple[date, date]:
        kind = self.range_box.currentData()
        a = self._anchor
        if kind == "week":
            first = week_first(a, self.week_start())
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
        index = RANGES.index(kind)
        if self.range_box.currentIndex() != index:
            self.range_box.setCurrentIndex(index)  # -> _on_range_kind, once
        else:
            self._on_range_kind()  # the same kind, another anchor

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
            self.report = self.services.wellbeing_reports.build(first, last, week_start=self.week_start())
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
        self.refresh_badges(self.report)  # just built: this week's badges from it when it is this week

    def refresh_badges(self, report: Report | None = None) -> None:
        counts = self.services.wellbeing_reports.week_badges(
            self._today, week_start=self.week_start(), report=report
        )
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
            label = plain_label(text)
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

    # ------------------------------------------------------------------ entries

    def _selected(self) -> list[ScreenInfo | RestInfo]:
        rows = sorted({i.row() for i in self.entry_table.selectionModel().selectedRows()})
        return [self.entry_model.entry(r).info for r in rows]

    def _update_buttons(self) -> None:
        count = len(self._selected())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)

    def _write(self, write: Callable[[], Change]) -> Change | None:
        """A write through the operation runner, undone on this page's stack; a UserError propagates to the
        entry dialog, which shows it and stays open."""
        return self.ops.run(write, stack=self.undo_stack)

    def add_entry(self, rest: bool = False) -> EntryDialog:
        """Opens the quick-add dialog (non-modal for tests; modal to the user)."""
        dialog = EntryDialog(self.services, self._submit_new, self, rest=rest)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _submit_new(self, v: EntryValues) -> None:
        wellbeing = self.services.wellbeing
        if v.screen:
            self._write(
                lambda: wellbeing.add_screen_op(
                    v.device, v.start, v.end, tz=v.tz, client_id=v.client_id, activity=v.activity, typed=True
                )
            )
        else:
            self._write(
                lambda: wellbeing.add_rest_op(v.kind, v.start, v.end, tz=v.tz, quality=v.quality, note=v.note)
            )

    def edit_selected(self) -> EntryDialog | None:
        selected = self._selected()
        if len(selected) != 1:
            return None
        old = selected[0]

        def submit(v: EntryValues) -> None:
            wellbeing = self.services.wellbeing
            if isinstance(old, ScreenInfo):
                self._write(
                    lambda: wellbeing.update_screen_op(
                        old.id,
                        typed=True,
                        device=v.device,
                        start=v.start,
                        end=v.end,
                        tz=v.tz,
                        client_id=v.client_id,
                        activity=v.activity,
                    )
                )
            else:
                self._write(
                    lambda: wellbeing.update_rest_op(
                        old.id, kind=v.kind, start=v.start, end=v.end, tz=v.tz, quality=v.quality, note=v.note
                    )
                )

        dialog = EntryDialog(self.services, submit, self, entry=old)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        selected = self._selected()
        if not selected:
            return
        screens = [i.id for i in selected if isinstance(i, ScreenInfo)]
        rests = [i.id for i in selected if not isinstance(i, ScreenInfo)]
        if (
            self.ops.run(
                lambda: self.services.wellbeing.delete_entries_op(screens, rests), self, stack=self.undo_stack
            )
            is None
        ):  # deleted meanwhile (another window): show what is there now
            self.changes.notify(WELLBEING)

    def new_item(self) -> None:
        self.add_entry()

    # ------------------------------------------------------------------ goals

    def edit_goals(self) -> GoalsDialog:
        dialog = GoalsDialog(self.services, self, run=lambda write: self.ops.run(write))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
