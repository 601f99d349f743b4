"""Writes that say what they changed (services/changes.py): each `*_op` names the right areas, and its undo /
redo chain puts the database back exactly (rows compared, `updated_at` aside)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
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
    SETTINGS,
    WELLBEING,
    WORKPLACES,
    Change,
)
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput, TransitInput

# Rows no service addresses by id (an occurrence edit is found by its post and wall time, an acknowledgement
# by its post and kind): a redo puts the same values back under whatever id the database gives. SQLite hands
# a deleted last id out again; a PostgreSQL sequence never does, so there their ids are not compared.
KEYED_BY_VALUES = frozenset({"post_occurrence", "conflict_ack"})


def dump(db, ids: bool = True) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every row of every table, without the `updated_at` stamps and `version` counters (undo restores values,
    not clocks: an undone edit is a new version, so a stale dialog cannot save over it); without the `id`, `uuid` and
    `created_at` columns when `ids` is false. A tuple of databases: each one's rows (on a team database her
    wellbeing is in her own file, services/wellbeing/personal_file.py)."""
    if isinstance(db, tuple):
        return {f"{n}:{name}": rows for n, one in enumerate(db) for name, rows in dump(one, ids).items()}
    sequences = db.engine.dialect.name != "sqlite"
    meta = MetaData()
    with warnings.catch_warnings():  # SQLite's expression indexes (upper(name)) are not reflected: not rows
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        meta.reflect(db.engine)
    out: dict[str, list[tuple]] = {}
    with db.engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            if name.startswith("alembic") or name == "settings":
                continue
            keep_ids = ids and not (sequences and name in KEYED_BY_VALUES)
            # Rows keyed by their values are made again by a redo, under a new UUID too: their identity is
            # their key (post and occurrence, post and kind), not their UUID.
            ignored = ("updated_at", "version", *(("uuid",) if name in KEYED_BY_VALUES else ()))
            cols = [
                c
                for c in table.columns
                if c.name not in ignored and (keep_ids or c.name not in ("id", "uuid", "created_at"))
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
    db = (db, services.personal_db)  # the same file on SQLite; her own file beside a team database
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


# ---------------------------------------------------------------------- clients, workplaces, slots, imports

DATA = Path(__file__).parent.parent / "data"


def test_clients_and_channels(services, db, channel) -> None:  # type: ignore[no-untyped-def]
    clients = services.clients
    added = check_chain(db, lambda: clients.add_client_op("Zèbre", "Europe/Paris", country="FR"), {CLIENTS})
    assert added.label == "add_client" and added.subject == "Zèbre"
    check_chain(
        db, lambda: clients.update_client_op(channel.client_id, notes="VIP", colour="#123456"), {CLIENTS}
    )
    check_chain(db, lambda: clients.add_channel_op(channel.client_id, "mastodon", "@erable"), {CLIENTS})
    check_chain(db, lambda: clients.update_channel_op(channel.id, "@erable2", 100), {CLIENTS})
    # A client deleted with its channels, slots, posts, a series' exceptions and acknowledgements, and the
    # screen time filed under it: undo puts back every row, under the same ids.
    other = clients.add_channel(channel.client_id, "instagram", "@erable.pain")
    services.slots.set_slots(channel.id, [(1, 540), (3, 600)])
    post = services.posts.add(draft(channel.id))
    series = services.posts.add(draft(other.id, "Weekly", rrule="FREQ=WEEKLY;COUNT=4"))
    third = datetime(2027, 5, 17, 9, 0)
    services.occurrence_editor.set_status(series.id, third, "published")  # an exception of the series
    services.conflicts.acknowledge(post.id, ["sleep"], "kept")
    start, end = datetime(2027, 3, 26, 14, tzinfo=UTC), datetime(2027, 3, 26, 15, tzinfo=UTC)
    services.wellbeing.add_screen("laptop", start, end, client_id=channel.client_id)
    gone = check_chain(db, lambda: clients.delete_client_op(channel.client_id), {CLIENTS, POSTS})
    assert gone.label == "delete_client" and gone.subject == "Érable"
    check_chain(db, lambda: clients.delete_channel_op(other.id), {CLIENTS, POSTS})


def test_undoing_a_new_client_refuses_once_it_has_posts(services, db) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.errors import UserError

    added = services.clients.add_client_op("Zèbre", "Europe/Paris")
    ch = services.clients.add_channel(added.result.id, "x")
    services.posts.add(draft(ch.id))
    with pytest.raises(UserError):
        added.undo()  # type: ignore[misc]
    assert services.clients.find_client("Zèbre").id == added.result.id


def test_workplaces(services, db) -> None:  # type: ignore[no-untyped-def]
    wp = services.workplaces
    db = (db, services.personal_db)  # "worked here" sessions: her own file beside a team database
    added = check_chain(db, lambda: wp.add_place_op("Lab", city="Lisbon", tz="Europe/Lisbon"), {WORKPLACES})
    assert added.subject == "Lab"
    place = wp.add_place("Second Home", city="Lisbon", tz="Europe/Lisbon")
    check_chain(db, lambda: wp.update_place_op(place.id, notes="quiet upstairs", score_quiet=4), {WORKPLACES})
    at = datetime(2026, 3, 26, 10, tzinfo=UTC)
    check_chain(db, lambda: wp.add_speed_test_op(place.id, 80, 20, 12, at=at), {WORKPLACES})
    test = wp.add_speed_test(place.id, 50, 10, at=at)
    check_chain(db, lambda: wp.delete_speed_test_op(test.id), {WORKPLACES})
    start, end = datetime(2026, 3, 26, 9, tzinfo=UTC), datetime(2026, 3, 26, 11, tzinfo=UTC)
    check_chain(db, lambda: wp.log_work_op(place.id, start, end, activity="replies"), {WORKPLACES, WELLBEING})
    session = wp.log_work(place.id, start + timedelta(days=1), end + timedelta(days=1))
    check_chain(db, lambda: wp.delete_work_session_op(session.id), {WORKPLACES, WELLBEING})
    stay = services.trips.add_stay(
        StayInput("Lisbon", "Europe/Lisbon", date(2027, 5, 1), date(2027, 5, 9), "PT")
    )
    check_chain(db, lambda: wp.add_to_checklist_op(stay.id, [place.id]), {WORKPLACES})
    wp.add_to_checklist(stay.id, [place.id])
    item = wp.checklist(stay.id)[0]
    check_chain(db, lambda: wp.update_checklist_item_op(item.id, tested=True, note="fast"), {WORKPLACES})
    check_chain(db, lambda: wp.remove_from_checklist_op(item.id), {WORKPLACES})
    # Deleting a place takes its tests and checklist entries and empties its sessions' place: all back.
    check_chain(db, lambda: wp.delete_place_op(place.id), {WORKPLACES, WELLBEING})


def test_places_import_and_reimport_are_undone_as_one_step(services, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.exchange.places_io import import_places_op

    first = check_chain(db, lambda: import_places_op(db, DATA / "osm_montreal.geojson"), {WORKPLACES})
    assert first.label == "import_places" and first.count == 3
    path = tmp_path / "places.csv"
    path.write_text("name,city,score_quiet\nA,Lisbon,3\n", encoding="utf-8")
    import_places_op(db, path)
    path.write_text("name,city,score_quiet\nA,Lisbon,5\nB,Lisbon,2\n", encoding="utf-8")
    again = check_chain(db, lambda: import_places_op(db, path), {WORKPLACES})  # one update, one insert
    assert (again.result.added, again.result.updated) == (1, 1)


def test_wellbeing_imports_are_undone_as_one_step(services, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.exchange import rest_csv, sleep_android
    from nomadcm.exchange.wellbeing_io import import_op, read_text

    path = DATA / "wellbeing" / "wellbeing.csv"
    done = check_chain(
        db, lambda: import_op(db, lambda: rest_csv.import_file(db, path), "wellbeing.csv"), {WELLBEING}
    )
    assert done.label == "import_wellbeing" and done.count > 0
    sleep = DATA / "wellbeing" / "sleep-export.csv"
    nights = sleep_android.parse(read_text(sleep), "sleep")
    sleep_android.import_nights(db, nights)
    rerated = tmp_path / "sleep.csv"
    rerated.write_text(read_text(sleep).replace('"4.0"', '"2.0"'), encoding="utf-8")
    nights = sleep_android.parse(read_text(rerated), "sleep")
    check_chain(db, lambda: import_op(db, lambda: sleep_android.import_nights(db, nights)), {WELLBEING})


def test_posting_slots(services, db, channel) -> None:  # type: ignore[no-untyped-def]
    services.slots.set_slots(channel.id, [(1, 540)])
    change = check_chain(db, lambda: services.slots.set_slots_op(channel.id, [(2, 600), (4, 660)]), {POSTS})
    assert change.label == "set_slots"


def test_settings_are_announced_not_undone(services) -> None:  # type: ignore[no-untyped-def]
    change = services.settings.save_op("Europe/Lisbon", {"language": "fr"})
    assert change.undo is None and change.areas == frozenset({SETTINGS, ITINERARY, WELLBEING})
    assert change.result["home_tz"] == "Europe/Lisbon"
    assert services.settings.save_op("Europe/Lisbon", {"language": "fr"}).areas == frozenset()
