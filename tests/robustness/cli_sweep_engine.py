"""The CLI sweep (issue 12, "no traceback, ever"): every argument of every command, fed bad values by kind.

The commands and their arguments are read from the real parser (`nomadcm.cli.build_parser`: subparsers
walked, their actions classified by type, metavar and dest), never listed by hand, so a new command or option
is swept the day it is added — and fails the sweep until it has a baseline below. Each case is one command
line: the command's baseline (a call that succeeds against the seed database) with one argument replaced by
a bad value, run on a fresh copy of that database. What is asserted of every case:

- the exit code is 0 or 2 (0 only where the value may legitimately be accepted: free text, a long name...),
  and 2 where the value must be refused (an empty date, a huge id, a date in year 9999, a directory as input);
- no traceback, no hang (a per-call timer in-process; a subprocess with a time and memory limit for the
  values that may block in C: /dev/zero, a FIFO);
- a refusal is exactly one line on stderr, under MAX_REFUSAL characters, and changes nothing in the
  database (every table's rows, compared before and after).

Used by tests/robustness/test_cli_sweep.py (a sample per kind of value, bounded for CI) and
bench/cli_sweep.py (`--full`: the whole cross product, with counts per problem).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[2]
WELLBEING_DATA = ROOT / "tests" / "data" / "wellbeing"

MAX_REFUSAL = 300  # characters of a refusal on stderr, its line break included
IN_PROCESS_TIMEOUT_S = 20.0
SUBPROCESS_TIMEOUT_S = 30.0
SUBPROCESS_MEMORY = 2 * 1024**3  # bytes of address space: reading /dev/zero whole must not take the machine

# ---------------------------------------------------------------------------------------------- the seed

SEED: list[list[str]] = [
    ["settings", "set", "home-tz", "Europe/Paris"],
    ["client", "add", "Acme", "--tz", "Europe/Paris", "--country", "FR"],
    ["channel", "add", "Acme", "x"],
    ["channel", "add", "Acme", "blog"],
    ["post", "add", "--client", "Acme", "--channel", "x", "--at", "2030-03-04 10:00", "--text", "one"],
    [
        "post", "add", "--client", "Acme", "--channel", "blog", "--at", "2030-03-04 09:00", "--text", "weekly",
        "--rrule", "FREQ=WEEKLY;COUNT=5",
    ],
    ["queue", "slots", "--client", "Acme", "--channel", "x", "--set", "Mo-Fr 09:00"],
    ["stay", "add", "--city", "Lisbon", "--from", "2030-03-01", "--to", "2030-03-10"],
    [
        "transit", "add", "--kind", "flight", "--from-city", "Lisbon", "--to-city", "Paris",
        "--depart", "2030-03-11 08:00", "--arrive", "2030-03-11 11:30",
    ],
    ["place", "add", "Café Nomade", "--city", "Lisbon", "--lat", "38.71", "--lon", "-9.14"],
    ["speedtest", "add", "1", "--down", "50", "--up", "10", "--ping", "20", "--at", "2025-03-02 10:00"],
    ["log", "screen", "--device", "laptop", "--from", "2025-03-02 09:00", "--to", "2025-03-02 10:00"],
    ["log", "rest", "--kind", "break", "--from", "2025-03-02 12:00", "--to", "2025-03-02 12:30"],
    ["conflict", "ack", "1", "holiday"],
    [
        "contract", "set", "Acme", "--retainer", "800", "--included-hours", "10", "--currency", "EUR",
        "--from", "2025-01-01",
    ],
    ["work", "log", "Acme", "--from", "2025-03-02 14:00", "--to", "2025-03-02 15:00", "--note", "Call"],
    ["event", "add", "Acme", "Launch", "--kind", "launch", "--start", "2030-03-05 10:00"],
]  # fmt: skip

# A call of each command that succeeds against the seed: dest -> value ({name} is a Sandbox path; a list
# for nargs '+'/'*'; True for a flag). A command missing here fails the sweep (test_every_command_is_swept).
BASELINES: dict[str, dict[str, object]] = {
    "client add": {"name": "Zed", "tz": "Europe/Paris"},
    "client list": {},
    "channel add": {"client": "Acme", "network": "instagram"},
    "post add": {"client": "Acme", "channel": "x", "at": "2030-03-06 10:00", "text": "hello"},
    "post list": {},
    "post occurrences": {"id": "2"},
    "post skip": {"id": "2", "at": "2030-03-11 09:00"},
    "post edit": {"id": "1", "text": "edited"},
    "settings set": {"key": "sleep", "value": "23:00-07:00"},
    "settings list": {},
    "export csv": {},
    "export ics": {},
    "import csv": {"file": "{native_csv}"},
    "import activitywatch": {"file": "{aw_json}"},
    "import sleep-as-android": {"file": "{sleep_csv}"},
    "import wellbeing-csv": {"file": "{wellbeing_csv}"},
    "queue slots": {"client": "Acme", "channel": "x"},
    "queue list": {"client": "Acme", "channel": "x"},
    "queue add": {"client": "Acme", "channel": "x", "text": "queued"},
    "reminders list": {},
    "stay add": {"city": "Porto", "date_from": "2030-04-01", "date_to": "2030-04-05"},
    "stay edit": {"id": "1"},
    "stay delete": {"id": "1"},
    "transit add": {
        "kind": "flight", "from_city": "Paris", "to_city": "Berlin",
        "depart": "2030-04-10 08:00", "arrive": "2030-04-10 10:00",
    },
    "transit delete": {"id": "1"},
    "trip list": {},
    "city search": {"text": "Lisbon"},
    "check": {},
    "conflict ack": {"post_id": "1", "kinds": ["sleep"]},
    "conflict undo": {"post_id": "1", "kinds": []},
    "place add": {"name": "Spot", "city": "Lisbon"},
    "place list": {},
    "place show": {"place": "1"},
    "place import": {"file": "{places_geojson}"},
    "place export": {"file": "{out}/places.geojson"},
    "place worked": {"place": "1", "start": "2025-03-02 11:00", "end": "12:00"},
    "place remove": {"place": "1"},
    "speedtest add": {"place": "1", "down": "50", "up": "10", "ping": "20"},
    "speedtest list": {"place": "1"},
    "log screen": {"device": "laptop", "start": "2025-03-03 09:00", "end": "2025-03-03 10:00"},
    "log rest": {"kind": "sport", "start": "2025-03-03 18:00", "end": "2025-03-03 19:00"},
    "report": {"date_from": "2025-03-01"},
    "chart": {"output": "{out}/chart.svg", "date_from": "2025-03-01"},
    "demo create": {"demo_db": "{out}/demo.sqlite3"},
    "backup list": {},
    "backup now": {},
    "backup restore": {},
    "event add": {"client": "Acme", "title": "Party", "start": "2030-03-07 18:00"},
    "event list": {},
    "event import": {"client": "Acme", "file": "{schedule_ics}"},
    "event remove": {"ids": ["1"]},
    "event check": {},
    "event ack": {"event_id": "1"},
    "event unack": {"event_id": "1"},
    "event kind": {"event_id": "1", "kind": "launch"},
    "event window": {"client": "Acme"},
    "contract set": {"client": "Acme", "hourly": "45", "currency": "EUR", "start": "2030-01-01"},
    "contract list": {},
    "contract remove": {"id": "1"},
    "work log": {"client": "Acme", "start": "2025-03-03 11:00", "end": "2025-03-03 12:00"},
    "work list": {},
    "work remove": {"ids": ["1"]},
    "hours": {},
    "statement": {"client": "Acme", "month": "2025-03"},
    "team init": {"url": "postgresql://nomadcm@127.0.0.1:9/team"},
    "team upgrade": {"url": "postgresql://nomadcm@127.0.0.1:9/team", "yes": True},
    "team member add": {"name": "Ana", "email": "ana@example.org"},
    "team member list": {},
    "team member remove": {"who": "Ana"},
    "team member role": {"who": "Ana", "role": "editor", "client": ["Acme"]},
}  # fmt: skip

# Baselines that cannot succeed here (they need a PostgreSQL server): their arguments are swept all the
# same — a refusal is still one line, never a traceback — but the baseline itself is expected to exit 2.
BASELINE_REFUSED = {"team init", "team upgrade"}
# These need a member, and the seed has none on purpose: in a database with members every write of posts
# must say who makes it (--as), which the other baselines do not. Their refusal ("unknown member 'Ana'") is
# the one line the sweep checks.
BASELINE_REFUSED |= {"team member remove", "team member role"}

# Values some arguments need beside the baseline to reach the code that reads them (the bulk formats'
# options are refused with native files whatever their value, --since only works with --server...).
CONTEXT: dict[tuple[str, str], dict[str, object]] = {
    ("export csv", "in_zone"): {"format": "hootsuite"},
    ("export csv", "date_style"): {"format": "hootsuite"},
    ("import activitywatch", "since"): {"server": "http://127.0.0.1:9"},
    ("import activitywatch", "deadline"): {"server": "http://127.0.0.1:9"},
    ("import activitywatch", "max_size"): {"server": "http://127.0.0.1:9"},
}

# Commands left out: they act outside the database on the user's desktop, take no value, and are covered
# by their own tests. The global --db is swept on `client list`.
NOT_SWEPT = {"desktop install", "desktop uninstall"}
GLOBAL_COMMAND = "client list"

# Where an explicitly empty value means something (clearing a note, "no work hours"), beside every option
# whose default is already the empty string: those may accept ''. Everything else must refuse it.
EMPTY_MEANINGFUL = {
    ("stay add", "note"),
    ("stay edit", "note"),
    ("settings work-hours", "value"),
    ("post edit", "link"),  # --link '': the post loses its link
}
NEGATIVE_MEANINGFUL = {"lat", "lon"}  # dests where -1 is a fine value

# ---------------------------------------------------------------------------------------------- kinds


def kind_of(command: str, action: argparse.Action) -> str:
    """What sort of value an argument takes, from what the parser says of it."""
    metavar = str(action.metavar or "")
    dest = action.dest
    if action.nargs == 0:
        return "flag"
    if (command, dest) == ("place export", "file") or dest == "output":
        return "output"
    if dest in ("db", "demo_db"):
        return "database"
    if dest == "file":
        return "input"
    if action.choices:
        return "choice"
    type_name = getattr(action.type, "__name__", "")  # int, or what the CLI's checks made of it
    if type_name in ("int", "whole_number", "record_id", "count") or dest in ("id", "post_id"):
        return "int"
    if type_name in ("float", "decimal_number"):
        return "float"
    if metavar == "YYYY-MM-DD":
        return "date"
    if "YYYY-MM-DD HH:MM" in metavar or metavar == "HH:MM":
        return "wall"
    if metavar == "ZONE":
        return "zone"
    if metavar == "CC":
        return "country"
    if metavar == "URL":
        return "url"
    if "0-5" in metavar:
        return "int"
    return "text"


@dataclass(frozen=True)
class Bad:
    """One bad value: `must_refuse` says the only right answer is exit 2."""

    name: str
    value: str
    must_refuse: bool
    isolated: bool = False  # run in a subprocess (it may block inside C: a FIFO, /dev/zero)


# The bad values of each kind that must always be refused (name, text); floats add two that depend on the
# option (see bad_values), every kind the generic ones, path kinds the files.
REFUSED_BY_KIND: dict[str, tuple[tuple[str, str], ...]] = {
    "int": (
        ("huge int", str(2**63)),
        ("huge negative int", str(-(2**63) - 1)),
        ("64-bit max", str(2**63 - 1)),
        ("30 digits", "9" * 30),
        ("negative", "-1"),
        ("not a number", "x1"),
    ),
    "float": (("NaN", "nan"), ("infinity", "inf"), ("overflow", "1e400"), ("not a number", "x1")),
    "date": (
        ("year 1", "0001-01-01"),
        ("year 9999", "9999-12-31"),
        ("before 1970", "1969-12-31"),
        ("after 2100", "2101-01-01"),
        ("impossible date", "2030-02-30"),
    ),
    "wall": (
        ("year 1", "0001-01-01 00:00"),
        ("year 9999", "9999-12-31 23:59"),
        ("after 2100", "2101-01-01 00:00"),
        ("impossible time", "2030-03-04 25:00"),
    ),
    "zone": (("unknown zone", "Mars/Olympus"), ("zone path", "../../etc/passwd")),
    "country": (("unassigned code", "XX"), ("unassigned code ZZ", "ZZ")),
    "choice": (("not a choice", "nope"),),
    "url": (
        ("broken IPv6", "http://[::1"),
        ("port out of range", "http://127.0.0.1:99999"),
        ("not http", "ftp://127.0.0.1/"),
        ("no host", "http://"),
        ("port not a number", "http://127.0.0.1:x/"),
    ),
}


def bad_values(sandbox: Sandbox, command: str, action: argparse.Action, kind: str) -> list[Bad]:
    dest = action.dest
    empty_ok = action.default == "" or (command, dest) in EMPTY_MEANINGFUL
    path_kind = kind in ("input", "output", "database")
    values = [
        Bad("empty", "", not empty_ok),
        Bad("blank", "   ", not empty_ok),
        Bad("invalid UTF-8", os.fsdecode(b"\xff\xfe") + "abc", True),
        Bad("1 MB", "x" * 1_000_000, kind not in ("text",)),
        Bad("control characters", "a\x1b[2J\nb\x07\x00c", kind not in ("text", "output")),
    ]
    values += [Bad(name, text, True) for name, text in REFUSED_BY_KIND.get(kind, ())]
    if kind == "float":
        values += [Bad("huge", "1e300", False), Bad("negative", "-1", dest not in NEGATIVE_MEANINGFUL)]
    if path_kind:
        values += [
            Bad("directory", str(sandbox.folder), True),
            Bad("name too long", str(sandbox.folder / ("n" * 300 + ".csv")), True),
            Bad("path too long", str(sandbox.folder / "/".join(["d" * 200] * 25)), True),
            Bad("FIFO", str(sandbox.fifo), True, isolated=True),
        ]
        if kind == "input":  # only read: a device is never given where something may be written
            values.append(Bad("device", "/dev/zero", True, isolated=True))
            values.append(Bad("missing file", str(sandbox.folder / "missing.csv"), True))
        else:  # a new database may create its folder; an export may not
            values.append(Bad("missing folder", str(sandbox.folder / "missing" / "x.csv"), kind == "output"))
    return values


# ---------------------------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Target:
    """One argument of one command (`command` as typed: "post add", or "settings KEY" for a setting)."""

    command: str
    argv_prefix: tuple[str, ...]
    parser: argparse.ArgumentParser
    action: argparse.Action
    kind: str

    @property
    def setting(self) -> bool:
        """A `settings set KEY VALUE` target: one per key."""
        return len(self.argv_prefix) == 3

    @property
    def label(self) -> str:
        name = max(self.action.option_strings, key=len) if self.action.option_strings else self.action.dest
        return f"{self.command} {name}".strip()


def leaf_parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser that runs a command, with the words that reach it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from leaf_parsers(sub, (*path, name))
    if parser.get_default("handler") is not None:
        yield path, parser


def targets(parser: argparse.ArgumentParser) -> list[Target]:
    from nomadcm.cli.common import SETTING_SETTERS

    found: list[Target] = []
    for action in parser._actions:  # the global options, swept on GLOBAL_COMMAND
        if action.option_strings and action.nargs != 0 and action.dest not in ("help", "version"):
            found.append(Target("", (), parser, action, kind_of("", action)))
    for path, sub in leaf_parsers(parser):
        command = " ".join(path)
        if command in NOT_SWEPT:
            continue
        for action in sub._actions:
            kind = kind_of(command, action)
            if kind == "flag" or isinstance(action, argparse._HelpAction):
                continue
            if command == "settings set" and action.dest == "value":  # one target per key: each reads its own
                for key in sorted(SETTING_SETTERS):
                    found.append(Target(f"settings {key}", ("settings", "set", key), sub, action, "text"))
                continue
            found.append(Target(command, path, sub, action, kind))
    return found


# ---------------------------------------------------------------------------------------------- the sandbox


class Sandbox:
    """A seeded database (built once), the files the baselines read, and the special paths."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "template" / "seed.sqlite3"
        self.case_folder = folder / "case"
        self.case_db = self.case_folder / "seed.sqlite3"
        self.out = folder / "out"
        self.fifo = folder / "fifo.csv"
        self.work = folder / "work"  # the current folder of every case: relative names land here
        self.paths: dict[str, str] = {}

    def build(self) -> None:
        self.template.parent.mkdir(parents=True)
        self.out.mkdir()
        self.work.mkdir()
        for argv in SEED:
            code, _out, err, crash = run_in_process(["--db", str(self.template), *argv], cwd=self.work)
            assert code == 0 and crash is None, (argv, err, crash)
        native = self.folder / "native.csv"
        places = self.folder / "places.geojson"
        calendar = self.folder / "schedule.ics"
        for argv in (
            ["export", "csv", "-o", str(native)],
            ["place", "export", str(places)],
            ["export", "ics", "-o", str(calendar)],
        ):
            code, _out, err, crash = run_in_process(["--db", str(self.template), *argv], cwd=self.work)
            assert code == 0 and crash is None, (argv, err, crash)
        if hasattr(os, "mkfifo"):
            os.mkfifo(self.fifo)
        self.paths = {
            "native_csv": str(native),
            "places_geojson": str(places),
            "schedule_ics": str(calendar),
            "aw_json": str(WELLBEING_DATA / "aw-buckets-export-python.json"),
            "sleep_csv": str(WELLBEING_DATA / "sleep-export.csv"),
            "wellbeing_csv": str(WELLBEING_DATA / "wellbeing.csv"),
            "out": str(self.out),
        }
        shutil.copytree(self.template.parent, self.case_folder)  # its backups folder too (backup restore)

    def fresh_case_db(self) -> Path:
        shutil.rmtree(self.out)
        self.out.mkdir()
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{self.case_db}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.template, self.case_db)
        return self.case_db

    def value(self, raw: object) -> object:
        if isinstance(raw, str):
            return raw.format(**self.paths) if "{" in raw else raw
        if isinstance(raw, list):
            return [self.value(v) for v in raw]
        return raw


