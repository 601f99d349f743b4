"""The chart of the Wellbeing page: the exchange.wellbeing_chart figures, drawn and rendered on the window's
task runner and shown as an image (ui/widgets/chart_image.py: 60-220 ms a view on the GUI thread before).

The chart follows the palette (dark theme) and the locale's date format, and exports as PNG or SVG.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTabBar, QVBoxLayout, QWidget

from nomadcm.exchange.wellbeing_chart import VIEWS, ChartStyle, ChartText, draw, save_figure
from nomadcm.services.wellbeing.wellbeing_report import Report
from nomadcm.ui.formatting import qdate
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.widgets.chart_image import ChartImage, ChartRenderer
from nomadcm.vocabulary import DEVICES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from nomadcm.ui.tasks import TaskRunner


class ChartPanel(QWidget):
    """Tabs Daily / Weekly / Rest over one canvas."""

    viewChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabBar()
        self.tabs.addTab(self.tr("Daily"))
        self.tabs.addTab(self.tr("Weekly trend"))
        self.tabs.addTab(self.tr("Rest"))
        self.tabs.setToolTip(
            self.tr(
                "Daily: screens above, rest below. Weekly: totals per week. Rest: nights, "
                "daily and weekly rest against the goals."
            )
        )
        self.canvas = ChartImage()
        self.canvas.setMinimumSize(320, 240)
        self.renderer = ChartRenderer(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.canvas, 1)
        self._report: Report | None = None
        self.tabs.currentChanged.connect(self._on_tab)

    def use_tasks(self, tasks: TaskRunner) -> None:
        """Draws on `tasks` from now on (the page's task runner), not on the GUI thread."""
        self.renderer.tasks = tasks

    @property
    def figure(self) -> Figure | None:
        """The Figure of the chart shown (None before the first)."""
        return self.renderer.figure

    @property
    def view(self) -> str:
        return VIEWS[self.tabs.currentIndex()]

    def set_view(self, view: str) -> None:
        self.tabs.setCurrentIndex(VIEWS.index(view))

    def set_report(self, report: Report) -> None:
        self._report = report
        self.redraw()

    def redraw(self) -> None:
        if self._report is None:
            return
        report, view, style, text = self._report, self.view, self.style_for_palette(), self.chart_text()
        self.renderer.request(lambda figure: draw(figure, report, view, style, text))

    def export(self, path: Path) -> None:
        """Saves the current view as PNG or SVG (by the file's suffix)."""
        # atomically, after the check every export goes through
        save_figure(self.renderer.figure_now(), path)

    def style_for_palette(self) -> ChartStyle:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        dark = window.lightness() < 128
        style = ChartStyle.dark() if dark else ChartStyle()
        style.background = window.name()
        style.foreground = text.name()
        return style

    def chart_text(self) -> ChartText:
        locale = QLocale()
        day_format = "d MMM" if "d" in locale.dateFormat(QLocale.FormatType.ShortFormat)[:2] else "MMM d"
        return ChartText(
            daily_title=self.tr("Screen time and rest per day"),
            weekly_title=self.tr("Weekly totals"),
            rest_title=self.tr("Rest against the goals"),
            hours=self.tr("hours"),
            screen_up=self.tr("screens ↑"),
            rest_down=self.tr("rest ↓"),
            devices={d: texts.device_name(d) for d in DEVICES},
            # legend entries start with a capital, as the devices' names do
            sleep=self.tr("Sleep"),
            other_rest=self.tr("Other rest"),
            longest_rest=self.tr("Longest rest in a row"),
            screen_limit=self.tr("Daily screen limit"),
            week_limit=self.tr("Weekly screen limit"),
            sleep_goal=self.tr("Sleep goal"),
            rest_goal=self.tr("Daily rest goal"),
            week_screen=self.tr("Screen time per week"),
            week_sleep=self.tr("Sleep per week"),
            nights_short=self.tr("Nights under the sleep goal"),
            days_no_rest=self.tr("Days without the daily rest"),
            weeks_no_rest=self.tr("Weeks without the weekly rest"),
            no_data=self.tr("Nothing logged in this period"),
            format_date=lambda day: locale.toString(qdate(day), day_format),
            format_week=lambda day: locale.toString(qdate(day), day_format),
            format_number=lambda value: locale.toString(float(value), "g", 6),
        )

    def _on_tab(self, _index: int) -> None:
        self.redraw()
        self.viewChanged.emit(self.view)
