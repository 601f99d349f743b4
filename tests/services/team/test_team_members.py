"""Members and who-did-what (services/team_members.py, storage/members.py, models/team.py), on both engines:
names and e-mails checked, the first member owns every client, every write stamps the member acting, rows
carry UUIDv7s, removing a member keeps what they made."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import select

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Channel, Client, Member, Post
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft


def _setup(services: Services) -> tuple[int, int]:
    """A client with a channel, made before anyone joined (a CM alone): (client id, channel id)."""
    client = services.clients.add_client("Érable Café", "America/Toronto")
    channel = services.clients.add_channel(client.id, "instagram")
    return client.id, channel.id


def _draft(channel_id: int, text: str = "Bonjour", **kw: object) -> PostDraft:
    return PostDraft(channel_id, text, datetime(2027, 3, 4, 9, 0), **kw)  # type: ignore[arg-type]


def _row(services: Services, model: type, row_id: int) -> tuple:  # type: ignore[type-arg]
    with services.db.session() as s:
        return tuple(
            s.execute(
                select(
                    model.uuid if hasattr(model, "uuid") else model.id, model.created_by, model.updated_by
                ).where(model.id == row_id)
            ).one()
        )


def test_the_first_member_owns_every_client_and_others_start_with_none(services: Services) -> None:
    client_id, _ = _setup(services)
    services.clients.add_client("Bise Surf", "Europe/Paris")
    ana = services.members.add("Ana  Souza", "Ana.Souza@Example.ORG")
    assert (ana.name, ana.email) == ("Ana Souza", "ana.souza@example.org")  # one line; e-mail folded
    assert dict(ana.roles) == {"Bise Surf": "owner", "Érable Café": "owner"}
    services.members.use("ANA SOUZA")  # found whatever the case
    bob = services.members.add("Bob", "bob@example.org")
    assert bob.roles == ()
    assert [m.name for m in services.members.list_members()] == ["Ana Souza", "Bob"]
    assert services.members.find("bob@EXAMPLE.org").id == bob.id
    assert uuid.UUID(ana.uuid).version == 7 and ana.uuid != bob.uuid
    assert services.members.set_role("bob", ["érable café"], "editor").roles == (("Érable Café", "editor"),)
    assert services.members.set_role("bob", ["Érable Café"], "none").roles == ()
    assert client_id


@pytest.mark.parametrize(
    ("name", "email", "message"),
    [
        ("", "a@example.org", "a member's name cannot be empty"),
        ("Ana", "ana.example.org", "'ana.example.org' is not an e-mail address"),
        ("Ana", "Ana <ana@example.org>", "'Ana <ana@example.org>' is not an e-mail address"),
        ("Ana", "ana@localhost", "'ana@localhost' is not an e-mail address"),
    ],
)
def test_bad_names_and_addresses_are_refused_by_name(
    services: Services, name: str, email: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.members.add(name, email)
    assert services.members.list_members() == []


def test_a_name_or_address_taken_in_another_case_is_refused(services: Services) -> None:
    services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    with pytest.raises(ValidationError, match="a member named 'ANA' already exists"):
        services.members.add("ANA", "other@example.org")
    with pytest.raises(ValidationError, match=r"e-mail 'ana@example\.org' already exists"):
        services.members.add("Ana B", "ANA@example.org")
    with pytest.raises(NotFoundError, match="unknown member 'Zed'"):
        services.members.use("Zed")
    with pytest.raises(ValidationError, match="unknown role 'boss'"):
        services.members.set_role("Ana", ["x"], "boss")


def test_only_owners_manage_the_team(services: Services) -> None:
    client_id, _ = _setup(services)
    services.members.add("Ana", "ana@example.org")
    with pytest.raises(ValidationError, match="say who you are"):
        services.members.add("Bob", "bob@example.org")
    services.members.use("Ana")
    services.members.add("Bob", "bob@example.org")
    services.members.set_role("Bob", ["Érable Café"], "editor")
    services.members.use("Bob")
    with pytest.raises(ValidationError, match="member 'Bob' is not an owner of client 'Érable Café'"):
        services.members.set_role("Bob", ["Érable Café"], "owner")
    with pytest.raises(ValidationError, match="member 'Bob' is not an owner of any client"):
        services.members.add("Eve", "eve@example.org")
    assert client_id


def test_every_write_records_the_member_acting(services: Services) -> None:
    client_id, channel_id = _setup(services)
    client_uuid, created_by, updated_by = _row(services, Client, client_id)
    assert (created_by, updated_by) == (None, None)  # made by a CM alone
    assert uuid.UUID(client_uuid).version == 7
    ana = services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    bob = services.members.add("Bob", "bob@example.org")
    services.members.set_role("Bob", ["Érable Café"], "editor")

    post = services.posts.add(_draft(channel_id))  # the one insert (Core executemany)
    post_uuid, created_by, updated_by = _row(services, Post, post.id)
    assert (created_by, updated_by) == (ana.id, ana.id)
    assert uuid.UUID(post_uuid).version == 7

    services.members.use("Bob")
    draft = post.to_draft()
    draft.text = "Bonjour à tous"
    edited = services.posts.update(post.id, draft)  # an ORM flush
    assert _row(services, Post, post.id) == (post_uuid, ana.id, bob.id)  # the uuid never changes
    assert edited.updated_at > post.updated_at
    services.posts.set_status([post.id], "published")  # a Core UPDATE
    assert _row(services, Post, post.id)[1:] == (ana.id, bob.id)

    bise = services.clients.add_client("Bise Surf", "Europe/Paris")  # whoever adds a client owns it
    assert _row(services, Client, bise.id)[1:] == (bob.id, bob.id)
    assert services.members.find("Bob").role_on("Bise Surf") == "owner"
    channel = services.clients.add_channel(bise.id, "x")
    assert _row(services, Channel, channel.id)[1:] == (bob.id, bob.id)


def test_removing_a_member_keeps_what_they_made(services: Services) -> None:
    _, channel_id = _setup(services)
    services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    services.members.add("Bob", "bob@example.org")
    services.members.set_role("Bob", ["Érable Café"], "editor")
    services.members.use("Bob")
    post = services.posts.add(_draft(channel_id, assignee_id=services.members.current_id))
    services.members.use("Ana")
    services.members.remove("bob@example.org")
    assert _row(services, Post, post.id)[1:] == (None, None)
    assert services.posts.get(post.id).assignee_id is None
    with services.db.session() as s:
        assert s.scalars(select(Member.name)).all() == ["Ana"]
