"""What the Calendar and the Schedule pages share about occurrences of a recurring post.

- `ask_scope`: only this occurrence, this and following, or all of them;
- `occurrence_as_post`: the post as the dialog shows one occurrence of it (its own time, text, link, status);
- `delete_selection` / `status_selection`: a selection mixing single posts and occurrences, written all or
  nothing through `OccurrenceEditor`, with the state before it captured for Undo (`OccurrenceEditor.op`, pushed by the operation runner);
- `rule_in_words`, `gap_note`: a rule and a DST-shifted occurrence said in words (tooltips).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.occurrence_edits import EditOutcome, OccurrenceEditor
from nomadcm.services.schedule.posts import PostInfo
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule
from nomadcm.ui.formatting import fmt_date, fmt_day, fmt_time, plural

OccurrenceKey = tuple[int, datetime]  # (post id, the occurrence's wall time in its series)
SCOPE_ONE, SCOPE_FOLLOWING, SCOPE_ALL = "one", "following", "all"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


# ---------------------------------------------------------------------- which occurrences


def ask_scope(parent: QWidget, title: str, question: str, count: int = 1) -> str | None:
    """Only this occurrence, this and following, or all of them (None: cancelled).

    `count`: how many occurrences are concerned (the buttons then speak of "these").
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.Cancel, parent)
    if count > 1:
        one_text, following_text = (
            translate("Occurrences", "Only these"),
            translate("Occurrences", "These and following"),
        )
    else:
        one_text, following_text = (
            translate("Occurrences", "Only this one"),
            translate("Occurrences", "This and following"),
        )
    one = box.addButton(one_text, QMessageBox.ButtonRole.AcceptRole)
    following = box.addButton(following_text, QMessageBox.ButtonRole.AcceptRole)
    every = box.addButton(translate("Occurrences", "All of them"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(one)
    box.exec()
    clicked = box.clickedButton()
    if clicked is one:
        return SCOPE_ONE
    if clicked is following:
        return SCOPE_FOLLOWING
    if clicked is every:
        return SCOPE_ALL
    return None


def occurrence_as_post(services: Services, post_id: int, series_wall: datetime) -> PostInfo:
    """The recurring post with this occurrence's own time, text, link and status (what the dialog shows)."""
    info = services.posts.get(post_id)
    _series, occ = services.occurrence_editor.occurrence(post_id, series_wall)
    return replace(info, wall=occ.wall, fold=occ.fold, text=occ.text, link=occ.link, status=occ.status)


def dropped_message(count: int) -> str:
    return plural(
        translate(
            "Occurrences",
            "%n changed occurrence(s) no longer fit the new pattern and were removed.",
            "",
            count,
        ),
        count,
    )


# ---------------------------------------------------------------------- selections


def _all_or_nothing(
    editor: OccurrenceEditor, post_ids: Sequence[int], steps: Callable[[], None]
) -> EditOutcome:
    ids = sorted(set(post_ids))
    before = editor.state(ids)
    try:
        steps()
    except UserError:
        editor.restore(before)  # what was already written comes back: the selection is one change
        raise
    return EditOutcome(before, ids[0])


def delete_selection(
    editor: OccurrenceEditor,
    single_ids: Sequence[int],
    occurrences: Sequence[OccurrenceKey],
    scope: str,
) -> EditOutcome:
    """Deletes single posts and occurrences (`scope` for the occurrences) as one change.

    Several occurrences of one series: "all" deletes the series once, "following" cuts it at the earliest
    one selected (the later ones go with it), "one" deletes each.
    """
    if scope == SCOPE_ONE:
        plan = sorted(set(occurrences))
    else:
        earliest: dict[int, datetime] = {}
        for post_id, series_wall in occurrences:
            if post_id not in earliest or series_wall < earliest[post_id]:
                earliest[post_id] = series_wall
        plan = sorted(earliest.items())

    def steps() -> None:
        if single_ids:
            editor.posts.delete(sorted(set(single_ids)))
        for post_id, series_wall in plan:
            editor.delete(post_id, series_wall, scope)

    return _all_or_nothing(editor, [*single_ids, *(p for p, _w in occurrences)], steps)


def status_selection(
    editor: OccurrenceEditor,
    single_ids: Sequence[int],
    occurrences: Sequence[OccurrenceKey],
    status: str,
) -> EditOutcome:
    """Sets the status of single posts and of each occurrence alone (the rest of its series keeps its own)."""

    def steps() -> None:
        if single_ids:
            editor.posts.set_status(sorted(set(single_ids)), status)
        for post_id, series_wall in sorted(set(occurrences)):
            editor.set_status(post_id, series_wall, status)

    return _all_or_nothing(editor, [*single_ids, *(p for p, _w in occurrences)], steps)


# ---------------------------------------------------------------------- words


def _day_names(weekdays: Sequence[int]) -> str:
    locale = QLocale()
    return locale.createSeparatedList(
        [locale.dayName(d + 1, QLocale.FormatType.LongFormat) for d in weekdays]
    )


def _ordinal(n: int) -> str:
    names = {
        1: translate("Occurrences", "first"),
        2: translate("Occurrences", "second"),
        3: translate("Occurrences", "third"),
        4: translate("Occurrences", "fourth"),
        5: translate("Occurrences", "fifth"),
        -1: translate("Occurrences", "last"),
        -2: translate("Occurrences", "second-to-last"),
    }
    return names.get(
        n,
        translate("Occurrences", "#{n}").format(n=n)
        if n > 0
        else translate("Occurrences", "#{n} from the end").format(n=-n),
    )


def _month_days(days: Sequence[int]) -> str:
    locale = QLocale()
    words = []
    for d in days:
        if d == -1:
            words.append(translate("Occurrences", "the last day"))
        elif d < 0:
            words.append(translate("Occurrences", "day {n} from the end").format(n=-d))
        else:
            words.append(translate("Occurrences", "day {n}").format(n=d))
    return locale.createSeparatedList(words)


def rule_in_words(rule: RecurrenceRule, tz: str, dtstart: datetime | None = None) -> str:
    """ "every week on Monday and Wednesday, 10 times in all" (dtstart names the day a bare rule repeats on)."""
    n = rule.interval
    plain = [d for o, d in rule.byday if o is None]
    ordinals = [(o, d) for o, d in rule.byday if o is not None]
    if rule.freq == "DAILY":
        text = (
            translate("Occurrences", "every day")
            if n == 1
            else plural(translate("Occurrences", "every %n day(s)", "", n), n)
        )
        if plain:
            text = translate("Occurrences", "{every}, on {days}").format(every=text, days=_day_names(plain))
    elif rule.freq == "WEEKLY":
        days = plain or ([dtstart.weekday()] if dtstart is not None else [])
        if n == 1 and sorted(days) == [0, 1, 2, 3, 4]:
            text = translate("Occurrences", "every weekday (Monday to Friday)")
        else:
            text = (
                translate("Occurrences", "every week")
                if n == 1
                else plural(translate("Occurrences", "every %n week(s)", "", n), n)
            )
            if days:
                text = translate("Occurrences", "{every} on {days}").format(every=text, days=_day_names(days))
    else:  # MONTHLY
        text = (
            translate("Occurrences", "every month")
            if n == 1
            else plural(translate("Occurrences", "every %n month(s)", "", n), n)
        )
        parts = [
            translate("Occurrences", "the {ordinal} {weekday}").format(
                ordinal=_ordinal(o), weekday=_day_names([d])
            )
            for o, d in ordinals
        ]
        if rule.bymonthday:
            parts.append(_month_days(rule.bymonthday))
        if plain:
            parts.append(translate("Occurrences", "every {days}").format(days=_day_names(plain)))
        if not parts and dtstart is not None:
            parts.append(_month_days([dtstart.day]))
        if parts:
            text = translate("Occurrences", "{every} on {what}").format(
                every=text, what=QLocale().createSeparatedList(parts)
            )
    if rule.count is not None:
        count = rule.count  # a plain name: lupdate skips a translate() whose count is an expression
        times = plural(translate("Occurrences", "%n time(s) in all", "", count), count)
        text = translate("Occurrences", "{rule}, {count}").format(rule=text, count=times)
    elif rule.until is not None:
        text = translate("Occurrences", "{rule}, until {date}").format(
            rule=text, date=fmt_date(timezones.wall_at(rule.until, tz))
        )
    return text


def gap_note(series_wall: datetime, wall: datetime, tz: str) -> str:
    """Why an occurrence is not at its series' time: the clocks jumped over it that day."""
    return translate(
        "Occurrences",
        "{time} does not exist on {day} in {zone} (the clocks jump forward): this occurrence goes out at "
        "{moved}, just after the jump.",
    ).format(time=fmt_time(series_wall), day=fmt_day(series_wall), zone=tz, moved=fmt_time(wall))
