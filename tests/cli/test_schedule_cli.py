"""The foundation's CLI (cli/schedule.py): every command of the issue, and bad input as one stderr line that
names the bad value, exit code 2, nothing written."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nomadcm import __version__
from nomadcm.cli import main

USER_TABLES = ("client", "channel", "post", "setting", "stay", "transit")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse usage errors and --version exit
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in USER_TABLES}
    finally:
        conn.close()


SETUP = [
    ["settings", "set", "home-tz", "Europe/Paris"],
    ["client", "add", "Érable Café", "--tz", "America/Toronto", "--country", "CA"],
    ["client", "add", "Sofia Bakery", "--tz", "Europe/Sofia"],
    ["channel", "add", "érable café", "x", "--handle", "@erable"],
    ["channel", "add", "Érable Café", "blog"],
    ["channel", "add", "Sofia Bakery", "instagram", "--limit", "100"],
    [
        "post",
        "add",
        "--client",
        "Érable Café",
        "--channel",
        "x",
        "--at",
        "2025-06-01 09:00",
        "--text",
        "Bonjour",
    ],
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once through the CLI itself: two clients, three channels, home zone Paris, one post."""
    path = tmp_path_factory.mktemp("template") / "cm.sqlite3"
    for argv in SETUP:
        assert main(["--db", str(path), *argv]) == 0, argv
    assert not Path(f"{path}-wal").exists()  # closed cleanly: the file alone is the database
    return path


