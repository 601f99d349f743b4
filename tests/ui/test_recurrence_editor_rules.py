"""The post dialog's custom recurrence rule: any RFC 5545 rule, typed key by key, said in words in the GUI's
language (English or French) above its next occurrences."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QLocale

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.publishing import recurrence_editor as re_mod
from nomadcm.ui.publishing.recurrence_editor import RecurrenceEditor
from nomadcm.ui.schedule.post_dialog import PostDialog

BLACK_FRIDAY = "FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29"


def test_typing_a_yearly_rule_shows_it_in_words_and_saves_it(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    saved: list[PostDraft] = []
    dialog = PostDialog(services, saved.append)
    qtbot.addWidget(dialog)
    dialog.when.set_value(datetime(2026, 1, 10, 9), "Europe/Paris")
    editor = dialog.recurrence
    editor.pattern.setCurrentIndex(re_mod.CUSTOM)
    began = time.perf_counter()
    qtbot.keyClicks(editor.custom, BLACK_FRIDAY)  # every prefix on the way is read, some refused
    assert time.perf_counter() - began < 10  # no prefix searches to the year 9999
    assert editor.problem() == ""
    lines = editor.preview.text().splitlines()
    assert lines[0] == "Every year on the Friday between 23 and 29 November"
    assert lines[1].startswith("Next occurrences") and len([x for x in lines if x.startswith("•")]) == 5
    assert "27" in lines[2] and "2026" in lines[2]  # Friday 27 November 2026 comes first
    dialog.text_edit.setPlainText("Black Friday")
    dialog.save_button.click()
    assert saved[0].rrule == BLACK_FRIDAY


def test_a_rule_with_a_part_dropped_says_so_under_its_words(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    editor = RecurrenceEditor(services.your_time())
    qtbot.addWidget(editor)
    editor.set_start(datetime(2026, 1, 6, 9), "Europe/Paris")
    editor.pattern.setCurrentIndex(re_mod.CUSTOM)
    editor.custom.setText("FREQ=WEEKLY;BYDAY=1TU")
    text = editor.preview.text()
    assert text.startswith("Every week on Tuesday") and "the number was dropped" in text
    editor.custom.setText("FREQ=MINUTELY;INTERVAL=15")
    assert "needs an end" in editor.problem() and "1000" in editor.problem()


def test_the_words_follow_the_french_locale(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        editor = RecurrenceEditor(services.your_time())
        qtbot.addWidget(editor)
        editor.set_start(datetime(2026, 1, 5, 9), "Europe/Paris")
        editor.pattern.setCurrentIndex(re_mod.CUSTOM)
        editor.custom.setText("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")
        assert editor.preview.text().splitlines()[0] == "Chaque mois le dernier jour ouvré"
        editor.custom.setText(BLACK_FRIDAY)
        assert (
            editor.preview.text().splitlines()[0] == "Chaque année le vendredi entre le 23 et le 29 novembre"
        )
    finally:
        QLocale.setDefault(previous)
