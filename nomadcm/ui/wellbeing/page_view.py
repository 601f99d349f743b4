"""The widgets of the Wellbeing page: the period bar, the actions, this week's badges, the chart, and the
Days / Entries / Apps tables beside it.

Layout only: `page.WellbeingPage` wires the signals, talks to the services and refreshes. The widgets are
attributes of the page itself (`range_box`, `entry_table`, `badge_row`...), as the page and the tests use
them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.wellbeing.chart import ChartPanel
from nomadcm.ui.wellbeing.table_models import AppTableModel, DayTableModel, EntryTableModel
from nomadcm.ui.widgets.date_inputs import DateInput

RANGES = ("week", "month", "year", "custom")


def read_only_table(model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


class WellbeingPageView(QWidget):
    def build(self) -> None:
        top = QHBoxLayout()
        for w in self._build_period():
            top.addWidget(w)
        top.addStretch(1)
        for w in self._build_actions():
            top.addWidget(w)
        self._build_badges()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.badge_row)
        layout.addWidget(self._build_tables(), 1)
        # On a team database: where her wellbeing is kept instead (the page fills it in, else it stays hidden).
        self.private_note = plain_label()
        self.private_note.setObjectName("wellbeingPrivateNote")
        self.private_note.setEnabled(False)  # greyed: discreet
        self.private_note.setWordWrap(True)
        self.private_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.private_note.hide()
        layout.addWidget(self.private_note)

    def _build_period(self) -> list[QWidget]:
        self.range_box = QComboBox()
        for key, label in zip(
            RANGES, (self.tr("Week"), self.tr("Month"), self.tr("Year"), self.tr("Custom")), strict=True
        ):
            self.range_box.addItem(label, key)
        self.range_box.setAccessibleName(self.tr("Period"))
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next period"))
        self.today_button = QPushButton(self.tr("Today"))
        self.from_edit = DateInput()
        self.to_edit = DateInput()
        for edit, name in ((self.from_edit, self.tr("First day")), (self.to_edit, self.tr("Last day"))):
            edit.setAccessibleName(name)
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-weight: 600;")
        return [
            self.range_box,
            self.prev_button,
            self.today_button,
            self.next_button,
            self.from_edit,
            self.to_edit,
            self.period_label,
        ]

    def _build_actions(self) -> list[QWidget]:
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Log screen time or rest"))
        self.import_button = QPushButton(self.tr("Import"))
        import_menu = QMenu(self.import_button)
        self.import_aw_file = import_menu.addAction(self.tr("ActivityWatch export (JSON)…"))
        self.import_aw_server = import_menu.addAction(self.tr("From the running ActivityWatch…"))
        self.import_saa = import_menu.addAction(self.tr("Sleep as Android (sleep-export.csv)…"))
        self.import_csv = import_menu.addAction(self.tr("CSV: start, end, kind, device…"))
        self.import_button.setMenu(import_menu)
        self.export_button = QPushButton(self.tr("Export chart…"))
        self.goals_button = QPushButton(self.tr("Goals…"))
        return [self.add_button, self.import_button, self.export_button, self.goals_button]

    def _build_badges(self) -> None:
        self.badge_row = QHBoxLayout()
        self.badge_title = QLabel(self.tr("This week:"))
        self.badge_row.addWidget(self.badge_title)
        self.badge_labels: list[QLabel] = []
        self.badge_row.addStretch(1)

    def _build_tables(self) -> QSplitter:
        self.chart = ChartPanel()
        self.day_model = DayTableModel(self)
        self.day_table = read_only_table(self.day_model)
        self.entry_model = EntryTableModel(self)
        self.entry_table = read_only_table(self.entry_model)
        self.entry_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        entry_buttons = QHBoxLayout()
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.edit_button)
        entry_buttons.addWidget(self.delete_button)
        entries = QWidget()
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addWidget(self.entry_table)
        entries_layout.addLayout(entry_buttons)
        self.app_model = AppTableModel(self)
        self.app_table = read_only_table(self.app_model)
        self.side = QTabWidget()
        self.side.addTab(self.day_table, self.tr("Days"))
        self.side.addTab(entries, self.tr("Entries"))
        self.side.addTab(self.app_table, self.tr("Apps"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 520])
        return splitter
