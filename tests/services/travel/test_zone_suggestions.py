"""A mistyped zone gets the closest zone names and cities (services/travel/zone_suggestions.py), and the
error the CLI prints proposes them."""

from __future__ import annotations

import time

import pytest

from nomadcm import timezones
from nomadcm.services.travel.zone_suggestions import ZoneHint, close_zones, unknown_zone


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Indian/Reunon", "Indian/Reunion"),
        ("Europe/Pari", "Europe/Paris"),
        ("europe/pari", "Europe/Paris"),
        ("Pari", "Europe/Paris"),
        ("Amerika/New_Yrok", "America/New_York"),
        ("America/Sao_Polo", "America/Sao_Paulo"),
        ("Los Angles", "America/Los_Angeles"),
        ("tokio", "Asia/Tokyo"),
    ],
)
def test_zone_names_close_to_a_typo(typed: str, first: str) -> None:
    hints = close_zones(typed)
    assert hints and hints[0].zone == first
    assert all(timezones.is_zone(h.zone) for h in hints)


def test_a_city_name_stands_for_its_zone() -> None:
    assert close_zones("Antananarivu")[0].zone == "Indian/Antananarivo"
    montreal = close_zones("Montrel")[0]
    assert montreal == ZoneHint("America/Toronto", "Montréal, Canada", montreal.score)
    assert montreal.text() == "America/Toronto (Montréal, Canada)"


def test_far_behind_proposals_are_left_out_and_nothing_is_proposed_for_nonsense() -> None:
    assert [h.zone for h in close_zones("Europe/Pari")] == ["Europe/Paris"]  # not Madrid or Riga
    assert close_zones("Mars/Olympus") == []
    assert close_zones("   ") == []


def test_without_the_city_table_zone_names_still_come() -> None:
    assert [h.zone for h in close_zones("Indian/Reunon", with_cities=False)] == ["Indian/Reunion"]
    assert close_zones("Montrel", with_cities=False)[0].zone != "America/Toronto"


def test_the_error_says_did_you_mean() -> None:
    assert str(unknown_zone("Europe/Pari")) == "unknown time zone 'Europe/Pari' — did you mean Europe/Paris?"
    assert str(unknown_zone("Mars/Olympus")) == (
        "unknown time zone 'Mars/Olympus' (use an IANA name such as Europe/Paris)"
    )
    assert unknown_zone("Europe/Pari").suggestions == ("Europe/Paris",)


def test_a_proposal_is_quick_once_the_table_is_loaded() -> None:
    close_zones("Montrel")  # loads the table and its keys
    start = time.perf_counter()
    for typed in ("Indian/Reunon", "Montrel", "Antananarivu", "Amerika/New_Yrok"):
        close_zones(typed)
    assert (time.perf_counter() - start) / 4 < 0.2  # ~15 ms each here; generous for slow machines
