"""One NomadCM per user and database: a second launch (another process) raises the first and exits fast."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nomadcm.ui.single_instance import SingleInstance, instance_key

SECOND = """
import sys
from PySide6.QtCore import QCoreApplication
from nomadcm.ui.single_instance import SingleInstance
app = QCoreApplication([])
inst = SingleInstance(sys.argv[1])
first = inst.acquire()
print("first" if first else ("answered" if inst.answered else "silent"), flush=True)
if first and len(sys.argv) > 2:  # play a first instance that then dies without cleaning up
    import time; time.sleep(60)
"""


def launch(db: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", SECOND, str(db), *extra], stdout=subprocess.PIPE, text=True, env=env
    )


def finish(qtbot, proc: subprocess.Popen[str], timeout_ms: int = 10_000) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=timeout_ms)  # our event loop keeps answering
    assert proc.stdout is not None
    return proc.stdout.read().strip()


def test_key_depends_on_user_and_database(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert instance_key(a) == instance_key(a)
    assert instance_key(a) != instance_key(b)
    assert instance_key(tmp_path / "x" / ".." / "a.sqlite3") == instance_key(a)
    assert instance_key(a).startswith("nomadcm-") and len(instance_key(a)) < 40


def test_second_launch_raises_the_first_and_exits_quickly(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "nomadcm.sqlite3"
    first = SingleInstance(db)
    assert first.acquire()
    try:
        started = time.monotonic()
        with qtbot.waitSignal(first.activated, timeout=10_000):
            proc = launch(db)
            assert finish(qtbot, proc) == "answered"
        # Interpreter and Qt start-up included; the exchange itself is a few milliseconds.
        assert time.monotonic() - started < 5
    finally:
        first.release()


def test_another_database_is_another_instance(qtbot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "mine.sqlite3")
    assert first.acquire()
    try:
        assert finish(qtbot, launch(tmp_path / "demo.sqlite3")) == "first"
    finally:
        first.release()


def test_after_release_the_next_launch_is_first(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "nomadcm.sqlite3"
    first = SingleInstance(db)
    assert first.acquire()
    first.release()
    assert finish(qtbot, launch(db)) == "first"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_crashed_instance_does_not_block_the_next(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "nomadcm.sqlite3"
    crashed = launch(db, "then-die")
    assert crashed.stdout is not None
    assert crashed.stdout.readline().strip() == "first"
    crashed.send_signal(signal.SIGKILL)
    crashed.wait()
    # Its lock file and socket are left behind; the lock names a dead process, so it is stale.
    nxt = SingleInstance(db)
    try:
        assert nxt.acquire()
        assert nxt.server is not None and nxt.server.isListening()
    finally:
        nxt.release()
