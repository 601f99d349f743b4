"""The tray icon: what is due today, the screen timers, open and quit — and NomadCM's notifications.

The menu lists the next posts due before the end of the CM's day (in the zone the itinerary puts her in),
then the screen timers (the wellbeing area's menu), then Open and Quit. The tooltip says what comes next and
which wellbeing goals this week breaks. Clicking the icon opens the window. Post reminders and break or
screen-limit warnings show as tray messages, so they are seen while the window is closed to the tray.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import islice

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from nomadcm import APP_NAME, timezones
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.services.schedule.series import Occurrence
from nomadcm.services.schedule.your_time import YourTime
from nomadcm.ui.changes import ITINERARY, POSTS, SETTINGS, WELLBEING, ChangeBus, touches
from nomadcm.ui.formatting import fmt_time
from nomadcm.ui.plain_text import menu_text, unmarked
from nomadcm.ui.tasks import Cancelled, TaskRunner, report_unexpected

Clock = Callable[[], datetime]
REFRESH_MS = 60_000  # "due today" moves with the clock
MAX_LISTED = 5
TEXT_CHARS = 48


def first_line(text: str, limit: int = TEXT_CHARS) -> str:
    line = (text.strip().splitlines() or [""])[0]
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def due_today(services: Services, now: datetime, limit: int = MAX_LISTED) -> list[Occurrence]:
    """Scheduled (and draft) posts from now to the end of the CM's local day, soonest first — in team mode
    hers and nobody's, at her own time."""
    from nomadcm.services.publishing.reminders import for_viewer

    itinerary = services.itinerary()
    cm, wall = YourTime(itinerary).at(now)
    end = timezones.local_midnight(wall.date() + timedelta(days=1), cm.zone)
    flt = ScheduleFilter(statuses=("scheduled", "draft"), start=now, end=end)
    rows = services.schedule(flt, now=now, itinerary=itinerary).stream()
    return list(islice(for_viewer(rows, services.members.current_id), limit))


class Tray(QObject):
    openRequested = Signal()
    quitRequested = Signal()

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        icon: QIcon,
        timers: QMenu | None = None,
        badges: Callable[[], str] | None = None,
        clock: Clock = timezones.now_utc,
        parent: QObject | None = None,
        *,
        defer: bool = False,
        tasks: TaskRunner | None = None,
    ) -> None:
        """`defer`: build the menu at `show()` rather than now (start-up stays short). `tasks`: the window's
        task runner, which reads the posts due on its thread (the menu is built when they are in)."""
        super().__init__(parent)
        self.services = services
        self._tasks = tasks
        self._reading = False  # the posts due are being read on the task runner
        self._again = False  # and something changed meanwhile: once more when they are in
        self.clock = clock
        self.badges = badges
        self.icon = QSystemTrayIcon(icon, self)
        self.menu = QMenu()
        self.menu.setObjectName("tray-menu")
        self.due_header = QAction(self.tr("Due today"), self)
        self.due_header.setEnabled(False)
        self.post_actions: list[QAction] = []
        self.timers = timers
        self.open_action = QAction(self.tr("&Open NomadCM"), self)
        self.open_action.triggered.connect(self.openRequested)
        self.quit_action = QAction(self.tr("&Quit NomadCM"), self)
        self.quit_action.triggered.connect(self.quitRequested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        changes.changed.connect(self._on_changed)
        self._built = False
        if not defer:
            self.refresh()

    # ------------------------------------------------------------------ showing

    def show(self) -> bool:
        """Shows the icon where the desktop has a tray; False when it has none."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if not self._built:
            self.refresh()
        self.icon.show()
        self.refresh_timer.start()
        return True

    def hide(self) -> None:
        self.refresh_timer.stop()
        self.icon.hide()

    @Slot()
    def refresh(self) -> None:
        self._built = True
        if self._tasks is None:
            self._fill(due_today(self.services, self.clock()))
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        services, now = self.services, self.clock()
        self._tasks.run(
            lambda _report: due_today(services, now), self, on_success=self._read, on_failure=self._failed
        )

    def _read(self, rows: list[Occurrence]) -> None:
        self._reading = False
        self._fill(rows)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, err: BaseException) -> None:
        self._reading = self._again = False
        if not isinstance(err, Cancelled | UserError):
            report_unexpected(err)

    def _fill(self, rows: list[Occurrence]) -> None:
        self.menu.clear()
        self.post_actions = []
        self.menu.addAction(self.due_header)
        if not rows:
            nothing = self.menu.addAction(self.tr("Nothing more to publish today"))
            nothing.setEnabled(False)
        for row in rows:
            label = self.tr("{time} · {client}, {network}: {text}").format(
                time=fmt_time(row.cm_wall),
                client=row.client_name,
                network=row.network,
                text=first_line(row.text),
            )
            if row.status == "draft":
                label = self.tr("{post} (draft)").format(post=label)
            action = self.menu.addAction(menu_text(label))
            action.triggered.connect(self.openRequested)
            self.post_actions.append(action)
        self.menu.addSeparator()
        if self.timers is not None:
            self.menu.addMenu(self.timers)
            self.menu.addSeparator()
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.quit_action)
        self.icon.setToolTip(unmarked(self.tooltip(rows)))  # the desktop may read markup in it

    def tooltip(self, rows: list[Occurrence]) -> str:
        lines = [APP_NAME]
        if rows:
            lines.append(
                self.tr("Next: {time} {client}").format(
                    time=fmt_time(rows[0].cm_wall), client=rows[0].client_name
                )
            )
        else:
            lines.append(self.tr("Nothing more to publish today"))
        badges = self.badges() if self.badges is not None else ""
        if badges:
            lines.append(badges)
        return "\n".join(lines)

    # ------------------------------------------------------------------ messages

    @Slot(str)
    def notify(self, text: str, title: str = "") -> None:
        if self.icon.isVisible():
            # The notification server may read markup in the body (the spec's body-markup): no tag in it.
            self.icon.showMessage(
                unmarked(title or APP_NAME), unmarked(text), QSystemTrayIcon.MessageIcon.Information, 10_000
            )

    @Slot(list)
    def notify_reminders(self, reminders: list) -> None:  # type: ignore[type-arg]
        if not reminders:
            return
        first = reminders[0].occurrence
        when = fmt_time(first.cm_wall)  # "your time", filled by the schedule query
        title = self.tr("Post to publish at {time}").format(time=when)
        text = self.tr("{client}, {network}: {text}").format(
            client=first.client_name, network=first.network, text=first_line(first.text, 80)
        )
        if len(reminders) > 1:
            more = len(reminders) - 1
            text += "\n" + self.tr("and %n more", "", more)
        self.notify(text, title)

    # ------------------------------------------------------------------ internals

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    def _on_changed(self, areas: object) -> None:
        if self._built and touches(areas, POSTS, ITINERARY, SETTINGS, WELLBEING):
            self.refresh()
