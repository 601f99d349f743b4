"""French and English: the catalogue is complete and compiled, and a French run speaks French."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from nomadcm.ui.i18n import Translations, choose_language, locale_for, system_language

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
PLACEHOLDER = re.compile(r"\{[a-z_]+(?:![rs])?(?::[^}]*)?\}|%n")


@pytest.fixture
def french(qapp):  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    assert translations.apply("fr") == "fr"
    yield translations
    translations.remove()


def test_every_message_is_translated() -> None:
    messages = tool.messages(tool.ts_path("fr"))
    assert len(messages) > 500
    todo = tool.untranslated(tool.ts_path("fr"))
    assert todo == [], "\n".join(f"[{m.context}] {m.source}" for m in todo[:20])


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for m in tool.messages(tool.ts_path("fr")):
        wanted = sorted(set(PLACEHOLDER.findall(m.source)))
        for form in m.translation:
            got = sorted(set(PLACEHOLDER.findall(form)))
            # A singular plural form may spell out "1" rather than say %n.
            if got != wanted and not (m.numerus and set(got) == set(wanted) - {"%n"}):
                wrong.append(f"[{m.context}] {m.source!r} -> {form!r}")
    assert wrong == [], "\n".join(wrong[:20])


def test_catalogue_is_up_to_date_with_the_code_and_compiled() -> None:
    """lupdate over the code finds nothing new, and lrelease of the .ts gives the shipped .qm."""
    problems = tool.check("fr")
    assert problems == [], "\n".join(problems)


def test_language_follows_the_system_unless_set() -> None:
    quebec = QLocale(QLocale.Language.French, QLocale.Country.Canada)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert system_language(quebec) == "fr"
    assert system_language(german) == "en"
    assert choose_language("", quebec) == "fr"
    assert choose_language("en", quebec) == "en"
    assert choose_language("klingon", german) == "en"
    assert locale_for("fr", quebec).name() == "fr_CA"  # dates as in Montréal, not Paris
    assert locale_for("fr", german).name() == "fr_FR"  # no French of Germany: France's
    assert locale_for("en", quebec).name() == "en_CA"


def test_a_french_run_shows_french_texts(qtbot, services, qsettings, french) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.main_window import MainWindow

    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus == ["&Fichier", "É&dition", "&Affichage", "Aid&e"]  # Alt+A is Affichage only
    pages = [win.sidebar.item(i).text() for i in range(win.sidebar.count())]
    assert pages[:2] == ["Planning", "Clients"]
    assert {"Calendrier", "Voyages", "Lieux de travail", "Bien-être"} <= set(pages)
    assert win.windowTitle() == "Planning — NomadCM"
    headers = win.page("schedule").model.headerData  # type: ignore[attr-defined]
    assert headers(0, Qt.Orientation.Horizontal) == "Heure de l’audience"
    assert headers(2, Qt.Orientation.Horizontal) == "UTC"


def test_qt_own_dialogs_are_french_too(french) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert "Enregistrer" in texts


def test_dates_and_numbers_follow_the_locale(french) -> None:  # type: ignore[no-untyped-def]
    locale = QLocale()
    assert locale.language() == QLocale.Language.French
    assert locale.toString(1234.5, "f", 1) in ("1\u202f234,5", "1\u00a0234,5", "1 234,5")
    assert locale.toString(QDate(2026, 3, 29), "dddd d MMMM") == "dimanche 29 mars"


def test_english_removes_the_catalogues(qapp) -> None:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("fr")
    assert QCoreApplication.translate("Pages", "Schedule") == "Planning"
    translations.apply("en")
    assert translations.loaded() == 0  # only the plural helper, no catalogue
    assert QCoreApplication.translate("Pages", "Schedule") == "Schedule"
    translations.remove()


def test_plural_endings_follow_the_count_in_both_languages(qapp) -> None:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    try:
        translations.apply("en")
        # A QCoreApplication.translate(..., n) message: lupdate sees no plural, the catalogue resolves it.
        assert QCoreApplication.translate("Wellbeing", "%n day(s) over the screen limit", "", 1) == (
            "1 day over the screen limit"
        )
        assert QCoreApplication.translate("Wellbeing", "%n short night(s)", "", 4) == "4 short nights"
        translations.apply("fr")
        assert QCoreApplication.translate("Wellbeing", "%n short night(s)", "", 4) == "4 nuits trop courtes"
        assert QCoreApplication.translate("Wellbeing", "%n short night(s)", "", 1) == "1 nuit trop courte"
        assert (
            QCoreApplication.translate("ClientsPage", "%n post(s) planned", "", 3) == "3 publications prévues"
        )
    finally:
        translations.remove()


def test_the_welcome_assistant_switches_language_at_once(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.wizard import FirstRunWizard

    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("en")
    try:
        wizard = FirstRunWizard(services, on_language=translations.apply)
        qtbot.addWidget(wizard)
        assert wizard.windowTitle() == "Welcome to NomadCM"
        wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("fr"))
        assert wizard.windowTitle() == "Bienvenue dans NomadCM"
        assert wizard.welcome.explore.text() == "Explorer avec des données d’exemple"
        assert wizard.home.title() == "Où est votre port d’attache\u00a0?"
        wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("en"))
        assert wizard.windowTitle() == "Welcome to NomadCM"
        wizard.track_changes()
    finally:
        translations.remove()


def test_qt_catalogue_shipped_with_nomadcm_is_the_fallback(qapp, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        "nomadcm.ui.i18n.qt_catalogue_dir", lambda: str(tmp_path)
    )  # a Qt without translations
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    try:
        translations.apply("fr")
        assert translations.loaded() == 2
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        translations.remove()


def test_a_page_s_plural_texts_are_french_from_its_layout_class(
    qtbot, services, qsettings, french, paris_client
) -> None:  # type: ignore[no-untyped-def]
    """The Schedule's footer is written by its layout class (SchedulePageView) for a SchedulePage: the
    translation of that context must be found (it read "1 posts" in English once)."""
    from datetime import datetime

    from nomadcm.services.schedule.post_writes import PostDraft
    from nomadcm.ui.main_window import MainWindow

    channel = services.clients.list_channels()[0].id
    for day in (1, 2):
        services.posts.add(PostDraft(channel, f"Bonjour {day}", datetime(2030, 6, day, 9, 0)))
    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    page = win.page("schedule")
    page.clear_filters()
    assert page.count_label.text() == "2 publications"  # type: ignore[attr-defined]


def test_layout_classes_with_plural_texts_look_them_up_in_their_own_context() -> None:
    """A class other UI classes inherit, saying a plural text with `self.tr(text, "", n)`, must take
    `ClassContexts` as a base: PySide asks only the instance's class for plural texts."""
    import ast

    found: dict[str, tuple[Path, ast.ClassDef]] = {}
    inherited: set[str] = set()
    for path in (ROOT / "nomadcm" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                found[node.name] = (path, node)
                inherited.update(b.id for b in node.bases if isinstance(b, ast.Name))
    offenders = []
    for name in sorted(inherited & set(found)):
        path, node = found[name]
        plural_calls = [
            c
            for c in ast.walk(node)
            if isinstance(c, ast.Call)
            and isinstance(c.func, ast.Attribute)
            and c.func.attr == "tr"
            and len(c.args) >= 3
        ]
        bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
        if plural_calls and "ClassContexts" not in bases:
            offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []
