"""The widgets of the Travel page: the toolbar, the Itinerary tab (where you are now, the timeline, the
list and what to look at), and the tabs holding the Day view and the Conflicts panel.

Layout only: `page.TravelPage` wires the signals, talks to the services and refreshes. The widgets are
attributes of the page itself (`table`, `timeline`, `warnings_box`...), as the page and the tests use them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.travel.conflicts_panel import ConflictsPanel
from nomadcm.ui.travel.day_view import DayView
from nomadcm.ui.travel.table_models import ItineraryModel, WarningsModel
from nomadcm.ui.travel.timeline import TripTimeline

ITINERARY_TAB, DAY_TAB, CONFLICTS_TAB = range(3)


class TravelPageView(QWidget):
    def build(self, day_view: DayView, conflicts_panel: ConflictsPanel) -> None:
        """Every widget of the page; the Day view and the Conflicts panel come built (they need services)."""
        self.day_view = day_view
        self.conflicts_panel = conflicts_panel
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_itinerary_tab(), self.tr("Itinerary"))
        self.tabs.addTab(self.day_view, self.tr("Day view"))
        self.tabs.addTab(self.conflicts_panel, self.tr("Conflicts"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.tabs, 1)

    def _build_toolbar(self) -> QHBoxLayout:
        title = QLabel(self.tr("Travel"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.new_stay_button = QPushButton(self.tr("New stay"))
        self.new_transit_button = QPushButton(self.tr("New transit"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.rhythm_button = QPushButton(self.tr("Your rhythm…"))
        self.rhythm_button.setToolTip(self.tr("Sleep window, working hours and home time zone"))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        for button in (
            self.new_stay_button,
            self.new_transit_button,
            self.edit_button,
            self.delete_button,
            self.rhythm_button,
        ):
            top.addWidget(button)
        return top

    def _build_itinerary_tab(self) -> QWidget:
        self._build_table()
        self.timeline = TripTimeline()
        self.warnings_model = WarningsModel(self)
        self.warnings_view = QListView()
        self.warnings_view.setModel(self.warnings_model)
        self.warnings_view.setWordWrap(True)
        self.warnings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warnings_box = QGroupBox(self.tr("To look at"))
        box_layout = QVBoxLayout(self.warnings_box)
        box_layout.addWidget(self.warnings_view)
        self.empty_label = QLabel(
            self.tr(
                "No trip yet. Add the places you stay in and the transits between them: every “your time” "
                "in NomadCM then follows you, and posts that fall while you sleep or travel are flagged."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.where_label = plain_label()
        self.where_label.setWordWrap(True)
        itinerary_tab = QWidget()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.warnings_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        tab_layout = QVBoxLayout(itinerary_tab)
        tab_layout.addWidget(self.where_label)
        tab_layout.addWidget(self.timeline)
        tab_layout.addWidget(self.empty_label)
        tab_layout.addWidget(splitter, 1)
        return itinerary_tab

    def _build_table(self) -> None:
        self.model = ItineraryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        for column in range(ItineraryModel.COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ItineraryModel.NOTES, QHeaderView.ResizeMode.Stretch)
