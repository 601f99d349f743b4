"""Posting slots: parsing, DST, free and taken slots, add to queue."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nomadcm.errors import ValidationError
from nomadcm.services.publishing.slots import SlotService, parse_slots
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService


@pytest.fixture
def channel(db):  # type: ignore[no-untyped-def]
    clients = ClientService(db)
    client = clients.add_client("Érable & Co", "America/Toronto")
    return clients.add_channel(client.id, "linkedin")


def test_parse_slots() -> None:
    assert parse_slots("Mo-We 09:00,18:00; Sa 10:30") == sorted(
        [(1, 540), (2, 540), (3, 540), (1, 1080), (2, 1080), (3, 1080), (6, 630)]
    )
    assert parse_slots("sa-lu 08:00") == [(1, 480), (6, 480), (7, 480)]  # wraps the week; French "lu"
    with pytest.raises(ValidationError, match="25:00"):
        parse_slots("Mo 25:00")
    with pytest.raises(ValidationError, match="xx"):
        parse_slots("xx 09:00")


def test_upcoming_slots_follow_the_audience_clock_across_dst(db, channel) -> None:  # type: ignore[no-untyped-def]
    slots = SlotService(db)
    slots.set_slots(channel.id, parse_slots("Sa-Mo 02:30"))
    # Toronto springs forward on Sunday 8 March 2026 at 02:00.
    found = slots.upcoming(channel.id, datetime(2026, 3, 7, 5, tzinfo=UTC), days=2)
    assert [(t.wall, t.gap_shifted) for t in found] == [
        (datetime(2026, 3, 7, 2, 30), False),
        (datetime(2026, 3, 8, 3, 30), True),
        (datetime(2026, 3, 9, 2, 30), False),
    ]
    assert found[2].utc == datetime(2026, 3, 9, 6, 30, tzinfo=UTC)  # EDT


def test_add_to_queue_takes_the_next_free_slot(db, channel) -> None:  # type: ignore[no-untyped-def]
    slots = SlotService(db)
    slots.set_slots(channel.id, parse_slots("Mo-Fr 09:00"))
    start = datetime(2026, 3, 2, 12, tzinfo=UTC)  # Monday 07:00 in Toronto
    PostService(db).add(PostDraft(channel.id, "déjà là", datetime(2026, 3, 2, 9)))
    first = slots.add_to_queue(PostDraft(channel.id, "un", datetime(2000, 1, 1)), after=start)
    second = slots.add_to_queue(PostDraft(channel.id, "deux", datetime(2000, 1, 1)), after=start)
    assert (first.wall, second.wall) == (datetime(2026, 3, 3, 9), datetime(2026, 3, 4, 9))
    taken = [t.free for t in slots.upcoming(channel.id, start, days=3)]
    assert taken == [False, False, False, True]


def test_a_channel_without_slots_says_so(db, channel) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="no posting slots"):
        SlotService(db).next_free(channel.id)
