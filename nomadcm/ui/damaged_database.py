"""A damaged database at start-up: say so, and offer to put the newest backup in its place.

NomadCM opened nothing (storage refused the file before writing to it). When the file has backups
(services/backups.py), "Restore the newest backup" moves the damaged file aside — never deleting it — copies
the newest sound backup in, and start-up opens that. Otherwise the only way on is Quit: the message says how
to recover the file by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from nomadcm.errors import DatabaseDamagedError, UserError
from nomadcm.services import backups
from nomadcm.ui import plain_text
from nomadcm.ui.formatting import fmt_datetime


def offer_restore(path: Path, err: DatabaseDamagedError, parent: QWidget | None = None) -> bool:
    """True once the newest sound backup is in place (start-up then opens it); False: the user quits."""
    copies = backups.list_backups(path)
    if not copies or not choose_restore(parent, path, err, fmt_datetime(copies[0].taken)):
        return False
    try:
        done = backups.restore(path)
    except UserError as failure:
        plain_text.warn(
            parent,
            QCoreApplication.translate("DamagedDatabase", "The backup could not be restored"),
            str(failure),
        )
        return False
    text = QCoreApplication.translate(
        "DamagedDatabase", "NomadCM put the backup of {taken} in place of {path}."
    ).format(taken=fmt_datetime(done.copy.taken), path=path)
    if done.kept_as is not None and done.damaged:
        text += "\n\n" + QCoreApplication.translate(
            "DamagedDatabase", "The damaged file was kept as {kept}: nothing was deleted."
        ).format(kept=done.kept_as)
    elif done.kept_as is not None:
        text += "\n\n" + QCoreApplication.translate(
            "DamagedDatabase", "The file it replaced was kept as {kept}: nothing was deleted."
        ).format(kept=done.kept_as)
    text += "\n\n" + QCoreApplication.translate(
        "DamagedDatabase", "What you changed after that backup is not in it."
    )
    plain_text.inform(parent, QCoreApplication.translate("DamagedDatabase", "Backup restored"), text)
    return True


def choose_restore(parent: QWidget | None, path: Path, err: DatabaseDamagedError, newest: str) -> bool:
    """The question: restore the newest backup (True) or quit (False)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(QCoreApplication.translate("DamagedDatabase", "The database is damaged"))
    box.setText(
        QCoreApplication.translate(
            "DamagedDatabase",
            "The database {path} is damaged. NomadCM did not open it, so nothing more was written to it.",
        ).format(path=path)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "DamagedDatabase",
            "Its newest backup was made on {newest}. Restoring it keeps the damaged file beside it, renamed.",
        ).format(newest=newest)
    )
    box.setDetailedText(str(err))
    restore = box.addButton(
        QCoreApplication.translate("DamagedDatabase", "Restore the newest backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QCoreApplication.translate("DamagedDatabase", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
