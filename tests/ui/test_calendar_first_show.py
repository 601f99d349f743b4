"""The Calendar's first show from the sidebar (ui/page_loading.py, ui/calendar/reading.py): its week, the
posts' conflict marks and the clients' events are read on the window's task runner while the page she was
on stays on screen; the GUI thread only builds and paints the page. Data changed meanwhile are read again;
a busy task runner is not waited for; a long read shows "Loading Calendar…"."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication

from nomadcm import timezones
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui import page_loading
from nomadcm.ui.calendar import page as calendar_page
from nomadcm.ui.calendar import reading
from nomadcm.ui.pages import PAGES
from tests.gui_thread_spy import on_gui_thread

CALENDAR_ROW = next(i for i, spec in enumerate(PAGES) if spec.key == "calendar")


def _post_tomorrow(services, paris_client, hour: int, text: str) -> int:  # type: ignore[no-untyped-def]
    """A post tomorrow at `hour` in Paris (9:00 is 3:00 in Toronto, where she lives: while she sleeps)."""
    channel = services.clients.list_channels(paris_client.id)[0]
    day = timezones.wall_at(timezones.now_utc(), "Europe/Paris").date() + timedelta(days=1)
    return services.posts.add(
        PostDraft(channel.id, text, datetime.combine(day, datetime.min.time()).replace(hour=hour))
    ).id


def _shown(page) -> set[int]:  # type: ignore[no-untyped-def]
    return {p.occurrence.post_id for p in page.items}


def test_the_first_click_reads_the_week_off_the_gui_thread(
    window, services, paris_client, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    post = _post_tomorrow(services, paris_client, 9, "Croissants")
    worker_reads = on_gui_thread(monkeypatch, reading, "read_calendar")
    page_reads = on_gui_thread(monkeypatch, calendar_page, "read_calendar")
    schedule = window.stack.currentWidget()
    window.sidebar.setCurrentRow(CALENDAR_ROW)  # her click
    assert window.stack.currentWidget() is schedule  # the page she was on stays until the week is read
    qtbot.waitUntil(lambda: "calendar" in window._pages, timeout=10_000)
    page = window._pages["calendar"]
    assert window.stack.currentWidget() is page and window.undo_group.activeStack() is page.undo_stack
    assert worker_reads == [False] and page_reads == []  # read once, on the task runner
    anchor = reading.first_request(services).anchor
    tomorrow = timezones.wall_at(timezones.now_utc(), "Europe/Paris").date() + timedelta(days=1)
    in_week = page.days[0].day <= tomorrow <= page.days[-1].day
    assert (post in _shown(page)) == in_week and page.anchor == anchor
    if in_week:
        placed = next(p for p in page.items if p.occurrence.post_id == post)
        assert "sleep" in placed.conflict_kinds  # the conflict marks came with the read
    preloaded = [(p.occurrence.post_id, p.occurrence.utc, p.conflict_kinds) for p in page.items]
    page.reload()  # the same view read on the GUI thread gives the same posts and marks
    assert page_reads == [True]
    assert [(p.occurrence.post_id, p.occurrence.utc, p.conflict_kinds) for p in page.items] == preloaded
    assert window.frame_of("calendar") is None and window._preloaded == {}


def test_a_change_while_the_week_is_read_is_not_lost(
    window, services, paris_client, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    release, reading_started = threading.Event(), threading.Event()
    real = reading.read_calendar

    def slow_read(*args, **kwargs):  # type: ignore[no-untyped-def]
        reading_started.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "read_calendar", slow_read)
    page_reads = on_gui_thread(monkeypatch, calendar_page, "read_calendar")
    window.sidebar.setCurrentRow(CALENDAR_ROW)
    qtbot.waitUntil(reading_started.is_set, timeout=5000)
    # Saved meanwhile (the Schedule page, another window): announced on the bus.
    for hour in (10, 11):
        _post_tomorrow(services, paris_client, hour, f"Pain {hour}")
    window.changes.notify("posts")
    release.set()
    qtbot.waitUntil(lambda: "calendar" in window._pages, timeout=10_000)
    page = window._pages["calendar"]
    assert page_reads == [True]  # what was read before the change was dropped: the page read it again
    expected = {
        o.post_id for o in services.schedule().stream() if page.days[0].start <= o.utc < page.days[-1].end
    }
    assert expected <= _shown(page)  # the two posts saved meanwhile, when tomorrow is in this week


def test_a_click_does_not_wait_behind_a_long_job(window, services, paris_client, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    window.tasks.run(lambda _report: release.wait(10), window)  # an import running on the task runner
    try:
        worker_reads = on_gui_thread(monkeypatch, reading, "read_calendar")
        window.sidebar.setCurrentRow(CALENDAR_ROW)
        qtbot.waitUntil(lambda: "calendar" in window._pages, timeout=5000)
        assert window.tasks.busy() and worker_reads == [False]  # read beside it, the import still running
        assert window.stack.currentWidget() is window._pages["calendar"]
    finally:
        release.set()


def test_a_long_read_shows_loading_then_the_page(window, services, paris_client, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    real = reading.read_calendar

    def slow_read(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "read_calendar", slow_read)
    window.sidebar.setCurrentRow(CALENDAR_ROW)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), page_loading.LoadingFrame), timeout=5000)
    frame = window.stack.currentWidget()
    assert frame.label.text() == "Loading Calendar…" and "Calendar" in window.windowTitle()
    window.sidebar.setCurrentRow(CALENDAR_ROW - 1)  # she goes elsewhere, then comes back while it loads
    window.sidebar.setCurrentRow(CALENDAR_ROW)
    release.set()
    qtbot.waitUntil(lambda: "calendar" in window._pages, timeout=10_000)
    QApplication.processEvents()
    assert window.stack.currentWidget() is window._pages["calendar"]
    assert window.frame_of("calendar") is None and "calendar" not in window._loading
