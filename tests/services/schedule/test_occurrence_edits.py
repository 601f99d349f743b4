"""Editing recurring posts: one occurrence, this and following, all; exceptions stored and undoable."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from nomadcm.errors import ValidationError
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.occurrence_edits import OccurrenceEditor
from nomadcm.services.schedule.occurrences import get_series
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.query import ScheduleQuery
from nomadcm.timezones import NonExistentTimeError


@pytest.fixture
def setup(db):  # type: ignore[no-untyped-def]
    clients = ClientService(db)
    client = clients.add_client("Maison Léa", "Europe/Paris")
    channel = clients.add_channel(client.id, "instagram")
    posts = PostService(db)
    post = posts.add(
        PostDraft(channel.id, "Bonjour lundi", datetime(2026, 3, 16, 9), rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=6")
    )
    return posts, OccurrenceEditor(db), post


def listing(db):  # type: ignore[no-untyped-def]
    return [(o.post_id, o.wall, o.text, o.status) for o in ScheduleQuery(db).stream()]


def draft_for(editor: OccurrenceEditor, post_id: int, wall: datetime) -> PostDraft:
    series, occ = editor.occurrence(post_id, wall)
    return editor._draft_of(series, occ)


MONDAYS = [datetime(2026, 3, d, 9) for d in (16, 23, 30)] + [datetime(2026, 4, d, 9) for d in (6, 13, 20)]


def test_edit_one_occurrence_keeps_the_rest(db, setup) -> None:  # type: ignore[no-untyped-def]
    _posts, editor, post = setup
    draft = draft_for(editor, post.id, MONDAYS[2])
    draft.text, draft.wall = "Spécial Pâques", datetime(2026, 3, 31, 10)
    editor.edit(post.id, MONDAYS[2], draft, "one")
    got = listing(db)
    assert got[2] == (post.id, datetime(2026, 3, 31, 10), "Spécial Pâques", "scheduled")
    assert [w for _, w, _, _ in got] == [*MONDAYS[:2], datetime(2026, 3, 31, 10), *MONDAYS[3:]]
    assert {t for _, _, t, _ in got} == {"Bonjour lundi", "Spécial Pâques"}


def test_moving_one_occurrence_into_a_gap_is_refused(db, setup) -> None:  # type: ignore[no-untyped-def]
    _, editor, post = setup
    with pytest.raises(NonExistentTimeError):
        editor.move(post.id, MONDAYS[1], datetime(2026, 3, 29, 2, 30))


def test_moving_onto_another_occurrence_is_refused(db, setup) -> None:  # type: ignore[no-untyped-def]
    _, editor, post = setup
    with pytest.raises(ValidationError, match="already"):
        editor.move(post.id, MONDAYS[1], MONDAYS[2])


def test_delete_one_and_undo(db, setup) -> None:  # type: ignore[no-untyped-def]
    _, editor, post = setup
    before = listing(db)
    outcome = editor.delete(post.id, MONDAYS[1], "one")
    assert [w for _, w, _, _ in listing(db)] == [MONDAYS[0], *MONDAYS[2:]]
    editor.restore(outcome.before)
    assert listing(db) == before


def test_status_of_one_occurrence(db, setup) -> None:  # type: ignore[no-untyped-def]
    _, editor, post = setup
    editor.set_status(post.id, MONDAYS[0], "published")
    assert [s for *_, s in listing(db)] == ["published"] + ["scheduled"] * 5


def test_this_and_following_splits_the_series_with_count(db, setup) -> None:  # type: ignore[no-untyped-def]
    posts, editor, post = setup
    editor.set_status(post.id, MONDAYS[4], "published")  # an exception after the cut: moves along
    draft = draft_for(editor, post.id, MONDAYS[3])
    draft.wall, draft.text = datetime(2026, 4, 6, 18), "Le soir maintenant"
    outcome = editor.edit(post.id, MONDAYS[3], draft, "following")
    assert outcome.created_id is not None and outcome.dropped == 0
    assert posts.get(post.id).rrule == "FREQ=WEEKLY;BYDAY=MO;COUNT=3"
    new = posts.get(outcome.created_id)
    assert new.rrule == "FREQ=WEEKLY;BYDAY=MO;COUNT=3" and new.wall == datetime(2026, 4, 6, 18)
    got = listing(db)
    assert [(w, t) for _, w, t, _ in got] == [
        *[(w, "Bonjour lundi") for w in MONDAYS[:3]],
        *[(w.replace(hour=18), "Le soir maintenant") for w in MONDAYS[3:]],
    ]
    assert got[4][3] == "published"
    editor.restore(outcome.before, [outcome.created_id])
    assert [w for _, w, _, _ in listing(db)] == MONDAYS


def test_this_and_following_with_an_open_series_uses_until(db, setup) -> None:  # type: ignore[no-untyped-def]
    posts, editor, post = setup
    info = posts.get(post.id)
    posts.update(post.id, replace(info.to_draft(), rrule="FREQ=WEEKLY;BYDAY=MO;UNTIL=20260420"))
    outcome = editor.delete(post.id, MONDAYS[2], "following")
    assert posts.get(post.id).rrule == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T065959Z"
    assert [w for _, w, _, _ in listing(db)] == MONDAYS[:2]
    assert not outcome.deleted_post


def test_edit_all_moves_exceptions_with_the_series(db, setup) -> None:  # type: ignore[no-untyped-def]
    posts, editor, post = setup
    editor.set_status(post.id, MONDAYS[1], "published")
    draft = draft_for(editor, post.id, MONDAYS[2])
    draft.wall = datetime(2026, 3, 30, 11)  # every occurrence two hours later
    outcome = editor.edit(post.id, MONDAYS[2], draft, "all")
    assert outcome.dropped == 0
    got = listing(db)
    assert [w for _, w, _, _ in got] == [w.replace(hour=11) for w in MONDAYS]
    assert got[1][3] == "published"  # the exception followed
    assert posts.get(post.id).wall == datetime(2026, 3, 16, 11)


def test_edit_all_with_a_new_rule_drops_and_counts_orphaned_exceptions(db, setup) -> None:  # type: ignore[no-untyped-def]
    _, editor, post = setup
    editor.set_status(post.id, MONDAYS[1], "published")
    draft = draft_for(editor, post.id, MONDAYS[0])
    draft.rrule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=3"
    outcome = editor.edit(post.id, MONDAYS[0], draft, "all")
    assert outcome.dropped == 1
    series = get_series(db, post.id)
    assert series is not None and series.overrides == {}


def test_deleting_the_whole_series_keeps_exceptions_for_undo(db, setup) -> None:  # type: ignore[no-untyped-def]
    posts, editor, post = setup
    editor.set_status(post.id, MONDAYS[1], "published")
    before = listing(db)
    snaps = posts.delete([post.id])
    assert listing(db) == []
    posts.restore(snaps)
    assert listing(db) == before
