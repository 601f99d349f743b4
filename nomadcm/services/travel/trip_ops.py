"""The itinerary's writes that say what they changed (services/changes.py): each `*_op` of
`ItineraryService` (services/travel/trips.py) returns a Change — result the plain write's return, undo the
inverse write — for the GUI's undo stack."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from nomadcm.services.changes import ITINERARY, WORKPLACES, Change, change

if TYPE_CHECKING:
    from nomadcm.services.travel.trip_records import StayInfo, StayInput, TransitInfo, TransitInput


class TripOps:
    """The `*_op` half of ItineraryService, over its plain writes and reads."""

    # the plain writes and reads of ItineraryService
    add_stay: Any
    update_stay: Any
    delete_stay: Any
    restore_stay: Any
    get_stay: Any
    checklist_of: Any
    add_transit: Any
    update_transit: Any
    delete_transit: Any
    restore_transit: Any
    get_transit: Any

    def add_stay_op(self, stay: StayInput) -> Change:
        info = self.add_stay(stay)
        return change(ITINERARY, "add_stay", lambda: self.delete_stay_op(info.id), info, subject=info.city)

    def update_stay_op(self, stay_id: int, stay: StayInput) -> Change:
        before = self.get_stay(stay_id).to_input()
        info = self.update_stay(stay_id, stay)
        return change(
            ITINERARY, "edit_stay", lambda: self.update_stay_op(stay_id, before), info, subject=info.city
        )

    def delete_stay_op(self, stay_id: int) -> Change:
        """Removes the stay and its places to try; undo puts both back."""
        checklist = self.checklist_of(stay_id)
        info = self.delete_stay(stay_id)
        areas = {ITINERARY, WORKPLACES} if checklist else {ITINERARY}
        return change(
            areas, "delete_stay", lambda: self.restore_stay_op(info, checklist), info, subject=info.city
        )

    def restore_stay_op(
        self, info: StayInfo, checklist: Sequence[tuple[int, bool, bool, str]] = ()
    ) -> Change:
        restored = self.restore_stay(info, checklist)
        areas = {ITINERARY, WORKPLACES} if checklist else {ITINERARY}
        return change(
            areas, "add_stay", lambda: self.delete_stay_op(restored.id), restored, subject=restored.city
        )

    def add_transit_op(self, transit: TransitInput) -> Change:
        info = self.add_transit(transit)
        return change(
            ITINERARY, "add_transit", lambda: self.delete_transit_op(info.id), info, subject=info.route
        )

    def update_transit_op(self, transit_id: int, transit: TransitInput) -> Change:
        before = self.get_transit(transit_id).to_input()
        info = self.update_transit(transit_id, transit)
        return change(
            ITINERARY,
            "edit_transit",
            lambda: self.update_transit_op(transit_id, before),
            info,
            subject=info.route,
        )

    def delete_transit_op(self, transit_id: int) -> Change:
        info = self.delete_transit(transit_id)
        return change(
            ITINERARY, "delete_transit", lambda: self.restore_transit_op(info), info, subject=info.route
        )

    def restore_transit_op(self, info: TransitInfo) -> Change:
        restored = self.restore_transit(info)
        return change(
            ITINERARY,
            "add_transit",
            lambda: self.delete_transit_op(restored.id),
            restored,
            subject=restored.route,
        )
