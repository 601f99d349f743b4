"""Rows an export or the check cannot handle, and how they are left out: skipped and reported, never fatal.

Today every post is checked on the way in (post_writes.py: dates 1970..2100; post_fields.py: a web link
without control characters). A database written by an older NomadCM may still hold a post in year 9999 or with a line break
in its link: `check` died on `year 10000 is out of range`, `export ics` on an OverflowError or a CR LF in a
URL, and kept dying at every run. Readers that write or check rows pass the schedule query's rows through
`usable(rows, skipped)`: the others are written as usual, each bad post is reported once ("skipped post 12:
its time 9999-12-31 23:59 is outside …") — on stderr by the CLI (exit code 0), in a message by the GUI — and
can then be fixed or deleted. Listings (the Schedule page, `post list`) still show such a post, so that a
person can find it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from nomadcm import date_bounds
from nomadcm.errors import ValidationError
from nomadcm.services.schedule.post_fields import check_link
from nomadcm.services.schedule.series import Occurrence

_FIRST_WALL = datetime.combine(date_bounds.EARLIEST, time.min)
_LAST_WALL = datetime.combine(date_bounds.LATEST, time.max)
# A wall time on the first or last day is a few hours off in UTC: the instant gets a day either side.
_FIRST_UTC = (_FIRST_WALL - timedelta(days=1)).replace(tzinfo=UTC)
_LAST_UTC = (_LAST_WALL + timedelta(days=1)).replace(tzinfo=UTC)
_OUTSIDE = f"outside the dates NomadCM handles ({date_bounds.RANGE_TEXT})"


@dataclass(frozen=True)
class SkippedRow:
    """A post left out of an export or a check, and why."""

    post_id: int
    reason: str

    def __str__(self) -> str:
        return f"skipped post {self.post_id}: {self.reason}"


def row_problem(o: Occurrence) -> str | None:
    """Why an export or the check cannot take this row (a value an older NomadCM let in), or None."""
    if not _FIRST_WALL <= o.wall <= _LAST_WALL:
        return f"its time {date_bounds.describe(o.wall)} is {_OUTSIDE}"
    if not _FIRST_UTC <= o.utc <= _LAST_UTC:
        return f"its instant {date_bounds.describe(o.utc)} is {_OUTSIDE}"
    return link_problem(o.link) if o.link else None


@functools.lru_cache(maxsize=4096)
def link_problem(link: str) -> str | None:
    """What is wrong with a stored link, or None (cached: an export of 100,000 posts has few links)."""
    try:
        check_link(link)
    except ValidationError as err:
        return str(err)
    return None


def usable(rows: Iterable[Occurrence], skipped: list[SkippedRow]) -> Iterator[Occurrence]:
    """`rows` without those an export or the check cannot take; each such post is added to `skipped` once
    (a recurring post has many rows)."""
    reported: set[int] = set()
    for o in rows:
        problem = row_problem(o)
        if problem is None:
            yield o
        elif o.post_id not in reported:
            reported.add(o.post_id)
            skipped.append(SkippedRow(o.post_id, problem))
