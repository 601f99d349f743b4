"""The screen timer (toolbar, tray) and break reminders, on a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.wellbeing.reminders import BreakReminder
from nomadcm.ui.wellbeing.timer import ScreenTimerWidget, TimerController, timer_menu


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2027, 3, 26, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def controller(services, clock):  # type: ignore[no-untyped-def]
    return TimerController(services, ChangeBus(), clock)


def test_start_stop_logs_a_timer_session(controller, clock, services) -> None:  # type: ignore[no-untyped-def]
    client = services.clients.add_client("Boulangerie Dupont", "Europe/Paris")
    controller.start("laptop", client.id)
    controller.start("phone")
    clock.advance(95)
    assert controller.elapsed("laptop") == timedelta(minutes=95)
    info = controller.stop("laptop")
    assert (info.device, info.source, info.client_name, info.minutes, info.tz) == (
        "laptop",
        "timer",
        "Boulangerie Dupont",
        95,
        "Europe/Paris",
    )
    assert controller.running().keys() == {"phone"}


def test_running_timers_survive_a_restart(controller, clock, services) -> None:  # type: ignore[no-untyped-def]
    controller.start("tablet")
    again = TimerController(services, None, clock)
    assert again.is_running("tablet")
    clock.advance(30)
    assert again.stop("tablet").minutes == 30


def test_a_forgotten_timer_is_not_logged_as_two_days(controller, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller.start("laptop")
    clock.advance(60 * 30)
    with qtbot.waitSignal(controller.failed) as blocker:
        assert controller.stop("laptop") is None
    assert "more than 24 hours" in blocker.args[0]


def test_toolbar_widget_and_tray_menu(controller, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = ScreenTimerWidget(controller)
    qtbot.addWidget(widget)
    assert widget.button.text() == "Start"
    widget.device.setCurrentIndex(widget.device.findData("phone"))
    widget.button.click()
    assert controller.is_running("phone") and widget.button.text() == "Stop"
    clock.advance(12)
    widget.refresh()
    assert widget.status.text() == "Phone 0:12"
    menu = timer_menu(controller)
    phone = next(a for a in menu.actions() if a.text() == "Phone")
    assert phone.isChecked()
    phone.trigger()  # unchecks: stops the timer
    assert not controller.is_running("phone") and widget.button.text() == "Start"


def test_break_reminder_on_a_fake_clock(controller, clock, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    services.personal_settings.set("break_reminders", True)
    reminder = BreakReminder(controller, show_dialogs=False)
    controller.start("laptop")
    clock.advance(49)
    assert reminder.poll() is None
    clock.advance(1)
    with qtbot.waitSignal(reminder.breakDue) as blocker:
        reminder.poll()
    assert (blocker.args[0].kind, blocker.args[0].minutes) == ("short", 5)
    assert reminder.poll() is None  # announced once until answered
    reminder.take_break()
    assert controller.running() == {}  # timers paused during the break
    clock.advance(6)
    with qtbot.waitSignal(reminder.breakLogged) as logged:
        reminder.finish_break()
    rest = logged.args[0]
    assert (rest.kind, rest.source, rest.minutes) == ("break", "timer", 6)
    assert controller.is_running("laptop")  # started again
    assert len(services.wellbeing.screens_between(clock.now - timedelta(days=1), clock.now)) == 1
    clock.advance(49)
    assert reminder.poll() is None
    clock.advance(1)
    assert reminder.poll().kind == "short"
    reminder.postpone()
    clock.advance(9)
    assert reminder.poll() is None
    clock.advance(1)
    assert reminder.poll().kind == "short"


def test_reminders_are_off_by_default(controller, clock) -> None:  # type: ignore[no-untyped-def]
    reminder = BreakReminder(controller, show_dialogs=False)
    controller.start("laptop")
    clock.advance(300)
    assert reminder.poll() is None


def test_break_dialog_buttons(controller, clock, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    services.personal_settings.set("break_reminders", True)
    reminder = BreakReminder(controller)
    controller.start("laptop")
    clock.advance(50)
    reminder.poll()
    dialog = reminder.dialog
    assert dialog is not None and "5-minute break" in dialog.message.text()
    dialog.take.click()
    assert reminder.in_break and dialog.back.isVisible()
    clock.advance(5)
    dialog.back.click()
    assert not reminder.in_break and reminder.dialog is None


def test_daily_limit_warning_once(controller, clock, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    services.personal_settings.set("screen_limit_day_hours", 1.0)
    reminder = BreakReminder(controller, show_dialogs=False)
    controller.start("laptop")
    clock.advance(61)
    with qtbot.waitSignal(reminder.limitPassed) as blocker:
        reminder.poll()
    assert "past your daily limit of 1 h 00" in blocker.args[0]
    with qtbot.assertNotEmitted(reminder.limitPassed):
        clock.advance(10)
        reminder.poll()
