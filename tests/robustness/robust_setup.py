"""What the robustness tests of exports, dates and links share: running the CLI in-process, a small database
built through the CLI, and posts as an older NomadCM could have stored them (written with sqlite3, past every
check of today)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from nomadcm.cli import main

SETUP = [
    ["settings", "set", "home-tz", "Europe/Paris"],
    ["client", "add", "Acme", "--tz", "Europe/Paris"],
    ["channel", "add", "Acme", "x"],
    ["post", "add", "--client", "Acme", "--channel", "x", "--at", "2030-03-04 10:00", "--text", "good one"],
    [
        "post", "add", "--client", "Acme", "--channel", "x", "--at", "2030-03-05 10:00", "--text", "good two",
        "--link", "https://acme.example/two",
    ],
]  # fmt: skip

# Stored the way the models store them (naive UTC text with microseconds), as an older version let them in.
BAD_POSTS = {
    "year 9999": ("9999-12-31 23:59:00.000000", "9999-12-31 22:59:00.000000", ""),
    "year 1": ("0001-01-01 12:00:00.000000", "0001-01-01 11:50:39.000000", ""),
    "CR LF link": (
        "2030-03-06 10:00:00.000000",
        "2030-03-06 09:00:00.000000",
        "https://acme.example/a\r\nX-LINK:1",
    ),
    "hostless link": ("2030-03-07 10:00:00.000000", "2030-03-07 09:00:00.000000", "https://"),
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def build_db(path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    for argv in SETUP:
        code, _out, err = run(["--db", str(path), *argv], capsys)
        assert code == 0, (argv, err)
    return path


def add_bad_posts(path: Path) -> dict[str, int]:
    """The posts of BAD_POSTS, written past today's checks; their ids by name."""
    conn = sqlite3.connect(path)
    try:
        channel_id, created = conn.execute("SELECT channel_id, created_at FROM post ORDER BY id").fetchone()
        ids: dict[str, int] = {}
        for name, (wall, utc, link) in BAD_POSTS.items():
            cur = conn.execute(
                "INSERT INTO post (channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc, "
                "created_at, updated_at) VALUES (?, ?, ?, '', '', 'scheduled', ?, 'Europe/Paris', 0, ?, ?, ?)",
                (channel_id, f"bad: {name}", link, wall, utc, created, created),
            )
            ids[name] = int(cur.lastrowid or 0)
        conn.commit()
    finally:
        conn.close()
    return ids


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
