"""The Schedule's and the Calendar's assignee filter (team mode, issue 13): hidden without members; "Mine"
shows the posts of the member you said you are (remembered per database in the desktop's settings)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings

from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.calendar.page import CalendarPage
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.identity import choose_member
from nomadcm.ui.schedule.page import SchedulePage


def _texts(page: SchedulePage) -> list[str]:
    return sorted(page.model.row_at(i).text for i in range(page.model.rowCount()))


@pytest.fixture
def team(services: Services, paris_client) -> Services:  # type: ignore[no-untyped-def]
    """Ana (who founded the team) and Bob, each with a post assigned, and one post for nobody."""
    channel = services.clients.list_channels()[1].id
    services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    services.members.add("Bob", "bob@example.org")
    ana, bob = services.members.find("Ana").id, services.members.find("Bob").id
    for day, text, who in ((3, "pour Ana", ana), (4, "pour Bob", bob), (5, "pour personne", None)):
        services.posts.add(PostDraft(channel, text, datetime(2030, 6, day, 9), assignee_id=who))
    return services


def test_without_members_there_is_no_assignee_filter(qtbot, services, paris_client, task_runner) -> None:  # type: ignore[no-untyped-def]
    page = SchedulePage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    assert page.assignee_filter.isHidden()
    assert page.current_filter().assignee_id is None


def test_mine_in_the_schedule_and_the_calendar(
    qtbot, team: Services, qsettings: QSettings, task_runner
) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.main_window import MainWindow

    choose_member(team, qsettings, "Ana")  # said once in Settings, remembered for this database
    team.members.use(None)
    window = MainWindow(team, qsettings)
    qtbot.addWidget(window)
    try:
        assert team.members.current_id == team.members.find("Ana").id  # restored when the window opened
        page = window.page("schedule")
        page.period_filter.setCurrentIndex(page.period_filter.findData("all"))
        combo = page.assignee_filter
        assert not combo.isHidden()
        assert [combo.itemText(i) for i in range(combo.count())] == ["Everyone", "Mine", "Ana", "Bob"]
        assert _texts(page) == ["pour Ana", "pour Bob", "pour personne"]
        combo.setCurrentIndex(combo.findText("Mine"))
        qtbot.waitUntil(lambda: _texts(page) == ["pour Ana"])
        combo.setCurrentIndex(combo.findText("Bob"))
        qtbot.waitUntil(lambda: _texts(page) == ["pour Bob"])
    finally:
        window.stop_workers()
        window.external_changes.stop()

    calendar = CalendarPage(team, ChangeBus(), task_runner)
    qtbot.addWidget(calendar)
    calendar.show_date(date(2030, 6, 3), "week")
    assert sorted(p.occurrence.text for p in calendar.items) == ["pour Ana", "pour Bob", "pour personne"]
    calendar.assignee_filter.setCurrentIndex(calendar.assignee_filter.findText("Mine"))
    assert [p.occurrence.text for p in calendar.items] == ["pour Ana"]


def test_you_are_in_settings_is_remembered_for_this_database(
    qtbot, team: Services, qsettings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.identity import restore_member
    from nomadcm.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(team, ChangeBus(), app_settings=qsettings)
    qtbot.addWidget(dialog)
    combo = dialog.member
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Nobody (working alone)",
        "Ana <ana@example.org>",
        "Bob <bob@example.org>",
    ]
    assert combo.currentText() == "Ana <ana@example.org>"  # who this window acts for now
    combo.setCurrentIndex(combo.findData("Bob"))
    dialog.accept()
    assert team.members.current_id == team.members.find("Bob").id
    team.members.use(None)
    restore_member(team, qsettings)  # the next start on this database
    assert team.members.current_id == team.members.find("Bob").id


def test_editing_a_post_in_the_dialog_keeps_its_assignee(qtbot, team: Services) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.schedule.post_dialog import PostDialog

    post = next(team.posts.get(o.post_id) for o in team.schedule().stream() if o.text == "pour Bob")
    saved = []
    dialog = PostDialog(team, lambda draft: saved.append(team.posts.update(post.id, draft)), post=post)
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("pour Bob, relu")
    dialog.save_button.click()
    assert [(p.text, p.assignee_id) for p in saved] == [("pour Bob, relu", team.members.find("Bob").id)]


def test_your_time_column_is_the_assignees_own(qtbot, team: Services, task_runner) -> None:  # type: ignore[no-untyped-def]
    """Bob is in Montréal, Ana in Paris: his post shows at his time, named in its tooltip; Ana's at hers."""
    from PySide6.QtCore import Qt

    from nomadcm.services.travel.trip_records import StayInput

    team.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2030, 6, 1), date(2030, 6, 30), "FR"))
    team.members.use("Bob")
    team.trips.add_stay(StayInput("Montréal", "America/Toronto", date(2030, 6, 1), date(2030, 6, 30), "CA"))
    team.members.use("Ana")
    page = SchedulePage(team, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    page.period_filter.setCurrentIndex(page.period_filter.findData("all"))
    model = page.model
    rows = {model.row_at(i).text: i for i in range(model.rowCount())}
    yours = model.YOURS

    def cell(text: str, role: Qt.ItemDataRole) -> str:
        return str(model.data(model.index(rows[text], yours), role))

    assert cell("pour Bob", Qt.ItemDataRole.DisplayRole).endswith("EDT · Bob")  # Montréal, summer time
    assert cell("pour Ana", Qt.ItemDataRole.DisplayRole).endswith("CEST")
    assert cell("pour personne", Qt.ItemDataRole.DisplayRole).endswith("CEST")  # nobody's: the viewer's
    tip = cell("pour Bob", Qt.ItemDataRole.ToolTipRole)
    assert "Bob's time (the post is assigned to Bob)" in tip.splitlines()[0]
    assert "America/Toronto, Montréal, CA" in tip
    assert "assigned" not in cell("pour Ana", Qt.ItemDataRole.ToolTipRole)


def test_the_post_dialogs_live_line_gives_the_assignees_time(qtbot, team: Services) -> None:  # type: ignore[no-untyped-def]
    """Bob's post, opened by Ana: "= 03:00 Bob's time (America/Toronto)…", his clock, not hers."""
    from nomadcm.services.travel.trip_records import StayInput
    from nomadcm.ui.schedule.post_dialog import PostDialog

    team.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2030, 6, 1), date(2030, 6, 30), "FR"))
    team.members.use("Bob")
    team.trips.add_stay(StayInput("Montréal", "America/Toronto", date(2030, 6, 1), date(2030, 6, 30), "CA"))
    team.members.use("Ana")
    bobs = next(team.posts.get(o.post_id) for o in team.schedule().stream() if o.text == "pour Bob")
    anas = next(team.posts.get(o.post_id) for o in team.schedule().stream() if o.text == "pour Ana")
    dialog = PostDialog(team, lambda _draft: None, post=bobs)
    qtbot.addWidget(dialog)
    line = dialog.live_line.text()
    assert "Bob's time (America/Toronto)" in line and line.startswith("= 03:00")  # 09:00 Paris = 03:00 EDT
    mine = PostDialog(team, lambda _draft: None, post=anas)
    qtbot.addWidget(mine)
    assert "your time (Europe/Paris)" in mine.live_line.text()


