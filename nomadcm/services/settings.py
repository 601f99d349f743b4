"""User settings, stored as JSON values in the `setting` table (new settings need no migration).

The module itself imports no SQLAlchemy (the model is imported when a value is read or written): the CLI
reads `DEFAULTS` and the goals' help texts while it builds `--help`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from nomadcm import timezones
from nomadcm.services.acting import ACTING, MemberRef, member_of

if TYPE_CHECKING:
    from nomadcm.services.changes import Change
    from nomadcm.storage import Database

DEFAULT_HOME_TZ = "Europe/Paris"

# Every known setting and its default. Areas add theirs here so that one place lists them all.
DEFAULTS: dict[str, Any] = {
    "home_tz": DEFAULT_HOME_TZ,
    "home_city": "",
    "sleep": "23:00-07:00",
    "work_hours": "Mo-Fr 09:00-18:00",
    "day_start": "04:00",
    "week_start": 0,  # ISO weekday (1 = Monday ... 7 = Sunday); 0 = the GUI's locale rule (Monday for the CLI)
    "language": "",  # "" follows the system
    # Wellbeing goals (hours; 0 turns a check off) — sources in services/goals.py help texts.
    "sleep_goal_hours": 7.0,  # AASM/SRS adult consensus
    "daily_rest_hours": 11.0,  # EU directive 2003/88/EC art. 3
    "weekly_rest_hours": 24.0,  # EU directive 2003/88/EC art. 5
    "screen_limit_day_hours": 8.0,
    "screen_limit_week_hours": 40.0,
    # Break reminders while a screen timer runs (off by default; UK HSE figures).
    "break_reminders": False,
    "short_break_every_min": 50,
    "short_break_min": 5,
    "long_break_every_min": 150,
    "long_break_min": 15,
    "break_postpone_min": 10,
    "screen_limit_warning": True,
    "screen_timers": {},  # running screen timers: device -> {"start": UTC text, "client_id": id | null}
    # Publishing: reminders before a scheduled post is due (services/reminders.py), calendar view.
    "reminders": True,
    "reminder_minutes": 10,
    "calendar_zone": "",  # the calendar's lens: "" = my time (itinerary), else an IANA zone
    # Desktop (issue 7): the sample database says so (window title); the tray.
    "demo_data": False,
    "close_to_tray": False,  # closing the window keeps NomadCM in the tray (reminders keep running)
    "theme": "",  # "" follows the system's light/dark choice; "light" or "dark" forces one
    "setup_done": False,  # the first-run wizard was finished or skipped
    # Contracts and hours (issue 16): a client's month whose unpaid time reaches this many hours warns.
    "unpaid_warning_hours": 1.0,
}


# Settings that are a person's own: on a database with members each member has hers (`member_setting`), over
# the database-wide value (what the file had before it had members, else the default). The rest (the sample
# database flag, the unpaid-hours warning, the stored zone rules' version...) is the database's.
PERSONAL: frozenset[str] = frozenset(DEFAULTS) - {"demo_data", "unpaid_warning_hours"}


class SettingsService:
    """Settings of one database, as a member sees them: `member` (default: whoever the handle acts for) reads
    and writes her own value of a `PERSONAL` setting; a CM alone (no member) has the database's."""

    def __init__(self, db: Database, member: MemberRef = ACTING) -> None:
        self.db = db
        self._member = member

    @property
    def member_id(self) -> int | None:
        """Whose personal settings these are (None: the database's own, a CM alone)."""
        return member_of(self.db, self._member)

    def for_member(self, member_id: int | None) -> SettingsService:
        """The same settings as `member_id` sees them (her rhythm, for a post assigned to her)."""
        return SettingsService(self.db, member_id)

    def get(self, key: str, default: Any = None) -> Any:
        from nomadcm.models import MemberSetting, Setting

        member = self.member_id if key in PERSONAL else None
        with self.db.session() as s:
            own = s.get(MemberSetting, (member, key)) if member is not None else None
            row = own if own is not None else s.get(Setting, key)
        if row is None:
            return DEFAULTS.get(key, default) if default is None else default
        return json.loads(row.value)

    def set(self, key: str, value: Any) -> None:
        from nomadcm.models import MemberSetting, Setting

        member = self.member_id if key in PERSONAL else None
        with self.db.write() as s:
            if member is not None:
                s.merge(MemberSetting(member_id=member, key=key, value=json.dumps(value)))
            else:
                s.merge(Setting(key=key, value=json.dumps(value)))

    def all(self) -> dict[str, Any]:
        from nomadcm.models import MemberSetting, Setting

        member = self.member_id
        with self.db.session() as s:
            stored = {row.key: json.loads(row.value) for row in s.query(Setting)}
            if member is not None:
                own = s.query(MemberSetting).filter(MemberSetting.member_id == member)
                stored.update({row.key: json.loads(row.value) for row in own if row.key in PERSONAL})
        return {**DEFAULTS, **stored}

    # Typed accessors for settings with rules.

    def home_tz(self) -> str:
        return str(self.get("home_tz"))

    def save_op(self, home_tz: str, values: dict[str, Any]) -> Change:
        """Sets the home zone and `values` (the settings dialog's OK). Result: what really changed, by key.
        Not undoable (settings are not a page's content); announces settings, itinerary and wellbeing (the
        home zone and rhythm move the day view, the goals the wellbeing page) when anything changed."""
        from nomadcm.services.changes import ITINERARY, SETTINGS, WELLBEING, change

        before = self.all()
        self.set_home_tz(home_tz)
        for key, value in values.items():
            self.set(key, value)
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if before.get("home_tz") != self.home_tz():
            changed["home_tz"] = self.home_tz()
        areas = {SETTINGS, ITINERARY, WELLBEING} if changed else set()
        return change(areas, "settings", None, changed)

    def set_home_tz(self, zone: str) -> str:
        canonical = timezones.check_zone(zone)
        self.set("home_tz", canonical)
        return canonical
