"""Opening hours and working hours in the user's words (ui/hours_text.py): OpenStreetMap's day codes and times
become "lun.–ven. 9 h–18 h" in French and the locale's own in English, for display only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from nomadcm.ui.hours_text import display_hours, fmt_clock, fmt_clock_range
from nomadcm.ui.i18n import Translations

FR = QLocale(QLocale.Language.French, QLocale.Country.France)
FR_CA = QLocale(QLocale.Language.French, QLocale.Country.Canada)
GB = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
NB = "\u00a0"


@pytest.fixture
def french(qapp) -> Iterator[Translations]:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("fr")
    yield translations
    translations.remove()


def test_work_hours_read_in_french_with_french_times(french) -> None:  # type: ignore[no-untyped-def]
    assert display_hours("Mo-Fr 09:00-18:00", FR) == f"lun.–ven. 9{NB}h–18{NB}h"
    assert display_hours("Mo-Fr 09:00-18:00", FR_CA) == f"lun.–ven. 9{NB}h–18{NB}h"  # not "09 h 00"
    assert display_hours("Mo-Th 09:00-17:00; Fr 09:00-12:30", FR) == (
        f"lun.–jeu. 9{NB}h–17{NB}h{NB}; ven. 9{NB}h–12{NB}h{NB}30"
    )
    assert display_hours("Mo,We 08:00-12:00,14:00-18:00", FR) == (
        f"lun., mer. 8{NB}h–12{NB}h, 14{NB}h–18{NB}h"
    )
    assert display_hours("23:00-07:00", FR) == f"23{NB}h–7{NB}h"  # a sleep window


def test_opening_hours_words_holidays_and_comments(french) -> None:  # type: ignore[no-untyped-def]
    assert display_hours("Mo-Sa 08:00-20:00; PH off", FR) == (
        f"lun.–sam. 8{NB}h–20{NB}h{NB}; jours fériés fermé"
    )
    assert display_hours("24/7", FR) == f"24{NB}h/24, 7{NB}j/7"
    assert display_hours('Mo-Fr 10:00-17:00+ "sur rendez-vous"', FR) == (
        f'lun.–ven. 10{NB}h–17{NB}h+ "sur rendez-vous"'  # a comment is the place's own words
    )
    assert display_hours('"Mo-Fr" closed', FR) == '"Mo-Fr" fermé'
    assert display_hours("", FR) == ""


def test_english_uses_the_locale_time_format() -> None:
    assert display_hours("Mo-Fr 09:00-18:00", GB) == "Mon–Fri 09:00–18:00"
    assert display_hours("Sa 10:00-13:00; PH off", GB) == "Sat 10:00–13:00; public holidays closed"
    us = display_hours("Mo-Fr 09:00-18:00", US).replace("\u202f", " ")
    assert us == "Mon–Fri 9:00 AM–6:00 PM"
    assert display_hours("Tu 00:00-24:00", GB) == "Tue 00:00–24:00"  # 24:00 ends the day


def test_what_it_does_not_know_stays_as_written() -> None:
    assert display_hours("week 01-10 Mo 09:00-12:00", GB) == "week 01–10 Mon 09:00–12:00"
    assert display_hours("Su[1] 10:00-12:00", GB) == "Sun[1] 10:00–12:00"


def test_clock_in_a_french_sentence() -> None:
    assert fmt_clock(2 * 60, FR) == f"2{NB}h"
    assert fmt_clock(2 * 60 + 30, FR) == f"2{NB}h{NB}30"
    assert fmt_clock(0, FR) == f"0{NB}h"
    assert fmt_clock(2 * 60, GB) == "02:00"
    assert fmt_clock_range(8 * 60, 21 * 60, FR) == f"8{NB}h–21{NB}h"
    assert fmt_clock_range(8 * 60, 21 * 60, GB) == "08:00–21:00"
