"""A page whose modules take seconds to import the first time (Wellbeing: matplotlib) is not built on the GUI
thread behind a frozen window: when she clicks it in the sidebar, a frame saying "Loading…" with an
indeterminate progress bar is shown at once, the page's modules (`PageSpec.modules`) are imported on the
window's task runner, and the page is built in the frame's place when they are in — if she is still there.

Only the sidebar's clicks wait: `MainWindow.show_page` (a link, a shortcut, a test) builds at once, in the
frame's place if one is shown. A page opts in with `PageSpec.loading_frame`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from nomadcm.ui import import_ahead, map_models_ahead
from nomadcm.ui.pages import PageSpec
from nomadcm.ui.tasks import Cancelled, TaskRunner


class LoadingFrame(QWidget):
    """The stand-in of a page being loaded: its title, "Loading…" and a busy bar, in the middle."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Loading {page}…").format(page=title))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("color: palette(mid); font-size: 12pt;")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: Qt animates it while the GUI thread is free
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(260)
        self.progress.setAccessibleName(self.label.text())
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)


def modules_missing(spec: PageSpec) -> bool:
    """Some of the page's modules are not imported yet (its first show would import them on the GUI thread)."""
    return any(name not in sys.modules for name in spec.modules)


def load_in_background(
    spec: PageSpec, tasks: TaskRunner, owner: QWidget, when_loaded: Callable[[], None]
) -> None:
    """Imports the page's modules on the task runner, then calls `when_loaded` on the GUI thread (also when
    an import failed: building the page then shows the error as any other)."""
    modules = spec.modules
    tasks.run(
        lambda _report: (import_ahead(modules), map_models_ahead()),
        owner,
        on_success=lambda _result: when_loaded(),
        on_failure=lambda err: None if isinstance(err, Cancelled) else when_loaded(),  # Cancelled: closing
    )
