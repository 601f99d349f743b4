"""Shared pieces of the CLI: the one-line-error parser, the lazy services context, value parsers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, NoReturn

from nomadcm import paths, timezones
from nomadcm.errors import ValidationError

if TYPE_CHECKING:
    from nomadcm.services.container import Services


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


class CliContext:
    """The same `Services` container the GUI uses, built on first use: `--help` and parse errors never open
    a file, and nothing of the data stack (SQLAlchemy, the models) is imported before a command needs it."""

    def __init__(self, db_arg: str | None) -> None:
        self.db_path = paths.resolve_db_path(db_arg)
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            from nomadcm.services.container import Services

            self._services = Services.open(self.db_path)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None


def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{option}: {text!r} is not a date (YYYY-MM-DD)") from None


def parse_wall(text: str, option: str) -> datetime:
    """'YYYY-MM-DD HH:MM' as a naive wall time; an impossible date or hour names the value."""
    raw = text.strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(raw, fmt)
        except ValueError:
            continue
    raise ValidationError(f"{option}: {text!r} is not a valid date and time (YYYY-MM-DD HH:MM)")


def parse_hhmm(text: str, option: str) -> time:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise ValidationError(f"{option}: {text!r} is not a time (HH:MM)") from None


def parse_zone(text: str, option: str = "--tz") -> str:
    try:
        return timezones.check_zone(text)
    except timezones.UnknownZoneError:
        raise ValidationError(
            f"{option}: unknown time zone {text!r} (use an IANA name such as Europe/Paris)"
        ) from None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[Any]]) -> None:
    """A plain aligned table for humans (JSON is for tools)."""
    cells = [[str(c) if c is not None else "" for c in row] for row in rows]
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
    setter = group._nomadcm_group.choices.get("set") if group is not None else None  # type: ignore[attr-defined]
    if setter is None:
        return
    setter.formatter_class = argparse.RawDescriptionHelpFormatter
    width = max((len(k) for k in SETTING_SETTERS), default=0)
    lines = [f"  {key.ljust(width)}  {text}" for key, (_fn, text) in sorted(SETTING_SETTERS.items())]
    setter.epilog = "keys:\n" + "\n".join(lines)
