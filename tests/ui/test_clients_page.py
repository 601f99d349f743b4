"""The Clients page: clients and channels created, edited and deleted through the dialogs."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.clients.dialogs import ChannelDialog, ClientDialog
from nomadcm.ui.clients.table_models import ChannelsModel, ClientsModel


def _clients_page(window):  # type: ignore[no-untyped-def]
    return window.show_page("clients")


def test_create_a_client_then_its_channels(window, services, qtbot, monkeypatch):
    page = _clients_page(window)
    assert page.empty_label.isVisible()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ClientDialog) and dialog.isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Hotel Mahajanga")
    dialog.zone_picker.lineEdit().clear()
    qtbot.keyClicks(dialog.zone_picker.lineEdit(), "Indian/Antananarivo")
    assert dialog.zone_picker.zone() == "Indian/Antananarivo"
    assert dialog.country_combo.currentData() == "MG"  # suggested from the zone
    dialog.prime_start.setTime(QTime(7, 30))
    monkeypatch.setattr("nomadcm.ui.clients.dialogs.QColorDialog.getColor", lambda *a, **k: QColor("#16a085"))
    dialog.colour_button.click()
    dialog.notes_edit.setPlainText("Tutoiement OK")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    (client,) = services.clients.list_clients()
    assert (client.name, client.audience_tz, client.country, client.colour) == (
        "Hotel Mahajanga",
        "Indian/Antananarivo",
        "MG",
        "#16a085",
    )
    assert (client.prime_start_min, client.prime_end_min, client.notes) == (450, 21 * 60, "Tutoiement OK")
    model = page.clients_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, ClientsModel.NAME)) == "Hotel Mahajanga"
    assert page.current_client().id == client.id
    assert page.details_title.text().endswith("</span> Hotel Mahajanga")
    assert "Indian/Antananarivo" in page.details_text.text()
    assert not page.empty_label.isVisible()

    qtbot.mouseClick(page.add_channel_button, Qt.MouseButton.LeftButton)
    channel_dialog = page.dialog
    assert isinstance(channel_dialog, ChannelDialog)
    channel_dialog.network_combo.setCurrentIndex(channel_dialog.network_combo.findData("linkedin"))
    assert channel_dialog.limit_spin.value() == 3000  # the network's default limit
    qtbot.keyClicks(channel_dialog.handle_edit, "hotel-mahajanga")
    qtbot.mouseClick(channel_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.add_channel_button, Qt.MouseButton.LeftButton)
    blog = page.dialog
    blog.network_combo.setCurrentIndex(blog.network_combo.findData("blog"))
    assert blog.limit_spin.text() == "no limit"
    qtbot.mouseClick(blog.save_button, Qt.MouseButton.LeftButton)

    channels = services.clients.list_channels(client.id)
    assert sorted((c.network, c.handle, c.text_limit) for c in channels) == [
        ("blog", "", None),
        ("linkedin", "hotel-mahajanga", 3000),
    ]
    assert page.channels_model.rowCount() == 2
    assert model.data(model.index(0, ClientsModel.CHANNELS)) == "2"


def test_edit_a_client_and_a_channel(window, services, paris_client, qtbot):
    page = _clients_page(window)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.name_edit.text() == "Boulangerie Dupont"
    assert dialog.zone_picker.zone() == "Europe/Paris"
    dialog.name_edit.setText("Boulangerie Dupont & Fils")
    dialog.zone_picker.setZone("Europe/Brussels")
    assert dialog.country_combo.currentData() == "FR"  # her own choice is kept
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    client = services.clients.get_client(paris_client.id)
    assert (client.name, client.audience_tz) == ("Boulangerie Dupont & Fils", "Europe/Brussels")

    page.channels_table.selectRow(page.channels_model.rowCount() - 1)
    channel = page.channels_model.channel_at(page.channels_model.rowCount() - 1)
    qtbot.mouseClick(page.edit_channel_button, Qt.MouseButton.LeftButton)
    edit = page.dialog
    assert not edit.network_combo.isEnabled()
    edit.handle_edit.setText("@dupont_officiel")
    edit.limit_spin.setValue(250)
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    changed = services.clients.get_channel(channel.id)
    assert (changed.handle, changed.text_limit) == ("@dupont_officiel", 250)


def test_duplicate_name_stays_in_the_dialog_with_the_reason(window, services, paris_client, qtbot):
    page = _clients_page(window)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.name_edit, "boulangerie dupont")
    dialog.zone_picker.setZone("Europe/Paris")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "already exists" in dialog.error_label.text()
    assert len(services.clients.list_clients()) == 1


def test_deleting_a_client_with_posts_asks_first(window, services, paris_client, qtbot, monkeypatch):
    channel = services.clients.list_channels(paris_client.id)[0]
    for day in (1, 2, 3):
        services.posts.add(PostDraft(channel.id, f"Post {day}", datetime(2030, 6, day, 9, 0)))
    schedule = window.page("schedule")
    window.changes.notify("posts")
    assert schedule.model.rowCount() == 3
    page = _clients_page(window)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(
        "nomadcm.ui.plain_text.ask",
        lambda _p, _t, text, *a, **k: asked.append(text) or answer,
    )
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "3 planned post" in asked[0] and "Boulangerie Dupont" in asked[0]
    assert len(services.clients.list_clients()) == 1  # cancelled: nothing deleted

    answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert services.clients.list_clients() == []
    assert services.schedule().count() == 0
    assert page.clients_model.rowCount() == 0
    assert schedule.model.rowCount() == 0  # the schedule heard about it
    assert schedule.client_filter.count() == 1  # only "All clients" is left


def test_deleting_a_channel_with_posts_asks_first(window, services, paris_client, qtbot, monkeypatch):
    page = _clients_page(window)
    row = next(
        r for r in range(page.channels_model.rowCount()) if page.channels_model.channel_at(r).network == "x"
    )
    channel = page.channels_model.channel_at(row)
    services.posts.add(PostDraft(channel.id, "Post", datetime(2030, 6, 1, 9, 0)))
    window.changes.notify("posts")
    page.channels_table.selectRow(row)
    asked: list[str] = []
    monkeypatch.setattr(
        "nomadcm.ui.plain_text.ask",
        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    qtbot.mouseClick(page.delete_channel_button, Qt.MouseButton.LeftButton)
    assert asked and "1 post" in asked[0]
    assert [c.network for c in services.clients.list_channels(paris_client.id)] == ["instagram"]
    assert services.schedule().count() == 0


def test_client_and_channel_models_pass_the_model_tester(qtmodeltester, services, paris_client):
    services.clients.add_client("Surf Shop", "Australia/Sydney", notes="Surf, sun")
    clients = ClientsModel(services.clients)
    clients.reload()
    assert clients.rowCount() == 2
    qtmodeltester.check(clients)
    channels = ChannelsModel(services.clients)
    channels.set_client(paris_client.id)
    assert channels.rowCount() == 2
    qtmodeltester.check(channels)
    channels.set_client(None)
    assert channels.rowCount() == 0


def test_the_selected_clients_panels_are_read_once_per_reload(services, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """The page's reload selected the client (which shows it) and then showed it again: the events panel read
    the launch gaps twice (30 ms each over 10,000 posts, at the page's first click)."""
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.clients.page import ClientsPage

    for name in ("Érable Café", "Baobab Tours"):
        services.clients.add_client(name, "America/Toronto")
    gaps = services.launch_check.gaps
    asked: list[int | None] = []
    monkeypatch.setattr(
        services.launch_check, "gaps", lambda **kw: (asked.append(kw.get("client_id")), gaps(**kw))[1]
    )
    page = ClientsPage(services, ChangeBus())
    qtbot.addWidget(page)
    first = page.current_client()
    assert first is not None and asked == [first.id]
    page.reload()  # a data change: the same client, shown once more
    assert asked == [first.id, first.id]
    page.select_client(page.clients_model.client_at(1).id)
    assert asked[-1] == page.clients_model.client_at(1).id and len(asked) == 3
