"""SQLAlchemy models. Importing this package registers every table on `Base.metadata`."""

from nomadcm.models.base import Base, UTCDateTime, utcnow
from nomadcm.models.billing import Contract, WorkEntry
from nomadcm.models.events import ClientEvent, ClientEventPrefs, EventAck, EventCalendar
from nomadcm.models.publishing import OccurrenceOverride, PostingSlot, ReminderState
from nomadcm.models.schedule import Channel, Client, Post, Setting
from nomadcm.models.team import Member, MemberRole, MemberSetting
from nomadcm.models.travel import ConflictAck, Stay, Transit
from nomadcm.models.wellbeing import AppUsage, RestPeriod, ScreenSession
from nomadcm.models.workplaces import SCORE_FIELDS, ChecklistItem, SpeedTest, Workplace
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
