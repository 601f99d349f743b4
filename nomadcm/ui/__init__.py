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
    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.single_instance import SingleInstance
    from nomadcm.ui.stall_watch import StallReport
    from nomadcm.ui.theme import ThemeManager

STARTUP_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class RunOutcome:
    """How the window ended: the exit code, or what to open next (another database, or a restart)."""

    code: int
    next_database: DatabaseTarget | None = None
    build_demo: bool = False
    restart: bool = False


def show_frame(
    app: QApplication,
    db_shown: DatabaseTarget | str | None,
    *,
    demo: bool = False,
    page: str | None = None,
) -> MainWindow:
    """The window as it paints first, before the data stack is imported (ui/startup.py): the sidebar, the
    menus, the screen-timer toolbar and the shown page's frame, where they will stay. Shown; `run` brings
    it to life once the database is open, `discard` ends it when it is not."""
    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.wellbeing.timer_view import ScreenTimerView, timer_toolbar

    app.setQuitOnLastWindowClosed(False)  # closing the frame ends the start-up, not the loop it runs in
    window = MainWindow(None, db_shown=db_shown, demo=demo)
    timer_toolbar(window, ScreenTimerView())
    window.restore_toolbars()
    if page:
        window.show_page(page)
    window.show()
    return window


def discard(window: MainWindow) -> None:
    """Ends a window that will not run (its database could not be opened, the start-up stopped at the first
    paint...): its task runner's thread and its timers with it. Safe to repeat."""
    import shiboken6

    if not shiboken6.isValid(window):
        return
    window._quitting = True
    window.hide()
    window.external_changes.stop()
    window.tasks.shutdown()
    window.deleteLater()


# Imported on the loading thread while the frame is on screen: what `run` needs next on the GUI thread (the
# shown page's own modules come from its PageSpec). An import there would stall the painted window.
START_MODULES: tuple[str, ...] = (
    "nomadcm.ui.shell",
    "nomadcm.ui.wellbeing.timer",
    "nomadcm.ui.travel.city_search",
    "nomadcm.ui.widgets.zone_picker",
    "nomadcm.ui.wellbeing.reminders",
    "nomadcm.ui.publishing.reminders",
    "nomadcm.ui.clients.event_refresh",
    "nomadcm.ui.wizard",
    "nomadcm.services.travel.conflicts",
    "nomadcm.services.wellbeing.records",  # the toolbar's timer lists the clients through it
)


def _load_beside(window: MainWindow, services: Services) -> dict[str, object]:
    """The shown page's modules and first data, read on a loading thread while the frame stays painted."""
    import logging

    from nomadcm.ui import startup
    from nomadcm.ui.pages import page_spec

    key = window.current_key()
    spec = page_spec(key)
    frame = window.frame_of(key)
    job = spec.preload(frame) if spec is not None and spec.preload is not None and frame is not None else None
    modules = (*START_MODULES, *(spec.modules if spec is not None else ()))

    def load() -> dict[str, object]:
        for name in modules:
            try:
                # Through the import statement's own hook (not importlib): PySide's hook then records each
                # module as it would on the GUI thread's `from … import`, which would otherwise read its
                # source there (shibokensupport's feature check: tens of milliseconds on the GUI thread).
                __import__(name, fromlist=["__name__"])
            except ImportError:  # only a head start: the import where the module is used says what is wrong
                logging.getLogger(__name__).debug("not imported ahead: %s", name, exc_info=True)
        return {key: job(services)} if job is not None else {}

    return startup.run_beside_loop(load, name="nomadcm-first-page")


def run(
    app: QApplication,
    services: Services,
    *,
    window: MainWindow | None = None,
    exit_after_startup: bool = False,
    page: str | None = None,
    translations: Translations | None = None,
    theme: ThemeManager | None = None,
    instance: SingleInstance | None = None,
    crash_report: Path | None = None,
    stall_report: StallReport | None = None,
) -> RunOutcome:
    """Brings the window to life over `services` (with the tray, timers and reminders) and runs the event loop
    until it closes. `window` is the frame `show_frame` painted (a new window otherwise): its shown page is
    built in its frame's place, with its first rows read off the GUI thread.

    After the first page painted with its rows: the report of a crash in the last run, then the welcome
    assistant for a new database. `exit_after_startup` skips both and ends the loop right then;
    `stall_report` (bench/bench_startup.py) ends it once its watch has run its time.
    """
    from PySide6.QtCore import QTimer

    from nomadcm.ui import startup
    from nomadcm.ui.main_window import MainWindow

    startup.begin()  # what can wait for the first paint waits (ui/startup.py)
    attach_later = window is not None
    if window is None:
        window = MainWindow(services)
        if page:
            window.show_page(page)
    else:
        preloaded = _load_beside(window, services)
        if not window.isVisible():  # closed while its database was opening: nothing more to do
            startup.cancel()
            discard(window)
            return RunOutcome(0)
        # The city keys the conflict marks' `no_wifi` rule reads: made on the task runner, first in its queue,
        # when rows of an older file lack them (loading the city table there, never on the GUI thread).
        tasks = window.tasks
        startup.after_first_paint(lambda: tasks.run(lambda _report: services.refresh_city_keys()))
        window.attach(services, preloaded)
    # Imported by now: by the loading thread, beside the frame (START_MODULES).
    from nomadcm.ui.shell import DesktopShell
    from nomadcm.ui.travel.city_search import zone_suggestions
    from nomadcm.ui.widgets.zone_picker import set_default_city_search

    set_default_city_search(zone_suggestions)  # every zone picker also finds cities (offline city table)
    window.translations = translations
    shells: list[DesktopShell] = []

    def build_shell() -> None:
        if not shells:
            shells.append(DesktopShell(window, theme, instance))

    if attach_later:  # the shell (the toolbar's working timer, the tray...) once the rows are on screen:
        window.startup_complete.connect(build_shell)  # the GUI thread paints them in the meantime
    else:
        build_shell()
    app.setQuitOnLastWindowClosed(False)  # a reminder popup closing while the window is in the tray
    window.closed.connect(lambda: app.exit(0))
    watchdog = QTimer(window)  # --exit-after-startup must end even if the first paint never comes
    if exit_after_startup or stall_report is not None:
        if stall_report is not None:
            window.startup_complete.connect(lambda: stall_report.end_after(lambda: app.exit(0)))
        else:
            window.startup_complete.connect(lambda: QTimer.singleShot(0, lambda: app.exit(0)))
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(lambda: app.exit(1))
        watchdog.start(STARTUP_TIMEOUT_MS)
    if not exit_after_startup:
        window.startup_complete.connect(lambda: QTimer.singleShot(0, startup.finish))
    if not exit_after_startup and stall_report is None:
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
    for shell in shells:
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
