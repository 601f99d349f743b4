"""A team database on a real PostgreSQL server: `team init|upgrade`, the schema checks on open, the server's
errors as one line, the password from $PGPASSWORD or a prompt and never printed.

Needs a server (`NOMADCM_TEST_DB_URL`, started by .ci/run): each test gets an empty database of its own on it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from nomadcm.cli import main
from nomadcm.errors import DatabaseError, PasswordRequiredError
from nomadcm.models import Base
from nomadcm.paths import DatabaseUrl
from nomadcm.storage import Database, migrate, open_database
from nomadcm.storage.engine import make_engine
from nomadcm.storage.schema import HEAD_REVISION, KNOWN_REVISIONS
from nomadcm.storage.team_schema import init_schema

pytestmark = pytest.mark.postgres_only

PASSWORD_ROLE, PASSWORD = "nomadcm_pw", "nomadcm-secret"  # made by tools/postgres-cluster.sh


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty_url(pg_server_url: str) -> Iterator[str]:
    """The URL of a new, empty database on the test server (dropped afterwards)."""
    server = make_url(pg_server_url)
    name = f"nomadcm_team_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


# ---------------------------------------------------------------------- team init / upgrade


def test_team_init_creates_the_schema_then_any_command_uses_the_server(
    empty_url: str, capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["team", "init", empty_url], capsys)
    assert (code, err) == (0, "")
    assert f"created NomadCM's schema ({HEAD_REVISION})" in out
    assert _revision(empty_url) == HEAD_REVISION
    assert run(["--db", empty_url, "client", "add", "Érable Café", "--tz", "America/Toronto"], capsys)[0] == 0
    code, out, _ = run(["--db", empty_url, "client", "list"], capsys)
    assert code == 0 and "Érable Café" in out
    assert list(tmp_path.iterdir()) == []  # nothing was taken for a file path
    code, out, _ = run(["team", "init", empty_url], capsys)
    assert code == 0 and "nothing to do" in out


def test_models_and_migrations_agree_on_postgresql(empty_url: str) -> None:
    init_schema(DatabaseUrl(empty_url))
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
    finally:
        engine.dispose()
    assert diffs == []


def test_an_empty_database_is_refused_until_team_init(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["--db", empty_url, "client", "list"], capsys)
    assert code == 2
    assert "has no NomadCM schema yet: run nomadcm team init" in err and err.count("\n") == 1
    assert _revision_or_none(empty_url) is None  # nothing created by opening it


def _revision_or_none(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not conn.execute(text("SELECT to_regclass('alembic_version')")).scalar():
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


def test_a_database_of_another_program_is_left_untouched(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id int)"))
    engine.dispose()
    code, _, err = run(["team", "init", empty_url], capsys)
    assert code == 2 and "holds tables of another program (invoices)" in err
    assert _revision_or_none(empty_url) is None


def test_a_newer_schema_is_refused_untouched(empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    init_schema(DatabaseUrl(empty_url))
    engine = create_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    for argv in (
        ["--db", empty_url, "client", "list"],
        ["team", "init", empty_url],
        ["team", "upgrade", empty_url, "--yes"],
    ):
        code, _, err = run(argv, capsys)
        assert code == 2, argv
        assert "newer NomadCM (schema '9999_future')" in err and "untouched" in err
    assert _revision(empty_url) == "9999_future"


def test_an_older_schema_is_migrated_only_by_team_upgrade(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = KNOWN_REVISIONS[-2]
    engine = make_engine(empty_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, previous)
    engine.dispose()
    code, _, err = run(["--db", empty_url, "client", "list"], capsys)
    assert code == 2 and "older NomadCM schema" in err and "pg_dump" in err and "team upgrade" in err
    code, _, err = run(["team", "init", empty_url], capsys)
    assert code == 2 and "team upgrade" in err
    code, _, err = run(["team", "upgrade", empty_url], capsys)  # no terminal to ask: --yes is needed
    assert code == 2 and "--yes" in err
    assert _revision(empty_url) == previous
    code, out, err = run(["team", "upgrade", empty_url, "--yes"], capsys)
    assert (code, err) == (0, "") and f"from schema {previous} to {HEAD_REVISION}" in out
    assert run(["--db", empty_url, "client", "list"], capsys)[0] == 0


def test_team_init_refuses_a_file_and_a_bad_first_member_before_writing(
    empty_url: str, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    code, _, err = run(["team", "init", str(tmp_path / "x.sqlite3")], capsys)
    assert code == 2 and "is a file" in err
    code, _, err = run(["team", "init", empty_url, "--member", "Lina", "--email", "lina.example.org"], capsys)
    assert code == 2 and "'lina.example.org' is not an e-mail address" in err and err.count("\n") == 1
    code, _, err = run(["team", "init", empty_url, "--member", "Lina"], capsys)
    assert code == 2 and "--member and --email go together" in err
    assert _revision_or_none(empty_url) is None  # nothing half-made: no schema either


# ---------------------------------------------------------------------- the server's errors, one line


def test_an_unreachable_server_is_one_line_with_its_address(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        ["--db", "postgresql://nomadcm:s3cret-pw@127.0.0.1:1/team", "client", "list"], capsys
    )
    assert code == 2 and out == ""
    assert err == "nomadcm: error: cannot reach the team database at 127.0.0.1:1 (Connection refused)\n"


def test_a_missing_database_says_so(pg_server_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = make_url(pg_server_url).set(database="nomadcm_no_such_db").render_as_string(hide_password=False)
    code, _, err = run(["--db", url, "client", "list"], capsys)
    assert code == 2 and err.count("\n") == 1
    assert "has no database 'nomadcm_no_such_db'" in err and "createdb" in err


def test_a_lost_connection_is_a_message_not_a_traceback(empty_url: str) -> None:
    init_schema(DatabaseUrl(empty_url))
    db = open_database(empty_url)
    try:
        admin = create_engine(empty_url, isolation_level="AUTOCOMMIT")
        with (
            pytest.raises(DatabaseError, match=r"^lost the connection to the team database at "),
            db.write() as s,
        ):
            pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            s.execute(text("SELECT 1"))
        admin.dispose()
        with db.session() as s:  # the next use gets a fresh connection (pre-ping)
            assert s.execute(text("SELECT 1")).scalar() == 1
    finally:
        db.close()


# ---------------------------------------------------------------------- passwords


@pytest.fixture
def password_url(pg_server_url: str) -> str:
    """The test cluster's role that must give a password (tools/postgres-cluster.sh), without the password."""
    server = make_url(pg_server_url)
    url = server.set(username=PASSWORD_ROLE, password=None, database=PASSWORD_ROLE)
    try:
        Database.connect_server(DatabaseUrl(url.render_as_string(hide_password=False))).close()
    except PasswordRequiredError:
        return url.render_as_string(hide_password=False)
    except DatabaseError as err:
        pytest.skip(f"this server has no password role for the test ({err})")
    pytest.skip("this server does not ask that role for a password")


