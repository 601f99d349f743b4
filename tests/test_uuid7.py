"""nomadcm/uuid7.py against RFC 9562 (section 5.7 and its test vector, Appendix A.6), read with the standard
library's own UUID parser as the oracle of version and variant."""

from __future__ import annotations

import time
import uuid

import pytest

from nomadcm.uuid7 import new_uuid7, new_uuid7_texts, uuid7, uuid7_millis

RFC_9562_A6_MILLIS = 0x017F22E279B0  # Tuesday, February 22, 2022 2:22:22.00 PM GMT-05:00
RFC_9562_A6_UUID = uuid.UUID("017F22E2-79B0-7CC3-98C4-DC0C0C07398F")


def test_the_rfc_vector_fields_come_out_where_the_rfc_puts_them() -> None:
    made = uuid7(RFC_9562_A6_MILLIS)
    assert made.version == RFC_9562_A6_UUID.version == 7
    assert made.variant == RFC_9562_A6_UUID.variant == uuid.RFC_4122
    assert made.hex[:12] == RFC_9562_A6_UUID.hex[:12]  # unix_ts_ms, the first 48 bits
    assert uuid7_millis(RFC_9562_A6_UUID) == RFC_9562_A6_MILLIS


def test_a_new_uuid_carries_the_current_millisecond_and_random_bits() -> None:
    before = time.time_ns() // 1_000_000
    made = [uuid.UUID(new_uuid7()) for _ in range(2000)]
    after = time.time_ns() // 1_000_000
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in made)
    assert all(before <= uuid7_millis(u) <= after for u in made)
    assert len({u.int & ((1 << 74) - 1) for u in made}) == len(made)  # the random part differs every time
    assert len(str(made[0])) == 36


def test_uuids_of_later_milliseconds_sort_later() -> None:
    """What makes v7 a good key for a later sync: its text order is its time order (milliseconds apart)."""
    texts = [str(uuid7(ms)) for ms in (1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000)]
    assert texts == sorted(texts)


@pytest.mark.parametrize("ms", [-1, 1 << 48])
def test_a_timestamp_outside_48_bits_is_refused(ms: int) -> None:
    with pytest.raises(ValueError, match="48 bits"):
        uuid7(ms)


def test_texts_made_in_bulk_are_uuids_of_the_current_millisecond_as_new_uuid7_writes_them() -> None:
    before = time.time_ns() // 1_000_000
    texts = new_uuid7_texts(3000)
    after = time.time_ns() // 1_000_000
    made = [uuid.UUID(t) for t in texts]
    assert [str(u) for u in made] == texts  # the stdlib's own 36-character lowercase form
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in made)
    assert all(before <= uuid7_millis(u) <= after for u in made)
    assert len({u.int & ((1 << 74) - 1) for u in made}) == len(made)
    assert new_uuid7_texts(0) == []
