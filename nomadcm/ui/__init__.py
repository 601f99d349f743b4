"""The PySide6 face of NomadCM. Only this package (and nomadcm/app.py) imports Qt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from nomadcm.paths import DatabaseTarget
    from nomadcm.services.container import Services
    from nomadcm.ui.i18n import Translations
    from nomadcm.ui.single_instance import SingleInstance
    from nomadcm.ui.theme import ThemeManager

STARTUP_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class RunOutcome:
    """How the window ended: the exit code, or what to open next (another database, or a restart)."""

    code: int
    next_database: DatabaseTarget | None = None
    build_demo: bool = False
    restart: bool = False


def run(
    app: QApplication,
    services: Services,
    *,
    exit_after_startup: bool = False,
    page: str | None = None,
    translations: Translations | None = None,
    theme: ThemeManager | None = None,
    instance: SingleInstance | None = None,
    crash_report: Path | None = None,
) -> RunOutcome:
    """Shows the main window (with the tray, timers and reminders) and runs the event loop until it closes.

    After the first paint: the report of a crash in the last run, then the welcome assistant for a new
    database. `exit_after_startup` skips both and ends the loop once the first page has painted.
    """
    from PySide6.QtCore import QTimer

    from nomadcm.ui import startup
    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.shell import DesktopShell
    from nomadcm.ui.travel.city_search import zone_suggestions
    from nomadcm.ui.widgets.zone_picker import set_default_city_search

    set_default_city_search(zone_suggestions)  # every zone picker also finds cities (offline city table)
    startup.begin()  # what can wait for the first paint waits (ui/startup.py)
    window = MainWindow(services)
    window.translations = translations
    if page:
        window.show_page(page)
    shell = DesktopShell(window, theme, instance)
    app.setQuitOnLastWindowClosed(False)  # a reminder popup closing while the window is in the tray
    window.closed.connect(lambda: app.exit(0))
    watchdog = QTimer(window)  # --exit-after-startup must end even if the first paint never comes
    if exit_after_startup:
        window.startup_complete.connect(lambda: QTimer.singleShot(0, lambda: app.exit(0)))
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(lambda: app.exit(1))
        watchdog.start(STARTUP_TIMEOUT_MS)
    else:
        window.startup_complete.connect(lambda: QTimer.singleShot(0, startup.finish))
        window.startup_complete.connect(
            lambda: QTimer.singleShot(0, lambda: _after_start(window, crash_report))
        )
    window.show()
    code = app.exec()
    watchdog.stop()
    # Nothing may call app.exit() once the loop is over: Qt would remember it and end the next loop at once.
    window.closed.disconnect()
    window.startup_complete.disconnect()
    startup.cancel()  # a start-up cut short (--exit-after-startup): the deferred work goes with the window
    outcome = RunOutcome(code, window.next_database, window.build_demo, window.restart_requested)
    if shell.scheduler is not None:
        shell.scheduler.stop()
    shell.tray.hide()
    window._quitting = True  # closing for good, not to the tray
    window.close()
    # closeEvent did both, unless a dialog kept the window open: no job may outlive it, nor the watcher's
    # connection the database.
    window.external_changes.stop()
    window.tasks.shutdown()
    window.deleteLater()
    set_default_city_search(None)
    app.setQuitOnLastWindowClosed(True)
    return outcome


def _after_start(window, crash_report: Path | None) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.wizard import needs_wizard

    if crash_report is not None:
        from nomadcm.ui.crash_report import PreviousCrashDialog

        dialog = PreviousCrashDialog(crash_report, window)
        window._open(dialog)
        if needs_wizard(window.services):
            dialog.finished.connect(lambda _r: window.show_wizard())
        return
    if needs_wizard(window.services):
        window.show_wizard()
