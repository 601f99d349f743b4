"""The main window: a sidebar of pages (from `pages.PAGES`), the menus, and what it remembers.

Pages are built the first time they are shown (their heavy imports with them) and then kept. Every page
gets the same `Services` and `ChangeBus`; a write on one page is announced on the bus and each page
refreshes only what it shows.

The desktop side (ui/shell.py) adds the tray, the screen timer and the reminders around it; the window
offers Settings, About, the welcome assistant and the switch between your data and the sample data. A
switch (or a restart for a new language) closes the window with `next_database` / `restart_requested` set,
and nomadcm.app opens the next one.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QWidget,
)

from nomadcm import APP_NAME, paths
from nomadcm.paths import DatabaseTarget
from nomadcm.services.container import Services
from nomadcm.ui.accessible_names import name_unlabelled_controls
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.external_changes import ExternalChangeWatcher
from nomadcm.ui.main_window_view import MainWindowView
from nomadcm.ui.main_window_view import app_icon as app_icon  # the shell takes the icon from here
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.pages import PAGES, PageSpec
from nomadcm.ui.tasks import TaskRunner

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
SETTINGS_PAGE = "window/page"


def app_settings() -> QSettings:
    return QSettings(APP_NAME, APP_NAME)


class MainWindow(MainWindowView):
    startup_complete = Signal()  # the first page has been painted with its data
    settings_saved = Signal(dict)  # the Settings dialog saved these changed values
    closed = Signal()  # really closed (not hidden to the tray)

    def __init__(self, services: Services, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.changes = ChangeBus(self)
        self.tasks = TaskRunner(self)  # imports, exports, checks: one worker thread, owned here
        self.settings = settings or app_settings()
        self.undo_group = QUndoGroup(self)
        # Every write of the GUI: one undo command on the shown page's stack, one announcement on the bus.
        self.ops = OpRunner(self.changes, self.tasks, self.undo_group, self)
        self._pages: dict[str, QWidget] = {}
        self._startup_reported = False
        self.export_dialog: QWidget | None = None
        self.import_dialog: QWidget | None = None
        self.dialog: QWidget | None = None  # the Settings, About or welcome dialog on screen
        self.demo = bool(services.settings.get("demo_data"))
        self.tray: object | None = None  # ui.tray.Tray, set by the shell when the desktop has a tray
        self.translations: object | None = None  # ui.i18n.Translations, set by ui.run
        self.next_database: DatabaseTarget | None = None  # set by switch_database()
        self.build_demo = False
        self.restart_requested = False
        self._quitting = False
        self._told_about_tray = False

        self.build(services.db_path or services.db_shown or None, self.demo, self.undo_group)
        self._connect_menus()
        # Long jobs run on the window's one task runner; one that ends after its dialog closed says so here.
        self.tasks.finished_unattended.connect(lambda text: self.statusBar().showMessage(text, 15000))
        # Writes from another process (the CLI, a second window) reach the pages within a second.
        self.external_changes = ExternalChangeWatcher(services.change_counter(), self.changes, parent=self)
        self.external_changes.start()

        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        self._restore()
        self.installEventFilter(self)

    # ------------------------------------------------------------------ menus

    def _connect_menus(self) -> None:
        self.new_post_action.triggered.connect(self.new_post)
        self.export_action.triggered.connect(self.export_csv)
        self.import_action.triggered.connect(self.import_csv)
        self.sample_action.triggered.connect(self.toggle_sample_data)
        self.team_action.triggered.connect(self.open_team_database)
        self.quit_action.triggered.connect(self.quit_app)
        self.filter_action.triggered.connect(self.focus_filter)
        self.settings_action.triggered.connect(self.open_settings)
        for key, action in self.page_actions.items():
            action.triggered.connect(lambda _=False, key=key: self.show_page(key))
        self.refresh_action.triggered.connect(self.refresh)
        self.wizard_action.triggered.connect(self.show_wizard)
        self.logs_action.triggered.connect(self.open_log_folder)
        self.about_action.triggered.connect(self.about)
        self.about_qt_action.triggered.connect(QApplication.aboutQt)

    # ------------------------------------------------------------------ pages

    def page(self, key: str) -> QWidget:
        """The page widget for `key`, built on first use."""
        widget = self._pages.get(key)
        if widget is None:
            spec = self._spec(key)
            widget = spec.factory(self.services, self.changes, self.tasks, self.ops)
            widget.setObjectName(f"page-{key}")
            self._pages[key] = widget
            self.stack.addWidget(widget)
            stack = getattr(widget, "undo_stack", None)
            if stack is not None:
                self.undo_group.addStack(stack)
            status = getattr(widget, "status_message", None)
            if status is not None:
                status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            navigate = getattr(widget, "navigate", None)
            if navigate is not None:
                navigate.connect(self.show_page)
            name_unlabelled_controls(widget, spec.title())
        return widget

    def current_key(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else PAGES[0].key

    @Slot(str)
    def show_page(self, key: str) -> QWidget:
        row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # -> _on_row_changed
        return self.page(key)

    def _spec(self, key: str) -> PageSpec:
        return next(spec for spec in PAGES if spec.key == key)

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row].key
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        stack = getattr(widget, "undo_stack", None)
        self.undo_group.setActiveStack(stack)
        self.setWindowTitle(self.title_for(PAGES[row].title()))
        self.settings.setValue(SETTINGS_PAGE, key)  # now, not only at close: a crash keeps it too

    # ------------------------------------------------------------------ actions

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

    def title_for(self, page_title: str) -> str:
        if self.demo:
            return self.tr("{page} — {app} (sample data)").format(page=page_title, app=APP_NAME)
        return f"{page_title} — {APP_NAME}"

    @Slot()
    def about(self) -> QWidget:
        from nomadcm.ui.about import AboutDialog

        dialog = AboutDialog(self.services.db_path, self.demo, self)
        return self._open(dialog)

    @Slot()
    def open_settings(self) -> QWidget:
        from nomadcm.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self.changes, self, ops=self.ops)
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

    # ------------------------------------------------------------------ remembering

    def _restore(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = self.settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        key = self.settings.value(SETTINGS_PAGE, PAGES[0].key)
        keys = [spec.key for spec in PAGES]
        self.sidebar.setCurrentRow(keys.index(key) if key in keys else 0)

    def save_settings(self) -> None:
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_STATE, self.saveState())
        self.settings.setValue(SETTINGS_PAGE, self.current_key())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        if not self._quitting and self.close_to_tray():
            event.ignore()
            self.hide()
            if not self._told_about_tray:
                self._told_about_tray = True
                self.tray.notify(  # type: ignore[union-attr]
                    self.tr("NomadCM is still running: reminders and timers go on. Quit from the tray menu.")
                )
            return
        if not self.close_dialogs():  # a dialog with unsaved changes was kept open
            event.ignore()
            return
        self.external_changes.stop()
        self.tasks.shutdown()  # cancels a running job and waits for it: the thread never dies running
        super().closeEvent(event)
        self.closed.emit()

    # ------------------------------------------------------------------ start-up signal

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._startup_reported:
            self._startup_reported = True
            # Children paint right after their window in the same pass: report once the loop comes back.
            QTimer.singleShot(0, self.startup_complete.emit)
        return super().eventFilter(watched, event)
