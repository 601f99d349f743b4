"""The Wellbeing page's first opening (matplotlib: seconds on a slow laptop) shows a busy frame at once —
"Loading Wellbeing…" and an indeterminate progress bar — while its modules import on the window's task
runner, not on the GUI thread; the page then takes the frame's place."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication

from nomadcm.ui import page_loading
from nomadcm.ui.pages import PAGES, page_spec


def test_a_sidebar_click_shows_loading_while_the_modules_import_off_the_gui_thread(
    window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    gui_thread = threading.current_thread()
    imported_on: list[threading.Thread] = []
    release = threading.Event()

    def slow_import(modules: tuple[str, ...]) -> None:  # as the first import of matplotlib would be
        imported_on.append(threading.current_thread())
        assert modules == page_spec("wellbeing").modules
        release.wait(10)

    monkeypatch.setattr(page_loading, "import_ahead", slow_import)
    monkeypatch.setattr(page_loading, "modules_missing", lambda spec: True)  # as in a fresh process
    row = next(i for i, spec in enumerate(PAGES) if spec.key == "wellbeing")
    window.sidebar.setCurrentRow(row)  # her click

    frame = window.stack.currentWidget()
    assert isinstance(frame, page_loading.LoadingFrame) and frame.isVisible()
    assert frame.label.text() == "Loading Wellbeing…"
    assert (frame.progress.minimum(), frame.progress.maximum()) == (0, 0)  # indeterminate
    assert "Wellbeing" in window.windowTitle() and "wellbeing" not in window._pages
    started = time.monotonic()
    qtbot.waitUntil(lambda: bool(imported_on), timeout=5000)
    QApplication.processEvents()  # the GUI thread is free while the import runs
    assert time.monotonic() - started < 5 and imported_on[0] is not gui_thread
    assert window.stack.currentWidget() is frame
    release.set()
    qtbot.waitUntil(lambda: "wellbeing" in window._pages, timeout=10_000)
    page = window._pages["wellbeing"]
    assert window.stack.currentWidget() is page and window.undo_group.activeStack() is page.undo_stack
    assert window.frame_of("wellbeing") is None  # the frame is gone


def test_show_page_builds_at_once_and_a_loaded_module_needs_no_frame(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(page_loading, "modules_missing", lambda spec: True)
    page = window.show_page("wellbeing")  # a link or a shortcut: the page itself, now
    assert window.stack.currentWidget() is page and "wellbeing" in window._pages
    window.show_page("schedule")
    monkeypatch.setattr(page_loading, "modules_missing", lambda spec: False)
    row = next(i for i, spec in enumerate(PAGES) if spec.key == "wellbeing")
    window.sidebar.setCurrentRow(row)
    assert window.stack.currentWidget() is page


SPY = """
import runpy, sys, threading
on_gui_thread = []
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name.startswith("matplotlib") and name not in sys.modules:
            if threading.current_thread() is threading.main_thread():
                on_gui_thread.append(name)
        return None
sys.meta_path.insert(0, Spy())
sys.argv = ["nomadcm-gui", "--db", sys.argv[1], "--exit-after-startup", "--page", sys.argv[2]]
try:
    runpy.run_module("nomadcm.app", run_name="__main__")
finally:
    print("ON GUI THREAD:", ",".join(on_gui_thread))
"""


def test_a_window_opening_on_a_chart_imports_matplotlib_off_the_gui_thread(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Opening on Wellbeing (the page she left it on), the chart's figure and axes loaded on the GUI thread
    when the chart was made (34 modules; a 0.3-0.5 s freeze in bench_startup's stall watch): the page's
    modules now name them, and they load on the start-up's thread with the page."""
    from tests.fresh_gui import said

    for page in ("wellbeing", "hours"):
        assert said(SPY, tmp_path, str(tmp_path / "cm.sqlite3"), page)["ON GUI THREAD"] == "", page
