"""A searchable picker of IANA time zones.

Type any part of a zone ("toronto", "new york", "kolkata") and the matching zones are offered. A city search
can be plugged in (the travel page ships a city table): pass `city_search=` to one picker, or call
`set_default_city_search()` once so every picker offers cities too. A city search takes the typed text and
returns `ZoneSuggestion`s ("Montréal, CA" -> America/Toronto); choosing one sets its zone.

A typo ("Indian/Reunon") is not left red and silent: once typing pauses or the field is left, `hint` says
"Did you mean Indian/Reunion?" with each proposal a link that sets it (services/travel/zone_suggestions.py,
the CLI's "did you mean" too). A form that owns the picker's layout places `hint` itself (the zoned date-time
editor does); otherwise the picker puts it below itself in its parent's form or box layout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QBoxLayout, QComboBox, QCompleter, QFormLayout, QLabel, QLayout, QWidget

from nomadcm import timezones
from nomadcm.services.travel import cities
from nomadcm.services.travel.zone_suggestions import ZoneHint, close_zones
from nomadcm.ui.plain_text import escape

ZONE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SUGGESTIONS = 40
HINT_DELAY_MS = 600  # the pause in typing after which a text that is no zone gets its "Did you mean"


@dataclass(frozen=True)
class ZoneSuggestion:
    label: str  # what the list shows, e.g. "Montréal, CA"
    zone: str  # the IANA zone it stands for


CitySearch = Callable[[str], Sequence[ZoneSuggestion]]

_default_city_search: CitySearch | None = None


def set_default_city_search(search: CitySearch | None) -> None:
    """Plugs a city search into every ZonePicker created afterwards (None removes it)."""
    global _default_city_search
    _default_city_search = search


def _key(text: str) -> str:
    return text.strip().casefold().replace(" ", "_")


class ZoneHintLabel(QLabel):
    """ "Did you mean Indian/Reunion?" under a picker whose text is no zone; each proposal is a link."""

    chosen = Signal(str)  # the zone of the link followed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zone-hint")
        self.setTextFormat(Qt.TextFormat.RichText)  # our links; every name in them is escaped
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setWordWrap(True)
        self.hints: list[ZoneHint] = []
        self.linkActivated.connect(self._on_link)
        self.hide()

    def show_hints(self, hints: Sequence[ZoneHint]) -> None:
        self.hints = list(hints)
        if not self.hints:
            self.clear()
            self.hide()
            return
        links = ", ".join(
            f'<a href="{i}">{escape(self.hint_label(hint))}</a>' for i, hint in enumerate(self.hints)
        )
        self.setText(self.tr("Did you mean {zones}?").format(zones=links))
        self.setAccessibleName(self.tr("Did you mean {zones}?").format(zones=", ".join(self.labels())))
        self.show()

    def labels(self) -> list[str]:
        return [self.hint_label(hint) for hint in self.hints]

    @staticmethod
    def hint_label(hint: ZoneHint) -> str:
        """ "Indian/Reunion", or "Montréal, Canada (America/Toronto)" for a city."""
        return f"{hint.city} ({hint.zone})" if hint.city else hint.zone

    def choose(self, number: int) -> None:
        """What following the link of proposal `number` does."""
        if 0 <= number < len(self.hints):
            self.chosen.emit(self.hints[number].zone)

    @Slot(str)
    def _on_link(self, href: str) -> None:
        if href.isdigit():
            self.choose(int(href))


class ZonePicker(QComboBox):
    """An editable combo of zone names; `zone()` is the canonical name, or "" while the text is no zone."""

    zoneChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None, city_search: CitySearch | None = None) -> None:
        super().__init__(parent)
        self._city_search = city_search if city_search is not None else _default_city_search
        self._zone = ""
        self._names = timezones.zone_names()
        self._keys = [(_key(n), n) for n in self._names]
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)
        self.addItems(self._names)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText(self.tr("Zone or city, e.g. Europe/Paris"))
        self.lineEdit().setClearButtonEnabled(True)

        self._suggestions = QStandardItemModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(ZONE_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._on_suggestion)
        # On the line edit, not QComboBox.setCompleter: the combo would map a chosen suggestion back to a
        # row of its own list, which is not where our suggestions come from.
        self.lineEdit().setCompleter(completer)

        self.hint = ZoneHintLabel(self)  # ours until a layout takes it (_place_hint): deleted with the picker
        self.hint.chosen.connect(self._use_hint)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(HINT_DELAY_MS)
        self._hint_timer.timeout.connect(self.update_hint)

        self.lineEdit().textEdited.connect(self._suggest)
        self.lineEdit().textEdited.connect(lambda _text: self._hint_timer.start())
        self.lineEdit().editingFinished.connect(self._complete_city_name)
        self.lineEdit().editingFinished.connect(self.update_hint)
        self.editTextChanged.connect(self._on_text)

    # ------------------------------------------------------------------ API

    def zone(self) -> str:
        return self._zone

    def setZone(self, zone: str) -> None:
        """Shows `zone` (any spelling pytz knows); an unknown name is shown and reported as invalid."""
        canonical = timezones.check_zone(zone) if timezones.is_zone(zone) else zone
        index = self.findText(canonical)
        if index >= 0:
            self.setCurrentIndex(index)
        else:  # a valid zone missing from the common list (e.g. "Asia/Calcutta"), or bad text
            self.setEditText(canonical)
        self._on_text(self.currentText())

    def isValid(self) -> bool:
        return bool(self._zone)

    def set_city_search(self, search: CitySearch | None) -> None:
        self._city_search = search

    def suggestions(self, text: str) -> list[ZoneSuggestion]:
        """What the pop-up offers for `text`: zones containing it, then cities from the city search."""
        key = _key(text)
        if not key:
            return []
        starts = [n for k, n in self._keys if k.rsplit("/", 1)[-1].startswith(key)]
        contains = [n for k, n in self._keys if key in k and n not in starts]
        found = [ZoneSuggestion(n, n) for n in (starts + contains)[:MAX_SUGGESTIONS]]
        if self._city_search is not None and len(key) >= 2:
            found.extend(list(self._city_search(text))[:MAX_SUGGESTIONS])
        return found

    @Slot()
    def update_hint(self) -> None:
        """Proposes the closest zones and cities for a text that is no zone (nothing while it is one). Cities
        only once their table is loaded (it loads in the background from the first typo on)."""
        self._hint_timer.stop()
        text = self.currentText().strip()
        if self._zone or not text:
            self.hint.show_hints([])
            return
        if not cities.is_loaded():
            cities.warm_up()
        self._place_hint()
        self.hint.show_hints(close_zones(text, with_cities=cities.is_loaded()))
        if self.hint.parentWidget() is self and self.hint.hints:  # nowhere to put it: said in the tooltip
            self.hint.hide()
            self.setToolTip(self.hint.accessibleName())

    # ------------------------------------------------------------------ internals

    @Slot(str)
    def _use_hint(self, zone: str) -> None:
        self.setZone(zone)
        self.setFocus()

    def _place_hint(self) -> None:
        """The hint goes under the picker in the layout holding it, unless its form placed it already."""
        if self.hint.parentWidget() is not self or self.parentWidget() is None:
            return
        holder = _layout_holding(self.parentWidget().layout(), self)
        if isinstance(holder, QFormLayout):
            row, _role = holder.getWidgetPosition(self)
            holder.insertRow(row + 1, "", self.hint)
        elif isinstance(holder, QBoxLayout):
            holder.insertWidget(holder.indexOf(self) + 1, self.hint)
        else:  # a grid, or no layout: the hint stays a tooltip-like text under the field
            self.hint.setParent(self.parentWidget())
            self.hint.move(self.geometry().bottomLeft())
            self.hint.resize(max(self.width(), self.hint.sizeHint().width()), self.hint.sizeHint().height())
            self.hint.raise_()

    @Slot(str)
    def _suggest(self, text: str) -> None:
        self._suggestions.clear()
        now = timezones.now_utc()
        for suggestion in self.suggestions(text):
            label = suggestion.label
            if label != suggestion.zone:
                label = f"{label} — {suggestion.zone}"
            item = QStandardItem(f"{label}  ({_offset(now, suggestion.zone)})")
            item.setData(suggestion.zone, ZONE_ROLE)
            item.setEditable(False)
            self._suggestions.appendRow(item)

    @Slot(QModelIndex)
    def _on_suggestion(self, index: QModelIndex) -> None:
        zone = index.data(ZONE_ROLE)
        if zone:
            blocker = QSignalBlocker(self.lineEdit())
            self.setZone(str(zone))
            del blocker

    @Slot()
    def _complete_city_name(self) -> None:
        """ "toronto" + Enter (or leaving the field) means America/Toronto when only one zone is named so."""
        if self._zone:
            return
        key = _key(self.currentText())
        named = [n for k, n in self._keys if key and k.rsplit("/", 1)[-1] == key]
        if len(named) == 1:
            self.setZone(named[0])

    @Slot(str)
    def _on_text(self, text: str) -> None:
        zone = timezones.check_zone(text) if text.strip() and timezones.is_zone(text) else ""
        self._show_validity(bool(zone) or not text.strip())
        if zone or not text.strip():
            self.hint.show_hints([])
        if zone:
            now = timezones.now_utc()
            self.setToolTip(
                self.tr("{zone}: now {abbr}, {offset}").format(
                    zone=zone, abbr=timezones.abbreviation(now, zone), offset=_offset(now, zone)
                )
            )
        else:
            self.setToolTip(self.tr("Type a time zone (Europe/Paris) or part of one (paris)"))
        if zone != self._zone:
            self._zone = zone
            self.zoneChanged.emit(zone)

    def _show_validity(self, ok: bool) -> None:
        self.lineEdit().setStyleSheet("" if ok else "QLineEdit { color: #c53030; }")


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    """The layout (`layout` or one nested in it) whose own items hold `widget`."""
    if layout is None:
        return None
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return layout
        found = _layout_holding(item.layout(), widget)
        if found is not None:
            return found
    return None


def _offset(instant: datetime, zone: str) -> str:
    try:
        return timezones.format_offset(timezones.utc_offset(instant, zone))
    except timezones.TimeError:
        return ""
