"""Work held until a table has painted its rows: background jobs (the Schedule's conflict marks, its footer's
count) started on the task runner before would share the interpreter with that paint, each of the view's
calls into `data()` waiting for its turn — measured, it doubled the time to the first rows
(bench/bench_schedule_page.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

LATEST_MS = 250  # the work starts once the rows painted, or this much later at most (a hidden table)


class PaintGate(QObject):
    """Runs work once the widget `painted()` names has painted after it was asked (a hidden or missing
    widget: `LATEST_MS` later)."""

    def __init__(self, parent: QObject, painted: Callable[[], QWidget | None]) -> None:
        super().__init__(parent)
        self._painted = painted
        self._waiting: list[Callable[[], None]] = []

    def pending(self) -> bool:
        return bool(self._waiting)

    def run_after_paint(self, work: Callable[[], None]) -> None:
        self._waiting.append(work)
        if len(self._waiting) > 1:
            return
        widget = self._painted()
        if widget is not None:
            widget.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self._start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._waiting:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._start)  # after this paint
        return False

    @Slot()
    def _start(self) -> None:
        waiting, self._waiting = self._waiting, []
        widget = self._painted()
        if waiting and widget is not None:
            widget.removeEventFilter(self)
        for work in waiting:
            work()
