"""Date + time + zone, with what DST does to them said right under the fields.

- A time inside a DST gap never happens: the editor says so, names the jump, and offers the first valid time.
- A time inside a fold happens twice: the editor says so and lets the user pick the first or the second
  occurrence (first by default), naming each by its abbreviation and UTC time.
The words come from `timezones.resolve`, the one place that knows.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QSignalBlocker, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.ui.formatting import (
    fmt_day,
    fmt_time,
    pydate,
    pytime,
    qdate,
    qtime,
)
from nomadcm.ui.hours_text import fmt_clock
from nomadcm.ui.widgets.date_inputs import DateInput, TimeInput
from nomadcm.ui.widgets.zone_picker import CitySearch, ZonePicker

MESSAGE_STYLE_WARNING = "color: #9c4221;"
MESSAGE_STYLE_ERROR = "color: #c53030;"


class ZonedDateTimeEdit(QWidget):
    """`wall()`, `zone()`, `fold()` are what the user means; `resolution()` what it comes to."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, city_search: CitySearch | None = None) -> None:
        super().__init__(parent)
        self.date_edit = DateInput()  # typed, pasted or picked in its calendar (widgets/date_inputs.py)
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.time_edit = TimeInput()
        self.time_edit.setAccessibleName(self.tr("Time"))
        self.zone_picker = ZonePicker(city_search=city_search)
        self.zone_picker.setAccessibleName(self.tr("Time zone"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.use_gap_end = QPushButton()
        self.use_gap_end.hide()
        self.use_gap_end.clicked.connect(self._apply_gap_end)
        self.first_choice = QRadioButton()
        self.second_choice = QRadioButton()
        self.first_choice.setChecked(True)
        self._fold_group = QButtonGroup(self)
        self._fold_group.addButton(self.first_choice, 0)
        self._fold_group.addButton(self.second_choice, 1)
        self._fold_group.idToggled.connect(self._on_fold_toggled)
        self.fold_box = QWidget()
        fold_layout = QVBoxLayout(self.fold_box)
        fold_layout.setContentsMargins(12, 0, 0, 0)
        fold_layout.addWidget(self.first_choice)
        fold_layout.addWidget(self.second_choice)
        self.fold_box.hide()

        fields = QHBoxLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(self.date_edit)
        fields.addWidget(self.time_edit)
        fields.addWidget(self.zone_picker, 1)
        message_row = QHBoxLayout()
        message_row.setContentsMargins(0, 0, 0, 0)
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.use_gap_end, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields)
        layout.addLayout(message_row)
        layout.addWidget(self.zone_picker.hint)  # "Did you mean Indian/Reunion?" under the message
        layout.addWidget(self.fold_box)

        self._resolution: timezones.Resolution | None = None
        self._fold = 0
        self._gap_end: datetime | None = None
        self.date_edit.dateChanged.connect(self._update)
        self.time_edit.timeChanged.connect(self._update)
        self.zone_picker.zoneChanged.connect(self._update)
        self.set_value(datetime.combine(datetime.now().date(), time(9, 0)), "UTC")

    # ------------------------------------------------------------------ API

    def set_value(self, wall: datetime, zone: str, fold: int = 0) -> None:
        blockers = [QSignalBlocker(w) for w in (self.date_edit, self.time_edit, self.zone_picker)]
        self.date_edit.setDate(qdate(wall.date()))
        self.time_edit.setTime(qtime(wall.replace(second=0)))
        self.zone_picker.setZone(zone)
        del blockers
        self._fold = fold
        self._update()

    def set_zone(self, zone: str) -> None:
        self.zone_picker.setZone(zone)

    def wall(self) -> datetime:
        return datetime.combine(pydate(self.date_edit.date()), pytime(self.time_edit.time()))

    def zone(self) -> str:
        return self.zone_picker.zone()

    def fold(self) -> int:
        return self._fold if self._resolution is not None and self._resolution.ambiguous else 0

    def resolution(self) -> timezones.Resolution | None:
        """None while the zone is not a zone."""
        return self._resolution

    def instant(self) -> datetime | None:
        return self._resolution.instant if self._resolution is not None else None

    def is_valid(self) -> bool:
        return self.instant() is not None

    def problem(self) -> str:
        """Why it is not valid ("" when it is)."""
        return self.message.text() if not self.is_valid() else ""

    # ------------------------------------------------------------------ internals

    @Slot()
    def _update(self) -> None:
        zone = self.zone()
        wall = self.wall()
        self.use_gap_end.hide()
        self.fold_box.hide()
        if not zone:
            self._resolution = None
            text = self.zone_picker.currentText().strip()
            if text:
                self._say(
                    self.tr("“{text}” is not a time zone: pick one from the list.").format(text=text), True
                )
            else:
                self._say(self.tr("Choose a time zone."), True)
        else:
            res = timezones.resolve(wall, zone, self._fold)
            self._resolution = res
            if res.gap is not None:
                self._show_gap(res)
            elif res.ambiguous and res.other_instant is not None:
                self._show_fold(res)
            else:
                self._say("", False)
        self.changed.emit()

    def _show_gap(self, res: timezones.Resolution) -> None:
        gap = res.gap
        assert gap is not None
        self._say(
            self.tr(
                "{time} does not exist in {zone} on {day}: the clocks jump from {start} to {end}. "
                "The first valid time is {end}."
            ).format(
                time=fmt_time(res.wall),
                zone=res.zone,
                day=fmt_day(res.wall),
                start=fmt_clock(gap.start),
                end=fmt_clock(gap.end),
            ),
            True,
        )
        self.use_gap_end.setText(self.tr("Use {end}").format(end=fmt_time(gap.end)))
        self._gap_end = gap.end
        self.use_gap_end.show()

    def _show_fold(self, res: timezones.Resolution) -> None:
        assert res.instant is not None and res.other_instant is not None
        first, second = sorted((res.instant, res.other_instant))
        back = timezones.transitions(res.zone, first, second + timedelta(seconds=1))
        change, before, after = back[0] if back else (second, second - first, timedelta(0))
        wall = change.replace(tzinfo=None)
        self._say(
            self.tr(
                "{time} happens twice in {zone} on {day} (the clocks go back from {start} to {end}). "
                "Which one do you mean?"
            ).format(
                time=fmt_time(res.wall),
                zone=res.zone,
                day=fmt_day(res.wall),
                start=fmt_clock(wall + before),
                end=fmt_clock(wall + after),
            ),
            False,
        )
        for button, instant, label in (
            (self.first_choice, first, self.tr("The first one ({abbr}, {utc} UTC)")),
            (self.second_choice, second, self.tr("The second one, an hour later ({abbr}, {utc} UTC)")),
        ):
            button.setText(
                label.format(
                    abbr=timezones.abbreviation(instant, res.zone),
                    utc=fmt_time(instant.replace(tzinfo=None)),
                )
            )
        blocker = QSignalBlocker(self._fold_group)
        (self.second_choice if res.fold == 1 else self.first_choice).setChecked(True)
        del blocker
        self.fold_box.show()

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(MESSAGE_STYLE_ERROR if error else MESSAGE_STYLE_WARNING)
        self.message.setVisible(bool(text))

    @Slot(int, bool)
    def _on_fold_toggled(self, fold: int, checked: bool) -> None:
        if checked and fold != self._fold:
            self._fold = fold
            self._update()

    @Slot()
    def _apply_gap_end(self) -> None:
        end = self._gap_end
        if end is not None:
            self.date_edit.setDate(qdate(end.date()))
            self.time_edit.setTime(QTime(end.hour, end.minute))
