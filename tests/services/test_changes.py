"""Writes that say what they changed (services/changes.py): each `*_op` names the right areas, and its undo /
redo chain puts the database back exactly (rows compared, `updated_at` aside)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select

from nomadcm.exchange.bulk_import import commit_import_op, preview_import
from nomadcm.exchange.csv_native_import import import_csv_op
from nomadcm.services.changes import (
    CLIENTS,
    CONFLICTS,
    ITINERARY,
    POSTS,
    WELLBEING,
    Change,
)
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput, TransitInput


def dump(db, ids: bool = True) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every row of every table, without the `updated_at` stamps (undo restores values, not clocks); without
    the `id` and `created_at` columns when `ids` is false."""
    meta = MetaData()
    meta.reflect(db.engine)
    out: dict[str, list[tuple]] = {}
    with db.engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            if name.startswith("alembic") or name == "settings":
                continue
            cols = [
                c
                for c in table.columns
                if c.name != "updated_at" and (ids or c.name not in ("id", "created_at"))
            ]
            out[name] = sorted(tuple(map(repr, r)) for r in conn.execute(select(*cols)))
    return out


def check_chain(db, write: Callable[[], Change], areas: set[str], same_ids: bool = True) -> Change:  # type: ignore[no-untyped-def]
    """Runs `write`; undo gives the rows before, redo the rows after, twice over. `same_ids=False`: a redo
    that runs the edit again (splitting a series) makes its new rows under new ids."""
    before = dump(db)
    change = write()
    after = dump(db, same_ids)
    assert after != before
    assert change.areas == frozenset(areas)
    assert change.undo is not None
    undone = change.undo()
    assert dump(db) == before
    assert undone.undo is not None
    redone = undone.undo()
    assert dump(db, same_ids) == after
    assert redone.undo is not None
    redone.undo()
    assert dump(db) == before
    return change


@pytest.fixture
def channel(services):  # type: ignore[no-untyped-def]
    client = services.clients.add_client("Érable", "America/Toronto")
    return services.clients.add_channel(client.id, "x", "@erable")


def draft(channel_id: int, text: str = "Bonjour", **kw) -> PostDraft:  # type: ignore[no-untyped-def]
    return PostDraft(channel_id, text, kw.pop("wall", datetime(2027, 5, 3, 9, 0)), **kw)


def test_posts_add_update_move_status_delete(services, db, channel) -> None:  # type: ignore[no-untyped-def]
    posts = services.posts
    added = check_chain(db, lambda: posts.add_op(draft(channel.id)), {POSTS})
    assert added.label == "add_post"
    post_id = posts.add(draft(channel.id, "Second")).id
    check_chain(db, lambda: posts.add_many_op([draft(channel.id, "a"), draft(channel.id, "b")]), {POSTS})
    check_chain(db, lambda: posts.update_op(post_id, draft(channel.id, "Changed")), {POSTS})
    check_chain(db, lambda: posts.move_op(post_id, datetime(2027, 5, 4, 18, 30)), {POSTS})
    status = check_chain(db, lambda: posts.set_status_op([post_id], "published"), {POSTS})
    assert status.result == 1
    deleted = check_chain(db, lambda: posts.delete_op([post_id]), {POSTS})
    assert (deleted.label, deleted.count) == ("delete_posts", 1)


def test_occurrence_edits(services, db, channel) -> None:  # type: ignore[no-untyped-def]
    post_id = services.posts.add(draft(channel.id, "Daily", rrule="FREQ=DAILY;COUNT=5")).id
    editor = services.occurrence_editor
    third = datetime(2027, 5, 5, 9, 0)
    for scope in ("one", "following", "all"):
        check_chain(
            db,
            lambda scope=scope: editor.op(
                "edit_occurrence",
                lambda: editor.edit(post_id, third, draft(channel.id, "New", wall=third), scope),
            ),
            {POSTS},
            same_ids=scope != "following",
        )
    check_chain(
        db,
        lambda: editor.op("mark_published", lambda: editor.set_status(post_id, third, "published")),
        {POSTS},
    )
    check_chain(
        db,
        lambda: editor.op("delete_occurrence", lambda: editor.delete(post_id, third, "following")),
        {POSTS},
    )


