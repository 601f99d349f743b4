"""The wellbeing goals and break reminders settings, each field saying where its default comes from."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QSignalBlocker, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.wellbeing.goals import SPECS, parse_setting, private_values, save_settings_op
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.operations import RunWrite, run_directly
from nomadcm.ui.widgets.date_inputs import TimeInput
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin


class GoalsDialog(UnsavedChangesMixin, QDialog):
    """Goals, day start and break reminders, each with where its default comes from."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, run: RunWrite = run_directly
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.run = run  # the page's runner: the save is announced (and shown on the pages) through it
        self.setWindowTitle(self.tr("Wellbeing goals and reminders"))
        # The goals and reminders are in her own file on a team database (services/wellbeing/goals.py).
        values = {**services.settings.all(), **private_values(services.personal_settings)}
        helps = self._helps()
        self.fields: dict[str, Any] = {}

        goals = self._build_goals(values, helps)
        reminders = self._build_reminders(values, helps)
        self.help = QLabel(self.tr("Hover a field to see where its default comes from."))
        self.help.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(goals)
        layout.addWidget(reminders)
        layout.addWidget(self.help)
        layout.addWidget(buttons)

    def _build_goals(self, values: dict[str, Any], helps: dict[str, str]) -> QGroupBox:
        goals = QGroupBox(self.tr("Goals"))
        goal_form = QFormLayout(goals)
        labels = {
            "sleep_goal_hours": self.tr("Sleep per night (h)"),
            "daily_rest_hours": self.tr("Rest in a row each day (h)"),
            "weekly_rest_hours": self.tr("Rest in a row each week (h)"),
            "screen_limit_day_hours": self.tr("Screen time per day, at most (h)"),
            "screen_limit_week_hours": self.tr("Screen time per week, at most (h)"),
        }
        for key, label in labels.items():
            spec = SPECS[key]
            box = QDoubleSpinBox()
            box.setRange(spec.low, spec.high)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setSpecialValueText(self.tr("off"))
            box.setValue(float(_safe(key, values)))
            self._describe(box, helps[key])
            self.fields[key] = box
            goal_form.addRow(label, box)
        self.day_start = TimeInput(display_format="HH:mm")
        start = _day_start(values.get("day_start"))
        self.day_start.setTime(QTime(start.hour, start.minute))
        self._describe(
            self.day_start,
            self.tr(
                "When your day starts: screen time before this hour counts for the day "
                "before (default 04:00, as ActivityWatch and Workrave)."
            ),
        )
        goal_form.addRow(self.tr("Day starts at"), self.day_start)
        return goals

    def _build_reminders(self, values: dict[str, Any], helps: dict[str, str]) -> QGroupBox:
        reminders = QGroupBox(self.tr("Break reminders while a screen timer runs"))
        rem_form = QFormLayout(reminders)
        self.enabled = QCheckBox(self.tr("Remind me to take breaks"))
        self.enabled.setChecked(bool(_safe("break_reminders", values)))
        self._describe(self.enabled, helps["break_reminders"])
        rem_form.addRow(self.enabled)
        rem_labels = {
            "short_break_every_min": self.tr("Short break every (min)"),
            "short_break_min": self.tr("Short break length (min)"),
            "long_break_every_min": self.tr("Long break every (min)"),
            "long_break_min": self.tr("Long break length (min)"),
            "break_postpone_min": self.tr("Postpone by (min)"),
        }
        for key, label in rem_labels.items():
            spec = SPECS[key]
            box = QSpinBox()
            box.setRange(int(spec.low), int(spec.high))
            box.setValue(int(_safe(key, values)))
            self._describe(box, helps[key])
            self.fields[key] = box
            rem_form.addRow(label, box)
        self.limit_warning = QCheckBox(self.tr("Warn when today's screen time passes the daily limit"))
        self.limit_warning.setChecked(bool(_safe("screen_limit_warning", values)))
        self._describe(self.limit_warning, helps["screen_limit_warning"])
        rem_form.addRow(self.limit_warning)
        return reminders

    def _describe(self, widget: QWidget, text: str) -> None:
        widget.setToolTip(text)
        widget.setWhatsThis(text)
        widget.installEventFilter(self)
        widget.setProperty("help_text", text)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter):
            text = watched.property("help_text")
            if text:
                self.help.setText(text)
        return False

    def _helps(self) -> dict[str, str]:
        return {
            "sleep_goal_hours": self.tr(
                "Adults need at least 7 hours of sleep a night (American Academy of Sleep Medicine and Sleep "
                "Research Society consensus, 2015). A night counts for the day you wake up. 0 turns it off."
            ),
            "daily_rest_hours": self.tr(
                "At least 11 consecutive hours of rest in each day (EU working-time directive 2003/88/EC, "
                "article 3). Rest is time away from screens or logged as rest. 0 turns it off."
            ),
            "weekly_rest_hours": self.tr(
                "One uninterrupted rest of 24 hours in each 7 days (EU working-time directive 2003/88/EC, "
                "article 5). 0 turns it off."
            ),
            "screen_limit_day_hours": self.tr(
                "Your daily screen-time limit, all screens together (default 8 h)."
            ),
            "screen_limit_week_hours": self.tr(
                "Your weekly screen-time limit, all screens together (default 40 h)."
            ),
            "break_reminders": self.tr("Off by default. Reminders only run while a screen timer runs."),
            "short_break_every_min": self.tr(
                "UK HSE advice for screen work: short, frequent breaks, e.g. 5-10 minutes after 50-60 minutes."
            ),
            "short_break_min": self.tr("Length of a short break (UK HSE: 5-10 minutes)."),
            "long_break_every_min": self.tr("A longer break replaces the short one at this interval."),
            "long_break_min": self.tr("Length of a long break."),
            "break_postpone_min": self.tr("How long 'Postpone' waits before asking again."),
            "screen_limit_warning": self.tr("Once a day, when a running timer passes your daily limit."),
        }

    def restore_defaults(self) -> None:
        from nomadcm.services.settings import DEFAULTS

        for key, box in self.fields.items():
            box.setValue(DEFAULTS[key])
        self.enabled.setChecked(bool(DEFAULTS["break_reminders"]))
        self.limit_warning.setChecked(bool(DEFAULTS["screen_limit_warning"]))
        with QSignalBlocker(self.day_start):
            self.day_start.setTime(QTime(4, 0))

    def save(self) -> None:
        settings, personal = self.services.settings, self.services.personal_settings
        values: dict[str, Any] = {key: parse_setting(key, box.value()) for key, box in self.fields.items()}
        values["break_reminders"] = self.enabled.isChecked()
        values["screen_limit_warning"] = self.limit_warning.isChecked()
        values["day_start"] = self.day_start.time().toString("HH:mm")
        try:
            self.run(lambda: save_settings_op(settings, personal, settings.home_tz(), values))
        except UserError as err:
            show_user_error(self, err)
            return
        self.accept()


def _safe(key: str, values: dict[str, Any]) -> Any:
    from nomadcm.errors import ValidationError
    from nomadcm.services.settings import DEFAULTS

    try:
        return parse_setting(key, values.get(key, DEFAULTS[key]))
    except ValidationError:
        return DEFAULTS[key]


def _day_start(text: Any) -> time:
    try:
        return datetime.strptime(str(text), "%H:%M").time()
    except ValueError:
        return time(4)
