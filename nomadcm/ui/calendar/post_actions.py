"""What the Calendar does to a post drawn on it, from the views' signals: drop it on another time or day
(it keeps its own zone), its context menu, mark it published, delete it — a repeating post asks which
occurrences. Every write goes through the page's `_write` (one undo step on its stack).

A mixin of `CalendarPage` (page.py), whose texts it keeps: they are translated in its context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Slot

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.ui.calendar.layout import Placed
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.publishing.occurrence_actions import ask_scope

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from nomadcm.services.container import Services


class PlacedPostActions:
    """Drop, move, menu, mark published and delete of a post on the Calendar."""

    services: Services
    status_message: SignalInstance
    _menu: QMenu
    _write: Callable[[Callable[[], Change]], Change]
    edit_item: Callable[[Placed], None]
    build_item_menu: Callable[[Placed], tuple[QMenu, QAction, QAction | None, QAction]]

    @Slot(object, object)
    def drop_item(self, item: Placed, target: object) -> None:
        o = item.occurrence
        try:
            if isinstance(target, datetime):
                wall = timezones.wall_at(target, o.tz)
                res = timezones.resolve(wall, o.tz)
                fold = 1 if res.ambiguous and res.instant != target else 0
            else:
                assert isinstance(target, date)
                wall = o.wall + (target - item.local.date())
                res = timezones.resolve(wall, o.tz)
                fold = 0
                if res.gap is not None:
                    wall = res.gap.end
                    self.status_message.emit(
                        QCoreApplication.translate(
                            "CalendarPage",
                            "That time does not exist on the new day (clocks jump forward): moved to {time}.",
                        ).format(time=f"{wall:%H:%M}")
                    )
            if wall == o.wall and fold == o.fold:
                return
            self.move(o, wall, fold)
        except UserError as err:
            show_user_error(self, err)

    def move(self, o, wall: datetime, fold: int = 0) -> None:  # type: ignore[no-untyped-def]
        """Moves one post or one occurrence to `wall` in its own zone, undoably."""
        if o.series_wall is None:
            self._write(lambda: self.services.posts.move_op(o.post_id, wall, fold))
        else:
            editor = self.services.occurrence_editor
            series_wall = o.series_wall
            self._write(
                lambda: editor.op("move_occurrence", lambda: editor.move(o.post_id, series_wall, wall, fold))
            )
        self.status_message.emit(
            QCoreApplication.translate("CalendarPage", "Post moved — Ctrl+Z puts it back.")
        )

    @Slot(object, QPoint)
    def item_menu(self, item: Placed, pos: QPoint) -> None:
        menu, edit, publish, delete = self.build_item_menu(item)
        edit.triggered.connect(lambda: self.edit_item(item))
        if publish is not None:
            publish.triggered.connect(lambda: self.mark_published(item))
        delete.triggered.connect(lambda: self.delete_item(item))
        menu.popup(pos)
        self._menu = menu

    def mark_published(self, item: Placed) -> None:
        o = item.occurrence
        try:
            if o.series_wall is None:
                self._write(lambda: self.services.posts.set_status_op([o.post_id], "published"))
            else:
                editor = self.services.occurrence_editor
                series_wall = o.series_wall
                self._write(
                    lambda: editor.op(
                        "mark_published", lambda: editor.set_status(o.post_id, series_wall, "published")
                    )
                )
        except UserError as err:
            show_user_error(self, err)

    def delete_item(self, item: Placed) -> None:
        o = item.occurrence
        try:
            if o.series_wall is None:
                self._write(lambda: self.services.posts.delete_op([o.post_id]))
            else:
                scope = ask_scope(
                    self,
                    QCoreApplication.translate("CalendarPage", "Delete a repeating post"),
                    QCoreApplication.translate("CalendarPage", "Delete which occurrences?"),
                )
                if scope is None:
                    return
                editor = self.services.occurrence_editor
                series_wall = o.series_wall
                self._write(
                    lambda: editor.op(
                        "delete_occurrence", lambda: editor.delete(o.post_id, series_wall, scope)
                    )
                )
        except UserError as err:
            show_user_error(self, err)
            return
        self.status_message.emit(
            QCoreApplication.translate("CalendarPage", "Deleted — Ctrl+Z brings it back.")
        )
