"""The one way the GUI writes: run a service write that returns a `Change`, push one undo command built from
it, announce its areas on the change bus (Anki's `CollectionOp` + `OpChanges`).

The main window creates one `OpRunner` with its change bus, task runner and undo group, and hands it to the
pages and dialogs through their constructors, as it does the task runner:

    self.ops.run(lambda: self.services.posts.delete_op(ids), self, stack=self.undo_stack)

- `run(write, parent)` writes on the GUI thread (a small edit); a UserError becomes a warning box over
  `parent` and nothing is pushed. With no `parent` the UserError propagates: a dialog's save callback lets
  its dialog show it and stay open.
- `run_in_background(work, owner, ...)` runs a TaskRunner job (an import) that returns a Change; on success
  the command is pushed and the areas announced, even when `owner` was closed meanwhile; `on_success` and
  `summary` receive `change.result`.

The command's text comes from `describe(change)` (a table keyed by `change.label`). Its first `redo()` (from
QUndoStack.push) does nothing, the write being done; then undo calls `change.undo()`, which returns the Change
that redoes it, and so on. A step that fails (the row changed meanwhile) shows why ("Cannot undo") and makes
the command obsolete, so the stack drops it. Every step announces its areas.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import plural
from nomadcm.ui.tasks import Report, Task, TaskRunner

Write = Callable[[], Change]
# What a dialog is given to save through: its page's `lambda w: ops.run(w, stack=...)` (no parent, so a
# UserError reaches the dialog, which shows it and stays open), or `run_directly` when used on its own.
RunWrite = Callable[[Write], "Change | None"]


def run_directly(write: Write) -> Change:
    """A RunWrite that only writes (a dialog used without a page: tests, or a caller announcing itself)."""
    return write()


def describe(change: Change) -> str:
    """The Edit > Undo text of a Change ("Undo delete 3 posts"), from its stable `label`."""
    n, subject = change.count, change.subject
    texts: dict[str, Callable[[], str]] = {
        "add_post": lambda: QCoreApplication.translate("Operations", "new post"),
        "add_posts": lambda: QCoreApplication.translate("Operations", "add %n post(s)", "", n),
        "import_posts": lambda: QCoreApplication.translate("Operations", "import of {name}").format(
            name=subject
        ),
        "edit_post": lambda: QCoreApplication.translate("Operations", "post edit"),
        "move_post": lambda: QCoreApplication.translate("Operations", "move post"),
        "set_status": lambda: QCoreApplication.translate("Operations", "status change"),
        "delete_posts": lambda: (
            QCoreApplication.translate("Operations", "delete post")
            if n == 1
            else QCoreApplication.translate("Operations", "delete {count} posts").format(count=n)
        ),
        "restore_posts": lambda: QCoreApplication.translate("Operations", "restore %n post(s)", "", n),
        "edit_occurrence": lambda: QCoreApplication.translate("Operations", "edit repeating post"),
        "move_occurrence": lambda: QCoreApplication.translate("Operations", "move occurrence"),
        "occurrence_status": lambda: QCoreApplication.translate("Operations", "status change"),
        "mark_published": lambda: QCoreApplication.translate("Operations", "mark published"),
        "delete_occurrence": lambda: QCoreApplication.translate("Operations", "delete occurrence"),
        "delete_rows": lambda: QCoreApplication.translate("Operations", "delete %n row(s)", "", n),
        "add_stay": lambda: QCoreApplication.translate("Operations", "new stay in {place}").format(
            place=subject
        ),
        "edit_stay": lambda: QCoreApplication.translate("Operations", "change stay in {place}").format(
            place=subject
        ),
        "delete_stay": lambda: QCoreApplication.translate("Operations", "delete stay in {place}").format(
            place=subject
        ),
        "add_transit": lambda: QCoreApplication.translate("Operations", "new transit {route}").format(
            route=subject
        ),
        "edit_transit": lambda: QCoreApplication.translate("Operations", "change transit {route}").format(
            route=subject
        ),
        "delete_transit": lambda: QCoreApplication.translate("Operations", "delete transit {route}").format(
            route=subject
        ),
        "acknowledge": lambda: QCoreApplication.translate("Operations", "acknowledge conflicts"),
        "unacknowledge": lambda: QCoreApplication.translate("Operations", "undo acknowledgement"),
        "add_screen": lambda: QCoreApplication.translate("Operations", "add screen time"),
        "add_rest": lambda: QCoreApplication.translate("Operations", "add rest"),
        "edit_entry": lambda: QCoreApplication.translate("Operations", "edit entry"),
        "delete_entries": lambda: QCoreApplication.translate("Operations", "delete %n entries", "", n),
        "restore_entries": lambda: QCoreApplication.translate("Operations", "restore %n entries", "", n),
        "add_client": lambda: QCoreApplication.translate("Operations", "new client {name}").format(
            name=subject
        ),
        "edit_client": lambda: QCoreApplication.translate("Operations", "change client {name}").format(
            name=subject
        ),
        "delete_client": lambda: QCoreApplication.translate("Operations", "delete client {name}").format(
            name=subject
        ),
        "restore_client": lambda: QCoreApplication.translate("Operations", "restore client {name}").format(
            name=subject
        ),
        "add_channel": lambda: QCoreApplication.translate("Operations", "new channel {channel}").format(
            channel=subject
        ),
        "edit_channel": lambda: QCoreApplication.translate("Operations", "change channel {channel}").format(
            channel=subject
        ),
        "delete_channel": lambda: QCoreApplication.translate("Operations", "delete channel {channel}").format(
            channel=subject
        ),
        "restore_channel": lambda: QCoreApplication.translate(
            "Operations", "restore channel {channel}"
        ).format(channel=subject),
        "add_place": lambda: QCoreApplication.translate("Operations", "new place {name}").format(
            name=subject
        ),
        "edit_place": lambda: QCoreApplication.translate("Operations", "change place {name}").format(
            name=subject
        ),
        "delete_place": lambda: QCoreApplication.translate("Operations", "delete place {name}").format(
            name=subject
        ),
        "add_speed_test": lambda: QCoreApplication.translate("Operations", "add speed test"),
        "delete_speed_test": lambda: QCoreApplication.translate("Operations", "delete speed test"),
        "log_work": lambda: QCoreApplication.translate("Operations", "log work session"),
        "delete_work_session": lambda: QCoreApplication.translate("Operations", "delete work session"),
        "add_to_checklist": lambda: QCoreApplication.translate(
            "Operations", "add %n place(s) to checklist", "", n
        ),
        "edit_checklist": lambda: QCoreApplication.translate("Operations", "checklist change"),
        "remove_from_checklist": lambda: QCoreApplication.translate("Operations", "remove from checklist"),
        "import_places": lambda: QCoreApplication.translate(
            "Operations", "import of places from {name}"
        ).format(name=subject),
        "import_wellbeing": lambda: QCoreApplication.translate(
            "Operations", "wellbeing import from {name}"
        ).format(name=subject),
        "set_slots": lambda: QCoreApplication.translate("Operations", "posting slots change"),
        "settings": lambda: QCoreApplication.translate("Operations", "settings change"),
        "rhythm": lambda: QCoreApplication.translate("Operations", "sleep and work hours change"),
        "set_contract": lambda: QCoreApplication.translate("Operations", "contract of {name}").format(
            name=subject
        ),
        "delete_contract": lambda: QCoreApplication.translate(
            "Operations", "remove contract of {name}"
        ).format(name=subject),
        "client_language": lambda: QCoreApplication.translate(
            "Operations", "statement language of {name}"
        ).format(name=subject),
        "add_work": lambda: QCoreApplication.translate("Operations", "log work"),
        "edit_work": lambda: QCoreApplication.translate("Operations", "edit work entry"),
        "delete_work": lambda: QCoreApplication.translate("Operations", "delete %n work entries", "", n),
        "add_event": lambda: QCoreApplication.translate("Operations", "new event {title}").format(
            title=subject
        ),
        "edit_event": lambda: QCoreApplication.translate("Operations", "change event {title}").format(
            title=subject
        ),
        "delete_events": lambda: QCoreApplication.translate("Operations", "delete %n event(s)", "", n),
        "import_events": lambda: QCoreApplication.translate("Operations", "calendar {name}").format(
            name=subject
        ),
        "remove_calendar": lambda: QCoreApplication.translate("Operations", "remove calendar {name}").format(
            name=subject
        ),
        "launch_window": lambda: QCoreApplication.translate("Operations", "launch window change"),
    }
    text = texts.get(change.label)
    return plural(text(), n) if text is not None else change.label


class ChangeCommand(QUndoCommand):
    """One write on the undo stack; see the module docstring."""

    def __init__(self, change: Change, changes: ChangeBus, on_error: Callable[[UserError], None]) -> None:
        super().__init__(describe(change))
        self._next = change.undo
        self._areas = change.areas
        self.changes = changes
        self.on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:  # the write already happened before push()
            self._first = False
            return
        self._step()

    def undo(self) -> None:
        self._step()

    def _step(self) -> None:
        if self._next is None:
            return
        try:
            done = self._next()
        except UserError as err:
            self.setObsolete(True)
            self.on_error(err)
            self.changes.notify(self._areas)  # show what is there now
            return
        self._next = done.undo
        self._areas = done.areas
        self.changes.notify(done.areas)
        if done.undo is None:
            self.setObsolete(True)


class OpRunner(QObject):
    """See the module docstring."""

    def __init__(
        self,
        changes: ChangeBus,
        tasks: TaskRunner | None = None,
        undo: QUndoGroup | QUndoStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.changes = changes
        self.tasks = tasks
        self.undo = undo
        self._own_stack: QUndoStack | None = None

    def run(
        self, write: Write, parent: QWidget | None = None, *, stack: QUndoStack | None = None
    ) -> Change | None:
        """Runs `write` now; pushes its Change and announces its areas. None when a UserError was shown."""
        try:
            change = write()
        except UserError as err:
            if parent is None:
                raise
            show_user_error(parent, err)
            return None
        self.record(change, stack, parent)
        return change

    def run_in_background(
        self,
        work: Callable[[Report], Change],
        owner: QObject | None = None,
        *,
        stack: QUndoStack | None = None,
        on_success: Callable[[Any], None] | None = None,
        summary: Callable[[Any], str] | None = None,
        **options: Any,
    ) -> Task:
        """`TaskRunner.run` for a job returning a Change (an import): undoable as one step once it succeeded."""
        if self.tasks is None:
            raise RuntimeError("this runner has no task runner")

        def done(change: Change) -> Any:
            self.record(change, stack, owner if isinstance(owner, QWidget) else None)
            return change.result

        return self.tasks.run(work, owner, on_done=done, on_success=on_success, summary=summary, **options)

    def record(self, change: Change, stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        """What follows a write: one undo command (when it can be undone), one announcement."""
        if change.undo is not None:
            target = self._stack(stack)
            target.push(ChangeCommand(change, self.changes, lambda err: self._undo_failed(err, parent)))
        self.changes.notify(change.areas)

    def _stack(self, stack: QUndoStack | None) -> QUndoStack:
        if stack is not None and shiboken6.isValid(stack):
            return stack
        if isinstance(self.undo, QUndoStack):
            return self.undo
        if isinstance(self.undo, QUndoGroup) and self.undo.activeStack() is not None:
            return self.undo.activeStack()
        if self._own_stack is None:
            self._own_stack = QUndoStack(self)
            if isinstance(self.undo, QUndoGroup):
                self.undo.addStack(self._own_stack)
        return self._own_stack

    def _undo_failed(self, err: UserError, parent: QWidget | None) -> None:
        if parent is not None and not shiboken6.isValid(parent):
            parent = None
        if parent is None and isinstance(self.parent(), QWidget):
            parent = self.parent()  # type: ignore[assignment]
        show_user_error(parent, err, QCoreApplication.translate("Operations", "Cannot undo"))
