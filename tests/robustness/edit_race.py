"""One session of tests/robustness/test_concurrent_edits.py, run in a process of its own: adds (every fourth
through the queue, into the channel's next free slot) and read-then-save edits of one shared post, each save
at the version its read saw, as a dialog does."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from nomadcm.errors import StaleEditError, UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft

QUEUE_EVERY = 4  # every fourth add goes through `queue add`


@dataclass
class SessionOutcome:
    tag: str
    stored: int = 0  # adds
    queued: list[int] = field(default_factory=list)  # ids of the posts added through the queue
    accepted: list[tuple[int, int, str]] = field(default_factory=list)  # (version read, version saved, text)
    refused: list[str] = field(default_factory=list)  # StaleEditError messages
    failures: list[str] = field(default_factory=list)  # anything else: "database is locked"...


def run_session(
    target: str,
    channel: int,
    shared_post: int,
    tag: str,
    rounds: int,
    adds_at: datetime,
    queue_from: datetime,
) -> SessionOutcome:
    services = Services.open(target)
    outcome = SessionOutcome(tag)
    rng = random.Random(tag)
    try:
        for i in range(rounds):
            _add(services, outcome, channel, i, adds_at, queue_from)
            _edit(services, outcome, shared_post, i, rng)
    finally:
        services.close()
    return outcome


def _add(
    services: Services, outcome: SessionOutcome, channel: int, i: int, adds_at: datetime, queue_from: datetime
) -> None:
    draft = PostDraft(channel, f"{outcome.tag} add {i}", adds_at + timedelta(minutes=i))
    try:
        if i % QUEUE_EVERY == 0:
            outcome.queued.append(services.slots.add_to_queue(draft, after=queue_from).id)
        else:
            services.posts.add(draft)
        outcome.stored += 1
    except UserError as err:
        outcome.failures.append(f"add {i}: {err}")


def _edit(services: Services, outcome: SessionOutcome, post_id: int, i: int, rng: random.Random) -> None:
    text = f"{outcome.tag} edit {i}"
    try:
        read = services.posts.get(post_id)
        time.sleep(rng.uniform(0, 0.004))  # a person typing, very fast
        draft = read.to_draft()
        draft.text = text
        saved = services.posts.update(post_id, draft, expected_version=read.version)
        outcome.accepted.append((read.version, saved.version, text))
    except StaleEditError as err:
        outcome.refused.append(str(err))
    except UserError as err:
        outcome.failures.append(f"edit {i}: {err}")
