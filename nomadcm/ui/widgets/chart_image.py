"""A matplotlib chart drawn and rendered off the GUI thread, shown as an image.

Making a chart's artists and rasterising them with Agg took 60-220 ms for the Wellbeing page's week or month
(measured: a month's daily view, 136 ms of artists and 85 ms of rendering), on the GUI thread, at every
period, tab or size change: the window froze each time (bench/bench_pages.py). Here the page hands
`ChartRenderer.request` a function that draws on a Figure; on the window's task runner a new Figure of the
view's size is drawn and rendered into a QImage, which `ChartImage` paints. Only the latest request is shown
(an older one's image is dropped), a resize asks again once the size has settled, and until the first image
comes the view shows its background. Each render has a Figure of its own, never touched again by the worker
once delivered: `figure` (what an export saves, what tests read) is the last one shown.

matplotlib on a worker thread: each render uses its own Figure and Agg canvas (no pyplot, no shared state
but matplotlib's caches, whose font objects are per thread), and every render runs on the one worker of the
task runner, so two renders never run at once. Without a task runner (a chart made on its own, in a test or
a dialog) a request draws at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from nomadcm.ui.tasks import TaskRunner

Paint = Callable[["Figure"], None]  # draws a chart on an empty Figure (on the worker: no Qt call in it)
RESIZE_SETTLE_MS = 150  # a resize asks for a new image once the size has not changed for this long
DEFAULT_SIZE = QSize(800, 450)  # the size drawn for while the view has none yet (not laid out)


class ChartImage(QWidget):
    """Paints the last image its renderer delivered, scaled while a new size is being rendered."""

    resized = Signal()  # the size settled after a change
    first_painted = Signal()  # the view is on screen, laid out, its background painted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.painted = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self.resized.emit)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.rect(), self.image)  # 1:1 once the image of this size has come
        painter.end()
        if not self.painted:
            self.painted = True
            self.first_painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._settle.start()


class ChartRenderer:
    """Draws the requested chart for `view` on `tasks` (or at once without), latest request first."""

    def __init__(self, view: ChartImage, tasks: TaskRunner | None = None) -> None:
        self.view = view
        self.tasks = tasks
        self.figure: Figure | None = None  # the Figure of the image shown
        self.paint: Paint | None = None  # the latest request
        self._asked = 0  # requests so far: only the latest one's image is shown
        self._started = 0  # the latest request handed to the task runner
        self._shown = 0  # the request whose image is shown
        self._size = QSize()  # logical size the latest request draws at
        view.resized.connect(self._on_resized)
        view.first_painted.connect(self._on_first_paint)

    @property
    def pending(self) -> bool:
        """A request is being drawn (its image not shown yet)."""
        return self._shown != self._asked

    def request(self, paint: Paint) -> None:
        """Draws `paint` at the view's size: on the task runner, then shown; at once without one. A view not
        painted yet (a page being built) is drawn for once it has painted, at the size it then has: the
        page's own first paint is not shared with a render, nor is a chart drawn twice (a guessed size,
        then the real one)."""
        self.paint = paint
        self._asked += 1
        if self.tasks is None or self.view.painted:
            self._draw(self._asked)

    def _on_first_paint(self) -> None:
        if self.paint is not None and self._started != self._asked:
            asked = self._asked
            QTimer.singleShot(0, self.view, lambda: self._draw(asked))  # once this paint is over

    def _draw(self, asked: int) -> None:
        if asked != self._asked or self._started == asked or self.paint is None:
            return
        self._started = asked
        paint = self.paint
        size = self._size = self._target_size()
        ratio = self.view.devicePixelRatioF()
        work = _render_job(paint, size, ratio)
        if self.tasks is None:
            self._show(asked, work(None))
            return
        self.tasks.run(
            work,
            self.view,
            on_success=lambda made: self._show(asked, made),
            on_failure=lambda err: self._failed(asked, err),
        )

    def figure_now(self) -> Figure:
        """The latest request's Figure, drawn now when its image has not come yet (an export saves what was
        asked for last, not an older view)."""
        if self.figure is not None and not self.pending:
            return self.figure
        from nomadcm.exchange.wellbeing_chart import new_figure

        figure = new_figure(8, 4.5)
        if self.paint is not None:
            self.paint(figure)
        return figure

    def _target_size(self) -> QSize:
        size = self.view.size()
        return size if size.width() >= 50 and size.height() >= 50 else DEFAULT_SIZE

    def _show(self, asked: int, made: tuple[Figure, QImage]) -> None:
        if asked != self._asked:  # a later request is on its way: its image, not this one
            return
        self.figure, image = made
        self._shown = asked
        self.view.set_image(image)

    def _failed(self, asked: int, err: BaseException) -> None:
        """The render failed: nothing pending any more (the old image stays), the error said as any other."""
        from nomadcm.ui.tasks import Cancelled, report_unexpected

        if asked == self._asked:
            self._shown = asked
        if not isinstance(err, Cancelled):  # Cancelled: the window is closing
            report_unexpected(err)

    def _on_resized(self) -> None:
        if self.paint is not None and self._target_size() != self._size:
            self.request(self.paint)


def _render_job(paint: Paint, size: QSize, ratio: float) -> Callable[[Any], tuple[Figure, QImage]]:
    width, height = size.width(), size.height()

    def work(_report: Any) -> tuple[Figure, QImage]:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        from nomadcm.exchange.wellbeing_chart import new_figure

        figure = new_figure(width / 100, height / 100, dpi=100 * ratio)
        canvas = FigureCanvasAgg(figure)
        paint(figure)
        canvas.draw()
        pixels = canvas.buffer_rgba()
        rows, columns = pixels.shape[0], pixels.shape[1]
        image = QImage(bytes(pixels), columns, rows, 4 * columns, QImage.Format.Format_RGBA8888).copy()
        image.setDevicePixelRatio(ratio)
        return figure, image

    return work
