"""The PySide6 face of NomadCM. Only this package (and nomadcm/app.py) imports Qt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nomadcm import startup_gc

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from nomadcm.paths import DatabaseTarget
    from nomadcm.services.container import Services
    from nomadcm.ui.i18n import Translations
    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.shell import DesktopShell
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
    from nomadcm.ui import startup
    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.wellbeing.timer_view import ScreenTimerView, timer_toolbar

    app.setQuitOnLastWindowClosed(False)  # closing the frame ends the start-up, not the loop it runs in
    startup.begin()  # what can wait for the first page's rows waits, from the frame on (ui/startup.py)
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
    from PySide6.QtWidgets import QApplication

    from nomadcm.ui import startup

    startup.cancel()  # what waited for this window goes with it
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setQuitOnLastWindowClosed(True)  # as before show_frame
    if not shiboken6.isValid(window):
        return
    window._quitting = True
    window.hide()
    window.external_changes.stop()
    window.stop_workers()
    window.deleteLater()


# Imported on the task runner's thread once the first page painted with its rows: what the shell and the work
# after the start need (the shown page's own modules come with its rows, `PageSpec.modules`). An import on the
# GUI thread would stall the window for as long.
DESKTOP_MODULES: tuple[str, ...] = (
    "nomadcm.ui.shell",
    "nomadcm.ui.wellbeing.timer",
    "nomadcm.services.wellbeing.records",  # the toolbar's timer lists the clients through it
    "nomadcm.ui.travel.city_search",
    "nomadcm.ui.widgets.zone_picker",
    "nomadcm.ui.wellbeing.reminders",
    "nomadcm.ui.publishing.reminders",
    "nomadcm.ui.clients.event_refresh",
    "nomadcm.ui.wizard",
)


# Imported on the start-up's loading thread with the services: what the window asks of them as it gets them
# (who this computer is in a team database, ui/identity.py; the change watcher's `Services.change_counter`,
# which asks for her own wellbeing file). They declare model areas: on the GUI thread, 50-160 ms stalls.
WINDOW_MODULES: tuple[str, ...] = (
    "nomadcm.services.team_members",
    "nomadcm.services.wellbeing.personal_file",
)


def import_ahead(modules: tuple[str, ...]) -> None:
    """Imports `modules` (on any thread). Through the import statement's own hook, not importlib: PySide's
    hook records each module as the GUI thread's later `from … import` would, which otherwise reads its source
    there (shibokensupport's feature check). A failure is left to the import where the module is used."""
    import logging

    for name in modules:
        try:
            __import__(name, fromlist=["__name__"])
        except ImportError:
            logging.getLogger(__name__).debug("not imported ahead: %s", name, exc_info=True)


def map_models_ahead(everything: bool = False) -> None:
    """SQLAlchemy maps a model area when it is imported and configures its mappers at the next query, on
    whichever thread runs it: called off the GUI thread once the page's or the desktop's modules are in
    (`everything`: every area), so that the GUI thread never does either (services/model_areas.py)."""
    from nomadcm.services.model_areas import map_ahead

    map_ahead(everything)


def _load_beside(window: MainWindow, services: Services) -> dict[str, object]:
    """The shown page's modules and first data, read on a loading thread while the frame stays painted."""
    from nomadcm.ui import startup
    from nomadcm.ui.pages import page_spec

    key = window.current_key()
    spec = page_spec(key)
    frame = window.frame_of(key)
    job = spec.preload(frame) if spec is not None and spec.preload is not None and frame is not None else None
    modules = spec.modules if spec is not None else ()

    def load() -> dict[str, object]:
        import_ahead(modules)
        map_models_ahead()
        return {key: job(services)} if job is not None else {}

    return startup.run_beside_loop(load, name="nomadcm-first-page")


def _desktop(window: MainWindow, theme: ThemeManager | None, instance: SingleInstance | None) -> DesktopShell:
    from nomadcm.ui.shell import DesktopShell
    from nomadcm.ui.travel.city_search import zone_suggestions
    from nomadcm.ui.widgets.zone_picker import set_default_city_search

    set_default_city_search(zone_suggestions)  # every zone picker also finds cities (offline city table)
    return DesktopShell(window, theme, instance)


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
    built in its frame's place, with its first rows read off the GUI thread (ui/startup.py).

    Once the first page painted with its rows: the desktop's other modules are imported on the task runner,
    then the shell (toolbar timer, tray, reminders, badges) starts, then the report of a crash in the last
    run and the welcome assistant for a new database. `exit_after_startup` ends the loop as the rows are
    painted; `stall_report` (bench/bench_startup.py) ends it once its watch has run its time.
    """
    from PySide6.QtCore import QTimer

    from nomadcm.ui import startup
    from nomadcm.ui.main_window import MainWindow

    if not startup.starting():  # show_frame began it when there is a frame
        startup.begin()  # what can wait for the first paint waits (ui/startup.py)
    shells: list[DesktopShell] = []

    def started() -> None:  # the shell is there: what waited for the start, then the assistant
        QTimer.singleShot(0, startup.finish)
        startup_gc.settle()  # what the start-up built is never scanned again (nomadcm/startup_gc.py)
        if not exit_after_startup and stall_report is None:
            QTimer.singleShot(0, lambda: _after_start(window, crash_report))

    if window is None:  # no frame: the window and its shell built at once, as they paint first
        window = MainWindow(services)
        if page:
            window.show_page(page)
        window.translations = translations
        shells.append(_desktop(window, theme, instance))
        if not exit_after_startup:
            window.startup_complete.connect(started)
    else:
        preloaded = _load_beside(window, services)
        if not window.isVisible():  # closed while its database was opening: nothing more to do
            discard(window)
            return RunOutcome(0)
        window.translations = translations
        # The city keys the conflict marks' `no_wifi` rule reads: made on the task runner, first in its queue,
        # when rows of an older file lack them (loading the city table there, never on the GUI thread).
        tasks = window.tasks
        startup.after_first_paint(lambda: tasks.run(lambda _report: services.refresh_city_keys()))
        window.attach(services, preloaded)

        def build_shell(_imported: object = None) -> None:
            if not shells and not window._quitting:
                shells.append(_desktop(window, theme, instance))
                started()

        if not exit_after_startup:  # rows painted: the desktop's modules on the task runner, then the shell
            window.startup_complete.connect(
                lambda: tasks.run(
                    lambda _report: (import_ahead(DESKTOP_MODULES), map_models_ahead(everything=True)),
                    window,
                    on_success=build_shell,
                    on_failure=build_shell,
                )
            )
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
    window.stop_workers()
    window.deleteLater()
    if shells:
        from nomadcm.ui.widgets.zone_picker import set_default_city_search

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
