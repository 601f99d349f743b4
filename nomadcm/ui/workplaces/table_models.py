"""Table models of the Workplaces page: places (filtered and sorted in the model), and the labels and
formats the page's other tables share (`visit_table_models`: speed tests, work sessions, checklists)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from nomadcm import timezones
from nomadcm.services.travel.cities import fold
from nomadcm.services.workplaces.opening_hours import HoursState
from nomadcm.services.workplaces.place_catalog import PlaceCatalog, PlaceInfo
from nomadcm.services.workplaces.place_filter import PlaceFilter
from nomadcm.ui.formatting import fmt_date, fmt_datetime, fmt_time, qdate
from nomadcm.ui.hours_text import display_hours
from nomadcm.ui.widgets.table_model import RowsTableModel
from nomadcm.vocabulary import WORKPLACE_KINDS

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
STATE_COLOURS = {HoursState.OPEN: "#2f855a", HoursState.CLOSED: "#c53030", HoursState.UNKNOWN: "#718096"}


def kind_label(kind: str) -> str:
    labels = {
        "cafe": QCoreApplication.translate("Workplaces", "Café"),
        "coworking": QCoreApplication.translate("Workplaces", "Coworking"),
        "hotel": QCoreApplication.translate("Workplaces", "Hotel"),
        "library": QCoreApplication.translate("Workplaces", "Library"),
        "outdoor": QCoreApplication.translate("Workplaces", "Outdoor"),
        "transport": QCoreApplication.translate("Workplaces", "Transport"),
        "other": QCoreApplication.translate("Workplaces", "Other"),
    }
    return labels.get(kind, kind)


def kind_choices() -> list[tuple[str, str]]:
    return [(k, kind_label(k)) for k in WORKPLACE_KINDS]


def state_label(state: HoursState) -> str:
    return {
        HoursState.OPEN: QCoreApplication.translate("Workplaces", "Open"),
        HoursState.CLOSED: QCoreApplication.translate("Workplaces", "Closed"),
        HoursState.UNKNOWN: QCoreApplication.translate("Workplaces", "Unknown"),
    }[state]


def fmt_mbps(value: float | None) -> str:
    from PySide6.QtCore import QLocale

    return "" if value is None else QLocale().toString(float(value), "f", 1)


def hours_tooltip(place: PlaceInfo, when: datetime) -> str:
    """What the Open column's tooltip says: the hours, why the state is unknown (the value's own comment,
    or an open end) and until when the state holds. Plain text: the table model shows it as written."""
    if not place.opening_hours.strip():
        return QCoreApplication.translate("Workplaces", "Opening hours not known")
    if place.hours_error:
        return QCoreApplication.translate(
            "Workplaces", "{hours}\nNot understood ({error}): treated as unknown"
        ).format(hours=place.opening_hours, error=place.hours_error)
    lines = [display_hours(place.opening_hours)]
    answer = place.open_answer(when)
    if answer.comment:
        lines.append(answer.comment)
    if answer.open_end:
        lines.append(QCoreApplication.translate("Workplaces", "Open end: the closing time is not given"))
    elif answer.state is HoursState.UNKNOWN and not answer.comment:
        lines.append(QCoreApplication.translate("Workplaces", "The hours do not say whether it is open"))
    if place.tz:
        wall = timezones.wall_at(when, place.tz) if when.tzinfo is not None else when
        change = place.hours.next_change_wall(wall)
        if change is not None:
            lines.append(
                QCoreApplication.translate("Workplaces", "Changes {when} ({zone})").format(
                    when=fmt_datetime(change), zone=place.tz
                )
            )
    return "\n".join(lines)


class PlacesModel(RowsTableModel[PlaceInfo]):
    FAV, NAME, KIND, CITY, DOWN, UP, TESTS, WIFI, POWER, QUIET, COMFORT, PRICE, OPEN = range(13)
    COLUMN_COUNT = 13
    SCORE_COLUMNS: ClassVar[dict[int, str]] = {
        WIFI: "score_wifi",
        POWER: "score_power",
        QUIET: "score_quiet",
        COMFORT: "score_comfort",
        PRICE: "score_price",
    }

    def __init__(self, load: Callable[[], PlaceCatalog], parent: Any = None) -> None:
        super().__init__(parent)
        self._load = load
        self._catalog = PlaceCatalog([])  # all the places; the rows are those shown, filtered then sorted
        self._filter = PlaceFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._now = timezones.now_utc()
        self._headers = (
            "★",
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("City"),
            self.tr("Down (Mbit/s)"),
            self.tr("Up (Mbit/s)"),
            self.tr("Tests"),
            self.tr("WiFi"),
            self.tr("Power"),
            self.tr("Quiet"),
            self.tr("Comfort"),
            self.tr("Price"),
            self.tr("Open now"),
        )
        self._open_at_header = self.tr("Open {day} {time}")  # "Open Tue 14:00": the time the column tests
        self._tips = {
            self.FAV: self.tr("Favourite"),
            self.DOWN: self.tr("Median download of the speed tests"),
            self.UP: self.tr("Median upload of the speed tests"),
            self.TESTS: self.tr("How many speed tests"),
            self.WIFI: self.tr("WiFi reliability, 0 to 5"),
            self.POWER: self.tr("Power outlets, 0 to 5"),
            self.QUIET: self.tr("Quiet, 0 to 5"),
            self.COMFORT: self.tr("Comfort, 0 to 5"),
            self.PRICE: self.tr("Price, 0 (dear) to 5 (cheap)"),
            self.OPEN: self.tr("Open now, on the place's own clock"),
        }

    # ------------------------------------------------------------------ data

    def reload(self, catalog: PlaceCatalog | None = None) -> None:
        """Read the catalogue again (or show `catalog`, already read: ui/workplaces/reading.py)."""
        self.beginResetModel()
        self._catalog = catalog if catalog is not None else self._load()
        self._now = timezones.now_utc()
        self._rows = self._shown()
        self.endResetModel()

    def catalog(self) -> PlaceCatalog:
        return self._catalog

    def total(self) -> int:
        """All places, shown or not."""
        return len(self._catalog)

    def place_filter(self) -> PlaceFilter:
        return self._filter

    def set_place_filter(self, flt: PlaceFilter) -> None:
        """Filtering happens here, with the service's own predicate (`PlaceFilter.prepare`), so the page
        and `place list` agree on what a filter means — and 10,000 places filter in milliseconds, where a
        QSortFilterProxyModel would call back into Python for every row. The Open column then shows the
        state at the filter's time ("Open at"), or now."""
        self.beginResetModel()
        self._filter = flt
        self._rows = self._shown()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.OPEN, self.OPEN)

    def hours_time(self) -> datetime:
        """When the Open column reads the hours: the filter's time (a naive one is each place's own wall
        time), else now."""
        return self._filter.open_at if self._filter.open_at is not None else self._now

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.isValid() and i.row() < len(self._rows) else None for i in before]
        self._sort = (column, order)
        self._rows = self._sorted(self._rows)
        where = {p.id: r for r, p in enumerate(self._rows)}
        after = [
            self.index(where[pid], i.column()) if pid is not None and pid in where else QModelIndex()
            for i, pid in zip(before, ids, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _shown(self) -> list[PlaceInfo]:
        keep = self._filter.prepare()
        return self._sorted([p for p in self._catalog.places if keep(p)])

    def _sorted(self, rows: list[PlaceInfo]) -> list[PlaceInfo]:
        if self._sort is None:
            return rows
        column, order = self._sort
        key = self._sort_key
        by_name = sorted(rows, key=lambda p: fold(p.name))  # ties keep name order
        return sorted(by_name, key=lambda p: key(p, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def place_at(self, row: int) -> PlaceInfo:
        return self.row_at(row)

    def row_of(self, place_id: int) -> int | None:
        return self.find_row(lambda p: p.id == place_id)

    def refresh_now(self) -> None:
        """A minute passed: the Open column may have changed."""
        self._now = timezones.now_utc()
        self.column_changed(self.OPEN)

    # ------------------------------------------------------------------ cells

    def _header(self, section: int) -> Any:
        if section == self.OPEN and self._filter.open_at is not None and self._filter.open_at.tzinfo is None:
            at = self._filter.open_at  # a time she chose, on each place's clock
            return self._open_at_header.format(
                day=QLocale().toString(qdate(at.date()), "ddd"), time=fmt_time(at)
            )
        return super()._header(section)

    def _header_tip(self, section: int) -> str | None:
        return self._tips.get(section)

    def _data(self, p: PlaceInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == SORT_ROLE:
            return self._sort_key(p, col)
        if role == ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.DOWN, self.UP, self.TESTS):
                return RIGHT
            if col == self.FAV or col in self.SCORE_COLUMNS:
                return CENTER
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.OPEN:
            return QBrush(QColor(STATE_COLOURS[self._state(p)]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, col)
        return None

    def _state(self, p: PlaceInfo) -> HoursState:
        return p.open_state(self.hours_time())

    def _display(self, p: PlaceInfo, col: int) -> str | None:
        if col == self.FAV:
            return "★" if p.favourite else ""
        if col == self.NAME:
            return p.name
        if col == self.KIND:
            return kind_label(p.kind)
        if col == self.CITY:
            return p.city
        if col == self.DOWN:
            return fmt_mbps(p.down_mbps)
        if col == self.UP:
            return fmt_mbps(p.up_mbps)
        if col == self.TESTS:
            return str(p.tests) if p.tests else ""
        if col in self.SCORE_COLUMNS:
            value = getattr(p, self.SCORE_COLUMNS[col])
            return "" if value is None else str(value)
        if col == self.OPEN:
            if p.hours_error:
                return self.tr("? hours not understood")
            return state_label(self._state(p))  # no hours at all: unknown, as in `place list`
        return None

    def _sort_key(self, p: PlaceInfo, col: int) -> Any:
        if col == self.FAV:
            return 1 if p.favourite else 0
        if col == self.NAME:
            return fold(p.name)
        if col == self.KIND:
            return fold(kind_label(p.kind))
        if col == self.CITY:
            return fold(p.city)
        if col == self.DOWN:
            return -1.0 if p.down_mbps is None else float(p.down_mbps)
        if col == self.UP:
            return -1.0 if p.up_mbps is None else float(p.up_mbps)
        if col == self.TESTS:
            return p.tests
        if col in self.SCORE_COLUMNS:
            value = getattr(p, self.SCORE_COLUMNS[col])
            return -1 if value is None else value
        if col == self.OPEN:
            return {HoursState.OPEN: 2, HoursState.UNKNOWN: 1, HoursState.CLOSED: 0}[self._state(p)]
        return None

    def _tooltip(self, p: PlaceInfo, col: int) -> str | None:
        if col == self.OPEN:
            return hours_tooltip(p, self.hours_time())
        if col == self.NAME:
            parts = [p.address] if p.address else []
            if p.notes:
                parts.append(p.notes)
            return "\n".join(parts) or None
        if col in (self.DOWN, self.UP, self.TESTS) and p.speed.last_test_at is not None:
            return self.tr("{count} test(s), the latest on {day}").format(
                count=p.tests, day=fmt_date(timezones.wall_at(p.speed.last_test_at, p.tz or "UTC"))
            )
        return None
