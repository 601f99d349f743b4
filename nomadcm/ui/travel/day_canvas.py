"""The canvas of the Day view: one strip for the CM and one per client, each in its own local hours, aligned
on instants, with a guide line and post tooltips under the mouse.

It paints a `DayPlan` (services/day_plan.py) and knows nothing else; `day_view.DayView` puts it under the
day navigation.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nomadcm import timezones
from nomadcm.services.events.records import EventInfo
from nomadcm.services.travel.day_plan import DayPlan, DayPost, Strip
from nomadcm.ui.clients.event_texts import event_tooltip, kind_colour, kind_symbol
from nomadcm.ui.formatting import fmt_day, fmt_time
from nomadcm.ui.plain_text import plain_tooltip
from nomadcm.ui.travel.table_models import conflicts_tooltip

LABEL_WIDTH = 190
RIGHT_MARGIN = 16
STRIP_HEIGHT = 66
TICK_AREA = 18
BAND_TOP = 20
BAND_HEIGHT = 38
POST_RADIUS = 6
EVENT_HEIGHT = 11  # a client's event: a bar along the top of its strip

COLOURS = {
    "sleep": QColor(44, 62, 120, 110),
    "work": QColor(56, 161, 105, 90),
    "transit": QColor(221, 107, 32, 150),
    "prime": QColor(236, 201, 75, 110),
}
CONFLICT_RING = QColor("#c53030")
ACK_RING = QColor("#718096")
NOW_LINE = QColor("#e53e3e")


class DayCanvas(QWidget):
    """Paints a DayPlan. `plan` may be None (nothing loaded yet)."""

    postActivated = Signal(object)  # DayPost

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: DayPlan | None = None
        self._hover_x: float | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Day overlap view"))

    def set_plan(self, plan: DayPlan | None) -> None:
        self.plan = plan
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        strips = len(self.plan.strips) if self.plan else 1
        return QSize(900, 12 + strips * STRIP_HEIGHT)

    # ------------------------------------------------------------------ geometry

    def _axis(self) -> tuple[float, float]:
        left = float(LABEL_WIDTH)
        return left, max(left + 50.0, self.width() - RIGHT_MARGIN)

    def x_of(self, instant: datetime) -> float:
        assert self.plan is not None
        left, right = self._axis()
        return left + (right - left) * self.plan.fraction(instant)

    def instant_at(self, x: float) -> datetime | None:
        if self.plan is None:
            return None
        left, right = self._axis()
        if not left <= x <= right:
            return None
        return self.plan.start + (self.plan.end - self.plan.start) * ((x - left) / (right - left))

    def strip_top(self, k: int) -> float:
        return 6.0 + k * STRIP_HEIGHT

    def post_at(self, pos: QPointF) -> DayPost | None:
        if self.plan is None:
            return None
        for k, strip in enumerate(self.plan.strips):
            y = self.strip_top(k) + BAND_TOP + BAND_HEIGHT / 2
            for post in strip.posts:
                if (
                    abs(pos.x() - self.x_of(post.utc)) <= POST_RADIUS + 2
                    and abs(pos.y() - y) <= POST_RADIUS + 4
                ):
                    return post
        return None

    def event_rects(self) -> list[tuple[QRectF, EventInfo]]:
        """Each client's events as a bar along the top of its strip's band, clipped to the day."""
        if self.plan is None:
            return []
        out = []
        for k, strip in enumerate(self.plan.strips):
            y = self.strip_top(k) + BAND_TOP + 1
            for e in strip.events:
                x1 = self.x_of(max(e.start_utc, self.plan.start))
                x2 = self.x_of(min(max(e.end_utc, e.start_utc), self.plan.end))
                out.append((QRectF(x1, y, max(x2 - x1, 4.0), EVENT_HEIGHT), e))
        return out

    def event_at(self, pos: QPointF) -> EventInfo | None:
        for rect, e in reversed(self.event_rects()):
            if rect.adjusted(-2, -2, 2, 2).contains(pos):
                return e
        return None

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if self.plan is None:
            painter.end()
            return
        for k, strip in enumerate(self.plan.strips):
            self._paint_strip(painter, strip, self.strip_top(k), k == 0)
        now = timezones.now_utc()
        if self.plan.start <= now < self.plan.end:
            x = self.x_of(now)
            painter.setPen(QPen(NOW_LINE, 1.5))
            painter.drawLine(QPointF(x, 2), QPointF(x, self.height() - 2))
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        painter.setFont(small)
        for rect, e in self.event_rects():  # the clients' events, over their strips' bands
            colour = kind_colour(e.kind)
            painter.fillRect(rect, colour)
            if rect.width() > 40:
                painter.setPen(QColor("#ffffff") if colour.lightness() < 150 else QColor("#1a1a1a"))
                painter.drawText(
                    rect.adjusted(3, 0, -2, 0),
                    Qt.AlignmentFlag.AlignVCenter,
                    f"{kind_symbol(e.kind)} {e.title}",
                )
        painter.setFont(self.font())
        if self._hover_x is not None:
            self._paint_guide(painter, self._hover_x)
        painter.setPen(palette.color(palette.ColorRole.Mid))
        painter.end()

    def _paint_strip(self, painter: QPainter, strip: Strip, top: float, is_cm: bool) -> None:
        palette = self.palette()
        left, right = self._axis()
        band_rect = QRectF(left, top + BAND_TOP, right - left, BAND_HEIGHT)
        painter.fillRect(band_rect, palette.color(palette.ColorRole.AlternateBase))
        # title and zone on the left
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor(strip.colour) if strip.colour else palette.color(palette.ColorRole.Text))
        painter.drawText(
            QRectF(6, top + BAND_TOP - 2, LABEL_WIDTH - 12, 20), Qt.AlignmentFlag.AlignLeft, strip.title
        )
        painter.setFont(self.font())
        painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
        painter.drawText(
            QRectF(6, top + BAND_TOP + 18, LABEL_WIDTH - 12, 20),
            Qt.AlignmentFlag.AlignLeft,
            self._zone_caption(strip),
        )
        # bands
        for band in strip.bands:
            x1, x2 = self.x_of(band.start), self.x_of(band.end)
            rect = QRectF(x1, top + BAND_TOP, max(1.0, x2 - x1), BAND_HEIGHT)
            colour = COLOURS.get(band.kind, QColor(128, 128, 128, 80))
            if band.kind == "work":
                rect = QRectF(x1, top + BAND_TOP + BAND_HEIGHT * 0.55, max(1.0, x2 - x1), BAND_HEIGHT * 0.45)
            painter.fillRect(rect, colour)
            if band.kind == "transit":
                painter.fillRect(rect, QBrush(QColor(255, 255, 255, 90), Qt.BrushStyle.BDiagPattern))
                if band.label and rect.width() > 60:
                    painter.setPen(palette.color(palette.ColorRole.Text))
                    painter.drawText(
                        rect.adjusted(4, 2, -2, 0), Qt.AlignmentFlag.AlignLeft, "✈ " + band.label
                    )
        # zone changes on her strip
        if is_cm:
            painter.setPen(QPen(palette.color(palette.ColorRole.Dark), 1, Qt.PenStyle.DashLine))
            for piece in strip.pieces[1:]:
                x = self.x_of(piece.start)
                painter.drawLine(QPointF(x, top + TICK_AREA), QPointF(x, top + BAND_TOP + BAND_HEIGHT))
        # hour ticks in the strip's own local time
        self._paint_ticks(painter, strip, top)
        # posts
        y = top + BAND_TOP + BAND_HEIGHT / 2
        for post in strip.posts:
            self._paint_post(painter, post, self.x_of(post.utc), y)

    def _zone_caption(self, strip: Strip) -> str:
        assert self.plan is not None
        zones: list[str] = []
        for piece in strip.pieces:
            for instant in (piece.start, piece.end - timedelta(seconds=1)):  # a DST change shows as EST → EDT
                label = timezones.abbreviation(instant, piece.zone)
                if piece.in_transit:
                    label = f"✈ {label}"
                if not zones or zones[-1] != label:
                    zones.append(label)
        if strip.client is not None:
            return f"{strip.client.audience_tz} · {' → '.join(zones)}"
        return " → ".join(zones)

    def _paint_ticks(self, painter: QPainter, strip: Strip, top: float) -> None:
        palette = self.palette()
        left, right = self._axis()
        assert self.plan is not None
        per_hour = (right - left) / max(self.plan.hours, 1.0)
        every = 1 if per_hour >= 26 else 2 if per_hour >= 14 else 3
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        painter.setFont(small)
        for tick in strip.ticks:
            x = self.x_of(tick.instant)
            if tick.midnight:
                painter.setPen(QPen(palette.color(palette.ColorRole.Text), 1.2))
                painter.drawLine(QPointF(x, top + 2), QPointF(x, top + BAND_TOP + BAND_HEIGHT))
                if tick.day is not None and x < right - 80:  # the new date, in the strip, under the hours
                    painter.drawText(QPointF(x + 3, top + BAND_TOP + 11), fmt_day(tick.day))
                continue
            painter.setPen(palette.color(palette.ColorRole.Mid))
            painter.drawLine(QPointF(x, top + TICK_AREA - 4), QPointF(x, top + TICK_AREA + 1))
            if tick.hour % every == 0:
                painter.setPen(palette.color(palette.ColorRole.Text))
                painter.drawText(
                    QRectF(x - 12, top + 3, 24, 12), Qt.AlignmentFlag.AlignCenter, f"{tick.hour:02d}"
                )
        painter.setFont(self.font())

    def _paint_post(self, painter: QPainter, post: DayPost, x: float, y: float) -> None:
        colour = QColor(post.colour or "#4a90d9")
        if post.status != "scheduled":
            colour.setAlpha(110)
        painter.setBrush(QBrush(colour) if post.status != "draft" else Qt.BrushStyle.NoBrush)
        ring = QPen(colour, 1.5)
        if post.conflicts is not None and post.conflicts.kinds:
            ring = QPen(CONFLICT_RING, 2.5)
        elif post.conflicts is not None and post.conflicts.acknowledged:
            ring = QPen(ACK_RING, 2.0, Qt.PenStyle.DashLine)
        painter.setPen(ring)
        painter.drawEllipse(QPointF(x, y), POST_RADIUS, POST_RADIUS)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_guide(self, painter: QPainter, x: float) -> None:
        instant = self.instant_at(x)
        if instant is None or self.plan is None:
            return
        palette = self.palette()
        painter.setPen(QPen(palette.color(palette.ColorRole.Highlight), 1))
        painter.drawLine(QPointF(x, 2), QPointF(x, self.height() - 2))
        for k, strip in enumerate(self.plan.strips):
            zone = self._zone_of(strip, instant)
            local = timezones.wall_at(instant, zone)
            text = fmt_time(local)
            rect = QRectF(x + 4, self.strip_top(k) + BAND_TOP + BAND_HEIGHT - 16, 60, 14)
            painter.fillRect(rect, palette.color(palette.ColorRole.ToolTipBase))
            painter.setPen(palette.color(palette.ColorRole.ToolTipText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, " " + text)

    @staticmethod
    def _zone_of(strip: Strip, instant: datetime) -> str:
        for piece in strip.pieces:
            if piece.start <= instant < piece.end:
                return piece.zone
        return strip.pieces[-1].zone

    # ------------------------------------------------------------------ interaction

    def local_times_at(self, instant: datetime) -> list[tuple[str, str]]:
        """(strip title, local time) of every strip at an instant: the guide line's labels."""
        assert self.plan is not None
        out = []
        for strip in self.plan.strips:
            zone = self._zone_of(strip, instant)
            out.append(
                (
                    strip.title,
                    f"{fmt_time(timezones.wall_at(instant, zone))} {timezones.abbreviation(instant, zone)}",
                )
            )
        return out

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._hover_x = pos.x() if self.instant_at(pos.x()) is not None else None
        post = self.post_at(pos)
        client_event = self.event_at(pos) if post is None else None
        if post is not None:
            QToolTip.showText(event.globalPosition().toPoint(), plain_tooltip(self.post_tooltip(post)), self)
        elif client_event is not None:
            QToolTip.showText(
                event.globalPosition().toPoint(), plain_tooltip(event_tooltip(client_event)), self
            )
        else:
            QToolTip.hideText()
        self.update()

    def leaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._hover_x = None
        self.update()
        super().leaveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        post = self.post_at(event.position())
        if post is not None:
            self.postActivated.emit(post)

    def post_tooltip(self, post: DayPost) -> str:
        lines = [
            f"{post.client_name} · {post.network}",
            (post.text.splitlines() or [""])[0][:80],
            self.tr("Audience: {time} {abbr} ({zone})").format(
                time=f"{fmt_day(post.wall)} {fmt_time(post.wall)}",
                abbr=timezones.abbreviation(post.utc, post.tz),
                zone=post.tz,
            ),
            self.tr("You: {time} {abbr} ({zone})").format(
                time=f"{fmt_day(post.cm_wall)} {fmt_time(post.cm_wall)}",
                abbr=timezones.abbreviation(post.utc, post.cm_tz),
                zone=post.cm_tz,
            ),
            self.tr("UTC: {time}").format(time=fmt_time(post.utc.replace(tzinfo=None))),
        ]
        if post.status != "scheduled":
            lines.append(self.tr("Not scheduled ({status})").format(status=post.status))
        if post.conflicts is not None and post.conflicts.all_kinds:
            lines.append(conflicts_tooltip(post.conflicts))
        return "\n".join(line for line in lines if line)
