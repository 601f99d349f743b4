"""The week grid: columns of days through the lens zone, time running down, posts as blocks to drag."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from nomadcm import timezones
from nomadcm.ui.calendar.event_layer import PlacedEvent, band_rows
from nomadcm.ui.calendar.layout import ITEM_MINUTES, DaySpan, Placed
from nomadcm.ui.calendar.view import (
    GUTTER,
    HEADER,
    SNAP_MINUTES,
    CalendarView,
    item_fill,
)
from nomadcm.ui.formatting import qdate


class WeekView(CalendarView):
    """Columns of days, time running down; a 25-hour day is one hour longer, a 23-hour day shorter."""

    def __init__(self, parent: QWidget | None = None, hour_height: int = 44) -> None:
        super().__init__(parent)
        self.hour_height = hour_height
        self._rects: list[tuple[QRectF, Placed]] | None = None
        self.band_line = 18  # the height of a row of the all-day band (the clients' events)

    def grid_top(self) -> float:
        """Where the hours start: under the day titles and the band of all-day events."""
        rows = band_rows(self.events)
        return HEADER + (rows * self.band_line + 4 if rows else 0)

    def set_data(self, days: Sequence[DaySpan], items: Sequence[Placed], today: date | None) -> None:
        self._rects = None
        super().set_data(days, items, today)
        self.setMinimumHeight(int(self.grid_top() + self.max_hours() * self.hour_height + 2))

    def max_hours(self) -> float:
        return max((d.hours for d in self.days), default=24.0)

    def sizeHint(self) -> QSize:
        return QSize(900, int(self.grid_top() + self.max_hours() * self.hour_height))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._rects = None
        super().resizeEvent(event)

    def column_width(self) -> float:
        return (self.width() - GUTTER) / max(1, len(self.days))

    def y_of(self, hours: float) -> float:
        return self.grid_top() + hours * self.hour_height

    def item_rects(self) -> list[tuple[QRectF, Placed]]:
        if self._rects is None:
            w = self.column_width()
            h = max(18.0, ITEM_MINUTES / 60 * self.hour_height)
            rects = []
            for p in self.items:
                lane_w = (w - 6) / p.lanes
                x = GUTTER + p.day_index * w + 3 + p.lane * lane_w
                rects.append((QRectF(x, self.y_of(p.hours), lane_w - 2, h - 2), p))
            self._rects = rects
        return self._rects

    def event_rects(self) -> list[tuple[QRectF, PlacedEvent]]:
        """The band's events over their days, then the timed blocks (drawn behind the posts)."""
        w = self.column_width()
        out = []
        for p in self.events:
            if p.banded:
                x = GUTTER + p.first * w + 2
                y = HEADER + p.lane * self.band_line + 2
                out.append((QRectF(x, y, (p.last - p.first + 1) * w - 4, self.band_line - 2), p))
            else:
                top, bottom = self.y_of(p.start_hours), self.y_of(p.end_hours)
                out.append((QRectF(GUTTER + p.first * w + 1, top, w - 2, max(bottom - top, 14.0)), p))
        return out

    def drop_target(self, pos: QPointF) -> datetime | None:
        if pos.x() < GUTTER or pos.y() < self.grid_top() or not self.days:
            return None
        i = min(len(self.days) - 1, int((pos.x() - GUTTER) // self.column_width()))
        day = self.days[i]
        minutes = (pos.y() - self.grid_top()) / self.hour_height * 60
        minutes = round(minutes / SNAP_MINUTES) * SNAP_MINUTES
        instant = day.start + timedelta(minutes=max(0, minutes))
        return instant if instant < day.end else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.base())
        w = self.column_width()
        grid = QPen(pal.mid().color())
        grid.setWidthF(0.5)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        # hour labels in the gutter: the wall hours of a regular day
        painter.setPen(pal.text().color())
        painter.setFont(small)
        for hour in range(int(self.max_hours()) + 1):
            painter.drawText(
                QRectF(0, self.y_of(hour) - 7, GUTTER - 6, 14),
                Qt.AlignmentFlag.AlignRight,
                f"{hour % 24:02d}:00",
            )
        for i, day in enumerate(self.days):
            x = GUTTER + i * w
            if self.today == day.day:
                painter.fillRect(QRectF(x, 0, w, self.y_of(day.hours)), QColor(255, 214, 102, 60))
            painter.fillRect(QRectF(x, self.y_of(day.hours), w, self.height()), pal.alternateBase())
            painter.setPen(grid)
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            irregular = abs(day.hours - 24) > 0.01
            # hour lines at the day's own wall hours (a 25-hour day shows 02:00 twice)
            t = day.start
            while t < day.end:
                y = self.y_of((t - day.start).total_seconds() / 3600)
                painter.setPen(grid)
                painter.drawLine(QPointF(x, y), QPointF(x + w, y))
                if irregular:
                    painter.setPen(QColor("#9c4221"))
                    painter.drawText(
                        QRectF(x + 2, y, w - 4, 12),
                        Qt.AlignmentFlag.AlignLeft,
                        f"{timezones.wall_at(t, day.zone):%H:%M}",
                    )
                t += timedelta(hours=1)
            painter.setPen(pal.text().color())
            title = self.locale().toString(qdate(day.day), "ddd d")
            if irregular:
                title += f" · {day.hours:g} h"
            bold = QFont(self.font())
            bold.setBold(self.today == day.day)
            painter.setFont(bold)
            painter.drawText(QRectF(x, 0, w, HEADER / 2 + 4), Qt.AlignmentFlag.AlignCenter, title)
            painter.setFont(small)
            painter.drawText(
                QRectF(x, HEADER / 2, w, HEADER / 2),
                Qt.AlignmentFlag.AlignCenter,
                timezones.abbreviation(day.start + timedelta(hours=12), day.zone),
            )
        painter.setFont(small)
        # Only what the scroll area shows, or the strip a tooltip or a drag uncovered: a week of 10,000 posts
        # is ~400 blocks, each a rounded rectangle and a line of text, and the grid is taller than the view.
        exposed = QRectF(event.rect())
        for rect, placed in self.event_rects():  # the clients' events: the band, then blocks behind the posts
            if rect.intersects(exposed):
                self._paint_event(painter, rect, placed, QFont(small), solid=placed.banded)
        for rect, p in self.item_rects():
            if not rect.intersects(exposed):
                continue
            o = p.occurrence
            painter.setPen(
                QPen(
                    QColor(o.colour).darker(140),
                    1,
                    Qt.PenStyle.DashLine if o.status == "draft" else Qt.PenStyle.SolidLine,
                )
            )
            painter.setBrush(item_fill(o.colour, o.status))
            painter.drawRoundedRect(rect, 3, 3)
            self._paint_item_text(painter, rect, p, QFont(small), left=3)
        self._paint_drag(painter)
        painter.end()
