"""The queue: a channel's weekly posting slots (audience time) and its upcoming free and taken slots.

"New post in the next free slot" opens the post dialog at that slot; the slots themselves are typed as
"Mo-Fr 09:00,18:00" (services/slots.py reads them and names any bad part).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import StaleEditError, UserError
from nomadcm.services.container import Services
from nomadcm.services.publishing.slots import DAY_CODES, SlotTime, parse_slots
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.changes import POSTS, ChangeBus, touches
from nomadcm.ui.formatting import fmt_datetime, fmt_time
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.stale_edit import StaleChoice, ask_reload_or_overwrite, stale_text, typed_text
from nomadcm.ui.widgets.table_model import RowsTableModel
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin

DAYS_SHOWN = 14


class SlotTableModel(RowsTableModel[tuple[SlotTime, str]]):
    WHEN, YOURS, STATE = range(3)
    COLUMN_COUNT = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Audience time"), self.tr("Your time"), self.tr("Slot"))

    def slot_at(self, row: int) -> SlotTime:
        return self._rows[row][0]

    def _data(self, row: tuple[SlotTime, str], col: int, role: int) -> Any:
        slot, yours = row
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                shifted = " " + self.tr("(moved by DST)") if slot.gap_shifted else ""
                return f"{fmt_datetime(slot.wall)}{shifted}"
            if col == self.YOURS:
                return yours
            if col == self.STATE:
                if slot.free:
                    return self.tr("free")
                first = next((line for line in slot.post_text.splitlines() if line.strip()), "")
                return self.tr("taken: {text}").format(text=first[:60])
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATE and slot.free:
            return QColor("#2f855a")
        return None


class QueueDialog(UnsavedChangesMixin, QDialog):
    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        # Writes go through the runner (ui/operations.py), undoable on `undo_stack` (the opener's page).
        self.ops = ops or OpRunner(changes, parent=self)
        self.undo_stack = undo_stack
        self.setWindowTitle(self.tr("Posting slots (queue)"))
        self.resize(640, 520)
        self.channel_combo = QComboBox()
        for ch in services.clients.list_channels():
            self.channel_combo.addItem(f"{ch.client_name} — {ch.label}", ch.id)
        self.slots_edit = QLineEdit()
        self.slots_edit.setPlaceholderText(self.tr("e.g. Mo-Fr 09:00,18:00; Sa 10:00"))
        self.save_slots_button = QPushButton(self.tr("&Save slots"))
        self.zone_label = plain_label()
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.model = SlotTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.queue_button = QPushButton(self.tr("&New post in the next free slot…"))
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.slots_edit, 1)
        slots_row.addWidget(self.save_slots_button)
        form = QFormLayout()
        form.addRow(self.tr("&Channel:"), self.channel_combo)
        form.addRow(self.tr("Sl&ots:"), slots_row)
        form.addRow("", self.zone_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.queue_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.channel_combo.currentIndexChanged.connect(self.load)
        self.save_slots_button.clicked.connect(self.save_slots)
        self.slots_edit.returnPressed.connect(self.save_slots)
        self.queue_button.clicked.connect(self.new_in_queue)
        self.table.doubleClicked.connect(self._on_double_click)
        changes.changed.connect(lambda areas: self.load() if touches(areas, POSTS) else None)
        self.load()

    def channel_id(self) -> int | None:
        data = self.channel_combo.currentData()
        return int(data) if data is not None else None

    @Slot()
    def load(self) -> None:
        channel_id = self.channel_id()
        enabled = channel_id is not None
        for w in (self.slots_edit, self.save_slots_button, self.queue_button):
            w.setEnabled(enabled)
        if channel_id is None:
            self.message.setText(self.tr("Add a client and a channel first."))
            self.model.set_rows([])
            return
        slots = self.services.slots.list_slots(channel_id)
        self._shown_slots = slots  # what a save hands back: slots changed since are not overwritten unasked
        self.slots_edit.setText(_slots_text(slots))
        zone = self.services.slots.zone_of(channel_id)
        self.zone_label.setText(self.tr("Times in the audience's zone: {zone}").format(zone=zone))
        your_time = self.services.your_time()
        rows = []
        for t in self.services.slots.upcoming(channel_id, days=DAYS_SHOWN):
            where, cm = your_time.at(t.utc)
            yours = fmt_time(cm) if cm.date() == t.wall.date() else fmt_datetime(cm)
            rows.append((t, f"{yours} {timezones.abbreviation(t.utc, where.zone)}"))
        self.model.set_rows(rows)
        free = sum(1 for t, _ in rows if t.free)
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("No slot yet: type the weekly times above.")
            if not slots
            else self.tr("%n free slot(s) in the next two weeks.", "", free)
            if free
            else self.tr("No free slot in the next two weeks.")
        )

    @Slot()
    def save_slots(self) -> None:
        channel_id = self.channel_id()
        if channel_id is None:
            return
        text = self.slots_edit.text().strip()
        shown = getattr(self, "_shown_slots", None)
        try:
            pairs = parse_slots(text) if text else []
            while True:
                try:
                    self.ops.run(
                        lambda at=shown: self.services.slots.set_slots_op(channel_id, pairs, expected=at),
                        stack=self.undo_stack,
                    )
                    break
                except StaleEditError as err:
                    choice = ask_reload_or_overwrite(self, err)
                    shown = self.services.slots.list_slots(channel_id)
                    if choice is StaleChoice.OVERWRITE:
                        continue
                    if choice is StaleChoice.RELOAD:
                        self.load()  # what is saved now; what she typed stays below
                        message = typed_text([(self.tr("Slots:"), text)])
                    else:
                        message = stale_text(err)
                    self.message.setStyleSheet("color: #c53030;")
                    self.message.setText(message)
                    return
        except UserError as err:
            self.message.setStyleSheet("color: #c53030;")
            self.message.setText(str(err))
            return
        self.load()

    @Slot()
    def new_in_queue(self, slot: SlotTime | None = None) -> None:
        from nomadcm.ui.schedule.post_dialog import PostDialog

        channel_id = self.channel_id()
        if channel_id is None:
            return
        try:
            slot = slot or self.services.slots.next_free(channel_id)
        except UserError as err:
            self.message.setStyleSheet("color: #c53030;")
            self.message.setText(str(err))
            return
        channel = self.services.clients.get_channel(channel_id)

        def save(draft: PostDraft) -> None:  # a UserError reaches the post dialog, which shows it
            self.ops.run(lambda: self.services.posts.add_op(draft), stack=self.undo_stack)

        dialog = PostDialog(self.services, save, parent=self, client_id=channel.client_id)
        dialog.channel_combo.setCurrentIndex(max(0, dialog.channel_combo.findData(channel_id)))
        dialog.when.set_value(slot.wall, slot.zone)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.post_dialog = dialog
        dialog.open()

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            slot = self.model.slot_at(index.row())
            if slot.free:
                self.new_in_queue(slot)


def _slots_text(slots: list) -> str:  # type: ignore[type-arg]
    """Slots back as text, grouping days that share the same times: "Mo-Fr 09:00,18:00"."""
    by_day: dict[int, list[int]] = {}
    for s in slots:
        by_day.setdefault(s.weekday, []).append(s.minute)
    groups: dict[tuple[int, ...], list[int]] = {}
    for day, minutes in sorted(by_day.items()):
        groups.setdefault(tuple(sorted(minutes)), []).append(day)
    parts = []
    for minutes, days in groups.items():
        runs: list[str] = []
        start = prev = days[0]
        for d in [*days[1:], None]:
            if d is not None and d == prev + 1:
                prev = d
                continue
            a, b = DAY_CODES[start - 1].capitalize(), DAY_CODES[prev - 1].capitalize()
            runs.append(a if start == prev else f"{a}-{b}")
            if d is not None:
                start = prev = d
        times = ",".join(f"{m // 60:02d}:{m % 60:02d}" for m in minutes)
        parts.append(f"{','.join(runs)} {times}")
    return "; ".join(parts)
