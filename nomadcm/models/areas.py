"""Which model area (module of nomadcm/models/) holds which public names and tables: the map the package's lazy
loading (nomadcm/models/__init__.py) and the foreign keys' closure (`models.base.close_over_foreign_keys`)
read. tests/models/test_lazy_models.py checks it against the modules. Imports nothing."""

from __future__ import annotations

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
