"""The Hours & pay chart: exchange.hours_chart's figure in the page's palette and the user's language, drawn
and rendered on the window's task runner and shown as an image (ui/widgets/chart_image.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nomadcm.exchange.hours_chart import HoursChartText, draw_hours
from nomadcm.exchange.wellbeing_chart import ChartStyle, save_figure
from nomadcm.services.billing.hours import MonthHours
from nomadcm.ui.formatting import qdate
from nomadcm.ui.widgets.chart_image import ChartImage, ChartRenderer

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from nomadcm.ui.tasks import TaskRunner


class HoursChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = ChartImage()
        self.canvas.setMinimumSize(320, 220)
        self.renderer = ChartRenderer(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._months: list[MonthHours] = []
        self._colours: dict[int, str] = {}

    def use_tasks(self, tasks: TaskRunner) -> None:
        """Draws on `tasks` from now on (the page's task runner), not on the GUI thread."""
        self.renderer.tasks = tasks

    @property
    def figure(self) -> Figure | None:
        """The Figure of the chart shown (None before the first)."""
        return self.renderer.figure

    def set_months(self, months: Sequence[MonthHours], colours: dict[int, str]) -> None:
        self._months, self._colours = list(months), dict(colours)
        months, colours, style, text = (
            self._months,
            self._colours,
            self.style_for_palette(),
            self.chart_text(),
        )
        self.renderer.request(lambda figure: draw_hours(figure, months, colours, style, text))

    def export(self, path: Path) -> None:
        """Saves the chart as PNG or SVG (by the suffix), atomically, after the check every export passes."""
        save_figure(self.renderer.figure_now(), path)

    def style_for_palette(self) -> ChartStyle:
        palette = self.palette()
        window = palette.color(palette.ColorRole.Window)
        style = ChartStyle.dark() if window.lightness() < 128 else ChartStyle()
        style.background = window.name()
        style.foreground = palette.color(palette.ColorRole.WindowText).name()
        return style

    def chart_text(self) -> HoursChartText:
        locale = QLocale()

        def month_text(month: date) -> str:
            return locale.toString(qdate(month), "MMM yyyy")

        return HoursChartText(
            title=self.tr("Hours per client: paid and unpaid"),
            hours=self.tr("hours"),
            paid=self.tr("paid"),
            unpaid=self.tr("unpaid"),
            no_data=self.tr("No hours in this period"),
            format_month=month_text,
        )
