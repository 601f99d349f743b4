"""Every value typed on the command line is checked before a command runs (issue 12: "no traceback, ever").

`check_every_value(parser)` is called once by `build_parser`, after every area has registered its commands:
it walks every argument of every command and wraps its `type` so that, whatever the command,

- a value is valid UTF-8: bytes that are not (a file name from another system, a mangled paste) reach
  Python as lone surrogates (surrogateescape), which SQLite, JSON and the terminal cannot encode; refused
  with a line naming the argument, before anything is opened;
- a value holds no NUL character (no real command line can; an in-process caller could);
- an explicitly empty or blank value is refused with a line naming the option, instead of being read as
  "not given" by `if args.x:` — unless the option's default is itself '' (a link, tags, a handle: empty
  means none) or its type is `free_text` (a note '' clears the note);
- a whole number fits SQLite's INTEGER (a huge one raised OverflowError in the driver), a decimal number is
  finite (nan and inf compare false with every bound);
- a date or a date and time is a real one inside the dates NomadCM handles (date_bounds.py), for every
  option whose metavar announces that format (YYYY-MM-DD, YYYY-MM-DD HH:MM): the value is checked here and
  handed on as typed, so the commands' own `parse_date` / `parse_wall` read it as before.

Types with a meaning of their own are declared by the commands: `record_id` (1 to 2**63-1), `count_between`
(a bounded count, such as --days), `input_file` (a regular file that can be read: not a folder, a device
such as /dev/zero that never ends, or a FIFO that blocks for ever), `free_text`.

A refusal is a `ValidationError` naming the option, printed by `main()` as one line (exit 2).
"""

from __future__ import annotations

import argparse
import math
import os
import stat
from collections.abc import Callable, Iterator
from typing import Any

from nomadcm.cli.common import parse_date, parse_wall
from nomadcm.errors import ValidationError

SQLITE_MAX_INT = 2**63 - 1
SQLITE_MIN_INT = -(2**63)
DATE_METAVAR = "YYYY-MM-DD"
WALL_METAVAR = "YYYY-MM-DD HH:MM"


# ---------------------------------------------------------------------- types the commands declare


def free_text(text: str) -> str:
    """Any text, the empty one included: for options where '' means something (`stay edit --note ''`
    clears the note, `settings set work-hours ''` means none)."""
    return text


def record_id(text: str) -> int:
    """The id of a stored row (a post, a stay...): a whole number from 1 to 2**63-1."""
    return _whole(text, 1, SQLITE_MAX_INT, "an id")


def count_between(low: int, high: int, what: str = "") -> Callable[[str], int]:
    """A whole number from `low` to `high` (a number of days, of results): a huge one would make the
    command loop for ever or allocate without end."""

    def count(text: str) -> int:
        return _whole(text, low, high, what)

    count.__name__ = "count"
    return count


def input_file(text: str) -> str:
    """A file to read, as typed: it exists, is a regular file and can be read. A folder, a device that never
    ends (/dev/zero), a FIFO that blocks until someone writes, a name longer than the system allows, are
    refused here with their reason, before the database is opened."""
    try:
        info = os.stat(text)
    except FileNotFoundError:
        raise argparse.ArgumentTypeError(f"no such file: {text!r}") from None
    except OSError as err:  # a name too long, a parent that is a file, no permission to look...
        raise argparse.ArgumentTypeError(f"{text!r}: {err.strerror or err}") from None
    if stat.S_ISDIR(info.st_mode):
        raise argparse.ArgumentTypeError(f"{text!r} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a regular file (a device, a pipe or a socket): save the data to a file first"
        )
    if not os.access(text, os.R_OK):
        raise argparse.ArgumentTypeError(f"{text!r} cannot be read (permission denied)")
    return text


# ---------------------------------------------------------------------- the checks every value passes


def _whole(text: str, low: int, high: int, what: str = "") -> int:
    raw = text.strip()
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number") from None
    if not low <= value <= high:
        name = f" {what}" if what else ""
        raise argparse.ArgumentTypeError(f"{raw} is not{name} from {low} to {high}")
    return value


def whole_number(text: str) -> int:
    """What `type=int` becomes: any whole number SQLite can store."""
    return _whole(text, SQLITE_MIN_INT, SQLITE_MAX_INT)


def decimal_number(text: str) -> float:
    """What `type=float` becomes: a finite number (no nan, no inf, no 1e400)."""
    raw = text.strip()
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{raw!r} is not a finite number")
    return value


def _has_surrogates(text: str) -> bool:
    """Bytes that were not UTF-8, as Python hands them over (surrogateescape: U+DC80..U+DCFF)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def option_name(action: argparse.Action) -> str:
    """How a refusal names the argument: its long option (--from), or a positional's metavar or dest."""
    if action.option_strings:
        return max(action.option_strings, key=len)
    return str(action.metavar or action.dest)


def _checked(action: argparse.Action) -> Callable[[str], Any]:
    """`action`'s type, behind the checks every value passes (see the module's docstring)."""
    option = option_name(action)
    inner: Callable[[str], Any]
    declared = action.type
    if declared is None or declared is str:
        if action.metavar == DATE_METAVAR:
            inner = _date_checker(option)
        elif action.metavar == WALL_METAVAR:
            inner = _wall_checker(option)
        else:
            inner = str
    elif declared is int:
        inner = whole_number
    elif declared is float:
        inner = decimal_number
    else:
        inner = declared  # type: ignore[assignment]
    empty_allowed = action.default == "" or declared is free_text
    empty_hint = (
        "" if action.required or not action.option_strings else " (give one, or leave the option out)"
    )

    def convert(text: str) -> Any:
        if _has_surrogates(text):
            raise ValidationError(
                f"{option}: the value is not valid UTF-8 (bytes your terminal or file system could not "
                "decode): retype it, or rename the file"
            )
        if "\x00" in text:
            raise ValidationError(f"{option}: the value holds a NUL character")
        if not text.strip() and not empty_allowed:
            raise ValidationError(f"{option}: the value is empty{empty_hint}")
        try:
            return inner(text)
        except (argparse.ArgumentTypeError, ValueError, TypeError) as err:
            raise ValidationError(f"{option}: {err}") from None

    convert.__name__ = getattr(inner, "__name__", "value")
    convert.checked = True  # type: ignore[attr-defined]
    return convert


def _date_checker(option: str) -> Callable[[str], str]:
    def date_text(text: str) -> str:
        parse_date(text, option)  # a ValidationError naming the option and the range
        return text

    return date_text


def _wall_checker(option: str) -> Callable[[str], str]:
    def date_time_text(text: str) -> str:
        parse_wall(text, option)
        return text

    return date_time_text


def _arguments(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every argument of `parser` and of its subcommands, at any depth."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # an alias is the same parser
                yield from _arguments(sub)
        elif action.nargs != 0 and not isinstance(action, argparse._HelpAction | argparse._VersionAction):
            yield action


def check_every_value(parser: argparse.ArgumentParser) -> None:
    """Wraps the type of every argument that takes a value (once: a second call changes nothing)."""
    for action in _arguments(parser):
        if not getattr(action.type, "checked", False):
            action.type = _checked(action)
