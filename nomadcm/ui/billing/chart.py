"""The Hours & pay chart: exchange.hours_chart's figure on a FigureCanvasQTAgg, in the page's palette and the
user's language. matplotlib is imported here, and this module only when the page is first shown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from nomadcm.exchange.hours_chart import HoursChartText, draw_hours
from nomadcm.exchange.wellbeing_chart import ChartStyle, new_figure, save_figure
from nomadcm.services.billing.hours import MonthHours
from nomadcm.ui.formatting import qdate


class HoursChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = new_figure(8, 4)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(320, 220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._months: list[MonthHours] = []
        self._colours: dict[int, str] = {}

    def set_months(self, months: Sequence[MonthHours], colours: dict[int, str]) -> None:
        self._months, self._colours = list(months), dict(colours)
        draw_hours(self.figure, self._months, self._colours, self.style_for_palette(), self.chart_text())
        self.canvas.draw_idle()

    def export(self, path: Path) -> None:
        """Saves the chart as PNG or SVG (by the suffix), atomically, after the check every export passes."""
        save_figure(self.figure, path)

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
