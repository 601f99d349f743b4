"""The screen timer: start/stop per device (and client), for the main window's toolbar and tray.

Running timers are kept in the `screen_timers` setting (in her own file on a team database:
services/wellbeing/personal_file.py), so closing NomadCM (or a crash) does not lose one:
it is still running at the next start. Stopping logs a screen session (source "timer") in the zone where
the CM was when it started. The clock is injectable for tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QWidget

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.wellbeing.record_values import MAX_SCREEN, ScreenInfo
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.wellbeing.timer_view import ScreenTimerView
from nomadcm.vocabulary import DEVICES

Clock = Callable[[], datetime]
SETTING = "screen_timers"


class TimerController(QObject):
    """Which devices' timers run, since when, for which client."""

    changed = Signal()  # a timer started or stopped
    logged = Signal(object)  # the ScreenInfo a stopped timer logged
    failed = Signal(str)  # a timer that could not be logged (ran over 24 h...)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus | None = None,
        clock: Clock = timezones.now_utc,
        parent: QObject | None = None,
        *,
        ops: OpRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.clock = clock
        # The window's runner (a session logged is announced through it); not undoable: the timer belongs to
        # no page, and Ctrl+Z on the page shown should not take back a session logged from the toolbar.
        self.ops = ops or (OpRunner(changes, parent=self) if changes is not None else None)
        self._running: dict[str, tuple[datetime, int | None]] = self._load()

    def _load(self) -> dict[str, tuple[datetime, int | None]]:
        stored = self.services.personal_settings.get(SETTING) or {}
        running = {}
        if isinstance(stored, dict):
            for device, value in stored.items():
                try:
                    running[device] = (timezones.parse_utc(value["start"]), self._client_of(value))
                except (KeyError, TypeError, ValueError, AttributeError):
                    continue  # a damaged entry: forget it rather than crash at start-up
        return {d: v for d, v in running.items() if d in DEVICES}

    def _client_of(self, value: dict[str, object]) -> int | None:
        """The timer's client in the database open: found by UUID when the timer has one (it may have been
        started on another database: her own file is shared by all), else by its stored id."""
        client_uuid = value.get("client_uuid")
        if isinstance(client_uuid, str):
            return self.services.wellbeing.client_with_uuid(client_uuid)
        client_id = value.get("client_id")
        return client_id if isinstance(client_id, int) else None

    def _save(self) -> None:
        uuid_of = self.services.wellbeing.client_uuid
        self.services.personal_settings.set(
            SETTING,
            {
                d: {"start": timezones.format_utc(s), "client_id": c, "client_uuid": uuid_of(c)}
                for d, (s, c) in self._running.items()
            },
        )

    def running(self) -> dict[str, tuple[datetime, int | None]]:
        return dict(self._running)

    def is_running(self, device: str) -> bool:
        return device in self._running

    def elapsed(self, device: str) -> timedelta:
        if device not in self._running:
            return timedelta(0)
        return max(timedelta(0), self.clock() - self._running[device][0])

    def start(self, device: str, client_id: int | None = None) -> None:
        if device in self._running:
            return
        self._running[device] = (self.clock().replace(microsecond=0), client_id)
        self._save()
        self.changed.emit()

    def stop(self, device: str) -> ScreenInfo | None:
        """Stops the device's timer and logs its session (None when under a minute: nothing to log)."""
        if device not in self._running:
            return None
        start, client_id = self._running.pop(device)
        self._save()
        self.changed.emit()
        end = self.clock().replace(microsecond=0)
        if end - start < timedelta(minutes=1):
            return None
        if end - start > MAX_SCREEN:
            self.failed.emit(
                self.tr(
                    "The {device} timer ran for more than 24 hours and was not logged: add the real "
                    "screen time with Add…"
                ).format(device=texts.device_name(device))
            )
            return None
        wellbeing = self.services.wellbeing

        def write() -> Change:
            done = wellbeing.add_screen_op(device, start, end, client_id=client_id, source="timer")
            return replace(done, undo=None)

        try:
            done = self.ops.run(write) if self.ops is not None else write()
        except UserError as err:
            self.failed.emit(str(err))
            return None
        assert done is not None  # no parent: a UserError propagates
        info: ScreenInfo = done.result
        self.logged.emit(info)
        return info

    def stop_all(self) -> list[str]:
        """Stops every timer (a break starts); returns the devices, to start them again after."""
        devices = list(self._running)
        clients = {d: self._running[d][1] for d in devices}
        for device in devices:
            self.stop(device)
        self._last_clients = clients
        return devices

    def resume(self, devices: list[str]) -> None:
        clients = getattr(self, "_last_clients", {})
        for device in devices:
            self.start(device, clients.get(device))


