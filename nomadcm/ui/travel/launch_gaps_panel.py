"""Under the Conflicts panel: the clients' launches with no post in the hours before or after them (each
client's launch window), which the CM can acknowledge ("the client announces it himself") or flag again.

The list comes from `services.launch_check` (services/events/launch_gaps.py); writes go through the
operation runner, one undo step each, like the posts' acknowledgements.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm.services.container import Services
from nomadcm.services.events.launch_gaps import LaunchGap
from nomadcm.ui.clients.event_texts import event_tooltip, event_when
from nomadcm.ui.clients.page_view import row_table
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.travel.dialog_base import CheckedDialog
from nomadcm.ui.widgets.table_model import RowsTableModel


class LaunchGapsModel(RowsTableModel[LaunchGap]):
    CLIENT, LAUNCH, WHEN, WINDOW, STATUS = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Client"),
            self.tr("Launch"),
            self.tr("When (their time)"),
            self.tr("Window"),
            self.tr("Status"),
        )

    def _data(self, g: LaunchGap, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CLIENT:
                return g.event.client_name
            if col == self.LAUNCH:
                return g.event.title
            if col == self.WHEN:
                return event_when(g.event)
            if col == self.WINDOW:
                return self.tr("±{hours} h").format(hours=g.window_hours)
            if col == self.STATUS:
                if g.acknowledged:
                    return self.tr("OK: {note}").format(note=g.note) if g.note else self.tr("Acknowledged")
                return self.tr("No post around it")
        if role == Qt.ItemDataRole.ToolTipRole:
            return event_tooltip(g.event, g.window_hours)
        return None


class LaunchAckDialog(CheckedDialog):
    """Why a launch needs no post around it (the note kept with the acknowledgement)."""

    def __init__(self, gap: LaunchGap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge a launch"))
        intro = plain_label(
            self.tr("“{title}” for {client}: no post is needed around this launch.").format(
                title=gap.event.title, client=gap.event.client_name
            )
        )
        intro.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why, e.g. the client announces it himself"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._say("", True)


class LaunchGapsPanel(QGroupBox):
    def __init__(
        self, services: Services, ops: OpRunner, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Launches with no post around them"), parent)
        self.services = services
        self.ops = ops
        self.undo_stack = undo_stack
        self.dialog: QWidget | None = None
        self.model = LaunchGapsModel(self)
        self.table = row_table()
        self.table.setModel(self.model)
        self.table.setMaximumHeight(140)
        header = self.table.horizontalHeader()
        # A few rows: every column sized to its text (the audience's time and the status were cut), the
        # launch's title takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LaunchGapsModel.LAUNCH, QHeaderView.ResizeMode.Stretch)
        self.ack_button = QPushButton(self.tr("Acknowledge…"))
        self.unack_button = QPushButton(self.tr("Flag again"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unack_button)
        buttons.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.ack_button.clicked.connect(self.acknowledge)
        self.unack_button.clicked.connect(self.unacknowledge)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def reload(self, first: date, last: date | None, include_acknowledged: bool) -> None:
        """The launches from `first` to `last` (None: every later one)."""
        gaps = self.services.launch_check.gaps(first, last, include_acknowledged=include_acknowledged)
        self.model.set_rows(gaps)
        self.setVisible(bool(gaps))
        self._update_buttons()

    def current(self) -> LaunchGap | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        gap = self.current()
        self.ack_button.setEnabled(gap is not None and not gap.acknowledged)
        self.unack_button.setEnabled(gap is not None and gap.acknowledged)

    @Slot()
    def acknowledge(self) -> None:
        gap = self.current()
        if gap is None or gap.acknowledged:
            return
        dialog = LaunchAckDialog(gap, self)
        event_id = gap.event.id

        def save() -> bool:
            note = dialog.note.text()
            done = self.ops.run(
                lambda: self.services.launch_check.acknowledge_op(event_id, note), self, stack=self.undo_stack
            )
            return done is not None

        dialog.save = save
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def unacknowledge(self) -> None:
        gap = self.current()
        if gap is not None and gap.acknowledged:
            event_id = gap.event.id
            self.ops.run(
                lambda: self.services.launch_check.unacknowledge_op(event_id), self, stack=self.undo_stack
            )
