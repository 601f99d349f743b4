""" "Where can I work when this post goes out?": the workplaces near where the itinerary puts her at the post's
instant, open then on their own clock, with their median speed (services/workplaces/work_spots.py).

Opened from a post: the Schedule's context menu and the post dialog. The answer is read on the window's task
runner (the city table may load to measure distances); an empty answer says why.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.workplaces.work_spots import EmptyReason, WorkSpot, WorkSpots
from nomadcm.ui.formatting import fmt_datetime, fmt_day, fmt_time, plural
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.tasks import Cancelled, Task, TaskRunner, report_unexpected
from nomadcm.ui.widgets.table_model import RowsTableModel
from nomadcm.ui.workplaces.table_models import fmt_mbps, kind_label

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class WorkSpotsModel(RowsTableModel[WorkSpot]):
    NAME, KIND, DISTANCE, DOWN, UP, UNTIL = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Distance"),
            self.tr("Down (Mbit/s)"),
            self.tr("Up (Mbit/s)"),
            self.tr("Open until"),
        )

    def _data(self, s: WorkSpot, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.DISTANCE, self.DOWN, self.UP):
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        p = s.place
        if col == self.NAME:
            return p.name
        if col == self.KIND:
            return kind_label(p.kind)
        if col == self.DISTANCE:
            return self.tr("{km} km").format(km=fmt_mbps(s.distance_km)) if s.distance_km is not None else ""
        if col == self.DOWN:
            return fmt_mbps(p.down_mbps)
        if col == self.UP:
            return fmt_mbps(p.up_mbps)
        if col == self.UNTIL:
            return until_text(s)
        return None


def until_text(s: WorkSpot) -> str:
    """ "18:00" on the place's clock, "Wed 02:00" when it closes another day; "" when it never closes."""
    if s.place_wall is None:
        return ""
    closes = s.place.hours.next_change_wall(s.place_wall)
    if closes is None:
        return ""
    return (
        fmt_time(closes) if closes.date() == s.place_wall.date() else f"{fmt_day(closes)} {fmt_time(closes)}"
    )


def empty_text(answer: WorkSpots) -> str:
    """Why nothing is listed, in her words."""
    when = fmt_datetime(answer.cm_wall)
    if answer.reason == EmptyReason.IN_TRANSIT:
        return QCoreApplication.translate(
            "WorkSpots", "You are in transit then ({place}): no workplace to offer."
        ).format(place=answer.where.place or answer.where.zone)
    if answer.reason == EmptyReason.NO_PLACE_NEAR:
        if not answer.city:
            return QCoreApplication.translate(
                "WorkSpots",
                "You are at home then, and no home city is set: set it in Settings to see places.",
            )
        return QCoreApplication.translate(
            "WorkSpots", "No workplace is known near {city}. Add some on the Workplaces page."
        ).format(city=answer.city)
    if answer.reason == EmptyReason.NONE_OPEN:
        near, unknown = answer.near, answer.unknown_hours
        text = plural(
            QCoreApplication.translate(
                "WorkSpots", "None of the %n workplace(s) near {city} is open at {time}.", "", near
            ),
            answer.near,
        ).format(city=answer.city, time=when)
        if answer.unknown_hours:
            text += " " + plural(
                QCoreApplication.translate(
                    "WorkSpots", "%n of them have opening hours that do not say.", "", unknown
                ),
                answer.unknown_hours,
            )
        return text
    return ""


class WorkSpotsDialog(QDialog):
    def __init__(
        self, services: Services, tasks: TaskRunner | None, instant: datetime, parent: QWidget | None = None
    ) -> None:
        """Without `tasks` (a dialog opened outside the window) the answer is read at once."""
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.instant = instant
        self.answer: WorkSpots | None = None
        self.job: Task | None = None
        self.setWindowTitle(self.tr("Where can I work then?"))
        self.resize(680, 380)
        self.heading = plain_label()
        self.heading.setWordWrap(True)
        self.order_combo = QComboBox()
        self.order_combo.addItem(self.tr("Fastest first"), "fastest")
        self.order_combo.addItem(self.tr("Nearest first"), "nearest")
        self.model = WorkSpotsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            WorkSpotsModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.empty = plain_label()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.note = plain_label()
        self.note.setStyleSheet("color: palette(mid);")
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        order_row = QHBoxLayout()
        order_row.addWidget(QLabel(self.tr("Order:")))
        order_row.addWidget(self.order_combo)
        order_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(order_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.order_combo.currentIndexChanged.connect(self.reload)
        self.reload()

    @Slot()
    def reload(self, *_args: object) -> None:
        self.heading.setText(self.tr("Looking…"))
        order = str(self.order_combo.currentData())
        workplaces, instant = self.services.workplaces, self.instant
        if self.tasks is None:
            try:
                self._show(workplaces.work_spots(instant, order))
            except UserError as err:
                self._failed(err)
            return
        self.job = self.tasks.run(
            lambda _report: workplaces.work_spots(instant, order),
            self,
            on_success=self._show,
            on_failure=self._failed,
        )

    def _show(self, answer: WorkSpots) -> None:
        self.answer = answer
        where = answer.city or answer.where.place or answer.where.zone
        self.heading.setText(
            self.tr("When this post goes out: {time} your time ({zone}), in {where}.").format(
                time=fmt_datetime(answer.cm_wall), zone=answer.where.zone, where=where
            )
            if not answer.where.in_transit
            else self.tr("When this post goes out: {time} your time ({zone}).").format(
                time=fmt_datetime(answer.cm_wall), zone=answer.where.zone
            )
        )
        self.model.set_rows(answer.spots)
        self.table.setVisible(bool(answer.spots))
        self.empty.setVisible(not answer.spots)
        self.empty.setText(empty_text(answer))
        note = ""
        if answer.spots:
            note = self.tr("Open then on each place's own clock; speeds are the medians of your tests.")
            if answer.unknown_hours:
                note += " " + plural(
                    self.tr(
                        "%n more place(s) nearby have opening hours that do not say.",
                        "",
                        answer.unknown_hours,
                    ),
                    answer.unknown_hours,
                )
        self.note.setText(note)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, Cancelled):  # the window is closing
            return
        if isinstance(err, UserError):
            self.heading.setText(str(err))
        else:
            report_unexpected(err)


def open_work_spots(
    services: Services, tasks: TaskRunner | None, instant: datetime, parent: QWidget
) -> WorkSpotsDialog:
    """Opens the dialog for the post going out at `instant` (window-modal, deleted on close)."""
    dialog = WorkSpotsDialog(services, tasks, instant, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
