"""Start-up: `gui_main` opens the database, shows the window, and reports a bad file with exit code 2."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from nomadcm.app import EXIT_BAD_DATABASE, gui_main
from nomadcm.storage import Database


def test_exit_after_startup_opens_creates_and_migrates_the_database(qapp, tmp_path: Path):
    db_path = tmp_path / "fresh" / "nomadcm.sqlite3"
    assert gui_main(["--db", str(db_path), "--exit-after-startup"]) == 0
    assert db_path.is_file()
    db = Database.open(db_path)
    try:
        assert db.current_revision() is not None
    finally:
        db.close()


def test_database_path_from_the_environment(qapp, tmp_path: Path, monkeypatch):
    db_path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("NOMADCM_DB", str(db_path))
    assert gui_main(["--exit-after-startup"]) == 0
    assert db_path.is_file()


def test_a_file_that_is_no_database_is_named_in_a_message_and_exits_2(
    qapp, tmp_path: Path, monkeypatch, capsys
):
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"this is not a database at all, just text" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert gui_main(["--db", str(bad)]) == EXIT_BAD_DATABASE
    assert shown and str(bad) in shown[0]
    assert str(bad) in capsys.readouterr().err
    assert bad.read_bytes().startswith(b"this is not a database")  # untouched


def test_bad_option_is_a_usage_error(qapp, capsys):
    assert gui_main(["--db"]) == 2
    assert "--db" in capsys.readouterr().err


def test_the_page_keys_are_the_sidebars() -> None:
    """`--page` is checked before Qt loads, against keys kept beside the parser: the sidebar's, in order."""
    from nomadcm.app import PAGE_KEYS
    from nomadcm.ui.pages import PAGES

    assert tuple(spec.key for spec in PAGES) == PAGE_KEYS


def test_an_unknown_page_is_named_and_exits_2(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`--page billing` (the page's key is "hours") was a StopIteration traceback from the window."""
    code = gui_main(["--db", str(tmp_path / "cm.sqlite3"), "--exit-after-startup", "--page", "billing"])
    assert code == 2
    err = capsys.readouterr().err
    assert "'billing'" in err and "hours" in err
    assert "Traceback" not in err
    assert not (tmp_path / "cm.sqlite3").exists(), "refused before anything was opened"
