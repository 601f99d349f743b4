"""No lost edit (issue 13): four processes adding posts to one client and editing one shared post at once, on
the pass's engine (a SQLite file, or the team database on PostgreSQL).

Every add is stored; every edit is either saved on top of the previous saved one or refused with "changed
by <who> at <time> — reload / overwrite" (stored + refused == attempted); the saved edits form one chain of
versions (each read the version the previous one wrote: none was lost), and the post's final text is the
last saved one; nothing fails otherwise ("database is locked"); no two queued posts share a slot.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime

from db_counts import count_rows
from edit_race import QUEUE_EVERY, SessionOutcome, run_session
from robust_setup import add_client_channel, in_processes

from nomadcm.services.container import Services
from nomadcm.services.publishing.slots import parse_slots
from nomadcm.services.schedule.post_writes import PostDraft

PROCESSES, ROUNDS = 4, 100
QUEUE_FROM = datetime(2031, 1, 6, 5, 0, tzinfo=UTC)  # Monday 00:00 in Toronto: the queue fills from here
ADDS_AT = datetime(2030, 6, 1, 8, 0)  # the plain adds, far from the slots
SLOTS = "Mo-Su " + ",".join(f"{h:02d}:00" for h in range(8, 18))  # ten a day
STALE = re.compile(r"^post \d+ was changed by .+ at \d{4}-\d\d-\d\d \d\d:\d\d UTC — reload / overwrite$")


def test_four_sessions_lose_no_edit_and_book_no_slot_twice(db_arg: str) -> None:
    channel = add_client_channel(db_arg, "Érable Café", "America/Toronto")
    services = Services.open(db_arg)
    try:
        services.slots.set_slots(channel, parse_slots(SLOTS))
        shared = services.posts.add(PostDraft(channel, "shared", datetime(2030, 5, 1, 9, 0)))
    finally:
        services.close()

    started = time.monotonic()
    outcomes: list[SessionOutcome] = in_processes(
        run_session,
        [(db_arg, channel, shared.id, f"p{n}", ROUNDS, ADDS_AT, QUEUE_FROM) for n in range(PROCESSES)],
    )
    elapsed = time.monotonic() - started

    assert [o.failures for o in outcomes] == [[]] * PROCESSES  # no "database is locked", nothing else
    assert sum(o.stored for o in outcomes) == PROCESSES * ROUNDS
    assert count_rows(db_arg, ("post",)) == {"post": PROCESSES * ROUNDS + 1}

    accepted = [a for o in outcomes for a in o.accepted]
    refused = [r for o in outcomes for r in o.refused]
    assert len(accepted) + len(refused) == PROCESSES * ROUNDS
    assert refused, "four sessions editing one post at once never collided: the test proves nothing"
    assert all(STALE.match(message) for message in refused), refused[:3]
    chain = sorted(read for read, _saved, _text in accepted)
    assert chain == list(range(shared.version, shared.version + len(accepted)))  # each on top of the last

    services = Services.open(db_arg)
    try:
        final = services.posts.get(shared.id)
        queued = [services.posts.get(i) for o in outcomes for i in o.queued]
    finally:
        services.close()
    last = max(accepted)  # the save that read the highest version wrote last
    assert final.text == last[2]
    assert final.version == shared.version + len(accepted)

    assert len(queued) == PROCESSES * len(range(0, ROUNDS, QUEUE_EVERY))
    instants = [p.utc for p in queued]
    assert len(set(instants)) == len(instants), "two queued posts share a slot"
    assert all(p.wall.minute == 0 and 8 <= p.wall.hour < 18 and p.tz == "America/Toronto" for p in queued)
    first_days = {p.wall.date() for p in queued}
    assert (
        min(first_days) == datetime(2031, 1, 6).date() and len(first_days) == len(queued) // 10
    )  # no slot skipped
    assert elapsed < 120, f"{elapsed:.1f} s"  # ~40 s is the aim on a loaded 2-core machine
    print(f"\n{len(accepted)} edits saved, {len(refused)} refused; {elapsed:.1f} s")
