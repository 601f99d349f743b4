"""Posts follow new zone rules: when the tz database shipped with NomadCM changes, every post's instant is
recomputed from its wall time, once, at the first start that sees the new rules.

The wall time is what the user meant ("09:00 Europe/Paris"); a country changing its DST rules moves the
instant, not the wall time. The rules version last applied is kept in the settings, so a start with the
same rules costs one settings read.

On a team database a member's role may not let her change every client's posts: the server's row-level
security skips those rows without an error. The version is then not recorded, so that the next start of a
member allowed to write them (an owner's) recomputes what is left; what she could move stays moved.

Members of a team do not all update NomadCM on the same day. Rules are only ever applied forwards: a NomadCM
whose tzdata release is older than the one the database records leaves every instant as the newer rules
computed it (and says so in the log) — otherwise two members' starts would move the instants back and forth.
"""

from __future__ import annotations

import logging

from sqlalchemy import bindparam, select, update

from nomadcm import timezones
from nomadcm.models import Post
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database

RULES_VERSION_KEY = "tz_rules_version"
log = logging.getLogger(__name__)


def ensure_instants_current(db: Database, batch: int = 2000) -> int:
    """Recompute every post's instant from its wall time when the shipped zone rules changed.

    Returns how many posts moved. A wall time that the new rules put in a gap moves past it (and is
    reported by the conflict check as any other DST move would be).
    """
    settings = SettingsService(db)
    version = timezones.rules_version()
    stored = str(settings.get(RULES_VERSION_KEY, "") or "")
    if stored == version:
        return 0
    if newer_release(stored, version):
        log.warning(
            "the database follows newer zone rules (%s) than this NomadCM (%s): instants are kept as they are; "
            "update NomadCM",
            stored,
            version,
        )
        return 0
    from nomadcm.services.events.events import follow_wall_times  # only when the rules changed

    moved = 0
    wanted: dict[int, object] = {}  # post id -> the instant it must now have
    with db.write() as s:
        last_id = 0
        while True:
            rows = s.execute(
                select(Post.id, Post.wall_time, Post.tz, Post.fold, Post.utc)
                .where(Post.id > last_id)
                .order_by(Post.id)
                .limit(batch)
            ).all()
            if not rows:
                break
            changes = []
            for pid, wall, tz, fold, utc in rows:
                instant, _gap = timezones.localize_shifting_gaps(wall, tz, fold)
                if instant != utc:
                    changes.append({"pid": pid, "utc": instant})
            wanted.update((c["pid"], c["utc"]) for c in changes)
            if changes:
                s.execute(
                    update(Post.__table__)
                    .where(Post.__table__.c.id == bindparam("pid"))
                    .values(utc=bindparam("utc")),
                    changes,
                )
                moved += len(changes)
            last_id = rows[-1][0]
        moved += follow_wall_times(s)  # the clients' events too (services/events/events.py)
    left = _not_moved(db, wanted)
    if left:
        log.warning(
            "zone rules %s: %d post(s) this member may not change keep their instant until an owner opens "
            "the database",
            version,
            left,
        )
        return moved - left
    settings.set(RULES_VERSION_KEY, version)
    return moved


def newer_release(stored: str, ours: str) -> bool:
    """Whether `stored` names a later tzdata release than `ours` ("tzdata 2026g" after "tzdata 2026f"; a
    release's letters count up: "2026z" < "2026aa"). Another source (the pytz tables of old) is never newer."""

    def release(text: str) -> tuple[int, int, str] | None:
        source, _, name = text.partition(" ")
        year, letters = name[:4], name[4:]
        if source != "tzdata" or not year.isdigit() or not letters.isalpha():
            return None
        return int(year), len(letters), letters

    theirs, mine = release(stored), release(ours)
    return theirs is not None and mine is not None and theirs > mine


def _not_moved(db: Database, wanted: dict[int, object]) -> int:
    """How many posts do not have the instant they were given (rows the server's policies skipped)."""
    ids = sorted(wanted)
    left = 0
    with db.session() as s:
        for k in range(0, len(ids), 900):
            chunk = ids[k : k + 900]
            for pid, utc in s.execute(select(Post.id, Post.utc).where(Post.id.in_(chunk))):
                left += utc != wanted[pid]
    return left
