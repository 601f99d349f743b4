"""The banner at the top of the window while the team database cannot be reached.

A server that stops or a network that goes away is expected to pass: rather than a dialog per failed refresh,
one banner says so ("Team database unreachable — retrying in 8 s"), counts down to the next try and offers
Retry now. It follows the window's `ExternalChangeWatcher`, whose counter (storage/pg_changes.py) notices
the loss and retries; the watcher announces every area when the server is back, so the pages refresh as the
banner goes. Meanwhile writes are refused with a message in the dialog that asked (what was typed stays), a
failed read raises nothing the user must click away (ui/errors.py), and View > Refresh retries too.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from nomadcm.ui.external_changes import Status
from nomadcm.ui.plain_text import plain_label, plain_tooltip

BANNER_STYLE = (
    "QFrame#connectionBanner { background: #fffaf0; border-bottom: 1px solid #fbd38d; }"
    "QFrame#connectionBanner QLabel { color: #9c4221; }"
)


class ConnectionBanner(QFrame):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.message = plain_label()
        self.message.setWordWrap(True)
        layout.addWidget(self.message, 1)
        self.retry_button = QPushButton(self.tr("Retry &now"))
        self.retry_button.clicked.connect(self.retry_requested)
        layout.addWidget(self.retry_button)
        self.hide()

    @Slot(object)
    def show_status(self, status: Status) -> None:
        """Hidden while the database can be reached; otherwise why not, and when the next try comes."""
        if status.reachable:
            self.hide()
            return
        seconds = math.ceil(status.retry_in_s)
        if seconds > 0:
            text = self.tr("Team database unreachable — retrying in %n s", "", seconds)
        else:
            text = self.tr("Team database unreachable — trying to reconnect…")
        self.message.setText(text)
        self.message.setToolTip(plain_tooltip(status.reason))  # the server's own words, for the curious
        self.show()
