"""Every wellbeing word on screen, translated (the services speak English codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nomadcm.services.wellbeing_report import GoalWarning


def tr(text: str) -> str:
    return QCoreApplication.translate("Wellbeing", text)


def device_name(device: str) -> str:
    names = {
        "laptop": tr("Laptop"),
        "phone": tr("Phone"),
        "tablet": tr("Tablet"),
        "tv": tr("TV"),
        "other": tr("Other screen"),
    }
    return names.get(device, device)


def kind_name(kind: str) -> str:
    names = {
        "sleep": tr("Sleep"),
        "break": tr("Break"),
        "day_off": tr("Day off"),
        "offline_social": tr("Offline, with people"),
        "sport": tr("Sport"),
        "other": tr("Other rest"),
    }
    return names.get(kind, kind)


def source_name(source: str) -> str:
    names = {
        "manual": tr("typed"),
        "timer": tr("timer"),
        "activitywatch": tr("ActivityWatch"),
        "import": tr("CSV import"),
        "sleep_as_android": tr("Sleep as Android"),
        "workplace": tr("worked at a place"),
    }
    return names.get(source, source)


def hours_minutes(seconds: float) -> str:
    """ "5 h 12" style, for tables and labels."""
    minutes = int(seconds // 60 + (1 if seconds % 60 >= 30 else 0))
    return tr("{h} h {m:02d}").format(h=minutes // 60, m=minutes % 60)


def warning_text(w: GoalWarning) -> str:
    v, g = hours_minutes(w.value), hours_minutes(w.goal)
    texts = {
        "sleep_short": tr("Slept {value}, under the {goal} sleep goal"),
        "daily_rest_short": tr("Longest rest {value}, under {goal} in a row"),
        "screen_day_over": tr("Screen time {value}, over the {goal} daily limit"),
        "screen_week_over": tr("This week's screen time reached {value}, over the {goal} weekly limit"),
        "weekly_rest_missing": tr("No {goal} rest this week (longest {value})"),
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
        "screen_week_over": tr("Weekly screen limit passed"),
        "weekly_rest_missing": tr("No full day of rest"),
    }
    return texts.get(code, code)
