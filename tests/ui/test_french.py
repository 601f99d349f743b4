"""French that reads as French (issue 15): accelerators that never collide, French typography in the
catalogue, both plural forms, time-zone messages in plain words, the Enter key's name, combos wide enough for
their French text, and charts with the locale's decimal comma."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from nomadcm import timezones
from nomadcm.ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]


def load_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_translations"] = module
    spec.loader.exec_module(module)
    return module


tool = load_tool()
NB = "\u00a0"
MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def collisions(texts: list[str]) -> dict[str, list[str]]:
    """Accelerator letter -> the texts sharing it, for letters used more than once."""
    by_letter: dict[str, list[str]] = {}
    for text in texts:
        letter = mnemonic(text)
        if letter:
            by_letter.setdefault(letter, []).append(text)
    return {letter: shared for letter, shared in by_letter.items() if len(shared) > 1}


@pytest.fixture(params=["en", "fr"])
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    assert translations.apply(request.param) == request.param
    yield request.param
    translations.remove()


@pytest.fixture
def french(qapp) -> Iterator[Translations]:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    assert translations.apply("fr") == "fr"
    yield translations
    translations.remove()


# --------------------------------------------------------------------------- accelerators


def test_menu_bar_and_each_menu_have_unique_accelerators(qtbot, services, qsettings, language) -> None:  # type: ignore[no-untyped-def]
    """Alt+A opened "Affichage" or "Aide", whichever came first: every top-level menu, and every item of a
    menu, has a letter of its own, in English and in French."""
    from nomadcm.ui.main_window import MainWindow

    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    titles = [a.text() for a in win.menuBar().actions()]
    assert all(mnemonic(t) for t in titles), titles
    assert collisions(titles) == {}, titles
    for action in win.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        items = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert collisions(items) == {}, (action.text(), items)


# Texts of one context that are never on screen together: each group is checked on its own.
SEPARATE = {
    "MainWindowView": None,  # menus: the test above walks the real menu bar
    "CalendarPageView": [  # the page's toolbar, beside the menu bar; its context menu apart
        {"&Week", "&Month", "&Today", "&Import…", "&Queue…"},
        {"&Edit…", "Mark &published", "&Delete…"},
    ],
}
MENU_BAR = ("&File", "&Edit", "&View", "&Help")


def test_dialog_accelerators_are_unique_in_both_languages() -> None:
    """A dialog's labels and buttons (one translation context) share no accelerator letter, in English or
    in French: "Heures dans le &fuseau" beside "&Fichier" was two Alt+F."""
    messages = [m for m in tool.messages(tool.ts_path("fr")) if mnemonic(m.source)]
    menu_bar = {m.source: m.translation[0] for m in messages if m.context == "MainWindowView"}
    wrong = []
    for context in sorted({m.context for m in messages}):
        pairs = {m.source: m.translation[0] for m in messages if m.context == context}
        groups = SEPARATE.get(context, [set(pairs)])
        if groups is None:
            continue
        for group in groups:
            english = [s for s in pairs if s in group]
            french = [pairs[s] for s in english]
            if context == "CalendarPageView" and "&Week" in group:  # the toolbar sits under the menu bar
                english += list(MENU_BAR)
                french += [menu_bar[s] for s in MENU_BAR]
            for language, texts in (("en", english), ("fr", french)):
                if collisions(texts):
                    wrong.append(f"[{context}] {language}: {collisions(texts)}")
    assert wrong == [], "\n".join(wrong)


# --------------------------------------------------------------------------- the catalogue


PLAIN_SPACE_BEFORE = re.compile(r" [:;!?»]|« ")
NO_SPACE_BEFORE = re.compile(
    r"(?<=[^\s\u00a0\u202f\d])[:;!?](?=\s|$)"  # "Fichier:" (times, URLs and rules such as FREQ=X;BY are fine)
    r"|(?<=[^\s\u00a0\u202f])»|«(?=[^\s\u00a0\u202f])"
)


def test_french_typography_holds_in_the_catalogue() -> None:
    """A non-breaking space (U+00A0 or U+202F) before : ; ! ? and », and after «: « votre heure » no longer
    breaks across lines, and no colon sticks to its word."""
    wrong = [
        f"[{m.context}] {form!r}"
        for m in tool.messages(tool.ts_path("fr"))
        for form in m.translation
        if PLAIN_SPACE_BEFORE.search(form) or NO_SPACE_BEFORE.search(form)
    ]
    assert wrong == [], "\n".join(wrong[:30])


def test_french_quotes_are_guillemets() -> None:
    wrong = [
        f"[{m.context}] {form!r}"
        for m in tool.messages(tool.ts_path("fr"))
        for form in m.translation
        if re.search(r"[“”]", form)
    ]
    assert wrong == [], "\n".join(wrong[:30])


def test_french_apostrophes_are_typographic() -> None:
    """« l’audience », not « l'audience »: one apostrophe across the interface (the catalogue had both)."""
    wrong = [
        f"[{m.context}] {form!r}"
        for m in tool.messages(tool.ts_path("fr"))
        for form in m.translation
        if "'" in form
    ]
    assert wrong == [], "\n".join(wrong[:30])


