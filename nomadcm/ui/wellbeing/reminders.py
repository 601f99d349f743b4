"""Break reminders while a screen timer runs (off by default), and the daily screen-limit warning.

The decisions are made by services.breaks.BreakScheduler (no clock of its own); this QObject feeds it the
timers' starts and stops and polls it. A due break shows a small non-modal window: take it now, postpone,
or skip. A break taken stops the running timers, is logged as rest (kind "break", source "timer") when it
ends, and the timers start again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.wellbeing.breaks import BreakDue, BreakScheduler
from nomadcm.services.wellbeing.goals import Goals, ReminderSettings
from nomadcm.ui.changes import SETTINGS, ChangeBus, touches
from nomadcm.ui.wellbeing.timer import TimerController

POLL_MS = 20_000


class BreakReminder(QObject):
    breakDue = Signal(object)  # BreakDue
    breakLogged = Signal(object)  # RestInfo
    limitPassed = Signal(str)  # the message to show (tray or dialog)

    def __init__(
        self,
        controller: TimerController,
        changes: ChangeBus | None = None,
        parent: QObject | None = None,
        *,
        show_dialogs: bool = True,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.services = controller.services
        self.changes = changes
        self.show_dialogs = show_dialogs
        self.scheduler = BreakScheduler(ReminderSettings.from_settings(self.services.personal_settings))
        self._break_start: datetime | None = None
        self._paused: list[str] = []
        self._pending: BreakDue | None = None
        self.dialog: BreakDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        controller.changed.connect(self._on_timers)
        if changes is not None:
            changes.changed.connect(self._on_changed)
        self._on_timers()

    @property
    def in_break(self) -> bool:
        return self._break_start is not None

    def _on_changed(self, areas: object) -> None:
        if touches(areas, SETTINGS):
            self.reload_settings()

    def reload_settings(self) -> None:
        self.scheduler.settings = ReminderSettings.from_settings(self.services.personal_settings)
        self._on_timers()

    def _on_timers(self) -> None:
        now = self.controller.clock()
        if self.controller.running():
            self.scheduler.work_started(now)
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.scheduler.work_stopped(now)
            self.timer.stop()

    def poll(self) -> BreakDue | None:
        """Checks the clock: a due break is announced once until answered; the daily limit once a day."""
        now = self.controller.clock()
        self._check_limit(now)
        if self._pending is not None or self.in_break:
            return None
        due = self.scheduler.due(now)
        if due is not None:
            self._pending = due
            self.breakDue.emit(due)
            if self.show_dialogs:
                self._show(due)
        return due

    def _check_limit(self, now: datetime) -> None:
        settings = self.scheduler.settings
        if not settings.limit_warning or not self.controller.running():
            return
        reports = self.services.wellbeing_reports
        today = reports.today(now)
        goals = Goals.from_settings(self.services.personal_settings)
        day = reports.build(today, today, goals=goals, now=now).days[0]
        running = sum(self.controller.elapsed(d).total_seconds() for d in self.controller.running())
        total = day.screen_total_minutes * 60 + running
        if self.scheduler.limit_warning(today, total, goals.screen_day_hours):
            from nomadcm.ui.wellbeing.texts import hours_minutes

            message = self.tr("Today's screen time is {total}, past your daily limit of {limit}.").format(
                total=hours_minutes(total), limit=hours_minutes(goals.screen_day_hours * 3600)
            )
            self.limitPassed.emit(message)

    # ------------------------------------------------------------------ answers

    def take_break(self) -> None:
        if self.in_break:
            return
        self._break_start = self.controller.clock()
        self._paused = self.controller.stop_all()
        self._pending = None

    def finish_break(self) -> None:
        """The break is over: log it as rest and restart the timers that were running."""
        if self._break_start is None:
            return
        start, end = self._break_start, self.controller.clock()
        self._break_start = None
        self.scheduler.break_taken(start, end)
        if (end - start).total_seconds() >= 60:
            wellbeing = self.services.wellbeing

            def write() -> Change:  # not undoable, like the timer's sessions (no page owns it)
                return replace(wellbeing.add_rest_op("break", start, end, source="timer"), undo=None)

            ops = self.controller.ops
            try:
                done = ops.run(write) if ops is not None else write()
            except UserError:
                done = None
            if done is not None:
                self.breakLogged.emit(done.result)
        self.controller.resume(self._paused)
        self._paused = []
        self._close_dialog()

    def postpone(self) -> None:
        self.scheduler.postpone(self.controller.clock())
        self._pending = None
        self._close_dialog()

    def skip(self) -> None:
        self.scheduler.skip(self.controller.clock())
        self._pending = None
        self._close_dialog()

    def _show(self, due: BreakDue) -> None:
        self._close_dialog()
        self.dialog = BreakDialog(self, due)
        self.dialog.show()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.countdown.stop()
            dialog.done(0)


class BreakDialog(QDialog):
    """ "Time for a 5-minute break": take it now, postpone, skip; then a countdown and "I'm back"."""

    def __init__(self, reminder: BreakReminder, due: BreakDue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        self.due = due
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Time for a break"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        if due.kind == "long":
            text = self.tr(
                "{worked} minutes of screen time: time for a {minutes}-minute break. Stand up, "
                "look far away, move."
            )
        else:
            text = self.tr(
                "{worked} minutes of screen time: time for a {minutes}-minute break. Look away from "
                "the screen."
            )
        self.message = QLabel(text.format(worked=due.worked_minutes, minutes=due.minutes))
        self.message.setWordWrap(True)
        self.take = QPushButton(self.tr("Take the break now"))
        self.later = QPushButton(self.tr("Postpone"))
        self.skip = QPushButton(self.tr("Skip"))
        self.back = QPushButton(self.tr("I'm back"))
        self.back.hide()
        self.take.setDefault(True)
        buttons = QHBoxLayout()
        for b in (self.take, self.later, self.skip, self.back):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self._left = due.minutes * 60
        self.take.clicked.connect(self._take)
        self.later.clicked.connect(reminder.postpone)
        self.skip.clicked.connect(reminder.skip)
        self.back.clicked.connect(reminder.finish_break)

    def _take(self) -> None:
        self.reminder.take_break()
        for b in (self.take, self.later, self.skip):
            b.hide()
        self.back.show()
        self._tick()
        self.countdown.start()

    def _tick(self) -> None:
        self._left = max(0, self._left - 1)
        self.message.setText(
            self.tr(
                "Break: {m}:{s:02d} left. Screen timers are paused and start again when you're back."
            ).format(m=self._left // 60, s=self._left % 60)
        )
        if self._left == 0:
            self.countdown.stop()
            self.message.setText(self.tr("Break over. Welcome back!"))

    def reject(self) -> None:  # Escape or the close button: postpone, unless the break is running
        if self.reminder.in_break:
            self.reminder.finish_break()
        else:
            self.reminder.postpone()
        if self.isVisible():
            self.done(0)
