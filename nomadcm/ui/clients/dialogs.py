"""Client and channel dialogs. Each saves through the service's `*_op` write, handed to `run` (the page's
`OpRunner`, which pushes the undo command and announces the change); an error stays in the dialog, in red."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, QTime, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import StaleEditError, UserError
from nomadcm.services.schedule.clients import DEFAULT_COLOURS, ChannelInfo, ClientInfo, ClientService
from nomadcm.ui.operations import RunWrite, run_directly
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.date_inputs import TimeInput
from nomadcm.ui.widgets.stale_edit import StaleChoice, ask_reload_or_overwrite, stale_text, typed_text
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin
from nomadcm.ui.widgets.zone_picker import ZonePicker
from nomadcm.vocabulary import NETWORK_LIMITS, NETWORKS

ERROR_STYLE = "color: #c53030;"


def country_choices() -> list[tuple[str, str]]:
    """(ISO 3166 code, name) of every territory Qt knows, sorted by name."""
    seen: dict[str, str] = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha() and code not in seen:
            seen[code] = QLocale.territoryToString(territory)
    return sorted(seen.items(), key=lambda item: item[1].casefold())


class ColourButton(QPushButton):
    """A swatch that opens the colour chooser."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = colour
        self.clicked.connect(self._choose)
        self._paint()

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = colour
        self._paint()

    def _paint(self) -> None:
        self.setText(self._colour)
        text = "#ffffff" if QColor(self._colour).lightness() < 140 else "#000000"
        self.setStyleSheet(f"QPushButton {{ background: {self._colour}; color: {text}; padding: 4px 12px; }}")

    @Slot()
    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self.tr("Client colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())


def _minutes(value: QTime) -> int:
    return value.hour() * 60 + value.minute()


def _qtime(minutes: int) -> QTime:
    minutes = min(max(minutes, 0), 24 * 60 - 1)
    return QTime(minutes // 60, minutes % 60)


class ClientDialog(UnsavedChangesMixin, QDialog):
    """Create or edit a client: name, audience zone, country, colour, prime hours, notes."""

    def __init__(
        self,
        clients: ClientService,
        client: ClientInfo | None = None,
        parent: QWidget | None = None,
        *,
        default_zone: str = "",
        run: RunWrite = run_directly,
    ) -> None:
        super().__init__(parent)
        self.clients = clients
        self.run = run
        self.client = client
        self.saved: ClientInfo | None = None
        self.setWindowTitle(self.tr("Edit client") if client else self.tr("New client"))
        self.setMinimumWidth(480)
        existing = len(clients.list_clients()) if client is None else 0
        self._build(client.colour if client else DEFAULT_COLOURS[existing % len(DEFAULT_COLOURS)])
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self._fill(client, default_zone)
        self._country_touched = client is not None and client.country is not None
        self.country_combo.activated.connect(lambda _i: setattr(self, "_country_touched", True))
        self.zone_picker.zoneChanged.connect(self._suggest_country)
        self._suggest_country(self.zone_picker.zone())
        self.name_edit.textChanged.connect(self._validate)
        self.zone_picker.zoneChanged.connect(self._validate)
        self._validate()
        self.track_changes()  # closing with changes asks first (ui/widgets/unsaved.py)

    def _build(self, colour: str) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Boulangerie Dupont"))
        self.name_edit.setMaxLength(200)
        self.zone_picker = ZonePicker()
        self.country_combo = QComboBox()
        self.country_combo.setEditable(False)
        self.country_combo.addItem(self.tr("(not set)"), None)
        for code, name in country_choices():
            self.country_combo.addItem(f"{name} ({code})", code)
        self.colour_button = ColourButton(colour)
        self.prime_start = TimeInput(display_format="HH:mm")
        self.prime_end = TimeInput(display_format="HH:mm")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Contacts, tone of voice, what to avoid…"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(90)
        self.error_label = plain_label()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        prime = QHBoxLayout()
        prime.addWidget(self.prime_start)
        prime.addWidget(QLabel(self.tr("to")))
        prime.addWidget(self.prime_end)
        prime.addWidget(QLabel(self.tr("(audience time)")))
        prime.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("Audience &zone:"), self.zone_picker)
        form.addRow(self.tr("C&ountry:"), self.country_combo)
        form.addRow(self.tr("Co&lour:"), self.colour_button)
        prime_label = QLabel(self.tr("&Prime hours:"))
        prime_label.setBuddy(self.prime_start)  # a row holding a layout needs its buddy set by hand
        form.addRow(prime_label, prime)
        form.addRow(self.tr("No&tes:"), self.notes_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _fill(self, client: ClientInfo | None, default_zone: str) -> None:
        if client is not None:
            self.name_edit.setText(client.name)
            self.zone_picker.setZone(client.audience_tz)
            self._set_country(client.country)
            self.notes_edit.setPlainText(client.notes)
            self.prime_start.setTime(_qtime(client.prime_start_min))
            self.prime_end.setTime(_qtime(client.prime_end_min))
        else:
            if default_zone:
                self.zone_picker.setZone(default_zone)
            self.prime_start.setTime(QTime(8, 0))
            self.prime_end.setTime(QTime(21, 0))

    def _set_country(self, code: str | None) -> None:
        blocker = QSignalBlocker(self.country_combo)
        self.country_combo.setCurrentIndex(max(self.country_combo.findData(code), 0))
        del blocker

    @Slot(str)
    def _suggest_country(self, zone: str) -> None:
        """The zone's country, when the zone has exactly one and she has not chosen one herself."""
        if self._country_touched or not zone:
            return
        codes = timezones.zone_country_codes(zone)
        self._set_country(codes[0] if len(codes) == 1 else None)

    @Slot()
    def _validate(self) -> None:
        problems = []
        if not self.name_edit.text().strip():
            problems.append(self.tr("Give the client a name."))
        if not self.zone_picker.zone():
            problems.append(self.tr("Choose the time zone their audience lives in."))
        self.save_button.setEnabled(not problems)
        touched = bool(self.name_edit.text()) or self.client is not None
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems) and touched)

    @Slot()
    def _on_save(self) -> None:
        fields = {
            "name": self.name_edit.text(),
            "audience_tz": self.zone_picker.zone(),
            "country": self.country_combo.currentData(),
            "colour": self.colour_button.colour(),
            "notes": self.notes_edit.toPlainText(),
            "prime_start_min": _minutes(self.prime_start.time()),
            "prime_end_min": _minutes(self.prime_end.time()),
        }
        client = self.client
        try:
            if client is None:
                done = self.run(lambda: self.clients.add_client_op(**fields))  # type: ignore[arg-type]
            else:
                at = client.version  # the version shown: a change saved since is not overwritten unasked
                while True:
                    try:
                        done = self.run(
                            lambda at=at: self.clients.update_client_op(
                                client.id, expected_version=at, **fields
                            )
                        )
                        break
                    except StaleEditError as err:
                        choice = ask_reload_or_overwrite(self, err)
                        fresh = self.clients.get_client(client.id)
                        at = fresh.version
                        if choice is StaleChoice.OVERWRITE:
                            continue
                        self._after_stale(err, choice, fresh, fields)
                        return
        except UserError as err:
            self.error_label.setText(str(err))
            self.error_label.show()
            return
        if done is not None:
            self.saved = done.result
        self.accept()

    def _after_stale(
        self, err: StaleEditError, choice: StaleChoice, fresh: ClientInfo, typed: dict[str, object]
    ) -> None:
        """Reload: the form shows the client as saved now, what she typed is listed under it; back: why not."""
        if choice is StaleChoice.RELOAD:
            labels = {
                "name": self.tr("Name:"),
                "audience_tz": self.tr("Time zone:"),
                "notes": self.tr("Notes:"),
            }
            items = [
                (label, str(typed[key])) for key, label in labels.items() if typed[key] != getattr(fresh, key)
            ]
            self.client = fresh
            self._fill(fresh, "")
            self.colour_button.set_colour(fresh.colour)
            self.error_label.setText(typed_text(items))
        else:
            self.error_label.setText(stale_text(err))
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.show()


