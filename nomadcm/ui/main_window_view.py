"""The main window's frame: the sidebar of pages beside their stack, the menus and their actions, and the
database shown in the status bar. Layout only: `main_window.MainWindow` connects the actions and shows the
pages. The actions are attributes of the window itself (`quit_action`, `refresh_action`...), as the window,
the tray and the tests use them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nomadcm import APP_NAME, paths
from nomadcm.ui.connection_banner import ConnectionBanner
from nomadcm.ui.pages import PAGES
from nomadcm.ui.plain_text import plain_label


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


def shortcuts(standard: QKeySequence.StandardKey, *fallbacks: str) -> list[QKeySequence]:
    """The platform's keys for an action, then ours (a menu shows the first: never an empty one)."""
    keys = [k for k in QKeySequence.keyBindings(standard) if not k.isEmpty()]
    for text in fallbacks:
        key = QKeySequence(text)
        if key not in keys:
            keys.append(key)
    return keys


class MainWindowView(QMainWindow):
    def build(self, db_path: Path | str | None, demo: bool, undo_group: QUndoGroup) -> None:
        """The sidebar, the page stack, the menus (Undo and Redo follow `undo_group`) and the database label."""
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
        self.connection_banner = ConnectionBanner()  # above everything, while a team database is away
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.connection_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        self._build_menus(undo_group)
        self.db_label = plain_label()
        self.db_label.setToolTip(self.tr("The database NomadCM is working on"))
        self.db_label.setContentsMargins(0, 0, 12, 0)  # clear of the size grip
        self.statusBar().addPermanentWidget(self.db_label)
        self.show_database(db_path, demo)

    def show_database(self, db_path: Path | str | None, demo: bool) -> None:
        """The database named in the status bar, and File's sample-data action (back to yours, or explore)."""
        if demo:
            self.db_label.setText(self.tr("Sample data — {path}").format(path=db_path or ""))
            self.sample_action.setText(self.tr("Back to &your data"))
            self.sample_action.setStatusTip(self.tr("Close the sample data and open your own database"))
        else:
            self.db_label.setText(str(db_path) if db_path else "")
            self.sample_action.setText(self.tr("Explore the &sample data"))
            self.sample_action.setStatusTip(
                self.tr("A realistic month in a separate database; yours is not touched")
            )

    def _build_menus(self, undo_group: QUndoGroup) -> None:
        """File, Edit, View and Help, their actions as attributes (`quit_action`...) for the window to connect."""
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_post_action = QAction(self.tr("&New post…"), self)
        self.new_post_action.setShortcut(QKeySequence.StandardKey.New)
        file_menu.addAction(self.new_post_action)
        file_menu.addSeparator()
        self.export_action = QAction(self.tr("&Export schedule (CSV, Excel, bulk tools, calendar)…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        file_menu.addAction(self.export_action)
        self.import_action = QAction(self.tr("&Import schedule from CSV…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.sample_action = QAction(self)  # its text says which database is open: show_database()
        file_menu.addAction(self.sample_action)
        self.team_action = QAction(self.tr("Open &team database…"), self)
        self.team_action.setStatusTip(self.tr("A database your team shares on a PostgreSQL server"))
        file_menu.addAction(self.team_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.filter_action = QAction(self.tr("&Filter…"), self)
        self.filter_action.setShortcut(QKeySequence.StandardKey.Find)
        edit_menu.addAction(self.filter_action)
        edit_menu.addSeparator()
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.settings_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.page_actions: dict[str, QAction] = {}  # key -> Ctrl+1… action showing that page
        for index, spec in enumerate(PAGES):
            action = QAction(spec.title(), self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            self.page_actions[spec.key] = action
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Refresh, "F5"))
        self.refresh_action.setStatusTip(self.tr("Show what another window or the command line changed"))
        view_menu.addAction(self.refresh_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.wizard_action = QAction(self.tr("&Welcome assistant…"), self)
        help_menu.addAction(self.wizard_action)
        self.logs_action = QAction(self.tr("Open the &log folder"), self)
        help_menu.addAction(self.logs_action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&About NomadCM"), self)
        self.about_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)
        self.about_qt_action = QAction(self.tr("About &Qt"), self)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        help_menu.addAction(self.about_qt_action)
