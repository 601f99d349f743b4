"""Shared pieces of the CLI: the one-line-error parser, the lazy services context, value parsers."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

from nomadcm import date_bounds, paths, startup_gc, timezones
from nomadcm.cli.flat_json import flat_records
from nomadcm.errors import PasswordRequiredError, ValidationError
from nomadcm.paths import DatabaseTarget, DatabaseUrl

if TYPE_CHECKING:
    from nomadcm.services.container import Services

T = TypeVar("T")
MEMBER_ENV = "NOMADCM_MEMBER"  # the team member a command acts as, when --as is not given


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2, and options are written whole: an
    abbreviation is refused (`post list --as ana` read `--as` as `--assignee`; a script's options are a
    contract, and a new option must not change what an old abbreviation meant)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        stray = re.search(r"unrecognized arguments: .*?(--as|--db)\b", message)
        if stray:  # `nomadcm post list --as ana`: nomadcm's own option after the command
            message += f" ({stray.group(1)} is nomadcm's own option: put it before the command)"
        self.exit(2, error_line(f"{self.prog}: error: {message}") + "\n")


class CliContext:
    """The same `Services` container the GUI uses, built on first use: `--help` and parse errors never open
    a file, and nothing of the data stack (SQLAlchemy, the models) is imported before a command needs it."""

    def __init__(self, db_arg: str | None, member: str | None = None) -> None:
        self.db_arg = db_arg
        # The team member acting (--as, else $NOMADCM_MEMBER; None: nobody, a CM alone).
        self.member = member if member is not None else (os.environ.get(MEMBER_ENV) or None)
        self._target: DatabaseTarget | None = None
        self._services: Services | None = None

    @property
    def target(self) -> DatabaseTarget:
        """What --db / $NOMADCM_DB names: a file, or a team database's URL (an unknown `scheme://` is a
        ValidationError, so exit 2, raised by the first command that needs the database)."""
        if self._target is None:
            self._target = paths.resolve_database(self.db_arg)
        return self._target

    @property
    def db_file(self) -> Path | None:
        """The database file, or None for a team database on a server."""
        target = self.target
        return None if isinstance(target, DatabaseUrl) else target

    @property
    def db_path(self) -> Path:
        """The database file, for the commands that work on files (backups): a team database is refused."""
        return paths.resolve_db_path(self.db_arg)

    @property
    def services(self) -> Services:
        if self._services is None:
            from nomadcm.services.container import Services

            self._services = with_password(self.target, Services.open)
            startup_gc.settle()  # the data stack loaded, the database open: nomadcm/startup_gc.py
            if self.member is not None:
                self._services.members.use(self.member)  # an unknown member: exit 2, naming it
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None


def with_password(target: DatabaseTarget, action: Callable[[Any], T]) -> T:
    """`action(target)`; when a team database's server asks for a password that neither the URL, $PGPASSWORD
    nor ~/.pgpass gave, and a person is at the terminal, ask once (not echoed, never stored) and try again.
    Without a terminal (a script, CI) the one-line error says how to give it."""
    try:
        return action(target)
    except PasswordRequiredError:
        if not isinstance(target, DatabaseUrl) or not sys.stdin.isatty():
            raise
        import getpass  # here: its import costs every command a few ms

        password = getpass.getpass(f"Password for {target.shown}: ", stream=sys.stderr)
        return action(target.with_password(password))


def parse_date(text: str, option: str) -> date:
    """'YYYY-MM-DD', inside the dates NomadCM handles (date_bounds.py)."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{option}: {text!r} is not a date (YYYY-MM-DD)") from None
    return date_bounds.check_date(value, option)


def parse_wall(text: str, option: str) -> datetime:
    """'YYYY-MM-DD HH:MM' as a naive wall time; an impossible date or hour names the value, and so does a
    date outside the ones NomadCM handles (date_bounds.py)."""
    raw = text.strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            value = datetime.strptime(raw, fmt)
        except ValueError:
            continue
        return date_bounds.check_date(value, option)
    raise ValidationError(f"{option}: {text!r} is not a valid date and time (YYYY-MM-DD HH:MM)")


