"""File > Open team database…: the URL and the password apart, the URL remembered without its password, and
a `--db` with an unknown scheme refused at start (exit 2, the password masked)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from nomadcm.app import EXIT_BAD_DATABASE, gui_main
from nomadcm.paths import DatabaseUrl
from nomadcm.ui import team_database
from nomadcm.ui.team_database import SETTINGS_TEAM_URL, TeamDatabaseDialog


def test_the_password_is_kept_apart_and_never_remembered(qtbot, qsettings) -> None:  # type: ignore[no-untyped-def]
    dialog = TeamDatabaseDialog(qsettings)
    qtbot.addWidget(dialog)
    dialog.url_edit.setText("postgresql://lina:in-the-url@db.example:5433/team")
    dialog.accept()
    target = dialog.target()
    assert target == DatabaseUrl("postgresql+psycopg://lina@db.example:5433/team")
    assert target is not None and target.password == "in-the-url"
    assert qsettings.value(SETTINGS_TEAM_URL) == "postgresql+psycopg://lina@db.example:5433/team"

    again = TeamDatabaseDialog(qsettings)  # the next time: the URL offered, no password
    qtbot.addWidget(again)
    assert again.url_edit.text() == "postgresql+psycopg://lina@db.example:5433/team"
    again.password_edit.setText("typed")
    again.accept()
    assert again.target() is not None and again.target().password == "typed"  # type: ignore[union-attr]
    assert "typed" not in str(qsettings.value(SETTINGS_TEAM_URL))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "Type the server's URL"), ("/tmp/mine.sqlite3", "This is a file"), ("mysql://u:pw@h/x", "unknown")],
)
def test_what_is_not_a_team_database_is_said_in_the_dialog(
    qtbot, qsettings, text: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    dialog = TeamDatabaseDialog(qsettings)
    qtbot.addWidget(dialog)
    dialog.url_edit.setText(text)
    dialog.accept()
    assert dialog.target() is None and expected in dialog.error_label.text()
    assert "pw@" not in dialog.error_label.text()
    assert qsettings.value(SETTINGS_TEAM_URL) is None


def test_the_menu_entry_switches_to_the_team_database(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    chosen = DatabaseUrl("postgresql+psycopg://lina@db.example/team", "pw")
    monkeypatch.setattr(team_database, "ask_team_database", lambda settings, parent: chosen)
    window.team_action.trigger()
    assert window.next_database is chosen


def test_an_unknown_scheme_is_refused_at_start(qapp, monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert (
        gui_main(["--db", "mysql://lina:hunter2@db.example/team", "--exit-after-startup"])
        == EXIT_BAD_DATABASE
    )
    err = capsys.readouterr().err
    assert "unknown database URL scheme 'mysql'" in err and "hunter2" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres_only
def test_the_app_asks_for_the_password_until_the_server_takes_it(qapp, pg_server_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    from nomadcm import app
    from nomadcm.errors import DatabaseError
    from nomadcm.storage.team_schema import init_schema

    server = make_url(pg_server_url).set(username="nomadcm_pw", password=None, database="nomadcm_pw")
    url = DatabaseUrl(server.render_as_string(hide_password=False))
    try:
        init_schema(url.with_password("nomadcm-secret"))  # the role tools/postgres-cluster.sh makes
    except DatabaseError as err:
        pytest.skip(f"no password role on this server ({err})")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    reasons: list[str] = []
    answers = iter(["wrong", "nomadcm-secret"])
    monkeypatch.setattr(
        team_database,
        "ask_password",
        lambda target, reason, parent=None: reasons.append(reason) or next(answers),
    )
    db = app._open_database(qapp, url, False)
    assert not isinstance(db, int)
    db.close()
    assert "asks for a password" in reasons[0] and "refused the password" in reasons[1]
    assert app._open_database(qapp, url, True) == EXIT_BAD_DATABASE  # a smoke test never shows a dialog
