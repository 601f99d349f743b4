"""Charts drawn and rendered on the task runner, shown as an image (ui/widgets/chart_image.py): the GUI thread
never makes a chart's artists nor rasterises them (60-220 ms a view, measured), only the latest request is
shown, a resize draws again at the new size, and an export saves what was asked for last."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from nomadcm.ui.widgets.chart_image import ChartImage, ChartRenderer

WAIT_MS = 10_000
BLUE = "#102030"


def titled(title: str, calls: list[bool] | None = None) -> Callable[..., None]:
    """A chart with `title` on a dark blue figure; records whether it was drawn on the GUI thread."""

    def paint(figure) -> None:  # type: ignore[no-untyped-def]
        if calls is not None:
            calls.append(threading.current_thread() is threading.main_thread())
        figure.set_facecolor(BLUE)
        ax = figure.add_subplot()
        ax.set_title(title)
        ax.plot([0, 1], [0, 1], color="black", linewidth=8)

    return paint


@pytest.fixture
def chart(qtbot, task_runner):  # type: ignore[no-untyped-def]
    view = ChartImage()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, ChartRenderer(view, task_runner)


def test_the_chart_is_drawn_and_rendered_on_the_task_runner(qtbot, chart) -> None:  # type: ignore[no-untyped-def]
    view, renderer = chart
    calls: list[bool] = []
    renderer.request(titled("Semaine", calls))
    assert renderer.pending and view.image is None  # the GUI thread goes on at once
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)
    assert calls == [False]  # drawn on the worker, not on the GUI thread
    ratio = view.devicePixelRatioF()
    image = view.image
    assert (image.width(), image.height()) == (round(400 * ratio), round(300 * ratio))
    assert renderer.figure.axes[0].get_title() == "Semaine"
    # the figure was rasterised (its background, not the widget's) and is what the widget shows
    assert image.pixelColor(2, 2).name() == BLUE
    shown = view.grab().toImage()
    assert shown.pixelColor(2, 2).name() == BLUE


def test_only_the_latest_request_is_shown(qtbot, chart, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view, renderer = chart
    shown: list[str] = []
    original = view.set_image
    monkeypatch.setattr(
        view, "set_image", lambda image: (shown.append(renderer.paint.__name__), original(image))
    )
    renderer.request(titled("Jour"))
    renderer.request(titled("Mois"))
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)
    qtbot.wait(200)  # the first request's image, drawn too, came first and was dropped
    assert len(shown) == 1
    assert renderer.figure.axes[0].get_title() == "Mois"


def test_a_resize_draws_again_at_the_new_size(qtbot, chart) -> None:  # type: ignore[no-untyped-def]
    view, renderer = chart
    calls: list[bool] = []
    renderer.request(titled("Repos", calls))
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)
    view.resize(640, 240)
    ratio = view.devicePixelRatioF()
    qtbot.waitUntil(lambda: view.image.width() == round(640 * ratio), timeout=WAIT_MS)
    assert view.image.height() == round(240 * ratio)
    assert calls == [False, False]  # once more, on the worker too
    view.resize(640, 240)  # the same size: nothing drawn again
    qtbot.wait(400)
    assert calls == [False, False]


def test_an_export_saves_the_latest_request_even_before_its_image(qtbot, chart, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.exchange.wellbeing_chart import save_figure

    _view, renderer = chart
    renderer.request(titled("Avant"))
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)
    renderer.request(titled("Après"))
    target = tmp_path / "chart.svg"
    save_figure(renderer.figure_now(), target)  # asked for before the worker is done
    assert "Après" in target.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)


def test_without_a_task_runner_a_request_draws_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ChartImage()
    qtbot.addWidget(view)
    renderer = ChartRenderer(view)
    calls: list[bool] = []
    renderer.request(titled("Tout de suite", calls))
    assert calls == [True] and not renderer.pending and view.image is not None


def test_a_chart_that_fails_to_draw_is_reported_and_nothing_stays_pending(qtbot, chart, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view, renderer = chart
    renderer.request(titled("Bon"))
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)
    before = view.image
    reported: list[BaseException] = []
    monkeypatch.setattr("nomadcm.ui.tasks.report_unexpected", reported.append)

    def broken(_figure) -> None:  # type: ignore[no-untyped-def]
        raise ValueError("no such colour: 'mauve-ish'")

    renderer.request(broken)
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)
    assert [str(e) for e in reported] == ["no such colour: 'mauve-ish'"]
    assert view.image is before  # the last good chart stays on screen
    assert QColor(view.image.pixelColor(0, 0)).isValid()


def test_a_chart_asked_for_before_its_view_painted_is_drawn_once_at_its_laid_out_size(
    qtbot, task_runner
) -> None:  # type: ignore[no-untyped-def]
    """A page sets its chart while it is being built: the render waits for the view's first paint (it would
    share the GUI thread's time with the page's own first paint, at a guessed size, then draw again)."""
    view = ChartImage()
    qtbot.addWidget(view)
    renderer = ChartRenderer(view, task_runner)
    calls: list[bool] = []
    renderer.request(titled("Semaine", calls))
    qtbot.wait(300)
    assert calls == [] and renderer.pending
    view.resize(500, 200)
    view.show()
    qtbot.waitUntil(lambda: not renderer.pending, timeout=WAIT_MS)
    qtbot.wait(300)  # the resize's settling: nothing more to draw
    assert calls == [False]
    assert view.image.width() == round(500 * view.devicePixelRatioF())
