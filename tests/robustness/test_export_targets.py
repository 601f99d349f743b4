"""Nothing lost: an export never replaces what it must not (issue 12).

`nomadcm --db x.sqlite3 export csv -o x.sqlite3` replaced the database with the CSV and exited 0. Every
writer of a user-chosen file now goes through exchange/output_targets.py: the open database and its working
files, folders, devices, pipes, sockets, read-only files and files the user may not write are refused (one
line naming the path and the reason, exit 2); a symbolic link is followed and stays a link; a replaced file
keeps its permission bits.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from robust_setup import build_db, digest, run

from nomadcm import paths
from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.output_targets import Reason, RefusedTarget, check_target

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
POSIX = os.name == "posix"


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return build_db(tmp_path / "cm.sqlite3", capsys)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def refused(path: Path | str, **kwargs: object) -> Reason:
    with pytest.raises(RefusedTarget) as caught:
        check_target(path, **kwargs)  # type: ignore[arg-type]
    assert repr(str(path)) in str(caught.value)  # the message names the path
    return caught.value.reason


# --------------------------------------------------------------------------- the check itself


def test_the_open_database_its_working_files_and_backups_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "cm.sqlite3"
    db.write_bytes(b"")
    paths.register_open_database(db)
    try:
        assert refused(db) is Reason.DATABASE
        for suffix in ("-wal", "-shm", "-journal"):
            assert refused(f"{db}{suffix}") is Reason.DATABASE_FILE
        (tmp_path / "backups").mkdir()
        assert refused(tmp_path / "backups" / "old.csv") is Reason.BACKUPS
        (tmp_path / "alias.sqlite3").symlink_to(db)
        assert refused(tmp_path / "alias.sqlite3") is Reason.DATABASE  # through a link too
        assert check_target(tmp_path / "fine.csv") == (tmp_path / "fine.csv").resolve()
    finally:
        paths.unregister_open_database(db)
    assert check_target(db) == db.resolve()  # closed, and an empty file: nothing special any more


def test_a_database_named_by_the_caller_and_any_sqlite_file_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "not-yet-open.sqlite3"
    assert refused(db, protected=[db]) is Reason.DATABASE  # the CLI names --db before opening it
    other = tmp_path / "another.db"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.close()
    assert refused(other) is Reason.SQLITE
    assert refused(f"{other}-journal") is Reason.DATABASE_FILE


def test_folders_and_names_ending_with_a_slash_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    assert refused(folder) is Reason.FOLDER
    assert refused(f"{folder}{os.sep}") is Reason.ENDS_WITH_SLASH
    assert refused(f"{tmp_path / 'not-there'}{os.sep}") is Reason.ENDS_WITH_SLASH  # would write "not-there"
    assert refused("") is Reason.NO_NAME
    assert refused(tmp_path / "missing" / "out.csv") is Reason.NO_FOLDER


@pytest.mark.skipif(not POSIX, reason="device nodes, FIFOs and sockets are POSIX files")
def test_devices_pipes_and_sockets_are_refused(tmp_path: Path) -> None:
    assert refused("/dev/null") is Reason.DEVICE
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert refused(fifo) is Reason.PIPE  # and the check did not block opening it
    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock_path))
        assert refused(sock_path) is Reason.SOCKET
    finally:
        server.close()
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    assert refused(loop) is Reason.LINK_LOOP


def test_a_file_without_write_bits_is_refused_even_for_root(tmp_path: Path) -> None:
    """Decided: the mode bits, not os.access (which lets root write anything), say a file is read-only."""
    target = tmp_path / "kept.csv"
    target.write_text("keep me")
    target.chmod(0o444)
    assert refused(target) is Reason.READ_ONLY
    with pytest.raises(RefusedTarget), atomic_text_file(target) as out:
        out.write("replaced")
    assert target.read_text() == "keep me"


@pytest.mark.skipif(AS_ROOT or not POSIX, reason="root may write any file: os.access says yes")
def test_a_file_the_user_may_not_write_is_refused(tmp_path: Path) -> None:
    """The rename needs only the folder: without this check a file of someone else (root's) in the user's
    folder was replaced. Made here by taking the owner's write bit away (the group keeps one)."""
    target = tmp_path / "theirs.csv"
    target.write_text("theirs")
    target.chmod(0o464)
    assert refused(target) is Reason.NOT_WRITABLE
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert refused(folder / "new.csv") is Reason.FOLDER_NOT_WRITABLE
    finally:
        folder.chmod(0o755)


def test_what_os_access_refuses_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same two refusals as above, run as root too: os.access stands in for another user's file (root's,
    in the user's folder) and for a folder the user may not write in."""
    theirs = tmp_path / "theirs.csv"
    theirs.write_text("theirs")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(os.fsdecode(path)) in (theirs, locked):  # type: ignore[arg-type]
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    assert refused(theirs) is Reason.NOT_WRITABLE
    assert refused(locked / "new.csv") is Reason.FOLDER_NOT_WRITABLE
    with pytest.raises(RefusedTarget), atomic_text_file(theirs) as out:
        out.write("replaced")
    monkeypatch.undo()
    assert theirs.read_text() == "theirs" and list(locked.iterdir()) == []


# --------------------------------------------------------------------------- what the atomic writer keeps


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits and symbolic links")
def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to(real.name)
    with atomic_text_file(link) as out:
        out.write("new")
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to("created.csv")
    with atomic_text_file(dangling) as out:
        out.write("made")
    assert dangling.is_symlink() and (tmp_path / "created.csv").read_text() == "made"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "created.csv",
        "dangling.csv",
        "link.csv",
        "real.csv",
    ]


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_permission_bits_are_kept_and_passwords_get_a_private_file(tmp_path: Path, umask_022: None) -> None:
    private = tmp_path / "private.csv"
    private.write_text("x")
    private.chmod(0o600)
    with atomic_text_file(private) as out:  # an ordinary export over a 0600 file stays 0600
        out.write("y")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    shared = tmp_path / "shared.csv"
    shared.write_text("x")
    shared.chmod(0o664)
    with atomic_text_file(shared, private=True) as out:  # the owner chose 0664: kept
        out.write("y")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    with atomic_text_file(tmp_path / "new.csv") as out:
        out.write("z")
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644
    with atomic_text_file(tmp_path / "passwords.csv", private=True) as out:
        out.write("z")
    assert stat.S_IMODE((tmp_path / "passwords.csv").stat().st_mode) == 0o600


