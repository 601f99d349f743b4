"""GUI start-up: arguments, the Qt application, the crash handler, the database; then the window.

`nomadcm.ui` is imported only once the database is open, so a bad file is reported fast and the CLI never
pays for Qt.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence

from nomadcm import APP_NAME, paths

EXIT_OK = 0
EXIT_BAD_DATABASE = 2


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="nomadcm-gui", description="NomadCM, the desktop app.")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: the user data folder; or $NOMADCM_DB)"
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="open the window, wait until it shows its first page with data, then exit 0 (smoke test)",
    )
    return parser.parse_known_args(list(argv))


def setup_logging() -> None:
    """Log warnings and errors to nomadcm.log in the log folder (crash reports sit beside it)."""
    logger = logging.getLogger("nomadcm")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "nomadcm.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def gui_main(argv: Sequence[str] | None = None) -> int:
    try:
        args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # --help or a bad option: argparse already printed it
        return int(stop.code or 0)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from nomadcm.errors import DatabaseError
    from nomadcm.services.container import Services
    from nomadcm.storage import Database

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "nomadcm", *qt_args])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("nomadcm")

    from nomadcm.ui.errors import ExceptionHandler

    setup_logging()
    handler = ExceptionHandler()
    handler.install()
    try:
        path = paths.resolve_db_path(args.db)
        try:
            db = Database.open(path)
        except DatabaseError as err:
            logging.getLogger("nomadcm").error("cannot open %s: %s", path, err)
            print(f"nomadcm: error: {err}", file=sys.stderr)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QApplication.translate("App", "NomadCM cannot open its database"),
                QApplication.translate("App", "The database {path} cannot be used.\n\n{reason}").format(
                    path=path, reason=err
                ),
            )
            if args.exit_after_startup:  # a smoke test must never wait for a click
                box.show()
                app.processEvents()
                box.close()
            else:
                box.exec()
            return EXIT_BAD_DATABASE
        try:
            from nomadcm.services.posts import ensure_instants_current

            ensure_instants_current(db)  # new zone rules shipped: posts keep their wall time
            from nomadcm.ui import run

            return run(app, Services(db), exit_after_startup=args.exit_after_startup)
        finally:
            db.close()
    finally:
        handler.uninstall()


if __name__ == "__main__":
    raise SystemExit(gui_main())
