"""One NomadCM per user and database: a second launch (another process) raises the first and exits fast."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nomadcm import paths
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


# ---------------------------------------------------------------------- another user, another process


def test_lock_and_socket_live_in_a_private_folder_of_the_user(tmp_path: Path) -> None:
    from PySide6.QtCore import QDir

    inst = SingleInstance(tmp_path / "nomadcm.sqlite3")
    assert inst.acquire()
    try:
        folder = inst.folder
        assert folder == paths.runtime_dir() and folder != Path(QDir.tempPath())
        assert Path(inst.lock.fileName()).parent == folder
        assert inst.server is not None and inst.server.fullServerName() == inst.server_name()
        if os.name == "posix":
            assert Path(inst.server_name() or "").parent == folder  # a full path, not a name in /tmp
            assert folder.stat().st_mode & 0o777 == 0o700 and folder.stat().st_uid == os.getuid()
    finally:
        inst.release()


@pytest.mark.skipif(os.name != "posix", reason="POSIX folders and lock files")
def test_names_taken_in_the_shared_temp_folder_do_not_block_nomadcm(tmp_path: Path) -> None:
    """What another local user could create in /tmp: a live process's lock file and a socket under the
    names an older NomadCM used. They are not looked at."""
    from PySide6.QtCore import QDir

    db = tmp_path / "nomadcm.sqlite3"
    key = instance_key(db)
    squatted = Path(QDir.tempPath()) / f"{key}.lock"
    squatted.write_text(f"1\nsquatter\n{os.uname().nodename}\n")  # pid 1 is alive: a live lock
    try:
        inst = SingleInstance(db)
        assert inst.acquire()
        inst.release()
    finally:
        squatted.unlink(missing_ok=True)


@pytest.mark.skipif(os.name != "posix", reason="$XDG_RUNTIME_DIR")
def test_the_runtime_folder_is_used_only_when_it_is_private(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from nomadcm import paths

    runtime = tmp_path / "run-user"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert paths.runtime_dir() == runtime / "NomadCM"
    assert (runtime / "NomadCM").stat().st_mode & 0o777 == 0o700
    runtime.chmod(0o777)  # anybody may write there: not a runtime folder to trust
    assert paths.runtime_dir() == paths.data_dir() / "run"
    monkeypatch.setenv("XDG_RUNTIME_DIR", "relative/run")
    assert paths.runtime_dir() == paths.data_dir() / "run"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_fallback_folder_opened_to_others_is_closed_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from nomadcm import paths

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = paths.data_dir() / "run"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert paths.runtime_dir() == folder and folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_in_place_of_the_folder_is_refused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from nomadcm import paths

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    (paths.data_dir() / "run").symlink_to(elsewhere)
    with pytest.raises(PermissionError):
        paths.runtime_dir()


def _connect(qtbot, inst: SingleInstance):  # type: ignore[no-untyped-def]
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(inst.server_name() or "")
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.ConnectedState, timeout=5_000)
    return client


def test_a_message_longer_than_the_cap_is_dropped(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtNetwork import QLocalSocket

    from nomadcm.ui.single_instance import MAX_MESSAGE

    inst = SingleInstance(tmp_path / "nomadcm.sqlite3")
    assert inst.acquire()
    raised: list[bool] = []
    inst.activated.connect(lambda: raised.append(True))
    try:
        client = _connect(qtbot, inst)
        client.write(b"r" * (MAX_MESSAGE + 4096))  # no line end: it would grow for ever
        client.flush()
        qtbot.waitUntil(
            lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5_000
        )
        client.abort()
        client = _connect(qtbot, inst)  # another message than "raise": dropped too
        client.write(b"hello\n")
        client.flush()
        qtbot.waitUntil(
            lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5_000
        )
        assert not raised
    finally:
        inst.release()


def test_an_idle_connection_is_dropped(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtNetwork import QLocalSocket

    inst = SingleInstance(tmp_path / "nomadcm.sqlite3")
    inst.idle_ms = 200
    assert inst.acquire()
    try:
        client = _connect(qtbot, inst)
        client.write(b"rai")  # starts a message, never ends it
        client.flush()
        qtbot.waitUntil(
            lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5_000
        )
        # ...and the instance still answers the next launch.
        assert finish(qtbot, launch(tmp_path / "nomadcm.sqlite3")) == "answered"
    finally:
        inst.release()


def test_a_team_database_is_keyed_by_its_url_without_the_password() -> None:
    from nomadcm.paths import database_target

    one = database_target("postgresql://cm:secret@db.example/team")
    other_password = database_target("postgresql://cm:changed@db.example/team")
    assert (
        instance_key(one)
        == instance_key(other_password)
        != instance_key(database_target("postgresql://db/x"))
    )


@pytest.mark.parametrize(
    "text", ["", "ana\0/home/ana/NomadCM/nomadcm.sqlite3", "zoé\0C:\\Users\\Zoé\\données"]
)
def test_the_key_digest_is_hashlibs_sha256(text: str) -> None:
    """The lock's and the server's names must be those every NomadCM computes for the same database: the
    built-in module the key reads before the first paint gives hashlib's SHA-256, digit for digit."""
    import hashlib

    from nomadcm.ui.single_instance import sha256_hex

    data = text.encode("utf-8", "surrogatepass")
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
