"""Translated words and marks of the clients' events, shared by the Clients page, the Calendar and the Day
view: kind labels, a symbol and a colour per kind, when an event happens, and the launch conflict's sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from nomadcm import timezones
from nomadcm.services.events.records import EventInfo
from nomadcm.ui.formatting import fmt_day, fmt_time
from nomadcm.vocabulary import EVENT_KINDS

KIND_COLOURS = {
    "launch": "#2f855a",
    "promotion": "#b7791f",
    "closure": "#718096",
    "event": "#3182ce",
    "press": "#805ad5",
    "blackout": "#1a202c",
}


def kind_label(kind: str) -> str:
    labels = {
        "launch": QCoreApplication.translate("Events", "Launch"),
        "promotion": QCoreApplication.translate("Events", "Promotion"),
        "closure": QCoreApplication.translate("Events", "Closure"),
        "event": QCoreApplication.translate("Events", "Event"),
        "press": QCoreApplication.translate("Events", "Press"),
        "blackout": QCoreApplication.translate("Events", "Blackout"),
    }
    return labels.get(kind, kind)


def kind_choices() -> list[tuple[str, str]]:
    """(kind, label) in the vocabulary's order, for a combo box."""
    return [(kind, kind_label(kind)) for kind in EVENT_KINDS]


def kind_symbol(kind: str) -> str:
    # Marks every desktop font has (no emoji: many Linux desktops draw those as boxes).
    return {"launch": "▲", "promotion": "%", "closure": "✕", "press": "✎", "blackout": "■"}.get(kind, "◆")


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, "#3182ce"))


def event_when(e: EventInfo) -> str:
    """When an event happens, on its own clock: dates for an all-day one, times and zone for a timed one."""
    if e.all_day:
        if e.first_date == e.last_date:
            return fmt_day(e.first_date)
        return QCoreApplication.translate("Events", "{first} to {last}").format(
            first=fmt_day(e.first_date), last=fmt_day(e.last_date)
        )
    abbr = timezones.abbreviation(e.start_utc, e.tz)
    if e.end_wall.date() == e.start_wall.date():
        return f"{fmt_day(e.start_wall)} {fmt_time(e.start_wall)}–{fmt_time(e.end_wall)} {abbr}"
    return QCoreApplication.translate("Events", "{first} to {last}").format(
        first=f"{fmt_day(e.start_wall)} {fmt_time(e.start_wall)}",
        last=f"{fmt_day(e.end_wall)} {fmt_time(e.end_wall)} {abbr}",
    )


def event_tooltip(e: EventInfo, gap_hours: int | None = None) -> str:
    """What hovering an event shows (plain text: the caller passes it through `plain_tooltip`)."""
    lines = [
        f"{kind_symbol(e.kind)} {e.title}",
        f"{e.client_name} — {kind_label(e.kind)}",
        QCoreApplication.translate("Events", "{when} ({zone})").format(when=event_when(e), zone=e.tz),
    ]
    if e.calendar_name:
        lines.append(
            QCoreApplication.translate("Events", "From the calendar {name}").format(name=e.calendar_name)
        )
    if gap_hours is not None:
        lines.append("⚠ " + launch_gap_text(gap_hours))
    if e.notes:
        lines += ["", e.notes if len(e.notes) < 400 else e.notes[:400] + "…"]
    return "\n".join(lines)


def launch_gap_text(hours: int) -> str:
    return QCoreApplication.translate(
        "Events", "No post in the {hours} h before or after this launch"
    ).format(hours=hours)
