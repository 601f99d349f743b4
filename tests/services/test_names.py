"""Names are one line of visible text (services/names.py), on every write path: GUI, CLI and files."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nomadcm import timezones
from nomadcm.services.names import single_line
from nomadcm.services.schedule.post_fields import split_tags
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput, TransitInput

ESC = "\x1b"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (f"Evil{ESC}[2J", "Evil[2J"),  # the ESC goes, the rest is harmless text
        ("Tab\there", "Tab here"),
        ("two\nlines\r\n", "two lines"),
        ("  many   spaces  ", "many spaces"),
        ("bell\x07 and del\x7f and csi\x9b", "bell and del and csi"),
        ("a \x00 b", "a b"),  # a removed control leaves no double space
        ("line\u2028separator", "line separator"),
        ("E\u0301rable", "Érable"),  # NFC
        ("Café <b>x</b> & co", "Café <b>x</b> & co"),  # visible characters are kept: the GUI escapes markup
        ("", ""),
    ],
)
def test_single_line(typed: str, stored: str) -> None:
    assert single_line(typed) == stored


def test_client_and_channel_names_lose_control_characters(services) -> None:  # type: ignore[no-untyped-def]
    client = services.clients.add_client(f"Evil{ESC}[2J\tCo", "Europe/Paris")
    assert client.name == "Evil[2J Co"
    renamed = services.clients.update_client(client.id, name=f"New\n{ESC}]0;title\x07")
    assert renamed.name == "New ]0;title"
    channel = services.clients.add_channel(client.id, "x", f"@evil{ESC}[31m")
    assert channel.handle == "@evil[31m"
    assert services.clients.update_channel(channel.id, handle="@a\tb").handle == "@a b"


def test_tags_lose_control_characters(services) -> None:  # type: ignore[no-untyped-def]
    assert split_tags(f"#one{ESC}[2J, two\tthree") == ("one[2J", "two three")
    client = services.clients.add_client("C", "Europe/Paris")
    channel = services.clients.add_channel(client.id, "x", "@c")
    post = services.posts.add(PostDraft(channel.id, "text", datetime(2030, 1, 7, 9), tags=(f"t{ESC}[2J",)))
    assert post.tags == ("t[2J",)


def test_places_and_cities_lose_control_characters(services) -> None:  # type: ignore[no-untyped-def]
    place = services.workplaces.add_place(f"Café{ESC}[2J", city="Lis\nbon", address=f"Rua\t1{ESC}")
    assert (place.name, place.city, place.address) == ("Café[2J", "Lis bon", "Rua 1")


def test_stays_and_transits_lose_control_characters(services) -> None:  # type: ignore[no-untyped-def]
    stay = services.trips.add_stay(
        StayInput(f"Paris{ESC}[2J", "Europe/Paris", date(2030, 1, 1), date(2030, 1, 5), notes="a\nb")
    )
    assert stay.city == "Paris[2J" and stay.notes == "a\nb"  # notes keep their lines
    transit = services.trips.add_transit(
        TransitInput(
            "train",
            f"Paris\t{ESC}",
            "Europe/Paris",
            "Lyon\n",
            "Europe/Paris",
            datetime(2030, 1, 5, 10),
            datetime(2030, 1, 5, 12),
            ref=f"TGV{ESC}[2J",
        )
    )
    assert (transit.from_place, transit.to_place, transit.ref) == ("Paris", "Lyon", "TGV[2J")


def test_screen_activity_loses_control_characters(services) -> None:  # type: ignore[no-untyped-def]
    now = timezones.now_utc()
    info = services.wellbeing.add_screen(
        "laptop", now - timedelta(hours=2), now - timedelta(hours=1), activity=f"a{ESC}[2J\nb"
    )
    assert info.activity == "a[2J b"


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
    | st.text(" ab\t\u00a0\u200b\u0301é\x1b", max_size=12)
)
def test_single_line_shortcut_agrees_with_the_rule(text: str) -> None:
    """The shortcut for names already on one line (C checks) gives what the full rule gives."""
    words = " ".join(text.split())
    visible = "".join(ch for ch in words if unicodedata.category(ch) != "Cc")
    expected = unicodedata.normalize("NFC", " ".join(visible.split()))
    assert single_line(text) == expected