def test_every_plural_message_has_both_french_forms() -> None:
    """French has two forms, the first for 0 and 1 ("0 publication prévue")."""
    wrong = [
        f"[{m.context}] {m.source!r}: {m.translation!r}"
        for m in tool.messages(tool.ts_path("fr"))
        if m.numerus and (len(m.translation) != 2 or not all(f.strip() for f in m.translation))
    ]
    assert wrong == [], "\n".join(wrong)


def test_plural_forms_follow_french_rules(french) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    said = {n: QCoreApplication.translate("WorkplacesPageView", "%n place(s)", "", n) for n in (0, 1, 2)}
    assert said == {0: "0 lieu", 1: "1 lieu", 2: "2 lieux"}


# --------------------------------------------------------------------------- words


def test_skipped_and_repeated_times_in_plain_french(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit

    edit = ZonedDateTimeEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_value(datetime(2027, 3, 28, 2, 30), "Europe/Paris")
    said = edit.problem()
    assert "02:30 n’existe pas dans le fuseau Europe/Paris le " in said
    assert f"{NB}: on passe directement de 2{NB}h à 3{NB}h." in said
    assert "horloges" not in said
    edit.set_value(datetime(2027, 10, 31, 2, 30), "Europe/Paris")
    said = edit.message.text()
    assert "02:30 arrive deux fois dans le fuseau Europe/Paris le " in said
    assert f"(on recule de 3{NB}h à 2{NB}h)" in said


def test_repeated_time_says_when_the_clocks_go_back_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit

    edit = ZonedDateTimeEdit()
    qtbot.addWidget(edit)
    edit.set_value(datetime(2030, 4, 7, 1, 45), "Australia/Lord_Howe")  # back half an hour, 02:00 -> 01:30
    assert "(the clocks go back from 02:00 to 01:30)" in edit.message.text()


def test_enter_key_and_period_choices_read_well_in_french(qtbot, services, french, task_runner) -> None:  # type: ignore[no-untyped-def]
    """The context menu named the Enter key "Retour" (Qt's word for Return); "À partir d'aujourd'hui" was
    cut off in its drop-down."""
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.schedule.page import SchedulePage

    page = SchedulePage(services, ChangeBus(), tasks=task_runner)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    key = page.edit_action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
    assert key == "Entrée"
    combo = page.period_filter
    longest = max(combo.itemText(i) for i in range(combo.count()))
    assert "À partir d’aujourd’hui" in [combo.itemText(i) for i in range(combo.count())]
    for width in (900, 560):  # the filter row squeezed: the combo keeps its French text whole
        page.resize(width, 500)
        qtbot.wait(1)
        assert combo.width() > combo.fontMetrics().horizontalAdvance(longest)
        assert combo.minimumSizeHint().width() > combo.fontMetrics().horizontalAdvance(longest)


def test_french_words_the_issue_named(french) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication as Q

    assert Q.translate("WorkplacesPageView", "Download ≥") == "Débit descendant ≥"
    assert Q.translate("PlacesModel", "Open now") == "Ouvert maintenant"
    assert Q.translate("ScheduleModel", "at home") == "chez vous"
    assert Q.translate("MainWindowView", "&Help") == "Aid&e"


# --------------------------------------------------------------------------- charts


def test_wellbeing_chart_uses_the_locale_decimal_comma_and_capitals(qtbot, services, french) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.services.wellbeing.goals import Goals
    from nomadcm.ui.wellbeing.chart import ChartPanel

    paris = "Europe/Paris"
    services.wellbeing.add_rest(
        "sleep",
        timezones.localize(datetime(2027, 3, 23, 23, 30), paris),
        timezones.localize(datetime(2027, 3, 24, 0, 30), paris),
    )
    goals = Goals(
        sleep_hours=7.5, daily_rest_hours=0, weekly_rest_hours=0, screen_day_hours=0, screen_week_hours=0
    )
    report = services.wellbeing_reports.build(date(2027, 3, 22), date(2027, 3, 28), goals=goals)
    assert QLocale().decimalPoint() == ","
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.set_report(report)
    panel.figure.canvas.draw()
    ax = panel.figure.axes[0]
    ticks = [label.get_text() for label in ax.get_yticklabels()]
    assert "0,5" in ticks and not any("." in t for t in ticks), ticks
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"Objectif de sommeil (7,5{NB}h)" in legend, legend
    assert all(text[0].isupper() for text in legend), legend


def test_counts_of_one_read_in_the_singular(french) -> None:  # type: ignore[no-untyped-def]
    """ "Channel deleted (1 posts)" / "1 rows have problems" were fixed texts with a number in them."""
    from PySide6.QtCore import QCoreApplication as Q

    from nomadcm.ui.formatting import plural

    def said(context: str, text: str, n: int) -> str:
        return plural(Q.translate(context, text, "", n), n)

    channel = "Channel {channel} deleted (%n post(s))."
    assert said("ClientsPage", channel, 1).format(channel="x") == "Canal x supprimé (1 publication)."
    assert said("ClientsPage", channel, 3).format(channel="x") == "Canal x supprimé (3 publications)."
    rows = "%n row(s) have problems (the header is line 1). Fix them in the file and import it again."
    assert said("ImportDialog", rows, 1).startswith("1 ligne en erreur")
    assert said("ImportDialog", rows, 2).startswith("2 lignes en erreur")


def test_a_teammates_conflict_lines_name_her(language: str) -> None:
    """Team mode: a post assigned to Bob is read at Bob's clock and rhythm; the viewer's tooltips say so
    ("While Bob sleeps… for Bob"), in both languages, and keep "you" for her own posts."""
    from nomadcm.ui.travel.texts import conflict_label, conflict_sentence

    bob = conflict_sentence("sleep", "01:00-09:00", "Mon 8 Mar 02:00", "America/Toronto", "Bob")
    mine = conflict_sentence("sleep", "01:00-09:00", "Mon 8 Mar 02:00", "America/Toronto")
    off = conflict_sentence("off_hours", "Mo-Fr 09:00-18:00", "Mon 8 Mar 02:00", "America/Toronto", "Bob")
    trip = conflict_sentence("transit", "Montréal → Paris", "Wed 10 Mar 21:00", "America/Toronto", "Bob")
    if language == "en":
        assert bob.startswith("While Bob sleeps: Mon 8 Mar 02:00 for Bob (America/Toronto)")
        assert mine.startswith("While you sleep: Mon 8 Mar 02:00 for you")
        assert off.startswith("Outside Bob's working hours: Mon 8 Mar 02:00 for Bob")
        assert trip == "While Bob travels: Montréal → Paris, Wed 10 Mar 21:00 for Bob (America/Toronto)"
        assert conflict_label("sleep", "Bob") == "While Bob sleeps"
    else:
        assert bob.startswith("Bob dort\u00a0: Mon 8 Mar 02:00 pour Bob (America/Toronto)")
        assert mine.startswith("Pendant votre sommeil\u00a0: Mon 8 Mar 02:00 pour vous")
        assert off.startswith("Bob hors de ses heures de travail\u00a0: Mon 8 Mar 02:00 pour Bob")
        assert trip.startswith("Bob en trajet\u00a0: Montréal → Paris")
        assert conflict_label("transit", "Bob") == "Bob en trajet"
        assert conflict_label("sleep", "Ana") == "Ana dort"  # a name with a vowel: no "de Ana"
