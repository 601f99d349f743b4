"""Dialogs of the Workplaces page: a speed test, and "worked here" (a work session at a place)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.workplaces.place_catalog import PlaceInfo
from nomadcm.services.workplaces.place_fields import MAX_MBPS, SPEED_TOOLS
from nomadcm.services.workplaces.places import SpeedTestInfo, WorkSessionInfo
from nomadcm.ui.operations import RunWrite, run_directly
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin
from nomadcm.ui.widgets.zoned_datetime import MESSAGE_STYLE_ERROR, ZonedDateTimeEdit
from nomadcm.ui.workplaces.visit_table_models import tool_label


def place_zone(services: Services, place: PlaceInfo) -> str:
    return place.tz or services.settings.home_tz()


def _round_down(wall: datetime, minutes: int = 5) -> datetime:
    return wall.replace(second=0, microsecond=0, minute=wall.minute - wall.minute % minutes)


def _error_label() -> QLabel:
    label = plain_label()
    label.setWordWrap(True)
    label.setStyleSheet(MESSAGE_STYLE_ERROR)
    label.hide()
    return label


class SpeedTestDialog(UnsavedChangesMixin, QDialog):
    """Record one measurement; `added` holds it after OK."""

    def __init__(
        self,
        services: Services,
        place: PlaceInfo,
        parent: QWidget | None = None,
        *,
        run: RunWrite = run_directly,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.run = run  # saves through the page's runner (ui/operations.py)
        self.place = place
        self.added: SpeedTestInfo | None = None
        self.setWindowTitle(self.tr("Speed test at {name}").format(name=place.name))
        zone = place_zone(services, place)
        self.when = ZonedDateTimeEdit()
        self.when.set_value(_round_down(timezones.wall_at(timezones.now_utc(), zone), 1), zone)
        self.down = self._speed_box()
        self.up = self._speed_box()
        self.ping = QDoubleSpinBox()
        self.ping.setRange(-1, 60_000)
        self.ping.setDecimals(0)
        self.ping.setSuffix(" ms")
        self.ping.setSpecialValueText(self.tr("not measured"))
        self.ping.setValue(-1)
        self.tool = QComboBox()
        for tool in SPEED_TOOLS:
            self.tool.addItem(tool_label(tool), tool)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Download"), self.down)
        form.addRow(self.tr("Upload"), self.up)
        form.addRow(self.tr("Ping"), self.ping)
        form.addRow(self.tr("Measured with"), self.tool)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Tests are never overwritten: the place shows the median of all of them."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _speed_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0, MAX_MBPS)
        box.setDecimals(1)
        box.setSuffix(" Mbit/s")
        box.setLocale(QLocale())
        return box

    @Slot()
    def save(self) -> None:
        instant = self.when.instant()
        if instant is None:
            self._fail(self.when.problem() or self.tr("Choose a valid date, time and zone."))
            return
        ping = None if self.ping.value() < 0 else self.ping.value()
        place_id, down, up, tool = self.place.id, self.down.value(), self.up.value(), self.tool.currentData()
        try:
            done = self.run(
                lambda: self.services.workplaces.add_speed_test_op(
                    place_id, down, up, ping, at=instant, tool=tool
                )
            )
        except UserError as err:
            self._fail(str(err))
            return
        if done is not None:
            self.added = done.result
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class WorkedHereDialog(UnsavedChangesMixin, QDialog):
    """Log a work session at a place: the wellbeing page counts it as laptop screen time."""

    def __init__(
        self,
        services: Services,
        place: PlaceInfo,
        parent: QWidget | None = None,
        *,
        run: RunWrite = run_directly,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.run = run  # saves through the page's runner (ui/operations.py)
        self.place = place
        self.logged: WorkSessionInfo | None = None
        self.setWindowTitle(self.tr("Worked at {name}").format(name=place.name))
        zone = place_zone(services, place)
        now = _round_down(timezones.wall_at(timezones.now_utc(), zone), 5)
        self.start = ZonedDateTimeEdit()
        self.start.set_value(now - timedelta(hours=2), zone)
        self.end = ZonedDateTimeEdit()
        self.end.set_value(now, zone)
        self.start.zone_picker.zoneChanged.connect(self._follow_zone)
        self.activity = QLineEdit()
        self.activity.setPlaceholderText(self.tr("e.g. newsletter, community replies"))
        self.client = QComboBox()
        self.client.addItem(self.tr("— no client —"), None)
        for c in services.clients.list_clients():
            self.client.addItem(c.name, c.id)
        self.duration = plain_label()
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Activity"), self.activity)
        form.addRow(self.tr("Client"), self.client)
        hint = QLabel(self.tr("Counted as laptop screen time on the Wellbeing page."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.start.changed.connect(self._show_duration)
        self.end.changed.connect(self._show_duration)
        self._show_duration()

    @Slot(str)
    def _follow_zone(self, zone: str) -> None:
        if zone and self.end.zone() != zone:
            self.end.set_zone(zone)

    @Slot()
    def _show_duration(self) -> None:
        a, b = self.start.instant(), self.end.instant()
        if a is None or b is None or b <= a:
            self.duration.setText("—")
            return
        minutes = int((b - a).total_seconds() // 60)
        self.duration.setText(self.tr("{h} h {m:02d}").format(h=minutes // 60, m=minutes % 60))

    @Slot()
    def save(self) -> None:
        a, b = self.start.instant(), self.end.instant()
        if a is None or b is None:
            problem = self.start.problem() or self.end.problem()
            self._fail(problem or self.tr("Choose valid dates, times and zones."))
            return
        place_id, activity, client_id = self.place.id, self.activity.text(), self.client.currentData()
        try:
            done = self.run(
                lambda: self.services.workplaces.log_work_op(
                    place_id, a, b, activity=activity, client_id=client_id
                )
            )
        except UserError as err:
            self._fail(str(err))
            return
        if done is not None:
            self.logged = done.result
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
