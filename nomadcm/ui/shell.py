"""What surrounds the main window on a desktop: the tray, the screen timer, reminders, single instance.

- One `TimerController` for the whole app: its `ScreenTimerWidget` sits in the window's toolbar and its
  `timer_menu` in the tray menu; `BreakReminder` warns about breaks and the daily screen limit.
- The publishing area's `ReminderScheduler` (with its popup) reminds posts due; the tray repeats it as a
  message, so it is seen with the window closed to the tray.
- A second launch on the same database raises this window (`SingleInstance.activated`).
- Settings saved: the theme applies at once, a new language offers a restart.

The reminders, the badges and the tray start after the window's first paint (ui/startup.py): they are not
what the user opened NomadCM to see, and start-up stays short.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QToolBar

from nomadcm.ui import plain_text, startup
from nomadcm.ui.formatting import use_week_start
from nomadcm.ui.main_window import MainWindow, app_icon
from nomadcm.ui.single_instance import SingleInstance
from nomadcm.ui.theme import ThemeManager
from nomadcm.ui.tray import Tray
from nomadcm.ui.wellbeing.badges import WellbeingBadges
from nomadcm.ui.wellbeing.timer_view import TOOLBAR, ScreenTimerView, timer_toolbar

if TYPE_CHECKING:
    from nomadcm.ui.wellbeing.reminders import BreakReminder


class DesktopShell(QObject):
    def __init__(
        self,
        window: MainWindow,
        theme: ThemeManager | None = None,
        instance: SingleInstance | None = None,
        *,
        reminders: bool = True,
    ) -> None:
        super().__init__(window)
        from nomadcm.ui.wellbeing.timer import ScreenTimerWidget, TimerBinding, TimerController, timer_menu

        self.window = window
        self.theme = theme
        services, changes = window.services, window.changes
        use_week_start(services.settings.get("week_start"))  # the date pickers' calendars start weeks there
        self.timers = TimerController(services, changes, parent=self, ops=window.ops)
        toolbar = window.findChild(QToolBar, TOOLBAR)
        framed = toolbar.findChild(ScreenTimerView) if toolbar is not None else None
        if toolbar is not None and framed is not None:  # the frame's timer, bound where it is: nothing moves
            self.toolbar, self.timer_widget = toolbar, framed
            TimerBinding(framed, self.timers)
        else:
            self.timer_widget = ScreenTimerWidget(self.timers)
            self.toolbar = timer_toolbar(window, self.timer_widget)
            window.restore_toolbars()

        self.breaks: BreakReminder | None = None
        self._steps: list[Callable[[], None]] = []
        self.badges: WellbeingBadges | None = None
        self.scheduler = None
        self.popup = None
        self.tray = Tray(
            services,
            changes,
            app_icon(),
            timer_menu(self.timers, window),
            badges=self._badge_text,
            parent=self,
            defer=True,
            tasks=window.tasks,
        )
        window.tray = self.tray
        self.tray.openRequested.connect(window.bring_to_front)
        self.tray.quitRequested.connect(window.quit_app)
        self.timers.failed.connect(lambda text: plain_text.warn(window, window.windowTitle(), text))
        if instance is not None:
            instance.activated.connect(window.bring_to_front)
        window.settings_saved.connect(self.apply_settings)
        self._reminders = reminders
        startup.after_first_paint(self.start_background)

    def _badge_text(self) -> str:
        return self.badges.text() if self.badges is not None else ""

    @Slot()
    def start_background(self) -> None:
        """Break and post reminders, the wellbeing badges and the tray: after the first paint, one step per
        turn of the event loop (the window answers between them), what reads much on the task runner."""
        self._steps = [self._start_breaks, self._start_reminders, self._start_badges, self._start_calendars]
        self._next_step()

    def _next_step(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self._next_step)

    def _start_breaks(self) -> None:
        from nomadcm.ui.wellbeing.reminders import BreakReminder

        self.breaks = BreakReminder(self.timers, self.window.changes, parent=self)
        self.breaks.limitPassed.connect(self.tray.notify)

    def _start_reminders(self) -> None:
        if self._reminders:
            from nomadcm.ui.publishing.reminders import install_reminders

            window = self.window
            self.scheduler, self.popup = install_reminders(
                window.services, window.changes, window, window.ops, tasks=window.tasks
            )
            self.scheduler.remindersDue.connect(self.tray.notify_reminders)

    def _start_badges(self) -> None:
        services, changes = self.window.services, self.window.changes
        self.badges = WellbeingBadges(services, changes, self, tasks=self.window.tasks)
        self.badges.changed.connect(lambda _items: self.tray.refresh())
        self.tray.show()

    def _start_calendars(self) -> None:
        from nomadcm.ui.clients.event_refresh import CalendarRefresher

        services, changes = self.window.services, self.window.changes
        self.calendars = CalendarRefresher(services, self.window.tasks, changes, self)  # subscribed calendars
        self.calendars.start()

    @Slot(dict)
    def apply_settings(self, changed: dict) -> None:  # type: ignore[type-arg]
        if "theme" in changed and self.theme is not None:
            self.theme.apply(changed["theme"])
        if "week_start" in changed:
            use_week_start(changed["week_start"])
        if "language" in changed:
            self.offer_restart()

    def offer_restart(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Language"),
            self.tr("The new language shows once NomadCM restarts. Restart now?"),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        restart = box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restart:
            self.window.restart()