def test_stays_transits_and_acknowledgements(services, db, channel) -> None:  # type: ignore[no-untyped-def]
    trips = services.trips
    stay_input = StayInput("Paris", "Europe/Paris", date(2027, 5, 1), date(2027, 5, 10), "FR")
    added = check_chain(db, lambda: trips.add_stay_op(stay_input), {ITINERARY})
    assert added.subject == "Paris"
    stay = trips.add_stay(stay_input)
    later = StayInput("Paris", "Europe/Paris", date(2027, 5, 2), date(2027, 5, 12), "FR")
    check_chain(db, lambda: trips.update_stay_op(stay.id, later), {ITINERARY})
    check_chain(db, lambda: trips.delete_stay_op(stay.id), {ITINERARY})
    flight = TransitInput(
        "flight",
        "Paris",
        "Europe/Paris",
        "Montréal",
        "America/Toronto",
        datetime(2027, 5, 10, 13),
        datetime(2027, 5, 10, 15, 30),
        "FR",
        "CA",
    )
    check_chain(db, lambda: trips.add_transit_op(flight), {ITINERARY})
    transit = trips.add_transit(flight)
    check_chain(db, lambda: trips.delete_transit_op(transit.id), {ITINERARY})
    post_id = services.posts.add(draft(channel.id)).id
    conflicts = services.conflicts
    check_chain(db, lambda: conflicts.acknowledge_op(post_id, ["sleep"], "fine"), {CONFLICTS, POSTS})
    conflicts.acknowledge(post_id, ["sleep"], "kept")
    check_chain(db, lambda: conflicts.unacknowledge_op(post_id, ["sleep"]), {CONFLICTS, POSTS})
    again = conflicts.acknowledge_op(post_id, ["sleep"])  # already acknowledged: nothing written
    assert again.undo is None


def test_wellbeing_entries(services, db) -> None:  # type: ignore[no-untyped-def]
    wb = services.wellbeing
    start, end = datetime(2027, 3, 26, 14, tzinfo=UTC), datetime(2027, 3, 26, 15, tzinfo=UTC)
    check_chain(db, lambda: wb.add_screen_op("laptop", start, end, activity="moderation"), {WELLBEING})
    check_chain(db, lambda: wb.add_rest_op("break", start, end, note="river"), {WELLBEING})
    screen = wb.add_screen("laptop", start, end)
    rest = wb.add_rest("break", start, end)
    check_chain(db, lambda: wb.update_screen_op(screen.id, activity="writing"), {WELLBEING})
    check_chain(db, lambda: wb.update_rest_op(rest.id, note="park"), {WELLBEING})
    gone = check_chain(db, lambda: wb.delete_entries_op([screen.id], [rest.id]), {WELLBEING})
    assert gone.count == 2


def _native_csv(path: Path) -> Path:
    path.write_text(
        "client,channel,audience_tz,audience_time,text\n"
        "Érable,x:@erable,America/Toronto,2027-05-03 09:00,One\n"
        "Érable,instagram:@erable.new,America/Toronto,2027-05-04 09:00,Two\n",
        encoding="utf-8",
    )
    return path


def test_native_import_is_undone_as_one_step(services, db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _native_csv(tmp_path / "posts.csv")
    change = check_chain(db, lambda: import_csv_op(db, path), {POSTS, CLIENTS})  # a channel was created
    assert change.label == "import_posts"
    assert change.result.imported == 2


def test_bulk_import_is_undone_as_one_step(services, db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "publer.csv"
    path.write_text("Date,Text\n2027-05-03 09:00,Hello\n2027-05-04 10:00,Again\n", encoding="utf-8")
    preview = preview_import(db, path, "publer", channel_id=channel.id)
    if not preview.ok:
        pytest.skip(f"publer sample not accepted here: {preview.errors[0].error}")
    change = check_chain(db, lambda: commit_import_op(db, preview), {POSTS})
    assert change.result == 2
