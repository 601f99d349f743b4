"""The sample clients' side of the calendar: for each, a launch and a closure (or a blackout, a promotion)
typed by hand, and the client's own calendar — a weekly live with one week skipped (EXDATE) and one moved
(RECURRENCE-ID), and a press day — read through the real importer, as a subscription would be.

Dates are relative to the sample's day, so the month around it always shows them; one launch is left without
posts around it, and a closure falls on planned posts, so the conflicts have something to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nomadcm.services.container import Services


@dataclass(frozen=True)
class DemoCalendar:
    client: str
    weekday: int  # the live's day (0 = Monday)
    live: tuple[str, str, int]  # (title, HH:MM, minutes)
    press: str
    by_hand: tuple[tuple[str, str, int, int, str | None], ...]  # (kind, title, first day, last day, HH:MM)


CALENDARS = (
    DemoCalendar(
        "Boulangerie Lemoine",
        2,
        ("Live Instagram : les coulisses du fournil", "18:00", 30),
        "Interview pour Le Parisien (rubrique Gourmand)",
        (
            ("launch", "Lancement de la brioche feuilletée", 5, 5, "08:00"),
            ("closure", "Fermeture pour travaux du fournil", 12, 14, None),
        ),
    ),
    DemoCalendar(
        "Atelier Boréal",
        3,
        ("Live atelier : tournage en direct", "19:00", 45),
        "Reportage Radio-Canada sur les ateliers du Mile End",
        (
            ("launch", "Lancement de la collection Hiver boréal", 22, 22, "10:00"),  # no post around it
            ("blackout", "Blackout : annonce officielle du partenariat", 16, 16, None),
        ),
    ),
    DemoCalendar(
        "Ravinala Voyages",
        1,
        ("Live Facebook : vos questions sur Madagascar", "17:00", 60),
        "Salon du tourisme : interview Midi Madagasikara",
        (
            ("promotion", "Promo basse saison : -20 % sur les circuits", 8, 14, None),
            ("closure", "Bureau fermé : jour férié", 20, 20, None),
        ),
    ),
)


def add_demo_events(services: Services, today: date) -> tuple[int, int]:
    """Adds the sample's events; returns (events typed by hand, events read from the calendars)."""
    from nomadcm.exchange.ics_events import read_calendar  # the real importer, as for a client's file
    from nomadcm.services.events.records import EventDraft

    clients = {c.name: c for c in services.clients.list_clients()}
    by_hand = read = 0
    for demo in CALENDARS:
        client = clients[demo.client]
        for kind, title, first, last, hhmm in demo.by_hand:
            day, until = today + timedelta(days=first), today + timedelta(days=last)
            if hhmm is None:
                draft = EventDraft(client.id, title, day, until, kind, all_day=True)
            else:
                start = datetime.combine(day, time.fromisoformat(hhmm))
                draft = EventDraft(client.id, title, start, start + timedelta(hours=1), kind)
            services.events.add(draft)
            by_hand += 1
        text = _calendar_text(demo, client.audience_tz, today)
        reading = read_calendar(text, client.audience_tz, f"{demo.client} calendar")
        services.calendars.sync(client.id, f"Agenda {demo.client}", reading.events, text)
        read += len(reading.events)
    return by_hand, read


def _calendar_text(demo: DemoCalendar, zone: str, today: date) -> str:
    """The client's calendar as its calendar app would publish it (a TZID on every time)."""
    title, hhmm, minutes = demo.live
    start_time = time.fromisoformat(hhmm)
    first = today - timedelta(days=21)
    first += timedelta(days=(demo.weekday - first.weekday()) % 7)
    start = datetime.combine(first, start_time)
    end = start + timedelta(minutes=minutes)
    skipped = start + timedelta(weeks=4)
    moved_from = start + timedelta(weeks=5)
    moved_to = moved_from + timedelta(days=1, hours=1)
    press = datetime.combine(today + timedelta(days=9), time(11, 0))
    uid = demo.client.lower().replace(" ", "-").replace("é", "e")

    def stamp(value: datetime) -> str:
        return f"{value:%Y%m%dT%H%M%S}"

    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//NomadCM//Sample data//FR",
        f"X-WR-CALNAME:Agenda {demo.client}", f"X-WR-TIMEZONE:{zone}",
        "BEGIN:VEVENT", f"UID:live-{uid}@example.com", "DTSTAMP:20250101T000000Z",
        f"DTSTART;TZID={zone}:{stamp(start)}", f"DTEND;TZID={zone}:{stamp(end)}",
        "RRULE:FREQ=WEEKLY;COUNT=12", f"EXDATE;TZID={zone}:{stamp(skipped)}",
        f"SUMMARY:{title}", "CATEGORIES:event", "END:VEVENT",
        "BEGIN:VEVENT", f"UID:live-{uid}@example.com", "DTSTAMP:20250101T000000Z",
        f"RECURRENCE-ID;TZID={zone}:{stamp(moved_from)}",
        f"DTSTART;TZID={zone}:{stamp(moved_to)}",
        f"DTEND;TZID={zone}:{stamp(moved_to + timedelta(minutes=minutes))}",
        f"SUMMARY:{title} (décalé)", "END:VEVENT",
        "BEGIN:VEVENT", f"UID:press-{uid}@example.com", "DTSTAMP:20250101T000000Z",
        f"DTSTART;TZID={zone}:{stamp(press)}", f"DTEND;TZID={zone}:{stamp(press + timedelta(hours=1))}",
        f"SUMMARY:{demo.press}", "CATEGORIES:press", "END:VEVENT",
        "END:VCALENDAR",
    ]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"
