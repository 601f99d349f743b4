"""The main window's menu actions and its ways out (a mixin of `MainWindow`, ui/main_window.py): a new post,
the filter, the CSV export and import, Refresh, About, Settings, the welcome assistant, the log folder, your
data <-> the sample data, a team database, restart and quit, and what closing asks of the open dialogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget

from nomadcm import paths
from nomadcm.paths import DatabaseTarget

if TYPE_CHECKING:
    from nomadcm.services.container import Services
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.external_changes import ExternalChangeWatcher
    from nomadcm.ui.operations import OpRunner
    from nomadcm.ui.tasks import TaskRunner


class MainWindowActions:
    """What the menus and the tray ask of the window (`self` is the `MainWindow`)."""

    services: Services
    changes: ChangeBus
    tasks: TaskRunner
    ops: OpRunner
    settings: QSettings
    external_changes: ExternalChangeWatcher
    translations: Any
    tray: Any
    demo: bool
    next_database: DatabaseTarget | None
    build_demo: bool
    restart_requested: bool
    _pages: dict[str, QWidget]
    _quitting: bool

    @Slot()
    def new_post(self) -> None:
        page = self.show_page("schedule")
        page.new_item()  # type: ignore[attr-defined]

    @Slot()
    def focus_filter(self) -> None:
        page = self.page(self.current_key())
        if not hasattr(page, "focus_filter"):
            page = self.show_page("schedule")
        page.focus_filter()  # type: ignore[attr-defined]

    @Slot()
    def export_csv(self) -> None:
        from nomadcm.ui.schedule.export_dialog import ExportDialog

        schedule = self._pages.get("schedule")
        current = getattr(schedule, "current_filter", lambda: None)()
        dialog = ExportDialog(self.services, self.tasks, current, self, self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda text: self.statusBar().showMessage(text, 15000))
        dialog.finished.connect(lambda _r: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()

    @Slot()
    def import_csv(self) -> None:
        from nomadcm.ui.schedule.import_dialog import start_import

        dialog = start_import(self.services, self.changes, self.tasks, self, self.settings, self.ops)
        if dialog is not None:
            dialog.finished.connect(lambda _r: setattr(self, "import_dialog", None))
        self.import_dialog = dialog

    @Slot()
    def refresh(self) -> None:
        """View > Refresh: every page reloads what it shows from the database."""
        self.external_changes.refresh_now()

    @Slot()
    def about(self) -> QWidget:
        from nomadcm.ui.about import AboutDialog

        dialog = AboutDialog(self.services.db_path, self.demo, self)
        return self._open(dialog)

    @Slot()
    def open_settings(self) -> QWidget:
        from nomadcm.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self.changes, self, ops=self.ops, app_settings=self.settings)
        dialog.saved.connect(self.settings_saved)
        return self._open(dialog)

    @Slot()
    def show_wizard(self) -> QWidget:
        from nomadcm.ui.wizard import EXPLORE, FirstRunWizard

        apply = getattr(self.translations, "apply", None)
        shown = getattr(self.translations, "language", None)
        wizard = FirstRunWizard(self.services, self.changes, on_language=apply, parent=self, ops=self.ops)

        def finished(result: int) -> None:
            if result == EXPLORE:
                self.toggle_sample_data()
            elif getattr(self.translations, "language", None) != shown:
                if result == QDialog.DialogCode.Accepted:
                    self.restart()  # the language just chosen, everywhere
                elif apply is not None:
                    apply(self.services.settings.get("language"))  # cancelled: back to what was saved

        wizard.finished.connect(finished)
        return self._open(wizard)

    def _open(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    @Slot()
    def open_log_folder(self) -> None:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ------------------------------------------------------------------ the desktop

    @Slot()
    def toggle_sample_data(self) -> None:
        """Opens the sample database (building it when missing), or goes back to your own."""
        if self.demo:
            self.switch_database(paths.resolve_database())
        else:
            demo = paths.demo_db_path()
            self.switch_database(demo, build_demo=not demo.exists())

    @Slot()
    def open_team_database(self) -> None:
        """File > Open team database…: the URL and password asked (ui/team_database.py), then the switch."""
        from nomadcm.ui import team_database

        target = team_database.ask_team_database(self.settings, self)
        if target is not None:
            self.switch_database(target)

    def switch_database(self, path: DatabaseTarget, build_demo: bool = False) -> None:
        self.next_database = path
        self.build_demo = build_demo
        self.quit_app()

    def restart(self) -> None:
        """Closes and reopens the window on the same database (a new language needs it)."""
        self.restart_requested = True
        self.quit_app()

    @Slot()
    def quit_app(self) -> None:
        self._quitting = True
        self.close()
        self._quitting = False  # the close was refused (a dialog kept its changes)

    @Slot()
    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def close_dialogs(self) -> bool:
        """Closes every open dialog, each asking first when it holds unsaved changes; False if one stays."""
        for dialog in self.findChildren(QDialog):
            if dialog.isWindow() and dialog.isVisible() and not dialog.close():  # not forms embedded in one
                dialog.raise_()
                return False
        return True

    def close_to_tray(self) -> bool:
        icon = getattr(self.tray, "icon", None)
        return bool(icon is not None and icon.isVisible() and self.services.settings.get("close_to_tray"))
