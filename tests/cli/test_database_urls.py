"""`--db` and $NOMADCM_DB take a file path or a team database's URL: `scheme://` is never a file name, an
unknown scheme is one line and exit 2, and a password in a URL is never printed (paths.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nomadcm import paths
from nomadcm.cli import main
from nomadcm.errors import ValidationError
from nomadcm.paths import DatabaseUrl


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "url",
    [
        "mysql://lina:hunter2@db.example/team",
        "postgresql+psycopg2://lina:hunter2@db.example/team",
        "file://lina:hunter2@/tmp/x",
        "http://lina:hunter2@example.org/",
    ],
)
def test_an_unknown_scheme_is_refused_and_never_becomes_a_file(
    url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for argv, env in ((["--db", url, "client", "list"], None), (["client", "list"], url)):
        if env is not None:
            monkeypatch.setenv("NOMADCM_DB", env)
        code, out, err = run(argv, capsys)
        assert code == 2 and out == ""
        assert err.startswith("nomadcm: error: --db: unknown database URL scheme") and err.count("\n") == 1
        assert "hunter2" not in err and ":***@" in err
    assert list(tmp_path.iterdir()) == []


def test_sqlite_urls_are_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cm.sqlite3"
    assert paths.database_target(f"sqlite:///{target}") == target
    assert run(["--db", f"sqlite:///{target}", "client", "add", "A", "--tz", "Europe/Paris"], capsys)[0] == 0
    assert target.is_file()
    with pytest.raises(ValidationError, match="names no file"):
        paths.database_target("sqlite://")


def test_server_urls_take_the_shipped_driver_and_hide_the_password() -> None:
    for given in ("postgresql://lina:p%40ss@h:5433/team", "postgres://lina:p%40ss@h:5433/team"):
        target = paths.database_target(given)
        assert isinstance(target, DatabaseUrl)
        assert target.url == "postgresql+psycopg://lina:p%40ss@h:5433/team"
        assert (
            str(target)
            == repr(target)[len("DatabaseUrl('") : -2]
            == "postgresql+psycopg://lina:***@h:5433/team"
        )
        assert target.without_password == "postgresql+psycopg://lina@h:5433/team"
        assert target.inline_password == "p@ss"
    query = paths.database_target("postgresql://lina@h/team?password=zz&sslmode=require")
    assert isinstance(query, DatabaseUrl)
    assert (
        "zz" not in query.shown
        and query.without_password == "postgresql+psycopg://lina@h/team?sslmode=require"
    )
    assert paths.database_target("postgresql://lina@h/team").with_password("pw").shown.count("pw") == 0


def test_backups_of_a_team_database_are_the_servers_job(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--db", "postgresql://lina:hunter2@db.example/team", "backup", "list"], capsys)
    assert code == 2 and "pg_dump" in err and "hunter2" not in err


def test_team_init_without_the_driver_or_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["team", "init", "postgresql://lina:hunter2@127.0.0.1:1/team"], capsys)
    assert code == 2 and err.count("\n") == 1 and "hunter2" not in err
    assert "cannot reach the team database at 127.0.0.1:1" in err or "nomadcm[postgres]" in err
