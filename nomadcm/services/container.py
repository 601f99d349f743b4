"""All services over one database, handed to the GUI pages and the CLI commands.

Areas add a cached property for their service here; importing is lazy, so a page that never opens never
imports its area.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from nomadcm import paths
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database, open_database

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

    from nomadcm.paths import DatabaseTarget
    from nomadcm.services.billing.service import BillingService
    from nomadcm.services.events.calendars import CalendarService
    from nomadcm.services.events.events import EventService
    from nomadcm.services.events.launch_gaps import LaunchCheck
    from nomadcm.services.publishing.reminders import ReminderService
    from nomadcm.services.publishing.slots import SlotService
    from nomadcm.services.schedule.clients import ClientService
    from nomadcm.services.schedule.occurrence_edits import OccurrenceEditor
    from nomadcm.services.schedule.posts import PostService
    from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
    from nomadcm.services.schedule.your_time import YourTime
    from nomadcm.services.team_members import MemberService
    from nomadcm.services.travel.conflicts import ConflictService
    from nomadcm.services.travel.day_plan import DayPlan
    from nomadcm.services.travel.itinerary import Itinerary
    from nomadcm.services.travel.trips import ItineraryService
    from nomadcm.services.wellbeing.records import WellbeingService
    from nomadcm.services.wellbeing.report_service import ReportService
    from nomadcm.services.workplaces.places import WorkplaceService
    from nomadcm.storage.change_counter import ChangeCounter


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db
        # No export may overwrite this file (exchange/output_targets.py): `-o` naming it is refused.
        paths.register_open_database(db.path)

    @classmethod
    def open(cls, target: DatabaseTarget | str) -> Services:
        """The services over the database the person named (storage.open_database: a SQLite file, created or
        migrated as needed, or a team database's URL), every stored instant recomputed first if the shipped
        zone rules changed. The CLI's way in; `close()` when done. A server that asks for a password raises
        PasswordRequiredError: ask, then open `target.with_password(...)`."""
        from nomadcm.services.schedule.zone_rule_updates import ensure_instants_current

        db = open_database(target)
        try:
            ensure_instants_current(db)  # new zone rules shipped: every instant follows its wall time
        except BaseException:
            db.close()
            raise
        return cls(db)

    def close(self) -> None:
        personal = self.__dict__.pop("personal_db", None)  # closed: a watcher asking later opens nothing
        if personal is not None and personal is not self.db:
            paths.unregister_open_database(personal.path)
            personal.close()
        paths.unregister_open_database(self.db.path)
        self.db.close()

    @cached_property
    def personal_db(self) -> Database:
        """Where her wellbeing lives (services/wellbeing/personal_file.py): the database itself for a SQLite
        file; on a team database her own SQLite file on this computer (the default local database, opened
        here on first use — created or migrated like any file), so wellbeing never reaches the server."""
        from nomadcm.services.wellbeing.personal_file import is_server, personal_file_path

        if not is_server(self.db):
            return self.db
        personal = open_database(personal_file_path())
        paths.register_open_database(personal.path)
        return personal

    @property
    def personal_file(self) -> Path | None:
        """Her own file when it is not the database open (a team database), else None: what the Wellbeing
        page and `nomadcm wellbeing` name, without opening it."""
        from nomadcm.services.wellbeing.personal_file import is_server, personal_file_path

        return personal_file_path() if is_server(self.db) else None

    @cached_property
    def personal_settings(self) -> SettingsService:
        """Settings kept in her own file (the screen timers, the wellbeing goals and break reminders):
        `settings` itself on a SQLite file."""
        if self.personal_db is self.db:
            return self.settings
        return SettingsService(self.personal_db)

    @cached_property
    def settings(self) -> SettingsService:
        return SettingsService(self.db)

    @cached_property
    def members(self) -> MemberService:
        """Team members, their roles per client, and who this database handle acts for (`use`)."""
        from nomadcm.services.team_members import MemberService

        return MemberService(self.db)

    @cached_property
    def clients(self) -> ClientService:
        from nomadcm.services.schedule.clients import ClientService

        return ClientService(self.db)

    @cached_property
    def posts(self) -> PostService:
        from nomadcm.services.schedule.posts import PostService

        return PostService(self.db)

    @cached_property
    def workplaces(self) -> WorkplaceService:
        from nomadcm.services.workplaces.places import WorkplaceService

        return WorkplaceService(self.db, personal=lambda: self.personal_db)

    @cached_property
    def wellbeing(self) -> WellbeingService:
        from nomadcm.services.wellbeing.records import WellbeingService

        return WellbeingService(self.personal_db, shared=self.db)

    @cached_property
    def occurrence_editor(self) -> OccurrenceEditor:
        from nomadcm.services.schedule.occurrence_edits import OccurrenceEditor

        return OccurrenceEditor(self.db)

    @cached_property
    def slots(self) -> SlotService:
        from nomadcm.services.publishing.slots import SlotService

        return SlotService(self.db)

    @cached_property
    def reminders(self) -> ReminderService:
        from nomadcm.services.publishing.reminders import ReminderService

        return ReminderService(self.db)

    @cached_property
    def trips(self) -> ItineraryService:
        """Stays and transits: add, change, remove, warnings (the Travel page)."""
        from nomadcm.services.travel.trips import ItineraryService

        return ItineraryService(self.db)

    def trips_of(self, member_id: int | None) -> ItineraryService:
        """Another member's stays and transits (team mode: each member has their own itinerary)."""
        from nomadcm.services.travel.trips import ItineraryService

        return ItineraryService(self.db, member_id)

    @cached_property
    def conflicts(self) -> ConflictService:
        """Posts that fall while the CM sleeps, travels, is off or her audience is on holiday."""
        from nomadcm.services.travel.conflicts import ConflictService

        return ConflictService(self.db)

    @cached_property
    def events(self) -> EventService:
        """The clients' events (launches, closures...): listed, typed by hand, removed; a client's launch window."""
        from nomadcm.services.events.events import EventService

        return EventService(self.db)

    @cached_property
    def calendars(self) -> CalendarService:
        """The calendars events come from (an imported .ics file, a subscribed URL) and how a reading is stored."""
        from nomadcm.services.events.calendars import CalendarService

        return CalendarService(self.db)

    @cached_property
    def launch_check(self) -> LaunchCheck:
        """Launches with no post around them, and their acknowledgements."""
        from nomadcm.services.events.launch_gaps import LaunchCheck

        return LaunchCheck(self.db)

    @cached_property
    def wellbeing_reports(self) -> ReportService:
        """The wellbeing report by local day, "today" from the day start, and this week's broken goals."""
        from nomadcm.services.wellbeing.report_service import ReportService

        return ReportService(self.personal_db, shared=self.db)

    @cached_property
    def billing(self) -> BillingService:
        """Contracts, hand-logged work, each client's month of hours and pay, statements (issue 16)."""
        from nomadcm.services.billing.service import BillingService

        return BillingService(self.db, personal=lambda: self.personal_db)

    @property
    def db_path(self) -> Path | None:
        """The database file (None for a server URL): for the window title and the About box."""
        return self.db.path

    @property
    def db_shown(self) -> str:
        """The database as a person reads it: the file's path, or the team database's URL without password."""
        return str(self.db.path) if self.db.path is not None else self.db.shown_url

    def change_counter(self) -> ChangeCounter:
        """`poll()` says whether another process wrote since the last poll (the window's refresh watcher): to
        the database, and on a team database to her own wellbeing file too (services/personal_changes.py)."""
        counter = self.db.change_counter()
        if self.personal_file is None:
            return counter
        from nomadcm.services.personal_changes import PersonalFileChanges

        return PersonalFileChanges(counter, self)

    def refresh_city_keys(self) -> int:
        """Makes the city keys stays and places lack, or made with another city table (services/travel/
        city_keys.py): loads the city table only then. The GUI runs it on its task runner at start."""
        from nomadcm.services.travel import city_keys

        return city_keys.refresh(self.db)

    def day_plan(self, day: date, cm_title: str = "You") -> DayPlan:
        """The Travel page's day view: her zones, rhythm and travel beside each client's day and posts."""
        from nomadcm.services.travel.day_plan import build_day_plan
        from nomadcm.services.travel.rhythm import load_rhythm

        return build_day_plan(
            self.db,
            day,
            self.itinerary(),
            load_rhythm(self.settings),
            self.clients.list_clients(),
            self.conflicts,
            cm_title=cm_title,
        )

    def itinerary(self, member_id: int | None = None) -> Itinerary:
        """A fresh snapshot of the itinerary (cheap: two small queries): yours, or a team member's."""
        from nomadcm.services.acting import ACTING
        from nomadcm.services.travel.itinerary import load_itinerary

        return load_itinerary(self.db, member=ACTING if member_id is None else member_id)

    def schedule(
        self,
        flt: ScheduleFilter | None = None,
        *,
        now: datetime | None = None,
        itinerary: Itinerary | None = None,
    ) -> ScheduleQuery:
        """The schedule as one query (rows, count, stream): what every view of the posts reads through. Each
        row's "your time" is its assignee's (team mode); `itinerary`: every row at that one's (a lens)."""
        from nomadcm.services.schedule.query import ScheduleQuery

        return ScheduleQuery(self.db, flt, now=now, itinerary=itinerary)

    def your_time(self, assignee_id: int | None = None) -> YourTime:
        """Where the CM is and her clock at an instant (the post dialog's live line): yours, or the assignee's
        of a post assigned to a team member (the time every listing shows for it)."""
        from nomadcm.services.schedule.your_time import YourTime

        return YourTime(self.itinerary(assignee_id))
