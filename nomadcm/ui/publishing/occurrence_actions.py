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

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.occurrence_edits import EditOutcome, OccurrenceEditor
from nomadcm.services.schedule.posts import PostInfo
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule
from nomadcm.services.schedule.recurrence_words import LANGUAGES as RULE_LANGUAGES
from nomadcm.services.schedule.recurrence_words import rule_in_words as compose_rule_in_words
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
    box.setTextFormat(Qt.TextFormat.PlainText)  # the question names the post's client
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


def words_language(locale: QLocale | None = None) -> str:
    """The language rules are said in: the GUI's (its default locale, set by ui/i18n.py), else English."""
    code = QLocale.languageToCode((locale or QLocale()).language())
    return code if code in RULE_LANGUAGES else "en"


def rule_in_words(rule: RecurrenceRule, tz: str, dtstart: datetime | None = None) -> str:
    """ "every week on Monday and Wednesday, 10 times in all" in the GUI's language, with its date and time
    formats (dtstart names the day a bare rule repeats on). The words themselves are composed, in English
    and French, by services/schedule/recurrence_words.py."""
    return compose_rule_in_words(
        rule, tz, dtstart, words_language(), format_date=fmt_date, format_time=fmt_time
    )


def gap_note(series_wall: datetime, wall: datetime, tz: str) -> str:
    """Why an occurrence is not at its series' time: the clocks jumped over it that day."""
    return translate(
        "Occurrences",
        "{time} does not exist on {day} in {zone} (the clocks jump forward): this occurrence goes out at "
        "{moved}, just after the jump.",
    ).format(time=fmt_time(series_wall), day=fmt_day(series_wall), zone=tz, moved=fmt_time(wall))
