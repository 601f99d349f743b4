"""The schedule as a lazily loaded table: one page of posts at a time, in instant order.

Rows come from the one schedule query (`services.schedule(filter).rows`, keyset paging on (utc, post id)),
with "your time" filled there; the view asks for more through `canFetchMore/fetchMore` as the user scrolls,
so a 100,000-post schedule never loads at once. The filter bar sets a `ScheduleFilter` and the model reloads;
`count()` asks the same query, so the footer's total is in rows (occurrences) like the table.

A recurring post lists one row per occurrence (same post id; `series_wall` is the occurrence's identity in its
series). The audience-time column marks them: ↻ (the tooltip says the rule in words) and, for an occurrence
the clocks jumped over, ⇥ (the tooltip says where it moved).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from nomadcm.errors import UserError
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.series import Occurrence
from nomadcm.ui import startup
from nomadcm.ui.formatting import fmt_date, fmt_datetime, fmt_time
from nomadcm.ui.publishing.occurrence_actions import gap_note, rule_in_words
from nomadcm.ui.widgets.table_model import AnyIndex, RowsTableModel

if TYPE_CHECKING:
    from nomadcm.services.container import Services
    from nomadcm.services.travel.conflicts import PostConflicts

PAGE_SIZE = 200
REPEAT_MARK = "↻"
GAP_MARK = "⇥"
RowKey = tuple[int, datetime | None]  # (post id, series wall time or None for a single post)
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def status_label(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("Status", "Draft"),
        "scheduled": QCoreApplication.translate("Status", "Scheduled"),
        "published": QCoreApplication.translate("Status", "Published"),
        "cancelled": QCoreApplication.translate("Status", "Cancelled"),
    }
    return labels.get(status, status)


def channel_text(network: str, handle: str) -> str:
    return f"{network} {handle}".strip()


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


class ScheduleModel(RowsTableModel[Occurrence]):
    AUDIENCE, YOURS, UTC, CLIENT, CHANNEL, STATUS, CONFLICTS, TEXT = range(8)
    COLUMN_COUNT = 8

    def __init__(self, services: Services, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._services = services
        self._query: ScheduleQuery | None = None  # made again at each reload: the itinerary may have changed
        self._total: int | None = None
        self.page_size = page_size
        self._filter = ScheduleFilter()
        self._conflicts: dict[tuple[int, datetime], PostConflicts] = {}  # (post id, instant) -> conflicts
        self._rules: dict[int, str] = {}  # recurring post id -> its rule in words
        self._exhausted = False
        self._headers = (
            self.tr("Audience time"),
            self.tr("Your time"),
            self.tr("UTC"),
            self.tr("Client"),
            self.tr("Channel"),
            self.tr("Status"),
            self.tr("Conflicts"),
            self.tr("Text"),
        )

    # ------------------------------------------------------------------ loading

    def post_filter(self) -> ScheduleFilter:
        return self._filter

    def query(self) -> ScheduleQuery:
        if self._query is None:
            self._query = self._services.schedule(self._filter)
        return self._query

    def total(self) -> int:
        """How many rows the filter gives in all (loaded or not), from the same query as the rows."""
        if self._total is None:
            self._total = len(self._rows) if self._exhausted else self.query().count()
        return self._total

    def set_filter(self, flt: ScheduleFilter) -> None:
        self._filter = flt
        self.reload(keep_loaded=False)

    def reload(self, keep_loaded: bool = True) -> None:
        """Reads again from the database; keeps as many rows loaded as before (so the view keeps its place).

        The itinerary is read again too (two small queries): "your time" may have changed with it.
        """
        wanted = max(len(self._rows), self.page_size) if keep_loaded else self.page_size
        self._query, self._total = None, None
        self.beginResetModel()
        self._rows = []
        self._conflicts = {}
        self._rules = {}
        self._exhausted = False
        while not self._exhausted and len(self._rows) < wanted:
            self._rows.extend(self._fetch_page())
        self.endResetModel()

    def _fetch_page(self) -> list[Occurrence]:
        after = self._rows[-1].key if self._rows else None
        page = self.query().rows(after, self.page_size)
        if len(page) < self.page_size:
            self._exhausted = True
        if startup.starting():
            # The conflict check loads the city table and holiday rules (about a second the first
            # time): the rows show first, their conflict marks right after the window's first paint.
            startup.after_first_paint(lambda rows=page: self._late_conflicts(rows))
        else:
            self._conflicts.update(self._conflicts_of(page))
        self._rules.update(self._rules_of(page))
        return page

    def _late_conflicts(self, page: Sequence[Occurrence]) -> None:
        self._conflicts.update(self._conflicts_of(page))
        if self._rows:
            top, bottom = self.index(0, self.CONFLICTS), self.index(len(self._rows) - 1, self.CONFLICTS)
            self.dataChanged.emit(top, bottom)

    def _rules_of(self, page: Sequence[Occurrence]) -> dict[int, str]:
        """The rules of the recurring posts first seen on this page, in words (one query for the page)."""
        ids = {r.post_id for r in page if r.series_wall is not None} - set(self._rules)
        if not ids:
            return {}
        return {
            s.post_id: rule_in_words(s.rule, s.tz, s.dtstart)
            for s in self._services.posts.series(sorted(ids))
        }

    def rule_words(self, post_id: int) -> str | None:
        """How a recurring post repeats, in words (None: not a loaded recurring post)."""
        return self._rules.get(post_id)

    def _conflicts_of(self, page: Sequence[Occurrence]) -> dict[tuple[int, datetime], PostConflicts]:
        """The conflicts of a page of scheduled posts (one sweep for the page, not a check per row)."""
        keys = [(r.post_id, r.utc) for r in page if r.status == "scheduled"]
        if not keys:
            return {}
        try:
            return self._services.conflicts.for_rows(keys, itinerary=self.query().itinerary)
        except UserError:
            return {}

    def conflicts_of(self, row: int) -> PostConflicts | None:
        r = self._rows[row]
        return self._conflicts.get((r.post_id, r.utc))

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._fetch_page()
        if not page:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def loaded_all(self) -> bool:
        return self._exhausted

    # ------------------------------------------------------------------ rows

    def row_of(self, post_id: int, series_wall: datetime | None = None) -> int | None:
        """The row of a post (its first loaded occurrence), or of one occurrence when `series_wall` is given."""
        for i, r in enumerate(self._rows):
            if r.post_id == post_id and (series_wall is None or r.series_wall == series_wall):
                return i
        return None

    def row_keys(self, rows: Sequence[int]) -> list[RowKey]:
        """What identifies each row across reloads: (post id, series wall time or None)."""
        return [
            (self._rows[r].post_id, self._rows[r].series_wall)
            for r in sorted(set(rows))
            if 0 <= r < len(self._rows)
        ]

    def post_ids(self, rows: Sequence[int]) -> list[int]:
        return [self._rows[r].post_id for r in sorted(set(rows)) if 0 <= r < len(self._rows)]

    # ------------------------------------------------------------------ Qt model

    def _header_tip(self, section: int) -> str:
        return (
            self.tr("When the post goes out, in the zone it was planned in (the client's audience)"),
            self.tr("The same moment on your clock, wherever your itinerary puts you then"),
            self.tr("The same moment in UTC"),
            "",
            "",
            "",
            self.tr("Posts going out while you sleep, travel, are off, or on a public holiday"),
            self.tr("First line of the text"),
        )[section]

    def _data(self, r: Occurrence, col: int, role: int) -> Any:
        if col == self.CONFLICTS and role in _CONFLICT_ROLES:
            return self._conflict_data(self._conflicts.get((r.post_id, r.utc)), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == POST_ID_ROLE:
            return r.post_id
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.DecorationRole and col == self.CLIENT:
            return QColor(r.colour)
        if role == Qt.ItemDataRole.ForegroundRole and r.status in ("cancelled", "draft"):
            return QColor("#808080")
        if role == Qt.ItemDataRole.FontRole:
            if r.status == "cancelled":
                font = QFont()
                font.setStrikeOut(True)
                return font
            if r.status == "draft":
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def _display(self, r: Occurrence, col: int) -> str:
        if col == self.AUDIENCE:
            text = f"{fmt_date(r.wall)} {fmt_time(r.wall)} {r.tz_abbr}"
            if r.series_wall is not None:
                text += f" {REPEAT_MARK}"
            if r.gap_shifted:
                text += f" {GAP_MARK}"
            return text
        if col == self.YOURS:
            mark = " ✈" if r.in_transit else ""
            return f"{_day_prefix(r.cm_wall, r.wall)}{fmt_time(r.cm_wall)} {r.cm_abbr}{mark}"
        if col == self.UTC:
            utc = r.utc.replace(tzinfo=None)
            return f"{_day_prefix(utc, r.wall)}{fmt_time(utc)}"
        if col == self.CLIENT:
            return r.client_name
        if col == self.CHANNEL:
            return channel_text(r.network, r.handle)
        if col == self.STATUS:
            return status_label(r.status)
        if col == self.TEXT:
            return first_line(r.text)
        return ""

    def _conflict_data(self, found: PostConflicts | None, role: int) -> Any:
        """The conflicts column: an icon and the kinds' symbols; the tooltip names each kind and your time."""
        if found is None:
            return None
        from nomadcm.ui.travel.table_models import conflicts_tooltip, warning_icon
        from nomadcm.ui.travel.texts import conflict_symbol

        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(conflict_symbol(k) for k in found.kinds) if found.kinds else "✓"
        if role == Qt.ItemDataRole.ToolTipRole:
            return conflicts_tooltip(found)
        if role == Qt.ItemDataRole.DecorationRole:
            return warning_icon() if found.kinds else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#b7791f") if found.kinds else QColor("#808080")
        return None

    def _tooltip(self, r: Occurrence, col: int) -> str | None:
        if col == self.AUDIENCE:
            lines = [f"{fmt_datetime(r.wall)} — {r.tz} ({r.tz_abbr})"]
            if r.series_wall is not None:
                words = self._rules.get(r.post_id)
                lines.append(
                    self.tr("{mark} Repeats: {rule}").format(mark=REPEAT_MARK, rule=words)
                    if words
                    else self.tr("{mark} One occurrence of a repeating post").format(mark=REPEAT_MARK)
                )
                if r.edited:
                    lines.append(
                        self.tr("This occurrence was changed on its own; the rest of the series was not.")
                    )
            if r.gap_shifted and r.series_wall is not None:
                lines.append(f"{GAP_MARK} {gap_note(r.series_wall, r.wall, r.tz)}")
            return "\n".join(lines)
        if col == self.YOURS:
            place = r.cm.place if r.cm is not None else ""
            if r.in_transit:
                where = (
                    self.tr("in transit from {place}").format(place=place) if place else self.tr("in transit")
                )
            else:
                where = place or self.tr("at home")
            return self.tr("{when} — {zone}, {where}").format(
                when=fmt_datetime(r.cm_wall), zone=r.cm_zone, where=where
            )
        if col == self.UTC:
            return fmt_datetime(r.utc.replace(tzinfo=None)) + " UTC"
        if col == self.TEXT:
            text = r.text if len(r.text) <= 600 else r.text[:600] + "…"
            return text or None
        return None


_CONFLICT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
)


def _day_prefix(value: datetime, reference: datetime) -> str:
    """The date, shown only when it is not the audience's date (the usual case needs no repetition)."""
    if value.date() == reference.date():
        return ""
    return f"{fmt_date(value)} "
