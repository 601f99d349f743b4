"""Undoable edits of recurring posts (one occurrence, this and following, all) and of the calendar's moves.

Like the schedule's commands (ui/schedule/undo.py), each is pushed after its first write succeeded; undo puts
back the state captured before the edit (services/occurrence_edits.py `SeriesState`), redo runs the edit again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from nomadcm.errors import UserError
from nomadcm.services.schedule.occurrence_edits import EditOutcome, OccurrenceEditor
from nomadcm.ui.changes import POSTS, ChangeBus

ErrorSink = Callable[[UserError], None]


class OccurrenceCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        editor: OccurrenceEditor,
        outcome: EditOutcome,
        again: Callable[[], EditOutcome],
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.outcome = outcome
        self.again = again
        self.changes = changes
        self.on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: setattr(self, "outcome", self.again()))

    def undo(self) -> None:
        created = [self.outcome.created_id] if self.outcome.created_id is not None else []
        self._run(lambda: self.editor.restore(self.outcome.before, created))

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as err:
            self.setObsolete(True)
            self.on_error(err)
        self.changes.notify(POSTS)


def push_occurrence_edit(
    stack: QUndoStack,
    text: str,
    editor: OccurrenceEditor,
    action: Callable[[], EditOutcome],
    changes: ChangeBus,
    on_error: ErrorSink,
) -> EditOutcome:
    """Runs `action` (a write through `editor`) and, once it succeeded, pushes it for Undo (Redo runs it again).

    A UserError from the write propagates and nothing is pushed. The caller notifies the change bus.
    """
    outcome = action()
    stack.push(OccurrenceCommand(text, editor, outcome, action, changes, on_error))
    return outcome
