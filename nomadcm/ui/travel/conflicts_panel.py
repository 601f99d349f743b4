"""The Conflicts panel: scheduled posts that fall while the CM sleeps, travels, is off, or on a holiday.

The check runs on a worker thread (a long range of a big schedule takes a moment); acknowledging a conflict
("the network publishes it by itself") hides it, and can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.stored_rows import SkippedRow
from nomadcm.services.travel.conflicts import PostConflicts
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import plural, pydate, qdate
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_tooltip
from nomadcm.ui.tasks import Cancelled, Task, TaskRunner
from nomadcm.ui.travel.conflict_dialogs import AcknowledgeDialog
from nomadcm.ui.travel.launch_gaps_panel import LaunchGapsPanel
from nomadcm.ui.travel.table_models import ConflictsModel
from nomadcm.ui.widgets.date_inputs import DateInput

DEFAULT_DAYS = 90


class ConflictsPanel(QWidget):
    showDay = Signal(object)  # date: "show this post's day in the Day view"
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.undo_stack = undo_stack
        self.ops = ops or OpRunner(changes, tasks, undo_stack, self)  # writes: ui/operations.py
        self.tasks = tasks  # the check runs on the window's task runner
        self.dialog: QDialog | None = None
        self._job: Task | None = None
        self._generation = 0
        self._build()
        self.date_from.dateChanged.connect(self.reload)
        self.date_to.dateChanged.connect(self.reload)
        self.show_acknowledged.toggled.connect(self.reload)
        self.ack_button.clicked.connect(self.acknowledge)
        self.unack_button.clicked.connect(self.unacknowledge)
        self.day_button.clicked.connect(self._show_day)
        self.table.doubleClicked.connect(lambda _i: self._show_day())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _build(self) -> None:
        """The date range and its status above, the conflicts (or a word saying there are none), the buttons."""
        self.model = ConflictsModel(self)
        self._build_table()
        today = timezones.now_utc().date()
        self.date_from = self._date_edit(today)
        self.date_to = self._date_edit(today + timedelta(days=DEFAULT_DAYS))
        self.show_acknowledged = QCheckBox(self.tr("Show acknowledged"))
        self.status = QLabel()
        self.ack_button = QPushButton(self.tr("Acknowledge…"))
        self.ack_button.setToolTip(
            self.tr("Mark these conflicts as fine, e.g. when the network publishes by itself")
        )
        self.unack_button = QPushButton(self.tr("Flag again"))
        self.unack_button.setToolTip(self.tr("Remove this post's acknowledgements"))
        self.day_button = QPushButton(self.tr("Show the day"))
        self.empty = QLabel(
            self.tr("No conflicts in these dates: every post goes out while you are awake and working.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); font-size: 12pt;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Posts from")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.date_to)
        top.addWidget(self.show_acknowledged)
        top.addStretch(1)
        top.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.day_button)
        buttons.addWidget(self.unack_button)
        buttons.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.launches = LaunchGapsPanel(self.services, self.ops, self.undo_stack, self)  # clients' launches
        layout.addWidget(self.launches)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(ConflictsModel.COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictsModel.TEXT, QHeaderView.ResizeMode.Stretch)

    def _date_edit(self, value: date) -> DateInput:
        return DateInput(value)

    # ------------------------------------------------------------------ loading

    def range(self) -> tuple[date, date]:
        return pydate(self.date_from.date()), pydate(self.date_to.date())

    def set_range(self, first: date, last: date) -> None:
        for edit, value in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)
        self.reload()

    @Slot()
    def reload(self, *_args: object) -> None:
        first, last = self.range()
        if last < first:
            self.status.setText(self.tr("The end date is before the start date."))
            self.model.set_rows([])
            return
        self._generation += 1
        generation = self._generation
        include = self.show_acknowledged.isChecked()
        self.launches.reload(first, last, include)
        self.status.setText(self.tr("Checking…"))
        service = self.services.conflicts

        def work(_report):  # type: ignore[no-untyped-def]
            skipped: list[SkippedRow] = []  # posts the check cannot handle (services/schedule/stored_rows.py)
            return service.check(first, last, include_acknowledged=include, skipped=skipped), skipped

        if self._job is not None:
            self._job.cancel()  # not started yet: skipped; already running: it has no report() to stop at
        self._job = self.tasks.run(  # no label: a check nobody looks at any more is not worth a word
            work,
            self,
            on_success=lambda result: self._loaded(generation, *result),
            on_failure=lambda err: self._failed(generation, err),
        )

    def _loaded(self, generation: int, rows: list[PostConflicts], skipped: Sequence[SkippedRow] = ()) -> None:
        if generation != self._generation:
            return  # a newer check is running
        selected = self.current()
        self.model.set_rows(rows)
        if selected is not None:
            row = self.model.row_of(selected.post_id, selected.utc)
            if row is not None:
                self.table.selectRow(row)
        active = sum(1 for r in rows if r.kinds)
        status = plural(self.tr("%n post(s) with conflicts", "", active), active) if rows else ""
        if skipped:  # stored by an older NomadCM: left out of the check rather than stopping it
            left_out = plural(self.tr("%n post(s) could not be checked", "", len(skipped)), len(skipped))
            status = f"{status} · {left_out}" if status else left_out
        self.status.setText(status)
        self.status.setToolTip(plain_tooltip("\n".join(str(s) for s in skipped)) if skipped else "")
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self.status.setText("")
        if isinstance(err, Cancelled):  # the window is closing
            return
        if isinstance(err, UserError):
            show_user_error(self, err)
        else:
            raise err

    def is_busy(self) -> bool:
        return self._job is not None and not self._job.done

    # ------------------------------------------------------------------ actions

    def current(self) -> PostConflicts | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        c = self.current()
        self.ack_button.setEnabled(c is not None and bool(c.kinds))
        self.unack_button.setEnabled(c is not None and bool(c.acknowledged))
        self.day_button.setEnabled(c is not None)

    @Slot()
    def acknowledge(self) -> None:
        c = self.current()
        if c is None or not c.kinds:
            return
        dialog = AcknowledgeDialog(c, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._acknowledge(c, dialog.kinds(), dialog.note.text()))
        dialog.open()

    def _acknowledge(self, c: PostConflicts, kinds: list[str], note: str) -> None:
        self.ops.run(
            lambda: self.services.conflicts.acknowledge_op(c.post_id, kinds, note),
            self,
            stack=self.undo_stack,
        )

    @Slot()
    def unacknowledge(self) -> None:
        c = self.current()
        if c is None or not c.acknowledged:
            return
        kinds = list(c.acknowledged)
        self.ops.run(
            lambda: self.services.conflicts.unacknowledge_op(c.post_id, kinds), self, stack=self.undo_stack
        )

    @Slot()
    def _show_day(self) -> None:
        c = self.current()
        if c is not None:
            self.showDay.emit(c.cm_wall.date())
