"""Writes made by another process (the CLI, a second window, later a team server) show up without a click.

A QTimer on the GUI thread asks the storage layer's change counter (`Services.change_counter()`: SQLite's
`PRAGMA data_version` on one dedicated connection, microseconds) every half second. Our own commits are
absorbed by the counter itself, whatever thread made them and whether or not a page announced them (see
storage/change_counter.py for the small race left), so only foreign writes count. The database does not say
what another process changed: every area is announced on the change bus, and each page refreshes what it
shows. View > Refresh (F5) does the same on demand.

A team database's counter (LISTEN/NOTIFY, storage/pg_changes.py) can lose its server: after each poll the
watcher reads the counter's `status()` and emits `connection` with it every tick while the server cannot be
reached and once when it can again (ui/connection_banner.py shows it). Nothing is announced while it is
away — no page reloads only to fail — and the counter's first poll once back says "changed", so every page
refreshes then. View > Refresh meanwhile means "retry now".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from nomadcm.ui.changes import ALL_AREAS, ChangeBus

log = logging.getLogger(__name__)

POLL_MS = 500


class Status(Protocol):
    """The counter's `ConnectionStatus` (storage/change_counter.py)."""

    @property
    def reachable(self) -> bool: ...

    @property
    def retry_in_s(self) -> float: ...

    @property
    def reason(self) -> str: ...


class Counter(Protocol):
    def poll(self) -> bool: ...

    def status(self) -> Status: ...

    def retry_now(self) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Reachable:
    reachable: bool = True
    retry_in_s: float = 0.0
    reason: str = ""


class NoCounter:
    """The counter of a window with no database yet (its frame, at start-up): nothing ever changes."""

    def poll(self) -> bool:
        return False

    def status(self) -> Status:
        return Reachable()

    def retry_now(self) -> None:
        pass

    def close(self) -> None:
        pass


class ExternalChangeWatcher(QObject):
    refreshed = Signal()  # every area was announced because of a foreign write or View > Refresh
    connection = Signal(object)  # a Status: each tick while the database cannot be reached, once when back

    def __init__(
        self, counter: Counter, changes: ChangeBus, interval_ms: int = POLL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._counter: Counter | None = counter
        self._changes = changes
        self.refresh_count = 0  # how many full refreshes (tests: a local write makes none)
        self.reachable = True  # the counter's last status
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        if self._counter is not None:
            self._timer.start()

    def stop(self) -> None:
        """Stops polling and closes the counter's connection (the window is closing). Safe to repeat, and
        after the window's C++ side is gone."""
        if shiboken6.isValid(self._timer):
            self._timer.stop()
        if self._counter is not None:
            self._counter.close()
            self._counter = None

    @Slot()
    def poll(self) -> bool:
        """Announces every area when another process wrote since the last poll; True if it did."""
        if self._counter is None:
            return False
        changed = self._ask()
        self._follow_connection()
        if changed:
            self._announce()
        return changed

    @Slot()
    def refresh_now(self) -> None:
        """View > Refresh: every page reloads what it shows, whoever wrote; while the database cannot be
        reached, a new try instead (the pages reload when it succeeds)."""
        if not self.reachable:
            self.retry_now()
            return
        self._ask()  # what is about to be shown needs no second refresh at the next tick
        self._announce()

    @Slot()
    def retry_now(self) -> None:
        """The banner's Retry now: the counter tries to reach the database at once."""
        if self._counter is not None:
            self._counter.retry_now()
            self._follow_connection()

    def _follow_connection(self) -> None:
        if self._counter is None:
            return
        try:
            status = self._counter.status()
        except Exception:  # asking must never break the timer
            log.debug("change counter status failed", exc_info=True)
            return
        if status.reachable and self.reachable:
            return
        self.reachable = status.reachable
        self.connection.emit(status)

    def _ask(self) -> bool:
        if self._counter is None:
            return False
        try:
            return self._counter.poll()
        except Exception:  # a locked or vanished file: the next tick asks again
            log.debug("change counter poll failed", exc_info=True)
            return False

    def _announce(self) -> None:
        self.refresh_count += 1
        self._changes.notify(ALL_AREAS)
        self.refreshed.emit()
