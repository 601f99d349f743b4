"""The Schedule page and the post dialog, driven as a user would (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from sqlalchemy import insert

from nomadcm.models import Post
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.schedule.table_models import ScheduleModel


def _open_new_post(window):  # type: ignore[no-untyped-def]
    window.new_post_action.trigger()
    page = window.page("schedule")
    dialog = page.post_dialog
    assert dialog is not None and dialog.isVisible()
    return page, dialog


def _set_when(dialog, day: QDate, time: QTime) -> None:  # type: ignore[no-untyped-def]
    dialog.when.date_edit.setDate(day)
    dialog.when.time_edit.setTime(time)


def _cell(model: ScheduleModel, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def _channel_id(services, network: str) -> int:  # type: ignore[no-untyped-def]
    return next(ch.id for ch in services.clients.list_channels() if ch.network == network)


def test_post_made_in_the_dialog_shows_audience_your_and_utc_time(window, services, paris_client, qtbot):
    page, dialog = _open_new_post(window)
    assert dialog.current_client().name == "Boulangerie Dupont"
    assert dialog.when.zone() == "Europe/Paris"  # the client's audience zone by default
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findText("x @dupont"))
    # 31 March 2030: Paris has just moved to summer time (UTC+2); Toronto has been on EDT for 3 weeks.
    _set_when(dialog, QDate(2030, 3, 31), QTime(9, 0))
    dialog.text_edit.insertPlainText("Pain de Pâques en boutique !")
    assert dialog.live_line.text() == "= 03:00 your time (America/Toronto), 07:00 UTC"
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    # The day before, Paris is still on winter time: same 09:00, one hour later in UTC and in Toronto.
    page, dialog = _open_new_post(window)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findText("instagram @dupont.pain"))
    _set_when(dialog, QDate(2030, 3, 30), QTime(9, 0))
    dialog.text_edit.insertPlainText("Veille de Pâques")
    assert dialog.live_line.text() == "= 04:00 your time (America/Toronto), 08:00 UTC"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    model = page.model
    assert model.rowCount() == 2
    # sorted by instant
    assert [_cell(model, r, ScheduleModel.AUDIENCE) for r in range(2)] == [
        "30/03/2030 09:00 CET",
        "31/03/2030 09:00 CEST",
    ]
    assert [_cell(model, r, ScheduleModel.YOURS) for r in range(2)] == ["04:00 EDT", "03:00 EDT"]
    assert [_cell(model, r, ScheduleModel.UTC) for r in range(2)] == ["08:00", "07:00"]
    assert _cell(model, 1, ScheduleModel.CLIENT) == "Boulangerie Dupont"
    assert _cell(model, 1, ScheduleModel.CHANNEL) == "x @dupont"
    assert _cell(model, 1, ScheduleModel.STATUS) == "Scheduled"
    assert _cell(model, 1, ScheduleModel.TEXT) == "Pain de Pâques en boutique !"
    stored = list(services.schedule().stream())
    assert [p.utc for p in stored] == [
        datetime(2030, 3, 30, 8, 0, tzinfo=UTC),
        datetime(2030, 3, 31, 7, 0, tzinfo=UTC),
    ]


def test_your_time_follows_the_home_zone_when_it_changes(window, services, paris_client):
    services.posts.add(PostDraft(_channel_id(services, "x"), "Hello", datetime(2030, 7, 1, 23, 0)))
    window.changes.notify("posts")  # what a page does after it writes
    page = window.page("schedule")
    assert _cell(page.model, 0, ScheduleModel.YOURS) == "17:00 EDT"
    services.settings.set_home_tz("Asia/Kathmandu")  # +05:45: already the next day there
    window.changes.notify("settings")
    assert _cell(page.model, 0, ScheduleModel.YOURS) == "02/07/2030 02:45 +0545"
    assert _cell(page.model, 0, ScheduleModel.UTC) == "21:00"


def test_gap_time_is_refused_with_the_jump_named_and_a_fix_offered(window, paris_client, qtbot):
    _page, dialog = _open_new_post(window)
    qtbot.keyClicks(dialog.text_edit, "Nuit du changement d'heure")
    _set_when(dialog, QDate(2030, 3, 31), QTime(2, 30))
    message = dialog.when.message.text()
    assert dialog.when.message.isVisible()
    assert "02:30 does not exist in Europe/Paris" in message
    assert "from 02:00 to 03:00" in message
    assert not dialog.save_button.isEnabled()
    assert dialog.live_line.text() == ""
    assert dialog.when.use_gap_end.text() == "Use 03:00"
    qtbot.mouseClick(dialog.when.use_gap_end, Qt.MouseButton.LeftButton)
    assert dialog.when.time_edit.time() == QTime(3, 0)
    assert not dialog.when.message.isVisible()
    assert dialog.save_button.isEnabled()


def test_fold_time_offers_both_occurrences_and_keeps_the_choice(window, services, paris_client, qtbot):
    page, dialog = _open_new_post(window)
    qtbot.keyClicks(dialog.text_edit, "Heure d'hiver")
    _set_when(dialog, QDate(2030, 10, 27), QTime(2, 30))  # Paris falls back 03:00 CEST -> 02:00 CET
    assert dialog.when.fold_box.isVisible()
    assert "happens twice" in dialog.when.message.text()
    assert dialog.when.first_choice.isChecked()
    assert "CEST, 00:30 UTC" in dialog.when.first_choice.text()
    assert "CET, 01:30 UTC" in dialog.when.second_choice.text()
    assert dialog.live_line.text() == "= Sat 26 Oct 2030 20:30 your time (America/Toronto), 00:30 UTC"
    assert "first occurrence is used" in dialog.fold_note.text()
    dialog.when.second_choice.click()
    assert dialog.when.fold() == 1
    assert dialog.live_line.text() == "= Sat 26 Oct 2030 21:30 your time (America/Toronto), 01:30 UTC"
    assert "second occurrence is used" in dialog.fold_note.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (post,) = list(services.schedule().stream())
    assert (post.fold, post.utc) == (1, datetime(2030, 10, 27, 1, 30, tzinfo=UTC))
    assert _cell(page.model, 0, ScheduleModel.AUDIENCE) == "27/10/2030 02:30 CET"


def test_text_over_the_limit_is_shown_never_cut_and_only_a_draft_can_keep_it(window, paris_client, qtbot):
    _page, dialog = _open_new_post(window)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findText("x @dupont"))
    _set_when(dialog, QDate(2030, 5, 2), QTime(10, 0))
    dialog.text_edit.setPlainText("a" * 279)
    assert dialog.count_label.text() == "279 / 280"
    assert dialog.save_button.isEnabled()
    dialog.text_edit.setPlainText("é" * 300)
    assert dialog.count_label.text() == "300 / 280 — 20 over the limit"
    assert len(dialog.text_edit.toPlainText()) == 300
    assert not dialog.save_button.isEnabled()
    assert "over the 280-character limit of x" in dialog.problems_label.text()
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("draft"))
    assert dialog.save_button.isEnabled()
    # Instagram allows 2,200 characters: the same text fits there.
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("scheduled"))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findText("instagram @dupont.pain"))
    assert dialog.count_label.text() == "300 / 2,200"
    assert dialog.save_button.isEnabled()


def test_zone_follows_the_client_unless_changed_by_hand(window, services, paris_client, qtbot):
    other = services.clients.add_client("Café Montréal", "America/Toronto")
    services.clients.add_channel(other.id, "facebook")
    _page, dialog = _open_new_post(window)
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findData(other.id))
    assert dialog.when.zone() == "America/Toronto"
    assert dialog.channel_combo.currentText() == "facebook"
    dialog.when.set_zone("Asia/Tokyo")
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findData(paris_client.id))
    assert dialog.when.zone() == "Asia/Tokyo"


def test_bad_link_and_empty_text_block_saving(window, paris_client, qtbot):
    _page, dialog = _open_new_post(window)
    assert not dialog.save_button.isEnabled()
    assert not dialog.problems_label.isVisible()  # an empty new post is not greeted with an error
    qtbot.keyClicks(dialog.text_edit, "Hello")
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.link_edit, "www.example")
    assert not dialog.save_button.isEnabled()
    assert "http://" in dialog.problems_label.text()
    dialog.link_edit.setText("https://example.org/pain")
    assert dialog.save_button.isEnabled()


def test_delete_then_undo_and_redo(window, services, paris_client, qtbot):
    x = _channel_id(services, "x")
    first = services.posts.add(PostDraft(x, "Premier", datetime(2030, 6, 1, 9, 0)))
    services.posts.add(PostDraft(x, "Second", datetime(2030, 6, 2, 9, 0)))
    window.changes.notify("posts")
    page = window.page("schedule")
    assert page.model.rowCount() == 2
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 1
    assert services.schedule().count() == 1
    assert _cell(page.model, 0, ScheduleModel.TEXT) == "Second"
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo delete post"

    window.undo_action.trigger()
    assert page.model.rowCount() == 2
    restored = services.posts.get(first.id)  # same post, same id
    assert (restored.text, restored.utc) == ("Premier", first.utc)

    window.redo_action.trigger()
    assert page.model.rowCount() == 1
    assert services.schedule().count() == 1


def test_ctrl_z_undoes_a_delete(window, services, paris_client, qtbot):
    x = _channel_id(services, "x")
    services.posts.add(PostDraft(x, "Un", datetime(2030, 6, 1, 9, 0)))
    services.posts.add(PostDraft(x, "Deux", datetime(2030, 6, 1, 10, 0)))
    window.changes.notify("posts")
    page = window.page("schedule")
    page.table.selectAll()
    page.delete_button.click()
    assert services.schedule().count() == 0
    assert page.views.currentIndex() == 1  # the empty state
    window.activateWindow()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.schedule().count() == 2
    assert page.model.rowCount() == 2


def test_double_click_edits_and_undo_restores_the_old_text(window, services, paris_client, qtbot):
    x = _channel_id(services, "x")
    services.posts.add(PostDraft(x, "Ancien texte", datetime(2030, 6, 1, 9, 0)))
    window.changes.notify("posts")
    page = window.page("schedule")
    rect = page.table.visualRect(page.model.index(0, ScheduleModel.TEXT))
    # Qt 6's QTest double click needs the press of a first click before it, as a real mouse gives.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.post_dialog
    assert dialog is not None and dialog.windowTitle() == "Edit post"
    assert dialog.text_edit.toPlainText() == "Ancien texte"
    assert dialog.when.wall() == datetime(2030, 6, 1, 9, 0)
    dialog.text_edit.setPlainText("Nouveau texte")
    dialog.when.time_edit.setTime(QTime(11, 15))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _cell(page.model, 0, ScheduleModel.TEXT) == "Nouveau texte"
    assert _cell(page.model, 0, ScheduleModel.AUDIENCE) == "01/06/2030 11:15 CEST"
    window.undo_action.trigger()
    assert _cell(page.model, 0, ScheduleModel.TEXT) == "Ancien texte"
    assert _cell(page.model, 0, ScheduleModel.AUDIENCE) == "01/06/2030 09:00 CEST"


def test_filters_by_client_status_dates_and_text(window, services, paris_client, qtbot):
    x = _channel_id(services, "x")
    other = services.clients.add_client("Surf Shop", "Australia/Sydney")
    surf = services.clients.add_channel(other.id, "instagram").id
    services.posts.add(PostDraft(x, "Croissants", datetime(2030, 6, 1, 9, 0)))
    services.posts.add(PostDraft(x, "Baguette", datetime(2030, 6, 5, 9, 0), status="draft"))
    services.posts.add(PostDraft(surf, "Waves", datetime(2030, 6, 3, 7, 0)))
    window.changes.notify("posts", "clients")
    page = window.page("schedule")
    assert page.model.rowCount() == 3
    page.client_filter.setCurrentIndex(page.client_filter.findText("Surf Shop"))
    assert [_cell(page.model, r, ScheduleModel.TEXT) for r in range(page.model.rowCount())] == ["Waves"]
    page.client_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))
    assert page.model.rowCount() == 1 and _cell(page.model, 0, ScheduleModel.TEXT) == "Baguette"
    page.status_filter.setCurrentIndex(0)
    page.period_filter.setCurrentIndex(page.period_filter.findData("custom"))
    page.from_edit.setDate(QDate(2030, 6, 2))
    page.to_edit.setDate(QDate(2030, 6, 4))
    assert [_cell(page.model, r, ScheduleModel.TEXT) for r in range(page.model.rowCount())] == ["Waves"]
    page.clear_filters()
    assert page.model.rowCount() == 3
    window.filter_action.trigger()
    assert page.search_edit.hasFocus()
    qtbot.keyClicks(page.search_edit, "Crois")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert _cell(page.model, 0, ScheduleModel.TEXT) == "Croissants"
    page.search_edit.clear()
    page.client_filter.setCurrentIndex(page.client_filter.findText("Surf Shop"))
    page.status_filter.setCurrentIndex(page.status_filter.findData("published"))
    assert page.model.rowCount() == 0
    assert page.empty_label.text() == "No post matches these filters."


def _bulk_posts(services, channel_id: int, count: int) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    rows = [
        {
            "channel_id": channel_id,
            "text": f"post {i}",
            "status": "scheduled",
            "wall_time": datetime(2031, 1, 1, 0, 0).replace(
                minute=i % 60, hour=(i // 60) % 24, day=1 + i // 1440
            ),
            "tz": "UTC",
            "fold": 0,
            "utc": datetime(2031, 1, 1, tzinfo=UTC).replace(
                minute=i % 60, hour=(i // 60) % 24, day=1 + i // 1440
            ),
            "created_at": now,
            "updated_at": now,
            "link": "",
            "tags": "",
            "notes": "",
        }
        for i in range(count)
    ]
    with services.db.write() as s:
        s.execute(insert(Post.__table__), rows)


def test_model_loads_lazily_page_by_page(qtbot, qtmodeltester, services, paris_client):
    _bulk_posts(services, _channel_id(services, "x"), 120)
    model = ScheduleModel(services, page_size=50)
    model.reload()
    assert model.rowCount() == 50
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100
    model.fetchMore()
    assert model.rowCount() == 120
    assert not model.canFetchMore()
    texts = [_cell(model, r, ScheduleModel.TEXT) for r in range(120)]
    assert texts == [f"post {i}" for i in range(120)]
    qtmodeltester.check(model)


def test_schedule_model_passes_the_model_tester(qtmodeltester, services, paris_client):
    x = _channel_id(services, "x")
    services.posts.add(PostDraft(x, "Texte\nsur deux lignes", datetime(2030, 6, 1, 9, 0)))
    services.posts.add(PostDraft(x, "Annulé", datetime(2030, 6, 2, 9, 0), status="cancelled"))
    model = ScheduleModel(services, page_size=1)
    model.reload()
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    assert _cell(model, 0, ScheduleModel.TEXT) == "Texte"


def test_page_view_keeps_a_page_of_rows_while_scrolling(window, services, paris_client, qtbot):
    _bulk_posts(services, _channel_id(services, "x"), 450)
    window.changes.notify("posts")
    page = window.page("schedule")
    assert page.model.rowCount() == 200
    qtbot.waitUntil(lambda: "200 of 450 posts shown" in page.count_label.text())
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200)
    assert page.model.rowCount() <= 400


def test_new_post_without_clients_points_to_the_clients_page(window, monkeypatch):
    shown = []
    monkeypatch.setattr("nomadcm.ui.plain_text.inform", lambda *a, **k: shown.append(a[2]))
    window.new_post_action.trigger()
    assert shown and "Clients page" in shown[0]
    assert window.current_key() == "clients"


@pytest.mark.parametrize("status", ["published", "cancelled"])
def test_status_change_from_the_context_menu_is_undoable(window, services, paris_client, status):
    post = services.posts.add(PostDraft(_channel_id(services, "x"), "Hi", datetime(2030, 6, 1, 9, 0)))
    window.changes.notify("posts")
    page = window.page("schedule")
    page.table.selectRow(0)
    page.set_status(status)
    assert services.posts.get(post.id).status == status
    window.undo_action.trigger()
    assert services.posts.get(post.id).status == "scheduled"
