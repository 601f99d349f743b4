"""GUI start-up: arguments, the Qt application, the crash handlers, one instance per database, the
window's frame, then the database, the language and theme, and the window's pages.

Paint first, load after (ui/startup.py): the window's frame — sidebar, menus, toolbar, the shown page's
frame — paints before SQLAlchemy, the models and the services are imported; they load, and the database
opens, on a thread of the start-up while the frame stays painted; the page's rows arrive in its frame's
place. The frame is painted in the language, theme and sample-data state the file says, read with the
sqlite3 module alone (`_frame_settings`).

The window can ask for another database (your data <-> the sample data) or a restart (a new language):
`gui_main` then closes this database and opens the next, in the same process. The CLI never pays for Qt.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from nomadcm import APP_NAME, paths, startup_gc
from nomadcm.crash_logs import setup_logging
from nomadcm.errors import UserError
from nomadcm.paths import DatabaseTarget, DatabaseUrl

EXIT_OK = 0
EXIT_BAD_DATABASE = 2
EXIT_NOT_ANSWERING = 3  # another NomadCM holds this database but does not answer
EXIT_STARTUP_FAILED = 1  # --exit-after-startup met an error (its report is on stderr)

# The pages' keys in sidebar order (ui/pages.PAGES, which imports Qt: tests/ui/test_app.py compares).
PAGE_KEYS = ("schedule", "clients", "hours", "calendar", "travel", "wellbeing", "workplaces")


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="nomadcm-gui", description="NomadCM, the desktop app.")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="database file (default: the user data folder; or $NOMADCM_DB), or a team database's URL: "
        "postgresql://USER@HOST[:PORT]/DATABASE",
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="open the window, wait until it shows its first page with data, then exit 0 (smoke test)",
    )
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="open the window, wait until it has painted its frame (the sidebar and the page's frame, before "
        "any data), then exit 0 (launch check)",
    )
    # bench/bench_startup.py: watch the GUI thread for SECONDS after the first paint, print what it saw (JSON).
    parser.add_argument(
        "--measure-stalls", type=float, default=0.0, metavar="SECONDS", help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--page", metavar="KEY", choices=PAGE_KEYS, help=f"open on this page: {', '.join(PAGE_KEYS)}"
    )
    parser.add_argument(
        "--language", choices=("en", "fr"), help="show NomadCM in this language (default: the setting)"
    )
    return parser.parse_known_args(list(argv))


def gui_main(argv: Sequence[str] | None = None) -> int:
    startup_gc.pause()  # the GUI thread's collector takes it over (ui/gui_gc.py): nomadcm/startup_gc.py
    try:
        return _gui_main(argv)
    finally:
        startup_gc.restore()


def _gui_main(argv: Sequence[str] | None) -> int:
    try:
        args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # --help or a bad option: argparse already printed it
        return int(stop.code or 0)

    # The interpreter's switch interval is shortened while starting only (ui/startup.py, `begin`).
    from PySide6.QtWidgets import QApplication

    from nomadcm.ui.pyside_imports import skip_source_scans

    skip_source_scans()  # every module imported from here on: its source is not read (ui/pyside_imports.py)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "nomadcm", *qt_args])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("nomadcm")

    from nomadcm.ui.errors import ExceptionHandler
    from nomadcm.ui.gui_gc import GuiThreadCollector
    from nomadcm.ui.i18n import Translations
    from nomadcm.ui.theme import ThemeManager

    collector = GuiThreadCollector(app)  # before any thread starts: Qt objects die on the GUI thread only
    handler = _smoke_test_handler(app) if _unattended(args) else ExceptionHandler()
    handler.install()
    translations = Translations(app)
    translations.apply(args.language or "")  # the system's language until the database says otherwise
    theme = ThemeManager(app)
    try:
        try:
            path = paths.resolve_database(args.db)
        except UserError as err:  # an unknown `scheme://`: never a file
            given = paths.mask_password(args.db or os.environ.get(paths.DB_ENV, ""))
            return _report_unusable(app, given, err, args.exit_after_startup)
        build_demo = False
        previous: DatabaseTarget | None = None
        while True:
            outcome = _open_and_run(app, args, path, build_demo, translations, theme)
            if outcome is None:  # the sample data could not be built: back to where we were
                path, build_demo = previous or paths.resolve_database(args.db), False
                continue
            if isinstance(outcome, int):
                return outcome
            startup_gc.restore()  # the window that was frozen is gone: its objects may be collected again
            if outcome.next_database is not None:
                previous, path, build_demo = path, outcome.next_database, outcome.build_demo
                continue
            if outcome.restart:
                build_demo = False
                continue
            return EXIT_STARTUP_FAILED if getattr(handler, "failed", False) else outcome.code
    finally:
        translations.remove()
        theme.apply("")
        handler.uninstall()
        collector.stop()


def _unattended(args: argparse.Namespace) -> bool:
    """A smoke test or a measure: no dialog, no crash report offered, errors on stderr."""
    return bool(args.exit_after_startup or args.exit_after_first_paint or args.measure_stalls > 0)


def _smoke_test_handler(app):  # type: ignore[no-untyped-def]
    """--exit-after-startup: an error ends the run with EXIT_STARTUP_FAILED and its report on stderr (and in
    the log); no dialog waits for a click that never comes."""
    from PySide6.QtCore import QTimer

    from nomadcm.ui.errors import ExceptionHandler, format_report, release_frames

    class SmokeTestHandler(ExceptionHandler):
        failed = False

        def handle(self, exc) -> None:  # type: ignore[no-untyped-def]
            self.failed = True
            details = format_report(exc)
            setup_logging()  # may come before the first paint set it up
            logging.getLogger("nomadcm").error("error during --exit-after-startup\n%s", details)
            sys.stderr.write(details)
            # Let go of the failed frames now, while their widgets live: kept until the interpreter ends
            # (sys.last_traceback), a QSignalBlocker in them would touch a deleted widget and crash.
            release_frames(exc)
            QTimer.singleShot(0, lambda: app.exit(EXIT_STARTUP_FAILED))

    return SmokeTestHandler()


def _open_and_run(app, args, path: DatabaseTarget, build_demo: bool, translations, theme):  # type: ignore[no-untyped-def]
    """One database, from its lock to its window's end: a RunOutcome, an exit code, or None (no sample)."""
    from nomadcm import ui
    from nomadcm.ui import startup
    from nomadcm.ui.single_instance import SingleInstance

    instance = SingleInstance(path)
    if not instance.acquire():
        return _already_running(instance, path, args.exit_after_startup)
    fatal = None
    window = None
    try:
        crash_report = None
        if not _unattended(args):  # a smoke test leaves the crash reports alone
            from nomadcm.ui.crash_report import FatalLog

            fatal = FatalLog(instance.key)
            crash_report = fatal.previous_crash()
            fatal.start()
        if build_demo and isinstance(path, Path):
            from nomadcm.ui.i18n import system_language
            from nomadcm.ui.sample_data import build_sample_database

            # The sample speaks the language on screen now ("" when that is simply the system's).
            language = translations.language if translations.language != system_language() else ""
            if not build_sample_database(path, language):
                return None
        # Paint first: the frame, in the language and theme the file says, before the data stack loads.
        early = _frame_settings(path)
        translations.apply(args.language or early.get("language", ""))
        theme.apply(early.get("theme", ""))
        window = ui.show_frame(app, path, demo=bool(early.get("demo_data")), page=args.page)
        painted = startup.wait_for(window.frame_painted, ui.STARTUP_TIMEOUT_MS)
        startup_gc.freeze()  # what the frame's imports built is never scanned again (nomadcm/startup_gc.py)
        stall_report = None
        if args.measure_stalls > 0:
            from nomadcm.ui.stall_watch import StallReport

            stall_report = StallReport(args.measure_stalls)
            stall_report.start()
        if args.exit_after_first_paint:
            return EXIT_OK if painted else EXIT_STARTUP_FAILED
        setup_logging()  # nomadcm.log beside the crash reports (crash_logs.py); before, stderr says it
        # Load after: the data stack and the database, on a thread of the start-up, the frame painted meanwhile.
        db = _open_database(app, path, _unattended(args), in_background=True)
        if isinstance(db, int):
            return db
        try:
            from nomadcm.errors import DatabaseError

            try:
                services, language, theme_name = startup.run_beside_loop(
                    lambda: _services_over(db), name="nomadcm-open"
                )
            except DatabaseError as err:  # damage met by the first reads: the next start checks the file
                return _report_unusable(app, path, err, _unattended(args))
            from nomadcm.ui.identity import members_own

            language, theme_name = members_own(services, language, theme_name)
            framed = translations.language
            translations.apply(args.language or language)
            theme.apply(theme_name)
            if translations.language != framed:  # the frame spoke another language: paint it anew
                ui.discard(window)
                window = ui.show_frame(app, path, demo=bool(early.get("demo_data")), page=args.page)
            from nomadcm.ui import run

            try:
                return run(
                    app,
                    services,
                    window=window,
                    exit_after_startup=args.exit_after_startup,
                    page=args.page,
                    translations=translations,
                    theme=theme,
                    instance=instance,
                    crash_report=crash_report,
                    stall_report=stall_report,
                )
            except DatabaseError as err:  # damage met by the first page's reads: as by the first reads
                return _report_unusable(app, path, err, _unattended(args))
        finally:
            db.close()
    finally:
        if window is not None:
            ui.discard(window)
        if fatal is not None:
            fatal.stop()
        instance.release()


