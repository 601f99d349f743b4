"""Never lose what someone typed: a dialog with changes asks before it closes without saving.

    class PostDialog(UnsavedChangesMixin, QDialog):
        def __init__(...):
            ...build and fill the fields...
            self.track_changes()  # the values now on screen are "unchanged" (else: when first shown)

Escape, Cancel and the window's close button all go through `reject()`; with changes on screen it asks
"Discard your changes?" (Discard / Keep editing). Changes are found by comparing what every input field
shows now with what it showed at `track_changes()`, so typing something and deleting it again is no change.
`accept()` (Save) never asks. A dialog can add state that is not in a standard field by overriding
`extra_state()`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

State = dict[int, Any]


def field_value(widget: QWidget) -> Any:
    """What an input field shows, comparable with ==; None for widgets that hold no user input."""
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):  # spin boxes, date and time edits
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def form_state(root: QWidget) -> State:
    state: State = {}
    for widget in root.findChildren(QWidget):
        value = field_value(widget)
        if value is not None:
            state[id(widget)] = value
    return state


def confirm_discard(parent: QWidget) -> bool:
    """True when the person chose to throw the changes away."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        parent.windowTitle(),
        QCoreApplication.translate("Unsaved", "Discard your changes?"),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate("Unsaved", "You changed this form without saving it.")
        + " "
        + QCoreApplication.translate("Unsaved", "If you close it now, what you typed is lost.")
    )
    discard = box.addButton(
        QCoreApplication.translate("Unsaved", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("Unsaved", "Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class UnsavedChangesMixin:
    """Mix into a QDialog subclass (before QDialog). See the module docstring."""

    _saved_state: State | None = None

    def track_changes(self) -> None:
        """The fields' current values become the 'unchanged' state (call again after a save that stays open)."""
        self._saved_state = {**form_state(self), -1: self.extra_state()}  # type: ignore[arg-type]

    def showEvent(self, event: QShowEvent) -> None:
        """A dialog that did not call track_changes() is 'unchanged' as it first shows, filled."""
        if self._saved_state is None:
            self.track_changes()
        super().showEvent(event)  # type: ignore[misc]

    def extra_state(self) -> Any:
        """Override for changes that are not in a standard input field (a list being edited...)."""
        return None

    def has_unsaved_changes(self) -> bool:
        if self._saved_state is None:
            return False
        now = {**form_state(self), -1: self.extra_state()}  # type: ignore[arg-type]
        return any(key in now and now[key] != value for key, value in self._saved_state.items())

    def reject(self) -> None:
        if self.has_unsaved_changes() and not confirm_discard(self):  # type: ignore[arg-type]
            return
        super().reject()  # type: ignore[misc]
