"""No lost edit (issue 13): a save carries the version it was read at; a row changed since is refused with
"changed by <who> at <time> — reload / overwrite", nothing written; saving at the new version overwrites.
Runs on the pass's engine (a SQLite file, or the team database on PostgreSQL)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from nomadcm.errors import StaleEditError, ValidationError
from nomadcm.models import Channel, Client
from nomadcm.services.container import Services
from nomadcm.services.publishing.slots import parse_slots
from nomadcm.services.schedule import clients as clients_module
from nomadcm.services.schedule.occurrence_versions import read_version
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.storage import Database

STALE = re.compile(
    r"was changed by (?P<who>.+) at (?P<when>\d{4}-\d\d-\d\d \d\d:\d\d) UTC — reload / overwrite$"
)


@pytest.fixture
def channel_id(services: Services) -> int:
    client = services.clients.add_client("Érable Café", "America/Toronto")
    return services.clients.add_channel(client.id, "instagram").id


def _stale_line(err: StaleEditError) -> re.Match[str]:
    message = str(err)
    assert "\n" not in message
    found = STALE.search(message)
    assert found is not None, message
    return found


def test_a_post_saved_at_an_older_version_is_refused_then_overwritten(
    services: Services, channel_id: int
) -> None:
    posts = services.posts
    first = posts.add(PostDraft(channel_id, "first", datetime(2030, 5, 4, 9, 0)))
    mine = posts.get(first.id)  # the dialog reads version 1 ...
    theirs = posts.update(first.id, _with(mine, text="their text"), expected_version=mine.version)
    assert theirs.version == mine.version + 1
    before = datetime.now(UTC) - timedelta(minutes=1)
    with pytest.raises(StaleEditError) as caught:  # ... and saves after another session did
        posts.update(first.id, _with(mine, text="my text"), expected_version=mine.version)
    found = _stale_line(caught.value)
    assert found.group("who") == caught.value.who == "another session"
    assert caught.value.when is not None and caught.value.when >= before.replace(second=0, microsecond=0)
    assert caught.value.version == theirs.version
    assert posts.get(first.id).text == "their text"  # nothing written
    overwritten = posts.update(first.id, _with(mine, text="my text"), expected_version=caught.value.version)
    assert (overwritten.text, overwritten.version) == ("my text", theirs.version + 1)


def test_a_status_change_counts_as_a_new_version(services: Services, channel_id: int) -> None:
    posts = services.posts
    info = posts.add(PostDraft(channel_id, "first", datetime(2030, 5, 4, 9, 0)))
    assert posts.set_status([info.id], "draft") == 1
    with pytest.raises(StaleEditError):
        posts.update(info.id, _with(info, text="mine"), expected_version=info.version)
    assert posts.get(info.id).status == "draft"


def test_undo_of_an_edit_is_refused_once_someone_changed_the_post(
    services: Services, channel_id: int
) -> None:
    posts = services.posts
    info = posts.add(PostDraft(channel_id, "first", datetime(2030, 5, 4, 9, 0)))
    step = posts.update_op(info.id, _with(info, text="mine"), expected_version=info.version)
    theirs = posts.get(info.id)
    posts.update(info.id, _with(theirs, text="theirs"), expected_version=theirs.version)
    with pytest.raises(StaleEditError):
        step.undo()
    assert posts.get(info.id).text == "theirs"


def test_a_stale_client_and_channel_edit_are_refused(services: Services, channel_id: int) -> None:
    clients = services.clients
    client = clients.get_client(clients.get_channel(channel_id).client_id)
    clients.update_client(client.id, expected_version=client.version, notes="theirs")
    with pytest.raises(StaleEditError) as caught:
        clients.update_client(client.id, expected_version=client.version, notes="mine")
    assert str(caught.value).startswith("client 'Érable Café' was changed by ")
    assert clients.get_client(client.id).notes == "theirs"
    channel = clients.get_channel(channel_id)
    clients.update_channel(channel_id, "@theirs", expected_version=channel.version)
    with pytest.raises(StaleEditError):
        clients.update_channel(channel_id, "@mine", expected_version=channel.version)
    assert clients.get_channel(channel_id).handle == "@theirs"


def test_stale_posting_slots_are_refused(services: Services, channel_id: int) -> None:
    slots = services.slots
    slots.set_slots(channel_id, parse_slots("Mo-Fr 09:00"))
    shown = slots.list_slots(channel_id)
    slots.set_slots(channel_id, parse_slots("Mo 10:00"), expected=shown)
    with pytest.raises(StaleEditError):
        slots.set_slots(channel_id, parse_slots("Sa 11:00"), expected=shown)
    assert [s.label for s in slots.list_slots(channel_id)] == ["Mo 10:00"]


def test_a_stale_occurrence_edit_is_refused(services: Services, channel_id: int) -> None:
    posts, editor = services.posts, services.occurrence_editor
    weekly = posts.add(
        PostDraft(channel_id, "weekly", datetime(2030, 5, 6, 9, 0), rrule="FREQ=WEEKLY;COUNT=4")
    )
    second = datetime(2030, 5, 13, 9, 0)
    shown = read_version(services.db, weekly.id, second)
    draft = _with(posts.get(weekly.id), text="theirs")
    draft.wall = second
    editor.edit(weekly.id, second, draft, "one", shown)  # another session changed this occurrence alone
    mine = _with(posts.get(weekly.id), text="mine")
    mine.wall = second
    with pytest.raises(StaleEditError) as caught:
        editor.edit(weekly.id, second, mine, "one", shown)
    assert "occurrence 2030-05-13 09:00 of post" in str(caught.value)
    assert [o.text for o in editor.series(weekly.id).occurrences()][1] == "theirs"
    now = read_version(services.db, weekly.id, second)
    editor.edit(weekly.id, second, mine, "one", now)  # overwrite: at the version read now
    assert [o.text for o in editor.series(weekly.id).occurrences()][1] == "mine"


def test_client_names_are_unique_whatever_their_case(services: Services, db: Database) -> None:
    services.clients.add_client("Client n", "Europe/Paris")
    with pytest.raises(ValidationError, match="a client named 'CLIENT N' already exists"):
        services.clients.add_client("CLIENT N", "Europe/Paris")
    # The database itself refuses it (a unique index on lower(name)), past the service's check:
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Client(name="client N", audience_tz="Europe/Paris"))
        s.flush()


def test_a_name_taken_between_check_and_insert_gets_the_friendly_message(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another session inserting "Acme" after our check: the index refuses ours, the message stays ours."""
    services.clients.add_client("Acme", "Europe/Paris")
    monkeypatch.setattr(clients_module, "_client_by_name", lambda *a, **k: None)
    with pytest.raises(ValidationError, match="a client named 'ACME' already exists"):
        services.clients.add_client("ACME", "Europe/Paris")
    assert [c.name for c in services.clients.list_clients()] == ["Acme"]


