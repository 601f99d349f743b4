"""A command imports only its own areas (issue 14), and behaves exactly as with the whole parser.

The oracle is `build_parser()`, which still registers every area as before: the lazy parser (`parser_for`)
must give the same help, the same refusals and the same parsed values for every command and subcommand.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nomadcm import cli
from nomadcm.cli.command_table import COMMANDS
from nomadcm.cli.common import SETTING_SETTERS, OneLineParser

AREAS = {m.removeprefix("nomadcm.cli.") for m in cli.AREA_MODULES}


def _registered() -> list[tuple[str, str, tuple[str, ...]]]:
    """(command, help line, areas that add to it) from the real registration, area by area."""
    parser = OneLineParser(prog="nomadcm")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    owners: dict[str, list[str]] = {}

    def snapshot() -> tuple[dict[str, tuple[int, int]], frozenset[str]]:
        shape = {}
        for name, p in sub.choices.items():
            group = getattr(p, "_nomadcm_group", None)
            shape[name] = (len(p._actions), len(group.choices) if group is not None else 0)
        return shape, frozenset(SETTING_SETTERS)

    saved = dict(SETTING_SETTERS)
    SETTING_SETTERS.clear()  # shared by the process: start empty so each area's keys show as new
    try:
        for module in cli.AREA_MODULES:
            area = module.removeprefix("nomadcm.cli.")
            before, keys = snapshot()
            importlib.import_module(module).register(sub)
            after, keys_after = snapshot()
            for name, shape in after.items():
                if before.get(name) != shape:
                    owners.setdefault(name, []).append(area)
            settings = owners.setdefault("settings", [])
            if keys_after - keys and area not in settings:  # `settings set` lists this area's keys
                settings.append(area)
    finally:
        SETTING_SETTERS.update(saved)
    helps = {a.dest: a.help for a in sub._choices_actions}
    return [(name, str(helps[name]), tuple(owners[name])) for name in sub.choices]


def test_the_command_table_is_what_the_areas_register() -> None:
    assert [(c.name, c.help, c.areas) for c in COMMANDS] == _registered()
    assert {a for c in COMMANDS for a in c.areas} <= AREAS


def _outcome(build: Callable[[list[str]], argparse.ArgumentParser], argv: list[str]) -> tuple[Any, ...]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            ns = build(argv).parse_args(argv)
            handler = getattr(ns, "handler", None)
            values = {k: v for k, v in vars(ns).items() if k != "handler"}
            result: tuple[Any, ...] = ("parsed", values, getattr(handler, "__qualname__", None))
        except SystemExit as done:
            result = ("exit", done.code)
        except Exception as err_:  # a ValidationError raised by a value's check
            result = ("raised", type(err_).__name__, str(err_))
    return (*result, out.getvalue(), err.getvalue())


@functools.cache
def _whole_parser() -> argparse.ArgumentParser:
    return cli.build_parser()


def _argvs() -> list[list[str]]:
    full = _whole_parser()
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    argvs = [[], ["-h"], ["--version"], ["nope"], ["--db"], ["--db", ""], ["--db=x.sqlite3", "client", "list"],
             ["--d", "x", "client", "list", "--json"], ["client", "list", "--db", "x"], ["settings", "set", "-h"],
             ["settings", "set", "nope", "1"], ["check", "--from", "2026-13-01"], ["--db", "x", "-h", "client"],
             ["--as", "Léa", "--db=x", "post", "list"], ["--db", "client", "list"], ["--as"], ["--db", "-x", "client"],
             ["--as=", "client", "list"], ["--db", "x", "--as", "y", "--", "client", "list"]]  # fmt: skip
    for command in COMMANDS:
        argvs += [[command.name], [command.name, "-h"], ["--db", "y", command.name, "--bogus"]]
        group = getattr(sub.choices[command.name], "_nomadcm_group", None)
        for what in group.choices if group is not None else ():
            argvs += [[command.name, what, "-h"], [command.name, what], [command.name, what, "--bogus", ""]]
    return argvs


def test_every_command_parses_as_with_the_whole_parser() -> None:
    differ = []
    argvs = _argvs()
    for argv in argvs:
        whole = _outcome(lambda _argv: _whole_parser(), argv)
        lazy = _outcome(cli.parser_for, argv)
        if whole != lazy:
            differ.append((argv, whole, lazy))
    assert len(argvs) > 200
    assert differ == []


def test_help_lists_every_command_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.parser_for(["--help"]).parse_args(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command.name}" in text
        assert command.help.split()[0] in text


def test_client_list_imports_no_other_area(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from nomadcm.cli import main\n"
        f"code = main(['--db', {str(tmp_path / 'db.sqlite3')!r}, 'client', 'list'])\n"
        "print(code)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('nomadcm.cli.'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-2] == "0"
    loaded = {m.removeprefix("nomadcm.cli.") for m in lines[-1].split()}
    assert "schedule" in loaded
    # other areas, and the modules they register from (queue from publishing, cities from travel...)
    others = (AREAS - {"schedule"}) | {"queue", "cities", "conflicts", "place_visits", "billing_reports"}
    assert loaded & others == set()
