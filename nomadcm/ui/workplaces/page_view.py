"""The widgets of the Workplaces page: the Places tab (the actions on a place, two rows of filters, the
table or a word in its place, the count and an import's progress) and the Trip checklists tab.

Layout only: `page.WorkplacesPage` wires the signals, talks to the services and refreshes. The widgets are
attributes of the page itself (`table`, `search`, `min_down`...), as the page and the tests use them.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nomadcm.services.workplaces.place_catalog import PlaceInfo
from nomadcm.ui.i18n import ClassContexts
from nomadcm.ui.widgets.date_inputs import DateTimeInput
from nomadcm.ui.workplaces.checklist import ChecklistPanel
from nomadcm.ui.workplaces.table_models import PlacesModel, kind_choices

SLIDER_MAX_MBPS = 200
SLIDER_STEP = 5
OPEN_ANY, OPEN_NOW, OPEN_AT = range(3)


class WorkplacesPageView(ClassContexts, QWidget):
    def build(self, model: PlacesModel, checklist: ChecklistPanel) -> None:
        """Every widget of the page, the table showing `model`; the checklist panel comes built (it needs
        services)."""
        self.model = model
        title = QLabel(self.tr("Workplaces"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._places_tab(), self.tr("Places"))
        self.checklist = checklist
        self.tabs.addTab(self.checklist, self.tr("Trip checklists"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def _places_tab(self) -> QWidget:
        self.add_button = QPushButton(self.tr("New place"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.test_button = QPushButton(self.tr("Speed test…"))
        self.worked_button = QPushButton(self.tr("Worked here…"))
        self.checklist_button = QPushButton(self.tr("Add to a trip…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button.setToolTip(self.tr("GeoJSON or Overpass JSON from OpenStreetMap, or a places CSV"))
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(b)
        actions.addSpacing(12)
        for b in (self.test_button, self.worked_button, self.checklist_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, addresses, notes"))
        self.search.setClearButtonEnabled(True)
        self.city = QComboBox()
        self.city.setMinimumContentsLength(14)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), "")
        for key, label in kind_choices():
            self.kind.addItem(label, key)
        self.favourites = QCheckBox(self.tr("Favourites"))
        self.min_down = QSlider(Qt.Orientation.Horizontal)
        self.min_down.setRange(0, SLIDER_MAX_MBPS // SLIDER_STEP)
        self.min_down.setPageStep(2)
        self.min_down.setMinimumWidth(120)
        self.min_down.setAccessibleName(self.tr("Minimum download speed"))
        self.min_down_label = QLabel()
        self.min_down_label.setMinimumWidth(90)
        self.min_power = self._score_filter(self.tr("Power outlets at least"))
        self.min_quiet = self._score_filter(self.tr("Quiet at least"))
        self.open_mode = QComboBox()
        self.open_mode.addItem(self.tr("Any time"), OPEN_ANY)
        self.open_mode.addItem(self.tr("Open now"), OPEN_NOW)
        self.open_mode.addItem(self.tr("Open at…"), OPEN_AT)
        self.open_at = DateTimeInput(QDateTime.currentDateTime())
        self.open_at.setToolTip(self.tr("On each place's own clock: 10:00 in Lisbon means 10:00 Lisbon time"))
        self.open_at.setEnabled(False)
        self.open_states = QComboBox()
        self.open_states.addItem(self.tr("Open only"), False)
        self.open_states.addItem(self.tr("Open or unknown"), True)
        self.open_states.setToolTip(
            self.tr(
                "Unknown: no opening hours, hours not understood, a comment such as “on request”, "
                "or an open end (17:00+). Unknown is never counted as open."
            )
        )
        self.open_states.setAccessibleName(self.tr("Places to list at that time"))
        self.open_states.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear filters"))

        row1 = QHBoxLayout()
        row1.addWidget(self.search, 2)
        row1.addWidget(self.city, 1)
        row1.addWidget(self.kind)
        row1.addWidget(self.favourites)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Download ≥")))
        row2.addWidget(self.min_down)
        row2.addWidget(self.min_down_label)
        row2.addWidget(QLabel(self.tr("Power ≥")))
        row2.addWidget(self.min_power)
        row2.addWidget(QLabel(self.tr("Quiet ≥")))
        row2.addWidget(self.min_quiet)
        row2.addWidget(self.open_mode)
        row2.addWidget(self.open_at)
        row2.addWidget(self.open_states)
        row2.addStretch(1)
        row2.addWidget(self.clear_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PlacesModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PlacesModel.NAME, QHeaderView.ResizeMode.Stretch)

        self.count_label = QLabel()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(actions)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(bottom)
        return page

    def _score_filter(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 5)
        spin.setSpecialValueText(self.tr("any"))
        spin.setAccessibleName(name)
        return spin

    def focus_filter(self) -> None:
        """Edit > Filter: the search field of the Places tab."""
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    # ------------------------------------------------------------------ what the page shows

    def show_min_down(self, mbps: int) -> None:
        self.min_down_label.setText(self.tr("{n} Mbit/s").format(n=mbps) if mbps else self.tr("any speed"))

    def show_counts(self, shown: int, total: int) -> None:
        """The count under the table; with no row, the empty state says why (no place yet, or the filters)
        and the count is left out ("0 places shown of 0" said nothing)."""
        if shown == 0:
            count = ""
        elif shown == total:
            count = self.tr("%n place(s)", "", total)
        else:
            count = self.tr("%n place(s) shown of {total}", "", shown).format(total=total)
        self.count_label.setText(count)
        if total == 0:
            self.empty_label.setText(
                self.tr(
                    "No workplace yet. Add the cafés, coworkings and libraries where you work, "
                    "or import an OpenStreetMap extract (GeoJSON or Overpass JSON) of a city."
                )
            )
        else:
            self.empty_label.setText(self.tr("No place matches these filters."))
        self.empty_label.setVisible(shown == 0)
        self.table.setVisible(shown > 0)

    # ------------------------------------------------------------------ selection

    def selected_place(self) -> PlaceInfo | None:
        if not hasattr(self, "table") or self.table.selectionModel() is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.place_at(rows[0].row())

    def select_place(self, place_id: int) -> None:
        row = self.model.row_of(place_id)
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, PlacesModel.NAME))

    @Slot()
    def _update_buttons(self) -> None:
        has = self.selected_place() is not None
        for b in (
            self.edit_button,
            self.delete_button,
            self.test_button,
            self.worked_button,
            self.checklist_button,
        ):
            b.setEnabled(has)
        self.export_button.setEnabled(self.model.rowCount() > 0)
