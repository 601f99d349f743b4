"""The Day view: one strip for the CM and one per client, each in its own local hours, aligned on instants.

What to draw comes from `services/day_plan.py`; `day_canvas.DayCanvas` paints it, under this module's day
navigation. The span is the CM's local day, so a DST day is drawn 23 or 25 hours long and a flight day as
long as it really is. Hovering shows a guide line with the local time on every strip at that instant;
hovering a post shows its times and conflicts.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.services.container import Services
from nomadcm.services.travel.day_plan import DayPlan
from nomadcm.ui.formatting import fmt_day, plural, pydate, qdate
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.tasks import TaskRunner
from nomadcm.ui.travel.day_canvas import COLOURS, CONFLICT_RING, DayCanvas
from nomadcm.ui.widgets.date_inputs import DateInput


class DayView(QWidget):
    """The Day view with its navigation: previous/next day, a date, today."""

    dayChanged = Signal(object)  # date
    planned = Signal()  # the day's plan is drawn (made on the task runner when there is one)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        # The day's plan (posts, conflicts, where she is, prime hours) is made on the task runner: 30-50 ms of
        # the Travel page's first click on the GUI thread. Only the latest day asked for is drawn.
        self.tasks = tasks
        self._asked = self._drawn = 0
        self._day: date = timezones.now_utc().date()
        self.prev_button = QPushButton(self.tr("◀ Previous day"))
        self.next_button = QPushButton(self.tr("Next day ▶"))
        self.today_button = QPushButton(self.tr("Today"))
        self.prev_button.setShortcut(Qt.Modifier.ALT | Qt.Key.Key_Left)
        self.next_button.setShortcut(Qt.Modifier.ALT | Qt.Key.Key_Right)
        self.date_edit = DateInput()
        self.date_edit.setAccessibleName(self.tr("Day shown"))
        self.caption = plain_label()
        self.caption.setWordWrap(True)
        self.legend = QLabel(self._legend())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.canvas = DayCanvas()
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.date_edit)
        nav.addWidget(self.next_button)
        nav.addWidget(self.today_button)
        nav.addSpacing(12)
        nav.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.legend)
        self.prev_button.clicked.connect(lambda: self.set_day(self._day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self._day + timedelta(days=1)))
        self.today_button.clicked.connect(self.go_today)
        self.date_edit.dateChanged.connect(lambda d: self.set_day(pydate(d)))
        self.set_day(self._day, force=True)

    def day(self) -> date:
        return self._day

    def _legend(self) -> str:
        def swatch(kind: str) -> str:
            c = COLOURS[kind]
            return f'<span style="color: rgb({c.red()},{c.green()},{c.blue()});">■</span>'

        items = [
            (swatch("sleep"), self.tr("your sleep")),
            (swatch("work"), self.tr("your working hours")),
            (swatch("transit"), self.tr("transit")),
            (swatch("prime"), self.tr("audience prime hours")),
            (f'<span style="color: {CONFLICT_RING.name()};">◯</span>', self.tr("post with a conflict")),
            ("▬", self.tr("client's event (launch, closure…)")),
        ]
        return "&nbsp;&nbsp;&nbsp;".join(f"{mark} {html.escape(text)}" for mark, text in items)

    @Slot()
    def go_today(self) -> None:
        now = timezones.now_utc()
        self.set_day(self.services.your_time().at(now)[1].date())

    def set_day(self, day: date, force: bool = False) -> None:
        if day == self._day and not force:
            return
        self._day = day
        if pydate(self.date_edit.date()) != day:
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(qdate(day))
            self.date_edit.blockSignals(False)
        self.reload()
        self.dayChanged.emit(day)

    @property
    def pending(self) -> bool:
        """A day's plan is being made (the one drawn is an older day's, or none)."""
        return self._drawn != self._asked

    def reload(self) -> None:
        self._asked += 1
        asked, day, you, services = self._asked, self._day, self.tr("You"), self.services
        if self.tasks is None:
            self._draw(asked, services.day_plan(day, cm_title=you))
            return
        self.tasks.run(
            lambda _report: services.day_plan(day, cm_title=you),
            self,
            on_success=lambda plan: self._draw(asked, plan),
        )

    def _draw(self, asked: int, plan: DayPlan) -> None:
        if asked != self._asked:  # another day (or a change) was asked for since: its plan comes next
            return
        self._drawn = asked
        self.canvas.set_plan(plan)
        self.caption.setText(self._caption(plan))
        self.planned.emit()

    def _caption(self, plan: DayPlan) -> str:
        hours = plan.hours
        places = [p.place for p in plan.cm.pieces if p.place and not p.in_transit]
        where = " → ".join(dict.fromkeys(places)) or self.tr("at home")
        length = (
            plural(self.tr("%n hour(s)", "", round(hours)), round(hours))
            if abs(hours - round(hours)) < 0.01
            else f"{hours:.1f} h"
        )
        posts = sum(len(s.posts) for s in plan.clients)
        conflicts = sum(1 for s in plan.clients for p in s.posts if p.kinds)
        text = self.tr("{day}: {where}, a day of {length}").format(
            day=fmt_day(plan.day), where=where, length=length
        )
        text += " — " + plural(self.tr("%n post(s)", "", posts), posts)
        if conflicts:
            text += ", " + self.tr("%n with conflicts", "", conflicts)
        return text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.set_day(self._day - timedelta(days=1))
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.set_day(self._day + timedelta(days=1))
        else:
            super().keyPressEvent(event)
