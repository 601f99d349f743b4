"""The main window: a sidebar of pages (from `pages.PAGES`), the menus, and what it remembers.

Pages are built the first time they are shown (their heavy imports with them) and then kept. Every page
gets the same `Services` and `ChangeBus`; a write on one page is announced on the bus and each page
refreshes only what it shows.

The desktop side (ui/shell.py) adds the tray, the screen timer and the reminders around it; the window
offers Settings, About, the welcome assistant and the switch between your data and the sample data. A
switch (or a restart for a new language) closes the window with `next_database` / `restart_requested` set,
and nomadcm.app opens the next one.

At start-up the window is first a frame (`MainWindow(None, ...)`: the sidebar, the menus and the shown page's
stand-in, `PageSpec.frame`), painted before the data stack is imported; `attach(services)` then builds the
shown page in place of its stand-in. This module imports nothing of the data stack for that reason (the
`Services` type only for the checker).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from nomadcm import APP_NAME
from nomadcm.paths import DatabaseTarget
from nomadcm.ui import startup
from nomadcm.ui.accessible_names import name_unlabelled_controls
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.dialog_placement import DialogPlacement
from nomadcm.ui.external_changes import ExternalChangeWatcher, NoCounter
from nomadcm.ui.main_window_actions import MainWindowActions
from nomadcm.ui.main_window_view import MainWindowView
from nomadcm.ui.main_window_view import app_icon as app_icon  # the shell takes the icon from here
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.pages import PAGES, PageSpec
from nomadcm.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from nomadcm.services.container import Services

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
SETTINGS_PAGE = "window/page"


def app_settings() -> QSettings:
    return QSettings(APP_NAME, APP_NAME)


class MainWindow(MainWindowActions, MainWindowView):
    frame_painted = Signal()  # the window painted once (with no data: its frame, when built without services)
    startup_complete = Signal()  # the first page has been painted with its data
    settings_saved = Signal(dict)  # the Settings dialog saved these changed values
    closed = Signal()  # really closed (not hidden to the tray)

    def __init__(
        self,
        services: Services | None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        db_shown: Path | str | None = None,
        demo: bool = False,
    ):
        """Without `services`, the window's frame (start-up): the database it will show is `db_shown`, the
        sample data when `demo`; `attach(services)` brings the pages."""
        super().__init__(parent)
        self._services = services
        self.changes = ChangeBus(self)
        self.tasks = TaskRunner(self)  # imports, exports, checks: one worker thread, owned here
        # A page's first data at its first click (ui/page_loading.py): a runner of their own, so that a click
        # never waits behind an import or an export.
        self.page_reads = TaskRunner(self)
        self.settings = settings or app_settings()
        if services is not None:  # team mode: who you are here (ui/identity.py); a frame's window: in attach
            from nomadcm.ui.identity import restore_member

            restore_member(services, self.settings)
        self.undo_group = QUndoGroup(self)
        # Every write of the GUI: one undo command on the shown page's stack, one announcement on the bus.
        self.ops = OpRunner(self.changes, self.tasks, self.undo_group, self)
        # Every dialog centred on its window, inside the screen: an application-wide event filter, so a Python
        # call for every event of every object — not while the window starts (ui/startup.py).
        self.dialog_placement: DialogPlacement | None = None
        startup.after_first_paint(lambda: setattr(self, "dialog_placement", DialogPlacement(self)))
        self._pages: dict[str, QWidget] = {}
        self._frames: dict[str, QWidget] = {}  # stand-ins shown until the database is open
        self._preloaded: dict[str, Any] = {}  # what a page's preload read, for its factory
        self._show_at_once = False  # show_page: build the page now, never a "Loading…" frame
        self._loading: set[str] = set()  # pages whose modules or first data are on their way (_load_first)
        self._frame_reported = False
        self._startup_reported = False
        self._awaited: list[QWidget] = []  # the page and its rows' view: their first paint ends the start-up
        self.export_dialog: QWidget | None = None
        self.import_dialog: QWidget | None = None
        self.dialog: QWidget | None = None  # the Settings, About or welcome dialog on screen
        self.demo = bool(services.settings.get("demo_data")) if services is not None else demo
        self.tray: object | None = None  # ui.tray.Tray, set by the shell when the desktop has a tray
        self.translations: object | None = None  # ui.i18n.Translations, set by ui.run
        self.next_database: DatabaseTarget | None = None  # set by switch_database()
        self.build_demo = False
        self.restart_requested = False
        self._quitting = False
        self._told_about_tray = False

        shown = services.db_path or services.db_shown or None if services is not None else db_shown
        self.build(shown, self.demo, self.undo_group)
        self._connect_menus()
        # Long jobs run on the window's one task runner; one that ends after its dialog closed says so here.
        self.tasks.finished_unattended.connect(lambda text: self.statusBar().showMessage(text, 15000))
        # Writes from another process (the CLI, a second window) reach the pages within a second.
        counter = services.change_counter() if services is not None else NoCounter()
        self.external_changes = ExternalChangeWatcher(counter, self.changes, parent=self)
        self._watch_connection()
        self.external_changes.start()
        for action in self._data_actions():
            action.setEnabled(services is not None)

        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        self._restore()
        self.installEventFilter(self)

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the window has no database yet (attach() brings it)")
        return self._services

    def attached(self) -> bool:
        """The database is open and the pages can be built (False while the window is its frame)."""
        return self._services is not None

    def attach(self, services: Services, preloaded: dict[str, Any] | None = None) -> QWidget:
        """The database is open: the shown page is built in place of its frame (with what its preload read,
        `preloaded` by page key), the menus come alive; the other pages are built when first shown.
        `startup_complete` follows the shown page's first paint. Returns that page."""
        if self._services is not None:
            raise RuntimeError("the window already has its database")
        self._services = services
        from nomadcm.ui.identity import restore_member

        restore_member(services, self.settings)  # team mode: who you are here (ui/identity.py)
        demo = bool(services.settings.get("demo_data"))
        if demo != self.demo:  # the frame guessed wrong (a team database, an unreadable setting)
            self.demo = demo
            self.show_database(services.db_path or services.db_shown or None, demo)
            self.setWindowTitle(self.title_for(self._spec(self.current_key()).title()))
        self.external_changes.stop()
        self.external_changes.deleteLater()  # the frame's, watching nothing
        self.external_changes = ExternalChangeWatcher(services.change_counter(), self.changes, parent=self)
        self._watch_connection()
        self.external_changes.start()
        for action in self._data_actions():
            action.setEnabled(True)
        self._preloaded = dict(preloaded or {})
        self._startup_reported = False
        page = self.page(self.current_key())
        self._on_row_changed(self.sidebar.currentRow())
        loaded = getattr(page, "loaded", None)
        is_loaded = getattr(page, "is_loaded", None)
        if loaded is not None and is_loaded is not None and not is_loaded():
            loaded.connect(lambda: self._watch_first_paint(page, repaint=True))  # its rows come next turn
        else:
            self._watch_first_paint(page)
        return page

    def _watch_connection(self) -> None:
        """The banner follows the watcher's connection status; its Retry now asks the watcher."""
        watcher = self.external_changes
        watcher.connection.connect(self.connection_banner.show_status)
        self.connection_banner.retry_requested.connect(watcher.retry_now)

    def _data_actions(self) -> list[QAction]:
        """The actions that need the database (disabled while the window is its frame)."""
        return [
            self.new_post_action,
            self.export_action,
            self.import_action,
            self.sample_action,
            self.team_action,
            self.filter_action,
            self.settings_action,
            self.refresh_action,
            self.wizard_action,
            self.about_action,  # names the database's folder
        ]

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
        """The page widget for `key`, built on first use (in place of its frame, if one was shown). Before the
        database is open: the page's frame (`PageSpec.frame`), or an empty stand-in."""
        widget = self._pages.get(key)
        if widget is None and self._services is None:
            return self._frame(key)
        if widget is None:
            spec = self._spec(key)
            extra = {"preloaded": self._preloaded.pop(key)} if key in self._preloaded else {}
            widget = spec.factory(self.services, self.changes, self.tasks, self.ops, **extra)
            widget.setObjectName(f"page-{key}")
            self._pages[key] = widget
            frame = self._frames.pop(key, None)
            if frame is None:
                self.stack.addWidget(widget)
            else:  # the page takes its frame's place: same slot, same layout, nothing moves
                self.stack.insertWidget(self.stack.indexOf(frame), widget)
                if self.stack.currentWidget() is frame:
                    self.stack.setCurrentWidget(widget)
                self.stack.removeWidget(frame)
                frame.deleteLater()
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

    def _frame(self, key: str) -> QWidget:
        frame = self._frames.get(key)
        if frame is None:
            make = self._spec(key).frame
            frame = make() if make is not None else QWidget()
            frame.setObjectName(f"frame-{key}")
            self._frames[key] = frame
            self.stack.addWidget(frame)
        return frame

    def frame_of(self, key: str) -> QWidget | None:
        """The stand-in shown for a page not built yet (start-up), if any."""
        return self._frames.get(key)

    def current_key(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else PAGES[0].key

    @Slot(str)
    def show_page(self, key: str) -> QWidget:
        row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if self.sidebar.currentRow() != row:
            self._show_at_once = True  # a link, a shortcut: the page now, not a "Loading…" frame
            try:
                self.sidebar.setCurrentRow(row)  # -> _on_row_changed
            finally:
                self._show_at_once = False
        return self.page(key)

    def _load_first(self, row: int, key: str) -> bool:
        """A sidebar click on a page slow to import the first time, or with first data to read: "Loading…"
        (or the page shown before, while the read is short), the page once its modules are imported and its
        data read on the task runner (ui/page_loading.py). False: build it now."""
        from nomadcm.ui import page_loading

        spec = self._spec(key)
        if self._show_at_once or key in self._pages or self._services is None:
            return False
        slow = spec.loading_frame and page_loading.modules_missing(spec)
        # Read off the GUI thread when another page is on screen meanwhile (not as the window opens).
        read = spec.preload is not None and bool(self._pages)
        again = key in self._loading  # clicked again while it loads: the same load goes on
        if not (slow or read or again):
            return False
        self._loading.add(key)
        frame = self._frames.get(key)
        if frame is None and spec.frame is not None:
            frame = self._frame(key)  # the page's own stand-in: same layout, shown at once

        def show_frame() -> None:
            if self.sidebar.currentRow() != row or key in self._pages or key not in self._loading:
                return
            stand_in = self._frames.get(key)
            if stand_in is None:
                stand_in = self._frames[key] = page_loading.LoadingFrame(spec.title())
                stand_in.setObjectName(f"loading-{key}")
                self.stack.addWidget(stand_in)
            self.stack.setCurrentWidget(stand_in)
            self.undo_group.setActiveStack(None)
            self.setWindowTitle(self.title_for(spec.title()))

        if slow or again or frame is not None:
            show_frame()
        else:
            QTimer.singleShot(page_loading.LOADING_AFTER_MS, self, show_frame)
        if again:
            return True

        def loaded(data: Any) -> None:
            self._loading.discard(key)
            if self.sidebar.currentRow() == row and key not in self._pages:  # still there: the page, now
                if data is not None:
                    self._preloaded[key] = data
                self._show_at_once = True
                try:
                    self._on_row_changed(row)  # built in the frame's place
                finally:
                    self._show_at_once = False
                    self._preloaded.pop(key, None)  # read for this show only: never stale later

        job = spec.preload(frame) if read and spec.preload is not None else None
        services = self.services
        page_loading.load_in_background(
            spec,
            self.page_reads if job is not None else self.tasks,
            self,
            loaded,
            read=None if job is None else (lambda: job(services)),
            changes=self.changes,
        )
        return True

    def stop_workers(self) -> None:
        """Cancels the running jobs and waits for them: no worker thread outlives the window or dies running."""
        self.tasks.shutdown()
        self.page_reads.shutdown()

    def _spec(self, key: str) -> PageSpec:
        return next(spec for spec in PAGES if spec.key == key)

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row].key
        if self._load_first(row, key):
            return
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        stack = getattr(widget, "undo_stack", None)
        self.undo_group.setActiveStack(stack)
        self.setWindowTitle(self.title_for(PAGES[row].title()))
        self.settings.setValue(SETTINGS_PAGE, key)  # now, not only at close: a crash keeps it too

    def title_for(self, page_title: str) -> str:
        """The page, then the app's name ("Schedule (sample data) — NomadCM"): last, because the platform adds
        the display name (`setApplicationDisplayName`) to a title that does not end with it."""
        if self.demo:
            page_title = self.tr("{page} (sample data)").format(page=page_title)
        return f"{page_title} — {APP_NAME}"

    # ------------------------------------------------------------------ remembering

    def _restore(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        self.restore_toolbars()
        key = self.settings.value(SETTINGS_PAGE, PAGES[0].key)
        keys = [spec.key for spec in PAGES]
        self.sidebar.setCurrentRow(keys.index(key) if key in keys else 0)

    def restore_toolbars(self) -> None:
        """The saved state again, once a toolbar was added (its place, whether it is shown)."""
        state = self.settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

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
        self.stop_workers()
        super().closeEvent(event)
        self.closed.emit()

    # ------------------------------------------------------------------ start-up signals

    def _watch_first_paint(self, page: QWidget, repaint: bool = False) -> None:
        """`startup_complete` after the page's next paint (`repaint`: its data arrived, ask for that paint —
        only the table's own area would be redrawn otherwise, and the page would see no paint)."""
        if self._startup_reported:
            return
        rows = _rows_view(page)
        self._awaited = [page] if rows is None else [page, rows]
        for widget in self._awaited:
            widget.installEventFilter(self)
            if repaint:
                widget.update()  # both dirty before the next pass: painted once, in it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # Children paint right after their window in the same pass: report once the loop comes back.
            if watched is self and not self._frame_reported:
                self._frame_reported = True
                QTimer.singleShot(0, self.frame_painted.emit)
                if self._services is not None and not self._awaited:  # built with its database
                    self._startup_reported = True
                    QTimer.singleShot(0, self.startup_complete.emit)
                self.removeEventFilter(self)  # no Python call per event of the window from now on
            elif watched in self._awaited and not self._startup_reported:
                watched.removeEventFilter(self)
                self._awaited.remove(watched)
                if not self._awaited:  # the page and its rows painted
                    self._startup_reported = True
                    QTimer.singleShot(0, self.startup_complete.emit)
        return super().eventFilter(watched, event)


def _rows_view(page: QWidget) -> QWidget | None:
    """The viewport of the table a page shows its rows in, when it shows one: it may paint apart from the page
    (measured: reported at the page's paint, the start-up's next work competed with the rows' first paint for
    the interpreter, a 110 ms stall of the window)."""
    table = getattr(page, "table", None)
    if isinstance(table, QAbstractItemView) and table.isVisibleTo(page):
        return table.viewport()
    return None