def test_a_post_is_assigned_in_its_dialog_and_the_live_line_follows(qtbot, team: Services) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.services.travel.trip_records import StayInput
    from nomadcm.ui.schedule.post_dialog import PostDialog

    team.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2030, 6, 1), date(2030, 6, 30), "FR"))
    team.members.use("Bob")
    team.trips.add_stay(StayInput("Montréal", "America/Toronto", date(2030, 6, 1), date(2030, 6, 30), "CA"))
    team.members.use("Ana")
    post = next(team.posts.get(o.post_id) for o in team.schedule().stream() if o.text == "pour personne")
    saved = []
    dialog = PostDialog(team, lambda draft: saved.append(team.posts.update(post.id, draft)), post=post)
    qtbot.addWidget(dialog)
    combo = dialog.assignee_combo
    assert not dialog.assignee_label.isHidden()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Nobody", "Ana", "Bob"]
    assert combo.currentText() == "Nobody" and "your time (Europe/Paris)" in dialog.live_line.text()
    combo.setCurrentIndex(combo.findText("Bob"))
    assert "Bob's time (America/Toronto)" in dialog.live_line.text()
    dialog.save_button.click()
    assert [p.assignee_id for p in saved] == [team.members.find("Bob").id]


def test_no_assignee_field_without_members(qtbot, services: Services, paris_client) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.schedule.post_dialog import PostDialog

    dialog = PostDialog(services, lambda _draft: None)
    qtbot.addWidget(dialog)
    assert dialog.assignee_label.isHidden() and dialog.assignee_id() is None


def test_at_start_a_member_gets_her_own_language_and_theme(
    team: Services, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database says English and the light theme; Ana chose French and the dark one for herself: the
    window that opens for her speaks French (identity.members_own, after "You are" is restored)."""
    from nomadcm.ui import identity, main_window

    team.settings.set("language", "fr")  # Ana acts (the fixture): her own values
    team.settings.set("theme", "dark")
    choose_member(team, qsettings, "Ana")
    team.members.use(None)
    monkeypatch.setattr(main_window, "app_settings", lambda: qsettings)
    assert identity.members_own(team, "en", "light") == ("fr", "dark")
    assert team.members.current_id == team.members.find("Ana").id
    choose_member(team, qsettings, None)  # nobody chosen on this computer: the database's
    assert identity.members_own(team, "en", "light") == ("en", "light")
