"""On a team database a place's WiFi password is the member's own unless she shares it (issue 13;
services/workplaces/private_passwords.py): her copy stays in a private file on her computer, the server's
column stays empty, and another member (another computer) does not see it. On a SQLite file, hers alone,
the column is the only place and nothing is written beside it.

The server's column is read with SQLAlchemy Core, not through the service, and "another computer" is another
data folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from nomadcm import paths
from nomadcm.models import Workplace
from nomadcm.services.container import Services
from nomadcm.services.workplaces.private_passwords import PrivatePasswords


def _column(services: Services, place_id: int) -> str:
    with services.db.session() as s:
        return s.scalar(select(Workplace.wifi_password).where(Workplace.id == place_id)) or ""


def _another_computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop-of-sam"))


def test_on_a_file_the_password_is_in_the_file_only(services: Services, pytestconfig) -> None:  # type: ignore[no-untyped-def]
    if services.db.path is None:
        pytest.skip("about the SQLite file")
    place = services.workplaces.add_place("Café Olimpico", city="Montréal", country="CA", wifi_password="olé")
    assert _column(services, place.id) == "olé"
    assert not services.workplaces.keeps_private_passwords()
    assert services.workplaces.password_shared(place.id)
    assert not (paths.data_dir() / "private").exists()


@pytest.mark.postgres_only
def test_a_member_keeps_her_password_unless_she_shares_it(
    services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    workplaces = services.workplaces
    assert workplaces.keeps_private_passwords()
    place = workplaces.add_place("Café Olimpico", city="Montréal", country="CA", wifi_password="olé olé")
    assert _column(services, place.id) == ""  # nothing on the server
    assert workplaces.wifi_password(place.id) == "olé olé" and workplaces.get_place(place.id).has_password
    assert not workplaces.password_shared(place.id)
    assert workplaces.passwords() == {place.id: "olé olé"}  # an export she asks for includes hers
    store = PrivatePasswords.of(services.db)
    assert store is not None and store.path.exists()
    if os.name == "posix":
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700

    shared = workplaces.add_place("Crew Collective", city="Montréal", country="CA", wifi_password="crew",
                                  share_password=True)  # fmt: skip
    assert _column(services, shared.id) == "crew"

    with monkeypatch.context() as m:  # Sam, on his laptop, reads the same team database
        _another_computer(m, tmp_path)
        assert workplaces.wifi_password(place.id) == ""
        assert not workplaces.get_place(place.id).has_password
        assert workplaces.wifi_password(shared.id) == "crew"
        assert workplaces.passwords() == {shared.id: "crew"}


@pytest.mark.postgres_only
def test_sharing_moves_the_password_and_an_edit_leaves_it_where_it_is(
    services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    workplaces = services.workplaces
    place = workplaces.add_place("Café Olimpico", city="Montréal", country="CA", wifi_password="olé")
    workplaces.update_place(place.id, share_password=True)
    assert _column(services, place.id) == "olé"
    store = PrivatePasswords.of(services.db)
    assert store is not None and store.get(place.id) == ""  # not kept twice

    workplaces.update_place(place.id, wifi_password="nouveau")  # shared: stays shared
    assert _column(services, place.id) == "nouveau"
    workplaces.update_place(place.id, notes="calme le matin")  # no password change: untouched
    assert _column(services, place.id) == "nouveau"

    workplaces.update_place(place.id, share_password=False)  # taken back: hers again
    assert _column(services, place.id) == "" and store.get(place.id) == "nouveau"
    workplaces.update_place(place.id, wifi_password="encore")
    assert _column(services, place.id) == "" and workplaces.wifi_password(place.id) == "encore"

    workplaces.delete_place(place.id)
    assert store.all() == {}
    with monkeypatch.context() as m:
        _another_computer(m, tmp_path)
        assert PrivatePasswords.of(services.db).all() == {}  # type: ignore[union-attr]


@pytest.mark.postgres_only
def test_a_damaged_private_file_is_named_not_a_traceback(services: Services) -> None:
    from nomadcm.errors import UserError

    place = services.workplaces.add_place("Café Olimpico", city="Montréal", country="CA", wifi_password="x")
    store = PrivatePasswords.of(services.db)
    assert store is not None
    store.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="private WiFi passwords"):
        services.workplaces.wifi_password(place.id)


@pytest.mark.postgres_only
def test_a_places_file_imported_on_a_team_database_keeps_its_passwords_hers(
    services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A places CSV with passwords: new places and updated private ones keep them in her file only; a place
    whose password the team already shares gets the file's password where it is (shared)."""
    from nomadcm.exchange.places_io import import_places

    workplaces = services.workplaces
    crew = workplaces.add_place("Crew Collective", city="Montréal", wifi_password="old", share_password=True)
    mine = workplaces.add_place("Café Olimpico", city="Montréal", wifi_password="mine")
    path = tmp_path / "places.csv"
    path.write_text(
        "name,city,kind,wifi_password\n"
        "Crew Collective,Montréal,coworking,newcrew\n"
        "Café Olimpico,Montréal,cafe,newmine\n"
        "Pikolo,Montréal,cafe,pikolo\n",
        encoding="utf-8",
    )
    report = import_places(services.db, path)
    assert (report.added, report.updated) == (1, 2)
    pikolo = next(p for p in workplaces.list_places() if p.name == "Pikolo")
    assert _column(services, pikolo.id) == "" and _column(services, mine.id) == ""  # nothing on the server
    assert _column(services, crew.id) == "newcrew"  # shared before: replaced where it is
    assert workplaces.wifi_password(pikolo.id) == "pikolo"
    assert workplaces.wifi_password(mine.id) == "newmine"
    _another_computer(monkeypatch, tmp_path)
    assert workplaces.wifi_password(pikolo.id) == "" and workplaces.wifi_password(crew.id) == "newcrew"


