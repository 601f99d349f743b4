"""A rule in words, in English and in French, composed from its parts (services/schedule/recurrence_words.py)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from nomadcm.services.schedule.recurrence_rule import RecurrenceRule
from nomadcm.services.schedule.recurrence_words import rule_in_words, sentence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rrule_vectors import VECTORS

NY = "America/New_York"

CASES = [
    # (rule, first occurrence or None, English, French)
    ("FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29", None,
     "Every year on the Friday between 23 and 29 November",
     "Chaque année le vendredi entre le 23 et le 29 novembre"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", None,
     "Every month on the last weekday", "Chaque mois le dernier jour ouvré"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", None,
     "Every month on the 2nd-to-last weekday", "Chaque mois l'avant-dernier jour ouvré"),
    ("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", None,
     "Every month on the 3rd Tuesday, Wednesday or Thursday, 3 times in all",
     "Chaque mois le 3e mardi, mercredi ou jeudi, 3 fois en tout"),
    ("FREQ=YEARLY;BYMONTH=11;BYDAY=TH;BYSETPOS=4", None,
     "Every year on the 4th Thursday of November", "Chaque année le 4e jeudi de novembre"),
    ("FREQ=YEARLY;BYMONTH=8;BYDAY=2SU", None,
     "Every year on the 2nd Sunday of August", "Chaque année le 2e dimanche d'août"),
    ("FREQ=YEARLY", datetime(2026, 11, 27, 9),
     "Every year on 27 November", "Chaque année le 27 novembre"),
    ("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1", None, "Every year on 1 May", "Chaque année le 1er mai"),
    ("FREQ=YEARLY;BYDAY=20MO", None,
     "Every year on the 20th Monday of the year", "Chaque année le 20e lundi de l'année"),
    ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", None,
     "Every year on Monday in week 20", "Chaque année le lundi de la semaine 20"),
    ("FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", None,
     "Every year on every Thursday in June, July and August",
     "Chaque année tous les jeudis en juin, juillet et août"),
    ("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", None,
     "Every 3 years on days 1, 100 and 200 of the year, 10 times in all",
     "Tous les 3 ans le 1er, le 100e et le 200e jour de l'année, 10 fois en tout"),
    ("FREQ=YEARLY;BYEASTER=-2", None,
     "Every year 2 days before Easter Sunday", "Chaque année 2 jours avant le dimanche de Pâques"),
    ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", None,
     "Every month on Friday the 13th", "Chaque mois le vendredi 13"),
    ("FREQ=MONTHLY;BYMONTHDAY=-3", None,
     "Every month on the 3rd-to-last day", "Chaque mois le 3e jour en partant de la fin"),
    ("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", None,
     "Every 2 months on the 1st and last Sunday, 10 times in all",
     "Tous les 2 mois le 1er et le dernier dimanche, 10 fois en tout"),
    ("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", None,
     "Every 2 weeks on Sunday and Tuesday (weeks start on Sunday), 4 times in all",
     "Toutes les 2 semaines le dimanche et le mardi (semaines commençant le dimanche), 4 fois en tout"),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", None,
     "Every weekday (Monday to Friday)", "Chaque jour ouvré (du lundi au vendredi)"),
    ("FREQ=DAILY;BYDAY=SA,SU", None, "Every Saturday and Sunday", "Chaque samedi et dimanche"),
    ("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", None,
     "Every day in January, until 31 January 2000 at 09:00",
     "Chaque jour en janvier, jusqu'au 31 janvier 2000 à 9 h"),
    ("FREQ=DAILY;BYHOUR=9,18", datetime(2026, 1, 1, 9, 30),
     "Every day at 09:30 and 18:30", "Chaque jour à 9 h 30 et 18 h 30"),
    ("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", None,
     "Every day at minutes 0, 20 and 40 of each hour from 09:00 to 16:00",
     "Chaque jour aux minutes 0, 20 et 40 de chaque heure de 9 h à 16 h"),
    ("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z", None,
     "Every 3 hours, until 2 September 1997 at 17:00", "Toutes les 3 heures, jusqu'au 2 septembre 1997 à 17 h"),
    ("FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16;COUNT=48", None,
     "Every 20 minutes between 09:00 and 16:59, 48 times in all",
     "Toutes les 20 minutes entre 9 h et 16 h 59, 48 fois en tout"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "start", "english", "french"), CASES)
def test_rule_in_english_and_french(rule: str, start: datetime | None, english: str, french: str) -> None:
    parsed = RecurrenceRule.parse(rule, NY)
    assert sentence(rule_in_words(parsed, NY, start)) == english
    assert sentence(rule_in_words(parsed, NY, start, "fr")) == french


def test_the_faces_date_and_time_formats_are_used() -> None:
    parsed = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20300430", NY)
    words = rule_in_words(parsed, NY, format_date=lambda d: d.strftime("%d/%m/%Y"))
    assert words == "every day, until 30/04/2030"  # a date alone: the end of that day
    assert rule_in_words(parsed, NY, language="de") == "every day, until 30 April 2030"  # English otherwise


@pytest.mark.parametrize("vector", [v for v in VECTORS if not v.refused], ids=lambda v: v.name)
def test_every_published_vector_has_words_in_both_languages(vector) -> None:  # type: ignore[no-untyped-def]
    """No rule falls through the composer: words with no gap ("at ,") in either language."""
    rule = RecurrenceRule.parse(vector.rule, vector.zone)
    for language in ("en", "fr"):
        words = rule_in_words(rule, vector.zone, vector.dtstart, language)
        assert words and "  " not in words and " ," not in words and not words.endswith(" "), words
        assert words == words.strip() and ("{" not in words), words


def test_plain_dates_of_each_language() -> None:
    rule = RecurrenceRule.parse("FREQ=WEEKLY;UNTIL=20261201", "Europe/Paris")
    assert rule_in_words(rule, "Europe/Paris", datetime(2026, 11, 3, 9), "fr").endswith(
        "jusqu'au 1er décembre 2026"
    )
