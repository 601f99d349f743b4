"""A small chart of a place's speed tests (download and upload over time), painted with QPainter.

A sparkline is all the detail dialog needs, so it does not pay for importing matplotlib. Points are placed
by their date (two tests a month apart are far apart), with the medians drawn as dashed lines.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nomadcm.services.workplaces.places import SpeedTestInfo

DOWN_COLOUR = QColor("#2b6cb0")
UP_COLOUR = QColor("#dd6b20")


class SpeedChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tests: list[SpeedTestInfo] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(120)
        self.setAccessibleName(self.tr("Speed tests over time"))

    def sizeHint(self) -> QSize:
        return QSize(360, 140)

    def set_tests(self, tests: Sequence[SpeedTestInfo]) -> None:
        self._tests = sorted(tests, key=lambda t: t.measured_at)
        self.setToolTip(self._summary())
        self.update()

    def _summary(self) -> str:
        if not self._tests:
            return ""
        locale = QLocale()
        down = statistics.median(t.down_mbps for t in self._tests)
        up = statistics.median(t.up_mbps for t in self._tests)
        return self.tr("Median: {down} down, {up} up (Mbit/s), over {count} test(s)").format(
            down=locale.toString(down, "f", 1), up=locale.toString(up, "f", 1), count=len(self._tests)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(44, 10, -10, -24)
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawRect(rect)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        if not self._tests:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("No speed test yet"))
            return
        locale = QLocale()
        top = max(max(t.down_mbps, t.up_mbps) for t in self._tests) or 1.0
        top *= 1.1
        first = self._tests[0].measured_at.timestamp()
        span = (self._tests[-1].measured_at.timestamp() - first) or 1.0

        def point(i: int, value: float) -> QPointF:
            t = self._tests[i]
            x = rect.left() + (
                rect.width() / 2
                if len(self._tests) == 1
                else rect.width() * (t.measured_at.timestamp() - first) / span
            )
            y = rect.bottom() - rect.height() * value / top
            return QPointF(x, y)

        painter.setPen(palette.text().color())
        painter.drawText(
            QRectF(0, rect.top() - 6, 40, 14), Qt.AlignmentFlag.AlignRight, locale.toString(top, "f", 0)
        )
        painter.drawText(QRectF(0, rect.bottom() - 8, 40, 14), Qt.AlignmentFlag.AlignRight, "0")
        for colour, values in (
            (DOWN_COLOUR, [t.down_mbps for t in self._tests]),
            (UP_COLOUR, [t.up_mbps for t in self._tests]),
        ):
            median = statistics.median(values)
            y = rect.bottom() - rect.height() * median / top
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            path = QPainterPath(point(0, values[0]))
            for i in range(1, len(values)):
                path.lineTo(point(i, values[i]))
            painter.setPen(QPen(colour, 2))
            painter.drawPath(path)
            painter.setBrush(colour)
            for i, v in enumerate(values):
                painter.drawEllipse(point(i, v), 2.5, 2.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        legend_y = rect.bottom() + 6
        painter.setPen(DOWN_COLOUR)
        painter.drawText(
            QRectF(rect.left(), legend_y, 120, 16), Qt.AlignmentFlag.AlignLeft, self.tr("● Download")
        )
        painter.setPen(UP_COLOUR)
        painter.drawText(
            QRectF(rect.left() + 110, legend_y, 120, 16), Qt.AlignmentFlag.AlignLeft, self.tr("● Upload")
        )
        painter.setPen(palette.mid().color())
        painter.drawText(
            QRectF(rect.right() - 160, legend_y, 160, 16),
            Qt.AlignmentFlag.AlignRight,
            self.tr("Mbit/s over time"),
        )
