"""No traceback, ever (issue 12): every command line a person can type gets an answer, never a stack.

QA's sweep of 1,483 bad inputs over every command found 58 tracebacks (dates out of range, bytes that are
not UTF-8, huge ids, over-long paths, bad --server values, `stay add --from ''`), 6 hangs (`queue list --days
9223372036854775807`, importers reading a FIFO or /dev/zero), 33 options that read '' as "not given", 93
refusals that echoed a 1 MB value whole, refusals on several lines, `conflict undo 999999 sleep` exiting 0
and `client add --country XX` accepted.

The sweep itself (cli_sweep_engine.py) reads the commands and their arguments from the real parser and
feeds each argument the bad values of its kind; here it runs a sample — the empty value of every option, the
FIFOs and devices, a third of each command's other bad values (a different third for each) and every bad
value of every kind at least once — within CI's time (bench/cli_sweep.py --full runs all).
The tests after it pin the promises the sweep cannot word: the messages, the exit codes, the crash log.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import cli_sweep_engine as sweep
import pytest

from nomadcm.cli import build_parser
from nomadcm.cli.common import SHOWN_LINE, error_line

PARSER = build_parser()
COMMANDS = sorted({t.command for t in sweep.targets(PARSER)})


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sweep.Sandbox]:
    """The seeded database and files, built once for the module, in folders of its own."""
    home = tmp_path_factory.mktemp("sweep-home")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HOME", str(home))
        for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("XDG_CONFIG_HOME", "cfg")):
            env.setenv(name, str(home / sub))
        env.setenv("NOMADCM_DB", str(home / "never-used.sqlite3"))
        box = sweep.Sandbox(tmp_path_factory.mktemp("sweep"))
        box.build()
        yield box


@pytest.fixture(scope="module")
def sampled(sandbox: sweep.Sandbox) -> list[sweep.Case]:
    return sweep.sample(sweep.all_cases(sandbox, PARSER))


def cli(argv: list[str], cwd: Path) -> tuple[int | None, str, str]:
    code, out, err, crash = sweep.run_in_process(argv, cwd=cwd)
    assert crash is None, crash
    return code, out, err


# --------------------------------------------------------------------------- the sweep


def test_every_command_is_swept() -> None:
    """A new command needs a baseline here, or the sweep would pass it by."""
    commands = {" ".join(path) for path, _ in sweep.leaf_parsers(PARSER)} - sweep.NOT_SWEPT
    assert commands == set(sweep.BASELINES), "add the new command's baseline to cli_sweep_engine.BASELINES"
    assert len(COMMANDS) > 40


def test_the_baselines_succeed(sandbox: sweep.Sandbox) -> None:
    """Each case is its command's baseline with one value changed: a baseline that failed would make every
    case of its command a refusal for the wrong reason."""
    for path, parser in sweep.leaf_parsers(PARSER):
        command = " ".join(path)
        if command in sweep.NOT_SWEPT:
            continue
        db = sandbox.fresh_case_db()
        code, _out, err = cli(["--db", str(db), *sweep.baseline_argv(sandbox, command, parser)], sandbox.work)
        assert code == (2 if command in sweep.BASELINE_REFUSED else 0), (command, err)


def test_the_sample_keeps_every_command_every_value_and_every_empty_option(
    sandbox: sweep.Sandbox, sampled: list[sweep.Case]
) -> None:
    """The CI sample is a third of the cross product: what it must not leave out."""
    cases = sweep.all_cases(sandbox, PARSER)
    assert len(sampled) < len(cases)
    assert {c.target.command for c in sampled} == {c.target.command for c in cases}
    assert {(c.target.kind, c.bad.name) for c in sampled} == {(c.target.kind, c.bad.name) for c in cases}
    assert {(c.target.command, c.target.kind) for c in sampled if c.bad.name != "empty"} == {
        (c.target.command, c.target.kind) for c in cases
    }
    assert {c.target.label for c in sampled if c.bad.name == "empty"} == {c.target.label for c in cases}
    assert {c.label for c in sampled if c.bad.isolated} == {c.label for c in cases if c.bad.isolated}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "global options")
def test_bad_values_are_refused_on_one_line(
    sandbox: sweep.Sandbox, sampled: list[sweep.Case], command: str
) -> None:
    cases = [c for c in sampled if c.target.command == command]
    assert cases
    failures = []
    for case in cases:
        outcome = sweep.run_case(sandbox, case)
        if outcome.problems:
            failures.append(outcome.describe())
    assert not failures, "\n".join(failures)


# --------------------------------------------------------------------------- what the sweep cannot word


@pytest.fixture
def db(sandbox: sweep.Sandbox) -> Path:
    return sandbox.fresh_case_db()


def test_a_long_value_is_cut_and_a_message_is_one_line() -> None:
    line = error_line(f"--tz: unknown time zone {'x' * 1_000_000!r} (use an IANA name such as Europe/Paris)")
    assert line == f"--tz: unknown time zone '{'x' * 79}…{'x' * 40}' (use an IANA name such as Europe/Paris)"
    assert error_line("bad row\n  line 2\r\nline 3\x1b[2J") == "bad row line 2 line 3\\x1b[2J"
    spaced = error_line("no city named " + repr("a b " * 100_000) + " in the offline city table")
    assert len(spaced) <= SHOWN_LINE and spaced.endswith("in the offline city table") and "\n" not in spaced
    assert error_line("it's a 'value' and it's fine") == "it's a 'value' and it's fine"


def test_bytes_that_are_not_utf8_are_named(sandbox: sweep.Sandbox, db: Path) -> None:
    """As a real command line hands them over: the bytes of argv, decoded with surrogateescape."""
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", "--db", str(db), "post", "add", "--client", "Acme", "--channel",
         "x", "--at", "2030-03-06 10:00", "--text", b"caf\xe9"],  # Latin-1 é, not UTF-8
        capture_output=True, cwd=sandbox.work, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().startswith("nomadcm: error: --text: the value is not valid UTF-8")
    assert done.stderr.count(b"\n") == 1 and done.stdout == b""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["stay", "add", "--city", "Porto", "--from", "", "--to", "2030-04-05"], "--from: the value is empty"),
        (["queue", "list", "--client", "Acme", "--channel", "x", "--days", str(2**63 - 1)], "--days: 9223372036854775807 is not from 1 to 366"),
        (["stay", "delete", str(2**63)], "id: 9223372036854775808 is not an id from 1 to 9223372036854775807"),
        (["conflict", "undo", "999999", "sleep"], "no post with id 999999"),
        (["client", "add", "Zed", "--tz", "Europe/Paris", "--country", "XX"], "country 'XX' is not an ISO 3166"),
        (["post", "list", "--from", "9999-12-31"], "--from: 9999-12-31 is outside the dates NomadCM handles"),
        (["place", "list", "--min-down", "nan"], "--min-down: 'nan' is not a finite number"),
        (["import", "csv", "/dev/zero"], "file: '/dev/zero' is not a regular file"),
        (["import", "csv", "x" * 300], "file: '" + "x" * 79 + "…" + "x" * 40 + "': File name too long"),
        (["export", "csv", "--tz-typo"], "unrecognized arguments: --tz-typo"),
    ],
)  # fmt: skip
def test_refusals_name_the_value(sandbox: sweep.Sandbox, db: Path, argv: list[str], message: str) -> None:
    code, out, err = cli(["--db", str(db), *argv], sandbox.work)
    assert code == 2 and out == "", err
    assert message in err and err.count("\n") == 1 and len(err) <= SHOWN_LINE + 1, err


def test_a_fifo_is_refused_before_anything_reads_it(sandbox: sweep.Sandbox, db: Path) -> None:
    """It blocked for ever (nobody writes to it): the file's kind is checked, never opened."""
    code, _out, err = cli(["--db", str(db), "place", "import", str(sandbox.fifo)], sandbox.work)
    assert code == 2 and "is not a regular file" in err