def test_without_a_password_the_cli_says_how_to_give_one(
    password_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    code, _, err = run(["--db", password_url, "client", "list"], capsys)
    assert code == 2 and "asks for a password" in err and "PGPASSWORD" in err and err.count("\n") == 1


def test_pgpassword_is_used_by_libpq(
    password_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    code, _, err = run(["team", "init", password_url], capsys)
    assert code == 0, err
    assert run(["--db", password_url, "client", "list"], capsys)[0] == 0


def test_a_terminal_is_asked_once_and_the_password_is_never_printed(
    password_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt, stream=None: asked.append(prompt) or PASSWORD)
    code, out, err = run(["team", "init", password_url], capsys)
    assert code == 0, err
    assert asked == [f"Password for {password_url}: "]
    name = f"Café {uuid.uuid4().hex[:6]}"  # the role's database outlives a run
    code, out, err = run(["--db", password_url, "client", "add", name, "--tz", "Europe/Paris"], capsys)
    assert code == 0 and len(asked) == 2, err
    monkeypatch.setattr("getpass.getpass", lambda prompt, stream=None: "wrong-guess")
    code, out, err = run(["--db", password_url, "client", "list"], capsys)
    assert code == 2 and "refused the password" in err
    assert "wrong-guess" not in out + err and PASSWORD not in out + err


def test_a_password_in_the_url_is_masked_in_every_message(
    password_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with_password = password_url.replace(f"{PASSWORD_ROLE}@", f"{PASSWORD_ROLE}:not-{PASSWORD}@")
    code, out, err = run(["--db", with_password, "client", "list"], capsys)
    assert code == 2 and "refused the password" in err
    assert f"not-{PASSWORD}" not in out + err
    code, out, err = run(["team", "init", with_password.replace("/nomadcm_pw", "/")], capsys)
    assert f"not-{PASSWORD}" not in out + err
    shown = DatabaseUrl(with_password).shown
    assert re.search(r":\*\*\*@", shown) and PASSWORD not in shown
