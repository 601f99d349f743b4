"""Dialogs about conflicts: the CM's rhythm (sleep window, working hours and home zone, which decide when a
post conflicts with her life) and acknowledging the conflicts of a post.

Like every Travel dialog, each one says under its fields what the values come to, and OK stays off until
they are valid (`dialog_base.CheckedDialog`).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.travel.conflicts import PostConflicts
from nomadcm.services.travel.rhythm import SleepWindow, WorkHours, load_rhythm
from nomadcm.ui.formatting import plural
from nomadcm.ui.hours_text import fmt_clock, fmt_clock_range
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.travel.city_search import zone_suggestions
from nomadcm.ui.travel.dialog_base import CheckedDialog
from nomadcm.ui.travel.texts import conflict_label
from nomadcm.ui.widgets.zone_picker import ZonePicker

# =========================================================================== rhythm


class RhythmDialog(CheckedDialog):
    """Sleep window and working hours (in whatever local time she is in), and the home zone."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Your rhythm"))
        rhythm = load_rhythm(services.settings)
        self.sleep = QLineEdit(str(rhythm.sleep))
        self.sleep.setPlaceholderText("23:00-07:00")
        self.work = QLineEdit(str(rhythm.work))
        self.work.setPlaceholderText("Mo-Fr 09:00-18:00")
        self.work.setToolTip(
            self.tr(
                "Days and hours, several rules separated by ';', e.g. “Mo-Th 09:00-17:00; Fr 09:00-12:00”. "
                "Days: Mo Tu We Th Fr Sa Su (or Lu Ma Me Je Ve Sa Di). “off”: no working hours."
            )
        )
        self.home = ZonePicker(city_search=zone_suggestions)
        self.home.setZone(services.settings.home_tz())
        self.week = QLabel()
        self.week.setTextFormat(Qt.TextFormat.PlainText)
        intro = QLabel(
            self.tr(
                "These follow you: wherever your itinerary puts you, they are read on the local clock there. "
                "Outside stays and transits you are at home."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Sleep"), self.sleep)
        form.addRow(self.tr("Working hours"), self.work)
        form.addRow("", self.week)
        form.addRow(self.tr("Home time zone"), self.home)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.sleep.textChanged.connect(self._update)
        self.work.textChanged.connect(self._update)
        self.home.zoneChanged.connect(self._update)
        self._update()
        self.resize(520, self.sizeHint().height())

    def values(self) -> tuple[str, str, str]:
        return self.sleep.text(), self.work.text(), self.home.zone()

    @Slot()
    def _update(self, *_args: object) -> None:
        try:
            sleep = SleepWindow.parse(self.sleep.text())
            work = WorkHours.parse(self.work.text())
        except UserError as err:
            self.week.setText("")
            self._say(str(err), False)
            return
        locale = QLocale()
        lines = []
        for day, ranges in enumerate(work.days):
            name = locale.dayName(day + 1, QLocale.FormatType.LongFormat)
            hours = ", ".join(fmt_clock_range(a, b) for a, b in ranges) or self.tr("off")
            lines.append(self.tr("{day}: {hours}").format(day=name, hours=hours))
        self.week.setText("\n".join(lines))
        if not self.home.zone():
            self._say(self.tr("Choose your home time zone."), False)
            return
        self._say(
            plural(
                self.tr("Asleep from {start} to {end}, %n hour(s).", "", sleep.length_minutes // 60),
                sleep.length_minutes // 60,
            ).format(start=fmt_clock(sleep.start), end=fmt_clock(sleep.end)),
            True,
        )


# =========================================================================== acknowledging


class AcknowledgeDialog(CheckedDialog):
    """Which conflicts of a post are fine, and why (e.g. "the network publishes it by itself")."""

    def __init__(self, conflict: PostConflicts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge conflicts"))
        intro = plain_label(  # a post's text and a client's name, shown as typed
            self.tr("“{text}” for {client}: which of these are fine? They will stop being flagged.").format(
                text=(conflict.text.splitlines() or [""])[0][:60], client=conflict.client_name
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for kind in conflict.kinds:
            box = QCheckBox(conflict_label(kind))
            box.setChecked(True)
            box.toggled.connect(self._update)
            self.boxes[kind] = box
            layout.addWidget(box)
        if conflict.recurring:
            note = QLabel(self.tr("This post repeats: every occurrence is acknowledged."))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why, e.g. the network publishes it by itself"))
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._update()

    def kinds(self) -> list[str]:
        return [k for k, box in self.boxes.items() if box.isChecked()]

    @Slot()
    def _update(self, *_args: object) -> None:
        ok = bool(self.kinds())
        self._say("" if ok else self.tr("Tick at least one conflict."), ok)
