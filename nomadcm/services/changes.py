"""What a write changed: the areas it touched, and how to take it back (Anki's `OpChanges` idea).

A service write that the GUI can undo has an `*_op` twin: `posts.delete_op(ids)` does what
`posts.delete(ids)` does and returns a `Change` instead of the plain value (which is `change.result`). The
plain methods stay for the CLI and the importers; the GUI calls the `*_op` ones through its one runner
(ui/operations.py), which pushes one undo command built from the Change and announces `change.areas`.

`undo()` performs the inverse write and returns the Change that redoes it, so Undo/Redo is a chain of
inverses: `c.undo().undo()` writes the original again. `label` is a stable key the GUI translates
("delete_posts"), `count` and `subject` fill it in ("delete 3 posts", "new stay in Lisbon").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# The areas a page may show; the change bus (ui/changes.py) carries sets of these names.
POSTS = "posts"
CLIENTS = "clients"
ITINERARY = "itinerary"
SETTINGS = "settings"
WORKPLACES = "workplaces"
WELLBEING = "wellbeing"
CONFLICTS = "conflicts"  # acknowledgements of conflicts (the Schedule's conflict column listens too)
BILLING = "billing"  # contracts and hand-logged work (the Hours & pay page)
EVENTS = "events"  # the clients' events and the calendars they come from
# Everything a page may show: what a write from another process (or View > Refresh) announces, since the
# database does not say what changed.
ALL_AREAS = frozenset(
    {POSTS, CLIENTS, ITINERARY, SETTINGS, WORKPLACES, WELLBEING, CONFLICTS, EVENTS, BILLING}
)


@dataclass(frozen=True)
class Change:
    """What one write changed. `undo` is None when the write cannot be taken back."""

    areas: frozenset[str]
    label: str
    undo: Callable[[], Change] | None = None
    result: Any = None
    count: int = 1
    subject: str = ""


def change(
    areas: Iterable[str] | str,
    label: str,
    undo: Callable[[], Change] | None = None,
    result: Any = None,
    *,
    count: int = 1,
    subject: str = "",
) -> Change:
    """A Change with `areas` given as one name or any iterable of names."""
    names = frozenset({areas} if isinstance(areas, str) else areas)
    return Change(names, label, undo, result, count, subject)


def steps(
    areas: Iterable[str] | str,
    label: str,
    forward: Callable[[], Any],
    backward: Callable[[], Any],
    result: Any = None,
    *,
    count: int = 1,
    subject: str = "",
) -> Change:
    """For a write already done whose inverse is `backward()` and whose redo is `forward()` (two fixed
    writes, e.g. "set the old values" / "set the new values"): the Change whose undo chain alternates them."""

    def undo() -> Change:
        backward()
        return change(areas, label, redo, count=count, subject=subject)

    def redo() -> Change:
        forward()
        return change(areas, label, undo, count=count, subject=subject)

    return change(areas, label, undo, result, count=count, subject=subject)
