"""A bulk-scheduler import from the GUI (Calendar > Import…, a Hootsuite file) is undone and redone as one
step with Edit > Undo / Redo — the native CSV, places and wellbeing imports are checked in test_operations.py."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.publishing.import_preview import ImportPreviewDialog


def test_a_hootsuite_import_is_undone_and_redone_as_one_step(
    window, services, paris_client, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    channel = services.clients.list_channels(paris_client.id)[0]
    services.posts.add(PostDraft(channel.id, "Déjà là", datetime(2027, 5, 1, 9)))  # undo must keep it
    f = tmp_path / "hootsuite.csv"
    f.write_text("03/05/2027 09:00,Bonjour,\n04/05/2027 10:30,Encore,\n05/05/2027 11:00,Et trois,\n", "utf-8")
    page = window.show_page("calendar")
    page.import_button.click()
    dialog = page.import_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("hootsuite"))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(channel.id))
    dialog.path_edit.setText(str(f))
    dialog.run_preview()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: services.schedule().count() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=5_000)

    assert window.undo_group.activeStack() is page.undo_stack and page.undo_stack.count() == 1
    window.undo_action.trigger()  # Edit > Undo (Ctrl+Z)
    assert [o.text for o in services.schedule().rows()] == ["Déjà là"]
    assert not window.undo_action.isEnabled() and window.redo_action.isEnabled()
    window.redo_action.trigger()
    texts = sorted(o.text for o in services.schedule().rows())
    assert texts == ["Bonjour", "Déjà là", "Encore", "Et trois"]
