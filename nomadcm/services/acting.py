"""Whose personal data a service reads: the member a database handle acts for, or one named.

A CM alone has no member (None). On a database with members, stays, transits and personal settings (home
zone, sleep, working hours...) belong to one member each (issue 13): `ACTING` — the default of every reader —
means "whoever this handle acts for now" (`Database.member_id`, set by `--as` or the GUI's "You are"), read
when the call runs, so a service made before `use(name)` still answers for her.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from nomadcm.storage import Database


class _Acting:
    def __repr__(self) -> str:
        return "ACTING"


ACTING: Final = _Acting()
MemberRef = int | None | _Acting


def member_of(db: Database, member: MemberRef) -> int | None:
    """The member id `member` stands for on `db` (None: nobody, a CM alone)."""
    if isinstance(member, _Acting):
        return db.member_id
    return member
