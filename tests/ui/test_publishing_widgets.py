"""Publishing widgets: the recurrence editor in the post dialog, reminders with a fake clock, the import
preview, the queue dialog; each table model checked by qtmodeltester."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.publishing import recurrence_editor as re_mod
from nomadcm.ui.publishing.import_preview import ImportPreviewDialog, PreviewModel
from nomadcm.ui.publishing.queue_view import QueueDialog, _slots_text
from nomadcm.ui.publishing.reminders import ReminderPopup, ReminderScheduler
from nomadcm.ui.schedule.post_dialog import PostDialog


def channel_id(services) -> int:  # type: ignore[no-untyped-def]
    return services.clients.list_channels()[1].id


# ---------------------------------------------------------------------- recurrence editor


def test_post_dialog_saves_a_common_pattern_with_an_end(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    saved: list[PostDraft] = []
    dialog = PostDialog(services, saved.append)
    qtbot.addWidget(dialog)
    dialog.when.set_value(datetime(2026, 3, 23, 9), "Europe/Paris")  # a Monday
    editor = dialog.recurrence
    editor.pattern.setCurrentIndex(re_mod.WEEKLY)
    assert "Monday" in editor.pattern.currentText()
    editor.end.setCurrentIndex(editor.end.findData(re_mod.END_COUNT))
    editor.count.setValue(7)
    assert editor.rule() == "FREQ=WEEKLY;BYDAY=MO;COUNT=7"
    preview = editor.preview.text()
    assert preview.count("•") == 5 and "→" in preview  # audience time → your time (Toronto)
    dialog.text_edit.setPlainText("Lundi")
    dialog.save_button.click()
    assert saved[0].rrule == "FREQ=WEEKLY;BYDAY=MO;COUNT=7"


def test_recurrence_editor_flags_dst_and_bad_custom_rules(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    dialog = PostDialog(services, lambda d: None)
    qtbot.addWidget(dialog)
    dialog.when.set_value(datetime(2026, 3, 27, 2, 30), "Europe/Paris")
    dialog.text_edit.setPlainText("nuit")
    editor = dialog.recurrence
    editor.pattern.setCurrentIndex(re_mod.DAILY)
    assert "does not exist" in editor.preview.text() and "03:30" in editor.preview.text()
    editor.pattern.setCurrentIndex(re_mod.CUSTOM)
    editor.custom.setText("FREQ=HOURLY")
    assert "needs an end" in editor.problem()  # the limit of rules repeating within a day, named
    assert not dialog.save_button.isEnabled()
    editor.custom.setText("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3")
    assert editor.problem() == "" and dialog.save_button.isEnabled()


def test_recurrence_editor_shows_a_stored_rule(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    post = services.posts.add(
        PostDraft(
            channel_id(services),
            "x",
            datetime(2026, 3, 2, 9),
            rrule="FREQ=MONTHLY;BYMONTHDAY=2;UNTIL=20260630",
        )
    )
    dialog = PostDialog(services, lambda d: None, post=post)
    qtbot.addWidget(dialog)
    editor = dialog.recurrence
    assert editor.pattern.currentIndex() == re_mod.MONTHLY
    assert editor.end.currentData() == re_mod.END_UNTIL
    assert editor.rule() == post.rrule


# ---------------------------------------------------------------------- reminders


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_scheduler_with_a_fake_clock(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    post = services.posts.add(
        PostDraft(channel_id(services), "À publier", datetime(2026, 3, 16, 9))
    )  # 08:00Z
    services.posts.add(PostDraft(channel_id(services), "Oublié", datetime(2026, 3, 15, 9)))
    clock = FakeClock(datetime(2026, 3, 16, 7, 0, tzinfo=UTC))
    changes = ChangeBus()
    scheduler = ReminderScheduler(services, changes, clock=clock)
    popup = ReminderPopup(scheduler)
    qtbot.addWidget(popup)
    with qtbot.waitSignal(scheduler.missedFound) as missed:
        scheduler.start()
    assert [r.occurrence.text for r in missed.args[0]] == ["Oublié"]
    assert popup.isVisible() and popup.list.count() == 1 and popup.list.item(0).text().startswith("Missed")
    popup.dismiss()
    assert not popup.isVisible()
    # the timer is armed for 07:50Z, when the reminder becomes due (10 minutes before)
    assert 0 < scheduler.next_check_ms() <= 61_000  # (coarse timers round a little)
    clock.now = datetime(2026, 3, 16, 7, 50, tzinfo=UTC)
    with qtbot.waitSignal(scheduler.remindersDue) as due:
        scheduler.check()
    assert [r.occurrence.post_id for r in due.args[0]] == [post.id]
    assert popup.text.toPlainText() == "À publier"
    popup.copy_text()
    assert QApplication.clipboard().text() == "À publier"
    assert scheduler.check() == []  # shown once
    popup.snooze()
    clock.now += timedelta(minutes=10)
    assert [r.snoozed for r in scheduler.check()] == [True]
    popup.mark_published()
    assert services.posts.get(post.id).status == "published"
    clock.now += timedelta(hours=1)
    assert scheduler.check() == [] and services.reminders.missed(clock.now) == []


# ---------------------------------------------------------------------- import preview


def test_import_preview_lists_bad_rows_and_imports_only_when_all_good(
    qtbot, services, paris_client, tmp_path, task_runner
) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "hoot.csv"
    f.write_text("16/03/2026 09:00,Bonjour,\n29/03/2026 02:30,Trou,\n", encoding="utf-8")
    dialog = ImportPreviewDialog(services, ChangeBus(), task_runner)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("hootsuite"))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(channel_id(services)))
    assert dialog.zone_picker.zone() == "Europe/Paris"
    dialog.path_edit.setText(str(f))
    dialog.run_preview()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert dialog.model.rowCount() == 2 and not dialog.import_button.isEnabled()
    assert "does not exist" in dialog.model.index(1, PreviewModel.PROBLEM).data()
    assert services.schedule().count() == 0
    f.write_text("16/03/2026 09:00,Bonjour,\n29/03/2026 03:30,Après le trou,\n", encoding="utf-8")
    dialog.run_preview()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: services.schedule().count() == 2, timeout=5000)


def test_preview_model(qtmodeltester, services, paris_client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.exchange.bulk_import import preview_import

    f = tmp_path / "p.csv"
    f.write_text("Date,Text\n2026-03-16 09:00,ok\nsoon,bad\n", encoding="utf-8")
    model = PreviewModel()
    model.set_rows(preview_import(services.db, f, "publer", channel_id=channel_id(services)).rows)
    qtmodeltester.check(model)


# ---------------------------------------------------------------------- queue


def test_queue_dialog_sets_slots_and_lists_them(qtbot, qtmodeltester, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    dialog = QueueDialog(services, ChangeBus())
    qtbot.addWidget(dialog)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(channel_id(services)))
    dialog.slots_edit.setText("Mo-Fr 09:00,18:00")
    dialog.save_slots()
    assert dialog.slots_edit.text() == "Mo-Fr 09:00,18:00"
    assert 18 <= dialog.model.rowCount() <= 22
    qtmodeltester.check(dialog.model)
    dialog.slots_edit.setText("Xx 09:00")
    dialog.save_slots()
    assert "Xx" in dialog.message.text() or "xx" in dialog.message.text()
    dialog.new_in_queue()
    post_dialog = dialog.post_dialog
    first_free = services.slots.next_free(channel_id(services))
    assert (post_dialog.when.wall(), post_dialog.current_channel().id) == (
        first_free.wall,
        channel_id(services),
    )


@pytest.mark.parametrize(
    ("slots", "text"),
    [
        ([(1, 540), (2, 540), (3, 540), (6, 600)], "Mo-We 09:00; Sa 10:00"),
        ([(1, 540), (3, 540)], "Mo,We 09:00"),
    ],
)
def test_slots_text(slots, text) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.services.publishing.slots import Slot

    assert _slots_text([Slot(i, 1, d, m) for i, (d, m) in enumerate(slots)]) == text
