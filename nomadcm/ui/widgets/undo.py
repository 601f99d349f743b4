"""The shape of every undoable edit (Edit > Undo): a write through a service, already made, put on the stack.

A page writes first (its dialog shows a failure and stays open) and pushes the command only once the write
succeeded, so the first `redo()` that QUndoStack.push() calls does nothing. A later undo or redo that fails
(the row changed or went away meanwhile) is reported through `on_error` and makes the command obsolete, so
the stack drops it. Either way the change bus is told which areas changed, and every page refreshes.

    class DeleteStayCommand(ServiceCommand):
        areas = (ITINERARY,)

        def _undo(self) -> None: ...  # put it back
        def _redo(self) -> None: ...  # delete it again
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from nomadcm.errors import UserError
from nomadcm.ui.changes import ChangeBus

ErrorSink = Callable[[UserError], None]


class ServiceCommand(QUndoCommand):
    """An undoable write; a subclass sets `areas` (what the change bus announces) and implements
    `_undo` and `_redo`."""

    areas: tuple[str, ...] = ()

    def __init__(self, text: str, changes: ChangeBus, on_error: ErrorSink) -> None:
        super().__init__(text)
        self.changes = changes
        self.on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:  # the write already happened before push()
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as err:
            self.setObsolete(True)
            self.on_error(err)
        self.changes.notify(*self.areas)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError
