"""The Schedule page: every post in the audience's time, her time and UTC; filters; edit; delete with undo.

A recurring post shows one row per occurrence. Editing or deleting one asks which occurrences (only this one,
this and following, all of them — the Calendar's question, ui/publishing/occurrence_actions.py) and goes
through the occurrence editor; a status set on an occurrence is that occurrence's alone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.services.schedule.series import Occurrence
from nomadcm.ui.changes import CLIENTS, ITINERARY, POSTS, SETTINGS, ChangeBus, touches
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import fmt_int, plural, pydate, qdate, short_date_format
from nomadcm.ui.publishing.occurrence_actions import (
    ask_scope,
    delete_selection,
    dropped_message,
    occurrence_as_post,
    status_selection,
)
from nomadcm.ui.publishing.undo import push_occurrence_edit
from nomadcm.ui.schedule.post_dialog import PostDialog
from nomadcm.ui.schedule.table_models import RowKey, ScheduleModel, status_label
from nomadcm.ui.schedule.undo import AddPostCommand, DeletePostsCommand, EditPostCommand, SetStatusCommand
from nomadcm.vocabulary import POST_STATUSES

PERIOD_UPCOMING, PERIOD_ALL, PERIOD_CUSTOM = "upcoming", "all", "custom"


class SchedulePage(QWidget):
    status_message = Signal(str)
    navigate = Signal(str)

    def __init__(self, services: Services, changes: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.undo_stack = QUndoStack(self)
        self.post_dialog: PostDialog | None = None
        self._empty_mode = "new"
        self._total: int | None = None
        self.model = ScheduleModel(services, parent=self)

        # --- filter bar
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the text…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self.client_filter = QComboBox()
        self.client_filter.setMinimumContentsLength(14)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in POST_STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.period_filter = QComboBox()
        self.period_filter.addItem(self.tr("From today on"), PERIOD_UPCOMING)
        self.period_filter.addItem(self.tr("All dates"), PERIOD_ALL)
        self.period_filter.addItem(self.tr("Date range"), PERIOD_CUSTOM)
        self.period_filter.setToolTip(self.tr("Dates are the audience's local dates"))
        self.from_edit = QDateEdit(qdate(date.today()))
        self.to_edit = QDateEdit(qdate(date.today() + timedelta(days=30)))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(short_date_format())
            edit.hide()
        self.to_label = QLabel(self.tr("to"))
        self.to_label.hide()
        self.from_edit.setAccessibleName(self.tr("First audience date"))
        self.to_edit.setAccessibleName(self.tr("Last audience date"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setFlat(True)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.client_filter, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.period_filter)
        filters.addWidget(self.from_edit)
        filters.addWidget(self.to_label)
        filters.addWidget(self.to_edit)
        filters.addWidget(self.clear_button)

        # --- actions
        self.new_button = QPushButton(self.tr("New post"))
        self.new_button.setToolTip(self.tr("Plan a new post (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected posts (Del); Ctrl+Z brings them back"))
        actions = QHBoxLayout()
        title = QLabel(self.tr("Schedule"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        actions.addWidget(title)
        actions.addStretch(1)
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)

        # --- table
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        widths = {
            ScheduleModel.AUDIENCE: 185,  # room for the ↻ and ⇥ marks of an occurrence
            ScheduleModel.YOURS: 135,
            ScheduleModel.UTC: 125,
            ScheduleModel.CLIENT: 145,
            ScheduleModel.CHANNEL: 150,
            ScheduleModel.STATUS: 95,  # "Programmée", "Publiée"
            ScheduleModel.CONFLICTS: 80,  # up to four kind symbols
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.empty_action = QPushButton()
        self.empty_action.clicked.connect(self._empty_action)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_action, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(empty)

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.count_label)

        # --- keyboard
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcuts([QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.edit_action = QAction(self.tr("Edit…"), self)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_selected)
        self.table.addAction(self.edit_action)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)

        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.client_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
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
        changes.changed.connect(self._on_changed)

        self._fill_clients()
        self.apply_filter()

    # ------------------------------------------------------------------ filters

    def current_filter(self) -> ScheduleFilter:
        period = self.period_filter.currentData()
        date_from = date_to = None
        if period == PERIOD_UPCOMING:
            date_from = date.today()
        elif period == PERIOD_CUSTOM:
            date_from, date_to = pydate(self.from_edit.date()), pydate(self.to_edit.date())
        status = self.status_filter.currentData()
        return ScheduleFilter(
            client_id=self.client_filter.currentData(),
            statuses=(status,) if status else None,
            date_from=date_from,
            date_to=date_to,
            search=self.search_edit.text().strip() or None,
        )

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
            for w in (self.search_edit, self.client_filter, self.status_filter, self.period_filter)
        ]
        self.search_edit.clear()
        self.client_filter.setCurrentIndex(0)
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
        if current is not None and index < 0:  # the client shown was deleted: show all
            self.apply_filter()

    # ------------------------------------------------------------------ refresh

    @Slot(object)
    def _on_changed(self, areas: object) -> None:
        if touches(areas, CLIENTS):
            self._fill_clients()
        if touches(areas, POSTS, CLIENTS, ITINERARY, SETTINGS):
            selected = self._selected_keys()
            self.model.reload()
            self._reselect(selected)

    @Slot()
    def _on_reset(self) -> None:
        self._total = None  # counted again on demand: scrolling adds rows, not posts
        self._update_state()

    @Slot()
    def _count_total(self) -> None:
        """Counted once the first rows are on screen: the count scans the whole range, the page does not."""
        if self._total is None and not self.model.loaded_all():
            self._total = self.model.total()
            self._update_state()

    @Slot()
    def _update_state(self) -> None:
        rows = self.model.rowCount()
        flt = self.model.post_filter()
        filtered = any((flt.client_id, flt.statuses, flt.date_from, flt.date_to, flt.search))
        if rows:
            self.views.setCurrentIndex(0)
            if self.model.loaded_all():
                text = plural(self.tr("%n post(s)", "", rows), rows)
            else:
                if self._total is None:
                    QTimer.singleShot(0, self._count_total)
                    text = self.tr("{shown} posts shown — scroll for more").format(shown=fmt_int(rows))
                else:
                    text = self.tr("{shown} of {total} posts shown — scroll for more").format(
                        shown=fmt_int(rows), total=fmt_int(self._total)
                    )
            self.count_label.setText(text)
        else:
            self.views.setCurrentIndex(1)
            self.count_label.setText("")
            if not self.services.clients.list_clients():
                self.empty_label.setText(
                    self.tr(
                        "Welcome! Start by adding a client and their channels, then plan their posts here."
                    )
                )
                self.empty_action.setText(self.tr("Add a client"))
                self._empty_mode = "clients"
            elif filtered:
                self.empty_label.setText(self.tr("No post matches these filters."))
                self.empty_action.setText(self.tr("Clear filters"))
                self._empty_mode = "filters"
            else:
                self.empty_label.setText(self.tr("No post planned yet."))
                self.empty_action.setText(self.tr("Plan a post"))
                self._empty_mode = "new"
        self._update_buttons()

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

    # ------------------------------------------------------------------ selection

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _selected_keys(self) -> list[RowKey]:
        return self.model.row_keys(self._selected_rows())

    def _selected_row_data(self) -> list[Occurrence]:
        return [self.model.row_at(r) for r in self._selected_rows()]

    def _reselect(self, keys: list[RowKey]) -> None:
        selection = self.table.selectionModel()
        first = True
        for post_id, series_wall in keys:
            row = self.model.row_of(post_id, series_wall)
            if row is None:
                continue
            index = self.model.index(row, 0)
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            if first:
                selection.setCurrentIndex(index, flags)
                first = False
            else:
                selection.select(index, flags)

    def select_post(self, post_id: int) -> bool:
        """Selects and shows a post if it is loaded (the view then scrolls to it)."""
        row = self.model.row_of(post_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # ------------------------------------------------------------------ actions

    @Slot()
    def new_item(self) -> None:
        if not self.services.clients.list_clients():
            QMessageBox.information(
                self,
                self.tr("No client yet"),
                self.tr("A post is for a client's channel. Add your first client on the Clients page."),
            )
            self.navigate.emit("clients")
            return
        dialog = PostDialog(self.services, self._add, parent=self, client_id=self.client_filter.currentData())
        self._open(dialog)

    @Slot()
    def edit_selected(self) -> None:
        rows = self._selected_row_data()
        if len(rows) == 1:
            self.edit_row(rows[0])

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
        before = info.to_draft()

        def save(draft: PostDraft) -> None:
            self.services.posts.update(post_id, draft)
            self.undo_stack.push(
                EditPostCommand(post_id, before, draft, self.services.posts, self.changes, self._undo_failed)
            )
            self.changes.notify(POSTS)
            self.status_message.emit(self.tr("Post saved."))

        self._open(PostDialog(self.services, save, post=info, parent=self))

    def edit_occurrence(self, post_id: int, series_wall: datetime) -> None:
        """The dialog shows this occurrence; saving asks which occurrences the changes are for."""
        try:
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
            outcome = push_occurrence_edit(
                self.undo_stack,
                self.tr("edit repeating post"),
                editor,
                lambda: editor.edit(post_id, series_wall, draft, scope),
                self.changes,
                self._undo_failed,
            )
            self.changes.notify(POSTS)
            if outcome.dropped:
                self.status_message.emit(dropped_message(outcome.dropped))
            else:
                self.status_message.emit(self.tr("Post saved — Ctrl+Z puts it back."))

        dialog = PostDialog(self.services, save, post=shown, parent=self)
        dialog.setWindowTitle(self.tr("Edit a repeating post"))
        self._open(dialog)

    def _add(self, draft: PostDraft) -> None:
        info = self.services.posts.add(draft)
        self.undo_stack.push(AddPostCommand(info.id, self.services.posts, self.changes, self._undo_failed))
        self.changes.notify(POSTS)
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
        try:
            snapshots = self.services.posts.delete(ids)
        except UserError as err:
            show_user_error(self, err)
            return
        self.undo_stack.push(
            DeletePostsCommand(snapshots, self.services.posts, self.changes, self._undo_failed)
        )
        self.changes.notify(POSTS)
        self.status_message.emit(
            plural(self.tr("%n post(s) deleted — Ctrl+Z brings them back.", "", len(ids)), len(ids))
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
        text = (
            self.tr("delete occurrence")
            if count == 1 and not singles
            else plural(self.tr("delete %n row(s)", "", len(rows)), len(rows))
        )
        try:
            push_occurrence_edit(
                self.undo_stack,
                text,
                editor,
                lambda: delete_selection(editor, singles, occurrences, scope),
                self.changes,
                self._undo_failed,
            )
        except UserError as err:
            show_user_error(self, err)
            return
        self.changes.notify(POSTS)
        self.status_message.emit(self.tr("Deleted — Ctrl+Z brings it back."))

    def set_status(self, status: str) -> None:
        data = self._selected_row_data()
        if any(r.series_wall is not None for r in data):
            self._set_status_with_occurrences(data, status)
            return
        before = {r.post_id: r.status for r in data}
        if not before:
            return
        try:
            self.services.posts.set_status(list(before), status)
        except UserError as err:
            show_user_error(self, err)
            return
        self.undo_stack.push(
            SetStatusCommand(before, status, self.services.posts, self.changes, self._undo_failed)
        )
        self.changes.notify(POSTS)

    def _set_status_with_occurrences(self, rows: list[Occurrence], status: str) -> None:
        """Each occurrence gets the status alone (an exception of its series); single posts as usual."""
        singles = sorted({r.post_id for r in rows if r.series_wall is None})
        occurrences = sorted({(r.post_id, r.series_wall) for r in rows if r.series_wall is not None})
        editor = self.services.occurrence_editor
        try:
            push_occurrence_edit(
                self.undo_stack,
                self.tr("status change"),
                editor,
                lambda: status_selection(editor, singles, occurrences, status),
                self.changes,
                self._undo_failed,
            )
        except UserError as err:
            show_user_error(self, err)
            return
        self.changes.notify(POSTS)
        self.status_message.emit(
            self.tr(
                "Status set to {status} on the selected occurrences only; the rest of their series keeps "
                "its own — Ctrl+Z puts it back."
            ).format(status=status_label(status))
        )

    def _undo_failed(self, err: UserError) -> None:
        show_user_error(self, err, self.tr("Cannot undo"))

    @Slot()
    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if not self._selected_rows():
            return
        menu = QMenu(self)
        if len(self._selected_rows()) == 1:
            menu.addAction(self.edit_action)
        occurrences = any(r.series_wall is not None for r in self._selected_row_data())
        status_menu = menu.addMenu(
            self.tr("Set status (these occurrences only)") if occurrences else self.tr("Set status")
        )
        if occurrences:
            menu.setToolTipsVisible(True)
            status_menu.menuAction().setToolTip(
                self.tr(
                    "A repeating post's occurrence gets the status alone; its other occurrences keep theirs."
                )
            )
        for status in POST_STATUSES:
            action = status_menu.addAction(status_label(status))
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