# --------------------------------------------------------------------------- every -o of the CLI


def _commands(target: str) -> list[list[str]]:
    """Every command that writes a file the user names."""
    return [
        ["export", "csv", "-o", target],
        ["export", "csv", "--format", "hootsuite", "-o", target],
        ["export", "csv", "--format", "publer", "-o", target],
        ["export", "ics", "-o", target],
        ["place", "export", target],
        ["place", "export", target, "--with-passwords"],
        ["chart", "-o", target],
    ]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_every_output_option_refuses_the_database(
    dbfile: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    before = digest(dbfile)
    target = f"{dbfile}{suffix}"
    for argv in _commands(target):
        if argv[0] == "chart":
            continue  # a chart must be .png or .svg: see the next test
        code, out, err = run(["--db", str(dbfile), *argv], capsys)
        assert code == 2, argv
        assert err.count("\n") == 1 and repr(target) in err and "database" in err, (argv, err)
        assert out == ""
    assert digest(dbfile) == before
    assert not Path(f"{dbfile}-journal").exists()


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda tmp: tmp / "folder", "is a folder"),
        (lambda tmp: f"{tmp / 'folder'}{os.sep}", "ends with a slash"),
        (lambda tmp: f"{tmp / 'new-folder'}{os.sep}", "ends with a slash"),
        (lambda tmp: tmp / "missing" / "out.png", "does not exist"),
        (lambda tmp: tmp / "read-only.png", "read-only"),
        (lambda tmp: tmp / "backups" / "out.png", "backups folder"),
        (lambda tmp: "/dev/null", "device"),
    ],
    ids=["folder", "folder/", "new-folder/", "missing-folder", "read-only", "backups", "device"],
)
def test_every_output_option_refuses_bad_places(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make, needle: str
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "folder").mkdir()
    (tmp_path / "backups").mkdir(exist_ok=True)
    ro = tmp_path / "read-only.png"
    ro.write_text("keep")
    ro.chmod(0o444)
    target = str(make(tmp_path))
    for argv in _commands(target):
        code, _out, err = run(["--db", str(dbfile), *argv], capsys)
        if argv[0] == "chart" and not target.endswith(".png"):
            assert code == 2 and err.count("\n") == 1, (argv, err)  # refused for its suffix, or its place
            continue
        assert code == 2, (argv, err)
        assert err.count("\n") == 1 and repr(target) in err and needle in err, (argv, err)
    assert not (tmp_path / "new-folder").exists()  # `-o dir/` wrote a file named `dir`
    assert ro.read_text() == "keep"
    assert sorted(p.name for p in (tmp_path / "folder").iterdir()) == []


def test_the_chart_refuses_the_database_by_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dbfile = build_db(tmp_path / "cm.png", capsys)  # a database may be called anything
    before = digest(dbfile)
    code, _out, err = run(["--db", str(dbfile), "chart", "-o", str(dbfile)], capsys)
    assert code == 2 and "open NomadCM database" in err and err.count("\n") == 1
    assert digest(dbfile) == before


def test_place_export_with_passwords_keeps_a_private_file_private(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], umask_022: None
) -> None:
    assert run(["--db", str(dbfile), "place", "add", "Café", "--city", "Lisbon"], capsys)[0] == 0
    kept = tmp_path / "places.csv"
    kept.write_text("old")
    kept.chmod(0o600)
    code, _out, err = run(["--db", str(dbfile), "place", "export", str(kept), "--with-passwords"], capsys)
    assert code == 0, err
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and "Café" in kept.read_text(encoding="utf-8")
    fresh = tmp_path / "fresh.geojson"
    assert run(["--db", str(dbfile), "place", "export", str(fresh), "--with-passwords"], capsys)[0] == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600  # new, with passwords: rw-------
    plain = tmp_path / "plain.csv"
    assert run(["--db", str(dbfile), "place", "export", str(plain)], capsys)[0] == 0
    assert stat.S_IMODE(plain.stat().st_mode) == 0o644


def test_an_export_through_a_link_writes_the_target(dbfile: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "schedule.csv"
    real.write_text("old")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    code, _out, err = run(["--db", str(dbfile), "export", "csv", "-o", str(link)], capsys)
    assert code == 0, err
    assert link.is_symlink() and "good one" in real.read_text(encoding="utf-8")
