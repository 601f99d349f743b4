"""Migration 0008 on a file an older NomadCM (0007) left: stays and transits become the itinerary of the member
who made them, every shared row gets a UUIDv7 (RFC 9562, read back with the stdlib's `uuid`), screen sessions
name their client and place by UUID; and the models give every shared table its `uuid`."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from nomadcm.models import Base
from nomadcm.storage import open_database
from tests.storage.older_files import file_at

pytestmark = pytest.mark.sqlite_only

# Tables that are no team row: settings (keyed by name), a member's private wellbeing, a machine's reminders,
# a client's event preferences (keyed by the client).
NOT_SHARED = {
    "setting",
    "member_setting",
    "screen_session",
    "rest_period",
    "app_usage",
    "post_reminder",
    "client_event_prefs",
}


def test_every_shared_table_has_a_unique_uuid_column() -> None:
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_SHARED:
            continue
        assert "uuid" in table.columns, f"{table.name} has no uuid"
        assert any(idx.unique and [c.name for c in idx.columns] == ["uuid"] for idx in table.indexes), (
            f"{table.name}.uuid is not unique"
        )


def test_0008_on_a_lone_cms_file_leaves_her_travels_nobodys(tmp_path: Path) -> None:
    path = tmp_path / "alone.sqlite3"
    file_at(path, "0007_team_members")
    raw = sqlite3.connect(path)
    with raw:
        raw.execute(
            "INSERT INTO stay (city, tz, first_date, last_date, notes, start_utc, end_utc, updated_at) VALUES "
            "('Paris', 'Europe/Paris', '2026-03-01', '2026-03-05', '', '2026-02-28 23:00:00', "
            "'2026-03-05 23:00:00', '2026-02-01 10:00:00')"
        )
    raw.close()
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT member_id FROM stay")).scalars().all() == [None]
    finally:
        db.close()


def test_0008_gives_owners_uuids_and_references(tmp_path: Path) -> None:
    path = tmp_path / "older.sqlite3"
    file_at(path, "0007_team_members")
    raw = sqlite3.connect(path)
    with raw:
        raw.execute(
            "INSERT INTO member (id, uuid, name, email, created_at) "
            "VALUES (1, '0190e3f0-0000-7000-8000-000000000001', 'Ana', 'ana@example.org', '2026-01-01 00:00:00')"
        )
        for created_by in (1, None):
            raw.execute(
                "INSERT INTO stay (city, tz, first_date, last_date, notes, start_utc, end_utc, updated_at, "
                "created_by) VALUES ('Paris', 'Europe/Paris', '2026-03-01', '2026-03-05', '', "
                "'2026-02-28 23:00:00', '2026-03-05 23:00:00', '2026-02-01 10:00:00', ?)",
                (created_by,),
            )
        raw.execute(
            "INSERT INTO transit (kind, from_place, from_tz, to_place, to_tz, depart_local, depart_fold, "
            "arrive_local, arrive_fold, depart_utc, arrive_utc, ref, notes, updated_at, created_by) VALUES "
            "('flight', 'Paris', 'Europe/Paris', 'Montréal', 'America/Toronto', '2026-03-06 10:00:00', 0, "
            "'2026-03-06 12:00:00', 0, '2026-03-06 09:00:00', '2026-03-06 17:00:00', '', '', "
            "'2026-02-01 10:00:00', 1)"
        )
        raw.execute(
            "INSERT INTO client (id, name, audience_tz, colour, notes, prime_start_min, prime_end_min, "
            "created_at, uuid) VALUES (1, 'Acme', 'Europe/Paris', '#123456', '', 540, 1080, "
            "'2026-01-01 00:00:00', '0190e3f0-0000-7000-8000-00000000c1e0')"
        )
        raw.execute(
            "INSERT INTO workplace (id, name, kind, address, city, ssid, wifi_password, price, opening_hours, "
            "food, notes, favourite, extra_tags, created_at) VALUES (1, 'Café', 'cafe', '', 'Paris', '', '', "
            "'', '', 0, '', 0, '', '2025-06-01 08:00:00')"
        )
        raw.execute(
            "INSERT INTO screen_session (device, start_utc, end_utc, tz, client_id, workplace_id, activity, "
            "source) VALUES ('laptop', '2026-03-02 09:00:00', '2026-03-02 10:00:00', 'Europe/Paris', 1, 1, "
            "'', 'manual')"
        )
        raw.execute(
            "INSERT INTO contract (client_id, kind, currency, rate_minor, start_date, tracked_billable, "
            "created_at) VALUES (1, 'hourly', 'EUR', 5000, '2026-01-01', 1, '2026-01-02 00:00:00')"
        )
    raw.close()
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            # made by Ana, and made before anyone joined: both the founder's (the first member)
            assert conn.execute(text("SELECT member_id FROM stay ORDER BY id")).scalars().all() == [1, 1]
            assert conn.execute(text("SELECT member_id FROM transit")).scalar_one() == 1
            found = []
            for table in ("stay", "transit", "workplace", "contract"):
                for value in conn.execute(text(f"SELECT uuid FROM {table}")).scalars():
                    parsed = uuid.UUID(value)
                    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122, (table, value)
                    found.append(value)
            assert len(set(found)) == len(found) == 5
            workplace_uuid = conn.execute(text("SELECT uuid FROM workplace")).scalar_one()
            # the UUID's time is the row's creation (RFC 9562: 48-bit Unix milliseconds first)
            assert uuid.UUID(workplace_uuid).int >> 80 == 1748764800000
            refs = conn.execute(text("SELECT client_uuid, workplace_uuid FROM screen_session")).one()
            assert tuple(refs) == ("0190e3f0-0000-7000-8000-00000000c1e0", workplace_uuid)
    finally:
        db.close()
