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

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from nomadcm import APP_NAME, paths
from nomadcm.services.container import Services
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.external_changes import ExternalChangeWatcher
from nomadcm.ui.pages import PAGES, PageSpec
from nomadcm.ui.tasks import TaskRunner

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
SETTINGS_PAGE = "window/page"


def page_icon(name: str) -> QIcon:
    """resources/icons/<name>.svg when shipped, else the desktop theme's icon of that name, else a plain page."""
    path = paths.resource_path("icons", f"{name}.svg")
    if path.is_file():
        return QIcon(str(path))
    themed = QIcon.fromTheme(name)
    return themed if not themed.isNull() else QIcon(str(paths.resource_path("icons", "page.svg")))


def app_icon() -> QIcon:
    """NomadCM's own icon, drawn for small sizes too (resources/icons/app, see tools/render_icons.py)."""
    icon = QIcon()
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(paths.resource_path("icons", "app", f"nomadcm-{size}.png")), QSize(size, size))
    icon.addFile(str(paths.resource_path("icons", "app", "nomadcm.svg")))
    return icon


def _label_before(widget: QWidget) -> str:
    """The text of the label just before `widget` in its layout ("Posts from [date]"), if any."""
    parent = widget.parentWidget()
    layout = _containing_layout(parent.layout(), widget) if parent is not None else None
    if layout is None:
        return ""
    items = [layout.itemAt(i).widget() for i in range(layout.count())]
    index = items.index(widget)
    before = items[index - 1] if index > 0 else None
    return before.text().replace("&", "").rstrip(" :") if isinstance(before, QLabel) else ""


def _containing_layout(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    if layout is None:
        return None
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return layout
        found = _containing_layout(item.layout(), widget)
        if found is not None:
            return found
    return None


def name_unlabelled_controls(page: QWidget, title: str) -> None:
    """Accessible names for the controls a screen reader would otherwise announce as bare "edit", "table"…

    Controls with a label (a buddy, a form row) or a text already have one; the others get their placeholder,
    the label just before them, their tooltip, or for tables the name of their tab and page.
    """
    for widget in page.findChildren(QWidget):
        if widget.accessibleName() or isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue
        if isinstance(widget, QLineEdit):
            name = widget.placeholderText() or _label_before(widget) or widget.toolTip()
        elif isinstance(widget, QAbstractButton):
            name = "" if widget.text() else widget.toolTip()
        elif isinstance(widget, QComboBox | QAbstractSpinBox):
            name = _label_before(widget) or widget.toolTip()
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget.parentWidget(), QComboBox):
            tab = _tab_title(widget)
            name = f"{title} — {tab}" if tab else title
        else:
            continue
        if name:
            widget.setAccessibleName(name)


def _tab_title(widget: QWidget) -> str:
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None  # QTabWidget > stack > page
        if isinstance(tabs, QTabWidget):
            index = tabs.indexOf(child)
            if index >= 0:
                return tabs.tabText(index).replace("&", "")
        child = parent
    return ""


def shortcuts(standard: QKeySequence.StandardKey, *fallbacks: str) -> list[QKeySequence]:
    """The platform's keys for an action, then ours (a menu shows the first: never an empty one)."""
    keys = [k for k in QKeySequence.keyBindings(standard) if not k.isEmpty()]
    for text in fallbacks:
        key = QKeySequence(text)
        if key not in keys:
            keys.append(key)
    return keys


def app_settings() -> QSettings:
    return QSettings(APP_NAME, APP_NAME)


