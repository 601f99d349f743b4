""" "Where can I work when this post goes out?" from the Schedule's context menu and from the post dialog: the
places near her then, open on their own clock, with their median speed; an empty answer says why."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMenu

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.ui.changes import POSTS
from nomadcm.ui.workplaces.work_spots_dialog import WorkSpotsDialog, WorkSpotsModel

PARIS, TANA = "Europe/Paris", "Indian/Antananarivo"


@pytest.fixture
def trip(services, paris_client):  # type: ignore[no-untyped-def]
    """Paris 1–10 March 2027 (her flight to Antananarivo on the 10th at 12:00); two places in Paris."""
    services.trips.add_stay(
        StayInput("Paris", PARIS, date(2027, 3, 1), date(2027, 3, 10), "FR", 48.8566, 2.3522)
    )
    services.trips.add_transit(
        TransitInput(
            "flight",
            "Paris",
            PARIS,
            "Antananarivo",
            TANA,
            datetime(2027, 3, 10, 12),
            datetime(2027, 3, 11, 0, 30),
        )
    )
    wp = services.workplaces
    lumiere = wp.add_place(
        "Café Lumière",
        city="Paris",
        country="FR",
        tz=PARIS,
        lat=48.857,
        lon=2.353,
        opening_hours="Mo-Fr 09:00-18:00",
    )
    nuit = wp.add_place(
        "Coworking Nuit",
        city="Paris",
        country="FR",
        tz=PARIS,
        lat=48.9,
        lon=2.4,
        opening_hours="Mo-Su 08:00-23:00",
    )
    past = datetime(2026, 11, 2, 10, tzinfo=UTC)
    wp.add_speed_test(lumiere.id, 50, 10, at=past)
    wp.add_speed_test(nuit.id, 200, 40, at=past)
    return services.clients.list_channels(paris_client.id)[0]


def names(dialog: WorkSpotsDialog) -> list[str]:
    m = dialog.model
    return [m.index(r, WorkSpotsModel.NAME).data() for r in range(m.rowCount())]


def test_from_the_schedules_context_menu(window, services, trip, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    post = services.posts.add(PostDraft(trip.id, "Mardi", datetime(2027, 3, 2, 14), PARIS))
    page = window.show_page("schedule")
    window.changes.notify({POSTS})  # written behind the window's back
    qtbot.waitUntil(lambda: page.select_post(post.id), timeout=5000)
    menus: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, *_a: menus.append(self))
    page._context_menu(page.table.visualRect(page.table.currentIndex()).center())
    assert page.work_spots_action in menus[0].actions()
    page.work_spots_action.trigger()
    dialog = page.work_spots_dialog
    qtbot.waitUntil(lambda: dialog.answer is not None, timeout=10_000)
    assert names(dialog) == ["Coworking Nuit", "Café Lumière"]  # fastest first
    m = dialog.model
    assert [m.index(r, WorkSpotsModel.DOWN).data() for r in range(2)] == ["200.0", "50.0"]
    assert m.index(1, WorkSpotsModel.UNTIL).data() == "18:00"  # on the café's clock
    assert "Tue 2 Mar 2027 14:00 your time (Europe/Paris), in Paris" in dialog.heading.text()
    dialog.order_combo.setCurrentIndex(dialog.order_combo.findData("nearest"))
    qtbot.waitUntil(lambda: names(dialog) == ["Café Lumière", "Coworking Nuit"], timeout=10_000)
    assert m.index(0, WorkSpotsModel.DISTANCE).data() == "0.1 km"


def test_from_the_post_dialog_and_the_empty_states(window, services, trip, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("schedule")
    page.new_item()
    post_dialog = page.post_dialog
    post_dialog.when.set_value(datetime(2027, 3, 2, 20, 0), PARIS)  # Tuesday 20:00: only the coworking
    post_dialog.work_spots_button.click()
    dialog = post_dialog.work_spots_dialog
    qtbot.waitUntil(lambda: dialog.answer is not None, timeout=10_000)
    assert names(dialog) == ["Coworking Nuit"] and dialog.table.isVisible()
    dialog.close()

    post_dialog.when.set_value(datetime(2027, 3, 7, 23, 30), PARIS)  # a Sunday night: nothing open
    post_dialog.work_spots_button.click()
    closed = post_dialog.work_spots_dialog
    qtbot.waitUntil(lambda: closed.answer is not None, timeout=10_000)
    assert closed.model.rowCount() == 0 and closed.empty.isVisible() and not closed.table.isVisible()
    assert closed.empty.text() == "None of the 2 workplaces near Paris is open at Sun 7 Mar 2027 23:30."
    closed.close()

    flying = datetime(2027, 3, 10, 15, tzinfo=ZoneInfo(PARIS))
    post_dialog.when.set_value(flying.replace(tzinfo=None), PARIS)
    post_dialog.work_spots_button.click()
    transit = post_dialog.work_spots_dialog
    qtbot.waitUntil(lambda: transit.answer is not None, timeout=10_000)
    assert transit.empty.text() == "You are in transit then (Paris): no workplace to offer."
    transit.close()

    post_dialog.when.set_value(datetime(2027, 6, 1, 12), PARIS)  # back home in Toronto, no home city set
    post_dialog.work_spots_button.click()
    home = post_dialog.work_spots_dialog
    qtbot.waitUntil(lambda: home.answer is not None, timeout=10_000)
    assert "no home city is set" in home.empty.text()
