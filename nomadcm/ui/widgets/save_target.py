"""The GUI's side of the one check of where an export may go (exchange/output_targets.py).

Every "Save as…" of the GUI passes the path the person chose through `checked_save_path` before writing:
the open database, a folder, a device, a read-only file… are refused with a dialog naming the path and the
reason, in the person's language, exactly as `-o` is refused in the CLI.

    path = checked_save_path(self, name)
    if path is None:
        return
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from nomadcm.errors import UserError
from nomadcm.exchange.output_targets import Reason, RefusedTarget, check_target
from nomadcm.ui import plain_text


def reason_text(err: RefusedTarget) -> str:
    """The reason of a refusal, translated ({folder}: the folder it names)."""
    texts = {
        Reason.NO_NAME: QCoreApplication.translate("SaveTarget", "No file name was given."),
        Reason.ENDS_WITH_SLASH: QCoreApplication.translate(
            "SaveTarget", "The name ends with a slash, as a folder's does: give a file name."
        ),
        Reason.FOLDER: QCoreApplication.translate("SaveTarget", "It is a folder."),
        Reason.DEVICE: QCoreApplication.translate("SaveTarget", "It is a device, not a file."),
        Reason.PIPE: QCoreApplication.translate("SaveTarget", "It is a named pipe, not a file."),
        Reason.SOCKET: QCoreApplication.translate("SaveTarget", "It is a socket, not a file."),
        Reason.NOT_A_FILE: QCoreApplication.translate("SaveTarget", "It is not a regular file."),
        Reason.LINK_LOOP: QCoreApplication.translate("SaveTarget", "It is a symbolic link that loops."),
        Reason.READ_ONLY: QCoreApplication.translate("SaveTarget", "The file is read-only."),
        Reason.NOT_WRITABLE: QCoreApplication.translate(
            "SaveTarget", "You are not allowed to write this file."
        ),
        Reason.NO_FOLDER: QCoreApplication.translate("SaveTarget", "The folder {folder} does not exist."),
        Reason.FOLDER_NOT_WRITABLE: QCoreApplication.translate(
            "SaveTarget", "You are not allowed to write in the folder {folder}."
        ),
        Reason.DATABASE: QCoreApplication.translate(
            "SaveTarget", "It is the NomadCM database that is open: saving there would destroy it."
        ),
        Reason.DATABASE_FILE: QCoreApplication.translate(
            "SaveTarget", "It is a working file of the NomadCM database that is open."
        ),
        Reason.BACKUPS: QCoreApplication.translate(
            "SaveTarget", "It is in the folder of the database's backups."
        ),
        Reason.SQLITE: QCoreApplication.translate(
            "SaveTarget", "It is a database, not an export: saving there would destroy it."
        ),
    }
    return texts[err.reason].format(folder=err.detail)


def refusal_text(path: Path | str, err: UserError) -> str:
    """The message "NomadCM will not write <path>." with the reason, in the person's language."""
    reason = reason_text(err) if isinstance(err, RefusedTarget) else str(err)
    return QCoreApplication.translate("SaveTarget", "NomadCM will not write {path}.\n{reason}").format(
        path=str(path), reason=reason
    )


def checked_save_path(
    parent: QWidget | None, path: Path | str, show: Callable[[str], None] | None = None
) -> Path | None:
    """`path` when an export may be written there; otherwise None, after a warning over `parent` that names
    the path and the reason — or after `show(text)`, for a dialog that has a place for its errors."""
    try:
        check_target(path)
    except UserError as err:
        text = refusal_text(path, err)
        if show is not None:
            show(text)
        else:
            plain_text.warn(parent, QCoreApplication.translate("SaveTarget", "Cannot save here"), text)
        return None
    return Path(path)
