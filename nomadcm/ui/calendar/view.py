"""The painted week and month grids. They show what the page gives them and report what the user does:
double-click a post (edit), click an empty slot (new post there), drag a post (move), right-click (menu).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from nomadcm import timezones
from nomadcm.ui.calendar.layout import ITEM_MINUTES, DaySpan, Placed
from nomadcm.ui.formatting import fmt_time

GUTTER = 52
HEADER = 34
DRAG_DISTANCE = 6
SNAP_MINUTES = 15
MONTH_LINES = 4


def status_marks(p: Placed) -> str:
    o = p.occurrence
    marks = ""
    if o.status == "published":
        marks += "✓ "
    if p.conflict:
        marks += "⚠ "
    if o.gap_shifted:
        marks += "⏩ "
    if o.series_wall is not None:
        marks += "↻ "
    if o.in_transit:
        marks += "✈ "
    return marks


def item_label(p: Placed) -> str:
    o = p.occurrence
    first = next((line.strip() for line in o.text.splitlines() if line.strip()), "")
    return f"{status_marks(p)}{fmt_time(p.local)} {o.client_name} · {first}"


def item_tooltip(p: Placed) -> str:
    o = p.occurrence
    lines = [
        f"{o.client_name} — {o.network} {o.handle}".strip(),
        QCoreApplication.translate("CalendarView", "{time} {abbr} in {zone} (the post's zone)").format(
            time=fmt_time(o.wall), abbr=timezones.abbreviation(o.utc, o.tz), zone=o.tz
        ),
    ]
    if o.gap_shifted and o.series_wall is not None:
        lines.append(
            QCoreApplication.translate(
                "CalendarView",
                "{time} does not exist that day (clocks jump forward): it goes out at {moved}.",
            ).format(time=fmt_time(o.series_wall), moved=fmt_time(o.wall))
        )
    if p.conflict:
        lines.append("⚠ " + p.conflict)
    lines.append("")
    lines.append(o.text if len(o.text) < 400 else o.text[:400] + "…")
    return "\n".join(lines)


def _fill(colour: str, status: str) -> QColor:
    c = QColor(colour)
    if status in ("draft", "cancelled"):
        c.setAlpha(90)
    else:
        c.setAlpha(200)
    return c


class _CalendarView(QWidget):
    itemActivated = Signal(object)  # Placed
    itemMenu = Signal(object, QPoint)  # Placed, global position
    slotClicked = Signal(object)  # aware UTC instant (week) or date (month)
    itemDropped = Signal(object, object)  # Placed, instant (week) or date (month)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[DaySpan] = []
        self.items: list[Placed] = []
        self.today: date | None = None
        self._press: QPointF | None = None
        self._pressed: Placed | None = None
        self._dragging = False
        self._drag_pos = QPointF()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_data(self, days: Sequence[DaySpan], items: Sequence[Placed], today: date | None) -> None:
        self.days, self.items, self.today = list(days), list(items), today
        self.updateGeometry()
        self.update()

    # subclasses: item_rects(), item_at(pos), drop_target(pos), slot_at(pos)

    def item_rects(self) -> list[tuple[QRectF, Placed]]:
        raise NotImplementedError

    def item_at(self, pos: QPointF) -> Placed | None:
        for rect, p in reversed(self.item_rects()):
            if rect.contains(pos):
                return p
        return None

    def drop_target(self, pos: QPointF) -> object | None:
        raise NotImplementedError

    def slot_at(self, pos: QPointF) -> object | None:
        return self.drop_target(pos)

    # ------------------------------------------------------------------ mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._pressed = self.item_at(event.position())
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._pressed is not None:
            if (event.position() - self._press).manhattanLength() >= DRAG_DISTANCE:
                self._dragging = True
            if self._dragging:
                self._drag_pos = event.position()
                self.update()
        elif self._press is None:
            hovered = self.item_at(event.position())
            self.setCursor(Qt.CursorShape.OpenHandCursor if hovered else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            pressed, dragging = self._pressed, self._dragging
            self._press, self._pressed, self._dragging = None, None, False
            self.update()
            if pressed is not None and dragging:
                target = self.drop_target(event.position())
                if target is not None:
                    self.itemDropped.emit(pressed, target)
            elif pressed is None:
                target = self.slot_at(event.position())
                if target is not None:
                    self.slotClicked.emit(target)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not None:
            self._press = None
            self.itemActivated.emit(item)
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        item = self.item_at(QPointF(event.pos()))
        if item is not None:
            self.itemMenu.emit(item, event.globalPos())

    def event(self, e) -> bool:  # type: ignore[no-untyped-def]
        if e.type() == e.Type.ToolTip:
            item = self.item_at(QPointF(e.pos()))
            if item is not None:
                QToolTip.showText(e.globalPos(), item_tooltip(item), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _paint_drag(self, painter: QPainter) -> None:
        if self._dragging and self._pressed is not None:
            painter.setOpacity(0.6)
            painter.fillRect(
                QRectF(self._drag_pos.x() - 60, self._drag_pos.y() - 10, 120, 20),
                QColor(self._pressed.occurrence.colour),
            )
            painter.setOpacity(1)


class WeekView(_CalendarView):
    """Columns of days, time running down; a 25-hour day is one hour longer, a 23-hour day shorter."""

    def __init__(self, parent: QWidget | None = None, hour_height: int = 44) -> None:
        super().__init__(parent)
        self.hour_height = hour_height
        self._rects: list[tuple[QRectF, Placed]] | None = None

    def set_data(self, days: Sequence[DaySpan], items: Sequence[Placed], today: date | None) -> None:
        self._rects = None
        super().set_data(days, items, today)
        self.setMinimumHeight(int(HEADER + self.max_hours() * self.hour_height + 2))

    def max_hours(self) -> float:
        return max((d.hours for d in self.days), default=24.0)

    def sizeHint(self) -> QSize:
        return QSize(900, int(HEADER + self.max_hours() * self.hour_height))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._rects = None
        super().resizeEvent(event)

    def column_width(self) -> float:
        return (self.width() - GUTTER) / max(1, len(self.days))

    def y_of(self, hours: float) -> float:
        return HEADER + hours * self.hour_height

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

    def drop_target(self, pos: QPointF) -> datetime | None:
        if pos.x() < GUTTER or pos.y() < HEADER or not self.days:
            return None
        i = min(len(self.days) - 1, int((pos.x() - GUTTER) // self.column_width()))
        day = self.days[i]
        minutes = (pos.y() - HEADER) / self.hour_height * 60
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
            title = self.locale().toString(_qdate(day.day), "ddd d")
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
        for rect, p in self.item_rects():
            o = p.occurrence
            painter.setPen(
                QPen(
                    QColor(o.colour).darker(140),
                    1,
                    Qt.PenStyle.DashLine if o.status == "draft" else Qt.PenStyle.SolidLine,
                )
            )
            painter.setBrush(_fill(o.colour, o.status))
            painter.drawRoundedRect(rect, 3, 3)
            font = QFont(small)
            font.setStrikeOut(o.status == "cancelled")
            painter.setFont(font)
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(
                rect.adjusted(3, 0, -2, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                item_label(p),
            )
        self._paint_drag(painter)
        painter.end()


class MonthView(_CalendarView):
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

    def item_rects(self) -> list[tuple[QRectF, Placed]]:
        cached = getattr(self, "_rects", None)
        if cached is not None:
            return cached
        out = []
        per_day: dict[int, int] = {}
        lh = self.line_height()
        cells: dict[int, tuple[QRectF, int]] = {}
        for p in self.items:
            n = per_day.get(p.day_index, 0)
            per_day[p.day_index] = n + 1
            if n >= MONTH_LINES:
                continue
            if p.day_index not in cells:
                cell = self.cell_rect(p.day_index)
                cells[p.day_index] = (cell, max(1, int((cell.height() - lh) // lh) - 1))
            cell, max_lines = cells[p.day_index]
            if n < max_lines:
                out.append((QRectF(cell.x() + 2, cell.y() + lh + n * lh, cell.width() - 4, lh - 1), p))
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
        for rect, p in self.item_rects():
            o = p.occurrence
            painter.fillRect(rect, _fill(o.colour, o.status))
            font = QFont(small)
            font.setStrikeOut(o.status == "cancelled")
            font.setItalic(o.status == "draft")
            painter.setFont(font)
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(
                rect.adjusted(2, 0, -2, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                item_label(p),
            )
        self._paint_drag(painter)
        painter.end()


def _qdate(d: date):  # type: ignore[no-untyped-def]
    from nomadcm.ui.formatting import qdate

    return qdate(d)
