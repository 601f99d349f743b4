"""The widgets of the Hours & pay page (its behaviour is in `page`): the month bar and the actions, the
warning line, each client's month, and below it the selected client's work of the month or the chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nomadcm.ui.billing.chart import HoursChart
from nomadcm.ui.billing.table_models import MonthHoursModel, PiecesModel
from nomadcm.ui.formatting import plural
from nomadcm.ui.i18n import ClassContexts
from nomadcm.ui.plain_text import plain_label

CHART_MONTHS = (6, 12, 24)


class HoursPageView(ClassContexts, QWidget):
    def build(self) -> None:
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.this_month_button = QPushButton(self.tr("This month"))
        self.month_label = QLabel()
        self.month_label.setStyleSheet("font-weight: 600; font-size: 14px; padding: 0 8px;")
        self.log_button = QPushButton(self.tr("Log work…"))
        self.log_button.setToolTip(self.tr("A call, a workshop: time NomadCM did not measure"))
        self.contract_button = QPushButton(self.tr("Contract…"))
        self.statement_button = QPushButton(self.tr("Export statement…"))
        self.statement_button.setToolTip(
            self.tr("The selected client's month as PDF or CSV, in their language")
        )
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.month_label, self.next_button, self.this_month_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.log_button, self.contract_button, self.statement_button):
            bar.addWidget(widget)

        self.warning = plain_label()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #c53030; color: white; border-radius: 6px; padding: 6px 10px; font-weight: 600;"
        )
        self.warning.hide()

        self.month_model = MonthHoursModel(self)
        self.month_table = _table(self.month_model)
        self.month_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.month_table.horizontalHeader().setSectionResizeMode(
            MonthHoursModel.CLIENT, QHeaderView.ResizeMode.Stretch
        )

        self.pieces_model = PiecesModel(self)
        self.pieces_table = _table(self.pieces_model)
        self.pieces_table.horizontalHeader().setSectionResizeMode(
            PiecesModel.NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.pieces_hint = plain_label()
        self.pieces_hint.setStyleSheet("color: palette(mid);")
        entry_bar = QHBoxLayout()
        entry_bar.addWidget(self.pieces_hint, 1)
        entry_bar.addWidget(self.edit_button)
        entry_bar.addWidget(self.delete_button)
        work_tab = QWidget()
        work_layout = QVBoxLayout(work_tab)
        work_layout.addWidget(self.pieces_table, 1)
        work_layout.addLayout(entry_bar)

        self.chart = HoursChart()
        self.chart_span = QComboBox()
        for months in CHART_MONTHS:
            self.chart_span.addItem(plural(self.tr("%n month(s)", "", months), months), months)
        self.chart_span.setCurrentIndex(0)
        self.chart_button = QPushButton(self.tr("Save chart…"))
        chart_bar = QHBoxLayout()
        chart_bar.addWidget(QLabel(self.tr("Months shown")))
        chart_bar.addWidget(self.chart_span)
        chart_bar.addStretch(1)
        chart_bar.addWidget(self.chart_button)
        chart_tab = QWidget()
        chart_layout = QVBoxLayout(chart_tab)
        chart_layout.addLayout(chart_bar)
        chart_layout.addWidget(self.chart, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(work_tab, self.tr("Work of the month"))
        self.tabs.addTab(chart_tab, self.tr("Paid and unpaid, month by month"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.month_table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    return view
