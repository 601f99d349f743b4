"""Four processes adding posts to the same client at once, on the pass's engine (a SQLite file, or the team
database on PostgreSQL): every add is stored, none fails ("database is locked", a serialization error...).

Lost updates between members (two edits of one post) need the version counters of issue 13's next step.
"""

from __future__ import annotations

from datetime import datetime

from db_counts import count_rows
from robust_setup import add_client_channel, add_posts_in_processes

from nomadcm.services.container import Services

PROCESSES, ADDS = 4, 100
START = datetime(2027, 6, 1, 8, 0)


def test_four_processes_store_every_post(db_arg: str) -> None:
    channel = add_client_channel(db_arg, "Érable Café", "America/Toronto")
    tags = [f"p{n}" for n in range(PROCESSES)]
    outcomes = add_posts_in_processes(db_arg, channel, tags, ADDS, START)
    assert [o[1] for o in outcomes] == [[]] * PROCESSES  # not one refusal
    assert sum(o[0] for o in outcomes) == PROCESSES * ADDS
    assert count_rows(db_arg, ("post",)) == {"post": PROCESSES * ADDS}
    services = Services.open(db_arg)
    try:
        texts = sorted(o.text for o in services.schedule().stream())
    finally:
        services.close()
    assert texts == sorted(f"{t} {i}" for t in tags for i in range(ADDS))
