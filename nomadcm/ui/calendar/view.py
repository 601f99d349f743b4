"""What the painted week and month grids share: they show what the page gives them and report what the user
does: double-click a post (edit), click an empty slot (new post there), drag a post (move), right-click (menu).
The grids themselves are `week_view.WeekView` and `month_view.MonthView`; the labels and tooltips of a post
are here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from nomadcm import timezones
from nomadcm.ui.calendar.event_layer import PlacedEvent
from nomadcm.ui.calendar.layout import DaySpan, Placed
from nomadcm.ui.clients.event_texts import event_tooltip, kind_colour, kind_symbol
from nomadcm.ui.formatting import fmt_time
from nomadcm.ui.plain_text import plain_tooltip

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
    if p.conflict_kinds:
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
    if p.conflict_kinds:
        lines.append("⚠ " + conflict_text(p.conflict_found, p.conflict_kinds))
    lines.append("")
    lines.append(o.text if len(o.text) < 400 else o.text[:400] + "…")
    return "\n".join(lines)


def conflict_text(conflict: object, kinds: tuple[str, ...]) -> str:
    """The lines a post's conflicts add to its tooltip, in the user's language (the check's `detail` is the
    CLI's English sentence): the same lines as the Schedule's and the Travel page's. Worded when shown: a
    week has hundreds of posts, a tooltip one."""
    from nomadcm.services.travel.conflict_sweep import PostConflicts
    from nomadcm.ui.travel.table_models import conflicts_tooltip

    if isinstance(conflict, PostConflicts):
        return conflicts_tooltip(conflict)
    return ", ".join(kinds)


def item_fill(colour: str, status: str) -> QColor:
    c = QColor(colour)
    if status in ("draft", "cancelled"):
        c.setAlpha(90)
    else:
        c.setAlpha(200)
    return c


class CalendarView(QWidget):
    itemActivated = Signal(object)  # Placed
    itemMenu = Signal(object, QPoint)  # Placed, global position
    slotClicked = Signal(object)  # aware UTC instant (week) or date (month)
    itemDropped = Signal(object, object)  # Placed, instant (week) or date (month)
    eventActivated = Signal(object)  # EventInfo: a client's event double-clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[DaySpan] = []
        self.items: list[Placed] = []
        self.today: date | None = None
        self.events: list[PlacedEvent] = []  # the clients' events (ui/calendar/event_layer.py)
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

    def set_events(self, events: Sequence[PlacedEvent]) -> None:
        """The clients' events to draw (before `set_data`, which lays the view out)."""
        self.events = list(events)

    def event_rects(self) -> list[tuple[QRectF, PlacedEvent]]:
        """Where each event is drawn (subclasses; none by default)."""
        return []

    def event_at(self, pos: QPointF) -> PlacedEvent | None:
        for rect, p in reversed(self.event_rects()):
            if rect.contains(pos):
                return p
        return None

    def _paint_event(self, painter: QPainter, rect: QRectF, p: PlacedEvent, font: QFont, solid: bool) -> None:
        """An event: its kind's colour (solid in the band, faint behind the posts), its symbol and title."""
        colour = kind_colour(p.event.kind)
        fill = QColor(colour)
        fill.setAlpha(170 if solid else 45)
        painter.fillRect(rect, fill)
        painter.fillRect(QRectF(rect.x(), rect.y(), 3, rect.height()), colour)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff") if solid and colour.lightness() < 150 else QColor("#1a1a1a"))
        mark = "⚠ " if p.gap_hours is not None else ""
        painter.drawText(
            rect.adjusted(5, 0, -2, 0),
            Qt.AlignmentFlag.AlignLeft
            | (Qt.AlignmentFlag.AlignVCenter if solid else Qt.AlignmentFlag.AlignTop),
            f"{mark}{kind_symbol(p.event.kind)} {p.event.title}",
        )

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
        elif (placed := self.event_at(event.position())) is not None:
            self._press = None
            self.eventActivated.emit(placed.event)
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        item = self.item_at(QPointF(event.pos()))
        if item is not None:
            self.itemMenu.emit(item, event.globalPos())

    def event(self, e) -> bool:  # type: ignore[no-untyped-def]
        if e.type() == e.Type.ToolTip:
            item = self.item_at(QPointF(e.pos()))
            placed = self.event_at(QPointF(e.pos())) if item is None else None
            if item is not None:
                QToolTip.showText(e.globalPos(), plain_tooltip(item_tooltip(item)), self)
            elif placed is not None:
                QToolTip.showText(
                    e.globalPos(), plain_tooltip(event_tooltip(placed.event, placed.gap_hours)), self
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _paint_item_text(self, painter: QPainter, rect: QRectF, p: Placed, font: QFont, left: int) -> None:
        """A post's label in its block: cancelled struck out, in `font` (each grid has its own)."""
        font.setStrikeOut(p.occurrence.status == "cancelled")
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(
            rect.adjusted(left, 0, -2, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            item_label(p),
        )

    def _paint_drag(self, painter: QPainter) -> None:
        if self._dragging and self._pressed is not None:
            painter.setOpacity(0.6)
            painter.fillRect(
                QRectF(self._drag_pos.x() - 60, self._drag_pos.y() - 10, 120, 20),
                QColor(self._pressed.occurrence.colour),
            )
            painter.setOpacity(1)
