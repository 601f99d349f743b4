"""The one operation runner (ui/operations.py): one undo command and one announcement per write, a UserError
as a message box with nothing pushed, an import undone and redone as one step from the keyboard."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from nomadcm.errors import ValidationError
from nomadcm.services.changes import POSTS
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.operations import OpRunner, describe
from nomadcm.ui.schedule.import_dialog import ImportDialog


def _runner(qtbot):  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    bus = ChangeBus(parent)
    stack = QUndoStack(parent)
    heard: list[frozenset[str]] = []
    bus.changed.connect(heard.append)
    return OpRunner(bus, undo=stack, parent=parent), stack, heard, parent


def test_one_command_and_one_announcement_per_write(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    runner, stack, heard, parent = _runner(qtbot)
    channel = services.clients.list_channels(paris_client.id)[0]
    change = runner.run(
        lambda: services.posts.add_op(PostDraft(channel.id, "Bonjour", datetime(2027, 5, 3, 9))), parent
    )
    assert change is not None and change.result.text == "Bonjour"
    assert stack.count() == 1 and stack.undoText() == describe(change) == "new post"
    assert heard == [frozenset({POSTS})]
    stack.undo()
    assert services.schedule().count() == 0 and heard[-1] == frozenset({POSTS})
    stack.redo()
    assert services.schedule().count() == 1 and len(heard) == 3


def test_a_user_error_is_shown_and_nothing_is_pushed(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    runner, stack, heard, parent = _runner(qtbot)
    shown: list[str] = []
    monkeypatch.setattr("nomadcm.ui.plain_text.warn", lambda _p, _t, text, *a, **k: shown.append(text))

    def refused():  # type: ignore[no-untyped-def]
        raise ValidationError("no such channel")

    assert runner.run(refused, parent) is None
    assert shown == ["no such channel"] and stack.count() == 0 and heard == []


def test_a_failed_undo_is_shown_and_the_command_dropped(qtbot, services, paris_client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    runner, stack, _heard, parent = _runner(qtbot)
    shown: list[str] = []
    monkeypatch.setattr("nomadcm.ui.plain_text.warn", lambda _p, _t, text, *a, **k: shown.append(text))
    channel = services.clients.list_channels(paris_client.id)[0]
    change = runner.run(
        lambda: services.posts.add_op(PostDraft(channel.id, "x", datetime(2027, 5, 3, 9))), parent
    )
    assert change is not None
    services.posts.delete([change.result.id])  # gone meanwhile (another window)
    stack.undo()
    assert len(shown) == 1 and stack.count() == 0


def test_an_import_is_undone_and_redone_as_one_step(
    window, services, paris_client, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = Path(tmp_path / "posts.csv")
    path.write_text(
        "client,channel,audience_tz,audience_time,text\n"
        "Boulangerie Dupont,x:@dupont,Europe/Paris,2027-05-03 09:00,One\n"
        "Boulangerie Dupont,x:@dupont,Europe/Paris,2027-05-04 09:00,Two\n"
        "Boulangerie Dupont,mastodon:@dupont,Europe/Paris,2027-05-05 09:00,Three\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        "nomadcm.ui.schedule.import_dialog.QFileDialog.getOpenFileName", lambda *a: (str(path), "")
    )
    channels_before = len(services.clients.list_channels(paris_client.id))
    window.import_action.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=10_000)
    assert dialog.outcome == "imported"
    dialog.close()
    assert services.schedule().count() == 3
    assert len(services.clients.list_channels(paris_client.id)) == channels_before + 1
    stack = window.undo_group.activeStack()
    assert stack.count() == 1

    # Ctrl+Z and Ctrl+Shift+Z are the shortcuts of Edit > Undo / Redo (the offscreen platform delivers no
    # shortcut events, so the actions are triggered as the shortcuts would).
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    window.undo_action.trigger()
    assert services.schedule().count() == 0
    assert len(services.clients.list_channels(paris_client.id)) == channels_before  # its new channel too
    window.redo_action.trigger()
    assert services.schedule().count() == 3
    assert len(services.clients.list_channels(paris_client.id)) == channels_before + 1


# ---------------------------------------------------------------------- each page writes through the runner


def test_clients_page_delete_is_one_undo_command(window, services, paris_client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    channel = services.clients.list_channels(paris_client.id)[0]
    services.posts.add(PostDraft(channel.id, "Bonjour", datetime(2027, 5, 3, 9)))
    page = window.show_page("clients")
    page.select_client(paris_client.id)
    monkeypatch.setattr("nomadcm.ui.plain_text.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_client()
    assert services.clients.list_clients() == [] and services.schedule().count() == 0
    assert page.undo_stack.count() == 1 and window.undo_group.activeStack() is page.undo_stack
    window.undo_action.trigger()  # Ctrl+Z
    assert [c.name for c in services.clients.list_clients()] == ["Boulangerie Dupont"]
    assert len(services.clients.list_channels(paris_client.id)) == 2 and services.schedule().count() == 1
    assert page.clients_model.rowCount() == 1  # the page heard it


def test_workplaces_page_delete_is_one_undo_command(window, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    place = services.workplaces.add_place("Lab", city="Lisbon", tz="Europe/Lisbon")
    page = window.show_page("workplaces")
    page.reload()
    page.select_place(place.id)
    monkeypatch.setattr("nomadcm.ui.plain_text.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    assert services.workplaces.list_places() == []
    assert page.undo_stack.count() == 1 and window.undo_group.activeStack() is page.undo_stack
    window.undo_action.trigger()
    assert [p.name for p in services.workplaces.list_places()] == ["Lab"]
    assert page.model.rowCount() == 1


def test_a_places_import_is_undone_as_one_step(window, services, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    data = Path(__file__).parent.parent / "data" / "osm_montreal.geojson"
    page = window.show_page("workplaces")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(data), ""))
    said: list[str] = []
    monkeypatch.setattr("nomadcm.ui.plain_text.inform", lambda _p, _t, text, *a, **k: said.append(text))
    page.import_file()
    qtbot.waitUntil(lambda: bool(said) and not page.job_running(), timeout=10_000)
    assert len(services.workplaces.list_places()) == 3 and page.undo_stack.count() == 1
    window.undo_action.trigger()
    assert services.workplaces.list_places() == [] and page.model.rowCount() == 0
    window.redo_action.trigger()
    assert len(services.workplaces.list_places()) == 3


def test_a_wellbeing_import_is_undone_as_one_step(window, services, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = Path(__file__).parent.parent / "data" / "wellbeing" / "wellbeing.csv"
    page = window.show_page("wellbeing")
    monkeypatch.setattr(page, "_ask_file", lambda *a: data)
    dialog = page.import_wellbeing_csv()
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=10_000)
    assert dialog.outcome == "imported"
    dialog.close()
    start, end = datetime(2027, 3, 20, tzinfo=UTC), datetime(2027, 4, 5, tzinfo=UTC)

    def entries() -> int:
        return len(services.wellbeing.screens_between(start, end)) + len(
            services.wellbeing.rests_between(start, end)
        )

    assert entries() > 0 and page.undo_stack.count() == 1
    window.undo_action.trigger()
    assert entries() == 0
    window.redo_action.trigger()
    assert entries() > 0


def test_queue_slots_are_undone_on_the_calendar_page(window, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    channel = services.clients.list_channels(paris_client.id)[0]
    page = window.show_page("calendar")
    page.open_queue()
    dialog = page.queue_dialog
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(channel.id))
    dialog.slots_edit.setText("Mo-Fr 09:00")
    dialog.save_slots()
    assert len(services.slots.list_slots(channel.id)) == 5 and page.undo_stack.count() == 1
    dialog.close()
    window.undo_action.trigger()
    assert services.slots.list_slots(channel.id) == []


def test_the_rhythm_dialog_save_is_one_undo_command(window, services) -> None:  # type: ignore[no-untyped-def]
    heard: list[frozenset[str]] = []
    window.changes.changed.connect(heard.append)
    page = window.show_page("travel")
    page.edit_rhythm()
    dialog = page.dialog
    dialog.sleep.setText("0h30-8h")
    dialog.home.setZone("Europe/Lisbon")
    dialog.accept()
    assert services.settings.get("sleep") == "00:30-08:00" and services.settings.home_tz() == "Europe/Lisbon"
    assert page.undo_stack.count() == 1 and page.undo_stack.undoText() == "sleep and work hours change"
    assert heard == [frozenset({"settings", "itinerary"})]
    window.undo_action.trigger()
    assert services.settings.get("sleep") == "23:00-07:00" and services.settings.home_tz() == "Europe/Paris"
    window.redo_action.trigger()
    assert services.settings.get("sleep") == "00:30-08:00"


def test_a_wrong_rhythm_writes_nothing_and_pushes_nothing(window, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("nomadcm.ui.plain_text.warn", lambda _p, _t, text, *a, **k: shown.append(text))
    page = window.show_page("travel")
    page.edit_rhythm()
    monkeypatch.setattr(page.dialog, "values", lambda: ("0h30-8h", "Xx 10h-12h", "Europe/Lisbon"))
    assert not page._save_rhythm(page.dialog)
    assert shown and page.undo_stack.count() == 0
    assert services.settings.get("sleep") == "23:00-07:00" and services.settings.home_tz() == "Europe/Paris"


def test_a_timer_stop_is_announced_once_through_the_runner(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from nomadcm.services.changes import WELLBEING
    from nomadcm.ui.wellbeing.timer import TimerController

    runner, stack, heard, _parent = _runner(qtbot)
    now = [datetime(2027, 5, 3, 9, tzinfo=UTC)]
    controller = TimerController(services, runner.changes, lambda: now[0], ops=runner)
    controller.start("laptop")
    now[0] += timedelta(minutes=40)
    info = controller.stop("laptop")
    assert info is not None and info.minutes == 40 and info.source == "timer"
    assert heard == [frozenset({WELLBEING})] and stack.count() == 0  # no page owns the timer: not undoable


def test_a_break_is_logged_as_rest_through_the_runner(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from nomadcm.services.changes import WELLBEING
    from nomadcm.ui.wellbeing.reminders import BreakReminder
    from nomadcm.ui.wellbeing.timer import TimerController

    runner, _stack, heard, _parent = _runner(qtbot)
    now = [datetime(2027, 5, 3, 9, tzinfo=UTC)]
    controller = TimerController(services, runner.changes, lambda: now[0], ops=runner)
    reminder = BreakReminder(controller, runner.changes, show_dialogs=False)
    reminder.take_break()
    now[0] += timedelta(minutes=10)
    logged: list[object] = []
    reminder.breakLogged.connect(logged.append)
    reminder.finish_break()
    assert len(logged) == 1 and heard == [frozenset({WELLBEING})]


def test_mark_published_from_a_reminder_goes_through_the_runner(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.services.publishing.reminders import Reminder
    from nomadcm.ui.publishing.reminders import ReminderScheduler

    runner, _stack, heard, _parent = _runner(qtbot)
    channel = services.clients.list_channels(paris_client.id)[0]
    post = services.posts.add(PostDraft(channel.id, "Bonjour", datetime(2027, 5, 3, 9)))
    occurrence = next(iter(services.schedule().stream()))
    scheduler = ReminderScheduler(services, runner.changes, ops=runner)
    scheduler.mark_published(Reminder(occurrence, occurrence.utc))
    assert services.posts.get(post.id).status == "published" and heard == [frozenset({POSTS})]


def test_the_wizard_announces_once_through_the_runner(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.wizard import FirstRunWizard

    runner, stack, heard, _parent = _runner(qtbot)
    wizard = FirstRunWizard(services, runner.changes, ops=runner)
    qtbot.addWidget(wizard)
    wizard.client.name.setText("Érable & Cie")
    wizard.save()
    assert services.clients.find_client("Érable & Cie") is not None
    assert len(heard) == 1 and {"settings", "itinerary", "clients"} <= heard[0] and stack.count() == 0
