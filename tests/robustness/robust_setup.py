"""What the robustness tests share: running the CLI in-process, a small database built through the CLI, posts
as an older NomadCM could have stored them (written with sqlite3, past every check of today), and writers
adding posts to one database at once (threads or processes of their own)."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft

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
    return run_cli(argv, capsys)


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


def add_client_channel(target: str, client: str, zone: str) -> int:
    """A client in `zone` with an instagram channel, in the database `target` (a file or a URL); the channel's id."""
    services = Services.open(target)
    try:
        added = services.clients.add_client(client, zone)
        return services.clients.add_channel(added.id, "instagram").id
    finally:
        services.close()


def add_posts(target: str, channel: int, tag: str, count: int, start: datetime) -> tuple[int, list[str]]:
    """`count` adds ("TAG i" at `start` + i minutes), one transaction each, through the services of a
    connection of its own: (stored, refusals). Any UserError — "locked" included — is a refusal."""
    services = Services.open(target)
    stored, refusals = 0, []
    try:
        for i in range(count):
            try:
                services.posts.add(PostDraft(channel, f"{tag} {i}", start + timedelta(minutes=i)))
                stored += 1
            except UserError as err:
                refusals.append(str(err))
    finally:
        services.close()
    return stored, refusals


def _add_posts_worker(args: tuple[str, int, str, int, datetime], results: Any) -> None:
    results.put(add_posts(*args))


def add_posts_in_processes(
    target: str, channel: int, tags: list[str], count: int, start: datetime
) -> list[tuple[int, list[str]]]:
    """`add_posts` in one spawned process per tag, all at once; their outcomes (every process exited 0)."""
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_add_posts_worker, args=((target, channel, t, count, start), results))
        for t in tags
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return outcomes


def _call_worker(worker: Any, args: tuple[Any, ...], results: Any) -> None:
    results.put(worker(*args))


def in_processes(worker: Any, arg_tuples: list[tuple[Any, ...]], timeout: float = 240) -> list[Any]:
    """`worker(*args)` in one spawned process per tuple, all at once (a module-level function, importable
    in the child); their return values, in the order they finished (every process exited 0)."""
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    procs = [ctx.Process(target=_call_worker, args=(worker, args, results)) for args in arg_tuples]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=timeout) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return outcomes
