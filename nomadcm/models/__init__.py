"""SQLAlchemy models. Importing this package registers every table on `Base.metadata`."""

from nomadcm.models.base import Base, UTCDateTime, utcnow
from nomadcm.models.publishing import OccurrenceOverride, PostingSlot, ReminderState
from nomadcm.models.schedule import NETWORK_LIMITS, NETWORKS, POST_STATUSES, Channel, Client, Post, Setting
from nomadcm.models.travel import CONFLICT_KINDS, TRANSIT_KINDS, ConflictAck, Stay, Transit
from nomadcm.models.wellbeing import DEVICES, REST_KINDS, AppUsage, RestPeriod, ScreenSession
from nomadcm.models.workplaces import (
    ACCESS_FEES,
    SCORE_FIELDS,
    WORKPLACE_KINDS,
    ChecklistItem,
    SpeedTest,
    Workplace,
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
    "ConflictAck",
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
    "Workplace",
    "utcnow",
]
