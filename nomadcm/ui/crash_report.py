"""Hard crashes (Qt or a library killing the process) leave a report that is offered at the next start.

Python exceptions are caught by the excepthook dialog (ui/errors.py). A segmentation fault or an abort
cannot be: `faulthandler` writes the Python stack of every thread to `fatal-<instance>.log` in the log
folder as the process dies. A clean exit removes that file; at the next start a file with a stack in it means
the last run crashed: it is renamed `crash-<date>-fatal.log` and the user is told, with the report to copy.
One file per instance (user + database), so two NomadCM windows on two databases never mix their reports.
"""

from __future__ import annotations

import contextlib
import faulthandler
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm import __version__, paths
from nomadcm.ui.plain_text import plain_label

STACK_MARKERS = ("Fatal Python error", "Current thread", "Thread 0x", "Stack (most recent call first)")


class FatalLog:
    """The faulthandler file of one instance: `start()` at launch, `stop()` at a clean exit."""

    def __init__(self, key: str, folder: Path | None = None) -> None:
        self.folder = folder or paths.log_dir()
        self.path = self.folder / f"fatal-{key}.log"
        self._file: TextIO | None = None

    def previous_crash(self) -> Path | None:
        """The last run's report, moved aside to crash-<date>-fatal.log; None when the last run ended well."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        if not any(marker in text for marker in STACK_MARKERS):
            self.path.unlink(missing_ok=True)  # only our header: the process ended without a stack dump
            return None
        stamp = datetime.fromtimestamp(self.path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"crash-{stamp}-fatal.log"
        try:
            self.path.replace(target)
        except OSError:
            return None
        return target

    def start(self) -> bool:
        """Arms faulthandler on this instance's file (False when the log folder cannot be written)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = self.path.open("w", encoding="utf-8")
        except OSError:
            return False
        handle.write(
            f"NomadCM {__version__} — Python {sys.version.split()[0]} — {sys.platform}\n"
            f"started {datetime.now().isoformat(timespec='seconds')}\n\n"
        )
        handle.flush()
        self._file = handle
        faulthandler.enable(file=handle, all_threads=True)
        return True

    def stop(self) -> None:
        if self._file is None:
            return
        faulthandler.disable()
        if sys.stderr is not None:  # keep Python's own crash dump on the console while tests run
            with contextlib.suppress(AttributeError, ValueError, OSError):  # no usable stderr (windowed app)
                faulthandler.enable(file=sys.stderr)
        self._file.close()
        self._file = None
        self.path.unlink(missing_ok=True)


class PreviousCrashDialog(QDialog):
    """Told once, at the start after a crash: what happened, the report to copy, where it is."""

    def __init__(self, report: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("NomadCM closed unexpectedly"))
        self.setMinimumSize(560, 360)
        summary = QLabel(
            self.tr(
                "The last time, NomadCM stopped without warning. Your data is safe: every change was saved "
                "as you made it. If you report the problem, include the details below; they contain no "
                "posts or personal data, only where the program was."
            )
        )
        summary.setWordWrap(True)
        try:
            text = report.read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            text = str(err)
        self.details = QPlainTextEdit(text)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setAccessibleName(self.tr("Crash report"))
        where = plain_label(self.tr("The report is saved in {path}").format(path=report))
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        folder = QPushButton(self.tr("Open log folder"))
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.parent))))
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))
