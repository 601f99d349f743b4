"""What the CLI prints for people never drives the terminal: control characters are shown as escapes.

Names are cleaned when they are written (services/names.py); these tests put raw ones in the file behind
NomadCM's back (an older version, another program) and check the output side (cli/common.py)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from nomadcm.cli import main
from nomadcm.cli.common import terminal_text

ESC = "\x1b"
RAW = f"Evil{ESC}[2J{ESC}]0;pwned\x07\r\u202eoops\x9b"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def no_controls(text: str) -> bool:
    """Nothing a terminal acts on but line breaks (and tabs)."""
    return not any(
        (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F or 0x202A <= ord(ch) <= 0x202E
        for ch in text
    )


def test_terminal_text_escapes_every_control() -> None:
    assert terminal_text(f"a{ESC}[2Jb") == "a\\x1b[2Jb"
    assert terminal_text("bell\x07 del\x7f csi\x9b rlo\u202e") == "bell\\x07 del\\x7f csi\\x9b rlo\\u202e"
    assert terminal_text("two\nlines\ttab\r") == "two\nlines\ttab\\x0d"
    assert terminal_text("two\nlines\ttab", multiline=False) == "two\\x0alines\\x09tab"
    assert terminal_text("Café <b> & co") == "Café <b> & co"
    assert terminal_text(None) == "" and terminal_text(42) == "42"


def _db_with_raw_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "n.sqlite3"
    assert run(["--db", str(db), "client", "add", "Plain", "--tz", "Europe/Paris"], capsys)[0] == 0
    assert run(["--db", str(db), "channel", "add", "Plain", "x", "--handle", "@p"], capsys)[0] == 0
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE client SET name = ?", (RAW,))
        conn.execute("UPDATE channel SET handle = ?", (RAW,))
    conn.close()
    return db


def test_client_list_escapes_a_raw_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _db_with_raw_names(tmp_path, capsys)
    code, out, _err = run(["--db", str(db), "client", "list"], capsys)
    assert code == 0 and no_controls(out)
    assert "Evil\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\u202eoops\\x9b" in out


def test_json_output_stays_valid_and_harmless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _db_with_raw_names(tmp_path, capsys)
    code, out, _err = run(["--db", str(db), "client", "list", "--json"], capsys)
    assert code == 0 and no_controls(out)
    data = json.loads(out)
    assert data[0]["name"] == RAW and data[0]["channels"][0]["handle"] == RAW  # the data itself, unchanged


def test_lines_and_errors_escape_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "n.sqlite3"
    code, out, _err = run(["--db", str(db), "client", "add", f"Evil{ESC}[2J", "--tz", "Europe/Paris"], capsys)
    assert code == 0 and no_controls(out) and "Evil[2J" in out  # stored without the ESC
    code, _out, err = run(["--db", str(db), "client", "add", "X", "--tz", f"Mars/{ESC}[2J"], capsys)
    assert code == 2 and no_controls(err) and err.count("\n") == 1
    code, _out, err = run(["--db", str(db), "post", "list", "--status", f"{ESC}[2J"], capsys)
    assert code == 2 and no_controls(err)
