"""The PySide6 face of NomadCM. Only this package (and nomadcm/app.py) imports Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from nomadcm.services.container import Services

STARTUP_TIMEOUT_MS = 60_000


def run(app: QApplication, services: Services, *, exit_after_startup: bool = False) -> int:
    """Shows the main window and runs the event loop until it closes."""
    from PySide6.QtCore import QTimer

    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.travel.city_search import zone_suggestions
    from nomadcm.ui.widgets.zone_picker import set_default_city_search

    set_default_city_search(zone_suggestions)  # every zone picker also finds cities (offline city table)
    window = MainWindow(services)
    watchdog = QTimer(window)  # --exit-after-startup must end even if the first paint never comes
    if exit_after_startup:
        window.startup_complete.connect(lambda: QTimer.singleShot(0, lambda: app.exit(0)))
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(lambda: app.exit(1))
        watchdog.start(STARTUP_TIMEOUT_MS)
    window.show()
    code = app.exec()
    watchdog.stop()
    window.close()
    window.deleteLater()
    set_default_city_search(None)
    return code
