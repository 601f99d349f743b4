"""The Schedule's and the Calendar's "who publishes it" filter (team mode, issue 13): Everyone, Mine, or one
member. Shown only when the database has members; "Mine" only when the person said who they are."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:  # the Schedule's frame is painted before the data stack loads (ui/startup.py)
    from nomadcm.services.team_members import MemberInfo

MINE = "mine"


class AssigneeFilter(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_member: int | None = None
        self.setToolTip(self.tr("Whose posts: the team member who publishes them"))
        self.setAccessibleName(self.tr("Assignee"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hide()

    def populate(self, members: Sequence[MemberInfo], current_member: int | None) -> bool:
        """Lists the members (hidden when there is none), keeping the choice made when it still exists;
        whether the choice changed (a member shown was removed: show everyone's)."""
        chosen = self.currentData()
        self._current_member = current_member
        blocker = QSignalBlocker(self)
        self.clear()
        self.addItem(self.tr("Everyone"), None)
        if current_member is not None:
            self.addItem(self.tr("Mine"), MINE)
        for member in members:
            self.addItem(member.name, member.id)
        index = self.findData(chosen)
        self.setCurrentIndex(max(index, 0))
        del blocker
        self.setVisible(bool(members))
        return chosen is not None and index < 0

    def assignee_id(self) -> int | None:
        """The member whose posts to show (None: everyone's)."""
        data = self.currentData()
        if data == MINE:
            return self._current_member
        return data if isinstance(data, int) else None
