"""Translated words of the travel area: transit kinds, conflict kinds, itinerary warnings.

The services speak English to the CLI and give their facts (kinds, dates, places) to the GUI, which words
them here through `QCoreApplication.translate`, so the French translation covers every sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nomadcm.services.travel.itinerary_warnings import ItineraryWarning
from nomadcm.ui.formatting import fmt_day
from nomadcm.ui.hours_text import display_hours


def transit_kind_label(kind: str) -> str:
    labels = {
        "flight": QCoreApplication.translate("Travel", "Flight"),
        "train": QCoreApplication.translate("Travel", "Train"),
        "bus": QCoreApplication.translate("Travel", "Bus"),
        "car": QCoreApplication.translate("Travel", "Car"),
        "boat": QCoreApplication.translate("Travel", "Boat"),
        "other": QCoreApplication.translate("Travel", "Other"),
    }
    return labels.get(kind, kind)


def transit_kind_symbol(kind: str) -> str:
    return {"flight": "✈", "train": "🚆", "bus": "🚌", "car": "🚗", "boat": "⛴"}.get(kind, "→")


def conflict_label(kind: str, who: str = "") -> str:
    """The kind's short label; `who` names a teammate whose clock a post is read at (team mode)."""
    if who and kind == "sleep":
        return QCoreApplication.translate("Travel", "While {who} sleeps").format(who=who)
    if who and kind == "transit":
        return QCoreApplication.translate("Travel", "While {who} travels").format(who=who)
    labels = {
        "sleep": QCoreApplication.translate("Travel", "While you sleep"),
        "transit": QCoreApplication.translate("Travel", "While you travel"),
        "off_hours": QCoreApplication.translate("Travel", "Outside working hours"),
        "holiday": QCoreApplication.translate("Travel", "Public holiday"),
        "no_wifi": QCoreApplication.translate("Travel", "No known WiFi"),
        "closure": QCoreApplication.translate("Travel", "Client closed"),
    }
    return labels.get(kind, kind.replace("_", " "))


def conflict_symbol(kind: str) -> str:
    return {
        "sleep": "☾",
        "transit": "✈",
        "off_hours": "◷",
        "holiday": "★",
        "no_wifi": "⌁",
        "closure": "✕",
    }.get(kind, "!")


def conflict_sentence(kind: str, fact: str, cm_time: str, cm_zone: str, who: str = "") -> str:
    """One line of a tooltip: the kind, what it rests on, and her local time. `who`: a teammate whose clock
    and rhythm the post is read at (it is assigned to her), "" for the viewer's own."""
    if who and kind in ("sleep", "transit", "off_hours"):
        return _teammate_sentence(kind, fact, cm_time, cm_zone, who)
    if kind == "sleep":
        return QCoreApplication.translate(
            "Travel", "While you sleep: {time} for you ({zone}), sleep window {window}"
        ).format(time=cm_time, zone=cm_zone, window=display_hours(fact))
    if kind == "transit":
        return QCoreApplication.translate(
            "Travel", "While you travel: {route}, {time} for you ({zone})"
        ).format(route=fact, time=cm_time, zone=cm_zone)
    if kind == "off_hours":
        return QCoreApplication.translate(
            "Travel", "Outside your working hours: {time} for you ({zone}); hours {hours}"
        ).format(time=cm_time, zone=cm_zone, hours=display_hours(fact))
    if kind == "holiday":
        return QCoreApplication.translate("Travel", "Public holiday for the audience: {name}").format(
            name=fact
        )
    if kind == "no_wifi":
        return QCoreApplication.translate("Travel", "No workplace with WiFi known in {place}").format(
            place=fact
        )
    if kind == "closure":
        return QCoreApplication.translate(
            "Travel", "During the client's closure or blackout: {event}"
        ).format(event=fact)
    return f"{conflict_label(kind)}: {fact}"


def _teammate_sentence(kind: str, fact: str, cm_time: str, cm_zone: str, who: str) -> str:
    if kind == "sleep":
        return QCoreApplication.translate(
            "Travel", "While {who} sleeps: {time} for {who} ({zone}), sleep window {window}"
        ).format(who=who, time=cm_time, zone=cm_zone, window=display_hours(fact))
    if kind == "transit":
        return QCoreApplication.translate(
            "Travel", "While {who} travels: {route}, {time} for {who} ({zone})"
        ).format(who=who, route=fact, time=cm_time, zone=cm_zone)
    return QCoreApplication.translate(
        "Travel", "Outside {who}'s working hours: {time} for {who} ({zone}); hours {hours}"
    ).format(who=who, time=cm_time, zone=cm_zone, hours=display_hours(fact))


def warning_text(w: ItineraryWarning) -> str:
    a = w.places[0] if w.places else ""
    b = w.places[1] if len(w.places) > 1 else ""
    if w.kind == "shared_day":
        return QCoreApplication.translate(
            "Travel",
            "{a} and {b} both include {day}, but no transit that day says when you move: "
            "add it so that your time is right that day.",
        ).format(a=a, b=b, day=fmt_day(w.first_date))
    if w.kind == "missing_transit":
        return QCoreApplication.translate(
            "Travel",
            "No transit between {a} (until {first}) and {b} (from {last}): add it so that your time is "
            "right while you travel.",
        ).format(a=a, b=b, first=fmt_day(w.first_date), last=fmt_day(w.last_date))
    if w.kind == "gap":
        if w.first_date == w.last_date:
            span = fmt_day(w.first_date)
        else:
            span = QCoreApplication.translate("Travel", "{first} to {last}").format(
                first=fmt_day(w.first_date), last=fmt_day(w.last_date)
            )
        return QCoreApplication.translate(
            "Travel", "Nothing planned on {span}, between {a} and {b}: your home zone ({zone}) is used."
        ).format(span=span, a=a, b=b, zone=w.zone)
    if w.kind == "transit_place":
        if w.leaving:
            text = QCoreApplication.translate(
                "Travel", "Your {transit} leaves from {a} on {day}, but you are staying in {b} then."
            )
        else:
            text = QCoreApplication.translate(
                "Travel", "Your {transit} arrives in {a} on {day}, but you are staying in {b} then."
            )
        kind, _, ref = w.transit.partition(" ")
        transit = f"{transit_kind_label(kind).lower()} {ref}".strip()
        return text.format(transit=transit, a=a, b=b, day=fmt_day(w.first_date))
    if w.kind == "no_wifi":
        return QCoreApplication.translate(
            "Travel",
            "None of your workplaces with WiFi is in {a} for your stay from {first} to {last}: "
            "add one, or put places to try on its checklist.",
        ).format(a=a, first=fmt_day(w.first_date), last=fmt_day(w.last_date))
    return w.message
