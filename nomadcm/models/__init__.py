"""SQLAlchemy models, each area's mapped classes loaded when first named (issue 14).

Mapping a class costs SQLAlchemy a few milliseconds (25 classes: a quarter of a CLI command's start-up), and
most commands use a few: `nomadcm client list` needs clients, channels, posts and members, not billing or
wellbeing. So `from nomadcm.models import Client` imports models/schedule.py only, and with it the areas its
foreign keys point to (a table must be on the metadata for SQLAlchemy to sort a flush or find a join), until
every table loaded can resolve its foreign keys. Naming `Base` (or calling `load_all()`) loads every area:
whoever reads `Base.metadata` (the migrations, the schema tests) sees every table.

`_CLASSES` and `_TABLES` say which area holds which class and table; tests/models/test_lazy_models.py checks
them against the modules, and that each area loads alone in a fresh interpreter with every foreign key
resolved.
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

_AREAS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # area -> (its public names, its tables)
    "billing": (("Contract", "WorkEntry"), ("contract", "work_entry")),
    "events": (
        ("ClientEvent", "ClientEventPrefs", "EventAck", "EventCalendar"),
        ("event_calendar", "client_event", "event_ack", "client_event_prefs"),
    ),
    "publishing": (
        ("OccurrenceOverride", "PostingSlot", "ReminderState"),
        ("post_occurrence", "posting_slot", "post_reminder"),
    ),
    "schedule": (("Channel", "Client", "Post", "Setting"), ("client", "channel", "post", "setting")),
    "team": (("Member", "MemberRole", "MemberSetting"), ("member", "member_role", "member_setting")),
    "travel": (("ConflictAck", "Stay", "Transit"), ("stay", "transit", "conflict_ack")),
    "wellbeing": (
        ("AppUsage", "RestPeriod", "ScreenSession"),
        ("screen_session", "rest_period", "app_usage"),
    ),
    "workplaces": (
        ("SCORE_FIELDS", "ChecklistItem", "SpeedTest", "Workplace"),
        ("workplace", "speed_test", "checklist_item"),
    ),
}
_CLASSES = {name: area for area, (names, _tables) in _AREAS.items() for name in names}
_TABLES = {table: area for area, (_names, tables) in _AREAS.items() for table in tables}


def _load(area: str) -> None:
    """Imports `area`, then every area a loaded table's foreign key points to, until none is missing."""
    from nomadcm.models.base import Base

    pending = [area]
    while pending:
        importlib.import_module(f"nomadcm.models.{pending.pop()}")
        for table in list(Base.metadata.tables.values()):
            for fk in table.foreign_keys:
                target = fk.target_fullname.split(".", 1)[0]
                if target not in Base.metadata.tables and _TABLES[target] not in pending:
                    pending.append(_TABLES[target])
    for name, (public, _tables) in _AREAS.items():  # an area imports another's helpers: both are loaded
        module = sys.modules.get(f"nomadcm.models.{name}")
        if module is not None:
            globals().update({attr: getattr(module, attr) for attr in public})


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
