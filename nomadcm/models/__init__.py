"""SQLAlchemy models, each area's mapped classes loaded when first named (issue 14).

Mapping a class costs SQLAlchemy a few milliseconds (25 classes: a quarter of a CLI command's start-up), and
most commands use a few: `nomadcm client list` needs clients, channels, posts and members, not billing or
wellbeing. So `from nomadcm.models import Client` imports models/schedule.py only, and with it the areas its
foreign keys point to (a table must be on the metadata for SQLAlchemy to sort a flush or find a join): each
area module ends with `base.close_over_foreign_keys()`, so this holds however the area is imported. Naming
`Base` (or calling `load_all()`) loads every area: whoever reads `Base.metadata` (the migrations, the schema
tests) sees every table. Two threads may name classes at once (the GUI's task runner maps every area while
the GUI thread builds a page): an area another thread is still importing is published when it is complete.

models/areas.py says which area holds which class and table; tests/models/test_lazy_models.py checks it
against the modules, that each area loads alone in a fresh interpreter with every foreign key resolved, and
the two-thread case.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

from nomadcm.models.base import UTCDateTime, utcnow
from nomadcm.vocabulary import (
    ACCESS_FEES,
    CONFLICT_KINDS,
    DEVICES,
    NETWORK_LIMITS,
    NETWORKS,
    POST_STATUSES,
    REST_KINDS,
    TRANSIT_KINDS,
    WORKPLACE_KINDS,
)

if TYPE_CHECKING:
    from nomadcm.models.base import Base
    from nomadcm.models.billing import Contract, WorkEntry
    from nomadcm.models.events import ClientEvent, ClientEventPrefs, EventAck, EventCalendar
    from nomadcm.models.publishing import OccurrenceOverride, PostingSlot, ReminderState
    from nomadcm.models.schedule import Channel, Client, Post, Setting
    from nomadcm.models.team import Member, MemberRole, MemberSetting
    from nomadcm.models.travel import ConflictAck, Stay, Transit
    from nomadcm.models.wellbeing import AppUsage, RestPeriod, ScreenSession
    from nomadcm.models.workplaces import SCORE_FIELDS, ChecklistItem, SpeedTest, Workplace

from nomadcm.models.areas import _AREAS, _CLASSES


def _load(area: str) -> None:
    """Imports `area` (it imports the areas its foreign keys point to: `base.close_over_foreign_keys`), then
    publishes the names of every area fully imported. An area another thread is importing right now is left
    for a later call: its module exists but is not complete (measured: naming a class while the task runner
    ran `load_all` failed one time in six)."""
    importlib.import_module(f"nomadcm.models.{area}")
    for name, (public, _tables) in _AREAS.items():
        module = sys.modules.get(f"nomadcm.models.{name}")
        if module is not None and not _initializing(module):
            globals().update({attr: getattr(module, attr) for attr in public})


def _initializing(module: Any) -> bool:
    return bool(getattr(getattr(module, "__spec__", None), "_initializing", False))


def load_all() -> None:
    """Every area's classes and tables (the migrations, a schema comparison, `Base`)."""
    for area in _AREAS:
        if area not in _loaded_areas():
            _load(area)


def _loaded_areas() -> set[str]:
    return {area for area, (names, _tables) in _AREAS.items() if names[0] in globals()}


def __getattr__(name: str) -> Any:
    if name == "Base":
        from nomadcm.models.base import Base

        load_all()
        globals()["Base"] = Base
        return Base
    area = _CLASSES.get(name)
    if area is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _load(area)
    if name not in globals():  # its module was completed by another thread meanwhile: ask it directly
        globals()[name] = getattr(importlib.import_module(f"nomadcm.models.{area}"), name)
    return globals()[name]


__all__ = [
    "ACCESS_FEES",
    "CONFLICT_KINDS",
    "DEVICES",
    "NETWORKS",
    "NETWORK_LIMITS",
    "POST_STATUSES",
    "REST_KINDS",
    "SCORE_FIELDS",
    "TRANSIT_KINDS",
    "WORKPLACE_KINDS",
    "AppUsage",
    "Base",
    "Channel",
    "ChecklistItem",
    "Client",
    "ClientEvent",
    "ClientEventPrefs",
    "ConflictAck",
    "Contract",
    "EventAck",
    "EventCalendar",
    "Member",
    "MemberRole",
    "MemberSetting",
    "OccurrenceOverride",
    "Post",
    "PostingSlot",
    "ReminderState",
    "RestPeriod",
    "ScreenSession",
    "Setting",
    "SpeedTest",
    "Stay",
    "Transit",
    "UTCDateTime",
    "WorkEntry",
    "Workplace",
    "utcnow",
]