@pytest.fixture
def dbfile(template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cm.sqlite3"
    shutil.copyfile(template, path)
    capsys.readouterr()  # drop what building the template printed
    return path


def cli(dbfile: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(["--db", str(dbfile), *argv], capsys)


# ---------------------------------------------------------------------- the commands


def test_version_in_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "NOMADCM_DB": str(tmp_path / "never-created.sqlite3")}
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"NomadCM {__version__}"
    assert not (tmp_path / "never-created.sqlite3").exists()


def test_client_add_and_list(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(
        dbfile, capsys, "client", "add", "Kiwi Surf", "--tz", "pacific/auckland", "--country", "nz"
    )
    assert code == 0 and "'Kiwi Surf'" in out and "Pacific/Auckland" in out
    code, out, _ = cli(dbfile, capsys, "client", "list")
    lines = out.splitlines()
    assert lines[0].split() == ["name", "audience", "zone", "country", "channels"]
    assert lines[1].startswith("Érable Café") and "blog, x @erable" in lines[1] and "CA" in lines[1]
    assert [line.split()[0] for line in lines[1:]] == ["Érable", "Kiwi", "Sofia"]
    code, out, _ = cli(dbfile, capsys, "client", "list", "--json")
    data = json.loads(out)
    assert [c["name"] for c in data] == ["Érable Café", "Kiwi Surf", "Sofia Bakery"]
    assert data[1] == {
        "id": data[1]["id"],
        "name": "Kiwi Surf",
        "audience_tz": "Pacific/Auckland",
        "country": "NZ",
        "colour": data[1]["colour"],
        "channels": [],
    }
    assert {(c["network"], c["handle"], c["text_limit"]) for c in data[0]["channels"]} == {
        ("x", "@erable", 280),
        ("blog", "", None),
    }
    assert data[2]["channels"][0]["text_limit"] == 100


def test_post_add_prints_the_three_times(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(
        dbfile, capsys, "post", "add", "--client", "Sofia Bakery", "--channel", "instagram",
        "--at", "2025-01-15 09:00", "--tz", "Asia/Kathmandu", "--text", "Намасте", "--tags", "a,b",
        "--link", "https://sofia.example/bg",
    )  # fmt: skip
    assert code == 0 and err == ""
    assert out.strip() == (
        "post 2 scheduled: 2025-01-15 09:00 +0545 (Asia/Kathmandu) = 2025-01-15 04:15 your time "
        "(Europe/Paris) = 2025-01-15T03:15:00Z"
    )


def test_post_add_fold_and_json(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["post", "add", "--client", "Érable Café", "--channel", "x:@erable", "--at", "2025-11-02 01:30"]
    code, out, err = cli(dbfile, capsys, *base, "--text", "first", "--json")
    assert code == 0
    assert json.loads(out)["utc_time"] == "2025-11-02T05:30:00Z"
    assert "first occurrence" in err and "--fold 1" in err
    code, out, err = cli(dbfile, capsys, *base, "--fold", "1", "--text", "second", "--json")
    post = json.loads(out)
    assert (post["utc_time"], post["cm_time"], post["status"]) == (
        "2025-11-02T06:30:00Z",
        "2025-11-02 07:30",
        "scheduled",
    )
    assert "second occurrence" in err


def test_over_limit_needs_draft(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["post", "add", "--client", "Sofia Bakery", "--channel", "instagram", "--at", "2025-06-01 09:00"]
    before = counts(dbfile)
    code, out, err = cli(dbfile, capsys, *base, "--text", "x" * 101)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "101" in err
    assert counts(dbfile) == before
    code, out, _ = cli(dbfile, capsys, *base, "--text", "x" * 101, "--status", "draft")
    assert code == 0 and " draft:" in out


def test_post_list_table_json_and_filters(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add = ["post", "add", "--channel", "instagram", "--client", "Sofia Bakery"]
    assert cli(dbfile, capsys, *add, "--at", "2025-06-02 00:00", "--text", "minuit\nligne 2")[0] == 0
    assert cli(dbfile, capsys, *add, "--at", "2025-06-03 00:00", "--text", "trop tard")[0] == 0
    code, out, _ = cli(dbfile, capsys, "post", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "audience", "time"]
    assert len(lines) == 4
    assert (
        "2025-06-01 09:00 EDT" in lines[1]
        and "2025-06-01 15:00 CEST" in lines[1]
        and "2025-06-01 13:00Z" in lines[1]
    )
    assert lines[2].rstrip().endswith("minuit")  # first line of the text only
    _code, out, _ = cli(
        dbfile, capsys, "post", "list", "--json", "--from", "2025-06-02", "--to", "2025-06-02"
    )
    rows = json.loads(out)
    assert [r["text"] for r in rows] == ["minuit\nligne 2"]
    assert rows[0]["audience_time"] == "2025-06-02 00:00" and rows[0]["utc_time"] == "2025-06-01T21:00:00Z"
    assert rows[0]["cm_tz"] == "Europe/Paris" and rows[0]["in_transit"] is False
    _code, out, _ = cli(dbfile, capsys, "post", "list", "--json", "--client", "ÉRABLE CAFÉ")
    assert [r["client"] for r in json.loads(out)] == ["Érable Café"]
    _code, out, _ = cli(dbfile, capsys, "post", "list", "--json", "--status", "draft")
    assert json.loads(out) == []


def test_settings_set_home_tz_moves_your_time(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(dbfile, capsys, "settings", "set", "home-tz", "indian/antananarivo")
    assert code == 0 and out.strip() == "home-tz = Indian/Antananarivo"
    code, out, _ = cli(dbfile, capsys, "post", "list", "--json")
    assert (json.loads(out)[0]["cm_tz"], json.loads(out)[0]["cm_time"]) == (
        "Indian/Antananarivo",
        "2025-06-01 16:00",
    )


def test_export_csv_to_stdout_and_file(
    dbfile: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = cli(dbfile, capsys, "export", "csv")
    assert code == 0 and err == ""
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert (
        ",".join(rows[0])
        == "id,client,channel,status,audience_tz,audience_time,utc_time,cm_tz,cm_time,text,link,tags"
    )
    assert rows[1][1:] == ["Érable Café", "x:@erable", "scheduled", "America/Toronto", "2025-06-01 09:00",
                           "2025-06-01T13:00:00Z", "Europe/Paris", "2025-06-01 15:00", "Bonjour", "", ""]  # fmt: skip
    target = tmp_path / "planning.csv"
    code, out, err = cli(dbfile, capsys, "export", "csv", "--excel", "-o", str(target), "--client", "érable café",
                         "--from", "2025-06-01", "--to", "2025-06-01")  # fmt: skip
    assert code == 0 and out == "" and err.strip() == f"1 post(s) written to {target}"
    assert target.read_bytes().startswith(b"\xef\xbb\xbfid;client;")
    code, out, _ = cli(dbfile, capsys, "export", "csv", "--from", "2025-06-02")
    assert len(out.splitlines()) == 1  # the header only


def test_import_csv(dbfile: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "client,channel,audience_tz,audience_time,text\n"
        "Sofia Bakery,tiktok,Europe/Sofia,2025-06-05 10:00,Здравейте\n"
        "Érable Café,x,America/Toronto,2025-06-05 10:00,Salut\n",
        encoding="utf-8",
    )
    code, out, _ = cli(dbfile, capsys, "import", "csv", str(source))
    assert code == 0
    assert out.splitlines() == [f"2 post(s) imported from {source}", "channel created: Sofia Bakery tiktok"]
    assert counts(dbfile)["post"] == 3


def test_import_csv_reports_every_bad_row(
    dbfile: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        "client,channel,audience_tz,audience_time,text\n"
        "Nobody,x,UTC,2025-06-05 10:00,a\n"
        "Érable Café,x,America/Toronto,2025-06-05 10:00,fine\n"
        "Érable Café,x,America/Toronto,2025-03-09 02:15,gap\n",
        encoding="utf-8",
    )
    before = counts(dbfile)
    code, out, err = cli(dbfile, capsys, "import", "csv", str(source))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{source}: line 2: ") and "'Nobody'" in lines[0]
    assert lines[1].startswith(f"{source}: line 4: ") and "03:00" in lines[1]
    assert "nothing imported" in lines[2]
    assert counts(dbfile) == before


# ---------------------------------------------------------------------- bad input


BAD = [
    (["client", "add", "Kiwi", "--tz", "Mars/Olympus"], "'Mars/Olympus'"),
    (["client", "add", "Kiwi", "--tz", "UTC", "--country", "FRA"], "'FRA'"),
    (["client", "add", "Kiwi", "--tz", "UTC", "--colour", "bleu"], "'bleu'"),
    (["client", "add", "ÉRABLE CAFÉ", "--tz", "UTC"], "'ÉRABLE CAFÉ'"),
    (["client", "add", "Kiwi"], "--tz"),
    (["channel", "add", "Nobody", "x"], "'Nobody'"),
    (["channel", "add", "Érable Café", "myspace"], "'myspace'"),
    (["channel", "add", "Érable Café", "x", "--handle", "@erable"], "@erable"),
    (["channel", "add", "Érable Café", "x", "--limit", "lots"], "'lots'"),
    (["post", "add", "--client", "Nobody", "--channel", "x", "--at", "2025-06-01 09:00", "--text", "t"], "'Nobody'"),
    (["post", "add", "--client", "Érable Café", "--channel", "tiktok", "--at", "2025-06-01 09:00", "--text", "t"], "tiktok"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "2025-02-30 09:00", "--text", "t"], "'2025-02-30 09:00'"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "demain", "--text", "t"], "'demain'"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "2025-03-09 02:30", "--text", "t"], "2025-03-09 03:00"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "2025-06-01 09:00", "--tz", "Nowhere", "--text", "t"], "'Nowhere'"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "2025-06-01 09:00", "--fold", "2", "--text", "t"], "choice: 2"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "2025-06-01 09:00", "--text", "é" * 281], "281"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "2025-06-01 09:00", "--text", "t", "--link", "erable.ca"], "'erable.ca'"),
    (["post", "add", "--client", "Érable Café", "--channel", "x", "--at", "2025-06-01 09:00", "--text", "t", "--status", "published"], "'published'"),
    (["post", "list", "--from", "2025-13-01"], "'2025-13-01'"),
    (["post", "list", "--client", "Nobody"], "'Nobody'"),
    (["settings", "set", "home-tz", "Mars/Olympus"], "'Mars/Olympus'"),
    (["settings", "set", "favourite-colour", "blue"], "'favourite-colour'"),
    (["export", "csv", "--from", "2025-06-02", "--to", "2025-06-01"], "2025-06-01"),
    (["export", "csv", "--client", "Nobody"], "'Nobody'"),
    (["export", "csv", "-o", "/nonexistent-folder/out.csv"], "/nonexistent-folder/out.csv"),
    (["import", "csv", "missing.csv"], "'missing.csv'"),
    (["frobnicate"], "'frobnicate'"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "named"), BAD, ids=[" ".join(a)[:60] for a, _ in BAD])
def test_bad_input_is_one_line_exit_2_nothing_written(
    dbfile: Path, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    before = counts(dbfile)
    digest = hashlib.sha256(dbfile.read_bytes()).hexdigest()
    code, out, err = cli(dbfile, capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("nomadcm")
    assert named in err
    assert "Traceback" not in err
    assert counts(dbfile) == before
    assert hashlib.sha256(dbfile.read_bytes()).hexdigest() == digest


def test_bad_database_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("pas une base\n" * 100)
    code, out, err = run(["--db", str(path), "client", "list"], capsys)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and str(path) in err
    assert path.read_text() == "pas une base\n" * 100


# ---------------------------------------------------------------------- which database


def test_db_option_and_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env_db, opt_db = tmp_path / "env.sqlite3", tmp_path / "opt.sqlite3"
    monkeypatch.setenv("NOMADCM_DB", str(env_db))
    assert run(["client", "add", "Depuis env", "--tz", "UTC"], capsys)[0] == 0
    assert run(["--db", str(opt_db), "client", "add", "Depuis option", "--tz", "UTC"], capsys)[0] == 0
    assert [c["name"] for c in json.loads(run(["client", "list", "--json"], capsys)[1])] == ["Depuis env"]
    listed = run(["--db", str(opt_db), "client", "list", "--json"], capsys)[1]
    assert [c["name"] for c in json.loads(listed)] == ["Depuis option"]
    assert env_db.is_file() and opt_db.is_file()


def test_parse_errors_never_create_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fresh.sqlite3"
    code, _out, err = run(["--db", str(path), "client", "add", "Kiwi", "--tz", "Mars/Olympus"], capsys)
    assert code == 2 and "'Mars/Olympus'" in err
    assert not path.exists()
