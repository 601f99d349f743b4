"""The Conflicts panel: scheduled posts that fall while the CM sleeps, travels, is off, or on a holiday.

The range row sits at the top: every future post by default (a repeating post with no end as far as the
schedule lists it), the next 7 days, the next month, or dates of her choice; under it, which posts the check
covered ("Checked 412 posts from today to 14 Mar 2028"). The check runs on the window's task runner (10,000
posts take a moment); acknowledging a conflict ("the network publishes it by itself") hides it, and can be
undone.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from nomadcm.services.travel.conflicts import CheckedPosts, PostConflicts
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import fmt_date, plural, pydate, qdate
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_tooltip
from nomadcm.ui.tasks import Cancelled, Task, TaskRunner
from nomadcm.ui.travel.conflict_dialogs import AcknowledgeDialog
from nomadcm.ui.travel.launch_gaps_panel import LaunchGapsPanel
from nomadcm.ui.travel.table_models import ConflictsModel
from nomadcm.ui.widgets.date_inputs import DateInput

_Dated = TypeVar("_Dated", date, datetime)
RANGE_ALL, RANGE_WEEK, RANGE_MONTH, RANGE_CUSTOM = "all", "week", "month", "custom"
CUSTOM_DAYS = 90  # the dates first offered when she picks her own


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
        self.range_box.currentIndexChanged.connect(self._on_range_kind)
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
        """The range and its status at the top, what was checked, the conflicts (or a word saying there are
        none), the buttons."""
        self.model = ConflictsModel(self)
        self._build_table()
        today = timezones.now_utc().date()
        self.range_box = QComboBox()
        self.range_box.addItem(self.tr("All future posts"), RANGE_ALL)
        self.range_box.addItem(self.tr("Next 7 days"), RANGE_WEEK)
        self.range_box.addItem(self.tr("Next month"), RANGE_MONTH)
        self.range_box.addItem(self.tr("Dates…"), RANGE_CUSTOM)
        self.date_from = self._date_edit(today)
        self.date_to = self._date_edit(today + timedelta(days=CUSTOM_DAYS))
        self.checked_label = QLabel()
        self.checked_label.setStyleSheet("color: palette(mid);")
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
        self.from_label, self.to_label = QLabel(self.tr("Posts from")), QLabel(self.tr("to"))
        top = QHBoxLayout()
        self.range_label = QLabel(self.tr("&Check:"))
        self.range_label.setBuddy(self.range_box)
        top.addWidget(self.range_label)
        top.addWidget(self.range_box)
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to):
            top.addWidget(widget)
            widget.hide()  # "All future posts" first
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
        layout.addWidget(self.checked_label)
        layout.addWidget(self.empty, 1)
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
        """The dates of the "Dates…" choice."""
        return pydate(self.date_from.date()), pydate(self.date_to.date())

    def range_kind(self) -> str:
        return str(self.range_box.currentData())

    def set_range(self, first: date, last: date) -> None:
        """Checks the posts of these dates (the "Dates…" choice)."""
        for edit, value in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)
        if self.range_kind() != RANGE_CUSTOM:
            self.range_box.setCurrentIndex(self.range_box.findData(RANGE_CUSTOM))  # -> reload
        else:
            self.reload()

    def set_range_kind(self, kind: str) -> None:
        self.range_box.setCurrentIndex(self.range_box.findData(kind))

    @Slot()
    def _on_range_kind(self, *_args: object) -> None:
        custom = self.range_kind() == RANGE_CUSTOM
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to):
            widget.setVisible(custom)
        self.reload()

    def _bounds(self) -> tuple[date, date | None, dict[str, object]]:
        """The first and last dates shown to her, and the check's arguments for the chosen range."""
        now = timezones.now_utc()
        today = self.services.your_time().at(now)[1].date()
        kind = self.range_kind()
        if kind == RANGE_WEEK:
            return today, today + timedelta(days=7), {"start": now, "end": now + timedelta(days=7)}
        if kind == RANGE_MONTH:
            end = add_month(now)
            return today, add_month(today), {"start": now, "end": end}
        if kind == RANGE_CUSTOM:
            first, last = self.range()
            return first, last, {"date_from": first, "date_to": last}
        return today, None, {"start": now}  # every future post

    @Slot()
    def reload(self, *_args: object) -> None:
        first, last, bounds = self._bounds()
        if last is not None and last < first:
            self.status.setText(self.tr("The end date is before the start date."))
            self.checked_label.setText("")
            self.model.set_rows([])
            return
        self._generation += 1
        generation = self._generation
        include = self.show_acknowledged.isChecked()
        self.launches.reload(first, last, include)
        self.status.setText(self.tr("Checking…"))
        service = self.services.conflicts
        kind = self.range_kind()

        def work(_report):  # type: ignore[no-untyped-def]
            skipped: list[SkippedRow] = []  # posts the check cannot handle (services/schedule/stored_rows.py)
            checked = CheckedPosts()
            rows = service.check(
                include_acknowledged=include,
                skipped=skipped,
                checked=checked,
                **bounds,  # type: ignore[arg-type]
            )
            return rows, skipped, checked

        def loaded(result: tuple[list[PostConflicts], list[SkippedRow], CheckedPosts]) -> None:
            rows, skipped, checked = result
            self.checked_label.setText(self.checked_text(kind, first, last, checked))
            self._loaded(generation, rows, skipped, checked.count)

        if self._job is not None:
            self._job.cancel()  # not started yet: skipped; already running: it has no report() to stop at
        self._job = self.tasks.run(  # no label: a check nobody looks at any more is not worth a word
            work,
            self,
            on_success=loaded,
            on_failure=lambda err: self._failed(generation, err),
        )

    def checked_text(self, kind: str, first: date, last: date | None, checked: CheckedPosts) -> str:
        """Which posts the check covered, in her words."""
        n = checked.count
        if kind == RANGE_CUSTOM:
            assert last is not None
            if not n:
                return self.tr("No scheduled post from {first} to {last}.").format(
                    first=fmt_date(first), last=fmt_date(last)
                )
            return plural(self.tr("Checked %n post(s) from {first} to {last}.", "", n), n).format(
                first=fmt_date(first), last=fmt_date(last)
            )
        if not n:
            if last is None:
                return self.tr("No scheduled post from today on.")
            return self.tr("No scheduled post from today to {last}.").format(last=fmt_date(last))
        until = last if last is not None else checked.last_day
        assert until is not None
        return plural(self.tr("Checked %n post(s) from today to {last}.", "", n), n).format(
            last=fmt_date(until)
        )

    def _loaded(
        self,
        generation: int,
        rows: list[PostConflicts],
        skipped: Sequence[SkippedRow] = (),
        checked: int = -1,
    ) -> None:
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
        if checked == 0:
            self.empty.setText(self.tr("No scheduled post to check in this range."))
        else:
            self.empty.setText(
                self.tr("No conflicts in these dates: every post goes out while you are awake and working.")
            )
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


def add_month(value: _Dated) -> _Dated:
    """The same day next month (the 31st of January gives the last day of February)."""
    year, month = (value.year + 1, 1) if value.month == 12 else (value.year, value.month + 1)
    return value.replace(year=year, month=month, day=min(value.day, calendar.monthrange(year, month)[1]))
