"""Work that can wait until the window has painted once, so that NomadCM opens fast.

`ui.run()` opens the gate with `begin()` before building the window and runs what waited with `finish()`
right after the first paint. Outside a start-up (tests, a page opened later) `after_first_paint` runs the
work at once, so code using it behaves the same everywhere, only sooner or later.
"""

from __future__ import annotations

from collections.abc import Callable

_waiting: list[Callable[[], None]] | None = None  # None: not starting up


def begin() -> None:
    global _waiting
    _waiting = []


def finish() -> None:
    """Runs the work that waited, in order (and stops deferring)."""
    global _waiting
    waiting, _waiting = _waiting or [], None
    for work in waiting:
        work()


def cancel() -> None:
    """Drops what waited (the window it was for is closing)."""
    global _waiting
    _waiting = None


def starting() -> bool:
    return _waiting is not None


def after_first_paint(work: Callable[[], None]) -> bool:
    """Runs `work` now (True), or once the window has painted (False) during a start-up."""
    if _waiting is None:
        work()
        return True
    _waiting.append(work)
    return False
