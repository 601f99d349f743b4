"""The crash handler: a bug is logged to a file and shown with copyable details; a UserError is a warning."""

from __future__ import annotations

import gc
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from nomadcm.errors import ValidationError
from nomadcm.ui import errors
from nomadcm.ui.errors import CrashDialog, ExceptionHandler


def _raise(exc: BaseException):  # type: ignore[no-untyped-def]
    try:
        raise exc
    except BaseException as err:
        return type(err), err, err.__traceback__


def test_unexpected_error_is_logged_and_shown_with_details(qtbot, tmp_path, monkeypatch):
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    handler = ExceptionHandler(tmp_path / "logs")
    handler.handle(_raise(RuntimeError("boom in the model")))
    (dialog,) = shown
    log = handler.last_log
    assert log is not None and log.parent == tmp_path / "logs" and log.name.startswith("crash-")
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: boom in the model" in text and "Traceback" in text
    assert dialog.details.toPlainText() == text
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == text
    assert dialog.copy_button.text() == "Copied"


def test_user_error_that_escapes_is_a_plain_warning(qtbot, tmp_path, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr("nomadcm.ui.plain_text.warn", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(
        CrashDialog, "exec", lambda self: (_ for _ in ()).throw(AssertionError("no crash dialog"))
    )
    handler = ExceptionHandler(tmp_path / "logs")
    handler.handle(_raise(ValidationError("unknown time zone 'Mars/Olympus'")))
    assert warned == ["unknown time zone 'Mars/Olympus'"]
    assert not (tmp_path / "logs").exists()


def test_exception_on_a_worker_thread_reaches_the_gui_thread(qtbot, tmp_path, monkeypatch):
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    handler = ExceptionHandler(tmp_path / "logs")
    handler.install()
    try:
        thread = threading.Thread(target=lambda: 1 / 0)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        handler.uninstall()
    assert "ZeroDivisionError" in shown[0].details.toPlainText()


def test_crash_log_folder_that_cannot_be_written_still_shows_the_dialog(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    handler = ExceptionHandler(blocker / "logs")
    handler.handle(_raise(KeyError("x")))
    assert handler.last_log is None
    assert shown and "KeyError" in shown[0].details.toPlainText()


class _FailingPage(QWidget):
    """A page whose slot fails: its frame holds the page, as a real page's handler holds `self`."""

    def __init__(self) -> None:
        super().__init__()
        self.child = QLabel("rows", self)  # a widget the frame's locals reach

    def refresh(self) -> None:
        page = self  # noqa: F841 — a local of the failed frame, as in a real handler
        raise RuntimeError("boom in a slot")


@pytest.mark.qt_no_exception_capture  # the handler under test is sys.excepthook, as in the app
@pytest.mark.parametrize("release", [True, False], ids=["released", "kept-without-release"])
def test_the_failed_page_is_collectable_once_the_error_is_reported(
    qtbot, tmp_path, monkeypatch, release: bool
) -> None:
    """The traceback (and `sys.last_traceback`, which Python sets) kept the failed frames, hence the page
    and its widgets, until exit, where they died after Qt's objects. Without `release_frames` the page
    stays: that run shows the check can fail."""
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    if not release:
        monkeypatch.setattr(errors, "release_frames", lambda _exc: None)
    handler = ExceptionHandler(tmp_path / "logs")
    page = _FailingPage()
    gone = weakref.ref(page)
    handler.install()
    try:
        QTimer.singleShot(0, page.refresh)  # raised inside Qt's event loop: PySide calls sys.excepthook
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        handler.uninstall()
    assert "boom in a slot" in shown[0].details.toPlainText()
    shown.clear()
    del page
    gc.collect()
    assert (gone() is None) is release
    if not release:  # let go of it now, while Qt lives
        sys.last_type = sys.last_value = sys.last_traceback = None
        gc.collect()
        assert gone() is None
