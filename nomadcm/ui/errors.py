"""What the user sees when something goes wrong.

- A `UserError` (bad input, locked file...) is something she can fix: a plain warning box with its message.
- A team database that cannot be reached (`ServerUnreachableError`) reaching the handler — a page's refresh
  — shows nothing more: the window's banner already says so and retries (ui/connection_banner.py).
- Anything else is a bug: it is written to a crash log in `paths.log_dir()` and shown in a dialog whose
  details can be copied into a bug report. The app keeps running when it can.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm.crash_logs import ExcInfo, format_report, setup_logging, write_crash_log
from nomadcm.errors import ServerUnreachableError, UserError
from nomadcm.ui import plain_text
from nomadcm.ui.plain_text import plain_label

log = logging.getLogger("nomadcm")


def show_user_error(parent: QWidget | None, err: BaseException, title: str | None = None) -> None:
    """A fixable problem: its message, as is, in a warning box."""
    from nomadcm.ui.dialog_placement import owner_window  # not before the first paint

    owner = owner_window(parent) or parent  # over a window on screen, not a dialog that has just closed
    plain_text.warn(owner, title or QApplication.translate("Errors", "NomadCM"), str(err))


class CrashDialog(QDialog):
    """An unexpected error: what happened in one line, the details to copy, and where the log is."""

    def __init__(self, exc: ExcInfo, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("NomadCM — unexpected error"))
        self.setMinimumSize(560, 360)
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr(
                "Something went wrong that NomadCM did not expect. Your data is safe: every change is saved "
                "as soon as you make it. You can keep working, or restart NomadCM if something looks odd."
            )
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        error_line = QLabel(f"<b>{exc[0].__name__}</b>: {_escape(str(exc[1]))}")
        error_line.setWordWrap(True)
        error_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(error_line)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.details, 1)
        self.log_path = log_path
        if log_path is not None:
            where = plain_label(self.tr("This report was saved in {path}").format(path=log_path))
        else:
            where = QLabel(self.tr("The report could not be saved to the log folder; copy it from here."))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if log_path is not None:
            folder_button = QPushButton(self.tr("Open log folder"))
            folder_button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
            )
            buttons.addButton(folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


class _Relay(QObject):
    """Carries exceptions raised on worker threads to the GUI thread."""

    raised = Signal(object)


class ExceptionHandler(QObject):
    """Installed as sys.excepthook / threading.excepthook while the GUI runs."""

    def __init__(self, log_folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_folder = log_folder
        self._showing = False
        self._relay = _Relay()
        self._relay.raised.connect(self.handle, Qt.ConnectionType.QueuedConnection)
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook
        self.last_log: Path | None = None

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread

    def _excepthook(self, etype, value, tb) -> None:  # type: ignore[no-untyped-def]
        if issubclass(etype, KeyboardInterrupt):
            QApplication.quit()
            return
        if threading.current_thread() is threading.main_thread():
            self.handle((etype, value, tb))
        else:
            self._relay.raised.emit((etype, value, tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._relay.raised.emit((args.exc_type, args.exc_value, args.exc_traceback))

    @Slot(object)
    def handle(self, exc: ExcInfo) -> None:
        try:
            self._report(exc)
        finally:
            release_frames(exc)

    def _report(self, exc: ExcInfo) -> None:
        from nomadcm.ui.dialog_placement import owner_window

        setup_logging()  # an error before the first paint comes before the start-up set it up

        if isinstance(exc[1], ServerUnreachableError):  # a refresh while the team database is away: the
            log.info("%s", exc[1])  # window's banner says so (ui/connection_banner.py), no box per refresh
            return
        if isinstance(exc[1], UserError):  # a fixable problem that escaped a handler: no crash report
            show_user_error(owner_window(QApplication.activeWindow()), exc[1])
            return
        details = format_report(exc)
        log.error("unexpected error\n%s", details)
        self.last_log = write_crash_log(details, self.log_folder)
        sys.stderr.write(details)
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            dialog = CrashDialog(exc, details, self.last_log, owner_window(QApplication.activeWindow()))
            dialog.exec()
        finally:
            self._showing = False


def release_frames(exc: ExcInfo) -> None:
    """Let go of the failed code's frames once the error is reported. Kept (by the traceback, and by
    `sys.last_traceback` where Python left it), their locals — a page, its widgets, a QSignalBlocker — would
    live until the interpreter ends and be torn down after Qt's objects: a crash at exit."""
    seen: set[int] = set()
    value: BaseException | None = exc[1]
    while value is not None and id(value) not in seen:  # the exception and those it was raised from
        seen.add(id(value))
        traceback.clear_frames(value.__traceback__)  # an executing frame is left as it is
        value = value.__cause__ or value.__context__
    traceback.clear_frames(exc[2])
    if getattr(sys, "last_value", None) is exc[1]:
        sys.last_type = sys.last_value = sys.last_traceback = None
    if getattr(sys, "last_exc", None) is exc[1]:  # Python 3.12+
        sys.last_exc = None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
