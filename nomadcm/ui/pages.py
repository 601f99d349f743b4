"""The registry of sidebar pages. Each area adds its `PageSpec` to `PAGES` (in sidebar order).

A factory is called the first time its page is shown, so a page's heavy imports (matplotlib, the city
table...) happen only then: keep the imports of your page module inside the factory.

A page widget may offer, optionally:
- `undo_stack: QUndoStack` — joined to Edit > Undo/Redo while the page is shown;
- `focus_filter()` — what Ctrl+F does on that page;
- `new_item()` — what Ctrl+N does on that page (the Schedule page: a new post);
- `loaded` signal (no arguments) and `is_loaded()` — for a page whose data comes after it is built (the
  Schedule at start-up shows its rows at the next turn of the event loop): the start-up then waits for the
  paint after `loaded` (`startup_complete`, --exit-after-startup).

At start-up the window paints before the data stack is imported (ui/startup.py). A page may give a `frame`:
a stand-in built from light modules only (Qt, its layout class) that the window shows until the page is built
— the page then takes its place with the same layout, so its rows arrive without anything moving. With a
`preload`, the window reads the page's first data off the GUI thread while the frame is on screen: it is
called on the GUI thread with the frame and returns the job to run there (`job(services)`); what the job
returns reaches the factory as `preloaded=`. The same job reads the page's first data on the window's task
runner when a sidebar click first shows the page (ui/page_loading.py): the factory may get `preloaded=None`
(read it yourself), and the page must check that the data are for the view it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from nomadcm.services.container import Services
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.operations import OpRunner
    from nomadcm.ui.tasks import TaskRunner


# (services, change bus, the window's task runner, its operation runner[, preloaded=]) -> the page. Pages that
# run long jobs keep the task runner; pages that write keep the operation runner (ui/operations.py).
PageFactory = Callable[..., "QWidget"]
Preload = Callable[["QWidget"], Callable[["Services"], Any]]


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable id: remembered in QSettings as the current page
    title: Callable[[], str]  # called each time it is shown, so a language change is picked up
    icon_name: str  # resources/icons/<icon_name>.svg, else a freedesktop theme icon of that name
    factory: PageFactory
    frame: Callable[[], QWidget] | None = None  # the stand-in painted before the data stack loads
    preload: Preload | None = None  # frame -> job(services) run off the GUI thread -> factory's `preloaded`
    modules: tuple[str, ...] = ()  # what the factory imports: imported off the GUI thread at start-up
    # Slow to import the first time: a sidebar click shows "Loading…" while `modules` import off the GUI
    # thread (ui/page_loading.py)
    loading_frame: bool = False


def _schedule_page(
    services: Services, changes: ChangeBus, tasks: TaskRunner, ops: OpRunner, preloaded: Any = None
) -> QWidget:
    from nomadcm.ui.schedule.page import SchedulePage

    return SchedulePage(services, changes, ops=ops, tasks=tasks, first_page=preloaded)


def _schedule_frame() -> QWidget:
    from nomadcm.ui.schedule.page_view import SchedulePageView

    return SchedulePageView.frame()


def _schedule_preload(frame: QWidget) -> Callable[[Services], Any]:
    """The first page of rows for the filters the frame shows (its defaults), read on the loading thread."""
    fields = frame.filter_fields()  # type: ignore[attr-defined]

    def job(services: Services) -> Any:
        from nomadcm.services.schedule.query import ScheduleFilter
        from nomadcm.ui.schedule.table_models import read_first_page

        return read_first_page(services, ScheduleFilter(**fields))

    return job


def _clients_page(
    services: Services, changes: ChangeBus, tasks: TaskRunner, ops: OpRunner, preloaded: Any = None
) -> QWidget:
    from nomadcm.ui.clients.page import ClientsPage

    return ClientsPage(services, changes, ops=ops, preloaded=preloaded)


def _clients_preload(_frame: QWidget) -> Callable[[Services], Any]:
    """The clients with their counts, and the first one's channels and events (ui/clients/reading.py)."""

    def job(services: Services) -> Any:
        from nomadcm.ui.clients.reading import read_first

        return read_first(services)

    return job


# What a page with a chart imports before its chart is made: the page's module imports only matplotlib's Qt
# canvas; the figure, axes and their projections load when the first figure is made, which on the GUI thread
# held it 0.3-0.5 s (bench_startup's stall watch, the window opening on Wellbeing).
CHART_MODULES = ("matplotlib.figure", "matplotlib.patches", "matplotlib.ticker")


