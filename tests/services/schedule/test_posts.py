"""PostService: wall time + zone as the truth, the derived instant, validation, keyset paging, undoable delete."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select, text

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Post, Stay
from nomadcm.services.schedule.clients import ChannelInfo, ClientService
from nomadcm.services.schedule.post_fields import split_tags
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.series import Occurrence
from nomadcm.services.schedule.zone_rule_updates import RULES_VERSION_KEY, ensure_instants_current
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database


@pytest.fixture
def posts(db: Database) -> PostService:
    return PostService(db)


@pytest.fixture
def erable(db: Database) -> ChannelInfo:
    """Érable Café (Montréal audience) on X: a 280-character limit."""
    clients = ClientService(db)
    c = clients.add_client("Érable Café", "America/Toronto", country="CA")
    return clients.add_channel(c.id, "x", "@erable")


@pytest.fixture
def sofia(db: Database) -> ChannelInfo:
    clients = ClientService(db)
    c = clients.add_client("Sofia Bakery", "Europe/Sofia", country="BG")
    return clients.add_channel(c.id, "instagram")


def post_count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Post)) or 0)


def listed(db: Database, flt: ScheduleFilter | None = None) -> list[Occurrence]:
    """Every row the schedule query lists for `flt`, in (utc, id) order."""
    return list(ScheduleQuery(db, flt).stream())


def raw_rows(db: Database) -> list[tuple]:  # type: ignore[type-arg]
    """The post table exactly as stored: plain SQL on the driver, none of the models' column types."""
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.exec_driver_sql("SELECT * FROM post ORDER BY id")]


# ---------------------------------------------------------------------- adding


def test_zone_defaults_to_the_clients_audience(posts: PostService, erable: ChannelInfo) -> None:
    p = posts.add(PostDraft(erable.id, "Bon matin!", datetime(2025, 7, 1, 9, 0, 45)))
    assert p.tz == "America/Toronto"
    assert p.wall == datetime(2025, 7, 1, 9, 0)  # seconds dropped: minutes are what a person plans
    assert p.utc == datetime(2025, 7, 1, 13, 0, tzinfo=UTC)
    assert p.status == "scheduled" and p.fold == 0
    assert (p.client_name, p.network, p.handle, p.text_limit) == ("Érable Café", "x", "@erable", 280)


def test_explicit_zone_is_used_and_canonical(posts: PostService, erable: ChannelInfo) -> None:
    p = posts.add(PostDraft(erable.id, "Depuis Paris", datetime(2025, 7, 1, 9, 0), tz="europe/paris"))
    assert p.tz == "Europe/Paris"
    assert p.utc == datetime(2025, 7, 1, 7, 0, tzinfo=UTC)


def test_half_and_quarter_hour_zones(posts: PostService, erable: ChannelInfo) -> None:
    p = posts.add(PostDraft(erable.id, "Namaste", datetime(2025, 1, 15, 9, 0), tz="Asia/Kathmandu"))
    assert p.utc == datetime(2025, 1, 15, 3, 15, tzinfo=UTC)


