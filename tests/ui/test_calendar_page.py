"""The Calendar page: lens, DST days, drag to move with undo, double-click edit, click an empty slot."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.calendar import page as calendar_page
from nomadcm.ui.calendar.layout import day_spans, place
from nomadcm.ui.calendar.page import CalendarPage
from nomadcm.ui.changes import ChangeBus


@pytest.fixture
def page(qtbot, services, paris_client, task_runner):  # type: ignore[no-untyped-def]
    changes = ChangeBus()
    widget = CalendarPage(services, changes, task_runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.lens.setCurrentIndex(widget.lens.findData("Europe/Paris"))
    return widget


def channel_id(services) -> int:  # type: ignore[no-untyped-def]
    return services.clients.list_channels()[1].id  # instagram, 2200 characters


def test_dst_days_last_23_and_25_hours() -> None:
    spring = day_spans(date(2026, 3, 28), 3, lambda _t: "Europe/Paris")
    assert [d.hours for d in spring] == [24, 23, 24]
    autumn = day_spans(date(2026, 10, 25), 1, lambda _t: "Europe/Paris")
    assert autumn[0].hours == 25


def test_a_travel_day_runs_from_one_zones_midnight_to_the_others() -> None:
    # Paris on the 10th, Toronto from the 11th (the lens follows her zone at each day's noon)
    def zone_for(t: datetime) -> str:
        return "Europe/Paris" if t < datetime(2026, 3, 11, 5, tzinfo=UTC) else "America/Toronto"

    days = day_spans(date(2026, 3, 10), 2, zone_for)
    assert days[0].end == days[1].start and days[0].hours == 29  # 00:00 Paris to 00:00 Toronto


def test_week_shows_posts_in_the_lens_zone(services, page) -> None:  # type: ignore[no-untyped-def]
    post = services.posts.add(PostDraft(channel_id(services), "Bonjour", datetime(2026, 3, 31, 9)))
    page.show_date(date(2026, 3, 31), "week")
    assert [(p.occurrence.post_id, p.local) for p in page.items] == [(post.id, datetime(2026, 3, 31, 9))]
    page.lens.setCurrentIndex(0)  # my time: Toronto (home)
    assert page.items[0].local == datetime(2026, 3, 31, 3)
    assert services.settings.get("calendar_zone") == ""


def test_drag_moves_the_post_in_its_own_zone_and_undo_puts_it_back(qtbot, services, page) -> None:  # type: ignore[no-untyped-def]
    post = services.posts.add(PostDraft(channel_id(services), "Bonjour", datetime(2026, 3, 31, 9)))
    page.show_date(date(2026, 3, 31), "week")
    view = page.week_view
    rect, _placed = view.item_rects()[0]
    start = rect.center().toPoint()
    target_day = next(i for i, d in enumerate(page.days) if d.day == date(2026, 4, 2))
    x = int(52 + (target_day + 0.5) * view.column_width())
    y = int(view.y_of(14.0) + 2)  # 14:00 Paris on 2 April
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, pos=start + QPoint(10, 10))
    qtbot.mouseMove(view, pos=QPoint(x, y))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    moved = services.posts.get(post.id)
    assert (moved.wall, moved.tz) == (datetime(2026, 4, 2, 14), "Europe/Paris")
    page.undo_stack.undo()
    assert services.posts.get(post.id).wall == datetime(2026, 3, 31, 9)
    page.undo_stack.redo()
    assert services.posts.get(post.id).wall == datetime(2026, 4, 2, 14)


def test_dropping_a_toronto_post_on_a_paris_lens_keeps_the_toronto_zone(services, page) -> None:  # type: ignore[no-untyped-def]
    post = services.posts.add(
        PostDraft(channel_id(services), "Hello", datetime(2026, 3, 31, 9), tz="America/Toronto")
    )
    page.show_date(date(2026, 3, 31), "week")
    [placed] = page.items
    page.drop_item(placed, datetime(2026, 4, 1, 16, tzinfo=UTC))  # 18:00 Paris = 12:00 Toronto
    assert (services.posts.get(post.id).wall, services.posts.get(post.id).tz) == (
        datetime(2026, 4, 1, 12),
        "America/Toronto",
    )


def test_dragging_one_occurrence_moves_only_it(services, page) -> None:  # type: ignore[no-untyped-def]
    series = services.posts.add(
        PostDraft(channel_id(services), "Chaque jour", datetime(2026, 3, 30, 9), rrule="FREQ=DAILY;COUNT=3")
    )
    page.show_date(date(2026, 3, 30), "week")
    second = page.items[1]
    page.drop_item(second, datetime(2026, 3, 31, 15, tzinfo=UTC))
    walls = [p.local for p in page.items]
    assert walls == [datetime(2026, 3, 30, 9), datetime(2026, 3, 31, 17), datetime(2026, 4, 1, 9)]
    page.undo_stack.undo()
    assert [p.local for p in page.items] == [datetime(2026, 3, d, 9) for d in (30, 31)] + [
        datetime(2026, 4, 1, 9)
    ]
    assert services.posts.get(series.id).rrule == "FREQ=DAILY;COUNT=3"


def test_month_drag_keeps_the_clock_time_and_a_gap_moves_past_it(services, page) -> None:  # type: ignore[no-untyped-def]
    post = services.posts.add(PostDraft(channel_id(services), "Nuit", datetime(2026, 3, 27, 2, 30)))
    page.show_date(date(2026, 3, 15), "month")
    [placed] = page.items
    page.drop_item(placed, date(2026, 3, 29))  # 02:30 does not exist that night in Paris
    assert services.posts.get(post.id).wall == datetime(2026, 3, 29, 3, 0)


def test_double_click_opens_the_dialog_and_click_on_empty_creates(qtbot, services, page) -> None:  # type: ignore[no-untyped-def]
    services.posts.add(PostDraft(channel_id(services), "Bonjour", datetime(2026, 3, 31, 9)))
    page.show_date(date(2026, 3, 31), "week")
    view = page.week_view
    rect, _ = view.item_rects()[0]
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.post_dialog is not None and page.post_dialog.text_edit.toPlainText() == "Bonjour"
    page.post_dialog.reject()
    qtbot.waitUntil(lambda: page.post_dialog is None)
    day = next(i for i, d in enumerate(page.days) if d.day == date(2026, 4, 1))
    pos = QPoint(int(52 + (day + 0.5) * view.column_width()), int(view.y_of(11.0) + 2))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
    dialog = page.post_dialog
    assert dialog is not None and dialog.post is None
    assert (dialog.when.wall(), dialog.when.zone()) == (datetime(2026, 4, 1, 11), "Europe/Paris")
    dialog.text_edit.setPlainText("Nouveau")
    dialog.save_button.click()
    assert [p.occurrence.text for p in page.items] == ["Bonjour", "Nouveau"]


def test_editing_an_occurrence_asks_which_ones(qtbot, services, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services.posts.add(
        PostDraft(channel_id(services), "Lundi", datetime(2026, 3, 30, 9), rrule="FREQ=DAILY;COUNT=3")
    )
    page.show_date(date(2026, 3, 30), "week")
    monkeypatch.setattr(calendar_page, "ask_scope", lambda *a: "one")
    page.edit_item(page.items[1])
    dialog = page.post_dialog
    assert dialog.recurrence.rule() == "FREQ=DAILY;COUNT=3"
    dialog.text_edit.setPlainText("Mardi spécial")
    dialog.save_button.click()
    assert [p.occurrence.text for p in page.items] == ["Lundi", "Mardi spécial", "Lundi"]
    page.undo_stack.undo()
    assert [p.occurrence.text for p in page.items] == ["Lundi"] * 3


def test_month_view_renders_many_posts_with_more_marker(services, page) -> None:  # type: ignore[no-untyped-def]
    ch = channel_id(services)
    for i in range(12):
        services.posts.add(PostDraft(ch, f"n°{i}", datetime(2026, 3, 16, 8) + timedelta(minutes=30 * i)))
    page.show_date(date(2026, 3, 16), "month")
    hidden = page.month_view.hidden_counts()
    assert sum(hidden.values()) + len(page.month_view.item_rects()) == 12
    assert not page.month_view.grab().isNull()


def test_place_assigns_lanes_to_overlapping_posts(services, page) -> None:  # type: ignore[no-untyped-def]
    ch = channel_id(services)
    for text in ("a", "b"):
        services.posts.add(PostDraft(ch, text, datetime(2026, 3, 31, 9)))
    page.show_date(date(2026, 3, 31), "week")
    assert sorted((p.lane, p.lanes) for p in page.items) == [(0, 2), (1, 2)]
    assert place([], page.days) == []
    assert QPointF(0, 0) is not None


def test_a_conflicts_tooltip_line_is_in_the_users_language(qapp, services, page) -> None:  # type: ignore[no-untyped-def]
    """The Calendar's tooltip gave the check's English sentence ("02:00 in … is inside your sleep window …")
    whatever the language: it now says what the Schedule and Travel pages say, translated."""
    from PySide6.QtWidgets import QApplication

    from nomadcm.ui.calendar.view import item_tooltip
    from nomadcm.ui.i18n import Translations

    # 09:00 in Paris is 03:00 in Toronto, where she is (home): inside the default sleep window.
    post = services.posts.add(PostDraft(channel_id(services), "Bonjour", datetime(2026, 3, 31, 9)))
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    try:
        for language, expected in (("en", "While you sleep: "), ("fr", "Pendant votre sommeil\u00a0: ")):
            assert translations.apply(language) == language
            page.show_date(date(2026, 3, 31), "week")
            placed = next(p for p in page.items if p.occurrence.post_id == post.id)
            tip = item_tooltip(placed)
            assert f"⚠ {expected}" in tip, tip
            assert "is inside your sleep window" not in tip
    finally:
        translations.remove()


def test_a_repaint_draws_only_the_posts_it_uncovers(qtbot, services, page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A tooltip or a drag repaints a strip of the week: the posts elsewhere are not drawn again (a week of a
    busy schedule is hundreds of blocks, and the grid is taller than its scroll area)."""
    from PySide6.QtCore import QRect

    from nomadcm.ui.calendar.view import CalendarView

    for hour in (2, 9, 20):  # in Paris: three blocks far apart on the same day
        services.posts.add(PostDraft(channel_id(services), f"{hour} h", datetime(2026, 3, 31, hour)))
    page.show_date(date(2026, 3, 31), "week")
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    view = page.week_view
    rects = [rect for rect, _p in view.item_rects()]
    assert len(rects) == 3
    drawn: list[str] = []
    real = CalendarView._paint_item_text
    monkeypatch.setattr(
        CalendarView,
        "_paint_item_text",
        lambda self, painter, rect, p, font, left: (
            drawn.append(p.occurrence.text),
            real(self, painter, rect, p, font, left),
        ),
    )
    view.repaint()  # the whole view (and what was pending): what the scroll area shows of it
    shown = view.visibleRegion().boundingRect()
    assert shown.bottom() < 900  # the evening is scrolled out of sight
    assert sorted(drawn) == ["2 h", "9 h"]
    drawn.clear()
    middle = next(rect for rect, p in view.item_rects() if p.occurrence.text == "9 h").toAlignedRect()
    view.repaint(QRect(0, middle.top(), view.width(), middle.height()))
    assert drawn == ["9 h"]
