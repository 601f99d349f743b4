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
    from nomadcm.services.clients import ClientService
    from nomadcm.services.conflicts import ConflictService
    from nomadcm.services.itinerary import Itinerary
    from nomadcm.services.occurrence_edits import OccurrenceEditor
    from nomadcm.services.posts import PostService
    from nomadcm.services.reminders import ReminderService
    from nomadcm.services.slots import SlotService
    from nomadcm.services.trips import ItineraryService
    from nomadcm.services.wellbeing import WellbeingService
    from nomadcm.services.workplaces import WorkplaceService


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db

    @cached_property
    def settings(self) -> SettingsService:
        return SettingsService(self.db)

    @cached_property
    def clients(self) -> ClientService:
        from nomadcm.services.clients import ClientService

        return ClientService(self.db)

    @cached_property
    def posts(self) -> PostService:
        from nomadcm.services.posts import PostService

        return PostService(self.db)

    @cached_property
    def workplaces(self) -> WorkplaceService:
        from nomadcm.services.workplaces import WorkplaceService

        return WorkplaceService(self.db)

    @cached_property
    def wellbeing(self) -> WellbeingService:
        from nomadcm.services.wellbeing import WellbeingService

        return WellbeingService(self.db)

    @cached_property
    def occurrence_editor(self) -> OccurrenceEditor:
        from nomadcm.services.occurrence_edits import OccurrenceEditor

        return OccurrenceEditor(self.db)

    @cached_property
    def slots(self) -> SlotService:
        from nomadcm.services.slots import SlotService

        return SlotService(self.db)

    @cached_property
    def reminders(self) -> ReminderService:
        from nomadcm.services.reminders import ReminderService

        return ReminderService(self.db)

    @cached_property
    def trips(self) -> ItineraryService:
        """Stays and transits: add, change, remove, warnings (the Travel page)."""
        from nomadcm.services.trips import ItineraryService

        return ItineraryService(self.db)

    @cached_property
    def conflicts(self) -> ConflictService:
        """Posts that fall while the CM sleeps, travels, is off or her audience is on holiday."""
        from nomadcm.services.conflicts import ConflictService

        return ConflictService(self.db)

    def itinerary(self) -> Itinerary:
        """A fresh snapshot of the itinerary (cheap: two small queries)."""
        from nomadcm.services.itinerary import load_itinerary

        return load_itinerary(self.db)
