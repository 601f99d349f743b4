"""The first start: language, home, sleep and working hours, a first client — or the sample data.

Shown once per database, when it is new (no client, no post, `setup_done` unset); Help > Welcome assistant
shows it again. Picking a language switches the wizard to it at once (`on_language` installs the
catalogues; every text is set in `retranslate()`). "Explore with sample data" closes it with `EXPLORE`: the
app then opens the separate demo database. Cancel skips the questions; nothing is written but `setup_done`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QSize, QTime, QTimeZone, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCommandLinkButton,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nomadcm import paths, timezones
from nomadcm.errors import UserError
from nomadcm.services.changes import Change, change
from nomadcm.services.container import Services
from nomadcm.services.travel.cities import City
from nomadcm.services.travel.rhythm import SleepWindow, WorkHours
from nomadcm.ui.changes import CLIENTS, ITINERARY, SETTINGS, ChangeBus
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.hours_text import display_hours, fmt_clock_range
from nomadcm.ui.i18n import language_names
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.travel.city_search import CityField
from nomadcm.ui.widgets.date_inputs import TimeInput
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin
from nomadcm.ui.widgets.zone_picker import ZonePicker

EXPLORE = 2  # the dialog result of "Explore with sample data"
FIRST_NETWORKS = ("instagram", "facebook", "linkedin", "x", "tiktok")
NETWORK_NAMES = {
    "instagram": "Instagram",
    "facebook": "Facebook",
    "linkedin": "LinkedIn",
    "x": "X",
    "tiktok": "TikTok",
}


def system_zone() -> str:
    """This computer's zone when it is a known IANA name, else Paris (NomadCM's French-speaking default)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="ignore")
    return timezones.check_zone(name) if timezones.is_zone(name) else "Europe/Paris"


def minutes(t: QTime) -> int:
    return t.hour() * 60 + t.minute()


def needs_wizard(services: Services) -> bool:
    """A database nobody has set up yet: never for one with data (made with the CLI, or imported)."""
    if services.settings.get("setup_done"):
        return False
    return not services.clients.list_clients() and not services.schedule().rows(limit=1)


class WelcomePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language = QComboBox()
        for code, name in language_names().items():
            self.language.addItem(name, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.explore = QCommandLinkButton()
        self.explore.setObjectName("explore-sample-data")
        self.explore.clicked.connect(wizard.explore)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.explore)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to NomadCM"))
        self.intro.setText(
            self.tr(
                "NomadCM plans your clients' posts in their audience's time zone, follows you from city to "
                "city, and keeps an eye on your screen time and rest. A few questions and you are ready; "
                "everything can be changed later in Settings."
            )
        )
        self.language_label.setText(self.tr("&Language"))
        self.language.setItemText(0, language_names()[""])
        self.explore.setText(self.tr("Explore with sample data"))
        self.explore.setDescription(
            self.tr(
                "A realistic month: three clients in Paris, Montréal and Antananarivo, a trip, workplaces "
                "and screen time — in a separate database. Your own data is not touched."
            )
        )


class HomePage(QWizardPage):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.city = CityField()
        self.zone = ZonePicker()
        stored = services.settings.get("home_city") or ""
        self.city.set_place(str(stored))
        self.zone.setZone(
            services.settings.home_tz() if services.settings.get("setup_done") else system_zone()
        )
        self.city.citySelected.connect(self._on_city)
        self.zone.zoneChanged.connect(lambda *_: self.completeChanged.emit())
        self.city_label, self.zone_label = QLabel(), QLabel()
        self.city_label.setBuddy(self.city)
        self.zone_label.setBuddy(self.zone)
        form = QFormLayout(self)
        form.addRow(self.city_label, self.city)
        form.addRow(self.zone_label, self.zone)

    @Slot(object)
    def _on_city(self, city: City) -> None:
        self.zone.setZone(city.tz)

    def isComplete(self) -> bool:
        return bool(self.zone.zone())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where is home?"))
        self.setSubTitle(
            self.tr("Outside your stays and trips NomadCM counts you at home: “your time” is home time.")
        )
        self.city_label.setText(self.tr("Home &city"))
        self.zone_label.setText(self.tr("Time &zone"))
        self.city.setAccessibleName(self.tr("Home city"))
        self.zone.setAccessibleName(self.tr("Home time zone"))


class RhythmPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.sleep_from = TimeInput(QTime(23, 0), display_format="HH:mm")
        self.sleep_to = TimeInput(QTime(7, 0), display_format="HH:mm")
        self.work_from = TimeInput(QTime(9, 0), display_format="HH:mm")
        self.work_to = TimeInput(QTime(18, 0), display_format="HH:mm")
        for edit in (self.sleep_from, self.sleep_to, self.work_from, self.work_to):
            edit.timeChanged.connect(self._update)
        self.days: list[QCheckBox] = []
        days_row = QHBoxLayout()
        locale = QLocale()
        for day in range(1, 8):
            box = QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat))
            box.setChecked(day <= 5)
            box.toggled.connect(self._update)
            self.days.append(box)
            days_row.addWidget(box)
        self.sleep_label, self.work_label, self.days_label = QLabel(), QLabel(), QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.sleep_label, self._pair(self.sleep_from, self.sleep_to))
        form.addRow(self.days_label, days_row)
        form.addRow(self.work_label, self._pair(self.work_from, self.work_to))
        form.addRow(self.summary)

    @staticmethod
    def _pair(a: TimeInput, b: TimeInput) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(a)
        row.addWidget(QLabel("–"))
        row.addWidget(b)
        row.addStretch(1)
        return box

    def sleep(self) -> SleepWindow:
        return SleepWindow(minutes(self.sleep_from.time()), minutes(self.sleep_to.time()))

    def work_hours(self) -> WorkHours:
        span = ((minutes(self.work_from.time()), minutes(self.work_to.time())),)
        return WorkHours(tuple(span if box.isChecked() else () for box in self.days))

    def isComplete(self) -> bool:
        return self.sleep_from.time() != self.sleep_to.time() and self.work_from.time() != self.work_to.time()

    @Slot()
    def _update(self, *_args: object) -> None:
        if self.isComplete():
            sleep, work = self.sleep(), self.work_hours()
            self.summary.setText(
                self.tr("Asleep {sleep}; working {work}.").format(
                    sleep=fmt_clock_range(sleep.start, sleep.end),
                    work=display_hours(str(work)) if any(work.days) else self.tr("never"),
                )
            )
        else:
            self.summary.setText(self.tr("A start and an end must differ."))
        self.completeChanged.emit()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your rhythm"))
        self.setSubTitle(
            self.tr(
                "Posts planned while you sleep or outside your working hours are flagged, wherever you are."
            )
        )
        self.sleep_label.setText(self.tr("Asleep"))
        self.days_label.setText(self.tr("Working days"))
        self.work_label.setText(self.tr("Working hours"))
        self.sleep_from.setAccessibleName(self.tr("Bedtime"))
        self.sleep_to.setAccessibleName(self.tr("Wake-up time"))
        self.work_from.setAccessibleName(self.tr("Start of the working day"))
        self.work_to.setAccessibleName(self.tr("End of the working day"))
        self._update()


class ClientPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.city = CityField()
        self.zone = ZonePicker()
        self.zone.setZone("Europe/Paris")
        self.country = ""
        self.city.citySelected.connect(self._on_city)
        self.name.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.zone.zoneChanged.connect(lambda *_: self.completeChanged.emit())
        self.networks: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for network in FIRST_NETWORKS:
            box = QCheckBox(NETWORK_NAMES[network])
            box.setChecked(network in ("instagram", "facebook"))
            self.networks[network] = box
            row.addWidget(box)
        row.addStretch(1)
        self.labels = {self.name: QLabel(), self.city: QLabel(), self.zone: QLabel()}
        form = QFormLayout(self)
        for field, label in self.labels.items():
            label.setBuddy(field)
            form.addRow(label, field)
        self.networks_label = QLabel()
        form.addRow(self.networks_label, row)
        self.skip_note = QLabel()
        self.skip_note.setWordWrap(True)
        form.addRow(self.skip_note)

    @Slot(object)
    def _on_city(self, city: City) -> None:
        self.zone.setZone(city.tz)
        self.country = city.country

    def isComplete(self) -> bool:
        return not self.name.text().strip() or bool(self.zone.zone())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your first client"))
        self.setSubTitle(
            self.tr("Who do you publish for? Their audience's city sets the time zone of their posts.")
        )
        texts = {
            self.name: self.tr("Client &name"),
            self.city: self.tr("Audience &city"),
            self.zone: self.tr("Audience time &zone"),
        }
        for field, text in texts.items():
            self.labels[field].setText(text)
            field.setAccessibleName(text.replace("&", ""))
        self.networks_label.setText(self.tr("Networks"))
        self.name.setPlaceholderText(self.tr("e.g. Boulangerie Dupont"))
        self.skip_note.setText(
            self.tr("Leave the name empty to skip: you can add clients later on the Clients page.")
        )


class FirstRunWizard(UnsavedChangesMixin, QWizard):
    languageChosen = Signal(str)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus | None = None,
        on_language: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.ops = ops or (OpRunner(changes, parent=self) if changes is not None else None)
        self.on_language = on_language
        self.setObjectName("first-run-wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        logo = QIcon(str(paths.resource_path("icons", "app", "nomadcm.svg")))
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, logo.pixmap(QSize(48, 48)))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.welcome = WelcomePage(self)
        self.home = HomePage(services)
        self.rhythm = RhythmPage()
        self.client = ClientPage()
        for page in (self.welcome, self.home, self.rhythm, self.client):
            self.addPage(page)
        index = self.welcome.language.findData(str(services.settings.get("language") or ""))
        self.welcome.language.setCurrentIndex(max(index, 0))
        self.welcome.language.currentIndexChanged.connect(self._on_language)
        self.retranslate()
        self.resize(640, 500)
        self.track_changes()

    def language(self) -> str:
        return str(self.welcome.language.currentData() or "")

    @Slot()
    def _on_language(self, *_args: object) -> None:
        code = self.language()
        self.languageChosen.emit(code)
        if self.on_language is not None:
            self.on_language(code)  # installs the catalogues
            self.retranslate()  # now, not when the LanguageChange event comes round

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to NomadCM"))
        for page in (self.welcome, self.home, self.rhythm, self.client):
            page.retranslate()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start"))

    @Slot()
    def explore(self) -> None:
        self.done(EXPLORE)

    def reject(self) -> None:  # Cancel: skip the questions (asked first if something was typed)
        super().reject()
        if not self.isVisible():  # not "Keep editing"
            self.services.settings.set("setup_done", True)

    def accept(self) -> None:
        try:
            self.save()
        except UserError as err:
            show_user_error(self, err)
            return
        QWizard.accept(self)

    def save(self) -> None:
        """Writes every answer (the client first: a duplicate name stops everything before any setting)."""
        settings, clients = self.services.settings, self.services.clients
        name = self.client.name.text().strip()
        zone, country = self.client.zone.zone(), self.client.country or None
        networks = [network for network, box in self.client.networks.items() if box.isChecked()]
        home_tz = self.home.zone.zone()
        values = {
            "language": self.language(),
            "home_city": self.home.city.text().strip(),
            "sleep": str(self.rhythm.sleep()),
            "work_hours": str(self.rhythm.work_hours()),
            "setup_done": True,
        }

        def write() -> Change:  # one announcement; no undo (the wizard is a start, not an edit)
            areas: set[str] = {SETTINGS, ITINERARY, CLIENTS}
            if name:
                added = clients.add_client_op(name, zone, country=country)
                for network in networks:
                    areas |= clients.add_channel_op(added.result.id, network).areas
            areas |= settings.save_op(home_tz, values).areas
            return change(areas, "first_run")

        if self.ops is not None:
            self.ops.run(write)
        else:
            write()
