"""The sample's wellbeing: three weeks of days that happened — sleep where she was the evening before, laptop
hours (some at a workplace), phone, breaks, sport — written through the services, never past `now`
(demo.py builds the rest of the sample)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from nomadcm import timezones
from nomadcm.services.desktop.demo import DemoSummary, Trip
from nomadcm.services.desktop.demo_places import ACTIVITIES


class Days:
    """Writes the days that happened, skipping whatever would end after `now` (the sample has no future)."""

    def __init__(self, services, now: datetime, summary: DemoSummary) -> None:  # type: ignore[no-untyped-def]
        self.services, self.now, self.summary = services, now, summary

    def screen(self, device: str, start: datetime, end: datetime, **extra: object) -> None:
        if end <= self.now:
            self.services.wellbeing.add_screen(device, start, end, **extra)
            self.summary.screen_sessions += 1

    def work_at(self, place_id: int, start: datetime, end: datetime, activity: str, client_id: int) -> None:
        if end <= self.now:
            self.services.workplaces.log_work(place_id, start, end, activity, client_id)
            self.summary.screen_sessions += 1

    def rest(self, kind: str, start: datetime, end: datetime, **extra: object) -> None:
        if end <= self.now:
            self.services.wellbeing.add_rest(kind, start, end, **extra)
            self.summary.rest_periods += 1


def add_wellbeing(services, trip: Trip, now: datetime, rng: random.Random, summary: DemoSummary) -> None:  # type: ignore[no-untyped-def]
    """Three weeks of days that happened: sleep, laptop hours (some at a workplace), phone, breaks, sport."""
    places = {p.name: p.id for p in services.workplaces.list_places()}
    office = {
        "Paris": ["Le Comptoir Nomade", "Quai 10 Coworking", "Médiathèque du Canal"],
        "Montréal": ["Café Mile End Social", "Espace Laurier"],
    }
    clients = [c.id for c in services.clients.list_clients()]
    log = Days(services, now, summary)
    day = trip.first_day + timedelta(days=3)
    while day <= trip.today:
        zone = trip.zone_on(day)
        travel_day = day == trip.outbound
        jet_lag = 0 < (day - trip.outbound).days <= 3

        def at(hh: int, mm: int, on: date = day, zone: str = zone) -> datetime:
            return timezones.localize_shifting_gaps(datetime.combine(on, time(hh, mm)), zone)[0]

        # The night that ends this morning: in bed where she was the evening before.
        if jet_lag:
            bed, wake = (21, rng.randint(10, 40)), (5, rng.randint(0, 30))
        else:
            bed, wake = (23, rng.randint(5, 55)), (7, rng.randint(0, 50))
        bed_at = at(*bed, on=day - timedelta(days=1), zone=trip.evening_zone(day - timedelta(days=1)))
        log.rest("sleep", bed_at, at(*wake), quality=rng.choice((3, 4, 4, 5, 2)))

        weekday = day.weekday()
        if travel_day:
            log.screen("phone", at(8, 40), at(9, 55), activity="Programmation des posts avant le vol")
        elif weekday < 5:
            start, end = at(9, rng.choice((0, 10, 25))), at(12, rng.choice((15, 30, 45)))
            client, activity = rng.choice(clients), rng.choice(ACTIVITIES)
            if rng.random() < 0.6:  # most mornings at a café, a coworking or a library
                log.work_at(places[rng.choice(office[trip.city_on(day)])], start, end, activity, client)
            else:
                log.screen("laptop", start, end, client_id=client, activity=activity)
            log.rest("break", end + timedelta(minutes=15), at(13, 45), note="Pause déjeuner")
            afternoon_end = at(rng.choice((17, 18, 18, 19)), rng.choice((0, 20, 40)))
            log.screen(
                "laptop",
                at(14, 0),
                afternoon_end,
                client_id=rng.choice(clients),
                activity=rng.choice(ACTIVITIES),
            )
            if weekday in (1, 3):
                log.rest("sport", at(19, 30), at(20, 30), note="Course à pied")
        elif weekday == 5:
            log.screen("laptop", at(10, 30), at(11, 45), activity="Réponses aux commentaires")
            log.rest("offline_social", at(15, 0), at(19, 0), note="Sortie entre amis, téléphone rangé")
        else:
            log.rest("day_off", at(9, 0), at(20, 0), note="Dimanche sans écran (ou presque)")
        if not (travel_day or jet_lag):  # evening moderation, a little longer on weekends
            evening_end = at(21, rng.randint(0, 50)) if weekday < 5 else at(22, rng.randint(0, 30))
            log.screen("phone", at(20, 45), evening_end, activity="Modération")
        day += timedelta(days=1)