class MainWindow(QMainWindow):
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
        self._pages: dict[str, QWidget] = {}
        self._startup_reported = False
        self.export_dialog: QWidget | None = None
        self.import_dialog: QWidget | None = None
        self.dialog: QWidget | None = None  # the Settings, About or welcome dialog on screen
        self.demo = bool(services.settings.get("demo_data"))
        self.tray: object | None = None  # ui.tray.Tray, set by the shell when the desktop has a tray
        self.translations: object | None = None  # ui.i18n.Translations, set by ui.run
        self.next_database: Path | None = None  # set by switch_database()
        self.build_demo = False
        self.restart_requested = False
        self._quitting = False
        self._told_about_tray = False

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(860, 520))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFixedWidth(170)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setSpacing(2)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { background: palette(window); padding-top: 8px; outline: 0; }"
            "QListWidget#sidebar::item { padding: 8px 6px; border-radius: 6px; }"
            "QListWidget#sidebar::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        for spec in PAGES:
            item = QListWidgetItem(page_icon(spec.icon_name), spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        db_path = services.db_path
        self.db_label = QLabel(str(db_path) if db_path else "")
        if self.demo:
            self.db_label.setText(self.tr("Sample data — {path}").format(path=db_path or ""))
        self.db_label.setToolTip(self.tr("The database NomadCM is working on"))
        self.db_label.setContentsMargins(0, 0, 12, 0)  # clear of the size grip
        self.statusBar().addPermanentWidget(self.db_label)
        # Long jobs run on the window's one task runner; one that ends after its dialog closed says so here.
        self.tasks.finished_unattended.connect(lambda text: self.statusBar().showMessage(text, 15000))
        # Writes from another process (the CLI, a second window) reach the pages within a second.
        self.external_changes = ExternalChangeWatcher(services.change_counter(), self.changes, parent=self)
        self.external_changes.start()

        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        self._restore()
        self.installEventFilter(self)

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_post_action = QAction(self.tr("&New post…"), self)
        self.new_post_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_post_action.triggered.connect(self.new_post)
        file_menu.addAction(self.new_post_action)
        file_menu.addSeparator()
        self.export_action = QAction(self.tr("&Export schedule as CSV…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_csv)
        file_menu.addAction(self.export_action)
        self.import_action = QAction(self.tr("&Import schedule from CSV…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_csv)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        if self.demo:
            self.sample_action = QAction(self.tr("Back to &your data"), self)
            self.sample_action.setStatusTip(self.tr("Close the sample data and open your own database"))
        else:
            self.sample_action = QAction(self.tr("Explore the &sample data"), self)
            self.sample_action.setStatusTip(
                self.tr("A realistic month in a separate database; yours is not touched")
            )
        self.sample_action.triggered.connect(self.toggle_sample_data)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.filter_action = QAction(self.tr("&Filter…"), self)
        self.filter_action.setShortcut(QKeySequence.StandardKey.Find)
        self.filter_action.triggered.connect(self.focus_filter)
        edit_menu.addAction(self.filter_action)
        edit_menu.addSeparator()
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        edit_menu.addAction(self.settings_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, spec in enumerate(PAGES):
            action = QAction(spec.title(), self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Refresh, "F5"))
        self.refresh_action.setStatusTip(self.tr("Show what another window or the command line changed"))
        self.refresh_action.triggered.connect(self.refresh)
        view_menu.addAction(self.refresh_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.wizard_action = QAction(self.tr("&Welcome assistant…"), self)
        self.wizard_action.triggered.connect(self.show_wizard)
        help_menu.addAction(self.wizard_action)
        logs = QAction(self.tr("Open the &log folder"), self)
        logs.triggered.connect(self.open_log_folder)
        help_menu.addAction(logs)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&About NomadCM"), self)
        self.about_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)
        help_menu.addAction(self.about_action)
        about_qt = QAction(self.tr("About &Qt"), self)
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about_qt)

    # ------------------------------------------------------------------ pages

    def page(self, key: str) -> QWidget:
        """The page widget for `key`, built on first use."""
        widget = self._pages.get(key)
        if widget is None:
            spec = self._spec(key)
            widget = spec.factory(self.services, self.changes, self.tasks)
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

        dialog = start_import(self.services, self.changes, self.tasks, self, self.settings)
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

        dialog = SettingsDialog(self.services, self.changes, self)
        dialog.saved.connect(self.settings_saved)
        return self._open(dialog)

    @Slot()
    def show_wizard(self) -> QWidget:
        from nomadcm.ui.wizard import EXPLORE, FirstRunWizard

        apply = getattr(self.translations, "apply", None)
        shown = getattr(self.translations, "language", None)
        wizard = FirstRunWizard(self.services, self.changes, on_language=apply, parent=self)

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
            self.switch_database(paths.resolve_db_path())
        else:
            demo = paths.demo_db_path()
            self.switch_database(demo, build_demo=not demo.exists())

    def switch_database(self, path: Path, build_demo: bool = False) -> None:
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