# Sidebar order (titles spelled out in translate() calls so that lupdate finds them). Travel, Calendar, Workplaces and Wellbeing append theirs here.
PAGES: list[PageSpec] = [
    PageSpec(
        "schedule",
        lambda: QCoreApplication.translate("Pages", "Schedule"),
        "schedule",
        _schedule_page,
        frame=_schedule_frame,
        preload=_schedule_preload,
        modules=("nomadcm.ui.schedule.page",),
    ),
    PageSpec(
        "clients",
        lambda: QCoreApplication.translate("Pages", "Clients"),
        "clients",
        _clients_page,
        preload=_clients_preload,
        modules=("nomadcm.ui.clients.page",),
    ),
]


def _wellbeing_page(services: Services, changes: ChangeBus, tasks: TaskRunner, ops: OpRunner) -> QWidget:
    from nomadcm.ui.wellbeing.page import WellbeingPage  # imports matplotlib: only when first shown

    return WellbeingPage(services, changes, tasks, ops=ops)


PAGES.append(
    PageSpec(
        "wellbeing",
        lambda: QCoreApplication.translate("Pages", "Wellbeing"),
        "wellbeing",
        _wellbeing_page,
        modules=("nomadcm.ui.wellbeing.page", *CHART_MODULES),
        loading_frame=True,  # matplotlib: seconds on a slow laptop the first time
    )
)


def _workplaces_page(
    services: Services, changes: ChangeBus, tasks: TaskRunner, ops: OpRunner, preloaded: Any = None
) -> QWidget:
    from nomadcm.ui.workplaces.page import WorkplacesPage

    return WorkplacesPage(services, changes, tasks, ops=ops, preloaded=preloaded)


def _workplaces_preload(_frame: QWidget) -> Callable[[Services], Any]:
    """The catalogue of places and the first trip checklist (ui/workplaces/reading.py)."""

    def job(services: Services) -> Any:
        from nomadcm.ui.workplaces.reading import read_first

        return read_first(services)

    return job


PAGES.append(
    PageSpec(
        "workplaces",
        lambda: QCoreApplication.translate("Pages", "Workplaces"),
        "workplaces",
        _workplaces_page,
        preload=_workplaces_preload,
        modules=("nomadcm.ui.workplaces.page",),
    )
)


def _calendar_page(
    services: Services, changes: ChangeBus, tasks: TaskRunner, ops: OpRunner, preloaded: Any = None
) -> QWidget:
    from nomadcm.ui.calendar.page import CalendarPage

    return CalendarPage(services, changes, tasks, ops=ops, preloaded=preloaded)


def _calendar_preload(_frame: QWidget) -> Callable[[Services], Any]:
    """The week a new Calendar shows, its posts' conflict marks and the clients' events (ui/calendar/reading.py)."""

    def job(services: Services) -> Any:
        from nomadcm.ui.calendar.reading import first_request, read_calendar

        return read_calendar(services, first_request(services))

    return job


PAGES.insert(  # right after Schedule and Clients
    2,
    PageSpec(
        "calendar",
        lambda: QCoreApplication.translate("Pages", "Calendar"),
        "calendar",
        _calendar_page,
        preload=_calendar_preload,
        modules=("nomadcm.ui.calendar.page",),
    ),
)


def _travel_page(services: Services, changes: ChangeBus, tasks: TaskRunner, ops: OpRunner) -> QWidget:
    from nomadcm.ui.travel.page import TravelPage  # the city table loads in the background from here

    return TravelPage(services, changes, tasks, ops=ops)


PAGES.insert(  # after Calendar: where she is decides "your time" everywhere else
    next((i + 1 for i, p in enumerate(PAGES) if p.key == "calendar"), len(PAGES)),
    PageSpec(
        "travel",
        lambda: QCoreApplication.translate("Pages", "Travel"),
        "travel",
        _travel_page,
        modules=("nomadcm.ui.travel.page",),
    ),
)


def _hours_page(services: Services, changes: ChangeBus, tasks: TaskRunner, ops: OpRunner) -> QWidget:
    from nomadcm.ui.billing.page import HoursPage  # imports matplotlib: only when first shown

    return HoursPage(services, changes, tasks, ops=ops)


PAGES.insert(  # right after Clients: what each client pays, and the hours given to each
    next((i + 1 for i, p in enumerate(PAGES) if p.key == "clients"), len(PAGES)),
    PageSpec(
        "hours",
        lambda: QCoreApplication.translate("Pages", "Hours & pay"),
        "hours",
        _hours_page,
        modules=("nomadcm.ui.billing.page", *CHART_MODULES),
        loading_frame=True,  # matplotlib, as Wellbeing
    ),
)


def page_spec(key: str) -> PageSpec | None:
    return next((p for p in PAGES if p.key == key), None)
