"""City search as you type: a line edit offering cities from the offline table, and the zone picker's hook.

The table loads on a background thread as soon as a field is created (`cities.warm_up`), so the first key
pressed rarely waits; if it does, it waits once, about half a second.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from nomadcm.errors import UserError
from nomadcm.services.travel import cities
from nomadcm.services.travel.cities import City
from nomadcm.ui.widgets.zone_picker import ZoneSuggestion

CITY_ROLE = Qt.ItemDataRole.UserRole + 11
NAME_ROLE = Qt.ItemDataRole.UserRole + 12  # what the field shows once a suggestion is picked
SUGGESTIONS = 12


def zone_suggestions(text: str) -> Sequence[ZoneSuggestion]:
    """The zone picker's city search: "Montréal, CA" -> America/Toronto."""
    return [ZoneSuggestion(f"{c.name}, {c.country}", c.tz) for c in cities.search(text, limit=8)]


def city_label(city: City) -> str:
    name = f"{city.name} ({city.matched})" if city.matched else city.name
    return f"{name}, {city.country_name}"


class CityField(QLineEdit):
    """Type a city; pick one of the suggestions. `city()` is the picked city while the text still names it
    (typing something else forgets it: the text alone is then kept as the place's name)."""

    citySelected = Signal(object)  # City

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        cities.warm_up()
        self._city: City | None = None
        self._model = QStandardItemModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(SUGGESTIONS)
        completer.setCompletionRole(NAME_ROLE)
        completer.activated[QModelIndex].connect(self._on_activated)
        self.setCompleter(completer)
        self.setPlaceholderText(self.tr("City, e.g. Montréal or Lisboa"))
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self._suggest)
        self.editingFinished.connect(self._take_exact_match)

    # ------------------------------------------------------------------ API

    def city(self) -> City | None:
        return self._city

    def set_place(self, name: str, city: City | None = None) -> None:
        """Shows a stored place (an existing stay's city) without opening suggestions."""
        self._city = city
        self.setText(name)

    def suggestions(self, text: str) -> list[City]:
        if len(text.strip()) < 2:
            return []
        return cities.search(text, limit=SUGGESTIONS)

    def choose(self, city: City) -> None:
        self._city = city
        self.setText(city.name)
        self.citySelected.emit(city)

    # ------------------------------------------------------------------ internals

    @Slot(str)
    def _suggest(self, text: str) -> None:
        if self._city is not None and text != self._city.name:
            self._city = None
        self._model.clear()
        locale = QLocale()
        for city in self.suggestions(text):
            if city.population:
                label = self.tr("{city} — {zone}, {people} people").format(
                    city=city_label(city), zone=city.tz, people=locale.toString(city.population)
                )
            else:  # a village or island GeoNames gives no head count for (Canggu)
                label = self.tr("{city} — {zone}").format(city=city_label(city), zone=city.tz)
            item = QStandardItem(label)
            item.setData(city, CITY_ROLE)
            item.setData(city.name, NAME_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        city = index.data(CITY_ROLE)
        if isinstance(city, City):
            self.choose(city)

    @Slot()
    def _take_exact_match(self) -> None:
        """Leaving the field with an exact city name (the biggest of that name) picks it."""
        text = self.text().strip()
        if self._city is not None or len(text) < 2:
            return
        try:
            city = cities.find(text)
        except UserError:  # no such city: the text is kept as typed (with a zone picked by hand)
            return
        if cities.fold(city.name) == cities.fold(text) or cities.fold(city.matched) == cities.fold(text):
            self.choose(city)
