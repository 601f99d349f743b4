"""The Calendar page: week and month views through a display-zone lens, with drag to move (undoable).

- The lens: "my time" (the itinerary's zone at each moment) or any client's audience zone; a day runs from
  the lens zone's midnight to the next, so DST days are 23 or 25 hours long on screen too.
- Drag a post: it keeps its own zone and gets the wall time in that zone of where it was dropped (the
  week view drops on an instant; the month view keeps the post's own clock time on the new day, a time in a
  DST gap moving to the first valid time). Edit > Undo puts it back.
- Double-click a post: the post dialog (for an occurrence of a recurring post: only this one, this and
  following, or all). Click an empty slot: a new post there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.events.records import EventInfo
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui import plain_text
from nomadcm.ui.calendar.layout import DaySpan, Placed
from nomadcm.ui.calendar.page_view import MONTH, MY_TIME, WEEK, CalendarPageView
from nomadcm.ui.calendar.post_actions import PlacedPostActions
from nomadcm.ui.calendar.reading import (
    CalendarData,
    CalendarRequest,
    lens_zone_now,
    read_calendar,
    visible_range,
)
from nomadcm.ui.changes import CLIENTS, CONFLICTS, EVENTS, ITINERARY, POSTS, SETTINGS, ChangeBus, touches
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.publishing.occurrence_actions import ask_scope, dropped_message, occurrence_as_post
from nomadcm.ui.tasks import TaskRunner


class CalendarPage(PlacedPostActions, CalendarPageView):
    loaded = Signal()
    status_message = Signal(str)
    navigate = Signal(str)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        preloaded: CalendarData | None = None,
    ) -> None:
        """`preloaded`: the first view, read off the GUI thread (`reading.first_request`), taken when the page
        asks for that view."""
        super().__init__(parent)
        self._preloaded = preloaded
        self.services = services
        self.changes = changes
        self.tasks = tasks  # the import dialog runs on it
        self.undo_stack = QUndoStack(self)
        self.ops = ops or OpRunner(changes, tasks, self.undo_stack, self)  # writes: ui/operations.py
        self.mode = WEEK
        self.anchor = preloaded.request.anchor if preloaded else self._today()
        self.days: list[DaySpan] = []
        self.items: list[Placed] = []
        self.post_dialog: QWidget | None = None

        self.build()
        self._fill_filters()
        self.week_button.toggled.connect(lambda on: self.set_mode(WEEK if on else MONTH))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.lens.currentIndexChanged.connect(self._lens_changed)
        self.client_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.assignee_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.import_button.clicked.connect(self.open_import)
        self.queue_button.clicked.connect(self.open_queue)
        for view in (self.week_view, self.month_view):
            view.itemActivated.connect(self.edit_item)
            view.itemDropped.connect(self.drop_item)
            view.slotClicked.connect(self.new_at)
            view.itemMenu.connect(self.item_menu)
            view.eventActivated.connect(self.edit_event)
        changes.changed.connect(self._on_changed)
        self.reload()
        self.week_scroll.verticalScrollBar().setValue(int(self.week_view.hour_height * 7.5))

    # ------------------------------------------------------------------ navigation

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.week_button if mode == WEEK else self.month_button).setChecked(True)
        self.stack.setCurrentIndex(0 if mode == WEEK else 1)
        self.reload()

    def step(self, direction: int) -> None:
        if self.mode == WEEK:
            self.anchor += timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    @Slot()
    def go_today(self) -> None:
        self.anchor = self._today()
        self.reload()

    def show_date(self, day: date, mode: str | None = None) -> None:
        self.anchor = day
        if mode is not None and mode != self.mode:
            self.set_mode(mode)
        else:
            self.reload()

    def lens_zone(self) -> str:
        return str(self.lens.currentData() or MY_TIME)

    def _today(self) -> date:
        return timezones.wall_at(timezones.now_utc(), lens_zone_now(self.services)).date()

    # ------------------------------------------------------------------ loading

    def _fill_filters(self) -> None:
        current_lens, current_client = self.lens.currentData(), self.client_filter.currentData()
        self.lens.blockSignals(True)
        self.client_filter.blockSignals(True)
        self.lens.clear()
        self.lens.addItem(self.tr("My time (itinerary)"), MY_TIME)
        clients = self.services.clients.list_clients()
        for zone in sorted({c.audience_tz for c in clients}):
            names = ", ".join(c.name for c in clients if c.audience_tz == zone)
            self.lens.addItem(self.tr("{zone} — {clients}").format(zone=zone, clients=names), zone)
        saved = current_lens if current_lens is not None else self.services.settings.get("calendar_zone", "")
        self.lens.setCurrentIndex(max(0, self.lens.findData(saved)))
        self.client_filter.clear()
        self.client_filter.addItem(self.tr("All clients"), None)
        for c in clients:
            self.client_filter.addItem(c.name, c.id)
        self.client_filter.setCurrentIndex(max(0, self.client_filter.findData(current_client)))
        self.lens.blockSignals(False)
        self.client_filter.blockSignals(False)
        members = self.services.members
        self.assignee_filter.populate(members.list_members(), members.current_id)

    def visible_range(self) -> tuple[date, int]:
        return visible_range(self.services, self.anchor, self.mode)

    def request(self) -> CalendarRequest:
        """The view the page's controls ask for."""
        return CalendarRequest(
            self.anchor,
            self.mode,
            self.lens_zone(),
            self.client_filter.currentData(),
            self.assignee_filter.assignee_id(),
        )

    def reload(self) -> None:
        request = self.request()
        data, self._preloaded = self._preloaded, None  # read for the first show only (ui/calendar/reading.py)
        if data is None or data.request != request:
            data = read_calendar(self.services, request)
        self.days, self.items = data.days, data.items
        week = self.mode == WEEK
        self.week_view.set_events(data.events if week else [])
        self.month_view.set_events([] if week else data.events)
        self.week_view.set_data(self.days if week else [], self.items if week else [], data.today)
        self.month_view.set_data([] if week else self.days, [] if week else self.items, data.today)
        if self.days:
            self.show_title(self.days, self.anchor if self.mode == MONTH else None, self.lens_zone())
        self.loaded.emit()

    @Slot(object)
    def _on_changed(self, areas: object) -> None:
        if touches(areas, CLIENTS, SETTINGS):
            self._fill_filters()
        if touches(areas, POSTS, CLIENTS, ITINERARY, SETTINGS, EVENTS, CONFLICTS):
            self.reload()

    @Slot()
    def _lens_changed(self) -> None:
        self.services.settings.set("calendar_zone", self.lens_zone())
        self.reload()

    # ------------------------------------------------------------------ actions

    def new_item(self) -> None:
        self.new_at(None)

    @Slot(object)
    def new_at(self, where: object) -> None:
        """A new post at the clicked slot (an instant in the week view, a day in the month view)."""
        from nomadcm.ui.schedule.post_dialog import PostDialog

        if not self.services.clients.list_clients():
            plain_text.inform(
                self, self.tr("No client yet"), self.tr("Add your first client on the Clients page.")
            )
            self.navigate.emit("clients")
            return
        dialog = PostDialog(self.services, self._add, parent=self, client_id=self.client_filter.currentData())
        zone = dialog.when.zone() or "UTC"
        if isinstance(where, datetime):
            dialog.when.set_value(timezones.wall_at(where, zone), zone)
        elif isinstance(where, date):
            dialog.when.set_value(datetime.combine(where, dialog.when.wall().time()), zone)
        self._open(dialog)

    def _add(self, draft: PostDraft) -> None:
        self._write(lambda: self.services.posts.add_op(draft))
        self.status_message.emit(self.tr("Post saved."))

    @Slot(object)
    def edit_item(self, item: Placed) -> None:
        from nomadcm.ui.schedule.post_dialog import PostDialog
        from nomadcm.ui.schedule.post_versions import occurrence_version, post_version

        o = item.occurrence
        try:
            info = self.services.posts.get(o.post_id)
        except UserError as err:
            show_user_error(self, err)
            return
        if o.series_wall is None:
            version = post_version(self.services, o.post_id, info)

            def save(draft: PostDraft) -> None:
                at = version.version  # moved on by the dialog's Reload / Overwrite
                self._write(lambda: self.services.posts.update_op(o.post_id, draft, expected_version=at))

            self._open(PostDialog(self.services, save, post=info, parent=self, version=version))
            return
        series_wall = o.series_wall
        try:
            version = occurrence_version(self.services, o.post_id, series_wall)  # read first
            shown = occurrence_as_post(self.services, o.post_id, series_wall)
        except UserError as err:
            show_user_error(self, err)
            return

        def save_occurrence(draft: PostDraft) -> None:
            scope = ask_scope(
                self, self.tr("Edit a repeating post"), self.tr("Save the changes to which occurrences?")
            )
            if scope is None:
                raise UserError(self.tr("Not saved: choose which occurrences to change."))
            editor = self.services.occurrence_editor
            at = version.version
            outcome = self._write(
                lambda: editor.op(
                    "edit_occurrence",
                    lambda: editor.edit(o.post_id, series_wall, draft, scope, at),
                    again=lambda: editor.edit(o.post_id, series_wall, draft, scope),
                )
            ).result
            if outcome.dropped:
                self.status_message.emit(dropped_message(outcome.dropped))

        self._open(PostDialog(self.services, save_occurrence, post=shown, parent=self, version=version))

    @Slot(object)
    def edit_event(self, event: EventInfo) -> None:
        """A client's event double-clicked: its dialog (ui/clients/event_dialogs.py), saved undoably here."""
        from nomadcm.ui.clients.event_dialogs import open_event_dialog

        client = self.services.clients.get_client(event.client_id)
        run = lambda write: self.ops.run(write, self, stack=self.undo_stack)  # noqa: E731
        self.post_dialog = open_event_dialog(self, self.services, run, client, event)

    @Slot()
    def open_import(self) -> None:
        from nomadcm.ui.publishing.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(
            self.services, self.changes, self.tasks, self, ops=self.ops, undo_stack=self.undo_stack
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()

    @Slot()
    def open_queue(self) -> None:
        from nomadcm.ui.publishing.queue_view import QueueDialog

        dialog = QueueDialog(self.services, self.changes, self, ops=self.ops, undo_stack=self.undo_stack)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.queue_dialog = dialog
        dialog.open()

    def _open(self, dialog: QWidget) -> None:
        self.post_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "post_dialog", None))  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _write(self, write: Callable[[], Change]) -> Change:
        """A write through the operation runner, undone on this page's stack; a UserError propagates (the
        caller shows it, or the post dialog does and stays open)."""
        change = self.ops.run(write, stack=self.undo_stack)
        assert change is not None  # no parent: a failure raised
        return change
