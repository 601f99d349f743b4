"""The one write path of posts (services/schedule/post_writes.py): `check(draft)` lists problems and notes
without raising; `add_many(drafts)` is all-or-nothing, names every bad draft by its index, and is the only
insert that the CLI, the native CSV and the bulk-scheduler imports go through."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from nomadcm import timezones
from nomadcm.cli import main
from nomadcm.errors import NotFoundError
from nomadcm.exchange.bulk_import import commit_import, preview_import
from nomadcm.exchange.csv_native_import import import_csv
from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.models import Channel, Post
from nomadcm.services.schedule import post_writes
from nomadcm.services.schedule.clients import ChannelInfo, ClientService
from nomadcm.services.schedule.post_writer import PostWriter
from nomadcm.services.schedule.post_writes import DraftChecker, DraftsRefused, NewChannel, PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.your_time import YourTime
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.storage import Database

WHEN = datetime(2025, 7, 1, 9, 0)


@pytest.fixture
def posts(db: Database) -> PostService:
    return PostService(db)


@pytest.fixture
def erable(db: Database) -> ChannelInfo:
    """Érable Café (Montréal audience) on X: a 280-character limit."""
    clients = ClientService(db)
    c = clients.add_client("Érable Café", "America/Toronto", country="CA")
    return clients.add_channel(c.id, "x", "@erable")


def count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ---------------------------------------------------------------------- check: problems, never raises


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"channel_id": 999}, "no channel with id 999"),
        ({"tz": "Mars/Olympus"}, "unknown time zone 'Mars/Olympus'"),
        ({"wall": datetime(2025, 3, 9, 2, 30)}, "first valid time is 2025-03-09 03:00"),
        ({"text": ""}, "text is empty"),
        ({"text": " \n\t"}, "text is empty"),
        ({"text": "   ", "status": "draft"}, "text is empty"),  # a draft needs a text too
        ({"link": "ftp://exemple.fr/x"}, "link 'ftp://exemple.fr/x' is not a web address"),
        ({"text": "x" * 281}, "281 characters, over the 280-character limit of x"),
        ({"status": "queued"}, "unknown status 'queued'"),
        ({"rrule": "FREQ=SOMETIMES"}, "FREQ"),
        ({"fold": 2}, "fold must be 0 or 1"),
    ],
)
def test_check_lists_each_problem_without_raising_or_writing(
    db: Database, posts: PostService, erable: ChannelInfo, changes: dict, expected: str
) -> None:  # type: ignore[type-arg]
    draft = PostDraft(erable.id, "Bonjour", WHEN)
    for key, value in changes.items():
        setattr(draft, key, value)
    checked = posts.check(draft)
    assert not checked.ok
    assert any(expected in p for p in checked.problems), checked.problems
    assert count(db, Post) == 0


def test_a_draft_may_be_over_the_limit_but_not_blank(posts: PostService, erable: ChannelInfo) -> None:
    assert posts.check(PostDraft(erable.id, "é" * 281, WHEN, status="draft")).ok
    assert not posts.check(PostDraft(erable.id, "", WHEN, status="draft")).ok


def test_check_gives_the_resolved_values(db: Database, posts: PostService, erable: ChannelInfo) -> None:
    SettingsService(db).set_home_tz("Europe/Paris")
    checked = posts.check(
        PostDraft(
            erable.id,
            "Lundi !",
            datetime(2026, 3, 18, 9, 0, 42),  # a Wednesday, with seconds
            link="  https://exemple.fr  ",
            tags="#promo, été,promo",
            status=" Scheduled ",
            rrule="freq=weekly;byday=mo;count=3",
        )
    )
    assert checked.ok and checked.notes == ()
    assert (checked.channel_id, checked.tz, checked.fold) == (erable.id, "America/Toronto", 0)
    assert checked.wall == datetime(2026, 3, 23, 9, 0)  # the first occurrence: the next Monday
    assert checked.instant == datetime(2026, 3, 23, 13, 0, tzinfo=UTC)
    assert checked.rrule == "FREQ=WEEKLY;BYDAY=MO;COUNT=3"
    assert (checked.link, checked.tags, checked.status) == (
        "https://exemple.fr",
        ("promo", "été"),
        "scheduled",
    )
    assert (checked.text_length, checked.text_limit) == (7, 280)
    assert checked.cm is not None and checked.cm.zone == "Europe/Paris"
    assert checked.cm_wall == datetime(2026, 3, 23, 14, 0)  # Paris is still on winter time


def test_check_notes_which_occurrence_of_a_doubled_time_is_taken(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    your_time = YourTime(load_itinerary(db))
    first = posts.check(PostDraft(erable.id, "ok", datetime(2025, 11, 2, 1, 30)), your_time)
    second = posts.check(PostDraft(erable.id, "ok", datetime(2025, 11, 2, 1, 30), fold=1), your_time)
    assert first.ok and second.ok
    assert first.resolution.ambiguous and first.instant == datetime(2025, 11, 2, 5, 30, tzinfo=UTC)
    assert second.instant == datetime(2025, 11, 2, 6, 30, tzinfo=UTC)
    assert any("the first one is used" in n for n in first.notes)
    assert any("the second one is used" in n for n in second.notes)
    # An exported file's UTC instant says which one was meant.
    hinted = posts.check(
        PostDraft(erable.id, "ok", datetime(2025, 11, 2, 1, 30), utc_hint=second.instant), your_time
    )
    assert (hinted.fold, hinted.instant) == (1, second.instant)


ZONES = [
    "Europe/Paris",
    "America/Toronto",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "Asia/Kathmandu",
    "UTC",
]


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    wall=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    ),
    fold=st.sampled_from([0, 1]),
)
def test_the_checks_shortcut_resolves_as_the_exact_path(zone: str, wall: datetime, fold: int) -> None:
    """The check's reading of a wall time (a bisect over the zone's cached transitions) is zoneinfo's."""
    res = DraftChecker({})._resolve(wall, zone, fold)
    reading = wall.replace(tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC)
    exists = reading.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == wall
    assert (res.instant, res.gap is None) == ((reading, True) if exists else (None, False))