def test_channel_handles_are_unique_per_network_whatever_their_case(services: Services, db: Database) -> None:
    client = services.clients.add_client("Acme", "Europe/Paris")
    services.clients.add_channel(client.id, "instagram", "@Acme")
    with pytest.raises(ValidationError, match="already has the channel instagram @ACME"):
        services.clients.add_channel(client.id, "instagram", "@ACME")
    services.clients.add_channel(client.id, "x", "@ACME")  # another network: fine
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Channel(client_id=client.id, network="instagram", handle="@acme"))
        s.flush()


def _with(info, *, text: str) -> PostDraft:  # type: ignore[no-untyped-def]
    draft = info.to_draft()
    draft.text = text
    return draft


def test_the_refusal_names_the_member_who_changed_it(
    services: Services, channel_id: int, db_arg: str
) -> None:
    """Team mode: `updated_by` names the member of the other session (models/team.py)."""
    lea = Services.open(db_arg)
    try:
        lea.members.add("Léa Martin", "lea@example.org")  # the first member: owner of every client
        lea.members.use("Léa Martin")
        lea.members.add("Sam", "sam@example.org")
        lea.members.set_role("Sam", ["Érable Café"], "editor")
        services.members.use("Sam")
        info = services.posts.add(PostDraft(channel_id, "first", datetime(2030, 5, 4, 9, 0)))
        theirs = lea.posts.get(info.id)
        lea.posts.update(info.id, _with(theirs, text="Léa's"), expected_version=theirs.version)
    finally:
        lea.close()
    with pytest.raises(StaleEditError) as caught:
        services.posts.update(info.id, _with(info, text="mine"), expected_version=info.version)
    assert _stale_line(caught.value).group("who") == caught.value.who == "Léa Martin"
