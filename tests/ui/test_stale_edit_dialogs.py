"""No lost edit in the GUI (issue 13): a dialog whose save is refused because someone else saved first offers
Reload (what is saved now in the form, what she typed listed under it) or Overwrite (hers saved over theirs)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from nomadcm.errors import StaleEditError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.clients.dialogs import ClientDialog
from nomadcm.ui.schedule import post_dialog as post_dialog_module
from nomadcm.ui.schedule.post_dialog import PostDialog
from nomadcm.ui.schedule.post_versions import post_version
from nomadcm.ui.widgets.stale_edit import StaleChoice, ask_reload_or_overwrite


def _dialog_for(services: Services, post_id: int) -> PostDialog:
    info = services.posts.get(post_id)
    version = post_version(services, post_id, info)

    def save(draft: PostDraft) -> None:
        services.posts.update_op(post_id, draft, expected_version=version.version)

    return PostDialog(services, save, post=info, version=version)


def _someone_else_saves(services: Services, post_id: int, text: str) -> None:
    theirs = services.posts.get(post_id).to_draft()
    theirs.text = text
    services.posts.update(post_id, theirs)


@pytest.fixture
def post_id(services: Services, paris_client) -> int:  # type: ignore[no-untyped-def]
    channel = services.clients.list_channels(paris_client.id)[0].id
    return services.posts.add(PostDraft(channel, "as read", datetime(2030, 3, 2, 9, 0))).id


def test_reload_shows_what_is_saved_and_keeps_what_she_typed(
    qtbot, services: Services, post_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog_for(services, post_id)
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("mine, typed for ten minutes")
    _someone_else_saves(services, post_id, "theirs")
    monkeypatch.setattr(post_dialog_module, "ask_reload_or_overwrite", lambda parent, err: StaleChoice.RELOAD)
    dialog.save_button.click()
    assert dialog.result() != PostDialog.DialogCode.Accepted  # not closed: nothing saved
    assert services.posts.get(post_id).text == "theirs"
    assert dialog.text_edit.toPlainText() == "theirs"  # what is saved now ...
    assert "mine, typed for ten minutes" in dialog.typed_label.text()  # ... and hers, still on screen
    assert dialog.version is not None and dialog.version.version == services.posts.get(post_id).version
    dialog.text_edit.setPlainText("mine, after reading theirs")
    dialog.save_button.click()  # at the reloaded version: saved
    assert services.posts.get(post_id).text == "mine, after reading theirs"


def test_overwrite_saves_hers_over_theirs(
    qtbot, services: Services, post_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog_for(services, post_id)
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("mine")
    _someone_else_saves(services, post_id, "theirs")
    monkeypatch.setattr(
        post_dialog_module, "ask_reload_or_overwrite", lambda parent, err: StaleChoice.OVERWRITE
    )
    dialog.save_button.click()
    assert services.posts.get(post_id).text == "mine"
    assert dialog.result() == PostDialog.DialogCode.Accepted


def test_the_question_names_who_and_offers_reload_and_overwrite(qtbot) -> None:  # type: ignore[no-untyped-def]
    err = StaleEditError(
        "post 1 was changed by Léa at 2026-12-03 09:41 UTC — reload / overwrite",
        who="Léa",
        when=datetime.fromisoformat("2026-12-03T09:41:00+00:00"),
        version=3,
    )
    seen: list[str] = []

    def click_overwrite() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        seen.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "&Overwrite").click()

    QTimer.singleShot(0, click_overwrite)
    assert ask_reload_or_overwrite(None, err) is StaleChoice.OVERWRITE
    assert seen[0].startswith("Changed by Léa on ") and "2026" in seen[0]
    assert {"&Reload", "&Overwrite"} <= set(seen[1:])


def test_a_client_dialog_reloads_without_losing_the_typed_notes(
    qtbot, services: Services, paris_client, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown = services.clients.get_client(paris_client.id)
    dialog = ClientDialog(services.clients, shown)
    qtbot.addWidget(dialog)
    dialog.notes_edit.setPlainText("my notes")
    services.clients.update_client(shown.id, notes="their notes")
    from nomadcm.ui.clients import dialogs as dialogs_module

    monkeypatch.setattr(dialogs_module, "ask_reload_or_overwrite", lambda parent, err: StaleChoice.RELOAD)
    dialog.save_button.click()
    assert services.clients.get_client(shown.id).notes == "their notes"
    assert dialog.notes_edit.toPlainText() == "their notes"
    assert "my notes" in dialog.error_label.text()
    assert (
        dialog.client is not None and dialog.client.version == services.clients.get_client(shown.id).version
    )