class ChannelDialog(UnsavedChangesMixin, QDialog):
    """Create or edit a channel: network (fixed once created), handle, text limit."""

    def __init__(
        self,
        clients: ClientService,
        client: ClientInfo,
        channel: ChannelInfo | None = None,
        parent: QWidget | None = None,
        *,
        run: RunWrite = run_directly,
    ) -> None:
        super().__init__(parent)
        self.clients = clients
        self.run = run
        self.client = client
        self.channel = channel
        self.saved: ChannelInfo | None = None
        title = self.tr("Edit channel of {client}") if channel else self.tr("New channel for {client}")
        self.setWindowTitle(title.format(client=client.name))
        self.network_combo = QComboBox()
        for network in NETWORKS:
            self.network_combo.addItem(network, network)
        self.handle_edit = QLineEdit()
        self.handle_edit.setPlaceholderText(self.tr("@account, page name or list (optional)"))
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, 1_000_000)
        self.limit_spin.setSpecialValueText(self.tr("no limit"))
        self.limit_spin.setSuffix(self.tr(" characters"))
        self.limit_spin.setGroupSeparatorShown(True)
        self.error_label = plain_label()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Network:"), self.network_combo)
        form.addRow(self.tr("&Handle:"), self.handle_edit)
        form.addRow(self.tr("Text &limit:"), self.limit_spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        if channel is not None:
            self.network_combo.setCurrentIndex(self.network_combo.findData(channel.network))
            self.network_combo.setEnabled(False)
            self.network_combo.setToolTip(self.tr("A channel keeps its network; add a new channel instead"))
            self.handle_edit.setText(channel.handle)
            self.limit_spin.setValue(channel.text_limit or 0)
        else:
            self._network_changed()
        self.network_combo.currentIndexChanged.connect(self._network_changed)
        self.track_changes()  # closing with changes asks first (ui/widgets/unsaved.py)

    @Slot()
    def _network_changed(self) -> None:
        limit = NETWORK_LIMITS.get(str(self.network_combo.currentData()))
        self.limit_spin.setValue(limit or 0)

    def limit(self) -> int | None:
        return self.limit_spin.value() or None

    @Slot()
    def _on_save(self) -> None:
        channel, client = self.channel, self.client
        network, handle, limit = str(self.network_combo.currentData()), self.handle_edit.text(), self.limit()
        try:
            if channel is None:
                done = self.run(lambda: self.clients.add_channel_op(client.id, network, handle, limit))
            else:
                at = channel.version  # the version shown (services/stale_edits.py)
                while True:
                    try:
                        done = self.run(
                            lambda at=at: self.clients.update_channel_op(
                                channel.id, handle, limit, expected_version=at
                            )
                        )
                        break
                    except StaleEditError as err:
                        choice = ask_reload_or_overwrite(self, err)
                        fresh = self.clients.get_channel(channel.id)
                        at = fresh.version
                        if choice is StaleChoice.OVERWRITE:
                            continue
                        if choice is StaleChoice.RELOAD:
                            self.channel = fresh
                            self.handle_edit.setText(fresh.handle)
                            self.limit_spin.setValue(fresh.text_limit or 0)
                            self.error_label.setText(typed_text([(self.tr("Handle:"), handle)]))
                        else:
                            self.error_label.setText(stale_text(err))
                        self.error_label.show()
                        return
        except UserError as err:
            self.error_label.setText(str(err))
            self.error_label.show()
            return
        if done is not None:
            self.saved = done.result
        self.accept()