def test_the_demo_never_replaces_your_database(sandbox: sweep.Sandbox, db: Path) -> None:
    """`demo create --db <your database> --replace` deleted it; a device or a pipe was deleted the same way."""
    before = sweep.fingerprint(db)
    code, _out, err = cli(["--db", str(db), "demo", "create", "--db", str(db), "--replace"], sandbox.work)
    assert code == 2 and "is your database" in err and sweep.fingerprint(db) == before
    code, _out, err = cli(
        ["--db", str(db), "demo", "create", "--db", str(sandbox.fifo), "--replace"], sandbox.work
    )
    assert code == 2 and "is not a file" in err and sandbox.fifo.is_fifo()


def test_empty_means_something_where_it_is_meaningful(sandbox: sweep.Sandbox, db: Path) -> None:
    code, out, err = cli(["--db", str(db), "stay", "edit", "1", "--note", "", "--json"], sandbox.work)
    assert code == 0, err
    assert '"notes": ""' in out
    code, out, err = cli(["--db", str(db), "settings", "set", "work-hours", ""], sandbox.work)
    assert code == 0, err


def test_city_search_without_a_match_is_an_answer(sandbox: sweep.Sandbox, db: Path) -> None:
    code, out, err = cli(["--db", str(db), "city", "search", "Qwxzvvq"], sandbox.work)
    assert code == 0 and out == "" and "no city matches 'Qwxzvvq'" in err


def test_an_unexpected_error_is_one_line_and_a_crash_log(
    sandbox: sweep.Sandbox, db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A bug still gets no traceback on the terminal: one line naming the log that has it, exit 1."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    import nomadcm.cli.schedule as schedule

    def broken(_ctx: object, _args: argparse.Namespace) -> int:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(schedule, "client_list", broken)
    code, out, err = cli(["--db", str(db), "client", "list"], sandbox.work)
    assert code == 1 and out == ""
    assert err.startswith("nomadcm: unexpected error (RuntimeError: a bug over two lines); details in ")
    assert err.count("\n") == 1
    log = Path(err.rstrip("\n").split("details in ", 1)[1])
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8")


def test_ctrl_c_is_one_line_and_130(
    sandbox: sweep.Sandbox, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nomadcm.cli.schedule as schedule

    def interrupted(_ctx: object, _args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(schedule, "client_list", interrupted)
    assert cli(["--db", str(db), "client", "list"], sandbox.work) == (130, "", "nomadcm: interrupted\n")


def test_the_sweep_really_catches_a_traceback(
    sandbox: sweep.Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The harness's own check: an exception escaping `main` is reported, not taken for a refusal."""

    def escaping(_argv: list[str] | None = None) -> int:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr("nomadcm.cli.main", escaping)
    case = next(c for c in sweep.all_cases(sandbox, PARSER) if c.target.command == "stay delete")
    assert sweep.run_case(sandbox, case).problems == ["traceback"]
