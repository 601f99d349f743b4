"""Dates and times can be typed (in the locale's order or ISO), pasted and picked in a calendar pop-up, in
every date and time field of the app (nomadcm/ui/widgets/date_inputs.py, date_text.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

import nomadcm.ui
from nomadcm.date_bounds import EARLIEST, LATEST
from nomadcm.ui.widgets import date_text
from nomadcm.ui.widgets.date_inputs import DateInput, DateTimeInput, TimeInput
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit

UI_PACKAGE = Path(nomadcm.ui.__file__).parent
US, FRANCE = QLocale("en_US"), QLocale("fr_FR")


_SHOWN: list[QWidget] = []  # the test windows, kept alive until their test ends


@pytest.fixture
def locale_default() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def _forget_windows() -> Iterator[None]:
    yield
    _SHOWN.clear()


def form_with(qtbot, field: QWidget) -> QLineEdit:  # type: ignore[no-untyped-def]
    """`field` in a window with a line edit after it (where Tab goes), shown; the field has the focus."""
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    after = QLineEdit()
    layout.addWidget(after)
    qtbot.addWidget(window)
    _SHOWN.append(window)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus(Qt.FocusReason.TabFocusReason)
    return after


def type_into(qtbot, field, text: str, end: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, end)


# --------------------------------------------------------------------------- typing a date


@pytest.mark.parametrize(
    ("locale", "typed"),
    [
        (US, "3/27/2027"),
        (US, "03/27/2027"),
        (US, "2027-03-27"),
        (FRANCE, "27/03/2027"),
        (FRANCE, "27/3/2027"),
        (FRANCE, "2027-03-27"),
        (FRANCE, "27.03.2027"),
        (FRANCE, "27/03/27"),  # two-digit year, completed when typing ends
    ],
)
def test_a_whole_date_is_typed_in_the_locale_s_order_or_iso(
    qtbot, locale_default, locale: QLocale, typed: str
) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(locale)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    with qtbot.waitSignal(field.dateChanged):
        type_into(qtbot, field, typed)
    assert field.date() == QDate(2027, 3, 27)
    assert field.text() == ("3/27/2027" if locale == US else "27/03/2027")  # shown in the locale's format


def test_typing_replaces_the_value_wherever_the_cursor_is(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(US)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton, pos=QPoint(4, field.height() // 2))
    field.lineEdit().setCursorPosition(2)  # clicked into the day
    type_into(qtbot, field, "03/27/2027", Qt.Key.Key_Enter)
    assert field.date() == QDate(2027, 3, 27)


def test_a_day_alone_or_a_day_and_month_complete_from_the_date_shown(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(FRANCE)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    type_into(qtbot, field, "27", Qt.Key.Key_Enter)
    assert field.date() == QDate(2026, 1, 27)
    field.lineEdit().selectAll()
    type_into(qtbot, field, "14/7", Qt.Key.Key_Enter)
    assert field.date() == QDate(2026, 7, 14)


def test_what_is_no_date_is_put_back_and_the_reason_said(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(FRANCE)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    with qtbot.waitSignal(field.typingRejected) as refused:
        type_into(qtbot, field, "03/27/2027")  # a US date in a French field: month 27
    assert field.date() == QDate(2026, 1, 5) and field.text() == "05/01/2026"
    assert refused.args[0] == "“03/27/2027” is not a date. Type it as 05/01/2026 or 2026-01-05."
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "abc")  # letters are refused as they are typed
    assert field.text() == "05/01/2026"


def test_a_date_outside_nomadcm_s_range_is_refused_naming_the_range(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(FRANCE)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    assert (field.minimumDate().toPython(), field.maximumDate().toPython()) == (EARLIEST, LATEST)
    with qtbot.waitSignal(field.typingRejected) as refused:
        type_into(qtbot, field, "2150-01-01")
    assert field.date() == QDate(2026, 1, 5)
    assert refused.args[0] == "2150-01-01 is outside the dates NomadCM handles (1970-01-01 to 2100-12-31)."


def test_the_arrows_still_step_a_section(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(FRANCE)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    field.lineEdit().setCursorPosition(0)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.date() == QDate(2026, 1, 6)


# --------------------------------------------------------------------------- times and date-times


@pytest.mark.parametrize(
    ("locale", "typed", "wanted"),
    [
        (FRANCE, "9:30", QTime(9, 30)),
        (FRANCE, "21h", QTime(21, 0)),
        (FRANCE, "9h30", QTime(9, 30)),
        (FRANCE, "1730", QTime(17, 30)),
        (US, "9:30 PM", QTime(21, 30)),
        (US, "9 am", QTime(9, 0)),
        (US, "21:15", QTime(21, 15)),
    ],
)
def test_a_time_is_typed_as_people_write_it(
    qtbot, locale_default, locale: QLocale, typed: str, wanted: QTime
) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(locale)
    field = TimeInput(QTime(8, 0))
    form_with(qtbot, field)
    type_into(qtbot, field, typed)
    assert field.time() == wanted


def test_a_date_and_time_field_takes_both_or_either(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(FRANCE)
    field = DateTimeInput(datetime(2026, 1, 5, 8, 0))
    form_with(qtbot, field)
    type_into(qtbot, field, "27/03/2027 09:30", Qt.Key.Key_Enter)
    assert field.dateTime().toPython() == datetime(2027, 3, 27, 9, 30)
    field.lineEdit().selectAll()
    type_into(qtbot, field, "14:15", Qt.Key.Key_Enter)  # a time alone keeps the date
    assert field.dateTime().toPython() == datetime(2027, 3, 27, 14, 15)
    assert field.text() == "27/03/2027 14:15"


def test_the_post_dialog_s_date_and_time_are_typed(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    """The zoned editor (post, trips, screen time, speed tests) is made of the same fields."""
    QLocale.setDefault(US)
    editor = ZonedDateTimeEdit()
    editor.set_value(datetime(2026, 1, 5, 9, 0), "Europe/Paris")
    form_with(qtbot, editor)
    editor.date_edit.setFocus(Qt.FocusReason.TabFocusReason)
    type_into(qtbot, editor.date_edit, "3/28/2027")
    editor.time_edit.setFocus(Qt.FocusReason.TabFocusReason)
    type_into(qtbot, editor.time_edit, "2:30 AM")  # inside Paris's DST gap that night
    assert editor.wall() == datetime(2027, 3, 28, 2, 30)
    assert not editor.is_valid() and "does not exist in Europe/Paris" in editor.problem()


# --------------------------------------------------------------------------- pasting


@pytest.mark.parametrize("how", ["ctrl+v", "shift+insert", "menu"])
def test_a_pasted_date_replaces_the_value(qtbot, locale_default, how: str) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(FRANCE)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    QGuiApplication.clipboard().setText(" 2027-03-27 ")
    if how == "ctrl+v":
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    elif how == "shift+insert":
        qtbot.keyClick(field, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    else:  # the context menu's Paste (the menu the field's right click opens)
        menu = field.context_menu()
        next(a for a in menu.actions() if a.objectName() == "edit-paste").trigger()
    assert field.date() == QDate(2027, 3, 27) and field.text() == "27/03/2027"


def test_a_pasted_date_and_time_gives_its_date_and_text_is_refused(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(US)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    QGuiApplication.clipboard().setText("3/27/2027 9:30 AM")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.date() == QDate(2027, 3, 27)
    QGuiApplication.clipboard().setText("next Tuesday")
    with qtbot.waitSignal(field.typingRejected):
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.date() == QDate(2027, 3, 27)


# --------------------------------------------------------------------------- the calendar pop-up


def test_the_calendar_pop_up_opens_and_picks_a_date(qtbot, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(FRANCE)
    field = DateInput(QDate(2026, 1, 5))
    form_with(qtbot, field)
    field.resize(160, field.sizeHint().height())
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, field.height() // 2))
    calendar = field.calendarWidget()
    popup = calendar.window()
    qtbot.waitUntil(popup.isVisible)
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday  # fr_FR
    assert calendar.selectedDate() == QDate(2026, 1, 5)
    with qtbot.waitSignal(field.dateChanged):
        calendar.setSelectedDate(QDate(2026, 1, 23))
        calendar.activated.emit(QDate(2026, 1, 23))  # Enter or a double-click on the day
    assert field.date() == QDate(2026, 1, 23)
    qtbot.waitUntil(lambda: not popup.isVisible())


@pytest.mark.parametrize(
    ("name", "first"),
    [("fr_FR", Qt.DayOfWeek.Monday), ("fr_CA", Qt.DayOfWeek.Sunday), ("en_US", Qt.DayOfWeek.Sunday)],
)
def test_every_picker_s_weeks_start_on_the_locale_s_first_day(
    qtbot, locale_default, name: str, first: Qt.DayOfWeek
) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(name))
    assert QLocale().firstDayOfWeek() == first  # Qt's (CLDR's) rule: fr_CA starts on Sunday
    for field in (DateInput(), DateTimeInput()):
        qtbot.addWidget(field)
        assert field.calendarWidget().firstDayOfWeek() == first


# --------------------------------------------------------------------------- every field of the app


def test_no_ui_module_builds_a_bare_date_or_time_edit() -> None:
    """One reusable widget everywhere: typing, pasting, the pop-up and the date range come with it."""
    bare = []
    for path in sorted(UI_PACKAGE.rglob("*.py")):
        if path.name == "date_inputs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("QDateEdit", "QDateTimeEdit", "QTimeEdit", "QCalendarWidget"):
                    bare.append(f"{path.relative_to(UI_PACKAGE)}:{node.lineno} {name}")
    assert bare == []


def test_the_pages_date_fields_are_typed_date_inputs(window) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.widgets.date_inputs import TypedDateTimeMixin

    for key in ("schedule", "wellbeing", "workplaces", "travel"):
        page = window.show_page(key)
        edits = page.findChildren(QWidget)
        spin_dates = [w for w in edits if w.inherits("QDateTimeEdit")]
        assert spin_dates, key
        assert all(isinstance(w, TypedDateTimeMixin) for w in spin_dates), key


# --------------------------------------------------------------------------- the text rules


def test_the_order_comes_from_the_display_format() -> None:
    assert date_text.field_order("dd/MM/yyyy") == "dMy"
    assert date_text.field_order("M/d/yyyy") == "Mdy"
    assert date_text.field_order("yyyy-MM-dd") == "yMd"
    assert date_text.field_order("dd.MM.yyyy HH:mm") == "dMy"


@pytest.mark.parametrize(
    ("text", "order", "lenient", "wanted"),
    [
        ("27/03/2027", "dMy", False, date(2027, 3, 27)),
        ("3/27/2027", "Mdy", False, date(2027, 3, 27)),
        ("2027-03-27", "Mdy", False, date(2027, 3, 27)),  # ISO in any locale
        ("27/03/202", "dMy", False, None),  # half-way: not the year 202
        ("27/03/27", "dMy", False, None),
        ("27/03/27", "dMy", True, date(2027, 3, 27)),
        ("27/03/70", "dMy", True, date(1970, 3, 27)),
        ("27032027", "dMy", True, date(2027, 3, 27)),
        ("03/27/2027", "dMy", True, None),
        ("31/02/2027", "dMy", True, None),
        ("27", "dMy", True, date(2026, 1, 27)),
        ("3/27", "Mdy", True, date(2026, 3, 27)),
    ],
)
def test_dates_as_typed(text: str, order: str, lenient: bool, wanted: date | None) -> None:
    assert date_text.parse_date(text, order, base=date(2026, 1, 5), lenient=lenient) == wanted


@pytest.mark.parametrize(
    ("text", "lenient", "wanted"),
    [
        ("09:30", False, time(9, 30)),
        ("9 h 30", False, time(9, 30)),
        ("12:00 AM", False, time(0, 0)),
        ("12 pm", False, time(12, 0)),
        ("9:30 p.m.", False, time(21, 30)),
        ("9", False, None),
        ("9", True, time(9, 0)),
        ("9:3", False, None),
        ("13 pm", False, None),
        ("24:00", True, None),
    ],
)
def test_times_as_typed(text: str, lenient: bool, wanted: time | None) -> None:
    assert date_text.parse_time(text, am_pm=("AM", "PM"), lenient=lenient) == wanted


def test_typing_lets_through_what_may_become_a_value() -> None:
    assert date_text.typing_allowed("27/03/20")
    assert date_text.typing_allowed("9:30 p.")
    assert date_text.typing_allowed("2027-03-27T09")
    assert not date_text.typing_allowed("9:30 x")
    assert not date_text.typing_allowed("hello")


def test_a_typed_value_does_not_need_a_shown_window(qapp) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(date(2026, 1, 5))
    assert field.parse_text("2027-03-27") is not None
    assert field.commit_typed()  # nothing typed: nothing to do
    QApplication.processEvents()
    field.deleteLater()
