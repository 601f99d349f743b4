"""The widgets of the Schedule page: the title and its buttons, the filter bar, the table of posts (or the
empty state in its place) and the count under it.

Layout only: `page.SchedulePage` wires the signals, talks to the services and refreshes. The widgets are
attributes of the page itself (`table`, `search_edit`, `period_filter`...), as the page and the tests use them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm.ui.formatting import fmt_int, plural, pydate
from nomadcm.ui.i18n import ClassContexts
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.schedule.columns import WIDTHS, RowKey, ScheduleColumnsModel, status_label
from nomadcm.ui.widgets.assignee_filter import AssigneeFilter
from nomadcm.ui.widgets.date_inputs import DateInput
from nomadcm.vocabulary import POST_STATUSES

if TYPE_CHECKING:
    from nomadcm.services.schedule.series import Occurrence
    from nomadcm.ui.schedule.table_models import ScheduleModel

PERIOD_UPCOMING, PERIOD_ALL, PERIOD_CUSTOM = "upcoming", "all", "custom"


class SchedulePageView(ClassContexts, QWidget):
    """Also the page's frame at start-up: built with `frame()`, painted before the data stack loads (no
    SQLAlchemy, models or services behind this module), then replaced by the page, which lays out the same."""

    model: ScheduleModel

    @classmethod
    def frame(cls) -> SchedulePageView:
        """The page with its filters and the table's header, no row yet: what the window paints first."""
        view = cls()
        view.build(ScheduleColumnsModel(view))  # type: ignore[arg-type]
        view.client_filter.addItem(QCoreApplication.translate("SchedulePage", "All clients"), None)
        return view

    def build(self, model: QAbstractItemModel) -> None:
        """Every widget of the page, the table showing `model`."""
        self.model = model  # type: ignore[assignment]
        self._build_table()
        self.count_label = plain_label()
        self.count_label.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_filters())
        layout.addWidget(self.views, 1)
        layout.addWidget(self.count_label)
        self._build_keyboard_actions()

    def filter_fields(self) -> dict[str, Any]:
        """What the filter bar asks for, as `ScheduleFilter` fields: plain values, read on the GUI thread (the
        start-up reads the first page's rows elsewhere with them)."""
        period = self.period_filter.currentData()
        date_from = date_to = None
        if period == PERIOD_UPCOMING:
            date_from = date.today()
        elif period == PERIOD_CUSTOM:
            date_from, date_to = pydate(self.from_edit.date()), pydate(self.to_edit.date())
        status = self.status_filter.currentData()
        return {
            "client_id": self.client_filter.currentData(),
            "statuses": (status,) if status else None,
            "date_from": date_from,
            "date_to": date_to,
            "search": self.search_edit.text().strip() or None,
            "assignee_id": self.assignee_filter.assignee_id(),
        }

    def _build_filters(self) -> QHBoxLayout:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the text…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self.client_filter = QComboBox()
        self.client_filter.setMinimumContentsLength(14)
        self.assignee_filter = AssigneeFilter()  # team mode: shown when the database has members
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in POST_STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.period_filter = QComboBox()
        self.period_filter.addItem(self.tr("From today on"), PERIOD_UPCOMING)
        self.period_filter.addItem(self.tr("All dates"), PERIOD_ALL)
        self.period_filter.addItem(self.tr("Date range"), PERIOD_CUSTOM)
        self.period_filter.setToolTip(self.tr("Dates are the audience's local dates"))
        # as wide as its longest choice ("À partir d'aujourd'hui"), never cut
        self.period_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.from_edit = DateInput(date.today())
        self.to_edit = DateInput(date.today() + timedelta(days=30))
        for edit in (self.from_edit, self.to_edit):
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
        filters.addWidget(self.assignee_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.period_filter)
        filters.addWidget(self.from_edit)
        filters.addWidget(self.to_label)
        filters.addWidget(self.to_edit)
        filters.addWidget(self.clear_button)
        return filters

    def _build_actions(self) -> QHBoxLayout:
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
        return actions

    def _build_table(self) -> None:
        """The table and, in its place when there is no row, the empty state: both in `views`."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Always there, from the frame on: appearing as the rows came, it narrowed the table just after their
        # first paint (a visible jump, and every row painted twice at start).
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.empty_action = QPushButton()
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_action, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(empty)

    def _build_keyboard_actions(self) -> None:
        """Delete and Edit on the table's keys (the page connects them; the context menu shows them)."""
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcuts([QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.edit_action = QAction(self.tr("Edit…"), self)
        # Enter first: the context menu shows the first key, and Qt's French names Return "Retour"
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Enter), QKeySequence(Qt.Key.Key_Return)])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.edit_action)
        self.work_spots_action = QAction(self.tr("Where can I work then?"), self)
        self.work_spots_action.setToolTip(self.tr("Workplaces near you and open when this post goes out"))

    # ------------------------------------------------------------------ selection (of the shown rows)

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

    # ------------------------------------------------------------------ what the page shows

    def show_count(self, rows: int, total: int | None, loaded_all: bool) -> None:
        """The count under the table: every row, or the rows loaded so far (of `total` once counted)."""
        if loaded_all:
            text = plural(self.tr("%n post(s)", "", rows), rows)
        elif total is None:
            text = self.tr("{shown} posts shown — scroll for more").format(shown=fmt_int(rows))
        else:
            text = self.tr("{shown} of {total} posts shown — scroll for more").format(
                shown=fmt_int(rows), total=fmt_int(total)
            )
        self.count_label.setText(text)

    def show_empty(self, mode: str) -> None:
        """The empty state's text and button: no client yet ("clients"), filters hide every post ("filters"),
        nothing planned ("new"), or nothing planned for the client the filter shows ("client_new")."""
        if mode == "clients":
            self.empty_label.setText(
                self.tr("Welcome! Start by adding a client and their channels, then plan their posts here.")
            )
            self.empty_action.setText(self.tr("Add a client"))
        elif mode == "filters":
            self.empty_label.setText(self.tr("No post matches these filters."))
            self.empty_action.setText(self.tr("Clear filters"))
        elif mode == "client_new":
            self.empty_label.setText(self.tr("No post for this client yet."))
            self.empty_action.setText(self.tr("Plan a post"))
        else:
            self.empty_label.setText(self.tr("No post planned yet."))
            self.empty_action.setText(self.tr("Plan a post"))

    def build_context_menu(self, single: bool, occurrences: bool) -> tuple[QMenu, dict[str, QAction]]:
        """The table's context menu, and its "Set status" actions by status for the page to connect."""
        menu = QMenu(self)
        if single:
            menu.addAction(self.edit_action)
            menu.addAction(self.work_spots_action)
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
        status_actions = {status: status_menu.addAction(status_label(status)) for status in POST_STATUSES}
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu, status_actions
