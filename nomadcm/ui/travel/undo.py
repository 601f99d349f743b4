"""Undoable travel edits (Edit > Undo): stays, transits, and conflict acknowledgements.

As on the Schedule page, a command is pushed after its first write succeeded (see `ServiceCommand`); a later
undo/redo that fails (the other stays changed meanwhile...) is reported through `on_error` and the command is
made obsolete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nomadcm.services.travel.conflicts import AckInfo, ConflictService
from nomadcm.services.travel.trip_records import StayInfo, StayInput, TransitInfo, TransitInput
from nomadcm.services.travel.trips import ItineraryService
from nomadcm.ui.changes import ITINERARY, POSTS, ChangeBus
from nomadcm.ui.widgets.undo import ErrorSink, ServiceCommand

CONFLICTS = "conflicts"  # acknowledgements changed (the Schedule table's conflict column listens too)


class _Command(ServiceCommand):
    areas = (ITINERARY,)


class AddStayCommand(_Command):
    def __init__(
        self, stay: StayInfo, trips: ItineraryService, changes: ChangeBus, on_error: ErrorSink
    ) -> None:
        super().__init__(
            QCoreApplication.translate("TravelUndo", "new stay in {place}").format(place=stay.city),
            changes,
            on_error,
        )
        self.stay, self.trips = stay, trips

    def _undo(self) -> None:
        self.trips.delete_stay(self.stay.id)

    def _redo(self) -> None:
        self.stay = self.trips.restore_stay(self.stay)


class EditStayCommand(_Command):
    def __init__(
        self,
        stay_id: int,
        before: StayInput,
        after: StayInput,
        trips: ItineraryService,
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("TravelUndo", "change stay in {place}").format(place=after.city),
            changes,
            on_error,
        )
        self.stay_id, self.before, self.after, self.trips = stay_id, before, after, trips

    def _undo(self) -> None:
        self.trips.update_stay(self.stay_id, self.before)

    def _redo(self) -> None:
        self.trips.update_stay(self.stay_id, self.after)


class DeleteStayCommand(_Command):
    def __init__(
        self,
        stay: StayInfo,
        checklist: tuple[tuple[int, bool, bool, str], ...],
        trips: ItineraryService,
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("TravelUndo", "delete stay in {place}").format(place=stay.city),
            changes,
            on_error,
        )
        self.stay, self.checklist, self.trips = stay, checklist, trips
        self.areas = (ITINERARY, "workplaces") if checklist else (ITINERARY,)

    def _undo(self) -> None:
        self.stay = self.trips.restore_stay(self.stay, self.checklist)

    def _redo(self) -> None:
        self.checklist = self.trips.checklist_of(self.stay.id)
        self.trips.delete_stay(self.stay.id)


class AddTransitCommand(_Command):
    def __init__(
        self, transit: TransitInfo, trips: ItineraryService, changes: ChangeBus, on_error: ErrorSink
    ) -> None:
        super().__init__(
            QCoreApplication.translate("TravelUndo", "new transit {route}").format(route=transit.route),
            changes,
            on_error,
        )
        self.transit, self.trips = transit, trips

    def _undo(self) -> None:
        self.trips.delete_transit(self.transit.id)

    def _redo(self) -> None:
        self.transit = self.trips.restore_transit(self.transit)


class EditTransitCommand(_Command):
    def __init__(
        self,
        transit_id: int,
        before: TransitInput,
        after: TransitInput,
        trips: ItineraryService,
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        route = f"{after.from_place} → {after.to_place}"
        super().__init__(
            QCoreApplication.translate("TravelUndo", "change transit {route}").format(route=route),
            changes,
            on_error,
        )
        self.transit_id, self.before, self.after, self.trips = transit_id, before, after, trips

    def _undo(self) -> None:
        self.trips.update_transit(self.transit_id, self.before)

    def _redo(self) -> None:
        self.trips.update_transit(self.transit_id, self.after)


class DeleteTransitCommand(_Command):
    def __init__(
        self, transit: TransitInfo, trips: ItineraryService, changes: ChangeBus, on_error: ErrorSink
    ) -> None:
        super().__init__(
            QCoreApplication.translate("TravelUndo", "delete transit {route}").format(route=transit.route),
            changes,
            on_error,
        )
        self.transit, self.trips = transit, trips

    def _undo(self) -> None:
        self.transit = self.trips.restore_transit(self.transit)

    def _redo(self) -> None:
        self.trips.delete_transit(self.transit.id)


class AcknowledgeCommand(_Command):
    areas = (CONFLICTS, POSTS)

    def __init__(
        self,
        post_id: int,
        kinds: list[str],
        note: str,
        conflicts: ConflictService,
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        super().__init__(QCoreApplication.translate("TravelUndo", "acknowledge conflicts"), changes, on_error)
        self.post_id, self.kinds, self.note, self.conflicts = post_id, kinds, note, conflicts

    def _undo(self) -> None:
        self.conflicts.unacknowledge(self.post_id, self.kinds)

    def _redo(self) -> None:
        self.conflicts.acknowledge(self.post_id, self.kinds, self.note)


class UnacknowledgeCommand(_Command):
    areas = (CONFLICTS, POSTS)

    def __init__(
        self, removed: list[AckInfo], conflicts: ConflictService, changes: ChangeBus, on_error: ErrorSink
    ) -> None:
        super().__init__(QCoreApplication.translate("TravelUndo", "undo acknowledgement"), changes, on_error)
        self.removed, self.conflicts = removed, conflicts

    def _undo(self) -> None:
        self.conflicts.restore_acks(self.removed)

    def _redo(self) -> None:
        for ack in self.removed:
            self.conflicts.unacknowledge(ack.post_id, [ack.kind])
