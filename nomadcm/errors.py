"""Errors the user can fix.

Every service raises a subclass of `UserError` for bad input or an unusable file; its message names the bad
value and is shown as is: one line on stderr (exit 2) in the CLI, a dialog in the GUI. Anything else is a bug
and goes to the crash handler.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or an unusable file: the message is for the user and names the bad value."""


class NotFoundError(UserError):
    """A named thing (client, channel, post, stay, place...) does not exist."""


class ValidationError(UserError):
    """A value is out of range or malformed."""


class DatabaseError(UserError):
    """The database file cannot be used: locked, corrupt, unreadable, or from a newer NomadCM."""


class TimeError(ValidationError):
    """A wall time that cannot be used as typed (unknown zone, DST gap, ambiguous without a choice)."""
