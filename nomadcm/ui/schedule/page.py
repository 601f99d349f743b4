"""The Schedule page: every post in the audience's time, her time and UTC; filters; edit; delete with undo.

A recurring post shows one row per occurrence. Editing or deleting one asks which occurrences (only this one,
this and following, all of them — the Calendar's question, ui/publishing/occurrence_actions.py) and goes
through the occurrence editor; a status set on an occurrence is that occurrence's alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.services.schedule.series import Occurrence
from nomadcm.ui import plain_text, startup
from nomadcm.ui.changes import CLIENTS, EVENTS, ITINERARY, POSTS, SETTINGS, ChangeBus, touches
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import plural
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.publishing.occurrence_actions import (
    ask_scope,
    delete_selection,
    dropped_message,
    occurrence_as_post,
    status_selection,
)
from nomadcm.ui.schedule.page_view import PERIOD_ALL, PERIOD_CUSTOM, SchedulePageView
from nomadcm.ui.schedule.post_dialog import PostDialog
from nomadcm.ui.schedule.post_versions import occurrence_version, post_version
from nomadcm.ui.schedule.table_models import FirstPage, ScheduleModel, status_label
from nomadcm.ui.tasks import Cancelled, TaskRunner, report_unexpected

FIRST_ROWS_LATEST_MS = 100  # rows read at start-up are shown then even if the page was not painted yet


class SchedulePage(SchedulePageView):
    status_message = Signal(str)
    navigate = Signal(str)
    loaded = Signal()  # the first rows are shown (the start-up waits for their paint: ui/startup.py)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        first_page: FirstPage | None = None,
    ) -> None:
        """With `tasks` (the window's runner) the conflict marks and the footer's total are computed on its
        thread. `first_page` are rows read before the page existed (start-up), shown if the filter matches:
        the page first takes its frame's place as the frame looked, the rows come at the next turn of the
        event loop — two short stretches of the GUI thread rather than one long one."""
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.undo_stack = QUndoStack(self)
        self.ops = ops or OpRunner(changes, undo=self.undo_stack, parent=self)  # writes: ui/operations.py
        self.tasks = tasks
        self.post_dialog: PostDialog | None = None
        self._empty_mode = "new"
        self._total: int | None = None
        self._counting: object | None = None  # the query being counted on the task runner
        self.build(ScheduleModel(services, parent=self, tasks=tasks))
        self._connect()
        changes.changed.connect(self._on_changed)
        self._fill_clients()
        self._loaded = False
        self._first_page = first_page
        if first_page is None:
            self._show_first_rows()
        else:  # after the page's first paint (as its frame looked); at the latest in a moment
            self.installEventFilter(self)
            QTimer.singleShot(FIRST_ROWS_LATEST_MS, self, self._show_first_rows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self, self._show_first_rows)
        return super().eventFilter(watched, event)

    @Slot()
    def _show_first_rows(self) -> None:
        if self._loaded:
            return
        first_page, self._first_page = self._first_page, None
        self.model.set_filter(self.current_filter(), first_page)
        # Laid out now rather than at the view's next turn: the scroll range is set when the rows first paint
        # (set just after, it repainted every row a second time while the start-up's work ran beside).
        self.table.doItemsLayout()
        self._loaded = True
        self.loaded.emit()

    def is_loaded(self) -> bool:
        return self._loaded

    def _connect(self) -> None:
        self.empty_action.clicked.connect(self._empty_action)
        self.delete_action.triggered.connect(self.delete_selected)
        self.edit_action.triggered.connect(self.edit_selected)
        self.work_spots_action.triggered.connect(self.show_work_spots)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)

        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.client_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.assignee_filter.currentIndexChanged.connect(self.apply_filter)
        self.period_filter.currentIndexChanged.connect(self._on_period)
        self.from_edit.dateChanged.connect(self.apply_filter)
        self.to_edit.dateChanged.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._on_reset)
        self.model.rowsInserted.connect(self._update_state)

    # ------------------------------------------------------------------ filters

    def current_filter(self) -> ScheduleFilter:
        return ScheduleFilter(**self.filter_fields())

    @Slot()
    def apply_filter(self) -> None:
        selected = self._selected_keys()
        self.model.set_filter(self.current_filter())
        self._reselect(selected)

    @Slot()
    def _on_period(self) -> None:
        custom = self.period_filter.currentData() == PERIOD_CUSTOM
        for widget in (self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)
        self.apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.search_edit, self.client_filter, self.status_filter, self.period_filter, self.assignee_filter
            )
        ]  # fmt: skip
        self.search_edit.clear()
        self.client_filter.setCurrentIndex(0)
        self.assignee_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.period_filter.setCurrentIndex(self.period_filter.findData(PERIOD_ALL))
        del blockers
        self._on_period()

    def focus_filter(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _fill_clients(self) -> None:
        current = self.client_filter.currentData()
        blocker = QSignalBlocker(self.client_filter)
        self.client_filter.clear()
        self.client_filter.addItem(self.tr("All clients"), None)
        for client in self.services.clients.list_clients():
            self.client_filter.addItem(client.name, client.id)
        index = self.client_filter.findData(current)
        self.client_filter.setCurrentIndex(max(index, 0))
        del blocker
        members = self.services.members
        lost_member = self.assignee_filter.populate(members.list_members(), members.current_id)
        if (current is not None and index < 0) or lost_member:  # the client or member shown is gone: show all
            self.apply_filter()

    # ------------------------------------------------------------------ refresh

    @Slot(object)
    def _on_changed(self, areas: object) -> None:
        if touches(areas, CLIENTS, SETTINGS):  # settings: "You are" (the assignee filter's "Mine")
            self._fill_clients()
        if touches(areas, POSTS, CLIENTS, ITINERARY, SETTINGS, EVENTS):  # events: closures' conflicts
            selected = self._selected_keys()
            self.model.reload()
            self._reselect(selected)

    @Slot()
    def _on_reset(self) -> None:
        self._total = None  # counted again on demand: scrolling adds rows, not posts
        self._update_state()

    @Slot()
    def _count_total(self) -> None:
        """Counted once the first rows are on screen: the count scans the whole range, the page does not —
        on the task runner's thread when the page has one (a big schedule takes a while to count)."""
        if self._total is not None or self.model.loaded_all():
            return
        if self.tasks is None:
            self._total = self.model.total()
            self._update_state()
            return
        query = self.model.query()
        if self._counting is query:
            return
        self._counting = query
        tasks = self.tasks
        # Once the rows are painted (the count's job would share the interpreter with that paint); at start-up
        # once the window is (a smoke test ending then does not wait for the count).
        self.model.after_rows_painted(
            lambda: startup.after_first_paint(
                lambda: tasks.run(
                    lambda _report: query.count(),
                    self,
                    on_success=lambda total: self._counted(query, total),
                    on_failure=lambda err: self._count_failed(query, err),
                )
            )
        )

    def _counted(self, query: object, total: int) -> None:
        if self._counting is query:
            self._counting = None
        if query is self.model.query() and self._total is None:  # still the rows shown
            self._total = total
            self._update_state()

    def _count_failed(self, query: object, err: BaseException) -> None:
        if self._counting is query:
            self._counting = None
        if not isinstance(err, Cancelled | UserError):
            report_unexpected(err)

    @Slot()
    def _update_state(self) -> None:
        rows = self.model.rowCount()
        flt = self.model.post_filter()
        filtered = any((flt.client_id, flt.statuses, flt.date_from, flt.date_to, flt.search))
        if rows:
            self.views.setCurrentIndex(0)
            if self._total is None and not self.model.loaded_all():
                QTimer.singleShot(0, self._count_total)
            self.show_count(rows, self._total, self.model.loaded_all())
        else:
            self.views.setCurrentIndex(1)
            self.count_label.setText("")
            self._empty_mode = self._why_empty(flt.client_id, filtered)
            self.show_empty(self._empty_mode)
        self._update_buttons()

    def _why_empty(self, client_id: int | None, filtered: bool) -> str:
        """No client yet; this client has no post at all (not a filter's doing); no post at all; or the
        filters hide them."""
        clients = self.services.clients
        known = clients.list_clients()
        if not known:
            return "clients"
        if client_id is not None and not clients.post_count(client_id):
            return "client_new"
        if not filtered or not any(clients.post_count(c.id) for c in known):
            return "new"
        return "filters"

    @Slot()
    def _empty_action(self) -> None:
        if self._empty_mode == "clients":
            self.navigate.emit("clients")
        elif self._empty_mode == "filters":
            self.clear_filters()
        else:
            self.new_item()

    @Slot()
    def _update_buttons(self) -> None:
        count = len(self._selected_rows())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)

    # ------------------------------------------------------------------ actions

    @Slot()
    def new_item(self) -> None:
        if not self.services.clients.list_clients():
            plain_text.inform(
                self,
                self.tr("No client yet"),
                self.tr("A post is for a client's channel. Add your first client on the Clients page."),
            )
            self.navigate.emit("clients")
            return
        dialog = PostDialog(
            self.services,
            self._add,
            parent=self,
            client_id=self.client_filter.currentData(),
            tasks=self.tasks,
        )
        self._open(dialog)

    @Slot()
    def edit_selected(self) -> None:
        rows = self._selected_row_data()
        if len(rows) == 1:
            self.edit_row(rows[0])

    @Slot()
    def show_work_spots(self) -> None:
        """Where she can work when the selected post goes out (ui/workplaces/work_spots_dialog.py)."""
        rows = self._selected_row_data()
        if len(rows) == 1:
            from nomadcm.ui.workplaces.work_spots_dialog import open_work_spots

            self.work_spots_dialog = open_work_spots(self.services, self.tasks, rows[0].utc, self)

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_row(self.model.row_at(index.row()))

    def edit_row(self, row: Occurrence) -> None:
        """The post dialog for a single post, or for one occurrence of a recurring post."""
        if row.series_wall is None:
            self.edit_post(row.post_id)
        else:
            self.edit_occurrence(row.post_id, row.series_wall)

    def edit_post(self, post_id: int) -> None:
        try:
            info = self.services.posts.get(post_id)
        except UserError as err:
            show_user_error(self, err)
            return

        version = post_version(self.services, post_id, info)

        def save(draft: PostDraft) -> None:
            at = version.version
            self._write(lambda: self.services.posts.update_op(post_id, draft, expected_version=at))
            self.status_message.emit(self.tr("Post saved."))

        self._open(PostDialog(self.services, save, post=info, parent=self, tasks=self.tasks, version=version))

    def edit_occurrence(self, post_id: int, series_wall: datetime) -> None:
        """The dialog shows this occurrence; saving asks which occurrences the changes are for."""
        try:
            version = occurrence_version(self.services, post_id, series_wall)  # read first (post_versions.py)
            shown = occurrence_as_post(self.services, post_id, series_wall)
        except UserError as err:
            show_user_error(self, err)
            return

        def save(draft: PostDraft) -> None:
            scope = ask_scope(
                self.post_dialog or self,
                self.tr("Edit a repeating post"),
                self.tr("Save the changes to which occurrences?"),
            )
            if scope is None:
                raise UserError(self.tr("Not saved: choose which occurrences to change."))
            editor = self.services.occurrence_editor
            at = version.version
            outcome = self._write(
                lambda: editor.op(
                    "edit_occurrence",
                    lambda: editor.edit(post_id, series_wall, draft, scope, at),
                    again=lambda: editor.edit(post_id, series_wall, draft, scope),
                )
            ).result
            if outcome.dropped:
                self.status_message.emit(dropped_message(outcome.dropped))
            else:
                self.status_message.emit(self.tr("Post saved — Ctrl+Z puts it back."))

        dialog = PostDialog(self.services, save, post=shown, parent=self, tasks=self.tasks, version=version)
        dialog.setWindowTitle(self.tr("Edit a repeating post"))
        self._open(dialog)

    def _add(self, draft: PostDraft) -> None:
        info = self._write(lambda: self.services.posts.add_op(draft)).result
        if not self.select_post(info.id):
            self.status_message.emit(self.tr("Post saved; the filters hide it."))
        else:
            self.status_message.emit(self.tr("Post saved."))

    def _open(self, dialog: PostDialog) -> None:
        self.post_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "post_dialog", None))
        dialog.open()

    @Slot()
    def delete_selected(self) -> None:
        rows = self._selected_row_data()
        if not rows:
            return
        if any(r.series_wall is not None for r in rows):
            self._delete_with_occurrences(rows)
            return
        ids = [r.post_id for r in rows]
        if self._write(lambda: self.services.posts.delete_op(ids), self) is None:
            return
        self.status_message.emit(
            self.tr("Post deleted — Ctrl+Z brings it back.")
            if len(ids) == 1
            else plural(self.tr("%n post(s) deleted — Ctrl+Z brings them back.", "", len(ids)), len(ids))
        )

    def _delete_with_occurrences(self, rows: list[Occurrence]) -> None:
        """Single posts are deleted; for the occurrences she says which ones, once for all of them."""
        singles = sorted({r.post_id for r in rows if r.series_wall is None})
        occurrences = sorted({(r.post_id, r.series_wall) for r in rows if r.series_wall is not None})
        count = len(occurrences)
        if count == 1:
            question = self.tr("Delete which occurrences of this repeating post?")
        else:
            question = plural(
                self.tr(
                    "%n occurrence(s) of repeating posts are selected. Delete only these, these and the "
                    "following ones, or every occurrence of their series?",
                    "",
                    count,
                ),
                count,
            )
        if singles:
            question += "\n" + plural(
                self.tr("The %n single post(s) selected will be deleted too.", "", len(singles)), len(singles)
            )
        scope = ask_scope(self, self.tr("Delete a repeating post"), question, count)
        if scope is None:
            return
        editor = self.services.occurrence_editor
        label = "delete_occurrence" if count == 1 and not singles else "delete_rows"
        done = self._write(
            lambda: editor.op(
                label, lambda: delete_selection(editor, singles, occurrences, scope), count=len(rows)
            ),
            self,
        )
        if done is None:
            return
        self.status_message.emit(self.tr("Deleted — Ctrl+Z brings it back."))

    def set_status(self, status: str) -> None:
        data = self._selected_row_data()
        if any(r.series_wall is not None for r in data):
            self._set_status_with_occurrences(data, status)
            return
        before = {r.post_id: r.status for r in data}
        if not before:
            return
        self._write(lambda: self.services.posts.set_status_op(list(before), status), self)

    def _set_status_with_occurrences(self, rows: list[Occurrence], status: str) -> None:
        """Each occurrence gets the status alone (an exception of its series); single posts as usual."""
        singles = sorted({r.post_id for r in rows if r.series_wall is None})
        occurrences = sorted({(r.post_id, r.series_wall) for r in rows if r.series_wall is not None})
        editor = self.services.occurrence_editor
        done = self._write(
            lambda: editor.op(
                "occurrence_status", lambda: status_selection(editor, singles, occurrences, status)
            ),
            self,
        )
        if done is None:
            return
        self.status_message.emit(
            self.tr(
                "Status set to {status} on the selected occurrences only; the rest of their series keeps "
                "its own — Ctrl+Z puts it back."
            ).format(status=status_label(status))
        )

    def _write(self, write: Callable[[], Change], parent: QWidget | None = None) -> Change | None:
        """A write through the operation runner, undone on this page's stack. With no `parent` a UserError
        propagates (to the post dialog, which shows it and stays open); else it is shown over `parent`."""
        return self.ops.run(write, parent, stack=self.undo_stack)

    @Slot()
    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if not self._selected_rows():
            return
        occurrences = any(r.series_wall is not None for r in self._selected_row_data())
        menu, status_actions = self.build_context_menu(len(self._selected_rows()) == 1, occurrences)
        for status, action in status_actions.items():
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))
        menu.popup(self.table.viewport().mapToGlobal(pos))
