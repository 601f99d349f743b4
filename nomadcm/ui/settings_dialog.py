"""Settings: everything NomadCM lets you change, in one dialog (Edit > Settings…, Ctrl+,).

Tabs: General (language, light/dark, first day of the week, the tray), Home and rhythm (the travel page's
rhythm form: sleep window, working hours, home zone), Wellbeing (the wellbeing page's goals and break
reminders), Reminders (posts to publish by hand). The two area forms are the same widgets their pages open,
embedded here, so a rule or a help text lives in one place. Nothing is written until Save, and then
everything is checked first; closing with changes asks before throwing them away.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nomadcm import APP_NAME
from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.travel import rhythm
from nomadcm.services.wellbeing.goals import parse_setting, save_settings_op
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.formatting import first_weekday
from nomadcm.ui.i18n import language_names
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin

ERROR_STYLE = "color: #c53030;"


class _KeysToOuter(QObject):
    """An embedded dialog would close itself on Escape and Enter: send those keys to the outer dialog."""

    def __init__(self, outer: QDialog) -> None:
        super().__init__(outer)
        self.outer = outer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape:
                self.outer.reject()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.outer.accept()
                return True
        return False


def embed(form: QDialog, outer: QDialog) -> QDialog:
    """Shows a page's dialog as a plain widget inside `outer`, without its own buttons."""
    form.setWindowFlags(Qt.WindowType.Widget)
    for box in form.findChildren(QDialogButtonBox):
        box.hide()
    form.installEventFilter(_KeysToOuter(outer))
    return form


