"""Reminders with a fake clock: due, shown once, snoozed, published, missed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nomadcm.services.publishing.reminders import ReminderService
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery


@pytest.fixture
def setup(db):  # type: ignore[no-untyped-def]
    clients = ClientService(db)
    client = clients.add_client("Maison Léa", "Europe/Paris")
    channel = clients.add_channel(client.id, "instagram")
    posts = PostService(db)
    single = posts.add(PostDraft(channel.id, "à copier", datetime(2026, 3, 16, 9)))  # 08:00Z
    series = posts.add(
        PostDraft(channel.id, "tous les jours", datetime(2026, 3, 16, 12), rrule="FREQ=DAILY;COUNT=3")
    )
    return ReminderService(db), single, series


def at(h: int, m: int = 0, day: int = 16) -> datetime:
    return datetime(2026, 3, day, h, m, tzinfo=UTC)


def test_due_within_lead_shown_once(db, setup) -> None:  # type: ignore[no-untyped-def]
    svc, single, _ = setup
    lead = timedelta(minutes=10)
    assert svc.due(at(7, 49), lead) == []
    due = svc.due(at(7, 50), lead)
    assert [r.occurrence.post_id for r in due] == [single.id]
    assert due[0].occurrence.text == "à copier"
    svc.mark_notified(due, at(7, 50))
    assert svc.due(at(7, 55), lead) == []
    assert svc.next_wakeup(at(7, 55), lead) == at(10, 50)  # the series' 12:00 Paris = 11:00Z


def test_snooze_brings_it_back_later(db, setup) -> None:  # type: ignore[no-untyped-def]
    svc, _, _ = setup
    lead = timedelta(minutes=10)
    due = svc.due(at(7, 51), lead)
    svc.snooze(due, at(8, 5))
    assert svc.due(at(8, 0), lead) == []
    assert svc.next_wakeup(at(8, 0), lead) == at(8, 5)
    again = svc.due(at(8, 5), lead)
    assert len(again) == 1 and again[0].snoozed


def test_mark_published_ends_it_for_one_occurrence_only(db, setup) -> None:  # type: ignore[no-untyped-def]
    svc, _, series = setup
    lead = timedelta(minutes=10)
    [reminder] = svc.due(at(10, 55), lead)
    assert reminder.occurrence.series_wall == datetime(2026, 3, 16, 12)
    svc.mark_published(reminder)
    statuses = [o.status for o in ScheduleQuery(db, ScheduleFilter(post_ids=(series.id,))).stream()]
    assert statuses == ["published", "scheduled", "scheduled"]


def test_missed_posts_until_published_or_dismissed(db, setup) -> None:  # type: ignore[no-untyped-def]
    svc, single, _ = setup
    missed = svc.missed(at(12, 0, day=17))
    assert [(r.occurrence.post_id, r.due) for r in missed] == [
        (single.id, at(8)),
        (single.id + 1, at(11)),
        (single.id + 1, at(11, day=17)),
    ]
    svc.dismiss(missed[:1], at(12, 0, day=17))
    svc.mark_published(missed[1])
    assert [r.due for r in svc.missed(at(12, 0, day=17))] == [at(11, day=17)]
