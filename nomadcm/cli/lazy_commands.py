"""The parser a command runs with: every command listed, only the typed one's areas imported (issue 14).

Building the whole parser imports every area module (cli/schedule.py, cli/billing.py, ...) and what they
import at the top, and builds some 200 parsers: time that `nomadcm client list` never needed. So
`cli.parser_for(argv)` learns the typed command, then builds only it:

1. `obvious_command` reads it from a plain command line (`[--db X] [--as Y] COMMAND ...`); anything else
   goes to `typed_command`: the top level only (`--db`, `--version`, `-h`), every command a stub with its help line
   (cli/command_table.py), to learn which command was typed — errors at this level (an unknown command, a
   bad --db value, `--help`) are exactly those of the whole parser, since the top level is the same;
2. `add_commands`: the typed command built by its area modules, every other command again a stub, in the
   order of `nomadcm --help`.

An area's `register` adds all its commands; it is handed `OneCommandOnly`, which passes the typed command's
parser to the real subparsers and the others to a scratch parser that is thrown away: the typed command is
built exactly as in the whole parser, the stubs keep their one help line each.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any, cast

from nomadcm.cli.command_table import BY_NAME, COMMANDS
from nomadcm.cli.common import OneLineParser

VALUE_OPTIONS = ("--db", "--as")  # `nomadcm`'s own options that take a value (cli.top_parser)


def area_module(name: str) -> ModuleType | None:
    """The area module `name`, or None when it is not installed (a module missing is simply not offered)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name == name:
            return None
        raise


class OneCommandOnly:
    """What an area's `register(sub)` receives: `command`'s parser goes to the real subparsers, the area's
    other commands to a scratch one. `choices` and `add_parser` are all `register` and `command_group` use."""

    def __init__(self, real: argparse._SubParsersAction, command: str) -> None:
        self._real = real
        self._command = command
        scratch_parser = OneLineParser(prog="nomadcm", add_help=False)
        self._scratch = scratch_parser.add_subparsers(parser_class=OneLineParser)

    @property
    def choices(self) -> dict[str, argparse.ArgumentParser]:
        merged = dict(self._scratch.choices)
        mine = self._real.choices.get(self._command)
        if mine is not None:
            merged[self._command] = mine
        return merged

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        target = self._real if name == self._command else self._scratch
        return cast(argparse.ArgumentParser, target.add_parser(name, **kwargs))


def add_stub(
    sub: argparse._SubParsersAction, name: str, help_text: str, stub: argparse.ArgumentParser
) -> None:
    """`name` listed with its help line, parsed by `stub`, which takes whatever follows (never run: see the
    module's docstring). Entered as `add_parser` enters a parser, but all stubs share one parser: a parser
    each would cost every command some 27 ArgumentParser builds, each asking gettext (a file lookup) for
    its section titles. tests/cli/test_lazy_commands.py checks that help, refusals and values stay those of
    the whole parser."""
    sub._name_parser_map[name] = stub
    sub._choices_actions.append(sub._ChoicesPseudoAction(name, (), help_text))


def add_commands(
    sub: argparse._SubParsersAction,
    typed: str | None,
    load: Callable[[str], ModuleType | None] = area_module,
) -> None:
    """Every command of `nomadcm --help`, in order: `typed` built by its areas, the others as stubs."""
    stub = OneLineParser(prog=f"{sub._prog_prefix} COMMAND", add_help=False)
    for command in COMMANDS:
        if command.name != typed:
            add_stub(sub, command.name, command.help, stub)
            continue
        only = cast(argparse._SubParsersAction, OneCommandOnly(sub, command.name))
        for name in command.modules:
            module = load(name)
            if module is not None:
                module.register(only)


def obvious_command(argv: list[str]) -> str | None:
    """The command when `argv` starts plainly — `COMMAND ...`, `--db VALUE COMMAND ...`, `--db=VALUE
    COMMAND ...` (or `--as`) — so that the probe parser (`typed_command`) is not needed; None for anything else (help,
    an abbreviated option, a mistake), which the probe then parses as the whole parser would."""
    rest = argv
    while rest:
        option, equals, _value = rest[0].partition("=")
        if option not in VALUE_OPTIONS:
            break
        if equals:
            rest = rest[1:]
        elif len(rest) > 1 and not rest[1].startswith("-"):
            rest = rest[2:]
        else:
            return None
    return rest[0] if rest and rest[0] in BY_NAME else None


def typed_command(
    top: argparse.ArgumentParser, sub: argparse._SubParsersAction, argv: list[str]
) -> str | None:
    """The command `argv` names (None: none), parsed by `top` with every command a stub. Raises (or exits)
    as the whole parser does for what is wrong at the top level."""
    add_commands(sub, None)
    known, _rest = top.parse_known_args(argv)
    command = getattr(known, "command", None)
    return command if command in BY_NAME else None
