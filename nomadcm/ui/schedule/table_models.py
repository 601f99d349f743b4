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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from nomadcm.errors import UserError
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.series import Occurrence
from nomadcm.ui import startup
from nomadcm.ui.formatting import fmt_date, fmt_datetime, fmt_time
from nomadcm.ui.publishing.occurrence_actions import gap_note, rule_in_words
from nomadcm.ui.schedule import columns
from nomadcm.ui.schedule.columns import POST_ID_ROLE as POST_ID_ROLE
from nomadcm.ui.schedule.columns import ROW_ROLE as ROW_ROLE
from nomadcm.ui.schedule.columns import RowKey as RowKey
from nomadcm.ui.schedule.columns import channel_text as channel_text
from nomadcm.ui.schedule.columns import first_line, status_label
from nomadcm.ui.schedule.paint_gate import PaintGate
from nomadcm.ui.widgets.table_model import AnyIndex, RowsTableModel

if TYPE_CHECKING:
    from nomadcm.services.container import Services
    from nomadcm.services.travel.conflicts import PostConflicts
    from nomadcm.ui.tasks import TaskRunner

PAGE_SIZE = 200
REPEAT_MARK = "↻"
GAP_MARK = "⇥"


@dataclass(frozen=True)
class FirstPage:
    """A filter's first page of rows, read before the page exists — at start-up, off the GUI thread, while the
    window's frame is on screen (`read_first_page`); the model shows them instead of reading them again."""

    filter: ScheduleFilter
    query: ScheduleQuery
    rows: list[Occurrence]
    page_size: int
    rules: dict[int, str]  # recurring post id -> its rule in words


def read_first_page(services: Services, flt: ScheduleFilter, page_size: int = PAGE_SIZE) -> FirstPage:
    """What `ScheduleModel.set_filter(flt)` would read first; safe on any thread (no Qt object made)."""
    query = services.schedule(flt)
    rows = query.rows(None, page_size)
    return FirstPage(flt, query, rows, page_size, rules_in_words(services, rows))


def rules_in_words(
    services: Services, page: Sequence[Occurrence], known: Sequence[int] = ()
) -> dict[int, str]:
    """The rules of the recurring posts of `page` not in `known`, in words (one query for the page)."""
    ids = {r.post_id for r in page if r.series_wall is not None} - set(known)
    if not ids:
        return {}
    return {s.post_id: rule_in_words(s.rule, s.tz, s.dtstart) for s in services.posts.series(sorted(ids))}