class SettingsDialog(UnsavedChangesMixin, QDialog):
    saved = Signal(dict)  # the general settings that changed: {"language": "fr", "theme": "dark", ...}

    def __init__(
        self,
        services: Services,
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        app_settings: QSettings | None = None,
    ):
        super().__init__(parent)
        self.services = services
        self.app_settings = app_settings  # where "You are" is remembered (ui/identity.py)
        self.changes = changes
        # OK writes through the runner (ui/operations.py), which announces what changed (no undo).
        self.ops = ops or (OpRunner(changes, parent=self) if changes is not None else None)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings-dialog")
        values = services.settings.all()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general(values), self.tr("General"))

        from nomadcm.ui.travel.conflict_dialogs import RhythmDialog
        from nomadcm.ui.wellbeing.goals_dialog import GoalsDialog

        self.rhythm = embed(RhythmDialog(services), self)
        self.tabs.addTab(self.rhythm, self.tr("Home and rhythm"))
        self.goals = embed(GoalsDialog(services), self)
        self.tabs.addTab(self.goals, self.tr("Wellbeing"))
        self.tabs.addTab(self._reminders(values), self.tr("Post reminders"))

        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(620, 560)
        self.track_changes()

    # ------------------------------------------------------------------ tabs

    def _general(self, values: dict[str, Any]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        for code, name in language_names().items():
            self.language.addItem(name, code)
        self._select(self.language, str(values.get("language") or ""))
        self.language.setAccessibleName(self.tr("Language"))
        language_note = QLabel(self.tr("A new language shows the next time NomadCM starts."))
        language_note.setWordWrap(True)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", language_note)

        self.theme = QComboBox()
        self.theme.addItem(self.tr("Same as the system"), "")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self._select(self.theme, str(values.get("theme") or ""))
        self.theme.setAccessibleName(self.tr("Appearance"))
        form.addRow(self.tr("&Appearance"), self.theme)

        self.week_start = QComboBox()
        locale = QLocale()
        usual = locale.dayName(first_weekday(0, locale), QLocale.FormatType.LongFormat)
        self.week_start.addItem(self.tr("Usual in your region ({day})").format(day=usual), 0)
        for day in range(1, 8):
            self.week_start.addItem(locale.dayName(day, QLocale.FormatType.LongFormat), day)
        self._select(self.week_start, _int(values.get("week_start"), 0))
        self.week_start.setAccessibleName(self.tr("First day of the week"))
        form.addRow(self.tr("&First day of the week"), self.week_start)

        self.home_city = QLineEdit(str(values.get("home_city") or ""))
        self.home_city.setPlaceholderText(self.tr("e.g. Paris"))
        self.home_city.setAccessibleName(self.tr("Home city"))
        form.addRow(self.tr("Home &city"), self.home_city)

        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps NomadCM running in the tray"))
        self.close_to_tray.setChecked(bool(values.get("close_to_tray")))
        tray_note = QLabel(
            self.tr("Post reminders and screen timers keep running while the window is closed.")
        )
        tray_note.setWordWrap(True)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            self.close_to_tray.setEnabled(False)
            tray_note.setText(self.tr("This desktop has no system tray: closing the window quits NomadCM."))
        form.addRow(self.close_to_tray)
        form.addRow(tray_note)
        self.member = QComboBox(page)  # team mode: who you are (only when the database has members)
        self.member.hide()
        members = self.services.members.list_members()
        if members:
            self.member.show()
            self.member.addItem(self.tr("Nobody (working alone)"), "")
            for member in members:
                self.member.addItem(f"{member.name} <{member.email}>", member.name)
            current = self.services.members.current_id
            chosen = next((m.name for m in members if m.id == current), "")
            self._select(self.member, chosen)
            self.member.setAccessibleName(self.tr("You are"))
            form.addRow(self.tr("&You are"), self.member)
        return page

    def _reminders(self, values: dict[str, Any]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.reminders_on = QCheckBox(self.tr("Remind me when a post is due, so I can publish it by hand"))
        self.reminders_on.setChecked(bool(values.get("reminders", True)))
        form.addRow(self.reminders_on)
        self.reminder_minutes = QSpinBox()
        self.reminder_minutes.setRange(0, 24 * 60)
        self.reminder_minutes.setSuffix(self.tr(" min before"))
        self.reminder_minutes.setValue(_int(values.get("reminder_minutes"), 10))
        self.reminder_minutes.setAccessibleName(self.tr("Minutes before a post is due"))
        self.reminders_on.toggled.connect(self.reminder_minutes.setEnabled)
        self.reminder_minutes.setEnabled(self.reminders_on.isChecked())
        form.addRow(self.tr("&When"), self.reminder_minutes)
        note = QLabel(
            self.tr(
                "Posts missed while NomadCM was closed are listed at the next start. "
                "Nothing is ever published for you."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        return page

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ saving

    def general_values(self) -> dict[str, Any]:
        return {
            "language": self.language.currentData(),
            "theme": self.theme.currentData(),
            "week_start": int(self.week_start.currentData()),
            "home_city": self.home_city.text().strip(),
            "close_to_tray": self.close_to_tray.isChecked(),
            "reminders": self.reminders_on.isChecked(),
            "reminder_minutes": self.reminder_minutes.value(),
        }

    def _checked(self) -> dict[str, Any]:
        """Every value to write, validated; raises UserError naming the first bad one."""
        sleep, work, home = self.rhythm.values()  # type: ignore[attr-defined]
        values: dict[str, Any] = self.general_values()
        try:
            values["sleep"] = str(rhythm.SleepWindow.parse(sleep))
            values["work_hours"] = str(rhythm.WorkHours.parse(work))
        except UserError:
            self.tabs.setCurrentWidget(self.rhythm)
            raise
        if not home:
            self.tabs.setCurrentWidget(self.rhythm)
            raise UserError(self.tr("Choose your home time zone."))
        values["home_tz"] = home
        goals: Any = self.goals
        for key, box in goals.fields.items():
            values[key] = parse_setting(key, box.value())
        values["break_reminders"] = goals.enabled.isChecked()
        values["screen_limit_warning"] = goals.limit_warning.isChecked()
        values["day_start"] = goals.day_start.time().toString("HH:mm")
        return values

    @Slot()
    def accept(self) -> None:
        try:
            values = self._checked()
        except UserError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        home_tz = values.pop("home_tz")
        if self.member.count():  # before the write, whose announcement refreshes the pages' filters
            from nomadcm.ui.identity import choose_member

            chosen = str(self.member.currentData() or "") or None
            if chosen != _current_name(self.services):
                try:
                    choose_member(self.services, self.app_settings or QSettings(APP_NAME, APP_NAME), chosen)
                except UserError as err:
                    self.error.setText(str(err))
                    self.error.show()
                    return

        def write() -> Change:  # the goals and reminders to her own file on a team database
            return save_settings_op(self.services.settings, self.services.personal_settings, home_tz, values)

        try:
            done = self.ops.run(write) if self.ops is not None else write()
        except UserError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        assert done is not None
        self.track_changes()  # what the form shows is saved: nothing left to ask about
        super().accept()  # closed before `saved` is announced: the restart a new language offers finds no form
        self.saved.emit(done.result)


def _current_name(services: Services) -> str | None:
    current = services.members.current
    return None if current is None else current.name


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return default
