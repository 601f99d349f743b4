"""Published recurrence vectors, ready to run: RFC 5545 §3.8.5.3's examples and python-dateutil's
DAILY/WEEKLY/MONTHLY/YEARLY tests, as (DTSTART, RRULE, expected wall times).

The data is copied from its sources, not computed: rrule_vectors_rfc.py (RFC 5545, its listings verbatim)
and rrule_vectors_dateutil.py (dateutil's tests, copied by tools/import_dateutil_rrule_vectors.py).
`read_listing` turns an RFC listing ("(1997 9:00 AM EDT) September 2,4,6,8...24,26,28,30;") into wall
times and the zone abbreviation printed for them, expanding its ranges ("2-11") and elisions ("8...24" goes
on by the step before it); a listing ending with "..." gives the first occurrences only.

A vector NomadCM refuses on purpose carries `refused`: the words its one-line message must contain. Those
are the product's limits (services/schedule/recurrence_rule.py), each named in the README:
- posts go out on whole minutes: dateutil's BYSECOND=6,18 vectors (16 of them);
- a rule repeating within a day must end within 1000 occurrences: the RFC's open-ended MINUTELY example
  (its DAILY twin, with the same listing, runs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from rrule_vectors_dateutil import DATEUTIL_VECTORS  # siblings: this folder is on sys.path (see its users)
from rrule_vectors_rfc import RFC_EXAMPLES, RFC_URL, RFC_ZONE, RfcExample

DATEUTIL_ZONE = "America/New_York"  # dateutil's vectors are floating wall times: any zone runs them
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
ELLIPSIS = -1  # a "..." among the numbers of a listing


@dataclass(frozen=True)
class Vector:
    name: str
    source: str  # where the data was copied from (URL and section, or URL and line)
    zone: str
    dtstart: datetime
    rule: str
    expected: tuple[datetime, ...]  # audience wall times, in order
    abbreviations: tuple[str, ...] = ()  # the zone abbreviation the source prints for each (RFC only)
    complete: bool = True  # False: the source lists the first occurrences of an endless rule only
    after: datetime | None = None  # dateutil's `.between(after, before)`: both excluded
    before: datetime | None = None
    refused: str = ""  # NomadCM refuses this rule on purpose: words of its message

    @property
    def id(self) -> str:
        return self.name


# ---------------------------------------------------------------------- RFC 5545 listings

_HEADING = re.compile(r"\(([^)]*)\)")
_YEAR_TIME = re.compile(r"^(\d{4}) (\d{1,2}):(\d{2}) (AM|PM) (E[SD]T)$")
_YEAR = re.compile(r"^(\d{4}) (E[SD]T)$")
_DAY = re.compile(r"^([A-Z][a-z]+) (\d{1,2}), (\d{4}) (E[SD]T)$")


def _numbers(text: str) -> tuple[list[int], bool]:
    """ "2,4,6,8...24,26" -> [2, 4, ..., 26]; "2-11" -> 2..11; a trailing "..." -> (numbers, open)."""
    tokens: list[int] = []
    for chunk in re.split(r"[,;]", text):
        pieces = chunk.strip().split("...")
        for i, piece in enumerate(pieces):
            if i:
                tokens.append(ELLIPSIS)
            piece = piece.strip()
            if "-" in piece:
                first, last = (int(x) for x in piece.split("-"))
                tokens += range(first, last + 1)
            elif ":" in piece:
                hours, minutes = piece.split(":")
                tokens.append(int(hours) * 60 + int(minutes))
            elif piece:
                tokens.append(int(piece))
    values: list[int] = []
    open_end = False
    for i, token in enumerate(tokens):
        if token != ELLIPSIS:
            values.append(token)
        elif i == len(tokens) - 1:
            open_end = True
        else:  # goes on by the last step up to the next number
            step = values[-1] - values[-2]
            values += range(values[-1] + step, tokens[i + 1], step)
    return values, open_end


def read_listing(lines: tuple[str, ...], dtstart: datetime) -> tuple[list[tuple[datetime, str]], bool]:
    """(wall time, abbreviation) of each occurrence an RFC listing prints, and whether it is all of them."""
    text = " ".join(" ".join(lines).split())
    headings = list(_HEADING.finditer(text))
    found: list[tuple[datetime, str]] = []
    complete = not text.endswith("...")
    for k, heading in enumerate(headings):
        body = text[heading.end() : headings[k + 1].start() if k + 1 < len(headings) else len(text)].strip()
        body = body.removesuffix("...").strip() if k == len(headings) - 1 else body
        label = heading.group(1)
        if m := _DAY.match(label):
            day = datetime(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
            minutes, _ = _numbers(body)
            found += [(day + timedelta(minutes=n), m.group(4)) for n in minutes]
            continue
        if m := _YEAR_TIME.match(label):
            hour = int(m.group(2)) % 12 + (12 if m.group(4) == "PM" else 0)
            year, at, abbr = int(m.group(1)), (hour, int(m.group(3))), m.group(5)
        elif m := _YEAR.match(label):
            year, at, abbr = int(m.group(1)), (dtstart.hour, dtstart.minute), m.group(2)
        else:
            raise ValueError(f"unknown heading {label!r}")
        for segment in re.finditer(r"([A-Z][a-z]+)\s*([^A-Z]*)", body):
            month = MONTHS.index(segment.group(1)) + 1
            days, _ = _numbers(segment.group(2))
            found += [(datetime(year, month, d, *at), abbr) for d in days]
    return found, complete


def _rfc_vectors(example: RfcExample) -> list[Vector]:
    """One vector per rule of the example. Its one EXDATE ("Every Friday the 13th") removes a DTSTART that
    is not an occurrence; NomadCM stores a series at its first occurrence, so it never lists that one."""
    dtstart = datetime.strptime(example.dtstart, "%Y%m%dT%H%M%S")
    assert example.exdate in ("", example.dtstart), example.title
    listed, complete = read_listing(example.published, dtstart)
    out = []
    for i, rule in enumerate(example.rules):
        name = f"RFC {example.title}" + (f" (or #{i + 1})" if len(example.rules) > 1 else "")
        refused = ""
        if rule.startswith("FREQ=MINUTELY") and "COUNT" not in rule and "UNTIL" not in rule:
            refused = "FREQ=MINUTELY repeats within a day: such a rule needs an end, COUNT=1000 at most"
        out.append(
            Vector(
                name,
                f"{RFC_URL} ({example.title})",
                RFC_ZONE,
                dtstart,
                rule,
                tuple(w for w, _ in listed),
                tuple(a for _, a in listed),
                complete,
                refused=refused,
            )
        )
    return out


def _dateutil_vectors() -> list[Vector]:
    out = []
    for name, source, start, rule, expected, between in DATEUTIL_VECTORS:
        after, before = (datetime.fromisoformat(b) for b in between) if between else (None, None)
        refused = ""
        if m := re.search(r"BYSECOND=(\d+)", rule):
            refused = f"BYSECOND={m.group(1)}: posts go out on whole minutes"
        out.append(
            Vector(
                f"dateutil {name}",
                source,
                DATEUTIL_ZONE,
                datetime.fromisoformat(start),
                rule,
                tuple(datetime.fromisoformat(e) for e in expected),
                complete=between is None,
                after=after,
                before=before,
                refused=refused,
            )
        )
    return out


VECTORS: tuple[Vector, ...] = (
    *(v for example in RFC_EXAMPLES for v in _rfc_vectors(example)),
    *_dateutil_vectors(),
)
