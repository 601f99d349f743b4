"""The trip at a glance: stays as blocks along the calendar, transits as arrows, what deserves a look marked.

Clicking a block selects its row in the itinerary list.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nomadcm import timezones
from nomadcm.services.travel.itinerary_warnings import ItineraryWarning
from nomadcm.ui.formatting import fmt_day, qdate
from nomadcm.ui.plain_text import plain_tooltip
from nomadcm.ui.travel.table_models import WARNING_COLOUR, Entry
from nomadcm.ui.travel.texts import transit_kind_label, warning_text

PALETTE = ["#4a90d9", "#38a169", "#d69e2e", "#805ad5", "#dd6b20", "#319795", "#d53f8c", "#718096"]
HEIGHT = 64
MARGIN = 8


class TripTimeline(QWidget):
    entryClicked = Signal(object)  # (kind, id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._warned: set[tuple[str, int]] = set()
        self._tips: dict[tuple[str, int], str] = {}
        self._selected: tuple[str, int] | None = None
        self._start: datetime | None = None
        self._end: datetime | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Trip timeline"))

    def sizeHint(self) -> QSize:
        return QSize(800, HEIGHT)

    def set_entries(self, entries: list[Entry], warnings: list[ItineraryWarning]) -> None:
        self._entries = list(entries)
        self._warned = set()
        self._tips = {}
        for w in warnings:
            for key in [("stay", i) for i in w.stay_ids] + [("transit", i) for i in w.transit_ids]:
                self._warned.add(key)
                self._tips[key] = "\n".join(filter(None, [self._tips.get(key, ""), warning_text(w)]))
        if entries:
            starts = [e.start for e in entries]
            ends = [e.stay.end_utc if e.stay else e.transit.arrive_utc for e in entries]  # type: ignore[union-attr]
            self._start, self._end = min(starts), max(ends)
        else:
            self._start = self._end = None
        self.update()

    def set_selected(self, key: tuple[str, int] | None) -> None:
        self._selected = key
        self.update()

    # ------------------------------------------------------------------ geometry

    def _x(self, instant: datetime) -> float:
        assert self._start is not None and self._end is not None
        width = self.width() - 2 * MARGIN
        return MARGIN + width * ((instant - self._start) / max(self._end - self._start, timedelta(hours=1)))

    def _rect(self, e: Entry) -> QRectF:
        if e.stay is not None:
            x1, x2 = self._x(e.stay.start_utc), self._x(e.stay.end_utc)
            return QRectF(x1, 20, max(3.0, x2 - x1), 26)
        assert e.transit is not None
        x1, x2 = self._x(e.transit.depart_utc), self._x(e.transit.arrive_utc)
        return QRectF(x1 - 3, 14, max(6.0, x2 - x1 + 6), 38)

    def entry_at(self, pos: QPointF) -> Entry | None:
        if self._start is None:
            return None
        for e in sorted(self._entries, key=lambda e: e.kind != "transit"):  # transits sit on top
            if self._rect(e).contains(pos):
                return e
        return None

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if self._start is None or self._end is None:
            painter.end()
            return
        self._paint_months(painter)
        colours: dict[str, QColor] = {}
        for e in self._entries:
            if e.stay is None:
                continue
            colour = colours.setdefault(e.stay.tz, QColor(PALETTE[len(colours) % len(PALETTE)]))
            rect = self._rect(e)
            painter.fillRect(rect, colour.lighter(130))
            pen = QPen(colour.darker(130), 2.5 if self._selected == e.key else 1)
            if e.key in self._warned:
                pen = QPen(WARNING_COLOUR, 2.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect)
            if rect.width() > 40:
                painter.setPen(palette.color(palette.ColorRole.Text))
                painter.drawText(
                    rect.adjusted(3, 0, -2, 0),
                    Qt.AlignmentFlag.AlignCenter,  # centred: clear of the transit markers at its ends
                    e.stay.city,
                )
        for e in self._entries:
            if e.transit is None:
                continue
            rect = self._rect(e)
            colour = WARNING_COLOUR if e.key in self._warned else QColor("#2b6cb0")
            painter.setPen(QPen(colour, 2.5 if self._selected == e.key else 1.5))
            painter.setBrush(QBrush(QColor(255, 255, 255, 200)))
            painter.drawRoundedRect(rect, 3, 3)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "✈" if e.transit.kind == "flight" else "→")
            painter.setBrush(Qt.BrushStyle.NoBrush)
        now = timezones.now_utc()
        if self._start <= now <= self._end:
            x = self._x(now)
            painter.setPen(QPen(QColor("#e53e3e"), 1.5))
            painter.drawLine(QPointF(x, 10), QPointF(x, HEIGHT - 6))
        painter.end()

    def _paint_months(self, painter: QPainter) -> None:
        assert self._start is not None and self._end is not None
        palette = self.palette()
        painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
        first = self._start.date().replace(day=1)
        day = first
        span_days = (self._end - self._start).days
        while datetime.combine(day, datetime.min.time(), self._start.tzinfo) <= self._end:
            instant = datetime.combine(day, datetime.min.time(), self._start.tzinfo)
            if instant >= self._start:
                x = self._x(instant)
                painter.drawLine(QPointF(x, 10), QPointF(x, HEIGHT - 4))
                label = fmt_day(day) if span_days < 20 else QLocale().toString(qdate(day), "MMM yyyy")
                painter.drawText(QPointF(x + 2, 11), label)
            day = _next_mark(day, span_days)

    # ------------------------------------------------------------------ interaction

    def mousePressEvent(self, event: QMouseEvent) -> None:
        e = self.entry_at(event.position())
        if e is not None:
            self.entryClicked.emit(e.key)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        e = self.entry_at(event.position())
        self.setToolTip(plain_tooltip(self.tooltip_for(e)) if e is not None else "")

    def tooltip_for(self, e: Entry) -> str:
        if e.stay is not None:
            text = self.tr("{place}: {first} – {last} ({zone})").format(
                place=e.stay.place,
                first=fmt_day(e.stay.first_date),
                last=fmt_day(e.stay.last_date),
                zone=e.stay.tz,
            )
        else:
            assert e.transit is not None
            text = self.tr("{kind} {route}, {day}").format(
                kind=transit_kind_label(e.transit.kind),
                route=e.transit.route,
                day=fmt_day(e.transit.depart_local),
            )
        warning = self._tips.get(e.key)
        return f"{text}\n{warning}" if warning else text


def _next_mark(day: date, span_days: int) -> date:
    """Marks every day on a short trip, every month on a long one."""
    if span_days < 20:
        return day + timedelta(days=1)
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
