"""Which thread ran a function: the GUI tests' check that a piece of work left the GUI thread."""

from __future__ import annotations

import threading
from typing import Any


def on_gui_thread(monkeypatch: Any, owner: object, name: str) -> list[bool]:
    """Wraps `owner.name` for the test: each call appends whether it ran on the GUI (main) thread, then runs
    the original. Returns that list."""
    calls: list[bool] = []
    original = getattr(owner, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)
    return calls
