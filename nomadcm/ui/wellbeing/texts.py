"""Every wellbeing word on screen, translated (the services speak English codes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # the names of devices are shown before the data stack loads (the timer in the frame)
    from nomadcm.services.wellbeing.wellbeing_report import GoalWarning


def device_name(device: str) -> str:
    names = {
        "laptop": QCoreApplication.translate("Wellbeing", "Laptop"),
        "phone": QCoreApplication.translate("Wellbeing", "Phone"),
        "tablet": QCoreApplication.translate("Wellbeing", "Tablet"),
        "tv": QCoreApplication.translate("Wellbeing", "TV"),
        "other": QCoreApplication.translate("Wellbeing", "Other screen"),
    }
    return names.get(device, device)


def kind_name(kind: str) -> str:
    names = {
        "sleep": QCoreApplication.translate("Wellbeing", "Sleep"),
        "break": QCoreApplication.translate("Wellbeing", "Break"),
        "day_off": QCoreApplication.translate("Wellbeing", "Day off"),
        "offline_social": QCoreApplication.translate("Wellbeing", "Offline, with people"),
        "sport": QCoreApplication.translate("Wellbeing", "Sport"),
        "other": QCoreApplication.translate("Wellbeing", "Other rest"),
    }
    return names.get(kind, kind)


def source_name(source: str) -> str:
    names = {
        "manual": QCoreApplication.translate("Wellbeing", "typed"),
        "timer": QCoreApplication.translate("Wellbeing", "timer"),
        "activitywatch": QCoreApplication.translate("Wellbeing", "ActivityWatch"),
        "import": QCoreApplication.translate("Wellbeing", "CSV import"),
        "sleep_as_android": QCoreApplication.translate("Wellbeing", "Sleep as Android"),
        "workplace": QCoreApplication.translate("Wellbeing", "worked at a place"),
    }
    return names.get(source, source)


def hours_minutes(seconds: float) -> str:
    """ "5 h 12" style, for tables and labels."""
    minutes = int(seconds // 60 + (1 if seconds % 60 >= 30 else 0))
    return QCoreApplication.translate("Wellbeing", "{h} h {m:02d}").format(h=minutes // 60, m=minutes % 60)


def warning_text(w: GoalWarning) -> str:
    v, g = hours_minutes(w.value), hours_minutes(w.goal)
    texts = {
        "sleep_short": QCoreApplication.translate("Wellbeing", "Slept {value}, under the {goal} sleep goal"),
        "daily_rest_short": QCoreApplication.translate(
            "Wellbeing", "Longest rest {value}, under {goal} in a row"
        ),
        "screen_day_over": QCoreApplication.translate(
            "Wellbeing", "Screen time {value}, over the {goal} daily limit"
        ),
        "screen_week_over": QCoreApplication.translate(
            "Wellbeing", "This week's screen time reached {value}, over the {goal} weekly limit"
        ),
        "weekly_rest_missing": QCoreApplication.translate(
            "Wellbeing", "No {goal} rest this week (longest {value})"
        ),
    }
    return texts.get(w.code, w.text()).format(value=v, goal=g)


def badge_text(code: str, count: int) -> str:
    texts = {
        "sleep_short": QCoreApplication.translate("Wellbeing", "%n short night(s)", "", count),
        "daily_rest_short": QCoreApplication.translate(
            "Wellbeing", "%n day(s) short of daily rest", "", count
        ),
        "screen_day_over": QCoreApplication.translate(
            "Wellbeing", "%n day(s) over the screen limit", "", count
        ),
        "screen_week_over": QCoreApplication.translate("Wellbeing", "Weekly screen limit passed"),
        "weekly_rest_missing": QCoreApplication.translate("Wellbeing", "No full day of rest"),
    }
    return texts.get(code, code)