def output_path(ctx: CliContext, text: str | None) -> Path | None:
    """The file an `-o` names, checked before the database is even opened (exchange/output_targets.py):
    never the database itself, a folder, a device, a read-only file... None: standard output."""
    if text is None:
        return None
    from nomadcm.exchange.output_targets import check_target

    check_target(text, protected=[ctx.db_file] if ctx.db_file is not None else [])
    return Path(text)


def parse_hhmm(text: str, option: str) -> time:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise ValidationError(f"{option}: {text!r} is not a time (HH:MM)") from None


def parse_zone(text: str, option: str = "--tz") -> str:
    try:
        return timezones.check_zone(text)
    except timezones.UnknownZoneError:
        from nomadcm.services.travel.zone_suggestions import unknown_zone  # the closest zones and cities

        raise ValidationError(f"{option}: {unknown_zone(text)}") from None


# ---------------------------------------------------------------------- output for a terminal
#
# Names are stored without control characters (services/names.py), but free text (a post, notes), data
# written by an older NomadCM or another program, and file names may still hold some. Printed raw, ESC [2J
# clears the screen of whoever runs `nomadcm client list`, and other sequences retitle the window, rewrite
# what was printed or, on some terminals, answer back as if typed. So every human-readable line goes through
# `terminal_text`: a control character is shown as its escape (ESC as \x1b), like Python's repr.
# JSON escapes them itself (`print_json` also escapes DEL and C1, which JSON would let through).

# C0, DEL, C1 (Unicode category Cc), and the bidirectional overrides and isolates, which reorder what follows
# on the line (a name that displays as another).
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_BUT_LINES_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # \t \n kept
_JSON_RAW_RE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # what json.dumps leaves raw


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_text(value: object, *, multiline: bool = True) -> str:
    """`value` as text safe to print: every control character escaped (ESC -> \\x1b). Line breaks and tabs
    are kept when `multiline`, escaped otherwise (a table cell, a one-line value)."""
    text = "" if value is None else str(value)
    return (_CONTROL_BUT_LINES_RE if multiline else _CONTROL_RE).sub(_escaped, text)


def echo(*values: object, sep: str = " ", file: TextIO | None = None) -> None:
    """`print` for people: each value through `terminal_text` (its line breaks kept)."""
    print(sep.join(terminal_text(v) for v in values), file=file if file is not None else sys.stdout)


# A refusal is one line on stderr that a person reads whole: a value it names is cut to SHOWN_VALUE
# characters (a 1 MB value was echoed whole), its start and its end kept (a path ends with its file name),
# and the line to SHOWN_LINE.
SHOWN_VALUE = 120
SHOWN_LINE = 300
_LINE_BREAKS_RE = re.compile("[ \t]*[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+[ \t]*")
_QUOTED_RE = re.compile(r"(?<!\w)(['\"])((?:\\.|(?!\1).){" + str(SHOWN_VALUE + 1) + r",})\1")
_LONG_WORD_RE = re.compile(r"\S{" + str(SHOWN_VALUE + 4) + ",}")  # longer than a quoted value once cut


def shortened(value: str, width: int = SHOWN_VALUE) -> str:
    """`value`, or its first two thirds and last third of `width` characters around a '…'."""
    if len(value) <= width:
        return value
    tail = width // 3
    return f"{value[: width - tail - 1]}…{value[-tail:]}"


def error_line(message: object) -> str:
    """An error as printed on stderr: one line (line breaks become a space, other control characters are
    escaped), each quoted value or long word shortened to SHOWN_VALUE characters, the whole line to
    SHOWN_LINE (its start and its end kept: the end often says what to do)."""
    text = str(message).strip()
    if len(text) > 40 * SHOWN_LINE:  # a megabyte value: its start and end are all that can be shown anyway
        text = f"{text[: 20 * SHOWN_LINE]} … {text[-20 * SHOWN_LINE :]}"
    text = terminal_text(_LINE_BREAKS_RE.sub(" ", text), multiline=False)
    text = _QUOTED_RE.sub(lambda m: f"{m.group(1)}{shortened(m.group(2))}{m.group(1)}", text)
    text = _LONG_WORD_RE.sub(lambda m: shortened(m.group()), text)
    return shortened(text, SHOWN_LINE - 1)


