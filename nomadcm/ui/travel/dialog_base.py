"""What the Travel dialogs share: a dialog that says under its fields what the values come to and keeps OK
off until they are valid, and the small editors its forms are made of.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from nomadcm import timezones
from nomadcm.ui.formatting import fmt_day, fmt_time
from nomadcm.ui.widgets.date_inputs import DateInput
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin

ERROR_STYLE = "color: #c53030;"
OK_STYLE = ""


def date_edit() -> DateInput:
    return DateInput()


def notes_edit() -> QPlainTextEdit:
    notes = QPlainTextEdit()
    notes.setTabChangesFocus(True)
    notes.setMaximumHeight(70)
    return notes


def country_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(2)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}")))
    edit.setMaximumWidth(60)
    return edit


def when_text(instant: datetime, zone: str) -> str:
    local = timezones.wall_at(instant, zone)
    return f"{fmt_day(local)} {fmt_time(local)} {timezones.abbreviation(instant, zone)}"


class CheckedDialog(UnsavedChangesMixin, QDialog):
    """A dialog whose `summary` line says what its values come to; OK is on only while they can be saved."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    save: Callable[[], bool] | None = None  # set by the page: writes, and says whether to close

    def accept(self) -> None:
        if not self.can_save():
            return
        if self.save is not None and not self.save():
            return  # the write failed (and said why): stay open
        super().accept()

    def _say(self, text: str, ok: bool) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def can_save(self) -> bool:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
