"""A save refused because someone else saved the same row first (StaleEditError, services/stale_edits.py):
the person chooses Reload (see what is stored now; what she typed stays on screen) or Overwrite (save hers
over theirs, at the version stored now), or goes back to the form. Nothing typed is lost either way."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from nomadcm.errors import StaleEditError
from nomadcm.ui.formatting import fmt_datetime
from nomadcm.ui.plain_text import message_box

ANOTHER_SESSION = "another session"  # services/stale_edits.ANOTHER_SESSION: the service's English name


class StaleChoice(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    BACK = "back"


def stale_text(err: StaleEditError) -> str:
    """ "Changed by Léa on Thu 3 Dec 2026 10:41 while you were editing it." in the person's language."""
    who = (
        QCoreApplication.translate("StaleEdit", "another session") if err.who == ANOTHER_SESSION else err.who
    )
    if err.when is None:
        return QCoreApplication.translate("StaleEdit", "Changed by {who} while you were editing it.").format(
            who=who
        )
    when = fmt_datetime(err.when.astimezone().replace(tzinfo=None))
    return QCoreApplication.translate(
        "StaleEdit", "Changed by {who} on {when} while you were editing it."
    ).format(who=who, when=when)


def ask_reload_or_overwrite(parent: QWidget | None, err: StaleEditError) -> StaleChoice:
    box = message_box(
        QMessageBox.Icon.Warning,
        parent,
        QCoreApplication.translate("StaleEdit", "Changed meanwhile"),
        stale_text(err),
        QMessageBox.StandardButton.Cancel,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "StaleEdit",
            "Reload shows what is saved now and keeps what you typed on screen. "
            "Overwrite saves yours over their change.",
        )
    )
    reload_button = box.addButton(
        QCoreApplication.translate("StaleEdit", "&Reload"), QMessageBox.ButtonRole.AcceptRole
    )
    overwrite_button = box.addButton(
        QCoreApplication.translate("StaleEdit", "&Overwrite"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(reload_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload_button:
        return StaleChoice.RELOAD
    if clicked is overwrite_button:
        return StaleChoice.OVERWRITE
    return StaleChoice.BACK


def typed_text(items: list[tuple[str, str]]) -> str:
    """After a Reload: what she had typed that differs from what is saved now, one "Label: value" a line."""
    if not items:
        return QCoreApplication.translate("StaleEdit", "Reloaded: what is saved now is what you had typed.")
    head = QCoreApplication.translate("StaleEdit", "Reloaded. What you had typed:")
    return "\n".join([head, *(f"{label} {value}" for label, value in items)])