@pytest.mark.postgres_only
def test_an_import_that_does_not_commit_leaves_her_passwords_as_they_were(
    services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from nomadcm.exchange.places_io import import_places

    workplaces = services.workplaces
    mine = workplaces.add_place("Café Olimpico", city="Montréal", wifi_password="mine")
    path = tmp_path / "places.csv"
    path.write_text("name,city,kind,wifi_password\nCafé Olimpico,Montréal,cafe,newmine\n", encoding="utf-8")
    written = PrivatePasswords.set_many

    def then_fail(self: PrivatePasswords, passwords: dict[int, str]) -> None:
        written(self, passwords)  # her file is written just before the commit...
        raise RuntimeError("the server went away")  # ...which then fails

    monkeypatch.setattr(PrivatePasswords, "set_many", then_fail)
    with pytest.raises(RuntimeError):
        import_places(services.db, path)
    assert workplaces.wifi_password(mine.id) == "mine"


@pytest.mark.postgres_only
def test_undo_and_redo_put_her_own_password_back(services: Services) -> None:
    """Her password lives in her file, not in the place's row: undoing an edit, a delete or an add puts the
    file back as it was too (it kept the edited password, or lost it for good with the delete)."""
    workplaces = services.workplaces
    add = workplaces.add_place_op("Café Olimpico", city="Montréal", country="CA", wifi_password="olé")
    place_id = add.result.id
    assert workplaces.wifi_password(place_id) == "olé"

    edit = workplaces.update_place_op(place_id, wifi_password="nouveau")
    assert workplaces.wifi_password(place_id) == "nouveau"
    assert edit.undo is not None
    redo = edit.undo()
    assert workplaces.wifi_password(place_id) == "olé"
    assert redo.undo is not None
    redo.undo()
    assert workplaces.wifi_password(place_id) == "nouveau"

    shared = workplaces.update_place_op(place_id, share_password=True)  # moved to the row, out of her file
    assert _column(services, place_id) == "nouveau"
    assert shared.undo is not None
    shared.undo()
    assert _column(services, place_id) == "" and workplaces.wifi_password(place_id) == "nouveau"

    delete = workplaces.delete_place_op(place_id)
    store = PrivatePasswords.of(services.db)
    assert store is not None and store.all() == {}
    assert delete.undo is not None
    delete.undo()
    assert workplaces.wifi_password(place_id) == "nouveau"

    assert add.undo is not None
    again = add.undo()  # the place goes, and her password with it
    assert store.all() == {}
    assert again.undo is not None
    again.undo()
    assert workplaces.wifi_password(place_id) == "olé"


def test_undo_of_an_edit_on_a_file_restores_the_column(services: Services) -> None:
    if services.db.path is None:
        pytest.skip("about the SQLite file")
    workplaces = services.workplaces
    place = workplaces.add_place("Café Olimpico", city="Montréal", country="CA", wifi_password="olé")
    edit = workplaces.update_place_op(place.id, wifi_password="nouveau")
    assert edit.undo is not None
    edit.undo()
    assert _column(services, place.id) == "olé"
    assert not (paths.data_dir() / "private").exists()