def fingerprint(db: Path) -> str:
    """Every row of every table (schema included): what a refusal must leave exactly as it was."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            digest.update(table.encode())
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            for row in sorted(map(repr, rows)):
                digest.update(row.encode("utf-8", "backslashreplace"))
    finally:
        conn.close()
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    target: Target
    bad: Bad
    argv: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.target.label} <{self.bad.name}>"


def build_argv(sandbox: Sandbox, target: Target, value: str) -> list[str]:
    """The baseline of the target's command with the target's value replaced by `value`."""
    if not target.command:  # a global option, on GLOBAL_COMMAND
        flag = max(target.action.option_strings, key=len)
        return [flag, value, *GLOBAL_COMMAND.split()]
    parser_command = "settings set" if target.setting else target.command
    args: dict[str, object] = {k: sandbox.value(v) for k, v in BASELINES[parser_command].items()}
    args.update(
        {k: sandbox.value(v) for k, v in CONTEXT.get((parser_command, target.action.dest), {}).items()}
    )
    for group in target.parser._mutually_exclusive_groups:  # the value replaces its group's other members
        if target.action in group._group_actions:
            for other in group._group_actions:
                args.pop(other.dest, None)
    if target.setting:
        args = {"key": target.argv_prefix[2]}
    args[target.action.dest] = [value] if target.action.nargs in ("+", "*") else value
    words = list(target.argv_prefix[:2]) if target.setting else list(target.argv_prefix)
    return [*words, *_arguments(target.parser, args)]


def _arguments(parser: argparse.ArgumentParser, args: dict[str, object]) -> list[str]:
    """`args` (dest -> value) as command-line words: the options, then the positionals in their order."""
    positional: list[str] = []
    optional: list[str] = []
    for action in parser._actions:
        if action.dest not in args or isinstance(action, argparse._HelpAction):
            continue
        given = args[action.dest]
        if not action.option_strings:
            positional += [str(v) for v in given] if isinstance(given, list) else [str(given)]
        elif action.nargs == 0:
            if given:
                optional.append(action.option_strings[-1])
        else:
            optional += [action.option_strings[-1], str(given)]
    return [*optional, *positional]


def baseline_argv(sandbox: Sandbox, command: str, parser: argparse.ArgumentParser) -> list[str]:
    """The baseline alone (checked to succeed: otherwise the sweep only measures a broken baseline)."""
    args = {k: sandbox.value(v) for k, v in BASELINES[command].items()}
    return [*command.split(), *_arguments(parser, args)]


def all_cases(sandbox: Sandbox, parser: argparse.ArgumentParser) -> list[Case]:
    cases: list[Case] = []
    for target in targets(parser):
        for bad in bad_values(sandbox, target.command, target.action, target.kind):
            cases.append(Case(target, bad, tuple(build_argv(sandbox, target, bad.value))))
    return cases


SAMPLE_STRIDE = 3  # the CI sample tries a command's bad values of a kind one in this many, in turn


def sample(cases: list[Case], stride: int = SAMPLE_STRIDE) -> list[Case]:
    """For CI: every target's empty value and every isolated case (a FIFO, a device); of the other bad
    values, one in `stride` per command and kind, a different one for each command (in turn), and then every
    bad value of every kind at least once — each check meets each command and each parser path without the
    whole cross product (bench/cli_sweep.py --full runs it)."""
    chosen: list[Case] = []
    seen: set[tuple[str, str, str]] = set()
    groups: dict[tuple[str, str], int] = {}  # (command, kind) -> its number, for the turn
    counted: Counter[tuple[str, str]] = Counter()  # (command, kind) -> its bad values met so far
    tried: set[tuple[str, str]] = set()  # (kind, bad value) tried somewhere
    left: dict[tuple[str, str], Case] = {}  # the first case of each (kind, bad value) not tried yet
    for case in cases:
        command, kind, name = case.target.command, case.target.kind, case.bad.name
        if name == "empty" or case.bad.isolated:
            chosen.append(case)
            tried.add((kind, name))
            continue
        key = (command, kind, name)
        if key in seen:
            continue
        seen.add(key)
        group = groups.setdefault((command, kind), len(groups))
        position = counted[command, kind]
        counted[command, kind] += 1
        if (position + group) % stride == 0:
            chosen.append(case)
            tried.add((kind, name))
        else:
            left.setdefault((kind, name), case)
    chosen += [case for value, case in left.items() if value not in tried]
    return chosen


# ---------------------------------------------------------------------------------------------- running


class Hung(BaseException):
    """Raised by the timer inside a case that ran too long (BaseException: no `except Exception` eats it)."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """SIGALRM after `seconds`, giving back any timer already set (pytest-timeout's) with what is left of it."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def ring(_signum: int, _frame: FrameType | None) -> None:
        raise Hung(f"still running after {seconds:g} s")

    previous_handler = signal.signal(signal.SIGALRM, ring)
    previous_left, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_left:
            left = max(previous_left - (time.monotonic() - started), 0.01)
            signal.setitimer(signal.ITIMER_REAL, left, previous_interval)


def run_in_process(
    argv: list[str], timeout: float = IN_PROCESS_TIMEOUT_S, cwd: Path | None = None
) -> tuple[int | None, str, str, str | None]:
    """(exit code or None when it hung, stdout, stderr, the traceback of an exception that escaped main)."""
    from nomadcm.cli import main

    if cwd is None:
        raise ValueError("run_in_process needs a folder to run in (relative file names are written there)")
    out, err = io.StringIO(), io.StringIO()
    code: int | None
    crash: str | None = None
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            with time_limit(timeout):
                code = main(argv)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        except Hung:
            code = None
        except Exception:
            code, crash = 1, traceback.format_exc()
    return code, out.getvalue(), err.getvalue(), crash


_CHILD = "import sys\nfrom nomadcm.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (SUBPROCESS_MEMORY, SUBPROCESS_MEMORY))


def run_isolated(
    argv: list[str], timeout: float = SUBPROCESS_TIMEOUT_S, cwd: Path | None = None
) -> tuple[int | None, str, str, str | None]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, *argv],
            capture_output=True,
            timeout=timeout,
            cwd=cwd,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired as expired:
        err = expired.stderr.decode("utf-8", "replace") if isinstance(expired.stderr, bytes) else ""
        return None, "", err, None
    err = done.stderr.decode("utf-8", "replace")
    crash = err if "Traceback (most recent call last)" in err else None
    return done.returncode, done.stdout.decode("utf-8", "replace"), err, crash


