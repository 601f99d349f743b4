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
    from nomadcm.services.itinerary import Itinerary
    from nomadcm.services.posts import PostService


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

    def itinerary(self) -> Itinerary:
        """A fresh snapshot of the itinerary (cheap: two small queries)."""
        from nomadcm.services.itinerary import load_itinerary

        return load_itinerary(self.db)
