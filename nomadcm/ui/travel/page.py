"""The Travel page: the itinerary (timeline, list, warnings), the Day view and the Conflicts panel.

Every change goes through the itinerary service, is undoable (Edit > Undo), and is announced on the change
bus as "itinerary", so the Schedule's "your time" and every other view follow. The widgets are built by
`page_view.TravelPageView`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from nomadcm import timezones
from nomadcm.services.changes import CONFLICTS, Change
from nomadcm.services.container import Services
from nomadcm.services.travel import rhythm as rhythm_service
from nomadcm.ui.changes import CLIENTS, ITINERARY, POSTS, SETTINGS, WORKPLACES, ChangeBus, touches
from nomadcm.ui.formatting import fmt_time
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.tasks import TaskRunner
from nomadcm.ui.travel.conflict_dialogs import RhythmDialog
from nomadcm.ui.travel.conflicts_panel import ConflictsPanel
from nomadcm.ui.travel.day_view import DayView
from nomadcm.ui.travel.dialogs import StayDialog, TransitDialog
from nomadcm.ui.travel.page_view import CONFLICTS_TAB, DAY_TAB, TravelPageView
from nomadcm.ui.travel.table_models import WARNING_ROLE, Entry


class TravelPage(TravelPageView):
    status_message = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.dialog: QDialog | None = None
        self.undo_stack = QUndoStack(self)
        self.ops = ops or OpRunner(changes, tasks, self.undo_stack, self)  # writes: ui/operations.py
        self._stale: set[int] = set()
        self._conflicts_checked = False
        self.build(
            DayView(services, tasks=tasks),
            ConflictsPanel(services, changes, tasks, self.undo_stack, ops=self.ops),
        )
        self._connect()
        changes.changed.connect(self._on_changed)
        self.reload()
        self._update_buttons()

    def _connect(self) -> None:
        delete_action = QAction(self.tr("Delete"), self)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)

        self.new_stay_button.clicked.connect(self.new_stay)
        self.new_transit_button.clicked.connect(self.new_transit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.rhythm_button.clicked.connect(self.edit_rhythm)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.warnings_view.clicked.connect(self._on_warning_clicked)
        self.timeline.entryClicked.connect(self.select_entry)
        self.conflicts_panel.showDay.connect(self.show_day)
        self.tabs.currentChanged.connect(self._on_tab)

    # ------------------------------------------------------------------ page protocol

    def new_item(self) -> None:
        self.new_stay()

    def focus_filter(self) -> None:
        self.table.setFocus()

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        selected = self.current_entry()
        trips = self.services.trips
        stays, transits, warnings = trips.list_stays(), trips.list_transits(), trips.warnings()
        self.model.set_itinerary(stays, transits, warnings)
        self.warnings_model.set_warnings(warnings)
        self.warnings_box.setVisible(bool(warnings))
        self.warnings_box.setTitle(self.tr("To look at (%n)", "", len(warnings)))
        self.timeline.set_entries([self.model.entry_at(r) for r in range(self.model.rowCount())], warnings)
        empty = not stays and not transits
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self.timeline.setVisible(not empty)
        self.where_label.setText(self._where_now())
        if selected is not None:
            self.select_entry(selected.key)
        self.loaded.emit()

    def _where_now(self) -> str:
        now = timezones.now_utc()
        where, local = self.services.your_time().at(now)
        if where.in_transit:
            place = self.tr("in transit from {place}").format(place=where.place)
        elif where.at_home:
            place = self.tr("at home")
        else:
            place = self.tr("in {place}").format(place=where.place)
        text = self.tr("Now you are {place}: it is {time} {abbr} ({zone}).").format(
            place=place, time=fmt_time(local), abbr=timezones.abbreviation(now, where.zone), zone=where.zone
        )
        me = self.services.members.current
        if me is None:
            return text
        team = self.tr(
            "Itinerary of {member}: each member of the team keeps their own, and a post assigned to them is "
            "shown and checked at their time."
        ).format(member=me.name)
        return f"{team}\n{text}"

    @Slot(object)
    def _on_changed(self, areas: object) -> None:
        if touches(areas, ITINERARY, SETTINGS):
            self.reload()
            self._stale.update({DAY_TAB, CONFLICTS_TAB})
        if touches(areas, POSTS, CLIENTS, WORKPLACES, CONFLICTS):
            self._stale.update({DAY_TAB, CONFLICTS_TAB})
        self._refresh_current()

    @Slot(int)
    def _on_tab(self, _index: int) -> None:
        self._refresh_current()

    def _refresh_current(self) -> None:
        """Views on other tabs are refreshed when they are shown, not on every change."""
        index = self.tabs.currentIndex()
        if index == DAY_TAB and index in self._stale:
            self._stale.discard(index)
            self.day_view.reload()
        elif index == CONFLICTS_TAB and (index in self._stale or not self._conflicts_checked):
            self._stale.discard(index)
            self._conflicts_checked = True
            self.conflicts_panel.reload()

    # ------------------------------------------------------------------ selection

    def current_entry(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def select_entry(self, key: tuple[str, int]) -> None:
        row = self.model.row_of(key)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_args: object) -> None:
        self._update_buttons()
        entry = self.current_entry()
        self.timeline.set_selected(entry.key if entry else None)

    def _update_buttons(self) -> None:
        has = self.current_entry() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    @Slot(QModelIndex)
    def _on_warning_clicked(self, index: QModelIndex) -> None:
        w = index.data(WARNING_ROLE)
        if w is None:
            return
        if w.stay_ids:
            self.select_entry(("stay", w.stay_ids[-1]))
        elif w.transit_ids:
            self.select_entry(("transit", w.transit_ids[0]))

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), self.edit_selected)
        menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.addSeparator()
        menu.addAction(self.tr("Show in the day view"), lambda: self.show_day(self._first_day(entry)))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    @staticmethod
    def _first_day(entry: Entry) -> date:
        if entry.stay is not None:
            return entry.stay.first_date
        assert entry.transit is not None
        return entry.transit.depart_local.date()

    @Slot(object)
    def show_day(self, day: date) -> None:
        self.tabs.setCurrentIndex(DAY_TAB)
        self.day_view.set_day(day)

    # ------------------------------------------------------------------ stays

    @Slot()
    def new_stay(self) -> None:
        dialog = StayDialog(self.services, None, self)
        dialog.save = lambda: self._add_stay(dialog)
        self._open(dialog)

    def _add_stay(self, dialog: StayDialog) -> bool:
        done = self._write(lambda: self.services.trips.add_stay_op(dialog.value()))
        if done is None:
            return False
        stay = done.result
        self.select_entry(("stay", stay.id))
        self.status_message.emit(self.tr("Stay in {place} added").format(place=stay.place))
        return True

    def _edit_stay(self, dialog: StayDialog) -> bool:
        assert dialog.stay is not None
        stay_id, after = dialog.stay.id, dialog.value()
        return self._write(lambda: self.services.trips.update_stay_op(stay_id, after)) is not None

    # ------------------------------------------------------------------ transits

    @Slot()
    def new_transit(self) -> None:
        dialog = TransitDialog(self.services, None, self)
        dialog.save = lambda: self._add_transit(dialog)
        self._open(dialog)

    def _add_transit(self, dialog: TransitDialog) -> bool:
        done = self._write(lambda: self.services.trips.add_transit_op(dialog.value()))
        if done is None:
            return False
        transit = done.result
        self.select_entry(("transit", transit.id))
        self.status_message.emit(self.tr("Transit {route} added").format(route=transit.route))
        return True

    def _edit_transit(self, dialog: TransitDialog) -> bool:
        assert dialog.transit is not None
        transit_id, after = dialog.transit.id, dialog.value()
        return self._write(lambda: self.services.trips.update_transit_op(transit_id, after)) is not None

    # ------------------------------------------------------------------ both

    @Slot()
    def edit_selected(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if entry.stay is not None:
            stay_dialog = StayDialog(self.services, entry.stay, self)
            stay_dialog.save = lambda: self._edit_stay(stay_dialog)
            self._open(stay_dialog)
        else:
            transit_dialog = TransitDialog(self.services, entry.transit, self)
            transit_dialog.save = lambda: self._edit_transit(transit_dialog)
            self._open(transit_dialog)

    @Slot()
    def delete_selected(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        trips = self.services.trips
        if entry.stay is not None:
            stay_id = entry.stay.id
            done = self._write(lambda: trips.delete_stay_op(stay_id))
            text = self.tr("Stay in {place} deleted (Ctrl+Z brings it back)").format(place=entry.stay.place)
        else:
            assert entry.transit is not None
            transit_id = entry.transit.id
            done = self._write(lambda: trips.delete_transit_op(transit_id))
            text = self.tr("Transit {route} deleted (Ctrl+Z brings it back)").format(
                route=entry.transit.route
            )
        if done is not None:
            self.status_message.emit(text)

    @Slot()
    def edit_rhythm(self) -> None:
        dialog = RhythmDialog(self.services, self)
        dialog.save = lambda: self._save_rhythm(dialog)
        self._open(dialog)

    def _save_rhythm(self, dialog: RhythmDialog) -> bool:
        sleep, work, home = dialog.values()
        settings = self.services.settings
        return self._write(lambda: rhythm_service.save_op(settings, sleep, work, home)) is not None

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _write(self, write: Callable[[], Change]) -> Change | None:
        """A write through the operation runner, undone on this page's stack; None when it failed (shown)."""
        return self.ops.run(write, self, stack=self.undo_stack)