def test_gap_is_refused_with_the_proposal_and_nothing_written(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    with pytest.raises(timezones.NonExistentTimeError) as caught:
        posts.add(PostDraft(erable.id, "Trop tôt", datetime(2025, 3, 9, 2, 30)))
    assert caught.value.gap.end == datetime(2025, 3, 9, 3, 0)
    assert "first valid time is 2025-03-09 03:00" in str(caught.value)
    assert isinstance(caught.value, ValidationError)
    assert post_count(db) == 0


@pytest.mark.parametrize(("fold", "utc_hour"), [(0, 5), (1, 6)])
def test_fold_picks_the_occurrence(posts: PostService, erable: ChannelInfo, fold: int, utc_hour: int) -> None:
    p = posts.add(PostDraft(erable.id, "Heure de l'Est", datetime(2025, 11, 2, 1, 30), fold=fold))
    assert p.utc == datetime(2025, 11, 2, utc_hour, 30, tzinfo=UTC)
    assert p.fold == fold


def test_text_over_the_limit_is_refused_unless_draft(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    posts.add(PostDraft(erable.id, "é" * 280, datetime(2025, 7, 1, 9)))  # exactly the limit: fine
    with pytest.raises(ValidationError) as caught:
        posts.add(PostDraft(erable.id, "é" * 281, datetime(2025, 7, 1, 10)))
    assert "281" in str(caught.value) and "280" in str(caught.value)
    assert post_count(db) == 1
    draft = posts.add(PostDraft(erable.id, "é" * 281, datetime(2025, 7, 1, 10), status="draft"))
    assert draft.status == "draft" and len(draft.text) == 281  # kept whole, never cut
    with pytest.raises(ValidationError, match="281"):  # scheduling it needs a shorter text
        posts.update(draft.id, PostDraft(erable.id, draft.text, draft.wall, status="scheduled"))
    assert posts.get(draft.id).status == "draft"


@pytest.mark.parametrize(
    "bad", ["exemple.fr", "ftp://exemple.fr/x", "javascript:alert(1)", "https://", "mailto:cm@exemple.fr"]
)
def test_bad_links_are_refused(db: Database, posts: PostService, erable: ChannelInfo, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        posts.add(PostDraft(erable.id, "Lien", datetime(2025, 7, 1, 9), link=bad))
    assert repr(bad) in str(caught.value)
    assert post_count(db) == 0


@pytest.mark.parametrize(
    "good", ["https://exemple.fr/été?x=1&y=2#z", "http://localhost:8080/", "  https://a.b  "]
)
def test_good_links_are_kept(posts: PostService, erable: ChannelInfo, good: str) -> None:
    p = posts.add(PostDraft(erable.id, "Lien", datetime(2025, 7, 1, 9), link=good))
    assert p.link == good.strip()


def test_tags_are_split_trimmed_and_deduplicated(posts: PostService, erable: ChannelInfo) -> None:
    p = posts.add(
        PostDraft(erable.id, "Tags", datetime(2025, 7, 1, 9), tags=["#promo", " été ", "promo", "", "#Été"])
    )
    assert p.tags == ("promo", "été", "Été")
    assert split_tags("a, b,,#c , a") == ("a", "b", "c")


def test_bad_status_fold_channel_are_refused(db: Database, posts: PostService, erable: ChannelInfo) -> None:
    with pytest.raises(ValidationError, match="'queued'"):
        posts.add(PostDraft(erable.id, "x", datetime(2025, 7, 1, 9), status="queued"))
    with pytest.raises(ValidationError, match="fold"):
        posts.add(PostDraft(erable.id, "x", datetime(2025, 7, 1, 9), fold=2))
    with pytest.raises(NotFoundError, match="999"):
        posts.add(PostDraft(999, "x", datetime(2025, 7, 1, 9)))
    with pytest.raises(ValidationError, match="'Mars/Olympus'"):
        posts.add(PostDraft(erable.id, "x", datetime(2025, 7, 1, 9), tz="Mars/Olympus"))
    assert post_count(db) == 0


# ---------------------------------------------------------------------- changing


def test_update_recomputes_the_instant_and_keeps_created_at(posts: PostService, erable: ChannelInfo) -> None:
    p = posts.add(PostDraft(erable.id, "v1", datetime(2025, 7, 1, 9)))
    draft = p.to_draft()
    draft.text, draft.tz = "v2", "Europe/Paris"
    q = posts.update(p.id, draft)
    assert (q.text, q.tz, q.wall) == ("v2", "Europe/Paris", datetime(2025, 7, 1, 9))
    assert q.utc == datetime(2025, 7, 1, 7, tzinfo=UTC)
    assert q.created_at == p.created_at
    assert q.updated_at >= p.updated_at
    moved = posts.move(p.id, datetime(2025, 10, 26, 2, 30), fold=1)  # Paris fold: the second 02:30
    assert moved.utc == datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    with pytest.raises(timezones.NonExistentTimeError):
        posts.move(p.id, datetime(2025, 3, 30, 2, 30))
    assert posts.get(p.id).utc == moved.utc  # a refused move changes nothing
    with pytest.raises(NotFoundError):
        posts.update(12345, draft)


def test_set_status(posts: PostService, erable: ChannelInfo) -> None:
    a = posts.add(PostDraft(erable.id, "a", datetime(2025, 7, 1, 9)))
    b = posts.add(PostDraft(erable.id, "b", datetime(2025, 7, 1, 10)))
    assert posts.set_status([a.id, b.id], "Published") == 2
    assert {posts.get(a.id).status, posts.get(b.id).status} == {"published"}
    with pytest.raises(ValidationError, match="'sent'"):
        posts.set_status([a.id], "sent")


# ---------------------------------------------------------------------- check (the dialog's live line)


def test_check_lists_problems_without_raising(posts: PostService, erable: ChannelInfo) -> None:
    pv = posts.check(PostDraft(erable.id, "x" * 300, datetime(2025, 3, 9, 2, 30), link="nope"))
    assert not pv.ok
    joined = " | ".join(pv.problems)
    assert "2025-03-09 03:00" in joined and "300" in joined and "'nope'" in joined
    assert pv.text_length == 300 and pv.text_limit == 280
    assert pv.resolution.instant is None and pv.cm is None


def test_check_of_a_fold_says_which_and_where_the_cm_is(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    SettingsService(db).set_home_tz("Europe/Paris")
    pv = posts.check(PostDraft(erable.id, "ok", datetime(2025, 11, 2, 1, 30), fold=1))
    assert pv.ok and pv.tz == "America/Toronto"
    assert pv.resolution.instant == datetime(2025, 11, 2, 6, 30, tzinfo=UTC)
    assert any("second" in n for n in pv.notes)
    assert pv.cm is not None and pv.cm.zone == "Europe/Paris" and pv.cm.at_home
    assert pv.cm_wall == datetime(2025, 11, 2, 7, 30)
    assert post_count(db) == 0


# ---------------------------------------------------------------------- listing


@pytest.fixture
def many(db: Database, posts: PostService, erable: ChannelInfo, sofia: ChannelInfo) -> list[int]:
    """42 posts with many equal instants (same UTC from two zones, and several posts at one time)."""
    ids = []
    for day in range(1, 8):
        for hour in (9, 9, 15):
            ids.append(posts.add(PostDraft(erable.id, f"E {day} {hour}", datetime(2025, 6, day, hour))).id)
            # 16:00 in Sofia (UTC+3) is 09:00 in Toronto (UTC-4): the same instant
            sofia_hour = hour + 7
            ids.append(
                posts.add(PostDraft(sofia.id, f"S {day} {hour}", datetime(2025, 6, day, sofia_hour))).id
            )
    return ids


def expected_order(posts: PostService, ids: list[int]) -> list[int]:
    """The (utc, id) order, from each stored post's own instant (not through the listing)."""
    return sorted(ids, key=lambda i: (posts.get(i).utc, i))


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 41, 42, 200])
def test_keyset_paging_returns_every_row_once_in_order(
    db: Database, posts: PostService, many: list[int], size: int
) -> None:
    query = ScheduleQuery(db)
    seen: list[int] = []
    after = None
    while True:
        page = query.rows(after=after, limit=size)
        seen.extend(r.post_id for r in page)
        if len(page) < size:
            break
        after = (page[-1].utc, page[-1].post_id)
    assert seen == expected_order(posts, many)
    assert seen == [o.post_id for o in listed(db)]
    assert sorted(seen) == sorted(many)
    instants = [posts.get(i).utc for i in seen]
    assert len(set(instants)) < len(instants)  # the fixture really has ties


@pytest.mark.parametrize("size", [1, 4, 200])
def test_keyset_paging_backwards(db: Database, posts: PostService, many: list[int], size: int) -> None:
    query = ScheduleQuery(db)
    seen: list[int] = []
    after = None
    while True:
        page = query.rows(after=after, limit=size, descending=True)
        seen.extend(r.post_id for r in page)
        if len(page) < size:
            break
        after = (page[-1].utc, page[-1].post_id)
    assert seen == expected_order(posts, many)[::-1]


def test_schedule_rows_carry_the_three_times(db: Database, posts: PostService, erable: ChannelInfo) -> None:
    SettingsService(db).set_home_tz("Asia/Kathmandu")
    posts.add(PostDraft(erable.id, "ligne 1\nligne 2", datetime(2025, 1, 15, 9, 0), tags=["a", "b"]))
    (row,) = ScheduleQuery(db).rows()
    assert (row.wall, row.tz, row.tz_abbr) == (datetime(2025, 1, 15, 9, 0), "America/Toronto", "EST")
    assert row.utc == datetime(2025, 1, 15, 14, 0, tzinfo=UTC)
    assert (row.cm_zone, row.cm_wall, row.cm_abbr) == (
        "Asia/Kathmandu",
        datetime(2025, 1, 15, 19, 45),
        "+0545",
    )
    assert (row.client_name, row.network, row.handle, row.status) == (
        "Érable Café",
        "x",
        "@erable",
        "scheduled",
    )
    assert row.text == "ligne 1\nligne 2" and row.tag_list == ("a", "b")


def test_cm_time_follows_a_stay(db: Database, posts: PostService, erable: ChannelInfo) -> None:
    with db.write() as s:  # a stay in Lisbon 10-20 June 2025, written directly
        start = timezones.local_midnight(date(2025, 6, 10), "Europe/Lisbon")
        end = timezones.local_midnight(date(2025, 6, 21), "Europe/Lisbon")
        s.add(
            Stay(
                city="Lisboa",
                country="PT",
                tz="Europe/Lisbon",
                first_date=date(2025, 6, 10),
                last_date=date(2025, 6, 20),
                start_utc=start,
                end_utc=end,
            )
        )
    posts.add(PostDraft(erable.id, "pendant", datetime(2025, 6, 15, 9)))
    posts.add(PostDraft(erable.id, "après", datetime(2025, 6, 25, 9)))
    during, after = ScheduleQuery(db).rows()
    assert (during.cm_zone, during.cm_wall, during.cm.place) == (
        "Europe/Lisbon",
        datetime(2025, 6, 15, 14),
        "Lisboa, PT",
    )
    assert after.cm_zone == SettingsService(db).home_tz()


def test_filters(db: Database, posts: PostService, many: list[int], erable: ChannelInfo) -> None:
    erable_only = listed(db, ScheduleFilter(client_id=erable.client_id))
    assert len(erable_only) == 21 and {p.client_name for p in erable_only} == {"Érable Café"}
    by_name = listed(db, ScheduleFilter(client_name="ÉRABLE CAFÉ"))
    assert [p.post_id for p in by_name] == [p.post_id for p in erable_only]
    with pytest.raises(NotFoundError, match="'Nobody'"):
        ScheduleQuery(db, ScheduleFilter(client_name="Nobody"))
    posts.set_status([erable_only[0].post_id], "draft")
    assert [p.post_id for p in listed(db, ScheduleFilter(statuses=("draft",)))] == [erable_only[0].post_id]
    assert ScheduleQuery(db, ScheduleFilter(statuses=("scheduled",))).count() == 41
    assert ScheduleQuery(db).count() == 42 == post_count(db)  # no recurring posts: one row per post
    assert len(ScheduleQuery(db).rows(limit=5)) == 5


def test_date_filter_is_the_audience_local_date_inclusive(posts: PostService, db: Database) -> None:
    clients = ClientService(db)
    kiwi = clients.add_channel(clients.add_client("Kiwi Surf", "Pacific/Auckland").id, "facebook")
    walls = [
        datetime(2025, 2, 28, 23, 59),
        datetime(2025, 3, 1, 0, 0),  # 2025-02-28 11:00 UTC: a UTC filter would get this wrong
        datetime(2025, 3, 1, 23, 59),
        datetime(2025, 3, 2, 0, 0),
        datetime(2025, 3, 2, 23, 59),
        datetime(2025, 3, 3, 0, 0),
    ]
    ids = [posts.add(PostDraft(kiwi.id, str(w), w)).id for w in walls]
    one_day = ScheduleFilter(date_from=date(2025, 3, 1), date_to=date(2025, 3, 1))
    assert [p.post_id for p in listed(db, one_day)] == ids[1:3]
    two_days = ScheduleFilter(date_from=date(2025, 3, 1), date_to=date(2025, 3, 2))
    assert [p.post_id for p in listed(db, two_days)] == ids[1:5]
    assert [r.post_id for r in ScheduleQuery(db, two_days).rows()] == ids[1:5]
    assert ScheduleQuery(db, two_days).count() == 4
    assert [p.post_id for p in listed(db, ScheduleFilter(date_from=date(2025, 3, 2)))] == ids[3:]
    assert [p.post_id for p in listed(db, ScheduleFilter(date_to=date(2025, 2, 28)))] == ids[:1]


def test_search_is_literal_text(db: Database, posts: PostService, erable: ChannelInfo) -> None:
    sale = posts.add(PostDraft(erable.id, "Soldes: 50% sur tout", datetime(2025, 7, 1, 9)))
    posts.add(PostDraft(erable.id, "Nouvelle carte_été", datetime(2025, 7, 1, 10)))
    posts.add(PostDraft(erable.id, "Rien à voir", datetime(2025, 7, 1, 11)))
    assert [p.post_id for p in listed(db, ScheduleFilter(search="50%"))] == [sale.id]
    assert [(o.post_id, o.text, o.utc, o.wall) for o in listed(db, ScheduleFilter(search="%"))] == [
        (sale.id, sale.text, sale.utc, sale.wall)
    ]
    assert [p.text for p in listed(db, ScheduleFilter(search="_"))] == ["Nouvelle carte_été"]
    assert [p.text for p in listed(db, ScheduleFilter(search="SOLDES"))] == ["Soldes: 50% sur tout"]


# ---------------------------------------------------------------------- delete and undo


def test_delete_then_restore_gives_back_identical_rows(
    db: Database, posts: PostService, many: list[int]
) -> None:
    before = raw_rows(db)
    victims = [many[0], many[5], many[-1]]
    snapshots = posts.delete(victims)
    assert post_count(db) == len(many) - 3
    with pytest.raises(NotFoundError):
        posts.get(many[5])
    assert posts.restore(snapshots) == victims
    assert raw_rows(db) == before


def test_delete_of_a_missing_post_deletes_nothing(db: Database, posts: PostService, many: list[int]) -> None:
    with pytest.raises(NotFoundError, match="9999"):
        posts.delete([many[0], 9999])
    assert post_count(db) == len(many)
    assert posts.restore([]) == []


def test_ids_are_never_reused_so_undo_restores_the_same_id(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    """The post table is AUTOINCREMENT: a post created after a delete (e.g. by an import) never takes the
    deleted post's id, so Undo brings the old post back under its own id."""
    posts.add(PostDraft(erable.id, "one", datetime(2025, 7, 1, 9)))
    two = posts.add(PostDraft(erable.id, "two", datetime(2025, 7, 1, 10)))
    snapshots = posts.delete([two.id])
    three = posts.add(PostDraft(erable.id, "three", datetime(2025, 7, 1, 11)))  # e.g. from an import
    assert three.id > two.id
    assert posts.restore(snapshots) == [two.id]
    back = posts.get(two.id)
    assert (back.text, back.wall, back.utc, back.created_at) == ("two", two.wall, two.utc, two.created_at)
    assert posts.get(three.id).text == "three"
    assert post_count(db) == 3


def test_restore_when_the_id_is_taken(db: Database, posts: PostService, erable: ChannelInfo) -> None:
    """If a post with that id exists anyway (a database from elsewhere), the old post comes back under a new id."""
    posts.add(PostDraft(erable.id, "one", datetime(2025, 7, 1, 9)))
    two = posts.add(PostDraft(erable.id, "two", datetime(2025, 7, 1, 10)))
    snapshots = posts.delete([two.id])
    with db.write() as s:  # put another post at that id, as an older NomadCM or another tool could
        s.execute(
            text(
                "INSERT INTO post (id, channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc,"
                " created_at, updated_at) SELECT :id, channel_id, 'intruder', link, tags, notes, status,"
                " wall_time, tz, fold, utc, created_at, updated_at FROM post LIMIT 1"
            ),
            {"id": two.id},
        )
    (new_id,) = posts.restore(snapshots)
    assert new_id != two.id
    assert posts.get(new_id).text == "two"
    assert posts.get(two.id).text == "intruder"
    assert post_count(db) == 3


def test_restore_after_the_channel_is_gone(db: Database, posts: PostService, erable: ChannelInfo) -> None:
    p = posts.add(PostDraft(erable.id, "one", datetime(2025, 7, 1, 9)))
    snapshots = posts.delete([p.id])
    ClientService(db).delete_channel(erable.id)
    with pytest.raises(NotFoundError, match="no longer exists"):
        posts.restore(snapshots)
    assert post_count(db) == 0


# ---------------------------------------------------------------------- zone rules updates


def test_instants_follow_wall_times_when_the_rules_version_changes(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    a = posts.add(PostDraft(erable.id, "a", datetime(2025, 7, 1, 9)))
    b = posts.add(PostDraft(erable.id, "b", datetime(2025, 11, 2, 1, 30), fold=1))
    c = posts.add(PostDraft(erable.id, "c", datetime(2025, 3, 9, 4, 0)))
    assert ensure_instants_current(db) == 0  # first start: nothing to move, the version is recorded
    assert SettingsService(db).get(RULES_VERSION_KEY) == timezones.rules_version()
    # Simulate instants computed under older rules: shifted by an hour, and one wall now inside a gap.
    with db.write() as s:
        s.execute(text("UPDATE post SET utc = '2025-07-01 12:00:00.000000' WHERE id = :i"), {"i": a.id})
        s.execute(text("UPDATE post SET wall_time = '2025-03-09 02:30:00.000000' WHERE id = :i"), {"i": c.id})
    assert ensure_instants_current(db) == 0  # same rules version: nothing is recomputed
    assert posts.get(a.id).utc == datetime(2025, 7, 1, 12, tzinfo=UTC)
    SettingsService(db).set(RULES_VERSION_KEY, "1999a")
    assert ensure_instants_current(db, batch=2) == 2
    assert posts.get(a.id).utc == datetime(2025, 7, 1, 13, tzinfo=UTC)
    assert posts.get(b.id).utc == datetime(2025, 11, 2, 6, 30, tzinfo=UTC)  # the fold is kept
    assert posts.get(c.id).utc == datetime(2025, 3, 9, 7, 30, tzinfo=UTC)  # 02:30 moved past the gap
    assert SettingsService(db).get(RULES_VERSION_KEY) == timezones.rules_version()
    assert ensure_instants_current(db) == 0


def test_zone_rules_only_go_forwards(posts: PostService, erable: ChannelInfo, db: Database) -> None:
    """A teammate's newer NomadCM recorded a later tzdata release: this older one keeps the instants as they
    are (moving them back would flip them at each member's start) and leaves the record alone."""
    a = posts.add(PostDraft(erable.id, "a", datetime(2025, 7, 1, 9)))
    with db.write() as s:  # as a newer release computed it (a rule change we do not know yet)
        s.execute(text("UPDATE post SET utc = '2025-07-01 12:00:00.000000' WHERE id = :i"), {"i": a.id})
    later = "tzdata 2999a"
    SettingsService(db).set(RULES_VERSION_KEY, later)
    assert ensure_instants_current(db) == 0
    assert posts.get(a.id).utc == datetime(2025, 7, 1, 12, tzinfo=UTC)
    assert SettingsService(db).get(RULES_VERSION_KEY) == later
    SettingsService(db).set(RULES_VERSION_KEY, "tzdata 2016j")  # an older release: recomputed forwards
    assert ensure_instants_current(db) == 1
    assert posts.get(a.id).utc == datetime(2025, 7, 1, 13, tzinfo=UTC)


@pytest.mark.parametrize(
    ("stored", "ours", "newer"),
    [
        ("tzdata 2026g", "tzdata 2026f", True),
        ("tzdata 2026f", "tzdata 2026g", False),
        ("tzdata 2027a", "tzdata 2026z", True),
        ("tzdata 2026aa", "tzdata 2026z", True),
        ("tzdata 2026f", "tzdata 2026f", False),
        ("pytz 2030a", "tzdata 2026f", False),  # another source: recomputed with ours
        ("", "tzdata 2026f", False),
        ("1999a", "tzdata 2026f", False),
    ],
)
def test_which_release_is_newer(stored: str, ours: str, newer: bool) -> None:
    from nomadcm.services.schedule.zone_rule_updates import newer_release

    assert newer_release(stored, ours) is newer


def test_seconds_never_reach_the_instant(posts: PostService, erable: ChannelInfo) -> None:
    p = posts.add(PostDraft(erable.id, "x", datetime(2025, 7, 1, 9, 59, 59, 999999)))
    assert p.utc == datetime(2025, 7, 1, 13, 59, tzinfo=UTC)
