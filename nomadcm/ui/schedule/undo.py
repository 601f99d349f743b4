"""Undoable schedule edits (Edit > Undo, Ctrl+Z): add, edit, delete, change status.

Each command is pushed after its first write succeeded (the dialog shows a failure and stays open), so the
first `redo()` that QUndoStack.push() calls does nothing. Later undo/redo failures (the channel was deleted in
the meantime...) are reported through `on_error` and the command is made obsolete.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService, PostSnapshot
from nomadcm.ui.changes import POSTS, ChangeBus
from nomadcm.ui.widgets.undo import ErrorSink, ServiceCommand


class _PostCommand(ServiceCommand):
    """A post edit; announces POSTS on the change bus."""

    areas = (POSTS,)

    def __init__(self, text: str, posts: PostService, changes: ChangeBus, on_error: ErrorSink) -> None:
        super().__init__(text, changes, on_error)
        self.posts = posts


class AddPostCommand(_PostCommand):
    def __init__(self, post_id: int, posts: PostService, changes: ChangeBus, on_error: ErrorSink) -> None:
        super().__init__(QCoreApplication.translate("ScheduleUndo", "new post"), posts, changes, on_error)
        self.post_id = post_id
        self._snapshots: list[PostSnapshot] = []

    def _undo(self) -> None:
        self._snapshots = self.posts.delete([self.post_id])

    def _redo(self) -> None:
        if self._snapshots:
            self.post_id = self.posts.restore(self._snapshots)[0]


class EditPostCommand(_PostCommand):
    def __init__(
        self,
        post_id: int,
        before: PostDraft,
        after: PostDraft,
        posts: PostService,
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        super().__init__(QCoreApplication.translate("ScheduleUndo", "post edit"), posts, changes, on_error)
        self.post_id = post_id
        self.before = before
        self.after = after

    def _undo(self) -> None:
        self.posts.update(self.post_id, self.before)

    def _redo(self) -> None:
        self.posts.update(self.post_id, self.after)


class DeletePostsCommand(_PostCommand):
    def __init__(
        self,
        snapshots: Sequence[PostSnapshot],
        posts: PostService,
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        count = len(snapshots)
        text = (
            QCoreApplication.translate("ScheduleUndo", "delete post")
            if count == 1
            else QCoreApplication.translate("ScheduleUndo", "delete {count} posts").format(count=count)
        )
        super().__init__(text, posts, changes, on_error)
        self.snapshots = list(snapshots)
        self.ids = [int(s.values["id"]) for s in snapshots]

    def _undo(self) -> None:
        self.ids = self.posts.restore(self.snapshots)

    def _redo(self) -> None:
        self.snapshots = self.posts.delete(self.ids)


class SetStatusCommand(_PostCommand):
    def __init__(
        self,
        before: dict[int, str],
        status: str,
        posts: PostService,
        changes: ChangeBus,
        on_error: ErrorSink,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ScheduleUndo", "status change"), posts, changes, on_error
        )
        self.before = dict(before)
        self.status = status

    def _undo(self) -> None:
        by_status: dict[str, list[int]] = {}
        for post_id, status in self.before.items():
            by_status.setdefault(status, []).append(post_id)
        for status, ids in by_status.items():
            self.posts.set_status(ids, status)

    def _redo(self) -> None:
        self.posts.set_status(list(self.before), self.status)
