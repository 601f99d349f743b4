"""File > Open team database…: a team database on a PostgreSQL server, by URL, with its password apart.

The URL is remembered in the settings without its password (`paths.DatabaseUrl.without_password`); the
password lives in memory for this run only (typed here, or asked by `ask_password` when the server wants one
that $PGPASSWORD and ~/.pgpass did not give). A password written into the URL itself is taken out of it into
the password field's place, never remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nomadcm import paths
from nomadcm.errors import ValidationError
from nomadcm.paths import DatabaseUrl
from nomadcm.ui.plain_text import plain_label

SETTINGS_TEAM_URL = "team/url"  # the last team database opened, without its password


class TeamDatabaseDialog(QDialog):
    """Asks for a team database's URL and (optionally) its password; `target()` once accepted."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._target: DatabaseUrl | None = None
        self.setWindowTitle(self.tr("Open team database"))
        intro = plain_label(
            self.tr(
                "A database shared by your team on a PostgreSQL server. Leave the password empty when it is in "
                "PGPASSWORD or ~/.pgpass: NomadCM asks for it if the server wants one. It is never saved."
            )
        )
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(str(settings.value(SETTINGS_TEAM_URL, "") or ""))
        self.url_edit.setPlaceholderText("postgresql://me@server.example:5432/team")
        self.url_edit.setMinimumWidth(self.url_edit.fontMetrics().horizontalAdvance("postgresql://") * 3)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = plain_label("")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: palette(highlight);")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Server &URL:"), self.url_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def accept(self) -> None:
        text = self.url_edit.text().strip()
        try:
            target = paths.database_target(text) if text else None
            if target is not None and not isinstance(target, DatabaseUrl):
                raise ValidationError(
                    self.tr("This is a file, not a server: use File > Quit and open it instead.")
                )
        except ValidationError as err:
            self._show_error(str(err))
            return
        if target is None:
            self._show_error(
                self.tr("Type the server's URL, for example postgresql://me@server.example/team")
            )
            return
        password = self.password_edit.text() or target.inline_password
        self._target = DatabaseUrl(target.without_password, password or None)
        self.settings.setValue(SETTINGS_TEAM_URL, target.without_password)
        super().accept()

    def target(self) -> DatabaseUrl | None:
        return self._target

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class PasswordDialog(QDialog):
    """The server asks for a password: one field, not echoed, kept in memory only."""

    def __init__(self, target: DatabaseUrl, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the team database"))
        label = plain_label(reason)
        label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        where = plain_label(target.shown)
        where.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(where)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("&Password:")), self.password_edit)
        layout.addLayout(form)
        layout.addWidget(buttons)


def ask_password(target: DatabaseUrl, reason: str, parent: QWidget | None = None) -> str | None:
    """The password typed for `target` (None: cancelled). Tests answer in its place by patching it."""
    dialog = PasswordDialog(target, reason, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password_edit.text()


def ask_team_database(settings: QSettings, parent: QWidget | None = None) -> DatabaseUrl | None:
    """File > Open team database…: the URL (and password) chosen, None when cancelled."""
    dialog = TeamDatabaseDialog(settings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.target()
