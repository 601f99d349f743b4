"""Quick-add / edit of a screen session or a rest period (the goals & reminders settings are in `goals_dialog`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError, ValidationError
from nomadcm.services.container import Services
from nomadcm.services.wellbeing import days
from nomadcm.services.wellbeing.record_values import RestInfo, ScreenInfo, check_past
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.widgets.submit_dialog import SubmitDialog
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit
from nomadcm.vocabulary import DEVICES, REST_KINDS


@dataclass
class EntryValues:
    """What the dialog asks to store."""

    screen: bool
    start: datetime
    end: datetime
    tz: str
    device: str = "laptop"
    client_id: int | None = None
    activity: str = ""
    kind: str = "sleep"
    quality: int | None = None
    note: str = ""


class EntryDialog(SubmitDialog):
    """Adds or edits one entry. `submit(values)` does the write; a UserError it raises is shown here."""

    def __init__(
        self,
        services: Services,
        submit: Callable[[EntryValues], None],
        parent: QWidget | None = None,
        *,
        entry: ScreenInfo | RestInfo | None = None,
        rest: bool = False,
        now: datetime | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.services = services
        self.entry = entry
        self._timeline = services.wellbeing.timeline()
        self._auto_zone = entry is None
        self._setting_zone = False
        self._zones_set: dict[int, str] = {}
        self.setWindowTitle(
            self.tr("Edit entry") if entry is not None else self.tr("Add screen time or rest")
        )
        self.setMinimumWidth(520)
        self._build(editing=entry is not None)
        self.type_box.currentIndexChanged.connect(lambda i: self.pages.setCurrentIndex(i))
        for edit in (self.start_edit, self.end_edit):
            edit.changed.connect(self._on_time_changed)
            edit.zone_picker.zoneChanged.connect(self._on_zone_picked)
        self._fill(entry, rest, now or timezones.now_utc())
        self.track_changes()  # closing with changes asks first (ui/widgets/unsaved.py)

    # ------------------------------------------------------------------ layout

    def _build(self, editing: bool) -> None:
        self.type_box = QComboBox()
        self.type_box.addItem(self.tr("Screen time"), "screen")
        self.type_box.addItem(self.tr("Rest"), "rest")
        self.type_box.setEnabled(not editing)
        screen_page = self._build_screen_page()
        rest_page = self._build_rest_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(screen_page)
        self.pages.addWidget(rest_page)

        self.start_edit = ZonedDateTimeEdit()
        self.end_edit = ZonedDateTimeEdit()
        self.zone_hint = QLabel(self.tr("The zone follows your itinerary: where you were at that time."))
        self.zone_hint.setWordWrap(True)
        self.zone_hint.setStyleSheet("color: palette(mid);")

        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type_box)
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.zone_hint)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _build_screen_page(self) -> QWidget:
        self.device = QComboBox()
        for d in DEVICES:
            self.device.addItem(texts.device_name(d), d)
        self.client = QComboBox()
        self.client.addItem(self.tr("— no client —"), None)
        for cid, name in self.services.wellbeing.client_names():
            self.client.addItem(name, cid)
        self.activity = QLineEdit()
        self.activity.setPlaceholderText(self.tr("e.g. moderation, visuals, reporting"))
        screen_page = QWidget()
        screen_form = QFormLayout(screen_page)
        screen_form.setContentsMargins(0, 0, 0, 0)
        screen_form.addRow(self.tr("Device"), self.device)
        screen_form.addRow(self.tr("Client"), self.client)
        screen_form.addRow(self.tr("Activity"), self.activity)
        return screen_page

    def _build_rest_page(self) -> QWidget:
        self.kind = QComboBox()
        for k in REST_KINDS:
            self.kind.addItem(texts.kind_name(k), k)
        self.quality = QComboBox()
        self.quality.addItem(self.tr("not rated"), None)
        for q in range(6):
            self.quality.addItem("★" * q + "☆" * (5 - q), q)
        self.note = QLineEdit()
        rest_page = QWidget()
        rest_form = QFormLayout(rest_page)
        rest_form.setContentsMargins(0, 0, 0, 0)
        rest_form.addRow(self.tr("Kind"), self.kind)
        rest_form.addRow(self.tr("Quality"), self.quality)
        rest_form.addRow(self.tr("Note"), self.note)
        return rest_page

    # ------------------------------------------------------------------ filling

    def _fill(self, entry: ScreenInfo | RestInfo | None, rest: bool, now: datetime) -> None:
        if entry is None:
            zone = self._timeline.zone_at(days.ts(now))
            end_wall = timezones.wall_at(now, zone).replace(second=0, microsecond=0)
            end_wall -= timedelta(minutes=end_wall.minute % 5)
            self._set_times(end_wall - timedelta(hours=1), end_wall, zone, zone)
            self.type_box.setCurrentIndex(1 if rest else 0)
            return
        self._set_times(
            timezones.wall_at(entry.start, entry.tz),
            timezones.wall_at(entry.end, entry.tz),
            entry.tz,
            entry.tz,
        )
        self.zone_hint.hide()
        if isinstance(entry, ScreenInfo):
            self.type_box.setCurrentIndex(0)
            self.device.setCurrentIndex(max(0, self.device.findData(entry.device)))
            self.client.setCurrentIndex(max(0, self.client.findData(entry.client_id)))
            self.activity.setText(entry.activity)
        else:
            self.type_box.setCurrentIndex(1)
            self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
            self.quality.setCurrentIndex(0 if entry.quality is None else entry.quality + 1)
            self.note.setText(entry.note)

    def _set_times(self, start: datetime, end: datetime, start_zone: str, end_zone: str) -> None:
        self._setting_zone = True
        try:
            self.start_edit.set_value(start, start_zone)
            self.end_edit.set_value(end, end_zone)
        finally:
            self._setting_zone = False
        self._zones_set = {
            id(self.start_edit): self.start_edit.zone(),
            id(self.end_edit): self.end_edit.zone(),
        }

    def _on_zone_picked(self, _zone: str) -> None:
        if not self._setting_zone and self._user_picked():
            self._auto_zone = False
            self.zone_hint.hide()

    def _user_picked(self) -> bool:
        """A zone differs from the one this dialog put there: the user chose it."""
        return any(
            edit.zone() != self._zones_set.get(id(edit), edit.zone())
            for edit in (self.start_edit, self.end_edit)
        )

    def _on_time_changed(self) -> None:
        """While the user has not picked a zone, each time is read where she was then."""
        self.error.hide()
        if not self._auto_zone or self._setting_zone:
            return
        if self._user_picked():
            self._auto_zone = False
            self.zone_hint.hide()
            return
        for edit in (self.start_edit, self.end_edit):
            try:
                zone = days.resolve_typed(self._timeline, edit.wall()).zone
            except timezones.TimeError:
                continue  # the editor itself says what is wrong with the time
            if zone != edit.zone():
                self._setting_zone = True
                try:
                    edit.set_zone(zone)
                finally:
                    self._setting_zone = False
            self._zones_set[id(edit)] = edit.zone()

    # ------------------------------------------------------------------ result

    def values(self) -> EntryValues:
        start, end = self.start_edit.instant(), self.end_edit.instant()
        if start is None or end is None:
            edit = self.start_edit if start is None else self.end_edit
            raise UserError(edit.problem() or self.tr("This time does not exist in that zone."))
        if end <= start:
            raise UserError(self.tr("The end must come after the start."))
        screen = self.type_box.currentData() == "screen"
        if screen and (self.entry is None or end != self.entry.end):
            try:
                check_past(end, "screen time")  # the service's rule, said here in the user's language
            except ValidationError:
                raise UserError(
                    self.tr("Screen time cannot end in the future: log it once it has happened.")
                ) from None
        return EntryValues(
            screen=screen,
            start=start,
            end=end,
            tz=self.start_edit.zone(),
            device=self.device.currentData(),
            client_id=self.client.currentData(),
            activity=self.activity.text().strip(),
            kind=self.kind.currentData(),
            quality=self.quality.currentData(),
            note=self.note.text().strip(),
        )
