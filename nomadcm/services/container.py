"""All services over one database, handed to the GUI pages and the CLI commands.

Areas add a cached property for their service here; importing is lazy, so a page that never opens never
imports its area.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.publishing.reminders import ReminderService
    from nomadcm.services.publishing.slots import SlotService
    from nomadcm.services.schedule.clients import ClientService
    from nomadcm.services.schedule.occurrence_edits import OccurrenceEditor
    from nomadcm.services.schedule.posts import PostService
    from nomadcm.services.travel.conflicts import ConflictService
    from nomadcm.services.travel.itinerary import Itinerary
    from nomadcm.services.travel.trips import ItineraryService
    from nomadcm.services.wellbeing.records import WellbeingService
    from nomadcm.services.workplaces.places import WorkplaceService


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db

    @cached_property
    def settings(self) -> SettingsService:
        return SettingsService(self.db)

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

        return WorkplaceService(self.db)

    @cached_property
    def wellbeing(self) -> WellbeingService:
        from nomadcm.services.wellbeing.records import WellbeingService

        return WellbeingService(self.db)

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

    @cached_property
    def conflicts(self) -> ConflictService:
        """Posts that fall while the CM sleeps, travels, is off or her audience is on holiday."""
        from nomadcm.services.travel.conflicts import ConflictService

        return ConflictService(self.db)

    def itinerary(self) -> Itinerary:
        """A fresh snapshot of the itinerary (cheap: two small queries)."""
        from nomadcm.services.travel.itinerary import load_itinerary

        return load_itinerary(self.db)
