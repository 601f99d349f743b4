"""Screenshots of every page, in English and in French, over the sample data: docs/screenshots/<lang>/.

    .venv/bin/python tools/screenshots.py            # re-runs itself under Xvfb when there is no display
    make screenshots                                 # the same, after installing Xvfb if needed

The app runs for real on the X11 platform (fonts, styles, layouts as a person sees them), on a fresh sample
database built for today and a temporary home folder (the user's settings are never read or written). Each
page is shown, left to settle, and grabbed; then a few dialogs (new post, settings, welcome assistant,
about), the schedule in the dark theme, and the sample made a team's (tools/screenshots_team.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)
LANGUAGES = ("en", "fr")
# Pages, and the tabs worth a picture of their own: (file name, page key, tab index or None).
SHOTS = (
    ("schedule", "schedule", None),
    ("calendar", "calendar", None),
    ("travel", "travel", 0),
    ("travel-day", "travel", 1),
    ("travel-conflicts", "travel", 2),
    ("clients", "clients", None),
    ("hours", "hours", None),  # Hours & pay (ui/billing/): the sample's month, its first client selected
    ("workplaces", "workplaces", 0),
    ("workplaces-checklist", "workplaces", 1),
    ("wellbeing", "wellbeing", None),
)


def under_xvfb() -> int:
    """Runs this script again inside a virtual X server."""
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print(
            "no display and no xvfb-run: install Xvfb (make screenshots does) or set DISPLAY", file=sys.stderr
        )
        return 2
    env = {**os.environ, "NOMADCM_SCREENSHOTS_XVFB": "1", "QT_QPA_PLATFORM": "xcb"}
    command = [xvfb, "-a", "-s", f"-screen 0 {SIZE[0] + 200}x{SIZE[1] + 200}x24", sys.executable, *sys.argv]
    return subprocess.call(command, env=env)


def settle(app, ms: int = 400) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def grab(widget, path: Path) -> Path:  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    return path


def shoot_language(app, services, language: str, home: Path, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QTabWidget

    from nomadcm.ui.i18n import Translations
    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.shell import DesktopShell

    translations = Translations(app)
    translations.apply(language, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    settings = QSettings(str(home / f"window-{language}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    window.translations = translations
    shell = DesktopShell(window, reminders=False)
    window.resize(*SIZE)
    window.show()
    settle(app, 800)
    written = []
    for name, key, tab in SHOTS:
        page = window.show_page(key)
        if tab is not None:
            tabs = page.findChild(QTabWidget)
            if tabs is not None and tab < tabs.count():
                tabs.setCurrentIndex(tab)
        settle(app)
        written.append(grab(window, out / language / f"{name}.png"))
    written += shoot_dialogs(app, window, out / language)
    shell.tray.hide()
    window._quitting = True
    window.close()
    window.deleteLater()
    settle(app, 100)
    translations.remove()
    return written


def shoot_dialogs(app, window, folder: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    written = []
    window.show_page("schedule")
    settle(app)
    for name, opener in (
        ("dialog-new-post", window.new_post),
        ("dialog-settings", window.open_settings),
        ("dialog-welcome", window.show_wizard),
        ("dialog-about", window.about),
        ("dialog-export", lambda: export_dialog(window)),
        ("dialog-work-spots", lambda: work_spots_dialog(window)),
        ("dialog-client", lambda: page_dialog(window, "clients", "new_client")),
        ("dialog-client-event", lambda: client_event_dialog(window)),
        ("dialog-stay", lambda: page_dialog(window, "travel", "new_stay")),
        ("dialog-place", lambda: place_dialog(window)),
        ("dialog-contract", lambda: window.show_page("hours").edit_contract()),
        ("dialog-work-log", lambda: window.show_page("hours").log_work()),
        ("dialog-team-database", lambda: team_database_dialog(window)),
    ):
        shot = shoot_dialog(app, window, opener, folder / f"{name}.png")
        written += [shot] if shot is not None else []
    return written


def shoot_dialog(app, window, opener, path: Path) -> Path | None:  # type: ignore[no-untyped-def]
    """Opens a dialog with `opener`, grabs it into `path` and closes it (None: no dialog opened)."""
    opened = opener()
    settle(app, 800)
    dialog = opened if opened is not None else app.activeModalWidget() or getattr(window, "dialog", None)
    if dialog is None:
        dialog = next((w for w in app.topLevelWidgets() if w.isVisible() and w is not window), None)
    if dialog is None:
        print(f"  {path.stem}: no dialog opened", file=sys.stderr)
        return None
    grab(dialog, path)
    if hasattr(dialog, "track_changes"):
        dialog.track_changes()  # close without "discard your changes?"
    dialog.close()
    settle(app, 150)
    return path


def export_dialog(window):  # type: ignore[no-untyped-def]
    """File > Export…, Hootsuite chosen for the first client: what it writes and drops, before writing."""
    window.export_csv()
    dialog = window.export_dialog
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("hootsuite"))
    dialog.client_combo.setCurrentIndex(1)
    return dialog


def work_spots_dialog(window):  # type: ignore[no-untyped-def]
    """A post's "Where can I work then?": the first coming post with open workplaces near her."""
    from nomadcm.services.schedule.query import ScheduleFilter
    from nomadcm.services.workplaces.work_spots import work_spots
    from nomadcm.ui.workplaces.work_spots_dialog import open_work_spots

    services = window.services
    page = window.show_page("schedule")
    for o in services.schedule(ScheduleFilter()).stream():
        if work_spots(services.db, o.utc).spots:
            return open_work_spots(services, window.tasks, o.utc, page)
    return None


