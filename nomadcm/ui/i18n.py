"""Languages: NomadCM's own French catalogue, Qt's (buttons of message boxes, file and colour dialogs), and
the locale every date, time, number and first day of the week is formatted with.

The language follows the system unless the `language` setting says "fr" or "en". English is the source
language, so it needs no catalogue. The catalogue is `resources/translations/nomadcm_fr.qm`, compiled from
`nomadcm_fr.ts` by `tools/update_translations.py` (which also runs pyside6-lupdate over the code).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from nomadcm import paths

SOURCE_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "fr")  # what ships: English (source) and French


def language_names() -> dict[str, str]:
    """Each language in its own words, as a language menu shows them; "" is the system's choice."""
    return {
        "": QCoreApplication.translate("Languages", "Same as the system"),
        "en": "English",
        "fr": "Français",
    }


def system_language(system: QLocale | None = None) -> str:
    """The first of the system's UI languages that NomadCM ships, else English."""
    locale = system or QLocale.system()
    for tag in [*locale.uiLanguages(), locale.name()]:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def choose_language(setting: object, system: QLocale | None = None) -> str:
    """The language to show: the setting when it names one that ships, else the system's."""
    value = str(setting or "").strip().lower()
    return value if value in LANGUAGES else system_language(system)


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """Formats for `language`, keeping the system's country: a Montréal French CM gets fr_CA dates."""
    system = system or QLocale.system()
    if QLocale.languageToCode(system.language()) == language:
        return system
    lang = QLocale.codeToLanguage(language)
    candidate = QLocale(lang, system.territory())
    if candidate.language() == lang and candidate.territory() == system.territory():
        return candidate
    return QLocale(lang)  # that language's main country (fr -> France, en -> United States)


def catalogue_dir() -> str:
    return str(paths.resource_path("translations"))


def qt_catalogue_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


# Languages whose zero takes the singular ("0 publication prévue"); in English zero is plural ("0 posts").
ZERO_IS_SINGULAR = frozenset({"fr"})


def resolve_plural(text: str, n: int, language: str = "fr") -> str:
    """ "%n nuit(s) courte(s)" for n: the "(s)" endings dropped for one (and for zero in French), kept as
    "s" for more. Plural messages written that way work in English and French alike."""
    singular = abs(n) <= 1 if language in ZERO_IS_SINGULAR else abs(n) == 1
    return text.replace("(s)", "" if singular else "s")


class ClassContexts:
    """For layout classes a page inherits (`SchedulePage(SchedulePageView)`): `self.tr()` looks each text up in
    the contexts of the class hierarchy, from the instance's class down, plural texts included.

    lupdate files a text under the class whose method says it; PySide's own `tr()` walks the hierarchy for plain
    texts but asks only the instance's class for a plural one (`tr(text, "", n)`), so a count written by the
    layout class would stay English. Put this first among a layout class's bases.
    """

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        # What Qt gives back when nothing matched.
        untranslated = text.replace("%n", str(n)) if n >= 0 else text
        for cls in type(self).__mro__:
            if cls is QObject:
                break
            found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if found != untranslated:
                return found
        return untranslated


class Catalogue(QTranslator):
    """NomadCM's catalogue (None: English, the source) plus plural endings resolved for the count.

    lupdate marks only `self.tr(text, "", n)` as a plural message; `QCoreApplication.translate(ctx, text,
    "", n)` comes out singular, and Qt then finds no translation for a count it would put in a plural form.
    Such messages are looked up without the count, and their "(s)" endings resolved here.
    """

    def __init__(self, parent: QObject, catalogue: QTranslator | None = None, language: str = "fr") -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.language = language  # the catalogue's: its plural rule (English's for the source texts)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The translation, or None (a null string: "not here, ask the next catalogue or keep the source")."""
        text = ""
        if self.catalogue is not None:
            text = self.catalogue.translate(context, source, disambiguation, n)
            if not text and n >= 0:
                text = self.catalogue.translate(context, source, disambiguation, -1)
            if not text:
                # Not in this context: say so, so that PySide's tr() asks the base classes' contexts next (a
                # page's strings may live in its layout class's context); English "(s)" stays for plural().
                return None
        if n >= 0 and "(s)" in (text or source):
            return resolve_plural(text or source, n, self.language if text else SOURCE_LANGUAGE)
        return text or None

    def isEmpty(self) -> bool:
        return False


class Translations(QObject):
    """The translators installed on the application; `apply()` swaps them for another language."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []
        self._files = 0  # catalogue files loaded (ours and Qt's)
        self._default_locale = QLocale()  # restored by remove()

    def apply(self, setting: object = "", system: QLocale | None = None) -> str:
        """Installs the catalogues for the language `setting` asks for; returns the language shown.

        A missing catalogue is not an error: the app shows English rather than refusing to start.
        """
        language = choose_language(setting, system)
        self._uninstall()
        QLocale.setDefault(locale_for(language, system))
        self.language = language
        if language != SOURCE_LANGUAGE:
            # qtbase has the message-box buttons, the file and colour dialogs. Qt's own copy first, then the
            # one NomadCM ships (tools/update_translations.py copies it), for an installation without it.
            for folder in (qt_catalogue_dir(), catalogue_dir()):
                qt = QTranslator(self)
                if qt.load(f"qtbase_{language}", folder):
                    self.app.installTranslator(qt)
                    self._installed.append(qt)
                    self._files += 1
                    break
        ours = QTranslator(self)
        found = language != SOURCE_LANGUAGE and ours.load(f"nomadcm_{language}", catalogue_dir())
        self._files += int(found)
        catalogue = Catalogue(self, ours if found else None, language)
        self.app.installTranslator(catalogue)  # installed last: asked first
        self._installed.append(catalogue)
        return language

    def _uninstall(self) -> None:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self._files = 0

    def remove(self) -> None:
        """Back to the source language and the locale from before (the app is closing)."""
        self._uninstall()
        QLocale.setDefault(self._default_locale)
        self.language = SOURCE_LANGUAGE

    def loaded(self) -> int:
        """How many catalogue files are installed (0 for English)."""
        return self._files
