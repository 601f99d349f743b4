"""GUI fixtures: a fixed locale (so expected texts are stable), window settings in a temporary file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from nomadcm.services.container import Services
from nomadcm.ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def _british_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def _closing_discards_unsaved_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog with typed input asks before closing (ui/widgets/unsaved.py); nobody answers in a test, so
    closing one at teardown discards. Tests of the question itself patch `confirm_discard` back."""
    monkeypatch.setattr("nomadcm.ui.widgets.unsaved.confirm_discard", lambda parent: True)


@pytest.fixture
def task_runner() -> Iterator[TaskRunner]:
    """The window's task runner, for pages and dialogs built without a window; shut down at teardown, so no
    job outlives its test (a thread still running at teardown is how the GUI suite used to crash)."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "nomadcm-gui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def paris_client(services: Services):  # type: ignore[no-untyped-def]
    """A client in Europe/Paris with an X channel (280 characters) and an Instagram one; the CM lives in
    Toronto."""
    services.settings.set_home_tz("America/Toronto")
    client = services.clients.add_client("Boulangerie Dupont", "Europe/Paris", country="FR")
    services.clients.add_channel(client.id, "x", "@dupont")
    services.clients.add_channel(client.id, "instagram", "@dupont.pain")
    return client


@pytest.fixture
def window(qtbot, services: Services, qsettings: QSettings):  # type: ignore[no-untyped-def]
    from nomadcm.ui.main_window import MainWindow

    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.stop_workers()  # closing the window does it too; a close refused by a dialog would not
    win.external_changes.stop()
