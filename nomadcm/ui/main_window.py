"""The main window: a sidebar of pages (from `pages.PAGES`), the menus, and what it remembers.

Pages are built the first time they are shown (their heavy imports with them) and then kept. Every page
gets the same `Services` and `ChangeBus`; a write on one page is announced on the bus and each page
refreshes only what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from nomadcm import APP_NAME, __version__, paths
from nomadcm.services.container import Services
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.pages import PAGES, PageSpec

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


def app_settings() -> QSettings:
    return QSettings(APP_NAME, APP_NAME)


class MainWindow(QMainWindow):
    startup_complete = Signal()  # the first page has been painted with its data

    def __init__(self, services: Services, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.changes = ChangeBus(self)
        self.settings = settings or app_settings()
        self.undo_group = QUndoGroup(self)
        self._pages: dict[str, QWidget] = {}
        self._startup_reported = False
        self.export_dialog: QWidget | None = None
        self.import_dialog: QWidget | None = None

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(page_icon("nomadcm"))
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
        db_path = services.db.path
        self.db_label = QLabel(str(db_path) if db_path else "")
        self.db_label.setToolTip(self.tr("The database NomadCM is working on"))
        self.statusBar().addPermanentWidget(self.db_label)

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
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

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

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, spec in enumerate(PAGES):
            action = QAction(spec.title(), self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About NomadCM"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    # ------------------------------------------------------------------ pages

    def page(self, key: str) -> QWidget:
        """The page widget for `key`, built on first use."""
        widget = self._pages.get(key)
        if widget is None:
            spec = self._spec(key)
            widget = spec.factory(self.services, self.changes)
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
        self.setWindowTitle(f"{PAGES[row].title()} — {APP_NAME}")
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
        dialog = ExportDialog(self.services, current, self, self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda text: self.statusBar().showMessage(text, 15000))
        dialog.finished.connect(lambda _r: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()

    @Slot()
    def import_csv(self) -> None:
        from nomadcm.ui.schedule.import_dialog import start_import

        dialog = start_import(self.services, self.changes, self, self.settings)
        if dialog is not None:
            dialog.finished.connect(lambda _r: setattr(self, "import_dialog", None))
        self.import_dialog = dialog

    @Slot()
    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About NomadCM"),
            self.tr(
                "<h3>NomadCM {version}</h3><p>Plan your clients' posts in their audience's time zone, "
                "wherever you are working from.</p><p>Your data stays on this computer:<br>{path}</p>"
            ).format(version=__version__, path=self.services.db.path or ""),
        )

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
        super().closeEvent(event)

    # ------------------------------------------------------------------ start-up signal

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._startup_reported:
            self._startup_reported = True
            # Children paint right after their window in the same pass: report once the loop comes back.
            QTimer.singleShot(0, self.startup_complete.emit)
        return super().eventFilter(watched, event)
