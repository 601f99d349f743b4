"""A NUL character (U+0000) in a text is refused with a message, on SQLite and PostgreSQL alike.

PostgreSQL cannot store one (psycopg raised a DataError traceback from an import); SQLite could, which would
make a file impossible to move to a team database. A post's text is refused by the post check, which names
the row of an import; every other text and every search by the engines' guard (storage/engine.py), which
names the table and column."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from nomadcm.errors import UserError, ValidationError
from nomadcm.exchange.csv_native_import import import_csv
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter


@pytest.fixture
def channel_id(services: Services) -> int:
    client = services.clients.add_client("Érable Café", "America/Toronto")
    return services.clients.add_channel(client.id, "instagram", "@erable").id


def test_a_post_text_with_a_nul_is_refused_by_the_check(services: Services, channel_id: int) -> None:
    with pytest.raises(ValidationError, match=r"NUL character \(\\x00\) at position 4"):
        services.posts.add(PostDraft(channel_id, "Bon\x00jour", datetime(2027, 5, 1, 9)))
    assert services.schedule().count() == 0


def test_an_imported_row_with_a_nul_is_named_and_nothing_is_imported(
    services: Services, channel_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "client,channel,audience_tz,audience_time,text\r\n"
        "Érable Café,instagram,America/Toronto,2027-05-01 09:00,fine\r\n"
        "Érable Café,instagram,America/Toronto,2027-05-02 09:00,bad\x00text\r\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as caught:
        import_csv(services.db, path)
    message = str(caught.value) + " ".join(str(e) for e in getattr(caught.value, "errors", ()))
    assert "NUL" in message and "3" in message  # the file's third line
    assert services.schedule().count() == 0


def test_any_other_text_is_refused_by_the_guard_naming_its_column(services: Services) -> None:
    client = services.clients.add_client("Sofia Bakery", "Europe/Sofia")
    with pytest.raises(ValidationError, match=r"NUL character.*client\.notes"):
        services.clients.update_client(client.id, notes="a\x00b")
    assert services.clients.list_clients()[0].notes == ""


def test_a_search_for_a_nul_is_refused_not_a_driver_error(services: Services, channel_id: int) -> None:
    services.posts.add(PostDraft(channel_id, "Bonjour", datetime(2027, 5, 1, 9)))
    with pytest.raises(ValidationError, match="NUL"):
        services.schedule(ScheduleFilter(search="\x00")).count()


def test_a_bulk_insert_names_the_field_of_a_nul_too(services: Services, channel_id: int) -> None:
    """The posts' bulk insert (plain SQL over SQLite, services/schedule/post_writer.py) tells the engine's
    guard its texts were checked: the drafts' check refuses the NUL, naming the field and the draft."""
    drafts = [
        PostDraft(channel_id, "Bonjour", datetime(2027, 5, 1, 9), notes=notes) for notes in ("", "a\x00b")
    ]
    with pytest.raises(ValidationError, match=r"#2: notes hold a NUL character \(\\x00\) at position 2"):
        services.posts.add_many(drafts)
    assert services.schedule().count() == 0


NUL_IN = {
    "text": "Bon\x00jour",
    "tz": "Europe/Par\x00is",
    "link": "https://exemple.fr/\x00",
    "tags": "promo,lo\x00cal",
    "notes": "a\x00b",
    "status": "sched\x00uled",
    "rrule": "FREQ=DAILY;COUNT=3\x00",
}


def test_every_text_a_bulk_insert_writes_is_checked_for_nul(services: Services, channel_id: int) -> None:
    """The guard's scan is skipped for the bulk insert: every text field of a draft must be refused with a NUL,
    or written without it. A text field added to PostDraft fails here until the check covers it."""
    texts = {f.name for f in fields(PostDraft) if "str" in str(f.type) and f.name not in ("wall", "utc_hint")}
    assert texts == set(NUL_IN), "a PostDraft text field is not covered: check it for NUL, then list it here"
    for name, value in NUL_IN.items():
        values: dict[str, Any] = {"text": "Bonjour", name: value}
        draft = PostDraft(channel_id, wall=datetime(2027, 5, 1, 9), **values)
        try:
            services.posts.add_many([draft])
        except UserError:
            continue
        # written: only a tag may be, the NUL dropped as from any name
        assert name == "tags", f"{name} with a NUL was written"
    with services.db.session() as s:
        stored = s.execute(text("SELECT text, tz, link, tags, notes, status, rrule FROM post")).all()
    assert stored and not any("\x00" in (value or "") for row in stored for value in row)
