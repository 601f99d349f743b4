"""The phrase books of services/schedule/recurrence_words.py: each piece of a rule in English and in French.

Each method returns one piece, starting with a small letter ("on the last Friday", "le dernier vendredi");
the composer decides which pieces a rule needs and in what order. Dates and times use the formats given
(the GUI passes its locale's), else a plain one of the language ("24 December 1997", "1er décembre 1997").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, time
from typing import ClassVar

WORK_WEEK = frozenset(range(5))
WEEKEND = frozenset({5, 6})


def _run(values: Sequence[int]) -> bool:
    """Whether the sorted values follow each other (9, 10, 11)."""
    s = sorted(values)
    return len(s) >= 2 and s[-1] - s[0] == len(s) - 1


class Phrases:
    DAYS: tuple[str, ...] = ()
    MONTHS: tuple[str, ...] = ()
    AND = "and"
    OR = "or"

    def __init__(
        self,
        format_date: Callable[[date], str] | None = None,
        format_time: Callable[[time], str] | None = None,
    ) -> None:
        self.format_date = format_date or self.plain_date
        self.format_time = format_time or self.plain_time

    def join(self, items: Iterable[str], word: str = "") -> str:
        """ "a, b and c" (no serial comma in either language)."""
        found = [i for i in items if i]
        if len(found) <= 1:
            return "".join(found)
        return ", ".join(found[:-1]) + f" {word or self.AND} " + found[-1]

    def t(self, hour: int, minute: int) -> str:
        return self.format_time(time(hour, minute))

    def clock_times(self, hours: Sequence[int], minutes: Sequence[int]) -> list[str]:
        return [self.t(h, m) for h in sorted(hours) for m in sorted(minutes)]

    def plain_date(self, day: date) -> str:
        raise NotImplementedError

    def plain_time(self, value: time) -> str:
        raise NotImplementedError


class English(Phrases):
    DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")  # fmt: skip
    UNITS: ClassVar[dict[str, str]] = {"YEARLY": "year", "MONTHLY": "month", "WEEKLY": "week", "DAILY": "day", "HOURLY": "hour",
             "MINUTELY": "minute", "SECONDLY": "second"}  # fmt: skip

    def plain_date(self, day: date) -> str:
        return f"{day.day} {self.MONTHS[day.month - 1]} {day.year}"

    def plain_time(self, value: time) -> str:
        return f"{value:%H:%M}"

    def ordinal(self, n: int) -> str:
        if n == -1:
            return "last"
        if n < 0:
            return f"{self.ordinal(-n)}-to-last"
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def days(self, weekdays: Sequence[int], word: str = "", plural: bool = False) -> str:
        return self.join((self.DAYS[d] + ("s" if plural else "") for d in weekdays), word)

    def months(self, months: Sequence[int]) -> str:
        return self.join(self.MONTHS[m - 1] for m in months)

    def every(self, freq: str, n: int) -> str:
        return f"every {self.UNITS[freq]}" if n == 1 else f"every {n} {self.UNITS[freq]}s"

    def every_weekday(self, weekdays: Sequence[int], freq: str) -> str:
        if set(weekdays) == WORK_WEEK:
            return "every weekday (Monday to Friday)"
        if len(weekdays) == 7:
            return "every day"
        return f"every {self.days(weekdays)}" if freq == "DAILY" else f"every week on {self.days(weekdays)}"

    def weekday_set(self, weekdays: Sequence[int], mode: str) -> str:
        if len(weekdays) == 7:
            return "on every day"
        if set(weekdays) == WORK_WEEK:
            return "on weekdays (Monday to Friday)" if mode == "on" else "on every weekday"
        if set(weekdays) == WEEKEND:
            return "on weekends"
        return f"on {self.days(weekdays)}" if mode == "on" else f"on every {self.days(weekdays)}"

    def nth_weekdays(self, groups: list[tuple[int, list[int]]], scope: tuple[int, ...] | None) -> str:
        text = self.join(
            f"the {self.join(self.ordinal(n) for n in ords)} {self.DAYS[d]}" for d, ords in groups
        )
        if scope is None:
            return f"on {text}"
        return f"on {text} of {self.months(scope) if scope else 'the year'}"

    def monthday_run(self, weekdays: Sequence[int], first: int, last: int, month: int | None) -> str:
        m = f" {self.MONTHS[month - 1]}" if month else ""
        if len(weekdays) == 1 and last - first < 7:
            return f"on the {self.DAYS[weekdays[0]]} between {first} and {last}{m}"
        return f"on {self.days(weekdays, plural=True)} from {first} to {last}{m}"

    def weekday_and_monthday(self, weekday: int, day: int, month: int | None) -> str:
        return f"on {self.DAYS[weekday]} the {self.ordinal(day)}" + (
            f" of {self.MONTHS[month - 1]}" if month else ""
        )

    def monthdays(self, days: Sequence[int], month: int | None, word: str = "") -> str:
        positive = [str(d) for d in days if d > 0]
        items = []
        if positive and month:
            items.append(f"{self.join(positive, word)} {self.MONTHS[month - 1]}")
        elif positive:
            items.append(("day " if len(positive) == 1 else "days ") + self.join(positive, word))
        of = f" of {self.MONTHS[month - 1]}" if month else ""
        items += [f"the {self.ordinal(d)} day{of}" for d in days if d < 0]
        return "on " + self.join(items, word)

    def yeardays(self, days: Sequence[int], word: str = "") -> str:
        positive = [str(d) for d in days if d > 0]
        items = (
            [("day " if len(positive) == 1 else "days ") + self.join(positive, word) + " of the year"]
            if positive
            else []
        )
        items += [f"the {self.ordinal(d)} day of the year" for d in days if d < 0]
        return "on " + self.join(items, word)

    def easter(self, offsets: Sequence[int]) -> str:
        def one(n: int) -> str:
            if n == 0:
                return "on Easter Sunday"
            return f"{abs(n)} day{'s' if abs(n) > 1 else ''} {'after' if n > 0 else 'before'} Easter Sunday"

        return self.join(one(n) for n in offsets)

    def falls_on(self, selection: str, days: str) -> str:
        return f"{selection} if it falls {days}"

    def weeknos(self, weeks: Sequence[int], after_days: bool) -> str:
        positive = [str(w) for w in weeks if w > 0]
        items = [("week " if len(positive) == 1 else "weeks ") + self.join(positive)] if positive else []
        items += [f"the {self.ordinal(w)} week" for w in weeks if w < 0]
        return ("in " if after_days else "on every day of ") + self.join(items)

    def months_in(self, months: Sequence[int]) -> str:
        return f"in {self.months(months)}"

    def hour_filter(self, hours: Sequence[int]) -> str:
        h = sorted(hours)
        if len(h) == 1 or _run(h):
            return f"between {self.t(h[0], 0)} and {self.t(h[-1], 59)}"
        return f"in the hours of {self.join(self.t(x, 0) for x in h)}"

    def at_minutes(self, minutes: Sequence[int]) -> str:
        return ("at minute " if len(minutes) == 1 else "at minutes ") + self.join(
            str(m) for m in sorted(minutes)
        )

    def times(self, hours: Sequence[int], minutes: Sequence[int]) -> str:
        if len(minutes) == 1 or len(hours) * len(minutes) <= 6:
            return "at " + self.join(self.clock_times(hours, minutes))
        h, mins = sorted(hours), self.join(str(m) for m in sorted(minutes))
        if _run(h):
            return f"at minutes {mins} of each hour from {self.t(h[0], 0)} to {self.t(h[-1], 0)}"
        return f"at minutes {mins} of the hours of {self.join(self.t(x, 0) for x in h)}"

    def setpos_days(
        self, positions: Sequence[int], weekdays: Sequence[int], scope: str, month: int | None
    ) -> str:
        noun = (
            "weekday" if set(weekdays) == WORK_WEEK
            else "weekend day" if set(weekdays) == WEEKEND
            else "day" if len(weekdays) == 7
            else self.days(weekdays, "or")
        )  # fmt: skip
        suffix = f" of {self.MONTHS[month - 1]}" if month else (" of the year" if scope == "year" else "")
        return f"on the {self.join(self.ordinal(p) for p in positions)} {noun}{suffix}"

    def setpos_general(self, positions: Sequence[int], freq: str) -> str:
        return f"keeping only the {self.join(self.ordinal(p) for p in positions)} of each {self.UNITS[freq]}"

    def week_start(self, weekday: int) -> str:
        return f"(weeks start on {self.DAYS[weekday]})"

    def count(self, n: int) -> str:
        return f"{n} time{'s' if n != 1 else ''} in all"

    def until(self, day: date, at: time | None) -> str:
        return f"until {self.format_date(day)}" + (f" at {self.format_time(at)}" if at else "")


class French(Phrases):
    DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")  # fmt: skip
    AND = "et"
    OR = "ou"
    # frequency -> (one, several, feminine)
    UNITS: ClassVar[dict[str, tuple[str, str, bool]]] = {"YEARLY": ("année", "ans", False), "MONTHLY": ("mois", "mois", False),
             "WEEKLY": ("semaine", "semaines", True), "DAILY": ("jour", "jours", False),
             "HOURLY": ("heure", "heures", True), "MINUTELY": ("minute", "minutes", True),
             "SECONDLY": ("seconde", "secondes", True)}  # fmt: skip
    FROM_END = " en partant de la fin"

    def plain_date(self, day: date) -> str:
        return f"{self.number(day.day)} {self.MONTHS[day.month - 1]} {day.year}"

    def plain_time(self, value: time) -> str:
        return f"{value.hour} h" + (f" {value.minute:02d}" if value.minute else "")

    @staticmethod
    def number(day: int) -> str:
        """A day of the month as French writes it: "1er", "2"."""
        return "1er" if day == 1 else str(day)

    def the(self, n: int, feminine: bool = False) -> tuple[str, str]:
        """(article + ordinal, what follows the noun): ("le 1er", ""), ("l'avant-dernière", ""),
        ("le 3e", " en partant de la fin")."""
        if n == 1:
            word = "1re" if feminine else "1er"
        elif n > 0:
            word = f"{n}e"
        elif n == -1:
            word = "dernière" if feminine else "dernier"
        elif n == -2:
            word = "avant-dernière" if feminine else "avant-dernier"
        else:
            word = f"{-n}e"
        article = "l'" if word.startswith("a") else ("la " if feminine else "le ")
        return article + word, self.FROM_END if n < -2 else ""

    def ordinals_before(self, positions: Sequence[int], noun: str, feminine: bool = False) -> str:
        """ "le 1er et le dernier dimanche", "le 3e jour en partant de la fin"."""
        parts = [self.the(p, feminine) for p in positions]
        after = next((a for _, a in parts if a), "")
        return f"{self.join(w for w, _ in parts)} {noun}{after}"

    def days(
        self, weekdays: Sequence[int], word: str = "", article: bool = False, plural: bool = False
    ) -> str:
        return self.join(
            (("le " if article else "") + self.DAYS[d] + ("s" if plural else "") for d in weekdays), word
        )

    def of(self, months: Sequence[int]) -> str:
        names = self.join(self.MONTHS[m - 1] for m in months)
        return ("d'" if names[0] in "ao" else "de ") + names

    def every(self, freq: str, n: int) -> str:
        one, several, feminine = self.UNITS[freq]
        if n == 1:
            return f"chaque {one}"
        return f"{'toutes' if feminine else 'tous'} les {n} {several}"

    def every_weekday(self, weekdays: Sequence[int], freq: str) -> str:
        if set(weekdays) == WORK_WEEK:
            return "chaque jour ouvré (du lundi au vendredi)"
        if len(weekdays) == 7:
            return "chaque jour"
        if freq == "DAILY":
            return f"chaque {self.days(weekdays)}"
        return f"chaque semaine {self.days(weekdays, article=True)}"

    def weekday_set(self, weekdays: Sequence[int], mode: str) -> str:
        if len(weekdays) == 7:
            return "tous les jours"
        if set(weekdays) == WORK_WEEK:
            return "du lundi au vendredi" if mode == "on" else "tous les jours ouvrés"
        if set(weekdays) == WEEKEND:
            return "le week-end"
        if mode == "on":
            return self.days(weekdays, article=True)
        return f"tous les {self.days(weekdays, plural=True)}"

    def nth_weekdays(self, groups: list[tuple[int, list[int]]], scope: tuple[int, ...] | None) -> str:
        text = self.join(self.ordinals_before(ords, self.DAYS[d]) for d, ords in groups)
        if scope is None:
            return text
        return f"{text} {self.of(scope)}" if scope else f"{text} de l'année"

    def monthday_run(self, weekdays: Sequence[int], first: int, last: int, month: int | None) -> str:
        m = f" {self.MONTHS[month - 1]}" if month else ""
        if len(weekdays) == 1 and last - first < 7:
            return f"le {self.DAYS[weekdays[0]]} entre le {self.number(first)} et le {self.number(last)}{m}"
        return f"les {self.days(weekdays, plural=True)} du {self.number(first)} au {self.number(last)}{m}"

    def weekday_and_monthday(self, weekday: int, day: int, month: int | None) -> str:
        return f"le {self.DAYS[weekday]} {self.number(day)}" + (f" {self.MONTHS[month - 1]}" if month else "")

    def monthdays(self, days: Sequence[int], month: int | None, word: str = "") -> str:
        positive = [f"le {self.number(d)}" for d in days if d > 0]
        items = (
            [self.join(positive, word) + (f" {self.MONTHS[month - 1]}" if month else "")] if positive else []
        )
        of = f" {self.of([month])}" if month else ""
        items += [self.ordinals_before([d], "jour") + of for d in days if d < 0]
        return self.join(items, word)

    def yeardays(self, days: Sequence[int], word: str = "") -> str:
        positive = [self.the(d)[0] for d in days if d > 0]
        items = [f"{self.join(positive, word)} jour de l'année"] if positive else []
        items += [self.ordinals_before([d], "jour") + " de l'année" for d in days if d < 0]
        return self.join(items, word)

    def easter(self, offsets: Sequence[int]) -> str:
        def one(n: int) -> str:
            if n == 0:
                return "le dimanche de Pâques"
            return f"{abs(n)} jour{'s' if abs(n) > 1 else ''} {'après' if n > 0 else 'avant'} le dimanche de Pâques"

        return self.join(one(n) for n in offsets)

    def falls_on(self, selection: str, days: str) -> str:
        verb = "s'ils tombent" if selection.startswith("tous") else "s'il tombe"  # "tous les mardis"
        return f"{selection} {verb} {days}"

    def weeknos(self, weeks: Sequence[int], after_days: bool) -> str:
        positive = [str(w) for w in weeks if w > 0]
        items = []
        if positive:
            items.append(("de la semaine " if len(positive) == 1 else "des semaines ") + self.join(positive))
        items += ["de " + self.ordinals_before([w], "semaine", feminine=True) for w in weeks if w < 0]
        return ("" if after_days else "tous les jours ") + self.join(items)

    def months_in(self, months: Sequence[int]) -> str:
        return "en " + self.join(self.MONTHS[m - 1] for m in months)

    def hour_filter(self, hours: Sequence[int]) -> str:
        h = sorted(hours)
        if len(h) == 1 or _run(h):
            return f"entre {self.t(h[0], 0)} et {self.t(h[-1], 59)}"
        return f"pendant les heures de {self.join(self.t(x, 0) for x in h)}"

    def at_minutes(self, minutes: Sequence[int]) -> str:
        return ("à la minute " if len(minutes) == 1 else "aux minutes ") + self.join(
            str(m) for m in sorted(minutes)
        )

    def times(self, hours: Sequence[int], minutes: Sequence[int]) -> str:
        if len(minutes) == 1 or len(hours) * len(minutes) <= 6:
            return "à " + self.join(self.clock_times(hours, minutes))
        h, mins = sorted(hours), self.join(str(m) for m in sorted(minutes))
        if _run(h):
            return f"aux minutes {mins} de chaque heure de {self.t(h[0], 0)} à {self.t(h[-1], 0)}"
        return f"aux minutes {mins} des heures de {self.join(self.t(x, 0) for x in h)}"

    def setpos_days(
        self, positions: Sequence[int], weekdays: Sequence[int], scope: str, month: int | None
    ) -> str:
        noun = (
            "jour ouvré" if set(weekdays) == WORK_WEEK
            else "jour du week-end" if set(weekdays) == WEEKEND
            else "jour" if len(weekdays) == 7
            else self.days(weekdays, "ou")
        )  # fmt: skip
        suffix = f" {self.of([month])}" if month else (" de l'année" if scope == "year" else "")
        return self.ordinals_before(positions, noun) + suffix

    def setpos_general(self, positions: Sequence[int], freq: str) -> str:
        picked = self.join(w + a for w, a in (self.the(p, feminine=True) for p in positions))
        return f"en ne gardant que {picked} de chaque {self.UNITS[freq][0]}"

    def week_start(self, weekday: int) -> str:
        return f"(semaines commençant le {self.DAYS[weekday]})"

    def count(self, n: int) -> str:
        return f"{n} fois en tout"

    def until(self, day: date, at: time | None) -> str:
        return f"jusqu'au {self.format_date(day)}" + (f" à {self.format_time(at)}" if at else "")


PhraseBook = English | French
PHRASE_BOOKS: dict[str, type[PhraseBook]] = {"en": English, "fr": French}
