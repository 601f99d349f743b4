"""The widgets of the place dialog: the form (where, WiFi, opening hours, scores, notes), the speed-test
tab with its chart and the work-sessions tab. Layout only: `place_dialog.PlaceDialog` fills them, wires
their signals and saves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.date_inputs import DateInput
from nomadcm.ui.widgets.zone_picker import ZonePicker
from nomadcm.ui.widgets.zoned_datetime import MESSAGE_STYLE_ERROR
from nomadcm.ui.workplaces.speed_chart import SpeedChart
from nomadcm.ui.workplaces.table_models import kind_choices
from nomadcm.ui.workplaces.visit_table_models import SpeedTestsModel, WorkSessionsModel
from nomadcm.vocabulary import ACCESS_FEES

SCORES = ("score_wifi", "score_power", "score_quiet", "score_comfort", "score_price")


def fee_label(fee: str | None) -> str:
    return {
        None: QCoreApplication.translate("Workplaces", "Not known"),
        "free": QCoreApplication.translate("Workplaces", "Free"),
        "customers": QCoreApplication.translate("Workplaces", "For customers"),
        "paid": QCoreApplication.translate("Workplaces", "Paid"),
    }.get(fee, fee or "")


def history_table() -> QTableView:
    """A read-only table of whole rows, one selected at a time (speed tests, work sessions)."""
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PlaceDialogView(QDialog):
    """Builds the dialog's widgets as attributes (`name`, `hours`, `tests_table`...), so that the dialog
    and the tests reach them by name."""

    def build(self, with_history: bool) -> None:
        """The form; with `with_history` (an existing place), its speed tests and work sessions too."""
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), self.tr("Place"))
        if with_history:
            self.tabs.addTab(self._tests_tab(), self.tr("Speed tests"))
            self.tabs.addTab(self._sessions_tab(), self.tr("Work sessions"))
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(MESSAGE_STYLE_ERROR)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ the form

    def _details_tab(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._where_box())
        left.addWidget(self._wifi_box())
        left.addWidget(self._hours_box())
        right = QVBoxLayout()
        right.addWidget(self._scores_box())
        right.addWidget(self._notes_box())
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        page.setLayout(columns)
        return page

    def _where_box(self) -> QGroupBox:
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Copenhagen Coffee Lab"))
        self.kind = QComboBox()
        for key, label in kind_choices():
            self.kind.addItem(label, key)
        self.address = QLineEdit()
        self.city = QLineEdit()
        self.country = QLineEdit()
        self.country.setMaxLength(2)
        self.country.setPlaceholderText(self.tr("e.g. PT"))
        self.country.setMaximumWidth(70)
        self.lat = QLineEdit()
        self.lon = QLineEdit()
        for edit, bound in ((self.lat, 90.0), (self.lon, 180.0)):
            validator = QDoubleValidator(-bound, bound, 7, edit)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            edit.setValidator(validator)
            edit.setPlaceholderText(self.tr("optional"))
        self.zone = ZonePicker()
        self.zone.lineEdit().setPlaceholderText(self.tr("Automatic (from the coordinates or the city)"))
        self.zone_hint = plain_label()
        self.zone_hint.setStyleSheet("color: palette(mid);")
        coords = QHBoxLayout()
        coords.addWidget(QLabel(self.tr("Lat.")))
        coords.addWidget(self.lat)
        coords.addWidget(QLabel(self.tr("Lon.")))
        coords.addWidget(self.lon)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 1)
        city_row.addWidget(QLabel(self.tr("Country")))
        city_row.addWidget(self.country)
        place_box = QGroupBox(self.tr("Where"))
        place_form = QFormLayout(place_box)
        place_form.addRow(self.tr("Name"), self.name)
        place_form.addRow(self.tr("Kind"), self.kind)
        place_form.addRow(self.tr("Address"), self.address)
        place_form.addRow(self.tr("City"), city_row)
        place_form.addRow(self.tr("Coordinates"), coords)
        place_form.addRow(self.tr("Time zone"), self.zone)
        place_form.addRow("", self.zone_hint)
        return place_box

    def _wifi_box(self) -> QGroupBox:
        self.ssid = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("WiFi password"))
        self.show_password = QToolButton()
        self.show_password.setText(self.tr("Show"))
        self.show_password.setCheckable(True)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.show_password)
        # A team database only (the dialog shows it): without it the password stays hers, on this computer.
        self.share_password = QCheckBox(self.tr("Share the password with the team"))
        self.share_password.setToolTip(
            self.tr(
                "Unticked, the password stays on this computer, for you only; ticked, every member sees it."
            )
        )
        self.share_password.hide()
        self.fee = QComboBox()
        self.fee.addItem(fee_label(None), None)
        for fee in ACCESS_FEES:
            self.fee.addItem(fee_label(fee), fee)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("e.g. one coffee, 15 € a day"))
        wifi_box = QGroupBox(self.tr("WiFi"))
        wifi_form = QFormLayout(wifi_box)
        wifi_form.addRow(self.tr("Network (SSID)"), self.ssid)
        wifi_form.addRow(self.tr("Password"), password_row)
        wifi_form.addRow("", self.share_password)
        self._wifi_form = wifi_form
        wifi_form.addRow(self.tr("Access"), self.fee)
        wifi_form.addRow(self.tr("Price"), self.price)
        return wifi_box

    def _hours_box(self) -> QGroupBox:
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(self.tr("OpenStreetMap syntax, e.g. Mo-Fr 08:00-18:00; Sa 09:00-13:00"))
        self.hours_status = plain_label()
        self.hours_status.setWordWrap(True)
        hours_box = QGroupBox(self.tr("Opening hours"))
        hours_layout = QVBoxLayout(hours_box)
        hours_layout.addWidget(self.hours)
        hours_layout.addWidget(self.hours_status)
        return hours_box

    def _scores_box(self) -> QGroupBox:
        self.scores: dict[str, QSpinBox] = {}
        scores_box = QGroupBox(self.tr("Your scores (0 to 5)"))
        scores_form = QFormLayout(scores_box)
        labels = {
            "score_wifi": self.tr("WiFi reliability"),
            "score_power": self.tr("Power outlets"),
            "score_quiet": self.tr("Quiet"),
            "score_comfort": self.tr("Comfort"),
            "score_price": self.tr("Price (5 = cheap)"),
        }
        for field in SCORES:
            spin = QSpinBox()
            spin.setRange(-1, 5)
            spin.setSpecialValueText(self.tr("not rated"))
            spin.setValue(-1)
            self.scores[field] = spin
            scores_form.addRow(labels[field], spin)
        return scores_box

    def _notes_box(self) -> QGroupBox:
        self.food = QCheckBox(self.tr("Food or coffee on site"))
        self.favourite = QCheckBox(self.tr("Favourite"))
        self.visited = QCheckBox(self.tr("Last visit"))
        self.last_visit = DateInput()
        self.last_visit.setEnabled(False)
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.visited)
        visit_row.addWidget(self.last_visit)
        visit_row.addStretch(1)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Best table near the window, loud at lunch…"))
        self.notes.setMaximumHeight(80)
        other_box = QGroupBox(self.tr("Notes"))
        other_layout = QVBoxLayout(other_box)
        flags = QHBoxLayout()
        flags.addWidget(self.food)
        flags.addWidget(self.favourite)
        flags.addStretch(1)
        other_layout.addLayout(flags)
        other_layout.addLayout(visit_row)
        other_layout.addWidget(self.notes)
        return other_box

    # ------------------------------------------------------------------ history tabs

    def _tests_tab(self) -> QWidget:
        self.chart = SpeedChart()
        self.tests_summary = plain_label()
        self.tests_summary.setWordWrap(True)
        self.tests_model = SpeedTestsModel(self)
        self.tests_table = history_table()
        self.tests_table.setModel(self.tests_model)
        self.add_test_button = QPushButton(self.tr("Add a speed test…"))
        self.delete_test_button = QPushButton(self.tr("Delete test"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_test_button)
        buttons.addWidget(self.delete_test_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.tests_summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.tests_table, 1)
        layout.addLayout(buttons)
        return page

    def _sessions_tab(self) -> QWidget:
        self.sessions_model = WorkSessionsModel(self)
        self.sessions_table = history_table()
        self.sessions_table.setModel(self.sessions_model)
        self.sessions_total = plain_label()
        self.worked_button = QPushButton(self.tr("Worked here…"))
        self.delete_session_button = QPushButton(self.tr("Delete session"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sessions_total, 1)
        buttons.addWidget(self.worked_button)
        buttons.addWidget(self.delete_session_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.sessions_table, 1)
        layout.addLayout(buttons)
        return page
