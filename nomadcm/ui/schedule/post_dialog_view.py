"""The widgets of the post dialog: client and channel, when (with the live line and the fold note), the
repeat rule, the text and its counter, link, tags, status, notes, and the problems above the buttons.

Layout only: `post_dialog.PostDialog` fills them, checks them live and saves. The widgets are attributes of
the dialog itself (`client_combo`, `when`, `text_edit`...), as the dialog and the tests use them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm.services.schedule.clients import ClientInfo
from nomadcm.services.schedule.your_time import YourTime
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.schedule.table_models import status_label
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit
from nomadcm.vocabulary import POST_STATUSES

ERROR_STYLE = "color: #c53030;"
MUTED_STYLE = "color: palette(mid);"


def stacked(*widgets: QWidget) -> QVBoxLayout:
    """Widgets one under the other, flush with the form's other fields."""
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        box.addWidget(widget)
    return box


class PostDialogView(QDialog):
    def build(self, clients: list[ClientInfo], your_time: YourTime) -> None:
        """Every widget of the dialog; `clients` fill the client list, `your_time` serves the repeat editor."""
        self.setMinimumWidth(620)
        self._build_fields(clients)
        from nomadcm.ui.publishing.recurrence_editor import RecurrenceEditor  # the publishing area's widget

        self.recurrence = RecurrenceEditor(your_time)
        self.problems_label = plain_label()
        self.problems_label.setObjectName("problems")
        self.problems_label.setStyleSheet(ERROR_STYLE)
        self.problems_label.setWordWrap(True)
        self.problems_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

    def _build_fields(self, clients: list[ClientInfo]) -> None:
        self.client_combo = QComboBox()
        for c in clients:
            self.client_combo.addItem(c.name, c.id)
        self.channel_combo = QComboBox()
        self.channel_hint = plain_label()
        self.channel_hint.setStyleSheet(ERROR_STYLE)
        self.channel_hint.setWordWrap(True)
        self.channel_hint.hide()
        self.when = ZonedDateTimeEdit()
        self.live_line = plain_label()
        self.live_line.setObjectName("liveLine")
        self.live_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.live_line.setWordWrap(True)
        self.work_spots_button = QPushButton(self.tr("Where can I work then?"))
        self.work_spots_button.setToolTip(self.tr("Workplaces near you and open when this post goes out"))
        self.fold_note = plain_label()
        self.fold_note.setStyleSheet(MUTED_STYLE)
        self.fold_note.hide()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("What will the post say?"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(120)
        self.count_label = plain_label()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("https://…")
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("launch, promo (separated by commas)"))
        self.assignee_combo = QComboBox()  # team mode: who publishes it (its "your time" is theirs)
        self.assignee_combo.setObjectName("assigneeCombo")
        self.status_combo = QComboBox()
        for status in POST_STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes for yourself (not published)"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(60)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Client:"), self.client_combo)
        channel_label = QLabel(self.tr("C&hannel:"))
        channel_label.setBuddy(self.channel_combo)  # a row holding a layout needs its buddy set by hand
        form.addRow(channel_label, stacked(self.channel_combo, self.channel_hint))
        when_label = QLabel(self.tr("&When:"))
        when_label.setBuddy(self.when.date_edit)
        live_row = QHBoxLayout()
        live_row.addWidget(self.live_line, 1)
        live_row.addWidget(self.work_spots_button, 0, Qt.AlignmentFlag.AlignTop)
        when_box = stacked(self.when)
        when_box.addLayout(live_row)
        when_box.addWidget(self.fold_note)
        form.addRow(when_label, when_box)
        form.addRow(self.tr("&Repeat:"), self.recurrence)
        text_label = QLabel(self.tr("&Text:"))
        text_label.setBuddy(self.text_edit)
        form.addRow(text_label, stacked(self.text_edit, self.count_label))
        form.addRow(self.tr("&Link:"), self.link_edit)
        form.addRow(self.tr("T&ags:"), self.tags_edit)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo)
        status_row.addStretch(1)
        status_label_ = QLabel(self.tr("&Status:"))
        status_label_.setBuddy(self.status_combo)
        form.addRow(status_label_, status_row)
        assignee_row = QHBoxLayout()
        assignee_row.addWidget(self.assignee_combo)
        assignee_row.addStretch(1)
        self.assignee_label = QLabel(self.tr("Ass&igned to:"))
        self.assignee_label.setBuddy(self.assignee_combo)
        form.addRow(self.assignee_label, assignee_row)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        self._form = form
        return form