def _frame_settings(path: DatabaseTarget) -> dict[str, object]:
    """The language, theme and sample-data mark stored in the file, for the window's frame: read before the
    data stack exists, with the sqlite3 module alone and a read-only connection. Any doubt gives {} (the
    system's choices): opening the database for real then says what is wrong, and the settings it reads
    win. A team database (URL) has no file to read: {}."""
    if not isinstance(path, Path) or not path.is_file():
        return {}
    import sqlite3

    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            rows = connection.execute(
                "SELECT key, value FROM setting WHERE key IN ('language', 'theme', 'demo_data')"
            ).fetchall()
        finally:
            connection.close()
        return {str(key): json.loads(value) for key, value in rows}
    except (sqlite3.Error, ValueError, OSError):
        return {}


def _services_over(db):  # type: ignore[no-untyped-def]
    """On the start-up's loading thread: stored instants brought up to new zone rules, the services, and the
    language and theme the database asks for."""
    from nomadcm.services.container import Services
    from nomadcm.services.schedule.zone_rule_updates import ensure_instants_current
    from nomadcm.ui import WINDOW_MODULES, import_ahead

    ensure_instants_current(db)  # new zone rules shipped: posts keep their wall time
    services = Services(db)
    import_ahead(WINDOW_MODULES)  # not on the GUI thread, which asks for them next
    return services, services.settings.get("language"), services.settings.get("theme")


