"""Subscribed calendars kept fresh in the background, when the laptop is online.

Started by the desktop shell after the window's first paint: a first refresh a few seconds later, then every
half hour; each one reads only the calendars due (a subscription not downloaded for six hours, a window read
more than a day ago: exchange/event_import.refresh_due), on the window's task runner, within the download's
deadline and size cap. Qt's network information says when the laptop is offline: no download is tried then,
and one runs as soon as it is back online. Where the platform cannot tell, a download is simply tried: it
fails quietly, the events stay as last read and the calendar says why (Clients page).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from nomadcm.services.container import Services
from nomadcm.ui.changes import CONFLICTS, EVENTS, ChangeBus
from nomadcm.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

FIRST_DELAY_MS = 5_000
EVERY_MS = 30 * 60 * 1000


class CalendarRefresher(QObject):
    def __init__(
        self, services: Services, tasks: TaskRunner, changes: ChangeBus, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.changes = changes
        self._job: Task | None = None
        self._network: Any = None
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self._watch_network()
        self.timer.start()
        QTimer.singleShot(FIRST_DELAY_MS, self, self.refresh)

    def stop(self) -> None:
        self.timer.stop()

    def online(self) -> bool:
        """False only when Qt knows the laptop is offline."""
        if self._network is None:
            return True
        from PySide6.QtNetwork import QNetworkInformation

        return self._network.reachability() != QNetworkInformation.Reachability.Disconnected

    @Slot()
    def refresh(self, force: bool = False) -> None:
        """Reads the calendars due (all, with `force`), unless a refresh is running or there is no calendar."""
        if self._job is not None and not self._job.done:
            return
        online = self.online()
        services = self.services

        def work(_report: Any) -> int:
            # All on the task runner: whether there is a calendar at all (a query), and the importer's modules
            # (icalendar: 90 ms of imports, which held the GUI thread five seconds after every start).
            calendars = services.calendars.list_calendars()
            if not calendars:
                return 0
            from nomadcm.exchange.event_import import refresh, refresh_due

            outcomes = refresh_due(services, force=force) if online else []
            if not online:  # offline: windows move on from the stored copies, nothing is downloaded
                for calendar in calendars:
                    outcomes.append(refresh(services, calendar.id, download=False))
            return sum(1 for o in outcomes if o.report is not None)

        self._job = self.tasks.run(work, self, on_success=self._done, on_failure=self._failed)

    def _done(self, changed: int) -> None:
        if changed:
            self.changes.notify(EVENTS, CONFLICTS)

    def _failed(self, err: BaseException) -> None:
        log.info("calendar refresh failed: %s", err)  # the next one tries again; the calendar says why

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend() or QNetworkInformation.load(
                QNetworkInformation.Feature.Reachability
            ):
                self._network = QNetworkInformation.instance()
        except (ImportError, RuntimeError):  # no QtNetwork, or no backend on this platform
            self._network = None
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._reachability_changed)

    @Slot(object)
    def _reachability_changed(self, _reachability: object) -> None:
        if self.online():
            self.refresh()
