"""The window's banner while the team database is away, driven by a counter whose status the test sets (the
real server's loss is tests/ui/test_team_live.py); the exception handler's silence for such an error."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QSettings, Qt

from nomadcm.errors import DatabaseError, ServerUnreachableError
from nomadcm.services.container import Services
from nomadcm.ui import errors as ui_errors


@dataclass
class Status:
    reachable: bool = True
    retry_in_s: float = 0.0
    reason: str = ""


@dataclass
class FakeCounter:
    """A team database's counter whose server comes and goes when the test says."""

    current: Status = field(default_factory=Status)
    changed: bool = False
    retries: int = 0

    def poll(self) -> bool:
        changed, self.changed = self.changed, False
        return changed

    def status(self) -> Status:
        return self.current

    def retry_now(self) -> None:
        self.retries += 1

    def close(self) -> None:
        pass


@pytest.fixture
def counter() -> FakeCounter:
    return FakeCounter()


@pytest.fixture
def team_window(qtbot, services: Services, qsettings: QSettings, counter: FakeCounter, monkeypatch):  # type: ignore[no-untyped-def]
    from nomadcm.ui.main_window import MainWindow

    monkeypatch.setattr(services, "change_counter", lambda: counter)
    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.stop_workers()
    win.external_changes.stop()


def test_the_banner_counts_down_offers_retry_and_goes_with_one_refresh(
    qtbot, team_window, counter: FakeCounter
) -> None:  # type: ignore[no-untyped-def]
    banner = team_window.connection_banner
    watcher = team_window.external_changes
    assert not banner.isVisible()
    assert team_window.centralWidget().layout().itemAt(0).widget() is banner  # at the top of the window
    heard: list[object] = []
    team_window.changes.changed.connect(heard.append)

    counter.current = Status(
        False, 7.2, "cannot reach the team database at db.example:5432 (Connection refused)"
    )
    watcher.poll()
    assert banner.isVisible()
    assert banner.message.text() == "Team database unreachable — retrying in 8 s"
    assert "db.example:5432" in banner.message.toolTip()
    counter.current = Status(False, 0.0, counter.current.reason)  # a try is running
    watcher.poll()
    assert banner.message.text() == "Team database unreachable — trying to reconnect…"

    qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    team_window.refresh_action.trigger()  # F5 while away: a new try, not a reload
    assert counter.retries == 2 and heard == []

    counter.current, counter.changed = Status(), True  # back: the counter says "changed" once
    watcher.poll()
    assert not banner.isVisible()
    assert len(heard) == 1 and {"posts", "clients", "settings"} <= set(heard[0])  # type: ignore[arg-type]
    watcher.poll()
    assert len(heard) == 1


def test_a_sqlite_window_never_shows_the_banner(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.external_changes.poll()
    window.refresh_action.trigger()
    assert not window.connection_banner.isVisible() and window.external_changes.reachable


def test_an_unreachable_server_reaching_the_handler_shows_no_box(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(ui_errors.plain_text, "warn", lambda _parent, _title, text: shown.append(text))
    handler = ui_errors.ExceptionHandler(tmp_path)

    def raised(err: BaseException) -> tuple[type[BaseException], BaseException, object]:
        try:
            raise err
        except BaseException:
            return sys.exc_info()  # type: ignore[return-value]

    handler.handle(raised(ServerUnreachableError("cannot reach the team database at db.example:5432")))
    assert shown == [] and handler.last_log is None and not list(tmp_path.iterdir())
    handler.handle(raised(DatabaseError("database 'x' is locked by another program")))
    assert shown == ["database 'x' is locked by another program"]  # any other fixable error: its box
