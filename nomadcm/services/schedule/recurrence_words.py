"""A recurrence rule said in words, in English or French: "every year on the Friday between 23 and 29
November" / "chaque année le vendredi entre le 23 et le 29 novembre".

One composer walks the rule's parts (services/schedule/recurrence_rule.py) in the order dateutil applies
them and asks a phrase book for each piece (services/schedule/recurrence_phrases.py: one class per
language). Word order, agreement and elision differ too much between the two languages ("the 2nd-to-last
weekday" / "l'avant-dernier jour ouvré", "1st" / "1er") for a catalogue of fragments, so both languages
live in code, tested in both; the GUI picks the language of its locale and passes its own date and time
formats, the CLI speaks English. Nothing here imports Qt.

The phrase starts with a small letter, to follow "Repeats: "; `sentence` makes it stand alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from nomadcm import timezones
from nomadcm.services.schedule.recurrence_phrases import PHRASE_BOOKS, PhraseBook
from nomadcm.services.schedule.recurrence_rule import SUB_DAILY, RecurrenceRule

LANGUAGES: tuple[str, ...] = tuple(PHRASE_BOOKS)


def rule_in_words(
    rule: RecurrenceRule,
    tz: str | None = None,
    dtstart: datetime | None = None,
    language: str = "en",
    format_date: Callable[[date], str] | None = None,
    format_time: Callable[[time], str] | None = None,
) -> str:
    """The rule in `language` ("en" or "fr"; anything else: English). `dtstart`, the series' first wall
    time, names what a bare rule repeats on ("every week" -> "every week on Tuesday"); `tz` is the zone UNTIL
    is shown in (UTC without it)."""
    ph = PHRASE_BOOKS.get(language, PHRASE_BOOKS["en"])(format_date, format_time)
    return _Composer(rule, dtstart, ph).words(tz)


def sentence(text: str) -> str:
    """The phrase as a sentence of its own: a capital first letter."""
    return text[:1].upper() + text[1:]


class _Composer:
    def __init__(self, rule: RecurrenceRule, dtstart: datetime | None, ph: PhraseBook) -> None:
        self.rule, self.ph = rule, ph
        r = rule
        self.weekdays = sorted((d for n, d in r.byday if n is None), key=lambda d: (d - r.wkst) % 7)
        self.ordinals: dict[int, list[int]] = {}  # weekday -> its ordinals, in the order typed
        for n, d in r.byday:
            if n is not None:
                self.ordinals.setdefault(d, []).append(n)
        self.months, self.monthdays = r.bymonth, r.bymonthday
        self.hours, self.minutes = r.byhour, r.byminute
        if dtstart is not None:  # what dateutil takes from DTSTART when the rule names no day
            if not (r.byweekno or r.byyearday or r.bymonthday or r.byday or r.byeaster):
                if r.freq == "YEARLY":
                    self.months = r.bymonth or (dtstart.month,)
                    self.monthdays = (dtstart.day,)
                elif r.freq == "MONTHLY":
                    self.monthdays = (dtstart.day,)
                elif r.freq == "WEEKLY":
                    self.weekdays = [dtstart.weekday()]
            if r.freq not in SUB_DAILY:
                self.hours = self.hours or ((dtstart.hour,) if self.minutes else ())
                self.minutes = self.minutes or ((dtstart.minute,) if self.hours else ())
        self.month_said = False

    def words(self, tz: str | None) -> str:
        r, ph = self.rule, self.ph
        head = ph.every(r.freq, r.interval)
        pieces: list[str] = []
        plain_only = self.weekdays and not (
            self.ordinals or self.monthdays or r.byyearday or r.byweekno or r.byeaster or r.bysetpos
        )
        setpos_said = False
        if r.freq in ("DAILY", "WEEKLY") and r.interval == 1 and plain_only:
            head = ph.every_weekday(self.weekdays, r.freq)
        else:
            selection, setpos_said = self._days()
            pieces.append(selection)
        if r.byweekno:
            pieces.append(ph.weeknos(r.byweekno, after_days=any(pieces) or r.freq == "DAILY"))
        if self.months and not self.month_said:
            pieces.append(ph.months_in(self.months))
        if self.hours and self.minutes and r.freq not in SUB_DAILY:
            pieces.append(ph.times(self.hours, self.minutes))
        else:  # a filter of a rule that repeats within the day, or (with no first time known) half a time
            if self.hours:
                pieces.append(ph.hour_filter(self.hours))
            if self.minutes:
                pieces.append(ph.at_minutes(self.minutes))
        text = " ".join(p for p in [head, *pieces] if p)
        if r.bysetpos and not setpos_said:
            text = f"{text}, {ph.setpos_general(r.bysetpos, r.freq)}"
        weeks_matter = (r.freq == "WEEKLY" and r.interval > 1 and r.byday) or (
            r.freq == "YEARLY" and r.byweekno
        )
        if weeks_matter and r.wkst != 0:
            text = f"{text} {ph.week_start(r.wkst)}"
        if r.count is not None:
            text = f"{text}, {ph.count(r.count)}"
        elif r.until is not None:
            wall = timezones.wall_at(r.until, tz) if tz else r.until.replace(tzinfo=None)
            at = None if wall.time() == time(23, 59, 59) else wall.time()
            text = f"{text}, {ph.until(wall.date(), at)}"
        return text

    def _days(self) -> tuple[str, bool]:
        """The day-level choice ("on the last Friday", "on 14 February") and whether BYSETPOS is in it."""
        r, ph = self.rule, self.ph
        single_month = self.months[0] if len(self.months) == 1 else None
        yearly_scope = r.freq == "YEARLY"
        others = self.ordinals or r.byyearday or r.byweekno or r.byeaster
        if r.bysetpos and self.weekdays and not (others or self.monthdays) and len(self.hours) <= 1:
            month = single_month if yearly_scope else None
            self.month_said = month is not None
            scope = "month" if r.freq == "MONTHLY" else ("year" if yearly_scope and month is None else "")
            return ph.setpos_days(r.bysetpos, self.weekdays, scope, month), True
        if self.weekdays and self.monthdays and not others and all(d > 0 for d in self.monthdays):
            days = sorted(self.monthdays)
            self.month_said = single_month is not None
            if len(days) >= 2 and days[-1] - days[0] == len(days) - 1:
                return ph.monthday_run(self.weekdays, days[0], days[-1], single_month), False
            if len(days) == 1 and len(self.weekdays) == 1:
                return ph.weekday_and_monthday(self.weekdays[0], days[0], single_month), False
            self.month_said = False
        by_weekday = []
        if self.ordinals:
            scope_month: tuple[int, ...] | None = None
            if yearly_scope:
                scope_month = self.months or ()
                self.month_said = bool(self.months)
            by_weekday.append(ph.nth_weekdays(list(self.ordinals.items()), scope_month))
        if self.weekdays:
            mode = "on" if r.freq in ("WEEKLY", "DAILY") or r.byweekno else "every"
            by_weekday.append(ph.weekday_set(self.weekdays, mode))
        days_of = []
        alternatives = ph.OR if by_weekday else ""  # "on Tuesday if it falls on day 1 or 3"
        if self.monthdays:
            month = single_month if not by_weekday else None
            self.month_said = self.month_said or month is not None
            days_of.append(ph.monthdays(self.monthdays, month, alternatives))
        if r.byyearday:
            days_of.append(ph.yeardays(r.byyearday, alternatives))
        if r.byeaster:
            days_of.append(ph.easter(r.byeaster))
        if by_weekday and days_of:
            return ph.falls_on(ph.join(by_weekday), ph.join(days_of)), False
        return ph.join(by_weekday or days_of), False
