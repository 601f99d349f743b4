"""The main window: sidebar pages from the registry, menus and shortcuts, remembered geometry and page."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from nomadcm.ui.main_window import MainWindow
from nomadcm.ui.pages import PAGES, page_spec


def test_title_sidebar_and_first_page(window):
    assert "NomadCM" in window.windowTitle()
    keys = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert keys[:2] == ["Schedule", "Clients"]
    assert len(keys) == len(PAGES)
    assert window.current_key() == "schedule"
    assert window.stack.currentWidget() is window.page("schedule")


def test_registry_keys_are_unique_and_every_page_builds(window):
    keys = [spec.key for spec in PAGES]
    assert len(keys) == len(set(keys))
    assert page_spec("clients") is not None and page_spec("nope") is None
    for spec in PAGES:
        widget = window.show_page(spec.key)
        assert window.stack.currentWidget() is widget
        assert spec.title() in window.windowTitle()
        assert not window.sidebar.item(PAGES.index(spec)).icon().isNull()


def test_pages_are_built_once_on_first_show(window):
    assert "clients" not in window._pages
    page = window.show_page("clients")
    assert window.show_page("clients") is page


def test_shortcuts(window):
    assert window.new_post_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert window.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert window.filter_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["&File", "&Edit"]
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert (
        "&Export schedule (CSV, Excel, bulk tools, calendar)…" in file_actions
        and "&Import schedule from CSV…" in file_actions
    )


def test_undo_follows_the_page_shown(window):
    schedule = window.page("schedule")
    assert window.undo_group.activeStack() is schedule.undo_stack
    clients = window.show_page("clients")  # every page now has its own stack (ui/operations.py)
    assert window.undo_group.activeStack() is clients.undo_stack
    window.show_page("schedule")
    assert window.undo_group.activeStack() is schedule.undo_stack


def test_geometry_and_page_are_remembered(qtbot, services, qsettings: QSettings, window):
    window.resize(900, 560)  # the offscreen screen is small: restoreGeometry() clamps bigger windows
    window.move(20, 30)
    window.show_page("clients")
    window.close()
    again = MainWindow(services, qsettings)
    qtbot.addWidget(again)
    assert again.current_key() == "clients"
    assert again.height() == 560


def test_unknown_remembered_page_falls_back_to_the_first(qtbot, services, qsettings: QSettings):
    qsettings.setValue("window/page", "a-page-from-an-older-version")
    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    assert win.current_key() == PAGES[0].key
