"""The month grid: six weeks of day cells, the first posts of each day and "+N more"; drag a post to another
day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen

from nomadcm.ui.calendar.event_layer import PlacedEvent
from nomadcm.ui.calendar.layout import DaySpan, Placed
from nomadcm.ui.calendar.view import (
    HEADER,
    MONTH_LINES,
    CalendarView,
    item_fill,
)


class MonthView(CalendarView):
    """Six weeks of day cells with the first posts of each day and "+N more"."""

    def cell_rect(self, index: int) -> QRectF:
        cols = 7
        rows = max(1, (len(self.days) + cols - 1) // cols)
        w = self.width() / cols
        h = (self.height() - HEADER) / rows
        return QRectF((index % cols) * w, HEADER + (index // cols) * h, w, h)

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def line_height(self) -> float:
        return self.fontMetrics().height() + 2

    def set_data(self, days: Sequence[DaySpan], items: Sequence[Placed], today: date | None) -> None:
        self._rects: list[tuple[QRectF, Placed]] | None = None
        super().set_data(days, items, today)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._rects = None
        super().resizeEvent(event)

    EVENT_LINES = 2  # a day's first events (the clients'), above its posts

    def day_events(self) -> dict[int, list[PlacedEvent]]:
        """The first events of each day cell, by day index (an event over several days is on each)."""
        out: dict[int, list[PlacedEvent]] = {}
        for p in sorted(self.events, key=lambda p: (not p.banded, p.event.start_utc)):
            for k in range(p.first, p.last + 1):
                shown = out.setdefault(k, [])
                if len(shown) < self.EVENT_LINES and all(q.event.id != p.event.id for q in shown):
                    shown.append(p)
        return out

    def event_rects(self) -> list[tuple[QRectF, PlacedEvent]]:
        lh = self.line_height()
        out = []
        for k, shown in self.day_events().items():
            cell = self.cell_rect(k)
            for n, p in enumerate(shown):
                out.append((QRectF(cell.x() + 2, cell.y() + lh + n * lh, cell.width() - 4, lh - 1), p))
        return out

    def item_rects(self) -> list[tuple[QRectF, Placed]]:
        cached = getattr(self, "_rects", None)
        if cached is not None:
            return cached
        out = []
        per_day: dict[int, int] = {}
        events = {k: len(v) for k, v in self.day_events().items()}
        lh = self.line_height()
        cells: dict[int, tuple[QRectF, int]] = {}
        for p in self.items:
            n = per_day.get(p.day_index, 0)
            per_day[p.day_index] = n + 1
            if n >= MONTH_LINES:
                continue
            if p.day_index not in cells:
                cell = self.cell_rect(p.day_index)
                above = events.get(p.day_index, 0)
                cells[p.day_index] = (cell, max(1, int((cell.height() - lh) // lh) - 1 - above))
            cell, max_lines = cells[p.day_index]
            if n < max_lines:
                y = cell.y() + lh + (n + events.get(p.day_index, 0)) * lh
                out.append((QRectF(cell.x() + 2, y, cell.width() - 4, lh - 1), p))
        self._rects = out
        self._per_day = per_day
        return out

    def hidden_counts(self) -> dict[int, int]:
        shown: dict[int, int] = {}
        for _rect, p in self.item_rects():
            shown[p.day_index] = shown.get(p.day_index, 0) + 1
        return {i: n - shown.get(i, 0) for i, n in self._per_day.items() if n > shown.get(i, 0)}

    def drop_target(self, pos: QPointF) -> date | None:
        for i, day in enumerate(self.days):
            if self.cell_rect(i).contains(pos):
                return day.day
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.base())
        grid = QPen(pal.mid().color())
        grid.setWidthF(0.5)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        month = self.days[len(self.days) // 2].day.month if self.days else 0
        for i in range(min(7, len(self.days))):
            r = self.cell_rect(i)
            painter.setPen(pal.text().color())
            painter.drawText(
                QRectF(r.x(), 0, r.width(), HEADER),
                Qt.AlignmentFlag.AlignCenter,
                self.locale().dayName(self.days[i].day.isoweekday()),
            )
        hidden = self.hidden_counts()
        for i, day in enumerate(self.days):
            r = self.cell_rect(i)
            if day.day.month != month:
                painter.fillRect(r, pal.alternateBase())
            if self.today == day.day:
                painter.fillRect(r, QColor(255, 214, 102, 70))
            painter.setPen(grid)
            painter.drawRect(r)
            painter.setPen(pal.text().color())
            label = str(day.day.day)
            if abs(day.hours - 24) > 0.01:
                label += f"  ({day.hours:g} h)"
            painter.setFont(small)
            painter.drawText(
                r.adjusted(4, 1, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label
            )
            if i in hidden:
                painter.drawText(
                    r.adjusted(4, 0, -4, -2),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                    self.tr("+{count} more").format(count=hidden[i]),
                )
        for rect, placed in self.event_rects():
            self._paint_event(painter, rect, placed, QFont(small), solid=True)
        for rect, p in self.item_rects():
            o = p.occurrence
            painter.fillRect(rect, item_fill(o.colour, o.status))
            font = QFont(small)
            font.setItalic(o.status == "draft")
            self._paint_item_text(painter, rect, p, font, left=2)
        self._paint_drag(painter)
        painter.end()
