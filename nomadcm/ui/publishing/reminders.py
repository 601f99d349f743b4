"""Due-post reminders while the app runs: a QObject scheduler with an injectable clock, and the popup.

`ReminderScheduler` decides nothing itself (services/reminders.py does); it owns the clock and a timer:
- `start()` reports the posts missed while the app was closed (`missedFound`), then checks every time
  something can become due (at most a minute apart, so a laptop waking up catches up);
- `remindersDue` carries new reminders; `mark_published`, `snooze`, `dismiss` record what the user chose.
Given the window's task runner, the scheduler reads (what was missed, what is due, when to look next) on its
thread: the GUI thread only emits and arms the timer.

The tray (desktop helper) connects to the same signals; `ReminderPopup` is the window this module offers:
the text ready to copy, "Mark published", "Snooze", "Dismiss". Nothing is sent anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.publishing.reminders import Reminder
from nomadcm.ui.changes import POSTS, SETTINGS, ChangeBus, touches
from nomadcm.ui.formatting import fmt_datetime, fmt_time
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.tasks import Cancelled, TaskRunner, report_unexpected

Clock = Callable[[], datetime]
MAX_SLEEP_MS = 60_000
SNOOZE_MINUTES = 10


class ReminderScheduler(QObject):
    remindersDue = Signal(list)  # list[Reminder], new ones
    missedFound = Signal(list)  # list[Reminder], at start
    failed = Signal(str)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus | None = None,
        clock: Clock = timezones.now_utc,
        parent: QObject | None = None,
        *,
        ops: OpRunner | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.clock = clock
        self._tasks = tasks
        self._checking = False  # a check is running on the task runner
        # The window's runner; "Mark published" from a reminder is announced through it, not undoable: the
        # popup belongs to no page (the Schedule or Calendar page sets the status back).
        self.ops = ops or (OpRunner(changes, parent=self) if changes is not None else None)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        if changes is not None:
            changes.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ API

    def start(self) -> list[Reminder]:
        """Reports missed posts, shows what is due now, and arms the timer. Returns the missed ones (with a
        task runner: [], and `missedFound` says them once read)."""
        if self._tasks is not None:
            self._check_in_background(with_missed=True)
            return []
        missed: list[Reminder] = []
        try:
            if self.services.reminders.enabled():
                missed = self.services.reminders.missed(self.clock())
        except UserError as err:
            self.failed.emit(str(err))
        if missed:
            self.missedFound.emit(missed)
        self.check()
        return missed

    def stop(self) -> None:
        self.timer.stop()

    @Slot()
    def check(self) -> list[Reminder]:
        """Emits the reminders due now (each once) and re-arms the timer for the next one. With a task runner
        the reading is done there: returns [] and `remindersDue` follows."""
        if self._tasks is not None:
            self._check_in_background(with_missed=False)
            return []
        now = self.clock()
        due: list[Reminder] = []
        try:
            if self.services.reminders.enabled():
                due = self.services.reminders.due(now)
                self.services.reminders.mark_notified(due, now)
        except UserError as err:
            self.failed.emit(str(err))
        if due:
            self.remindersDue.emit(due)
        self._arm(now)
        return due

    def mark_published(self, reminder: Reminder) -> None:
        reminders = self.services.reminders

        def write() -> Change:
            return replace(reminders.mark_published_op(reminder), undo=None)

        if self.ops is not None:
            self.ops.run(write)
        else:
            write()

    def snooze(self, reminder: Reminder, minutes: int = SNOOZE_MINUTES) -> datetime:
        until = self.clock() + timedelta(minutes=minutes)
        self.services.reminders.snooze([reminder], until)
        self._arm(self.clock())
        return until

    def dismiss(self, reminders: list[Reminder]) -> None:
        self.services.reminders.dismiss(reminders, self.clock())

    def next_check_ms(self) -> int:
        return self.timer.remainingTime() if self.timer.isActive() else -1

    # ------------------------------------------------------------------ internals

    def _check_in_background(self, with_missed: bool) -> None:
        if self._checking:
            return
        self._checking = True
        reminders, now = self.services.reminders, self.clock()

        def work(_report: object) -> tuple[list[Reminder], list[Reminder], datetime | None, str]:
            missed: list[Reminder] = []
            due: list[Reminder] = []
            nxt: datetime | None = None
            problem = ""
            try:
                if reminders.enabled():
                    if with_missed:
                        missed = reminders.missed(now)
                    due = reminders.due(now)
                    reminders.mark_notified(due, now)
                nxt = reminders.next_wakeup(now)
            except UserError as err:
                problem = str(err)
            return missed, due, nxt, problem

        self._tasks.run(  # type: ignore[union-attr]
            work,
            self,
            on_success=lambda found: self._checked(now, *found),
            on_failure=self._check_failed,
        )

    def _checked(
        self, now: datetime, missed: list[Reminder], due: list[Reminder], nxt: datetime | None, problem: str
    ) -> None:
        self._checking = False
        if problem:
            self.failed.emit(problem)
        if missed:
            self.missedFound.emit(missed)
        if due:
            self.remindersDue.emit(due)
        self._arm_for(now, nxt)

    def _check_failed(self, err: BaseException) -> None:
        self._checking = False
        if not isinstance(err, Cancelled | UserError):
            report_unexpected(err)
        self._arm_for(self.clock(), None)

    def _arm_for(self, now: datetime, nxt: datetime | None) -> None:
        wait = MAX_SLEEP_MS
        if nxt is not None:
            wait = max(0, min(MAX_SLEEP_MS, int((nxt - now).total_seconds() * 1000) + 50))
        self.timer.start(wait)

    def _arm(self, now: datetime) -> None:
        wait = MAX_SLEEP_MS
        try:
            nxt = self.services.reminders.next_wakeup(now)
        except UserError:
            nxt = None
        if nxt is not None:
            wait = max(0, min(MAX_SLEEP_MS, int((nxt - now).total_seconds() * 1000) + 50))
        self.timer.start(wait)

    @Slot(object)
    def _on_changed(self, areas: object) -> None:
        if touches(areas, POSTS, SETTINGS):  # a post moved or the lead time changed: re-plan
            self._arm(self.clock())


class ReminderPopup(QDialog):
    """Non-modal: the posts to publish now (or missed), each with its text ready to copy."""

    def __init__(self, scheduler: ReminderScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scheduler = scheduler
        self.setWindowTitle(self.tr("Posts to publish"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(False)
        self.setMinimumWidth(460)
        self._items: list[Reminder] = []
        self.heading = plain_label()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("reminderList")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("reminderText")
        self.copy_button = QPushButton(self.tr("&Copy text"))
        self.published_button = QPushButton(self.tr("Mark &published"))
        self.snooze_button = QPushButton(self.tr("&Snooze {minutes} min").format(minutes=SNOOZE_MINUTES))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        buttons = QHBoxLayout()
        for b in (self.copy_button, self.published_button, self.snooze_button, self.dismiss_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.copy_button.clicked.connect(self.copy_text)
        self.published_button.clicked.connect(self.mark_published)
        self.snooze_button.clicked.connect(self.snooze)
        self.dismiss_button.clicked.connect(self.dismiss)
        scheduler.remindersDue.connect(lambda items: self.add_reminders(items, missed=False))
        scheduler.missedFound.connect(lambda items: self.add_reminders(items, missed=True))

    def add_reminders(self, reminders: list[Reminder], missed: bool = False) -> None:
        known = {r.key for r in self._items}
        for r in reminders:
            if r.key in known:
                continue
            self._items.append(r)
            o = r.occurrence
            when = fmt_datetime(o.cm_wall)  # "your time", filled by the schedule query
            label = self.tr("{when} — {client}, {channel}").format(
                when=when, client=o.client_name, channel=f"{o.network} {o.handle}".strip()
            )
            if missed:
                label = self.tr("Missed: {label}").format(label=label)
            item = QListWidgetItem(label)
            item.setToolTip(
                self.tr("{time} in the audience's zone ({zone})").format(time=fmt_time(o.wall), zone=o.tz)
            )
            self.list.addItem(item)
        self._refresh_heading()
        if self.list.currentRow() < 0 and self._items:
            self.list.setCurrentRow(0)
        if self._items:
            self.show()
            self.raise_()

    def current(self) -> Reminder | None:
        row = self.list.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    @Slot()
    def copy_text(self) -> None:
        r = self.current()
        if r is not None:
            text = r.occurrence.text + (f"\n{r.occurrence.link}" if r.occurrence.link else "")
            QGuiApplication.clipboard().setText(text)

    @Slot()
    def mark_published(self) -> None:
        r = self.current()
        if r is None:
            return
        try:
            self.scheduler.mark_published(r)
        except UserError as err:
            self.heading.setText(str(err))
            return
        self._remove(r)

    @Slot()
    def snooze(self) -> None:
        r = self.current()
        if r is not None:
            self.scheduler.snooze(r)
            self._remove(r)

    @Slot()
    def dismiss(self) -> None:
        r = self.current()
        if r is not None:
            self.scheduler.dismiss([r])
            self._remove(r)

    def _remove(self, r: Reminder) -> None:
        row = self._items.index(r)
        self._items.pop(row)
        self.list.takeItem(row)
        self._refresh_heading()
        if not self._items:
            self.hide()

    def _show(self, row: int) -> None:
        r = self._items[row] if 0 <= row < len(self._items) else None
        self.text.setPlainText(
            "" if r is None else r.occurrence.text + (f"\n\n{r.occurrence.link}" if r.occurrence.link else "")
        )
        for b in (self.copy_button, self.published_button, self.snooze_button, self.dismiss_button):
            b.setEnabled(r is not None)

    def _refresh_heading(self) -> None:
        self.heading.setText(
            self.tr(
                "%n post(s) to publish by hand. Copy the text, publish it, then mark it published.",
                "",
                len(self._items),
            )
        )


class ReminderPopups(QObject):
    """Makes the scheduler's popup when its first reminders come: a dialog built at start-up for a day without
    reminders would only have cost the GUI thread (tens of milliseconds, its widget classes' first use)."""

    def __init__(self, scheduler: ReminderScheduler, parent: QWidget) -> None:
        super().__init__(parent)
        self.popup: ReminderPopup | None = None
        self._scheduler = scheduler
        self._parent = parent
        scheduler.remindersDue.connect(lambda items: self._first(items, missed=False))
        scheduler.missedFound.connect(lambda items: self._first(items, missed=True))

    def _first(self, reminders: list[Reminder], missed: bool) -> None:
        if self.popup is None:  # from then on the popup hears the scheduler itself
            self.popup = ReminderPopup(self._scheduler, self._parent)
            self.popup.add_reminders(reminders, missed=missed)


def install_reminders(
    services: Services,
    changes: ChangeBus,
    parent: QWidget,
    ops: OpRunner | None = None,
    tasks: TaskRunner | None = None,
) -> tuple[ReminderScheduler, ReminderPopups]:
    """What the main window (or the tray) calls once at start: the scheduler, started, and its popup (made
    when the first reminders come)."""
    scheduler = ReminderScheduler(services, changes, parent=parent, ops=ops, tasks=tasks)
    popups = ReminderPopups(scheduler, parent)
    QTimer.singleShot(0, scheduler.start)
    return scheduler, popups
