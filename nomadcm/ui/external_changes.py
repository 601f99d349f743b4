"""Writes made by another process (the CLI, a second window, later a team server) show up without a click.

A QTimer on the GUI thread asks the storage layer's change counter (`Services.change_counter()`: SQLite's
`PRAGMA data_version` on one dedicated connection, microseconds) every half second. Our own commits are
absorbed by the counter itself, whatever thread made them and whether or not a page announced them (see
storage/change_counter.py for the small race left), so only foreign writes count. The database does not say
what another process changed: every area is announced on the change bus, and each page refreshes what it
shows. View > Refresh (F5) does the same on demand.
"""

from __future__ import annotations

import logging
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from nomadcm.ui.changes import ALL_AREAS, ChangeBus

log = logging.getLogger(__name__)

POLL_MS = 500


class Counter(Protocol):
    def poll(self) -> bool: ...

    def close(self) -> None: ...


class ExternalChangeWatcher(QObject):
    refreshed = Signal()  # every area was announced because of a foreign write or View > Refresh

    def __init__(
        self, counter: Counter, changes: ChangeBus, interval_ms: int = POLL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._counter: Counter | None = counter
        self._changes = changes
        self.refresh_count = 0  # how many full refreshes (tests: a local write makes none)
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
        if changed:
            self._announce()
        return changed

    @Slot()
    def refresh_now(self) -> None:
        """View > Refresh: every page reloads what it shows, whoever wrote."""
        self._ask()  # what is about to be shown needs no second refresh at the next tick
        self._announce()

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