class TimerBinding(QObject):
    """What a `ScreenTimerView` does: lists the clients, starts and stops the controller's timers, shows the
    running ones. A view made before the database was open (the window's frame, ui/startup.py) is bound in
    place once the controller exists — nothing in the toolbar moves."""

    def __init__(self, view: ScreenTimerView, controller: TimerController) -> None:
        super().__init__(view)
        self.view = view
        self.controller = controller
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self.refresh)
        view.button.clicked.connect(self.toggle)
        view.device.currentIndexChanged.connect(self.refresh)
        controller.changed.connect(self.refresh)
        self.reload_clients()
        self.refresh()

    def reload_clients(self) -> None:
        client = self.view.client
        current = client.currentData()
        client.clear()
        client.addItem(QCoreApplication.translate("ScreenTimerWidget", "no client"), None)
        for cid, name in self.controller.services.wellbeing.client_names():
            client.addItem(name, cid)
        client.setCurrentIndex(max(0, client.findData(current)))

    def toggle(self) -> None:
        device = self.view.device.currentData()
        if self.controller.is_running(device):
            self.controller.stop(device)
        else:
            self.controller.start(device, self.view.client.currentData())

    def refresh(self) -> None:
        view = self.view
        device = view.device.currentData()
        running = self.controller.running()
        view.button.setText(
            QCoreApplication.translate("ScreenTimerWidget", "Stop")
            if device in running
            else QCoreApplication.translate("ScreenTimerWidget", "Start")
        )
        view.client.setEnabled(device not in running)
        parts = []
        for d in running:
            seconds = int(self.controller.elapsed(d).total_seconds())
            parts.append(f"{texts.device_name(d)} {seconds // 3600}:{seconds // 60 % 60:02d}")
        view.status.setText(" · ".join(parts))
        if running and not self.tick.isActive():
            self.tick.start()
        elif not running:
            self.tick.stop()


class ScreenTimerWidget(ScreenTimerView):
    """Device and client pickers, a Start/Stop button and the running timers' times (laid out by the view,
    run by its `TimerBinding`)."""

    def __init__(self, controller: TimerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.binding = TimerBinding(self, controller)
        self.tick = self.binding.tick

    def reload_clients(self) -> None:
        self.binding.reload_clients()

    def toggle(self) -> None:
        self.binding.toggle()

    def refresh(self) -> None:
        self.binding.refresh()


def timer_menu(controller: TimerController, parent: QWidget | None = None) -> QMenu:
    """A menu with a checkable timer per device, for the tray icon."""
    menu = QMenu(QCoreApplication.translate("Wellbeing", "Screen timers"), parent)
    actions = {}
    for d in DEVICES:
        action = menu.addAction(texts.device_name(d))
        action.setCheckable(True)
        action.toggled.connect(lambda on, dev=d: controller.start(dev) if on else controller.stop(dev))
        actions[d] = action

    def sync() -> None:
        for dev, action in actions.items():
            action.blockSignals(True)
            action.setChecked(controller.is_running(dev))
            action.blockSignals(False)

    controller.changed.connect(sync)
    sync()
    return menu
