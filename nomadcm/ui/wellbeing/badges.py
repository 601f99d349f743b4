"""This week's broken goals, for the tray tooltip (the page shows its own copy)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from nomadcm.services.container import Services
from nomadcm.ui.changes import ITINERARY, SETTINGS, WELLBEING, WORKPLACES, ChangeBus, touches
from nomadcm.ui.formatting import first_weekday
from nomadcm.ui.wellbeing import texts


class WellbeingBadges(QObject):
    """Recomputes the badges when wellbeing data, the itinerary or the goals change."""

    changed = Signal(list)  # translated texts

    def __init__(self, services: Services, changes: ChangeBus | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.items: list[str] = []
        if changes is not None:
            changes.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> list[str]:
        week_start = first_weekday(self.services.settings.get("week_start"))
        counts = self.services.wellbeing_reports.week_badges(week_start=week_start)
        self.items = [texts.badge_text(code, n) for code, n in counts]
        self.changed.emit(self.items)
        return self.items

    def text(self) -> str:
        """One line for a tooltip ("" when every goal is kept)."""
        return " · ".join(self.items)

    def _on_changed(self, areas: object) -> None:
        if touches(areas, WELLBEING, ITINERARY, SETTINGS, WORKPLACES):
            self.refresh()
