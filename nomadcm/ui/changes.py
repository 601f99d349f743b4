"""The change bus: after a write, a page says which areas changed; every page refreshes only what it shows.

Areas are plain strings (services/changes.py names them, since a service write says which it touched); a
write made through the operation runner (ui/operations.py) is announced here by the runner.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from nomadcm.services.changes import (  # noqa: F401  (re-exported: pages import the names from here)
    ALL_AREAS,
    CLIENTS,
    CONFLICTS,
    EVENTS,
    ITINERARY,
    POSTS,
    SETTINGS,
    WELLBEING,
    WORKPLACES,
)


class ChangeBus(QObject):
    """`changed` carries a frozenset of area names, e.g. frozenset({"posts"})."""

    changed = Signal(object)

    def notify(self, *areas: str | Iterable[str]) -> None:
        """`notify("posts")`, `notify("posts", "clients")` or `notify({"posts"})`."""
        names: set[str] = set()
        for area in areas:
            if isinstance(area, str):
                names.add(area)
            else:
                names.update(area)
        if names:
            self.changed.emit(frozenset(names))


def touches(changed: object, *areas: str) -> bool:
    """Whether a `changed` payload concerns any of `areas` (helper for page slots)."""
    try:
        return any(a in changed for a in areas)  # type: ignore[operator]
    except TypeError:
        return False
