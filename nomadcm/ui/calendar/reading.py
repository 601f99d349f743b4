"""What the Calendar shows for one view (`CalendarRequest`: which week or month, through which lens, whose
posts), read without a widget: the days, the posts placed on them with their conflict marks, the clients'
events. The page reads it on the GUI thread as she navigates; for the page's first show the window reads it on
its task runner while the sidebar click is answered (`PageSpec.preload`, ui/main_window.py), and the page
takes it if it asks for the same view (`first_request` is what a new page shows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.ui.calendar.event_layer import PlacedEvent, load_events
from nomadcm.ui.calendar.layout import DaySpan, Placed, day_spans, month_grid_start, place, week_start
from nomadcm.ui.calendar.page_view import MY_TIME, WEEK, first_per_day
from nomadcm.ui.calendar.view import MONTH_LINES
from nomadcm.ui.formatting import first_weekday

if TYPE_CHECKING:
    from nomadcm.services.container import Services


@dataclass(frozen=True)
class CalendarRequest:
    anchor: date  # a day of the week or month shown
    mode: str  # WEEK or MONTH
    lens: str  # MY_TIME or a zone
    client_id: int | None = None
    assignee_id: int | None = None


@dataclass
class CalendarData:
    request: CalendarRequest
    days: list[DaySpan] = field(default_factory=list)
    items: list[Placed] = field(default_factory=list)
    events: list[PlacedEvent] = field(default_factory=list)
    today: date | None = None


def lens_zone_now(services: Services) -> str:
    """The zone "today" is read in: the lens kept in the settings, else where she is now."""
    zone = services.settings.get("calendar_zone", "") or ""
    if zone and timezones.is_zone(zone):
        return zone
    return services.your_time().zone_at(timezones.now_utc())


def first_request(services: Services) -> CalendarRequest:
    """What a new Calendar page shows: this week, through the kept lens when a client's zone still offers it
    (else "my time"), everyone's posts of every client."""
    saved = services.settings.get("calendar_zone", "") or ""
    zones = {c.audience_tz for c in services.clients.list_clients()}
    anchor = timezones.wall_at(timezones.now_utc(), lens_zone_now(services)).date()
    return CalendarRequest(anchor, WEEK, saved if saved in zones else MY_TIME)


def visible_range(services: Services, anchor: date, mode: str) -> tuple[date, int]:
    """The first day shown and how many: a week, or the six weeks of a month's grid."""
    first_day = first_weekday(services.settings.get("week_start"))  # the setting, else the locale's
    if mode == WEEK:
        return week_start(anchor, first_day), 7
    return month_grid_start(anchor, first_day), 42


def read_calendar(services: Services, request: CalendarRequest) -> CalendarData:
    first, count = visible_range(services, request.anchor, request.mode)
    my_time = request.lens == MY_TIME
    zone_for = services.your_time().zone_at if my_time else (lambda _t, z=request.lens: z)
    days = day_spans(first, count, zone_for)
    # "My time" places a post on the date her clock shows, which may lie a day off the instant's day span
    # near a travel day or the range's edges: ask for the posts two days around.
    margin = timedelta(days=2) if my_time else timedelta(0)
    flt = ScheduleFilter(
        start=days[0].start - margin,
        end=days[-1].end + margin,
        client_id=request.client_id,
        assignee_id=request.assignee_id,
    )
    # "My time" is the viewer's clock, also for a post a teammate publishes (the Schedule's "your time"
    # column is the assignee's): one lens, the days' own. Its conflict marks stay the assignee's.
    lens = services.itinerary() if my_time else None
    items = place(list(services.schedule(flt, itinerary=lens).stream()), days, my_time=my_time)
    _mark_conflicts(services, items if request.mode == WEEK else first_per_day(items, MONTH_LINES))
    now = timezones.now_utc()
    today = next((d.day for d in days if d.contains(now)), None)
    return CalendarData(request, days, items, load_events(services, days, request.client_id), today)


def _mark_conflicts(services: Services, shown: list[Placed]) -> None:
    """The conflict check's findings (sleep, transit, holiday...) on the posts drawn (the month view draws the
    first few of each day; the rest are counted), worded only when a tooltip shows them."""
    if not shown:
        return
    try:
        found = services.conflicts.for_rows([(p.occurrence.post_id, p.occurrence.utc) for p in shown], None)
    except Exception:  # the conflict check is another area's: the calendar still shows the posts
        return
    for p in shown:
        c = found.get((p.occurrence.post_id, p.occurrence.utc))
        kinds = getattr(c, "kinds", ()) if c is not None else ()
        if kinds:
            p.conflict_kinds, p.conflict_found = tuple(kinds), c
