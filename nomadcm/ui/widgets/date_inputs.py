"""The date, time and date-time fields of every form: type a value, paste one, or pick one in a calendar.

Qt's QDateTimeEdit edits one section at a time: "03/27/2027" typed over "1/5/2026" went nowhere, and a person
had to step each part with the arrows. These subclasses keep the arrows and the calendar pop-up and add what
people do:

- type the whole value in the locale's order ("27/03/2027" in fr_FR, "3/27/2027" in en_US), or ISO
  ("2027-03-27") in any locale; a time as "9:30", "09:30", "9h30", "21h" or "9:30 PM" (`date_text.py`).
  The first key typed into a field that shows its value replaces it; Enter, Tab or leaving the field
  completes a short entry from the value shown ("27" is the 27th of that month, "27/3" the 27th of March,
  "27/03/27" is 2027) — or, when the text is no value, puts the value back and says why (`typingRejected`,
  and a tooltip under the field);
- paste a value (Ctrl+V, Shift+Insert, the context menu): it replaces the field's;
- pick a date in the calendar pop-up, whose weeks start on the locale's first day (`formatting.first_weekday`).

Dates are bounded to what NomadCM handles (`date_limits`). Build these, never a bare QDateEdit, QDateTimeEdit
or QTimeEdit (tests/ui/test_date_inputs.py checks the ui package).
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QPoint, Qt, QTime, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QValidator,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QDateTimeEdit,
    QMenu,
    QTimeEdit,
    QToolTip,
    QWidget,
)

from nomadcm.ui.formatting import first_weekday, pydate, qdate, short_date_format, short_time_format
from nomadcm.ui.widgets import date_text
from nomadcm.ui.widgets.date_limits import limit_dates

_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_KEYBOARD_FOCUS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
    Qt.FocusReason.ActiveWindowFocusReason,
)

DATE, TIME, DATE_TIME = "date", "time", "datetime"


class TypedDateTimeMixin:
    """What the three fields share; it goes before the Qt class (`class DateInput(TypedDateTimeMixin,
    QDateEdit)`), whose `typingRejected` signal it emits. `_kind` says what the text holds."""

    _kind = DATE

    def _edit(self) -> QDateTimeEdit:
        return self  # type: ignore[return-value]

    # ------------------------------------------------------------------ reading text

    def parse_text(self, text: str, *, lenient: bool = True) -> QDateTime | None:
        """The value `text` means in this field (None: no value, or one outside the field's range).
        Lenient: completed from the value shown (see the module docstring)."""
        edit = self._edit()
        current = edit.dateTime()
        order = date_text.field_order(edit.displayFormat())
        locale = edit.locale()
        am_pm = (locale.amText(), locale.pmText())
        value = QDateTime(current)
        if self._kind == DATE:
            day = date_text.parse_date(text, order, base=pydate(current.date()), lenient=lenient)
            if day is None:
                return None
            value.setDate(qdate(day))
        elif self._kind == TIME:
            clock = date_text.parse_time(text, am_pm=am_pm, lenient=lenient)
            if clock is None:
                return None
            value.setTime(QTime(clock.hour, clock.minute, clock.second))
        else:
            base = datetime.combine(pydate(current.date()), current.time().toPython())
            both = date_text.parse_datetime(text, order, base=base, am_pm=am_pm, lenient=lenient)
            if both is None:
                return None
            value.setDate(qdate(both.date()))
            value.setTime(QTime(both.hour, both.minute, both.second))
        if not value.isValid() or not edit.minimumDateTime() <= value <= edit.maximumDateTime():
            return None
        return value

    def _pasted(self, text: str) -> QDateTime | None:
        """A pasted value: one of the field's kind, or the date of a date and time pasted in a date field."""
        value = self.parse_text(text, lenient=False)
        if value is None and self._kind == DATE:
            both = date_text.parse_datetime(text, date_text.field_order(self._edit().displayFormat()))
            if both is not None:
                value = self.parse_text(both.date().isoformat(), lenient=False)
        return value

    def _shown(self) -> str:
        edit = self._edit()
        return edit.textFromDateTime(edit.dateTime())

    def _pristine(self) -> bool:
        """The field shows its value (nothing typed since)."""
        return self._edit().lineEdit().text() == self._shown()

    # ------------------------------------------------------------------ Qt's hooks

    def validate(self, text: str, pos: int) -> object:
        """Acceptable: a whole value; Intermediate: on its way to one; Invalid: the keystroke is refused."""
        if self.parse_text(text, lenient=False) is not None:
            return QValidator.State.Acceptable, text, pos
        locale = self._edit().locale()
        if date_text.typing_allowed(text, (locale.amText(), locale.pmText()), times=self._kind != DATE):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        value = self.parse_text(text)
        if value is not None:
            return value
        return super().dateTimeFromText(text)  # type: ignore[misc, no-any-return]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        edit = self._edit()
        if edit.isReadOnly():
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        if event.matches(QKeySequence.StandardKey.Paste) or (
            event.key() == Qt.Key.Key_Insert and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        ):
            self.paste()
            return
        if event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self._prepare_calendar()  # the pop-up may open from the keyboard too
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_typed()
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        text = event.text()
        if text and text.isprintable() and not (event.modifiers() & ~_TYPING_MODIFIERS):
            line = edit.lineEdit()
            partly_selected = line.hasSelectedText() and line.selectedText() != line.text()
            if self._pristine() and not partly_selected:
                line.selectAll()  # typing over the value shown replaces it, wherever the cursor was
            line.insert(text)  # through validate(): refused when the text could no longer become a value
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        if event.reason() in _KEYBOARD_FOCUS:  # Qt selects the first section; a typed value replaces them all
            self._edit().lineEdit().selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit_typed()
        super().focusOutEvent(event)  # type: ignore[misc]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves the field, as in every other field of a form (Qt's own moves from section to section)."""
        self.commit_typed()
        return QWidget.focusNextPrevChild(self._edit(), next)

    def stepBy(self, steps: int) -> None:
        self.commit_typed(quiet=True)  # the arrows step what was typed, not the value before it
        super().stepBy(steps)  # type: ignore[misc]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._prepare_calendar()  # the pop-up opens from a click
        super().mousePressEvent(event)  # type: ignore[misc]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()
        event.accept()

    # ------------------------------------------------------------------ API

    def context_menu(self) -> QMenu:
        """The line edit's own menu (Qt translates it), with Paste reading the clipboard as a value."""
        menu = self._edit().lineEdit().createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(self.paste)
        return menu

    def paste(self) -> None:
        """The clipboard's text: a value replaces the field's; other text goes in as if typed (completed at
        once, or refused with the reason)."""
        edit = self._edit()
        line = edit.lineEdit()
        text = QGuiApplication.clipboard().text().strip()
        if not text:
            return
        value = self._pasted(text)
        if value is not None:
            edit.setDateTime(value)
            line.selectAll()
            return
        before = line.text()
        if self._pristine():
            line.selectAll()
        line.insert(text)  # through validate(): nothing changes when it can never become a value
        if line.text() == before:
            self._refuse(text)
        elif self.parse_text(line.text(), lenient=False) is None:
            self.commit_typed()

    def commit_typed(self, quiet: bool = False) -> bool:
        """Takes what was typed as the value (completed from the value shown); when it is no value, shows the
        value again and says why (unless `quiet`). False when the text was refused."""
        edit = self._edit()
        text = edit.lineEdit().text()
        if text == self._shown():
            return True
        value = self.parse_text(text)
        if value is None:
            edit.setDateTime(edit.dateTime())  # shows the value again
            if not quiet:
                self._refuse(text)
            return False
        edit.setDateTime(value)
        return True

    def refusal_text(self, text: str) -> str:
        """Why `text` is no value of this field, and what to type instead."""
        edit = self._edit()
        example = self._shown()
        if self._kind == TIME:
            return QCoreApplication.translate(
                "DateInput", "“{text}” is not a time. Type it as {example}."
            ).format(text=text, example=example)
        if _outside_range(edit, text, self._kind):
            return QCoreApplication.translate(
                "DateInput", "{text} is outside the dates NomadCM handles ({first} to {last})."
            ).format(
                text=text,
                first=edit.minimumDate().toString("yyyy-MM-dd"),
                last=edit.maximumDate().toString("yyyy-MM-dd"),
            )
        iso = edit.date().toString("yyyy-MM-dd")
        if self._kind == DATE_TIME:
            iso += " " + edit.time().toString("HH:mm")
        return QCoreApplication.translate(
            "DateInput", "“{text}” is not a date. Type it as {example} or {iso}."
        ).format(text=text, example=example, iso=iso)

    def _refuse(self, text: str) -> None:
        edit = self._edit()
        message = self.refusal_text(text)
        edit.typingRejected.emit(message)  # type: ignore[attr-defined]
        if edit.isVisible():
            QToolTip.showText(edit.mapToGlobal(QPoint(0, edit.height())), message, edit)

    def calendarWidget(self) -> QCalendarWidget:
        """Qt's pop-up calendar (made on first use), its weeks starting where `first_weekday` says."""
        calendar = super().calendarWidget()  # type: ignore[misc]
        if calendar is not None:
            calendar.setFirstDayOfWeek(Qt.DayOfWeek(first_weekday(locale=self._edit().locale())))
        return calendar  # type: ignore[no-any-return]

    def _prepare_calendar(self) -> None:
        """Before the pop-up shows: its weeks start on the locale's (or the setting's) day. Not at
        construction: Qt makes the calendar when it is first needed, and a page should not carry one per
        field."""
        if self._edit().calendarPopup():
            self.calendarWidget()


def _outside_range(edit: QDateTimeEdit, text: str, kind: str) -> bool:
    """Whether `text` is a date, but one outside the field's range."""
    order = date_text.field_order(edit.displayFormat())
    day: date | None
    if kind == DATE_TIME:
        both = date_text.parse_datetime(text, order)
        day = both.date() if both is not None else None
    else:
        day = date_text.parse_date(text, order, base=pydate(edit.date()), lenient=True)
    return day is not None and not edit.minimumDate() <= qdate(day) <= edit.maximumDate()


class DateInput(TypedDateTimeMixin, QDateEdit):
    """A date: the locale's short format with a four-digit year, a calendar pop-up, NomadCM's range."""

    typingRejected = Signal(str)  # why what was typed was put back ("“03/27/2027” is not a date…")
    _kind = DATE

    def __init__(self, value: date | QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(short_date_format(self.locale()))
        limit_dates(self)
        self.setCalendarPopup(True)
        if isinstance(value, date):
            value = qdate(value)
        self.setDate(value if value is not None else QDate.currentDate())


class DateTimeInput(TypedDateTimeMixin, QDateTimeEdit):
    """A date and a time in one field ("27/03/2027 09:30"), with the calendar pop-up and NomadCM's range."""

    typingRejected = Signal(str)
    _kind = DATE_TIME

    def __init__(self, value: datetime | QDateTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        locale = self.locale()
        self.setDisplayFormat(f"{short_date_format(locale)} {short_time_format(locale)}")
        limit_dates(self)
        self.setCalendarPopup(True)
        if isinstance(value, datetime):
            value = QDateTime(qdate(value.date()), QTime(value.hour, value.minute, value.second))
        self.setDateTime(value if value is not None else QDateTime.currentDateTime())


class TimeInput(TypedDateTimeMixin, QTimeEdit):
    """A time of day, in the locale's short format (24 h in French, "9:30 AM" in the US) unless
    `display_format` says otherwise."""

    typingRejected = Signal(str)
    _kind = TIME

    def __init__(
        self,
        value: time | QTime | None = None,
        parent: QWidget | None = None,
        *,
        display_format: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setDisplayFormat(display_format or short_time_format(self.locale()))
        if isinstance(value, time):
            value = QTime(value.hour, value.minute, value.second)
        if value is not None:
            self.setTime(value)