def page_dialog(window, key: str, opener: str):  # type: ignore[no-untyped-def]
    """A page's own "new …" dialog (the page keeps it as `dialog`)."""
    page = window.show_page(key)
    getattr(page, opener)()
    return page.dialog


def client_event_dialog(window):  # type: ignore[no-untyped-def]
    """Clients > (the first client) > New event."""
    page = window.show_page("clients")
    page.events_panel.new_event()
    return page.events_panel.dialog


def place_dialog(window):  # type: ignore[no-untyped-def]
    """Workplaces > Add (shown, not run modally: the page runs it with exec())."""
    from nomadcm.ui.workplaces.place_dialog import PlaceDialog

    page = window.show_page("workplaces")
    dialog = PlaceDialog(window.services, None, page, run=page._run_in_dialog)
    dialog.show()
    return dialog


def team_database_dialog(window):  # type: ignore[no-untyped-def]
    """File > Open team database… (shown, not run modally)."""
    from nomadcm.ui.team_database import TeamDatabaseDialog

    dialog = TeamDatabaseDialog(window.settings, window)
    dialog.show()
    return dialog


def shoot_dark(app, services, home: Path, out: Path) -> Path:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.theme import ThemeManager

    theme = ThemeManager(app)
    theme.apply("dark")
    window = MainWindow(services, QSettings(str(home / "window-dark.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    settle(app, 600)
    paths = [grab(window, out / "dark" / "schedule.png")]
    for key in ("calendar", "wellbeing"):
        window.show_page(key)
        settle(app)
        paths.append(grab(window, out / "dark" / f"{key}.png"))
    window._quitting = True
    window.close()
    theme.apply("")
    return paths[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("NOMADCM_SCREENSHOTS_XVFB"):
        return under_xvfb()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        for key, sub in (
            ("HOME", ""),
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_STATE_HOME", "state"),
        ):
            os.environ[key] = str(home / sub)
        os.environ.pop("NOMADCM_DB", None)
        from PySide6.QtWidgets import QApplication

        app = QApplication([sys.argv[0]])
        app.setApplicationName("NomadCM")
        app.setOrganizationName("NomadCM")
        from nomadcm.services.container import Services
        from nomadcm.services.desktop.demo import create_demo_database
        from nomadcm.storage import Database
        from nomadcm.ui.travel.city_search import zone_suggestions
        from nomadcm.ui.widgets.zone_picker import set_default_city_search

        set_default_city_search(zone_suggestions)
        demo = home / "sample.sqlite3"
        create_demo_database(demo)
        db = Database.open(demo)
        services = Services(db)
        written: list[Path] = []
        try:
            for language in LANGUAGES:
                written += shoot_language(app, services, language, home, args.out)
            written.append(shoot_dark(app, services, home, args.out))
            from screenshots_team import shoot_team  # last: it makes the sample a team's

            written += shoot_team(app, services, home, args.out, LANGUAGES)
        finally:
            db.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
