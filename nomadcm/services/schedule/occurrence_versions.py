"""The version an occurrence of a recurring post was read at, and its check in an edit's write transaction.

An occurrence is its series (the `post` row) plus, when it was changed alone, its exception (the
`post_occurrence` row): both have a version counter (migration 0006), and the edit of an occurrence is stale
when either moved on since the dialog read them (services/stale_edits.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nomadcm.errors import NotFoundError
from nomadcm.models import OccurrenceOverride, Post
from nomadcm.services.stale_edits import stale_error
from nomadcm.storage import Database


@dataclass(frozen=True)
class OccurrenceVersion:
    post: int  # the series' version
    override: int  # its exception's, 0 when the occurrence has none


def read_version(db: Database, post_id: int, series_wall: datetime) -> OccurrenceVersion:
    """Read it BEFORE the occurrence's values: a change landing in between then makes the save refused
    (safe), never accepted over values the dialog did not show."""
    with db.session() as s:
        return _current(s, post_id, series_wall, lock=False)[0]


def refuse_stale_occurrence(
    s: Session, post_id: int, series_wall: datetime, expected: OccurrenceVersion | None
) -> None:
    """In the edit's write session: lock the series' row (PostgreSQL) and refuse a stale edit."""
    if expected is None:
        return
    current, post, override = _current(s, post_id, series_wall, lock=True)
    if current.post != expected.post:
        raise stale_error(s, post, f"post {post_id}")
    if current.override != expected.override:
        what = f"occurrence {series_wall:%Y-%m-%d %H:%M} of post {post_id}"
        raise stale_error(s, override if override is not None else post, what)


def _current(
    s: Session, post_id: int, series_wall: datetime, *, lock: bool
) -> tuple[OccurrenceVersion, Post, OccurrenceOverride | None]:
    post = s.get(Post, post_id, with_for_update=lock, populate_existing=True)
    if post is None:
        raise NotFoundError(f"no post with id {post_id}")
    override = s.scalars(
        select(OccurrenceOverride).where(
            OccurrenceOverride.post_id == post_id, OccurrenceOverride.series_wall == series_wall
        )
    ).first()
    return OccurrenceVersion(post.version, override.version if override is not None else 0), post, override