@dataclass
class Outcome:
    case: Case
    code: int | None
    out: str
    err: str
    crash: str | None
    changed: bool
    seconds: float
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        detail = (self.crash or self.err).strip().splitlines()
        last = detail[-1][:160] if detail else ""
        return f"{self.case.label}: {', '.join(self.problems)} (exit {self.code}; {last})"


PROBLEMS = (
    "traceback",
    "hang",
    "exit code not 0 or 2",
    "empty value read as not given",
    "bad value accepted",
    "refusal on several lines",
    "refusal too long",
    "refusal changed the database",
)


def judge(outcome: Outcome) -> list[str]:
    problems: list[str] = []
    code, err, bad = outcome.code, outcome.err, outcome.case.bad
    if outcome.crash is not None or "Traceback (most recent call last)" in err:
        problems.append("traceback")
    elif code is None:
        problems.append("hang")
    elif code not in (0, 2):
        problems.append("exit code not 0 or 2")
    elif code == 0 and bad.must_refuse:
        problems.append(
            "empty value read as not given" if bad.name in ("empty", "blank") else "bad value accepted"
        )
    if code == 2:
        if len(err.splitlines()) != 1:
            problems.append("refusal on several lines")
        if len(err) > MAX_REFUSAL:
            problems.append("refusal too long")
        if outcome.changed:
            problems.append("refusal changed the database")
    return problems


def run_case(sandbox: Sandbox, case: Case, timeout_scale: float = 1.0) -> Outcome:
    db = sandbox.fresh_case_db()
    before = fingerprint(db)
    argv = ["--db", str(db), *case.argv] if case.target.command else [*case.argv]
    started = time.monotonic()
    runner: Callable[..., tuple[int | None, str, str, str | None]] = (
        run_isolated if case.bad.isolated else run_in_process
    )
    timeout = (SUBPROCESS_TIMEOUT_S if case.bad.isolated else IN_PROCESS_TIMEOUT_S) * timeout_scale
    code, out, err, crash = runner(argv, timeout, sandbox.work)
    seconds = time.monotonic() - started
    changed = fingerprint(db) != before if db.exists() else True
    outcome = Outcome(case, code, out, err, crash, changed, seconds)
    outcome.problems = judge(outcome)
    return outcome


def summary(outcomes: list[Outcome]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for outcome in outcomes:
        counts.update(outcome.problems)
    return counts
