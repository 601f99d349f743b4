"""This week's broken goals, for the tray tooltip (the page shows its own copy)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from nomadcm.services.container import Services
from nomadcm.ui.changes import ITINERARY, SETTINGS, WELLBEING, WORKPLACES, ChangeBus, touches
from nomadcm.ui.formatting import first_weekday
from nomadcm.ui.wellbeing import texts

if TYPE_CHECKING:
    from nomadcm.ui.tasks import TaskRunner


class WellbeingBadges(QObject):
    """Recomputes the badges when wellbeing data, the itinerary or the goals change.

    With the window's task runner the week's report (a few hundred milliseconds over a year of data) is
    computed on its thread, never on the GUI thread; `changed` says when the new badges are in."""

    changed = Signal(list)  # translated texts

    def __init__(
        self,
        services: Services,
        changes: ChangeBus | None = None,
        parent: QObject | None = None,
        *,
        tasks: TaskRunner | None = None,
    ):
        super().__init__(parent)
        self.services = services
        self.items: list[str] = []
        self._tasks = tasks
        self._computing = False  # a report is being computed on the task runner
        self._again = False  # and something changed meanwhile: once more when it is in
        if changes is not None:
            changes.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> list[str]:
        """The badges, computed now; with a task runner, asked for — what is returned is what is shown until
        `changed` brings the new ones."""
        week_start = first_weekday(self.services.settings.get("week_start"))
        if self._tasks is None:
            return self._show(self.services.wellbeing_reports.week_badges(week_start=week_start))
        if self._computing:
            self._again = True
            return self.items
        self._computing = True
        services = self.services
        self._tasks.run(
            lambda _report: services.wellbeing_reports.week_badges(week_start=week_start),
            self,
            on_success=self._computed,
            on_failure=self._failed,
        )
        return self.items

    def _computed(self, counts: list[tuple[str, int]]) -> None:
        self._computing = False
        self._show(counts)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, err: BaseException) -> None:
        from nomadcm.errors import UserError
        from nomadcm.ui.tasks import Cancelled, report_unexpected

        self._computing = self._again = False
        if not isinstance(err, Cancelled | UserError):
            report_unexpected(err)

    def _show(self, counts: list[tuple[str, int]]) -> list[str]:
        self.items = [texts.badge_text(code, n) for code, n in counts]
        self.changed.emit(self.items)
        return self.items

    def text(self) -> str:
        """One line for a tooltip ("" when every goal is kept)."""
        return " · ".join(self.items)

    def _on_changed(self, areas: object) -> None:
        if touches(areas, WELLBEING, ITINERARY, SETTINGS, WORKPLACES):
            self.refresh()
