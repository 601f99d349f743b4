"""The place dialog: every fact about a place, its speed-test history with a chart, and its work sessions.

Opening hours are checked as they are typed: the line under the field says "open now, until 18:00" on the
place's own clock, or the parser's message when it cannot read them (the text is kept anyway and the place
is never shown as open). The WiFi password is masked until "Show" is pressed. The widgets are built by
`place_dialog_view.PlaceDialogView`; this module fills them, reacts to them and saves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.workplaces.opening_hours import HoursState, parse_hours
from nomadcm.services.workplaces.place_catalog import PlaceInfo
from nomadcm.services.workplaces.place_geo import guess_zone
from nomadcm.ui import plain_text
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import fmt_date, fmt_datetime, fmt_time, pydate, qdate
from nomadcm.ui.operations import RunWrite, Write, run_directly
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin
from nomadcm.ui.widgets.zoned_datetime import MESSAGE_STYLE_WARNING
from nomadcm.ui.workplaces.dialogs import SpeedTestDialog, WorkedHereDialog
from nomadcm.ui.workplaces.place_dialog_view import PlaceDialogView
from nomadcm.ui.workplaces.table_models import ID_ROLE, fmt_mbps, state_label

MESSAGE_STYLE_OK = "color: #2f855a;"


class PlaceDialog(UnsavedChangesMixin, PlaceDialogView):
    """Add (place None) or edit a place. Every write (tests and sessions at once, the form on OK) goes
    through `run`, the page's runner: one undo command and one announcement each."""

    def __init__(
        self,
        services: Services,
        place: PlaceInfo | None = None,
        parent: QWidget | None = None,
        *,
        run: RunWrite = run_directly,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.run = run  # every write goes through the page's runner (ui/operations.py)
        self.place = place
        self.saved_id: int | None = place.id if place else None
        self.setWindowTitle(self.tr("Edit place") if place else self.tr("New place"))
        self.resize(640, 720)
        self.build(with_history=place is not None)
        self._connect()
        if place is not None:
            self._reload_tests()
            self._reload_sessions()
        self._fill(place)
        self._check_hours()
        self._show_zone_hint()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.lat, self.lon, self.city, self.country):
            edit.editingFinished.connect(self._show_zone_hint)
        self.zone.zoneChanged.connect(lambda _z: self._check_hours())
        self.show_password.toggled.connect(self._toggle_password)
        self.hours.textChanged.connect(self._check_hours)
        self.visited.toggled.connect(self.last_visit.setEnabled)
        if self.place is not None:
            self.add_test_button.clicked.connect(self.add_test)
            self.delete_test_button.clicked.connect(self.delete_test)
            self.worked_button.clicked.connect(self.worked_here)
            self.delete_session_button.clicked.connect(self.delete_session)

    # ------------------------------------------------------------------ the form

    def _fill(self, place: PlaceInfo | None) -> None:
        team = self.services.workplaces.keeps_private_passwords()
        self._wifi_form.setRowVisible(self.share_password, team)
        if place is None:
            self.kind.setCurrentIndex(self.kind.findData("cafe"))
            return
        self.name.setText(place.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(place.kind)))
        self.address.setText(place.address)
        self.city.setText(place.city)
        self.country.setText(place.country or "")
        self.lat.setText("" if place.lat is None else repr(place.lat))
        self.lon.setText("" if place.lon is None else repr(place.lon))
        automatic = guess_zone(None, place.city, place.country, place.lat, place.lon).tz
        if place.tz and place.tz != automatic:  # chosen by hand: shown; else left automatic
            self.zone.setZone(place.tz)
        self.ssid.setText(place.ssid)
        if place.has_password:
            self.password.setText(self.services.workplaces.wifi_password(place.id))
            self.share_password.setChecked(self.services.workplaces.password_shared(place.id))
        self.fee.setCurrentIndex(max(0, self.fee.findData(place.fee)))
        self.price.setText(place.price)
        self.hours.setText(place.opening_hours)
        for field, spin in self.scores.items():
            value = getattr(place, field)
            spin.setValue(-1 if value is None else value)
        self.food.setChecked(place.food)
        self.favourite.setChecked(place.favourite)
        if place.last_visit is not None:
            self.visited.setChecked(True)
            self.last_visit.setDate(qdate(place.last_visit))
        else:
            self.last_visit.setDate(QDate.currentDate())
        self.notes.setPlainText(place.notes)

    @Slot(bool)
    def _toggle_password(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_password.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _coords(self) -> tuple[float | None, float | None]:
        def number(edit: QLineEdit) -> float | None:
            text = edit.text().strip().replace(",", ".")
            try:
                return float(text) if text else None
            except ValueError:
                return None

        return number(self.lat), number(self.lon)

    def _zone_for_hours(self) -> str | None:
        if self.zone.zone():
            return self.zone.zone()
        lat, lon = self._coords()
        return guess_zone(None, self.city.text(), self.country.text().strip().upper() or None, lat, lon).tz

    @Slot()
    def _show_zone_hint(self) -> None:
        lat, lon = self._coords()
        guess = guess_zone(None, self.city.text(), self.country.text().strip().upper() or None, lat, lon)
        if guess.tz:
            source = (
                self.tr("from the coordinates") if guess.source == "coordinates" else self.tr("from the city")
            )
            self.zone_hint.setText(
                self.tr("Automatic: {zone} ({source})").format(zone=guess.tz, source=source)
            )
        else:
            self.zone_hint.setText(
                self.tr("Automatic: not known — give the coordinates, a known city or a zone")
            )
        self._check_hours()

    @Slot()
    def _check_hours(self) -> None:
        text = self.hours.text().strip()
        if not text:
            self.hours_status.setText(self.tr("Not known: the place is never listed as open."))
            self.hours_status.setStyleSheet("color: palette(mid);")
            return
        zone = self._zone_for_hours()
        hours = parse_hours(text, zone, self.country.text().strip().upper() or None)
        if hours.error:
            self.hours_status.setText(
                self.tr(
                    "Not understood ({error}). Kept as typed; the place is treated as of unknown hours."
                ).format(error=hours.error)
            )
            self.hours_status.setStyleSheet(MESSAGE_STYLE_WARNING)
            return
        if zone is None:
            self.hours_status.setText(self.tr("Understood. Give a zone to know if it is open now."))
            self.hours_status.setStyleSheet(MESSAGE_STYLE_OK)
            return
        wall = timezones.wall_at(timezones.now_utc(), zone)
        state = hours.state_at_wall(wall)
        change = hours.next_change_wall(wall)
        message = self.tr("{state} now ({time} there)").format(state=state_label(state), time=fmt_time(wall))
        if change is not None:
            moment = fmt_time(change) if change.date() == wall.date() else fmt_datetime(change)
            message += self.tr(", until {when}").format(when=moment)
        self.hours_status.setText(message)
        self.hours_status.setStyleSheet(
            MESSAGE_STYLE_OK if state is not HoursState.UNKNOWN else MESSAGE_STYLE_WARNING
        )

    def fields(self) -> dict[str, Any]:
        lat, lon = self._coords()
        zone_text = self.zone.currentText().strip()
        if zone_text and not self.zone.zone():
            raise UserError(
                self.tr("Unknown time zone {zone!r}: pick one from the list, or clear it.").format(
                    zone=zone_text
                )
            )
        if (lat is None) != (lon is None):
            raise UserError(self.tr("Give both the latitude and the longitude, or neither."))
        values: dict[str, Any] = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "address": self.address.text(),
            "city": self.city.text(),
            "country": self.country.text(),
            "lat": lat,
            "lon": lon,
            "ssid": self.ssid.text(),
            "wifi_password": self.password.text(),
            "fee": self.fee.currentData(),
            "price": self.price.text(),
            "opening_hours": self.hours.text(),
            "food": self.food.isChecked(),
            "favourite": self.favourite.isChecked(),
            "last_visit": pydate(self.last_visit.date()) if self.visited.isChecked() else None,
            "notes": self.notes.toPlainText(),
        }
        for field, spin in self.scores.items():
            values[field] = None if spin.value() < 0 else spin.value()
        if self.zone.zone():
            values["tz"] = self.zone.zone()
        if self.services.workplaces.keeps_private_passwords():
            values["share_password"] = self.share_password.isChecked()
        return values

    @Slot()
    def save(self) -> None:
        try:
            values = self.fields()
            if self.place is None:
                name = values.pop("name")
                done = self.run(lambda: self.services.workplaces.add_place_op(name, **values))
            else:
                if "tz" not in values:  # cleared: automatic again
                    lat, lon = values["lat"], values["lon"]
                    values["tz"] = self.services.workplaces.guess_zone(
                        values["city"], values["country"].strip().upper() or None, lat, lon
                    ).tz
                place_id = self.place.id
                done = self.run(lambda: self.services.workplaces.update_place_op(place_id, **values))
        except UserError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        if done is not None:
            self.saved_id = done.result.id
        self.accept()

    # ------------------------------------------------------------------ speed tests

    def _reload_tests(self) -> None:
        assert self.place is not None
        tests = self.services.workplaces.speed_tests(self.place.id)
        self.tests_model.set_tests(tests, self.place.tz)
        self.chart.set_tests(tests)
        self.delete_test_button.setEnabled(bool(tests))
        if not tests:
            self.tests_summary.setText(
                self.tr("No speed test yet. Run one (speedtest, fast.com, nPerf) and add it.")
            )
            return
        place = self.services.workplaces.get_place(self.place.id)
        last = place.speed.last_test_at
        age = place.speed.age_days() or 0
        self.tests_summary.setText(
            self.tr("Median {down} Mbit/s down, {up} up over {count} test(s); the latest {age}.").format(
                down=fmt_mbps(place.down_mbps),
                up=fmt_mbps(place.up_mbps),
                count=place.tests,
                age=self.tr("today") if age == 0 else self.tr("%n day(s) ago", "", age),
            )
            + (f" ({fmt_date(timezones.wall_at(last, place.tz or 'UTC'))})" if last else "")
        )

    @Slot()
    def add_test(self) -> None:
        assert self.place is not None
        dialog = SpeedTestDialog(self.services, self.place, self, run=self.run)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload_tests()

    @Slot()
    def delete_test(self) -> None:
        rows = self.tests_table.selectionModel().selectedRows()
        if not rows:
            return
        test = self.tests_model.test_at(rows[0].row())
        answer = plain_text.ask(
            self,
            self.tr("Delete speed test"),
            self.tr(
                "Delete the test of {when} ({down} Mbit/s down)? Use this for a mistaken measurement."
            ).format(
                when=fmt_datetime(timezones.wall_at(test.measured_at, self.place.tz or "UTC")),  # type: ignore[union-attr]
                down=fmt_mbps(test.down_mbps),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(lambda: self.services.workplaces.delete_speed_test_op(test.id)):
            self._reload_tests()

    # ------------------------------------------------------------------ work sessions

    def _reload_sessions(self) -> None:
        assert self.place is not None
        sessions = self.services.workplaces.work_sessions(self.place.id)
        self.sessions_model.set_sessions(sessions)
        self.delete_session_button.setEnabled(bool(sessions))
        minutes = sum(int(s.duration.total_seconds() // 60) for s in sessions)
        self.sessions_total.setText(
            self.tr("%n session(s)", "", len(sessions))
            + self.tr(", {h} h {m:02d} in all").format(h=minutes // 60, m=minutes % 60)
        )

    @Slot()
    def worked_here(self) -> None:
        assert self.place is not None
        dialog = WorkedHereDialog(self.services, self.place, self, run=self.run)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload_sessions()

    @Slot()
    def delete_session(self) -> None:
        rows = self.sessions_table.selectionModel().selectedRows()
        if not rows:
            return
        session_id = self.sessions_model.index(rows[0].row(), 0).data(ID_ROLE)
        answer = plain_text.ask(
            self,
            self.tr("Delete work session"),
            self.tr("Delete this work session? It leaves your screen time too."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(lambda: self.services.workplaces.delete_work_session_op(int(session_id))):
            self._reload_sessions()

    def _run(self, write: Write) -> bool:
        """A write from this dialog's own buttons: a refusal is shown over the dialog."""
        try:
            return self.run(write) is not None
        except UserError as err:
            show_user_error(self, err)
            return False
