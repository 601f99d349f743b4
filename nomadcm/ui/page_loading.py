"""A page whose modules take seconds to import the first time (Wellbeing: matplotlib) is not built on the GUI
thread behind a frozen window: when she clicks it in the sidebar, a frame saying "Loading…" with an
indeterminate progress bar is shown at once, the page's modules (`PageSpec.modules`) are imported on the
window's task runner, and the page is built in the frame's place when they are in — if she is still there.

A page with a `PageSpec.preload` (the Calendar: its week, the posts' conflict marks, the clients' events) has its
first data read there too, after its modules, so that the GUI thread only builds and paints it: the page shown
before stays on screen meanwhile (or the page's own `frame`, when it has one), and "Loading…" comes only if the
read takes longer than `LOADING_AFTER_MS`. These reads have a runner of their own (`MainWindow.page_reads`): a
click never waits behind an import or an export on the window's task runner. Data that changed while they were
read are dropped: the page then reads them itself.

Only the sidebar's clicks wait: `MainWindow.show_page` (a link, a shortcut, a test) builds at once, in the
frame's place if one is shown. A page opts in with `PageSpec.loading_frame` or `PageSpec.preload`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from nomadcm.ui import import_ahead, map_models_ahead
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.pages import PageSpec
from nomadcm.ui.tasks import Cancelled, TaskRunner

LOADING_AFTER_MS = 250  # a page whose first data are being read: "Loading…" only past this


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
    spec: PageSpec,
    tasks: TaskRunner,
    owner: QWidget,
    when_loaded: Callable[[Any], None],
    *,
    read: Callable[[], Any] | None = None,
    changes: ChangeBus | None = None,
) -> None:
    """Imports the page's modules on the task runner, then calls `read` there (the page's first data), then
    `when_loaded(data)` on the GUI thread: None when there was nothing to read, the read failed (building the
    page then shows the error as any other), or `changes` announced a change meanwhile."""
    modules = spec.modules
    stale = [False]

    def changed(_areas: object) -> None:
        stale[0] = True

    if read is not None and changes is not None:
        changes.changed.connect(changed)

    def finish(data: Any) -> None:
        if read is not None and changes is not None:
            changes.changed.disconnect(changed)
        if data is not Cancelled:
            when_loaded(None if stale[0] else data)

    def work(_report: object) -> Any:
        import_ahead(modules)
        map_models_ahead()
        return read() if read is not None else None

    tasks.run(
        work,
        owner,
        on_success=finish,
        on_failure=lambda err: finish(
            Cancelled if isinstance(err, Cancelled) else None
        ),  # Cancelled: closing
    )