class ScheduleModel(RowsTableModel[Occurrence]):
    # The columns (ui/schedule/columns.py, shared with the page's frame), as the page and the tests name them.
    AUDIENCE, YOURS, UTC, CLIENT = columns.AUDIENCE, columns.YOURS, columns.UTC, columns.CLIENT
    CHANNEL, STATUS, CONFLICTS, TEXT = columns.CHANNEL, columns.STATUS, columns.CONFLICTS, columns.TEXT
    COLUMN_COUNT = columns.COLUMN_COUNT

    def __init__(
        self,
        services: Services,
        page_size: int = PAGE_SIZE,
        parent: Any = None,
        *,
        tasks: TaskRunner | None = None,
    ) -> None:
        """With `tasks` (the window's runner) the conflict marks are computed on its worker thread and arrive
        a moment after their rows (the rules may load holiday calendars); without, with the rows."""
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._query: ScheduleQuery | None = None  # made again at each reload: the itinerary may have changed
        self._total: int | None = None
        self.page_size = page_size
        self._filter = ScheduleFilter()
        self._conflicts: dict[tuple[int, datetime], PostConflicts] = {}  # (post id, instant) -> conflicts
        self._rules: dict[int, str] = {}  # recurring post id -> its rule in words
        self._members: dict[int, str] | None = (
            None  # team mode: member id -> name, read when a tooltip needs it
        )
        self._exhausted = False
        self._generation = 0  # counts the reloads: marks computed for older rows are dropped
        self._marks_replace = False  # the next marks to arrive replace those kept from before the reload
        self._headers = columns.headers()
        self._paint_gate = PaintGate(self, self._painted_widget)  # background jobs wait for the rows' paint

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

    def set_filter(self, flt: ScheduleFilter, first: FirstPage | None = None) -> None:
        """Shows the rows of `flt`: those of `first` when it was read for this filter (start-up), else read now."""
        self._filter = flt
        if first is None or first.filter != flt or first.page_size != self.page_size:
            self.reload(keep_loaded=False)
            return
        self._start_reload()
        self.beginResetModel()
        self._query = first.query
        self._rows = list(first.rows)
        self._exhausted = len(first.rows) < self.page_size
        self._rules = dict(first.rules)
        self.endResetModel()
        self._mark(first.rows)

    def reload(self, keep_loaded: bool = True) -> None:
        """Reads again from the database; keeps as many rows loaded as before (so the view keeps its place).

        The itinerary is read again too (two small queries): "your time" may have changed with it.
        """
        wanted = max(len(self._rows), self.page_size) if keep_loaded else self.page_size
        self._start_reload()
        self.beginResetModel()
        self._rows = []
        self._rules = {}
        self._exhausted = False
        while not self._exhausted and len(self._rows) < wanted:
            self._rows.extend(self._fetch_page())
        self.endResetModel()

    def _start_reload(self) -> None:
        self._query, self._total, self._members = None, None, None
        self._generation += 1
        if self._tasks is None:
            self._conflicts = {}
        else:  # kept on screen until the new marks arrive (no blink of the column at each change)
            self._marks_replace = True

    def _fetch_page(self) -> list[Occurrence]:
        after = self._rows[-1].key if self._rows else None
        page = self.query().rows(after, self.page_size)
        if len(page) < self.page_size:
            self._exhausted = True
        self._mark(page)
        self._rules.update(rules_in_words(self._services, page, list(self._rules)))
        return page

    def _mark(self, page: Sequence[Occurrence]) -> None:
        """The conflict marks of a page: now, or from the task runner's thread (their rules may load the
        holiday calendars: never on the GUI thread of the window)."""
        if self._tasks is None:
            self._conflicts.update(self._conflicts_of(page))
            return
        keys = [(r.post_id, r.utc) for r in page if r.status == "scheduled"]
        itinerary, services, generation = self.query().itineraries, self._services, self._generation

        def work(_report: object) -> dict[tuple[int, datetime], PostConflicts]:
            if not keys:
                return {}
            try:
                return services.conflicts.for_rows(keys, itinerary=itinerary)
            except UserError:
                return {}

        # Run even for a page with nothing to check: its (empty) answer replaces the marks of before. At
        # start-up, once the rows are on screen (a smoke test ending then does not wait for the check).
        tasks = self._tasks
        self.after_rows_painted(
            lambda: startup.after_first_paint(
                lambda: tasks.run(work, self, on_success=lambda found: self._marks_arrived(generation, found))
            )
        )

    def after_rows_painted(self, work: Callable[[], None]) -> None:
        """Runs `work` once the table showing these rows has painted (ui/schedule/paint_gate.py)."""
        self._paint_gate.run_after_paint(work)

    def _painted_widget(self) -> QWidget | None:
        """The page's table's viewport (the page is the model's parent); None without a page."""
        table = getattr(self.parent(), "table", None)
        return table.viewport() if isinstance(table, QAbstractScrollArea) else None

    def _marks_arrived(self, generation: int, found: dict[tuple[int, datetime], PostConflicts]) -> None:
        if generation != self._generation:
            return  # for rows a later reload replaced: their own marks are on the way
        if self._marks_replace:
            self._marks_replace = False
            self._conflicts = dict(found)
        else:
            self._conflicts.update(found)
        self.column_changed(self.CONFLICTS)

    def marks_pending(self) -> bool:
        """Conflict marks are still being computed (tests wait for them)."""
        return self._tasks is not None and (self._paint_gate.pending() or self._tasks.busy())

    def rule_words(self, post_id: int) -> str | None:
        """How a recurring post repeats, in words (None: not a loaded recurring post)."""
        return self._rules.get(post_id)

    def _conflicts_of(self, page: Sequence[Occurrence]) -> dict[tuple[int, datetime], PostConflicts]:
        """The conflicts of a page of scheduled posts (one sweep for the page, not a check per row)."""
        keys = [(r.post_id, r.utc) for r in page if r.status == "scheduled"]
        if not keys:
            return {}
        try:
            return self._services.conflicts.for_rows(keys, itinerary=self.query().itineraries)
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
        return columns.header_tip(section)

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
            whose = self._someone_elses(r.assignee_id)  # team mode: another member's time, named
            mark += f" · {whose}" if whose else ""
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

    def _someone_elses(self, assignee_id: int | None) -> str | None:
        """The assignee's name when the row is at another member's time (team mode), else None."""
        members = self._services.members
        if assignee_id is None or assignee_id == members.current_id:
            return None
        if self._members is None:
            self._members = {m.id: m.name for m in members.list_members()}
        return self._members.get(assignee_id)

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
            text = self.tr("{when} — {zone}, {where}").format(
                when=fmt_datetime(r.cm_wall), zone=r.cm_zone, where=where
            )
            whose = self._someone_elses(r.assignee_id)
            if whose:
                text = (
                    self.tr("{member}'s time (the post is assigned to {member})").format(member=whose)
                    + "\n"
                    + text
                )
            return text
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
