"""The frame of a form dialog that writes through a `submit(values)` callback (the page runs it through its
operation runner): OK / Cancel buttons, a red error line, and OK that keeps the dialog open with the
message of a UserError — from `values()` or from the write — instead of closing.

    class WorkEntryDialog(SubmitDialog):
        def __init__(self, ..., submit, parent=None):
            super().__init__(submit, parent)  # self.error and self.buttons exist from here
            ...build the form, then layout.addWidget(self.error); layout.addWidget(self.buttons)...
            self.track_changes()

        def values(self) -> EntryValues: ...  # raises UserError naming what is wrong
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from nomadcm.errors import UserError
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin


def error_label() -> QLabel:
    """A hidden red line of plain text, word-wrapped: where a dialog says what stops it."""
    label = plain_label()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c53030;")
    label.hide()
    return label


class SubmitDialog(UnsavedChangesMixin, QDialog):
    """OK calls `submit(values())`; a UserError on the way is shown in `self.error` and the dialog stays."""

    def __init__(self, submit: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

    def values(self) -> object:
        """What the form asks to store; raises UserError naming the field that is wrong."""
        raise NotImplementedError

    def _on_ok(self) -> None:
        try:
            self.submit(self.values())
        except UserError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        self.accept()