# ---------------------------------------------------------------------- add_many: all or nothing


def test_add_many_is_all_or_nothing_and_names_every_bad_draft(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    drafts = [
        PostDraft(erable.id, "un", WHEN),
        PostDraft(erable.id, "", WHEN),  # 1: blank
        PostDraft(erable.id, "trois", WHEN + timedelta(hours=1)),
        PostDraft(erable.id, "x" * 300, datetime(2025, 3, 9, 2, 30), link="nope"),  # 3: three problems
        PostDraft(999, "cinq", WHEN),  # 4: no such channel
    ]
    with pytest.raises(DraftsRefused) as caught:
        posts.add_many(drafts)
    problems = caught.value.problems
    assert [p.index for p in problems] == [1, 3, 3, 3, 4]
    assert "text is empty" in problems[0].message
    assert "2025-03-09 03:00" in problems[1].message
    assert isinstance(problems[1].error, timezones.NonExistentTimeError)
    assert isinstance(problems[4].error, NotFoundError)
    assert sorted(caught.value.first_by_index()) == [1, 3, 4]
    assert "3 bad post(s)" in str(caught.value)
    assert count(db, Post) == 0


def test_add_many_inserts_in_batches_and_returns_the_ids_in_order(
    db: Database, posts: PostService, erable: ChannelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(post_writes, "INSERT_BATCH", 3)
    gone = posts.add(PostDraft(erable.id, "supprimé", WHEN))
    posts.delete([gone.id])  # ids are never reused: the next ones come after it
    done: list[int] = []
    drafts = [PostDraft(erable.id, f"n°{i}", WHEN + timedelta(days=i)) for i in range(8)]
    ids = posts.add_many(iter(drafts), progress=done.append)  # any iterable, read once
    assert ids == list(range(gone.id + 1, gone.id + 9))
    assert [posts.get(i).text for i in ids] == [d.text for d in drafts]
    assert done[-1] == 8 and done == sorted(done)
    assert posts.add_many([]) == []


def test_add_many_creates_missing_channels_only_with_its_posts(
    db: Database, posts: PostService, erable: ChannelInfo
) -> None:
    new = {-1: NewChannel(erable.client_id, "tiktok", "@erable")}
    with pytest.raises(DraftsRefused):
        posts.add_many([PostDraft(-1, "ok", WHEN), PostDraft(-1, "", WHEN)], create_missing=new)
    assert count(db, Channel) == 1 and count(db, Post) == 0
    checked = posts.checker(create_missing=new).check(PostDraft(-1, "x" * 4001, WHEN))
    assert "4000-character limit of tiktok" in checked.problems[0]  # the new channel's limit
    (pid,) = posts.add_many([PostDraft(-1, "ok", WHEN)], create_missing=new)
    info = posts.get(pid)
    assert (info.network, info.handle, info.tz, info.text_limit) == (
        "tiktok",
        "@erable",
        "America/Toronto",
        4000,
    )
    with pytest.raises(NotFoundError, match="no client with id 77"):
        posts.add_many([PostDraft(-1, "ok", WHEN)], create_missing={-1: NewChannel(77, "x")})


def test_add_of_one_draft_raises_its_own_error(posts: PostService, erable: ChannelInfo) -> None:
    with pytest.raises(timezones.NonExistentTimeError) as caught:
        posts.add(PostDraft(erable.id, "Trop tôt", datetime(2025, 3, 9, 2, 30)))
    assert caught.value.gap.end == datetime(2025, 3, 9, 3, 0)
    with pytest.raises(NotFoundError, match="999"):
        posts.add(PostDraft(999, "x", WHEN))


def test_the_csv_import_refuses_a_blank_text_by_its_line(
    db: Database, erable: ChannelInfo, tmp_path: Path
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "client,channel,audience_tz,audience_time,text\r\n"
        "Érable Café,x,America/Toronto,2025-06-01 09:00,bonjour\r\n"
        "Érable Café,x,America/Toronto,2025-06-01 10:00,\r\n"
        'Érable Café,x,America/Toronto,2025-06-01 11:00," "\r\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as caught:
        import_csv(db, path)
    assert [(e.line, e.message) for e in caught.value.errors] == [(3, "text is empty"), (4, "text is empty")]
    assert count(db, Post) == 0


# ---------------------------------------------------------------------- one insert path


def test_the_cli_the_csv_and_the_bulk_imports_all_insert_through_add_many(
    db: Database, db_arg: str, erable: ChannelInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One write path: every way in ends in the same `PostWriter` (the checks and the insert); the native
    import streams into it directly, the others through `add_many`."""
    calls: list[int] = []
    original = PostWriter.finish

    def spy(self: PostWriter):  # type: ignore[no-untyped-def]
        ids = original(self)
        calls.append(len(ids))
        return ids

    monkeypatch.setattr(PostWriter, "finish", spy)
    argv = ["--db", db_arg, "post", "add", "--client", "Érable Café", "--channel", "x"]
    assert main([*argv, "--at", "2030-06-01 09:00", "--text", "Depuis le terminal"]) == 0
    assert calls == [1]

    native = tmp_path / "native.csv"
    native.write_text(
        "client,channel,audience_tz,audience_time,text\r\n"
        "Érable Café,x,America/Toronto,2030-06-02 09:00,un\r\n"
        "Érable Café,blog,America/Toronto,2030-06-02 10:00,deux\r\n",
        encoding="utf-8",
    )
    assert import_csv(db, native).imported == 2
    assert calls == [1, 2]

    hootsuite = tmp_path / "hoot.csv"
    hootsuite.write_text("03/06/2030 09:00,trois,\r\n03/06/2030 10:00,quatre,\r\n", encoding="utf-8")
    preview = preview_import(db, hootsuite, "hootsuite", channel_id=erable.id)
    assert commit_import(db, preview) == 2
    assert calls == [1, 2, 2]
    assert count(db, Post) == 5
