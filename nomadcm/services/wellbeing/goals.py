"""Wellbeing goals and break-reminder settings: defaults, their sources, validation.

The defaults come from published figures, named in each setting's help text so the CM knows what a
warning is based on and can change it knowingly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nomadcm.errors import ValidationError
from nomadcm.services.settings import DEFAULTS, SettingsService

if TYPE_CHECKING:
    from nomadcm.services.changes import Change


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type  # float, int or bool
    low: float
    high: float
    help: str  # English; the GUI translates its own copy


GOAL_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "sleep_goal_hours",
        float,
        0,
        16,
        "Sleep goal per night, in hours (default 7: adults need at least 7 hours a night — American "
        "Academy of Sleep Medicine and Sleep Research Society consensus, 2015). 0 turns the check off.",
    ),
    SettingSpec(
        "daily_rest_hours",
        float,
        0,
        24,
        "Consecutive hours of rest wanted in each day (default 11: EU working-time directive 2003/88/EC, "
        "article 3, daily rest). Rest is time away from screens or logged as rest. 0 turns it off.",
    ),
    SettingSpec(
        "weekly_rest_hours",
        float,
        0,
        168,
        "Uninterrupted rest wanted once in each week, in hours (default 24: EU working-time directive "
        "2003/88/EC, article 5, weekly rest). 0 turns the check off.",
    ),
    SettingSpec(
        "screen_limit_day_hours",
        float,
        0,
        24,
        "Daily screen-time limit in hours, all devices together (default 8). 0 turns the check off.",
    ),
    SettingSpec(
        "screen_limit_week_hours",
        float,
        0,
        168,
        "Weekly screen-time limit in hours, all devices together (default 40). 0 turns the check off.",
    ),
)

REMINDER_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "break_reminders",
        bool,
        0,
        1,
        "Remind breaks while a screen timer runs (default off).",
    ),
    SettingSpec(
        "short_break_every_min",
        int,
        5,
        240,
        "Minutes of screen time between short breaks (default 50: UK HSE advice for display screen work, "
        "a 5-10 minute break after 50-60 minutes).",
    ),
    SettingSpec("short_break_min", int, 1, 60, "Length of a short break in minutes (default 5, UK HSE)."),
    SettingSpec(
        "long_break_every_min",
        int,
        10,
        600,
        "Minutes of screen time between long breaks (default 150); a long break replaces the short one due "
        "at the same time.",
    ),
    SettingSpec("long_break_min", int, 1, 120, "Length of a long break in minutes (default 15)."),
    SettingSpec("break_postpone_min", int, 1, 60, "Minutes a postponed break waits (default 10)."),
    SettingSpec(
        "screen_limit_warning",
        bool,
        0,
        1,
        "Warn once a day when a running timer takes today's screen time past the daily limit (default on).",
    ),
)

SPECS: dict[str, SettingSpec] = {s.key: s for s in (*GOAL_SPECS, *REMINDER_SPECS)}
# Kept in her own file on a team database (services/wellbeing/personal_file.py), with the screen timers.
PRIVATE_KEYS = frozenset({*SPECS, "screen_timers"})


def private_values(personal: SettingsService) -> dict[str, Any]:
    """The goals, break-reminder and screen-timer settings as her own file holds them (defaults where unset)."""
    values = personal.all()
    return {key: values[key] for key in PRIVATE_KEYS}


def save_settings_op(
    shared: SettingsService, personal: SettingsService, home_tz: str, values: dict[str, Any]
) -> Change:
    """`shared.save_op(home_tz, values)`, but the goals and break reminders go to `personal` (her own file on
    a team database; the same service on a SQLite file). Result: what really changed, by key."""
    from nomadcm.services.changes import ITINERARY, SETTINGS, WELLBEING, change

    if personal is shared or personal.db is shared.db:
        return shared.save_op(home_tz, values)
    mine = {key: value for key, value in values.items() if key in PRIVATE_KEYS}
    before = personal.all()
    for key, value in mine.items():
        personal.set(key, value)
    done = shared.save_op(home_tz, {key: value for key, value in values.items() if key not in PRIVATE_KEYS})
    changed = {**(done.result or {}), **{k: v for k, v in mine.items() if before.get(k) != v}}
    return change({SETTINGS, ITINERARY, WELLBEING} if changed else set(), "settings", None, changed)


def parse_setting(key: str, value: Any, label: str | None = None) -> Any:
    """The typed, range-checked value for one wellbeing setting; ValidationError names the bad value."""
    spec = SPECS[key]
    key = label or key
    if spec.kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ValidationError(f"{key}: {value!r} is not on/off")
    try:
        number = (
            spec.kind(str(value).strip().replace(",", ".")) if isinstance(value, str) else spec.kind(value)
        )
    except (TypeError, ValueError):
        raise ValidationError(f"{key}: {value!r} is not a number") from None
    if not spec.low <= number <= spec.high:
        raise ValidationError(f"{key}: {value!r} is outside {spec.low:g}-{spec.high:g}")
    return number


@dataclass(frozen=True)
class Goals:
    """Thresholds in hours; 0 turns a check off."""

    sleep_hours: float = DEFAULTS["sleep_goal_hours"]
    daily_rest_hours: float = DEFAULTS["daily_rest_hours"]
    weekly_rest_hours: float = DEFAULTS["weekly_rest_hours"]
    screen_day_hours: float = DEFAULTS["screen_limit_day_hours"]
    screen_week_hours: float = DEFAULTS["screen_limit_week_hours"]

    @classmethod
    def from_settings(cls, settings: SettingsService) -> Goals:
        values = settings.all()

        def read(key: str) -> float:
            try:
                return float(parse_setting(key, values.get(key, DEFAULTS[key])))
            except ValidationError:
                return float(DEFAULTS[key])  # a hand-edited bad value: fall back rather than crash

        return cls(
            read("sleep_goal_hours"),
            read("daily_rest_hours"),
            read("weekly_rest_hours"),
            read("screen_limit_day_hours"),
            read("screen_limit_week_hours"),
        )


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = False
    short_every_min: int = 50
    short_min: int = 5
    long_every_min: int = 150
    long_min: int = 15
    postpone_min: int = 10
    limit_warning: bool = True

    @classmethod
    def from_settings(cls, settings: SettingsService) -> ReminderSettings:
        values = settings.all()

        def read(key: str) -> Any:
            try:
                return parse_setting(key, values.get(key, DEFAULTS[key]))
            except ValidationError:
                return DEFAULTS[key]

        return cls(
            read("break_reminders"),
            read("short_break_every_min"),
            read("short_break_min"),
            read("long_break_every_min"),
            read("long_break_min"),
            read("break_postpone_min"),
            read("screen_limit_warning"),
        )