def report_skipped(skipped: Sequence[object]) -> None:
    """Posts an export or the check left out (services/schedule/stored_rows.py), one line each on stderr.
    The command still exits 0: the rest was written; the lines say what to fix."""
    for row in skipped:
        print(f"nomadcm: {row}", file=sys.stderr)
    if skipped:
        print(
            f"nomadcm: {len(skipped)} post(s) skipped: fix or delete them (their values come from an older "
            "NomadCM)",
            file=sys.stderr,
        )


def print_json(value: Any) -> None:
    """JSON for tools. JSON escapes C0 in strings itself, but may leave DEL, C1 and the bidi controls raw:
    they are written as \\u escapes too, so the output stays valid JSON and harmless on a terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(_JSON_RAW_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def print_json_stream(values: Iterable[Any], chunk: int = 500) -> None:
    """`print_json(list(values))`, byte for byte, written as the values come, `chunk` at a time (a long list
    is never held; one `json.dumps` per chunk, whose inner lines are the whole list's)."""
    it = iter(values)
    first = True
    while batch := list(islice(it, chunk)):
        text = flat_records(batch)  # flat records (check --json) are written without json's Python encoder
        if text is None:  # json.dumps's lines without its "[\n" and "\n]"
            text = json.dumps(batch, ensure_ascii=False, indent=2, default=str)[2:-2]
        sys.stdout.write(
            ("[\n" if first else ",\n") + _JSON_RAW_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        )
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


def print_table_stream(headers: list[str], rows: Iterable[list[Any]], measured: int = 1000) -> int:
    """`print_table` for a long listing: the columns are as wide as the first `measured` rows need (all of
    them when there are no more: then the same output as `print_table`), the rest follow with those widths.
    Returns how many rows were printed."""
    it = iter(rows)
    head = [[terminal_text(c, multiline=False) for c in row] for row in islice(it, measured)]
    widths = [max([len(h)] + [len(r[i]) for r in head]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    count = 0
    for r in chain(head, ([terminal_text(c, multiline=False) for c in row] for row in it)):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        count += 1
    return count


def print_table(headers: list[str], rows: list[list[Any]]) -> None:
    """A plain aligned table for humans (JSON is for tools); every cell on one line, controls escaped."""
    cells = [[terminal_text(c, multiline=False) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for r in cells:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def command_group(
    subparsers: argparse._SubParsersAction, name: str, help_text: str
) -> argparse._SubParsersAction:
    """The sub-subcommands of `name` (e.g. `import`), created on first use and shared by every area."""
    existing = subparsers.choices.get(name)
    if existing is not None:
        return existing._nomadcm_group  # type: ignore[attr-defined, no-any-return]
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    group = parser.add_subparsers(dest=f"{name}_command", metavar="WHAT", parser_class=OneLineParser)
    parser._nomadcm_group = group  # type: ignore[attr-defined]
    return group


# `nomadcm settings set KEY VALUE`: each area registers the keys it owns. A setter validates the text
# (raising ValidationError naming it), stores it, and returns what it stored, for the confirmation line.
SettingSetter = Callable[["CliContext", str], str]
SETTING_SETTERS: dict[str, tuple[SettingSetter, str]] = {}


def register_setting(key: str, setter: SettingSetter, help_text: str) -> None:
    SETTING_SETTERS[key] = (setter, help_text)


def describe_settings(subparsers: argparse._SubParsersAction) -> None:
    """List every registered key in `settings set --help` (areas register after the parser is made)."""
    group = subparsers.choices.get("settings")
    commands = getattr(group, "_nomadcm_group", None)  # None: not built (a stub, cli/lazy_commands.py)
    setter = commands.choices.get("set") if commands is not None else None
    if setter is None:
        return
    setter.formatter_class = argparse.RawDescriptionHelpFormatter
    width = max((len(k) for k in SETTING_SETTERS), default=0)
    lines = [f"  {key.ljust(width)}  {text}" for key, (_fn, text) in sorted(SETTING_SETTERS.items())]
    setter.epilog = "keys:\n" + "\n".join(lines)
