"""ClientService: clients (unique names ignoring case, accents' case and Unicode form) and their channels."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import NETWORK_LIMITS, Channel, Client, Post
from nomadcm.services.schedule.clients import DEFAULT_COLOURS, ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.storage import Database


@pytest.fixture
def svc(db: Database) -> ClientService:
    return ClientService(db)


def count(db: Database, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ---------------------------------------------------------------------- clients


def test_add_and_read_back(svc: ClientService) -> None:
    c = svc.add_client("  Érable   Café ", "america/toronto", country="ca", notes="Montréal, Plateau")
    assert c.name == "Érable Café"  # spaces collapsed
    assert c.audience_tz == "America/Toronto"  # canonical spelling
    assert c.country == "CA"
    assert c.colour == DEFAULT_COLOURS[0]
    assert (c.prime_start_min, c.prime_end_min) == (480, 1260)
    assert svc.get_client(c.id) == c
    assert svc.find_client("érable café") == c
    assert svc.list_clients() == [c]


@pytest.mark.parametrize(
    "duplicate",
    [
        "Érable Café",
        "ÉRABLE CAFÉ",
        "érable café",
        " érable  CAFÉ ",
        unicodedata.normalize("NFD", "Érable Café"),
    ],
)
def test_names_are_unique_ignoring_case_accents_case_and_form(
    svc: ClientService, db: Database, duplicate: str
) -> None:
    svc.add_client("Érable Café", "America/Toronto")
    with pytest.raises(ValidationError) as caught:
        svc.add_client(duplicate, "Europe/Paris")
    assert "already exists" in str(caught.value)
    assert count(db, Client) == 1
    assert svc.find_client(duplicate).name == "Érable Café"


def test_names_that_differ_only_by_accent_are_different_clients(svc: ClientService) -> None:
    svc.add_client("Cafe", "Europe/Paris")
    svc.add_client("Café", "Europe/Paris")
    assert [c.name for c in svc.list_clients()] == ["Cafe", "Café"]


def test_decomposed_accents_are_stored_composed(svc: ClientService) -> None:
    c = svc.add_client(unicodedata.normalize("NFD", "Boulangerie Hélène"), "Europe/Paris")
    assert c.name == unicodedata.normalize("NFC", "Boulangerie Hélène")


def test_german_sharp_s_matches_its_capital_form(svc: ClientService) -> None:
    svc.add_client("Weißwurst Straße", "Europe/Berlin")
    assert svc.find_client("WEISSWURST STRASSE").name == "Weißwurst Straße"


def test_list_is_sorted_as_a_french_reader_expects(svc: ClientService) -> None:
    for name in ("Zèbre", "banane", "Érable Café", "Abricot", "eau vive", "Œuf & Co", "Orange"):
        svc.add_client(name, "Europe/Paris")
    expected = ["Abricot", "banane", "eau vive", "Érable Café", "Œuf & Co", "Orange", "Zèbre"]
    assert [c.name for c in svc.list_clients()] == expected
    for c in svc.list_clients():
        svc.add_channel(c.id, "x")
    assert [ch.client_name for ch in svc.list_channels()] == expected


def test_colours_rotate_then_can_be_chosen(svc: ClientService) -> None:
    colours = [svc.add_client(f"c{i}", "UTC").colour for i in range(len(DEFAULT_COLOURS) + 1)]
    assert colours == [*DEFAULT_COLOURS, DEFAULT_COLOURS[0]]
    assert svc.add_client("chosen", "UTC", colour="#ABCDEF").colour == "#abcdef"


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("audience_tz", "Europe/Pariss", "'Europe/Pariss'"),
        ("audience_tz", "", "''"),
        ("country", "FRA", "'FRA'"),
        ("country", "F1", "'F1'"),
        ("colour", "red", "'red'"),
        ("colour", "#12345", "'#12345'"),
        ("name", "   ", "name"),
        ("name", "x" * 201, "longer than 200"),
        ("prime_start_min", 1500, "1500"),
    ],
)
def test_bad_values_are_refused_and_named(
    svc: ClientService, db: Database, field: str, value: object, named: str
) -> None:
    args: dict[str, object] = {"name": "Sofia Bakery", "audience_tz": "Europe/Sofia"}
    args[field] = value
    with pytest.raises(ValidationError) as caught:
        svc.add_client(**args)  # type: ignore[arg-type]
    assert named in str(caught.value)
    assert count(db, Client) == 0


def test_empty_country_means_none(svc: ClientService) -> None:
    assert svc.add_client("Nowhere", "UTC", country="  ").country is None


def test_update_client(svc: ClientService) -> None:
    c = svc.add_client("Érable Café", "America/Toronto")
    other = svc.add_client("Sofia Bakery", "Europe/Sofia")
    updated = svc.update_client(c.id, audience_tz="america/montreal", country="ca", colour="#000000")
    assert (updated.audience_tz, updated.country, updated.colour) == ("America/Montreal", "CA", "#000000")
    assert svc.update_client(c.id, name="ÉRABLE CAFÉ").name == "ÉRABLE CAFÉ"  # new case of its own name
    with pytest.raises(ValidationError, match="already exists"):
        svc.update_client(c.id, name="sofia bakery")
    with pytest.raises(ValidationError, match="unknown client field"):
        svc.update_client(c.id, audience="UTC")
    with pytest.raises(ValidationError, match="'Nowhere/Land'"):
        svc.update_client(c.id, audience_tz="Nowhere/Land")
    with pytest.raises(NotFoundError, match="999"):
        svc.update_client(999, notes="x")
    assert svc.get_client(other.id).name == "Sofia Bakery"


def test_unknown_client_is_named(svc: ClientService) -> None:
    with pytest.raises(NotFoundError, match="'Nobody'"):
        svc.find_client("Nobody")
    with pytest.raises(NotFoundError, match="42"):
        svc.get_client(42)


def test_delete_client_takes_channels_and_posts(svc: ClientService, db: Database) -> None:
    from datetime import datetime

    c = svc.add_client("Érable Café", "America/Toronto")
    keep = svc.add_client("Sofia Bakery", "Europe/Sofia")
    ch = svc.add_channel(c.id, "instagram")
    keep_ch = svc.add_channel(keep.id, "facebook")
    posts = PostService(db)
    posts.add(PostDraft(ch.id, "Bonjour", datetime(2025, 5, 1, 9)))
    posts.add(PostDraft(keep_ch.id, "Здравейте", datetime(2025, 5, 1, 9)))
    assert svc.post_count(c.id) == 1
    svc.delete_client(c.id)
    assert [x.name for x in svc.list_clients()] == ["Sofia Bakery"]
    assert count(db, Channel) == 1 and count(db, Post) == 1
    with pytest.raises(NotFoundError):
        svc.delete_client(c.id)


# ---------------------------------------------------------------------- channels


@pytest.mark.parametrize(
    ("network", "limit"), [("x", 280), ("instagram", 2200), ("blog", None), ("bluesky", 300)]
)
def test_channels_get_the_network_limit(svc: ClientService, network: str, limit: int | None) -> None:
    c = svc.add_client("Érable Café", "America/Toronto")
    ch = svc.add_channel(c.id, network)
    assert ch.text_limit == limit == NETWORK_LIMITS[network]
    assert (ch.client_id, ch.client_name, ch.network, ch.handle) == (c.id, "Érable Café", network, "")


def test_network_names_are_forgiving_but_checked(svc: ClientService, db: Database) -> None:
    c = svc.add_client("Érable Café", "America/Toronto")
    assert svc.add_channel(c.id, " Twitter ").network == "x"
    assert svc.add_channel(c.id, "LinkedIn", "@erable").network == "linkedin"
    with pytest.raises(ValidationError) as caught:
        svc.add_channel(c.id, "myspace")
    assert "'myspace'" in str(caught.value)
    assert count(db, Channel) == 2


def test_duplicate_channels_are_refused(svc: ClientService, db: Database) -> None:
    c = svc.add_client("Érable Café", "America/Toronto")
    svc.add_channel(c.id, "instagram", "@erable")
    with pytest.raises(ValidationError, match="already has the channel instagram @erable"):
        svc.add_channel(c.id, "instagram", " @erable ")
    svc.add_channel(c.id, "instagram", "@erable.mtl")  # another account on the same network is fine
    other = svc.add_client("Sofia Bakery", "Europe/Sofia")
    svc.add_channel(other.id, "instagram", "@erable")  # another client's channel is fine
    assert count(db, Channel) == 3


def test_custom_and_bad_limits(svc: ClientService, db: Database) -> None:
    c = svc.add_client("Érable Café", "America/Toronto")
    assert svc.add_channel(c.id, "x", "@premium", 25000).text_limit == 25000
    assert svc.add_channel(c.id, "newsletter", "", None).text_limit is None
    for bad in (0, -5, "lots"):
        with pytest.raises(ValidationError, match=repr(bad)):
            svc.add_channel(c.id, "threads", "", bad)
    with pytest.raises(NotFoundError, match="77"):
        svc.add_channel(77, "x")
    assert count(db, Channel) == 2


def test_find_update_delete_channel(svc: ClientService, db: Database) -> None:
    c = svc.add_client("Érable Café", "America/Toronto")
    first = svc.add_channel(c.id, "instagram", "@erable")
    second = svc.add_channel(c.id, "instagram", "@erable.mtl")
    assert svc.find_channel("ÉRABLE café", "Instagram") == first  # the first one when no handle is given
    assert svc.find_channel("Érable Café", "instagram", "@erable.mtl") == second
    with pytest.raises(NotFoundError, match="no x channel"):
        svc.find_channel("Érable Café", "x")
    changed = svc.update_channel(first.id, handle=" @erable.qc ", text_limit=1000)
    assert (changed.handle, changed.text_limit) == ("@erable.qc", 1000)
    assert svc.update_channel(first.id, text_limit=None).text_limit is None
    with pytest.raises(ValidationError):
        svc.update_channel(first.id, text_limit=-1)
    assert svc.get_channel(first.id).text_limit is None
    assert [ch.label for ch in svc.list_channels(c.id)] == ["instagram @erable.mtl", "instagram @erable.qc"]
    svc.delete_channel(second.id)
    assert svc.list_channels() == [svc.get_channel(first.id)]
    assert svc.channel_post_count(first.id) == 0
