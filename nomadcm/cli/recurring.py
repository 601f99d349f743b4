"""What the CLI says about a recurring post: `post add --rrule` (cli/schedule.py) and `post occurrences`
(cli/publishing.py). Registers no command.

- `check_rrule_option`: `--rrule` read before anything is written (a bad rule: one line naming the part,
  exit 2), with the notes the rule deserves;
- `series_preview`: the rule in words, the next occurrences, how many in all and the DST notes, printed as
  text or put inside the one JSON document of `post add --json`;
- `occurrence_json`: one occurrence, the same in both commands' JSON.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nomadcm import timezones
from nomadcm.cli.common import CliContext, echo
from nomadcm.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from nomadcm.services.schedule.series import Occurrence, Series

SHOWN_OCCURRENCES = 5
NOTED_OCCURRENCES = 400  # occurrences looked at for DST notes: the DST changes of a year of weekly posts


def check_rrule_option(text: str, tz: str | None) -> tuple[str, ...]:
    """Reads `--rrule`; returns its notes (a part dropped, a part other calendars may not read)."""
    from nomadcm.services.schedule.recurrence_rule import RecurrenceRule

    try:
        return RecurrenceRule.parse(text, tz or "UTC").notes
    except ValidationError as err:
        raise ValidationError(f"--rrule: {err}") from None


def find_series(ctx: CliContext, post_id: int) -> Series | None:
    """The recurring post `post_id` as a series, or None (not recurring, or no such post)."""
    try:
        return ctx.services.occurrence_editor.series(post_id)
    except NotFoundError:
        return None


def rule_words(series: Series) -> str:
    """The series' rule as an English sentence ("Every month on the last weekday")."""
    from nomadcm.services.schedule.recurrence_words import rule_in_words, sentence

    return sentence(rule_in_words(series.rule, series.tz, series.dtstart))


@dataclass
class SeriesPreview:
    """What `post add --rrule` says about the series it made."""

    rule: str
    words: str
    first: list[Occurrence]  # the next SHOWN_OCCURRENCES
    in_all: int | None  # None: no end
    notes: list[str]

    def as_json(self) -> dict[str, Any]:
        return {
            "rrule": self.rule,
            "rule_in_words": self.words,
            "next_occurrences": [occurrence_json(o) for o in self.first],
            "occurrences_in_all": self.in_all,
        }

    def print(self) -> None:
        echo(f"  {self.words}")
        for occ in self.first:
            echo(
                f"  {occ.wall:%a %Y-%m-%d %H:%M} {occ.tz_abbr}"
                f" = {occ.cm_wall:%Y-%m-%d %H:%M} your time ({occ.cm_zone})"
            )
        if self.in_all is None:
            echo("  … and on, with no end (add COUNT= or UNTIL= to stop it)")
        elif self.in_all > len(self.first):
            echo(f"  … {self.in_all} occurrences in all")


def series_preview(ctx: CliContext, post_id: int, rule_notes: Sequence[str] = ()) -> SeriesPreview | None:
    """The preview of the series `post_id`: a note for each occurrence DST moved among the first ones."""
    series = find_series(ctx, post_id)
    if series is None:
        return None
    from nomadcm.services.schedule.query import ScheduleFilter

    first: list[Occurrence] = []
    notes = list(rule_notes)
    seen = 0
    for occ in ctx.services.schedule(ScheduleFilter(post_ids=(post_id,))).stream():
        if len(first) < SHOWN_OCCURRENCES:
            first.append(occ)
        if occ.gap_shifted and seen < NOTED_OCCURRENCES:
            notes.append(
                f"{occ.series_wall:%Y-%m-%d %H:%M} does not exist in {occ.tz} (clocks jump forward): "
                f"that occurrence goes out at {occ.wall:%H:%M}"
            )
        seen += 1
        if series.rule.open_ended and seen >= NOTED_OCCURRENCES:
            break
    in_all = None if series.rule.open_ended else seen
    count = series.rule.count
    if count is not None and in_all is not None and in_all < count and not series.overrides:
        notes.append(
            f"{count - in_all} of the COUNT={count} wall times fall in a DST gap and, moved past it, on a "
            "time the rule already has: each instant goes out once (RFC 5545)"
        )
    return SeriesPreview(series.rule.to_text(), rule_words(series), first, in_all, notes)


def print_notes(notes: Sequence[str]) -> None:
    for note in notes:
        echo(f"note: {note}", file=sys.stderr)


def occurrence_json(o: Occurrence) -> dict[str, Any]:
    """One occurrence as `post occurrences --json` and `post add --json` give it."""
    return {
        "id": o.post_id,
        "occurrence": f"{o.series_wall:%Y-%m-%d %H:%M}",
        "audience_tz": o.tz,
        "audience_time": f"{o.wall:%Y-%m-%d %H:%M}",
        "utc_time": timezones.format_utc(o.utc),
        "cm_tz": o.cm_zone,
        "cm_time": f"{o.cm_wall:%Y-%m-%d %H:%M}",
        "status": o.status,
        "dst_shifted": o.gap_shifted,
        "changed": o.edited,
    }
