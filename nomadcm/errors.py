"""Errors the user can fix.

Every service raises a subclass of `UserError` for bad input or an unusable file; its message names the bad
value and is shown as is: one line on stderr (exit 2) in the CLI, a dialog in the GUI. Anything else is a bug
and goes to the crash handler.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class UserError(Exception):
    """Bad input or an unusable file: the message is for the user and names the bad value."""


class NotFoundError(UserError):
    """A named thing (client, channel, post, stay, place...) does not exist."""


class ValidationError(UserError):
    """A value is out of range or malformed."""


class DatabaseError(UserError):
    """The database file cannot be used: locked, corrupt, unreadable, or from a newer NomadCM."""


class DatabaseDamagedError(DatabaseError):
    """The database file is damaged (or is no database): nothing is written to it. `path` is the file,
    `backups` how many backup copies of it exist (the GUI offers to restore the newest)."""

    def __init__(self, message: str, path: Path | None = None, backups: int = 0) -> None:
        super().__init__(message)
        self.path = path
        self.backups = backups


class ServerUnreachableError(DatabaseError):
    """The team database's server cannot be reached, or the connection to it was lost: nothing was saved.
    Expected to pass (a server restarting, a network coming back): the GUI shows a banner and retries rather
    than a dialog per failed refresh; a write refused this way keeps what the person typed."""


class PasswordRequiredError(DatabaseError):
    """The team database's server asks for a password that was not given (or refused the one given). The
    faces ask the person (the CLI on a terminal, the GUI in a dialog) and open again with it; `wrong` says
    the server refused a password it was given."""

    def __init__(self, message: str, wrong: bool = False) -> None:
        super().__init__(message)
        self.wrong = wrong


class StaleEditError(UserError):
    """A save read at an older version of its row: someone else changed the row since (services/stale_edits.py).
    Nothing was written. `who` names them ("another session" when unknown), `when` is their change's instant
    (aware UTC) when known, `version` the row's version now (saving again with it overwrites their change)."""

    def __init__(self, message: str, *, who: str, when: datetime | None, version: int | None) -> None:
        super().__init__(message)
        self.who = who
        self.when = when
        self.version = version


class TimeError(ValidationError):
    """A wall time that cannot be used as typed (unknown zone, DST gap, ambiguous without a choice)."""
