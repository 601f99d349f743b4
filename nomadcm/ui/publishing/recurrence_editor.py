"""The post dialog's "Repeat" section: common patterns, a custom rule, an end, and the next occurrences.

The next occurrences are shown in the audience's time and in "your time" (the itinerary), with the DST
notes the user must see: an occurrence moved past a gap, one that falls twice (the first is used).
The custom rule is any RFC 5545 RRULE services/schedule/recurrence_rule.py accepts (the one place that knows
the limits); the preview starts with the rule in words, in the GUI's language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.services.schedule.recurrence_expansion import expand, search_limit
from nomadcm.services.schedule.recurrence_rule import WEEKDAY_CODES, RecurrenceRule
from nomadcm.services.schedule.recurrence_words import sentence
from nomadcm.services.schedule.your_time import YourTime
from nomadcm.ui.formatting import fmt_day, fmt_time, pydate, qdate
from nomadcm.ui.publishing.occurrence_actions import rule_in_words
from nomadcm.ui.widgets.date_inputs import DateInput

PREVIEW_COUNT = 5
NONE, DAILY, WEEKDAYS, WEEKLY, MONTHLY, CUSTOM = range(6)
END_NEVER, END_COUNT, END_UNTIL = range(3)


class RecurrenceEditor(QWidget):
    """`rule()` is the RRULE text (None: no repetition); `problem()` says why it cannot be saved."""

    changed = Signal()

    def __init__(self, your_time: YourTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._your_time = your_time
        self._wall = datetime(2000, 1, 1, 9)
        self._zone = "UTC"
        self._fold = 0
        self._problem = ""

        self.pattern = QComboBox()
        self.pattern.setAccessibleName(self.tr("Repeat"))
        self.custom = QLineEdit()
        self.custom.setPlaceholderText("FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2")
        self.custom.setToolTip(
            self.tr(
                "An RFC 5545 rule (RRULE), e.g. FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29 "
                "or FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1. FREQ=YEARLY, MONTHLY, WEEKLY, DAILY, "
                "HOURLY or MINUTELY; INTERVAL, BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY (MO…SU, 1MO, "
                "-1FR), BYHOUR, BYMINUTE, BYSETPOS, WKST; COUNT or UNTIL. A rule repeating within a day "
                "needs an end within 1000 occurrences."
            )
        )
        self.end = QComboBox()
        self.end.addItem(self.tr("forever"), END_NEVER)
        self.end.addItem(self.tr("times in all"), END_COUNT)
        self.end.addItem(self.tr("until"), END_UNTIL)
        self.count = QSpinBox()
        self.count.setRange(1, 999)
        self.count.setValue(10)
        self.until = DateInput(QDate.currentDate().addMonths(3))
        self.preview = QLabel()
        self.preview.setObjectName("recurrencePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pattern, 1)
        row.addWidget(self.end)
        row.addWidget(self.count)
        row.addWidget(self.until)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.custom)
        layout.addWidget(self.preview)

        self._fill_patterns()
        self.pattern.currentIndexChanged.connect(self._update)
        self.custom.textChanged.connect(self._update)
        self.end.currentIndexChanged.connect(self._update)
        self.count.valueChanged.connect(self._update)
        self.until.dateChanged.connect(self._update)
        self._update()

    # ------------------------------------------------------------------ API

    def set_your_time(self, your_time: YourTime) -> None:
        self._your_time = your_time
        self._update()

    def set_start(self, wall: datetime, zone: str, fold: int = 0) -> None:
        """The first occurrence as the dialog shows it (names like "every Monday" follow its day)."""
        self._wall, self._zone, self._fold = wall, zone or "UTC", fold
        blocker = QSignalBlocker(self.pattern)
        current = self.pattern.currentIndex()
        self._fill_patterns()
        self.pattern.setCurrentIndex(current)
        del blocker
        self._update()

    def set_rule(self, text: str | None) -> None:
        """Shows a stored rule: as a common pattern when it is one, else as a custom rule."""
        blockers = [QSignalBlocker(w) for w in (self.pattern, self.custom, self.end, self.count, self.until)]
        if not text:
            self.pattern.setCurrentIndex(NONE)
        else:
            try:
                rule = RecurrenceRule.parse(text, self._zone)
            except ValidationError:
                rule = None
            base = rule.with_end() if rule is not None else None
            matched = next(
                (i for i in range(DAILY, CUSTOM) if base is not None and self._pattern_rule(i) == base), None
            )
            if matched is None or rule is None:
                self.pattern.setCurrentIndex(CUSTOM)
                self.custom.setText(text)
                self.end.setCurrentIndex(END_NEVER)
            else:
                self.pattern.setCurrentIndex(matched)
                if rule.count is not None:
                    self.end.setCurrentIndex(END_COUNT)
                    self.count.setValue(rule.count)
                elif rule.until is not None:
                    self.end.setCurrentIndex(END_UNTIL)
                    self.until.setDate(qdate(timezones.wall_at(rule.until, self._zone).date()))
                else:
                    self.end.setCurrentIndex(END_NEVER)
        del blockers
        self._update()

    def rule(self) -> str | None:
        index = self.pattern.currentIndex()
        if index == NONE:
            return None
        if index == CUSTOM:
            return self.custom.text().strip() or None
        rule = self._pattern_rule(index)
        assert rule is not None
        end = self.end.currentData()
        if end == END_COUNT:
            rule = rule.with_end(count=self.count.value())
        elif end == END_UNTIL:
            until_day: date = pydate(self.until.date())
            rule = RecurrenceRule.parse(f"{rule.to_text()};UNTIL={until_day:%Y%m%d}", self._zone)
        return rule.to_text()

    def problem(self) -> str:
        return self._problem

    # ------------------------------------------------------------------ internals

    def _pattern_rule(self, index: int) -> RecurrenceRule | None:
        day = WEEKDAY_CODES[self._wall.weekday()]
        texts = {
            DAILY: "FREQ=DAILY",
            WEEKDAYS: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            WEEKLY: f"FREQ=WEEKLY;BYDAY={day}",
            MONTHLY: f"FREQ=MONTHLY;BYMONTHDAY={self._wall.day}",
        }
        return RecurrenceRule.parse(texts[index]) if index in texts else None

    def _fill_patterns(self) -> None:
        weekday = self.locale().dayName(self._wall.isoweekday())
        self.pattern.clear()
        self.pattern.addItem(self.tr("Does not repeat"))
        self.pattern.addItem(self.tr("Every day"))
        self.pattern.addItem(self.tr("Every weekday (Monday to Friday)"))
        self.pattern.addItem(self.tr("Every week on {weekday}").format(weekday=weekday))
        self.pattern.addItem(self.tr("Every month on day {day}").format(day=self._wall.day))
        self.pattern.addItem(self.tr("Custom rule…"))

    @Slot()
    def _update(self) -> None:
        index = self.pattern.currentIndex()
        repeating = index not in (NONE, -1)
        self.custom.setVisible(index == CUSTOM)
        self.end.setVisible(repeating and index != CUSTOM)
        end = self.end.currentData()
        self.count.setVisible(repeating and index != CUSTOM and end == END_COUNT)
        self.until.setVisible(repeating and index != CUSTOM and end == END_UNTIL)
        self._problem = ""
        self.preview.setStyleSheet("")
        if not repeating:
            self.preview.setText("")
            self.preview.hide()
            self.changed.emit()
            return
        self.preview.show()
        try:
            text = self.rule()
            if text is None:
                raise ValidationError(self.tr("Write a rule, e.g. FREQ=WEEKLY;BYDAY=MO"))
            rule = RecurrenceRule.parse(text, self._zone)
            try:
                self.preview.setText(self._describe(rule))
            except ValueError:  # dateutil: INTERVAL steps over every BYHOUR / BYMINUTE from this start
                raise ValidationError(
                    self.tr(
                        "With this INTERVAL, the rule never reaches its BYHOUR or BYMINUTE from {time}."
                    ).format(time=fmt_time(self._wall))
                ) from None
        except ValidationError as err:
            self._problem = str(err)
            self.preview.setStyleSheet("color: #c53030;")
            self.preview.setText(self._problem)
        self.changed.emit()

    def _describe(self, rule: RecurrenceRule) -> str:
        """The rule in words (the GUI's language), its next occurrences, then what the user must know."""
        words = sentence(rule_in_words(rule, self._zone, self._wall))
        lines = [words, self.tr("Next occurrences (audience time → your time):")]
        notes: list[str] = list(rule.notes)  # a part dropped or not read alike by other calendars
        shown = 0
        # Bounded: no search past the years in which the rule's pattern repeats.
        end = search_limit(rule, self._wall).replace(tzinfo=UTC)
        for g in expand(rule, self._wall, self._zone, self._fold, end=end):
            if shown >= PREVIEW_COUNT:
                break
            shown += 1
            audience = f"{fmt_day(g.wall)} {fmt_time(g.wall)} {timezones.abbreviation(g.utc, self._zone)}"
            yours = ""
            if self._your_time is not None:
                where, cm_wall = self._your_time.at(g.utc)
                when = (
                    fmt_time(cm_wall)
                    if cm_wall.date() == g.wall.date()
                    else f"{fmt_day(cm_wall)} {fmt_time(cm_wall)}"
                )
                yours = f"  →  {when} {timezones.abbreviation(g.utc, where.zone)}"
            lines.append(f"• {audience}{yours}")
            if g.gap_shifted:
                notes.append(
                    self.tr(
                        "{time} does not exist on {day} (clocks jump forward): it goes out at {moved}."
                    ).format(time=fmt_time(g.series_wall), day=fmt_day(g.series_wall), moved=fmt_time(g.wall))
                )
            elif timezones.resolve(g.series_wall, self._zone).ambiguous:
                notes.append(
                    self.tr("{time} happens twice on {day} (clocks go back): the first one is used.").format(
                        time=fmt_time(g.wall), day=fmt_day(g.wall)
                    )
                )
        if shown == 0:
            return f"{words}\n" + self.tr("This rule gives no occurrence from the chosen date.")
        return "\n".join(lines + notes)
