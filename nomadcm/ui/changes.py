"""The change bus: after a write, a page says which areas changed; every page refreshes only what it shows.

Areas are plain strings so that later pages can add theirs without touching this file; the ones every page
may care about are named here.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

POSTS = "posts"
CLIENTS = "clients"
ITINERARY = "itinerary"
SETTINGS = "settings"
WORKPLACES = "workplaces"
WELLBEING = "wellbeing"
# Everything a page may show: what a write from another process (or View > Refresh) announces, since the
# database does not say what changed. "conflicts" (acknowledgements) is the Travel page's (travel/undo.py).
ALL_AREAS = frozenset({POSTS, CLIENTS, ITINERARY, SETTINGS, WORKPLACES, WELLBEING, "conflicts"})


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
