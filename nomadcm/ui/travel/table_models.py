"""Table models of the Travel page: the itinerary, its warnings, and the posts with conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from nomadcm import timezones
from nomadcm.services.travel.conflicts import PostConflicts
from nomadcm.services.travel.itinerary_warnings import ItineraryWarning
from nomadcm.services.travel.trip_records import StayInfo, TransitInfo
from nomadcm.ui.formatting import fmt_day, fmt_time, plural
from nomadcm.ui.plain_text import plain_tooltip
from nomadcm.ui.travel.texts import (
    conflict_label,
    conflict_sentence,
    conflict_symbol,
    transit_kind_label,
    transit_kind_symbol,
    warning_text,
)
from nomadcm.ui.widgets.table_model import AnyIndex, RowsTableModel

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 21
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 22
WARNING_ROLE = Qt.ItemDataRole.UserRole + 23
WARNING_COLOUR = QColor("#b7791f")


def warning_icon() -> QIcon:
    """The style's warning icon (empty without a widget application, e.g. a model used headless)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return QIcon()
    return app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if hours else f"{rest} min"


@dataclass(frozen=True)
class Entry:
    """One row of the itinerary: a stay or a transit."""

    kind: str  # "stay" or "transit"
    stay: StayInfo | None = None
    transit: TransitInfo | None = None

    @property
    def id(self) -> int:
        return self.stay.id if self.stay else self.transit.id  # type: ignore[union-attr]

    @property
    def start(self) -> datetime:
        return self.stay.start_utc if self.stay else self.transit.depart_utc  # type: ignore[union-attr]

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


