"""Four processes adding posts to the same client at once, on the pass's engine (a SQLite file, or the team
database on PostgreSQL): every add is stored, none fails ("database is locked", a serialization error...).

Lost updates between members (two edits of one post) need the version counters of issue 13's next step.
"""

from __future__ import annotations

import multiprocessing
from datetime import datetime, timedelta
from typing import Any

from db_counts import count_rows

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft

PROCESSES, ADDS = 4, 100
START = datetime(2027, 6, 1, 8, 0)


def add_posts(target: str, channel: int, tag: str, count: int) -> tuple[int, list[str]]:
    """`count` adds, one transaction each, through the services of a connection of its own."""
    services = Services.open(target)
    stored, refusals = 0, []
    try:
        for i in range(count):
            try:
                services.posts.add(PostDraft(channel, f"{tag} {i}", START + timedelta(minutes=i)))
                stored += 1
            except UserError as err:
                refusals.append(str(err))
    finally:
        services.close()
    return stored, refusals


def _worker(args: tuple[str, int, str, int], results: Any) -> None:
    results.put(add_posts(*args))


def test_four_processes_store_every_post(db_arg: str) -> None:
    services = Services.open(db_arg)
    try:
        client = services.clients.add_client("Érable Café", "America/Toronto")
        channel = services.clients.add_channel(client.id, "instagram").id
    finally:
        services.close()
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    tags = [f"p{n}" for n in range(PROCESSES)]
    procs = [ctx.Process(target=_worker, args=((db_arg, channel, t, ADDS), results)) for t in tags]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert [o[1] for o in outcomes] == [[]] * PROCESSES  # not one refusal
    assert sum(o[0] for o in outcomes) == PROCESSES * ADDS
    assert count_rows(db_arg, ("post",)) == {"post": PROCESSES * ADDS}
    services = Services.open(db_arg)
    try:
        texts = sorted(o.text for o in services.schedule().stream())
    finally:
        services.close()
    assert texts == sorted(f"{t} {i}" for t in tags for i in range(ADDS))
