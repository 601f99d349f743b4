"""The Conflicts tab checks every future post by default (not the next 3 months), says which posts it
checked and up to when, offers the next 7 days / month / dates of her choice, and keeps its range row on top."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.travel.conflicts_panel import RANGE_CUSTOM, RANGE_WEEK, ConflictsPanel

TORONTO = "America/Toronto"


@pytest.fixture
def panel(qtbot, services, paris_client, task_runner):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    from nomadcm.ui.changes import ChangeBus

    widget = ConflictsPanel(services, ChangeBus(), task_runner, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    return widget


def night_posts(services, paris_client, days: list[int]) -> list:  # type: ignore[no-untyped-def]
    """Posts at 03:00 on her clock (home: Toronto, no trip), `days` from today: each one conflicts (sleep)."""
    channel = services.clients.list_channels(paris_client.id)[0]
    today = datetime.now(ZoneInfo(TORONTO)).date()
    return [
        services.posts.add(PostDraft(channel.id, f"J+{d}", datetime.combine(today + timedelta(days=d), datetime.min.time()).replace(hour=3), TORONTO))
        for d in days
    ]  # fmt: skip


def test_every_future_post_by_default_and_the_range_it_checked(qtbot, panel, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    posts = night_posts(services, paris_client, [2, 20, 700])  # the last one is two years ahead
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.reload()
    assert panel.range_kind() == "all" and not panel.date_from.isVisible()
    assert [panel.model.row_at(r).post_id for r in range(panel.model.rowCount())] == [p.id for p in posts]
    far = (datetime.now(ZoneInfo(TORONTO)).date() + timedelta(days=700)).strftime("%d/%m/%Y")
    assert panel.checked_label.text() == f"Checked 3 posts from today to {far}."
    assert panel.status.text() == "3 posts with conflicts"

    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.set_range_kind(RANGE_WEEK)
    assert [panel.model.row_at(r).post_id for r in range(panel.model.rowCount())] == [posts[0].id]
    week_end = (datetime.now(ZoneInfo(TORONTO)).date() + timedelta(days=7)).strftime("%d/%m/%Y")
    assert panel.checked_label.text() == f"Checked 1 post from today to {week_end}."

    first = datetime.now(ZoneInfo(TORONTO)).date() + timedelta(days=10)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.set_range(first, first + timedelta(days=30))
    assert panel.range_kind() == RANGE_CUSTOM and panel.date_from.isVisible()
    assert [panel.model.row_at(r).post_id for r in range(panel.model.rowCount())] == [posts[1].id]
    assert panel.checked_label.text().startswith(f"Checked 1 post from {first:%d/%m/%Y} to ")


def test_nothing_scheduled_says_so_and_the_range_row_is_on_top(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.reload()
    assert panel.checked_label.text() == "No scheduled post from today on."
    assert panel.empty.isVisible() and panel.empty.text() == "No scheduled post to check in this range."
    top = panel.range_box.mapTo(panel, QPoint(0, 0)).y()
    below = panel.empty.mapTo(panel, QPoint(0, 0)).y()
    assert top < 30 and top < panel.checked_label.mapTo(panel, QPoint(0, 0)).y() < below