def _open_database(app, path: DatabaseTarget, exit_after_startup: bool, *, in_background: bool = False):  # type: ignore[no-untyped-def]
    """The open database, or EXIT_BAD_DATABASE after a message naming the file. A damaged file with backups
    gets the offer to restore the newest (ui/damaged_database.py), then is opened again; a team database
    whose server asks for a password gets a password dialog (ui/team_database.py), as often as the server
    refuses it until cancelled; never a dialog with --exit-after-startup. `in_background`: the data stack is
    imported and the file opened (checked, migrated, backed up) on a thread of the start-up, while the
    window's frame stays painted (ui/startup.py)."""
    from nomadcm.errors import DatabaseDamagedError, DatabaseError, PasswordRequiredError

    try:
        if in_background:
            from nomadcm.ui.startup import run_beside_loop

            return run_beside_loop(lambda: _open_storage(path), name="nomadcm-open")
        return _open_storage(path)
    except DatabaseError as err:
        if (
            isinstance(err, PasswordRequiredError)
            and isinstance(path, DatabaseUrl)
            and not exit_after_startup
        ):
            from nomadcm.ui.team_database import ask_password

            password = ask_password(path, str(err))
            if password is None:
                return EXIT_BAD_DATABASE
            return _open_database(
                app, path.with_password(password), exit_after_startup, in_background=in_background
            )
        if (
            isinstance(err, DatabaseDamagedError)
            and isinstance(path, Path)
            and err.backups
            and not exit_after_startup
        ):
            _log_unusable(path, err)
            from nomadcm.ui.damaged_database import offer_restore

            if offer_restore(path, err):
                # the backup, checked like any file
                return _open_database(app, path, exit_after_startup, in_background=in_background)
            return EXIT_BAD_DATABASE
        return _report_unusable(app, path, err, exit_after_startup)


def _open_storage(path: DatabaseTarget):  # type: ignore[no-untyped-def]
    from nomadcm.storage import open_database

    return open_database(path)


def _log_unusable(path: DatabaseTarget | str, err: Exception) -> None:
    setup_logging()  # may come before the first paint set it up
    logging.getLogger("nomadcm").error("cannot open %s: %s", path, err)
    print(f"nomadcm: error: {err}", file=sys.stderr)


def _report_unusable(app, path: DatabaseTarget | str, err: Exception, exit_after_startup: bool) -> int:  # type: ignore[no-untyped-def]
    """The message naming the file, on stderr and in a box (shown, never waited for by a smoke test)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    _log_unusable(path, err)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QApplication.translate("App", "NomadCM cannot open its database"),
        QApplication.translate("App", "The database {path} cannot be used.\n\n{reason}").format(
            path=path, reason=err
        ),
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path, shown as typed
    if exit_after_startup:  # a smoke test must never wait for a click
        box.show()
        app.processEvents()
        box.close()
    else:
        box.exec()
    return EXIT_BAD_DATABASE


def _already_running(instance, path: DatabaseTarget, exit_after_startup: bool) -> int:  # type: ignore[no-untyped-def]
    """Another NomadCM has this database: it was asked to come forward (exit 0), or it does not answer."""
    if instance.answered:
        print(f"NomadCM is already open on {path}: its window was brought to the front.", file=sys.stderr)
        return EXIT_OK
    from PySide6.QtWidgets import QApplication

    from nomadcm.ui import plain_text

    print(f"nomadcm: error: NomadCM is already open on {path} but does not answer", file=sys.stderr)
    if not exit_after_startup:
        plain_text.warn(
            None,
            QApplication.translate("App", "NomadCM is already open"),
            QApplication.translate(
                "App",
                "NomadCM is already open on {path} but does not answer. Close it (or end it from the task "
                "manager), then open NomadCM again.",
            ).format(path=path),
        )
    return EXIT_NOT_ANSWERING


if __name__ == "__main__":
    raise SystemExit(gui_main())
