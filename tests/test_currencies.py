"""The ISO 4217 table against two lists we did not write: the iso-codes package (when the system has it) and
the currencies of every locale Qt knows; and amounts that never go through a float."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nomadcm import currencies

ISO_CODES = Path("/usr/share/iso-codes/json/iso_4217.json")
NO_MINOR_UNIT = {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"}
ADDED_SINCE_ISO_CODES_4_18 = {"XCG", "ZWG"}


@pytest.mark.skipif(not ISO_CODES.exists(), reason="the iso-codes package is not installed")
def test_the_table_is_iso_codes_list_less_what_nobody_is_paid_in() -> None:
    listed = {row["alpha_3"] for row in json.loads(ISO_CODES.read_text(encoding="utf-8"))["4217"]}
    ours = set(currencies.CODES)
    assert ours - listed <= ADDED_SINCE_ISO_CODES_4_18
    assert listed - ours <= NO_MINOR_UNIT


def test_every_currency_of_qts_locales_is_known() -> None:
    from PySide6.QtCore import QLocale

    used = {
        loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
        for loc in QLocale.matchingLocales(
            QLocale.Language.AnyLanguage, QLocale.Script.AnyScript, QLocale.Country.AnyCountry
        )
    }
    assert used - {""} <= set(currencies.CODES)
    assert {"EUR", "CAD", "USD", "MGA", "XOF", "CHF", "GBP", "JPY"} <= used


def test_minor_units_of_well_known_currencies() -> None:
    assert [currencies.minor_units(c) for c in ("EUR", "JPY", "KWD", "CLF", "MGA", "XOF")] == [
        2,
        0,
        3,
        4,
        2,
        0,
    ]
    with pytest.raises(currencies.ValidationError, match="'€'"):
        currencies.check_currency("€")


@given(
    st.integers(min_value=0, max_value=currencies.MAX_MAJOR), st.sampled_from(("EUR", "JPY", "KWD", "CLF"))
)
def test_amounts_round_trip_through_text(minor: int, currency: str) -> None:
    assert currencies.parse_amount(currencies.plain_amount(minor, currency), currency) == minor
