"""What the Workplaces page shows first, read without a widget: the catalogue of places, and the trip checklist
of the stay its second tab opens on (the stay going on now, else the next, else the last) with the stays that
have no workplace with WiFi. The window reads it on its task runner while the sidebar click that first shows
the page is answered (`PageSpec.preload`, ui/page_loading.py); the page and its checklist panel read the same
things themselves afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.services.workplaces.place_catalog import PlaceCatalog
from nomadcm.services.workplaces.place_checklist import ChecklistEntry, StayRef

if TYPE_CHECKING:
    from nomadcm.services.container import Services


@dataclass(frozen=True)
class ChecklistRead:
    """A stay's checklist, and whether it is a stay with no workplace with WiFi known."""

    stay_id: int
    entries: list[ChecklistEntry]
    without_wifi: bool


@dataclass(frozen=True)
class WorkplacesFirst:
    catalog: PlaceCatalog
    stays: list[StayRef]
    checklist: ChecklistRead | None  # the stay the panel opens on (none: no stay)


def upcoming_index(stays: list[StayRef]) -> int:
    """The stay going on now, else the next one, else the last (-1: none)."""
    now = timezones.now_utc()
    for i, s in enumerate(stays):
        if s.end_utc is not None and s.end_utc > now:
            return i
    return len(stays) - 1


def read_checklist(services: Services, stay_id: int) -> ChecklistRead:
    bare = {s.id for s in services.workplaces.stays_without_wifi()}
    return ChecklistRead(stay_id, services.workplaces.checklist(stay_id), stay_id in bare)


def read_first(services: Services) -> WorkplacesFirst:
    stays = services.workplaces.stays()
    index = upcoming_index(stays)
    checklist = read_checklist(services, stays[index].id) if index >= 0 else None
    return WorkplacesFirst(services.workplaces.catalog(), stays, checklist)
