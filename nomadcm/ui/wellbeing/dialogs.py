"""Quick-add / edit of a screen session or a rest period, and the goals & reminders settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.wellbeing import days
from nomadcm.services.wellbeing.goals import SPECS, parse_setting
from nomadcm.services.wellbeing.records import RestInfo, ScreenInfo
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin
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


class EntryDialog(UnsavedChangesMixin, QDialog):
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
        super().__init__(parent)
        self.services = services
        self.submit = submit
        self.entry = entry
        self._timeline = services.wellbeing.timeline()
        self._auto_zone = entry is None
        self._setting_zone = False
        self._zones_set: dict[int, str] = {}
        self.setWindowTitle(
            self.tr("Edit entry") if entry is not None else self.tr("Add screen time or rest")
        )
        self.setMinimumWidth(520)

        self.type_box = QComboBox()
        self.type_box.addItem(self.tr("Screen time"), "screen")
        self.type_box.addItem(self.tr("Rest"), "rest")
        self.type_box.setEnabled(entry is None)

        self.device = QComboBox()
        for d in DEVICES:
            self.device.addItem(texts.device_name(d), d)
        self.client = QComboBox()
        self.client.addItem(self.tr("— no client —"), None)
        for cid, name in services.wellbeing.client_names():
            self.client.addItem(name, cid)
        self.activity = QLineEdit()
        self.activity.setPlaceholderText(self.tr("e.g. moderation, visuals, reporting"))
        screen_page = QWidget()
        screen_form = QFormLayout(screen_page)
        screen_form.setContentsMargins(0, 0, 0, 0)
        screen_form.addRow(self.tr("Device"), self.device)
        screen_form.addRow(self.tr("Client"), self.client)
        screen_form.addRow(self.tr("Activity"), self.activity)

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

        self.pages = QStackedWidget()
        self.pages.addWidget(screen_page)
        self.pages.addWidget(rest_page)

        self.start_edit = ZonedDateTimeEdit()
        self.end_edit = ZonedDateTimeEdit()
        self.zone_hint = QLabel(self.tr("The zone follows your itinerary: where you were at that time."))
        self.zone_hint.setWordWrap(True)
        self.zone_hint.setStyleSheet("color: palette(mid);")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c53030;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

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

        self.type_box.currentIndexChanged.connect(lambda i: self.pages.setCurrentIndex(i))
        for edit in (self.start_edit, self.end_edit):
            edit.changed.connect(self._on_time_changed)
            edit.zone_picker.zoneChanged.connect(self._on_zone_picked)
        self._fill(entry, rest, now or timezones.now_utc())
        self.track_changes()  # closing with changes asks first (ui/widgets/unsaved.py)

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

    def _on_ok(self) -> None:
        try:
            self.submit(self.values())
        except UserError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        self.accept()


class GoalsDialog(UnsavedChangesMixin, QDialog):
    """Goals, day start and break reminders, each with where its default comes from."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Wellbeing goals and reminders"))
        values = services.settings.all()
        helps = self._helps()
        self.fields: dict[str, Any] = {}

        goals = QGroupBox(self.tr("Goals"))
        goal_form = QFormLayout(goals)
        labels = {
            "sleep_goal_hours": self.tr("Sleep per night (h)"),
            "daily_rest_hours": self.tr("Rest in a row each day (h)"),
            "weekly_rest_hours": self.tr("Rest in a row each week (h)"),
            "screen_limit_day_hours": self.tr("Screen time per day, at most (h)"),
            "screen_limit_week_hours": self.tr("Screen time per week, at most (h)"),
        }
        for key, label in labels.items():
            spec = SPECS[key]
            box = QDoubleSpinBox()
            box.setRange(spec.low, spec.high)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setSpecialValueText(self.tr("off"))
            box.setValue(float(_safe(key, values)))
            self._describe(box, helps[key])
            self.fields[key] = box
            goal_form.addRow(label, box)
        self.day_start = QTimeEdit()
        self.day_start.setDisplayFormat("HH:mm")
        start = _day_start(values.get("day_start"))
        self.day_start.setTime(QTime(start.hour, start.minute))
        self._describe(
            self.day_start,
            self.tr(
                "When your day starts: later screen time counts for the day "
                "before (default 04:00, as ActivityWatch and Workrave)."
            ),
        )
        goal_form.addRow(self.tr("Day starts at"), self.day_start)

        reminders = QGroupBox(self.tr("Break reminders while a screen timer runs"))
        rem_form = QFormLayout(reminders)
        self.enabled = QCheckBox(self.tr("Remind me to take breaks"))
        self.enabled.setChecked(bool(_safe("break_reminders", values)))
        self._describe(self.enabled, helps["break_reminders"])
        rem_form.addRow(self.enabled)
        rem_labels = {
            "short_break_every_min": self.tr("Short break every (min)"),
            "short_break_min": self.tr("Short break length (min)"),
            "long_break_every_min": self.tr("Long break every (min)"),
            "long_break_min": self.tr("Long break length (min)"),
            "break_postpone_min": self.tr("Postpone by (min)"),
        }
        for key, label in rem_labels.items():
            spec = SPECS[key]
            box = QSpinBox()
            box.setRange(int(spec.low), int(spec.high))
            box.setValue(int(_safe(key, values)))
            self._describe(box, helps[key])
            self.fields[key] = box
            rem_form.addRow(label, box)
        self.limit_warning = QCheckBox(self.tr("Warn when today's screen time passes the daily limit"))
        self.limit_warning.setChecked(bool(_safe("screen_limit_warning", values)))
        self._describe(self.limit_warning, helps["screen_limit_warning"])
        rem_form.addRow(self.limit_warning)

        self.help = QLabel(self.tr("Hover a field to see where its default comes from."))
        self.help.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(goals)
        layout.addWidget(reminders)
        layout.addWidget(self.help)
        layout.addWidget(buttons)

    def _describe(self, widget: QWidget, text: str) -> None:
        widget.setToolTip(text)
        widget.setWhatsThis(text)
        widget.installEventFilter(self)
        widget.setProperty("help_text", text)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter):
            text = watched.property("help_text")
            if text:
                self.help.setText(text)
        return False

    def _helps(self) -> dict[str, str]:
        return {
            "sleep_goal_hours": self.tr(
                "Adults need at least 7 hours of sleep a night (American Academy of Sleep Medicine and Sleep "
                "Research Society consensus, 2015). A night counts for the day you wake up. 0 turns it off."
            ),
            "daily_rest_hours": self.tr(
                "At least 11 consecutive hours of rest in each day (EU working-time directive 2003/88/EC, "
                "article 3). Rest is time away from screens or logged as rest. 0 turns it off."
            ),
            "weekly_rest_hours": self.tr(
                "One uninterrupted rest of 24 hours in each 7 days (EU working-time directive 2003/88/EC, "
                "article 5). 0 turns it off."
            ),
            "screen_limit_day_hours": self.tr(
                "Your daily screen-time limit, all screens together (default 8 h)."
            ),
            "screen_limit_week_hours": self.tr(
                "Your weekly screen-time limit, all screens together (default 40 h)."
            ),
            "break_reminders": self.tr("Off by default. Reminders only run while a screen timer runs."),
            "short_break_every_min": self.tr(
                "UK HSE advice for screen work: short, frequent breaks, e.g. 5-10 minutes after 50-60 minutes."
            ),
            "short_break_min": self.tr("Length of a short break (UK HSE: 5-10 minutes)."),
            "long_break_every_min": self.tr("A longer break replaces the short one at this interval."),
            "long_break_min": self.tr("Length of a long break."),
            "break_postpone_min": self.tr("How long 'Postpone' waits before asking again."),
            "screen_limit_warning": self.tr("Once a day, when a running timer passes your daily limit."),
        }

    def restore_defaults(self) -> None:
        from nomadcm.services.settings import DEFAULTS

        for key, box in self.fields.items():
            box.setValue(DEFAULTS[key])
        self.enabled.setChecked(bool(DEFAULTS["break_reminders"]))
        self.limit_warning.setChecked(bool(DEFAULTS["screen_limit_warning"]))
        with QSignalBlocker(self.day_start):
            self.day_start.setTime(QTime(4, 0))

    def save(self) -> None:
        settings = self.services.settings
        for key, box in self.fields.items():
            settings.set(key, parse_setting(key, box.value()))
        settings.set("break_reminders", self.enabled.isChecked())
        settings.set("screen_limit_warning", self.limit_warning.isChecked())
        settings.set("day_start", self.day_start.time().toString("HH:mm"))
        self.accept()


def _safe(key: str, values: dict[str, Any]) -> Any:
    from nomadcm.errors import ValidationError
    from nomadcm.services.settings import DEFAULTS

    try:
        return parse_setting(key, values.get(key, DEFAULTS[key]))
    except ValidationError:
        return DEFAULTS[key]


def _day_start(text: Any) -> time:
    try:
        return datetime.strptime(str(text), "%H:%M").time()
    except ValueError:
        return time(4)
