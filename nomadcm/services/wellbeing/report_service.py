"""The wellbeing report over her databases (`Services.wellbeing_reports`): the report, "today" from the day
start, and this week's broken goals for the page and tray badges. The computation is `wellbeing_report`.

On a team database her sessions, rest and goals are in her own file (`db`), her itinerary and day start in
the team database (`shared`): services/wellbeing/personal_file.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from nomadcm import timezones
from nomadcm.services.settings import SettingsService
from nomadcm.services.wellbeing.goals import Goals
from nomadcm.services.wellbeing.wellbeing_report import (
    Report,
    build_report,
    parse_day_start,
    stored_week_start,
    week_first,
)
from nomadcm.storage import Database


def local_today(db: Database, now: datetime | None = None) -> date:
    """The CM's current day: the date her clock shows where she is, less the day start (04:00 -> yesterday).
    `db`: the database of her itinerary and settings (the shared one on a team database)."""
    from nomadcm.services.travel.itinerary import load_itinerary

    instant = now or timezones.now_utc()
    zone = load_itinerary(db).zone_at(instant)
    start = parse_day_start(SettingsService(db).get("day_start"))
    local = timezones.wall_at(instant, zone)
    return (local - timedelta(hours=start.hour, minutes=start.minute)).date()


def current_week_badges(
    db: Database,
    today: date | None = None,
    now: datetime | None = None,
    week_start: int | None = None,
    shared: Database | None = None,
    report: Report | None = None,
) -> list[tuple[str, int]]:
    """Goals broken so far this week (the week holding `today`, her local date): for page and tray badges.
    `report`: one the caller built with the same settings, used when it is this week's (the Wellbeing page
    showing this week: the report is not built twice)."""
    shared = shared if shared is not None else db
    if week_start is None:
        week_start = stored_week_start(SettingsService(shared).get("week_start"))
    today = today or local_today(shared, now)
    first = week_first(today, week_start)
    if report is None or (report.first, report.last) != (first, first + timedelta(days=6)):
        report = build_report(
            db, first, first + timedelta(days=6), now=now, week_start=week_start, shared=shared
        )
    return report.broken_goals(first, today)


class ReportService:
    """The report, "today" and this week's badges: what the page, the tray and the CLI ask. `db` holds her
    wellbeing (her own file on a team database), `shared` the itinerary and settings (default: `db`)."""

    def __init__(self, db: Database, shared: Database | None = None) -> None:
        self.db = db
        self.shared = shared if shared is not None else db

    def build(
        self,
        first: date,
        last: date,
        *,
        goals: Goals | None = None,
        now: datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
        week_start: int | None = None,
    ) -> Report:
        return build_report(
            self.db,
            first,
            last,
            goals=goals,
            now=now,
            progress=progress,
            week_start=week_start,
            shared=self.shared,
        )

    def today(self, now: datetime | None = None) -> date:
        return local_today(self.shared, now)

    def week_badges(
        self,
        today: date | None = None,
        now: datetime | None = None,
        week_start: int | None = None,
        *,
        report: Report | None = None,
    ) -> list[tuple[str, int]]:
        return current_week_badges(self.db, today, now, week_start, self.shared, report)
