"""The widgets of the Calendar page: the title, the bar (week or month, previous/today/next, the lens, the
client filter, Queue and Import) and the week and month grids, plus a post's context menu.

Layout only: `page.CalendarPage` wires the signals, talks to the services and reloads. The widgets are
attributes of the page itself (`week_view`, `lens`, `client_filter`...), as the page and the tests use them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm.ui.calendar.layout import DaySpan, Placed
from nomadcm.ui.calendar.month_view import MonthView
from nomadcm.ui.calendar.week_view import WeekView
from nomadcm.ui.formatting import fmt_date, qdate
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.assignee_filter import AssigneeFilter

WEEK, MONTH = "week", "month"
MY_TIME = ""


class CalendarPageView(QWidget):
    def build(self) -> None:
        """Every widget of the page; the week grid shows first."""
        self.title = plain_label()
        self.title.setObjectName("calendarTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.week_view = WeekView()
        self.week_scroll = QScrollArea()
        self.week_scroll.setWidgetResizable(True)
        self.week_scroll.setWidget(self.week_view)
        self.month_view = MonthView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.week_scroll)
        self.stack.addWidget(self.month_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)  # its own row: a week in French with the zone does not fit in the bar
        layout.addLayout(self._build_bar())
        layout.addWidget(self.stack, 1)

    def _build_bar(self) -> QHBoxLayout:
        self.week_button = QToolButton()
        self.week_button.setText(self.tr("&Week"))
        self.month_button = QToolButton()
        self.month_button.setText(self.tr("&Month"))
        group = QButtonGroup(self)
        for b in (self.week_button, self.month_button):
            b.setCheckable(True)
            group.addButton(b)
        self.week_button.setChecked(True)
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous"))
        self.today_button = QPushButton(self.tr("&Today"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next"))
        self.lens = QComboBox()
        self.lens.setToolTip(
            self.tr("Which clock the calendar shows: yours (from your itinerary) or an audience's")
        )
        self.client_filter = QComboBox()
        self.assignee_filter = AssigneeFilter()  # team mode: shown when the database has members
        self.import_button = QPushButton(self.tr("&Import…"))
        self.queue_button = QPushButton(self.tr("&Queue…"))
        bar = QHBoxLayout()
        for w in (self.week_button, self.month_button, self.prev_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Time shown:")))
        bar.addWidget(self.lens)
        bar.addWidget(self.client_filter)
        bar.addWidget(self.assignee_filter)
        bar.addWidget(self.queue_button)
        bar.addWidget(self.import_button)
        return bar

    def show_title(self, days: list[DaySpan], month: date | None, zone: str) -> None:
        """The week's first and last days, or the `month`, and the lens zone (none: your time)."""
        if month is None:
            text = f"{fmt_date(days[0].day)} – {fmt_date(days[-1].day)}"
        else:
            text = self.locale().toString(qdate(month.replace(day=1)), "MMMM yyyy")
        zone = zone or self.tr("your time")
        self.title.setText(f"{text}  ·  {zone}")

    def build_item_menu(self, item: Placed) -> tuple[QMenu, QAction, QAction | None, QAction]:
        """A post's context menu and its Edit, Mark published (none once published) and Delete actions,
        for the page to connect."""
        menu = QMenu(self)
        edit = menu.addAction(self.tr("&Edit…"))
        publish = None
        if item.occurrence.status != "published":
            publish = menu.addAction(self.tr("Mark &published"))
        delete = menu.addAction(self.tr("&Delete…"))
        return menu, edit, publish, delete


def first_per_day(items: list[Placed], count: int) -> list[Placed]:
    """The first `count` posts of each day (those the month grid draws; the rest it counts)."""
    seen: dict[int, int] = {}
    out = []
    for p in items:
        n = seen.get(p.day_index, 0)
        if n < count:
            out.append(p)
        seen[p.day_index] = n + 1
    return out
