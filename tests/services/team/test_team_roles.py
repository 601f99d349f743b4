"""Roles enforced by the services (services/team_roles.py), on both engines: owners and editors write a
client's posts, viewers and members without a role cannot (the refusal names member, client and role) and
nothing is written; a team database's writes need someone to act as; a CM alone is never asked. And the
schedule query's assignee filter ("Mine")."""

from __future__ import annotations

from datetime import datetime

import pytest

from nomadcm.errors import ValidationError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter


def _draft(channel_id: int, text: str = "Bonjour", day: int = 4, **kw: object) -> PostDraft:
    return PostDraft(channel_id, text, datetime(2027, 3, day, 9, 0), **kw)  # type: ignore[arg-type]


@pytest.fixture
def team(services: Services) -> tuple[Services, int, int]:
    """Ana owns "Érable Café", Bob is its viewer; a post of Ana's. (services, channel id, post id)"""
    client = services.clients.add_client("Érable Café", "America/Toronto")
    channel = services.clients.add_channel(client.id, "instagram")
    services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    services.members.add("Bob", "bob@example.org")
    services.members.set_role("Bob", ["Érable Café"], "viewer")
    post = services.posts.add(_draft(channel.id))
    return services, channel.id, post.id


VIEWER = "member 'Bob' is a viewer of client 'Érable Café': only owners and editors change its posts"


def test_a_viewer_cannot_add_edit_or_delete_posts(team: tuple[Services, int, int]) -> None:
    services, channel_id, post_id = team
    services.members.use("Bob")
    before = services.posts.get(post_id)
    with pytest.raises(ValidationError, match=VIEWER):
        services.posts.add(_draft(channel_id, "de Bob"))
    with pytest.raises(ValidationError, match=VIEWER):
        services.posts.add_many([_draft(channel_id, f"lot {i}", day=5 + i) for i in range(3)])
    draft = before.to_draft()
    draft.text = "changé"
    with pytest.raises(ValidationError, match=VIEWER):
        services.posts.update(post_id, draft)
    with pytest.raises(ValidationError, match=VIEWER):
        services.posts.set_status([post_id], "cancelled")
    with pytest.raises(ValidationError, match=VIEWER):
        services.posts.delete([post_id])
    assert services.posts.get(post_id) == before
    assert services.schedule().count() == 1  # nothing added, nothing deleted


def test_a_viewer_cannot_edit_an_occurrence_of_a_series(team: tuple[Services, int, int]) -> None:
    services, channel_id, _ = team
    series = services.posts.add(_draft(channel_id, "série", rrule="FREQ=DAILY;COUNT=3"))
    services.members.use("Bob")
    with pytest.raises(ValidationError, match=VIEWER):
        services.occurrence_editor.set_status(series.id, series.wall, "published")
    assert services.posts.series([series.id])[0].overrides == {}


def test_an_editor_writes_and_a_member_without_a_role_is_told_so(team: tuple[Services, int, int]) -> None:
    services, channel_id, post_id = team
    services.members.add("Eve", "eve@example.org")
    services.members.use("Eve")
    with pytest.raises(ValidationError, match="member 'Eve' has no role on client 'Érable Café'"):
        services.posts.set_status([post_id], "cancelled")
    services.members.use("Ana")
    services.members.set_role("Bob", ["Érable Café"], "editor")
    services.members.use("Bob")
    assert services.posts.set_status([post_id], "cancelled") == 1
    assert services.posts.add(_draft(channel_id, "de Bob")).text == "de Bob"


def test_nobody_may_write_posts_of_a_team_database_anonymously(team: tuple[Services, int, int]) -> None:
    services, channel_id, _ = team
    services.members.use(None)
    with pytest.raises(ValidationError, match="this team database has members: say who you are"):
        services.posts.add(_draft(channel_id, "anonyme"))


def test_a_cm_alone_is_never_asked(services: Services) -> None:
    client = services.clients.add_client("Solo", "Europe/Paris")
    channel = services.clients.add_channel(client.id, "x")
    post = services.posts.add(_draft(channel.id))
    assert services.posts.set_status([post.id], "published") == 1


def test_the_schedule_query_filters_by_assignee(team: tuple[Services, int, int]) -> None:
    services, channel_id, first = team
    ana = services.members.find("Ana").id
    bob = services.members.find("Bob").id
    services.posts.add(_draft(channel_id, "pour Ana", day=6, assignee_id=ana))
    services.posts.add(_draft(channel_id, "pour Bob", day=7, assignee_id=bob))
    services.posts.add(_draft(channel_id, "série d'Ana", day=10, rrule="FREQ=DAILY;COUNT=3", assignee_id=ana))
    mine = services.schedule(ScheduleFilter(assignee_id=ana))
    rows = mine.rows(limit=50)
    assert [r.text for r in rows] == ["pour Ana", "série d'Ana", "série d'Ana", "série d'Ana"]
    assert mine.count() == 4 == len(list(mine.stream()))
    assert [r.text for r in services.schedule(ScheduleFilter(assignee_id=bob)).stream()] == ["pour Bob"]
    assert services.schedule().count() == 6  # Ana's first post has no assignee
    assert services.posts.get(first).assignee_id is None