class ItineraryModel(RowsTableModel[Entry]):
    WHAT, FROM, TO, PLACE, ZONE, LENGTH, NOTES = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._warnings: dict[tuple[str, int], list[ItineraryWarning]] = {}
        self._now = timezones.now_utc()
        self._headers = (
            self.tr("What"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Place"),
            self.tr("Time zone"),
            self.tr("Length"),
            self.tr("Notes"),
        )

    def set_itinerary(
        self, stays: list[StayInfo], transits: list[TransitInfo], warnings: list[ItineraryWarning]
    ) -> None:
        self.beginResetModel()
        entries = [Entry("stay", stay=s) for s in stays] + [Entry("transit", transit=t) for t in transits]
        self._rows = sorted(entries, key=lambda e: (e.start, e.kind != "stay", e.id))
        self._warnings = {}
        for w in warnings:
            for sid in w.stay_ids:
                self._warnings.setdefault(("stay", sid), []).append(w)
            for tid in w.transit_ids:
                self._warnings.setdefault(("transit", tid), []).append(w)
        self._now = timezones.now_utc()
        self.endResetModel()

    def entry_at(self, row: int) -> Entry:
        return self.row_at(row)

    def row_of(self, key: tuple[str, int]) -> int | None:
        return self.find_row(lambda e: e.key == key)

    def _data(self, entry: Entry, col: int, role: int) -> Any:
        warnings = self._warnings.get(entry.key, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._stay_text(entry.stay, col) if entry.stay else self._transit_text(entry.transit, col)
        if role == ENTRY_ROLE:
            return entry
        if role == WARNING_ROLE:
            return warnings
        if role == Qt.ItemDataRole.DecorationRole and col == self.WHAT and warnings:
            return warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [warning_text(w) for w in warnings]
            if col == self.NOTES:
                notes = entry.stay.notes if entry.stay else entry.transit.notes  # type: ignore[union-attr]
                lines.insert(0, notes)
            return "\n".join(line for line in lines if line) or None
        if role == Qt.ItemDataRole.FontRole and self._is_now(entry):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and entry.transit is not None and col == self.WHAT:
            return QColor("#2b6cb0")
        return None

    def _is_now(self, entry: Entry) -> bool:
        if entry.stay:
            return entry.stay.start_utc <= self._now < entry.stay.end_utc
        t = entry.transit
        assert t is not None
        return t.depart_utc <= self._now < t.arrive_utc

    def _stay_text(self, s: StayInfo | None, col: int) -> str:
        assert s is not None
        if col == self.WHAT:
            return self.tr("Stay")
        if col == self.FROM:
            return fmt_day(s.first_date)
        if col == self.TO:
            return fmt_day(s.last_date)
        if col == self.PLACE:
            return s.place
        if col == self.ZONE:
            return s.tz
        if col == self.LENGTH:
            return plural(self.tr("%n day(s)", "", s.days), s.days)
        if col == self.NOTES:
            return (s.notes.splitlines() or [""])[0]
        return ""

    def _transit_text(self, t: TransitInfo | None, col: int) -> str:
        assert t is not None
        if col == self.WHAT:
            return f"{transit_kind_symbol(t.kind)} {transit_kind_label(t.kind)}"
        if col == self.FROM:
            abbr = timezones.abbreviation(t.depart_utc, t.from_tz)
            return f"{fmt_day(t.depart_local)} {fmt_time(t.depart_local)} {abbr}"
        if col == self.TO:
            abbr = timezones.abbreviation(t.arrive_utc, t.to_tz)
            return f"{fmt_day(t.arrive_local)} {fmt_time(t.arrive_local)} {abbr}"
        if col == self.PLACE:
            return f"{t.route} {t.ref}".strip()
        if col == self.ZONE:
            return t.from_tz if t.from_tz == t.to_tz else f"{t.from_tz} → {t.to_tz}"
        if col == self.LENGTH:
            return duration_text(int(t.duration.total_seconds()) // 60)
        if col == self.NOTES:
            return (t.notes.splitlines() or [""])[0]
        return ""


class WarningsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._warnings: list[ItineraryWarning] = []

    def set_warnings(self, warnings: list[ItineraryWarning]) -> None:
        self.beginResetModel()
        self._warnings = list(warnings)
        self.endResetModel()

    def warning_at(self, row: int) -> ItineraryWarning:
        return self._warnings[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._warnings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._warnings):
            return None
        w = self._warnings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return warning_text(w)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(warning_text(w))  # names stays and places: shown as typed
        if role == Qt.ItemDataRole.DecorationRole:
            return warning_icon()
        if role == WARNING_ROLE:
            return w
        return None


class ConflictsModel(RowsTableModel[PostConflicts]):
    """Posts with conflicts, in time order (the Conflicts panel)."""

    YOURS, AUDIENCE, CLIENT, CHANNEL, KINDS, TEXT = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Your time"),
            self.tr("Audience time"),
            self.tr("Client"),
            self.tr("Channel"),
            self.tr("Conflicts"),
            self.tr("Text"),
        )

    def row_of(self, post_id: int, utc: datetime | None = None) -> int | None:
        return self.find_row(lambda r: r.post_id == post_id and (utc is None or r.utc == utc))

    def _data(self, r: PostConflicts, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == CONFLICT_ROLE:
            return r
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.KINDS:
                return conflicts_tooltip(r)
            if col == self.YOURS:
                return r.cm_place or None
            if col == self.TEXT:
                return r.text or None
        if role == Qt.ItemDataRole.ForegroundRole and not r.kinds:
            return QColor("#808080")  # everything acknowledged
        if role == Qt.ItemDataRole.ForegroundRole and col == self.KINDS:
            return WARNING_COLOUR
        return None

    def _display(self, r: PostConflicts, col: int) -> str:
        if col == self.YOURS:
            mark = " ✈" if r.in_transit else ""
            return (
                f"{fmt_day(r.cm_wall)} {fmt_time(r.cm_wall)} {timezones.abbreviation(r.utc, r.cm_tz)}{mark}"
            )
        if col == self.AUDIENCE:
            return f"{fmt_day(r.audience_wall)} {fmt_time(r.audience_wall)} {timezones.abbreviation(r.utc, r.audience_tz)}"
        if col == self.CLIENT:
            return r.client_name
        if col == self.CHANNEL:
            return r.network
        if col == self.KINDS:
            return conflicts_summary(r)
        if col == self.TEXT:
            return next((line.strip() for line in r.text.splitlines() if line.strip()), "")
        return ""


def conflicts_summary(r: PostConflicts) -> str:
    """ "☾ While you sleep, ⌛ Outside working hours" — acknowledged kinds in brackets."""
    who = getattr(r, "who", "")
    parts = [f"{conflict_symbol(k)} {conflict_label(k, who)}" for k in r.kinds]
    parts += [f"({conflict_label(k, who)} ✓)" for k in r.acknowledged]
    return ", ".join(parts)


def conflicts_tooltip(r: PostConflicts) -> str:
    """One line per conflict, naming it and her local time; acknowledged ones marked so."""
    cm_time = f"{fmt_day(r.cm_wall)} {fmt_time(r.cm_wall)}"
    lines = []
    for kind in r.all_kinds:
        line = conflict_sentence(kind, r.fact_of(kind), cm_time, r.cm_tz, getattr(r, "who", ""))
        if kind in r.acknowledged:
            line = QApplication.translate("Travel", "{line} — acknowledged").format(line=line)
        lines.append(line)
    return "\n".join(lines)
