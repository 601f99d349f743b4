"""The place dialog on a team database offers "Share the password with the team": unticked, the password stays
on this computer (services/workplaces/private_passwords.py); on a SQLite file the box is not shown. Run on the
PostgreSQL pass (Makefile's PG_TESTS) for the team side."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from nomadcm.models import Workplace
from nomadcm.ui.workplaces.place_dialog import PlaceDialog


def _column(services, place_id: int) -> str:  # type: ignore[no-untyped-def]
    with services.db.session() as s:
        return s.scalar(select(Workplace.wifi_password).where(Workplace.id == place_id)) or ""


def _new_place(qtbot, services, password: str, share: bool | None) -> int:  # type: ignore[no-untyped-def]
    dialog = PlaceDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText(f"Le Nid {password}")
    dialog.city.setText("Montréal")
    dialog.country.setText("CA")
    dialog.password.setText(password)
    if share is not None:
        assert dialog.share_password.isVisible() and not dialog.share_password.isChecked()
        dialog.share_password.setChecked(share)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert dialog.saved_id is not None
    return dialog.saved_id


def test_on_a_file_there_is_no_box_to_tick(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    if services.db.path is None:
        pytest.skip("about the SQLite file")
    place_id = _new_place(qtbot, services, "nid", None)
    assert _column(services, place_id) == "nid"
    dialog = PlaceDialog(services, services.workplaces.get_place(place_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.share_password.isVisible()


@pytest.mark.postgres_only
def test_a_password_is_hers_unless_she_ticks_share(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    mine = _new_place(qtbot, services, "secret", share=False)
    ours = _new_place(qtbot, services, "commun", share=True)
    assert _column(services, mine) == "" and services.workplaces.wifi_password(mine) == "secret"
    assert _column(services, ours) == "commun"

    dialog = PlaceDialog(services, services.workplaces.get_place(mine))  # opened again: as saved
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.password.text() == "secret" and not dialog.share_password.isChecked()
    dialog.share_password.setChecked(True)
    dialog.save()
    assert _column(services, mine) == "secret"
    again = PlaceDialog(services, services.workplaces.get_place(ours))
    qtbot.addWidget(again)
    again.show()
    assert again.share_password.isChecked()
