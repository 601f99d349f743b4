"""Posts: what the user meant (wall time + zone), the instant derived from it, and the schedule listing.

The wall time is the truth. The UTC instant is derived with `timezones.localize` when a post is saved, and
recomputed for every post when the zone rules shipped with NomadCM change (`ensure_instants_current`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import POST_STATUSES, Channel, Client, OccurrenceOverride, Post, utcnow
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.itinerary import Itinerary, Whereabouts, load_itinerary
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.schedule.recurrence import Series

RULES_VERSION_KEY = "tz_rules_version"


@dataclass
class PostDraft:
    """A post as typed: `tz=None` means the client's audience zone."""

    channel_id: int
    text: str
    wall: datetime
    tz: str | None = None
    fold: int = 0
    link: str = ""
    tags: Sequence[str] = ()
    notes: str = ""
    status: str = "scheduled"
    rrule: str | None = None  # RFC 5545 recurrence (services/recurrence.py); None: a single post


@dataclass(frozen=True)
class PostInfo:
    id: int
    channel_id: int
    client_id: int
    client_name: str
    network: str
    handle: str
    text_limit: int | None
    text: str
    link: str
    tags: tuple[str, ...]
    notes: str
    status: str
    wall: datetime
    tz: str
    fold: int
    utc: datetime
    created_at: datetime
    updated_at: datetime
    rrule: str | None = None

    def to_draft(self) -> PostDraft:
        return PostDraft(
            self.channel_id,
            self.text,
            self.wall,
            self.tz,
            self.fold,
            self.link,
            self.tags,
            self.notes,
            self.status,
            self.rrule,
        )


@dataclass(frozen=True)
class PostPreview:
    """What the post dialog shows live while the user types."""

    resolution: timezones.Resolution
    tz: str
    cm: Whereabouts | None
    cm_wall: datetime | None
    text_length: int
    text_limit: int | None
    problems: tuple[str, ...]  # block saving
    notes: tuple[str, ...] = ()  # worth saying, not blocking (e.g. which fold was taken)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class PostSnapshot:
    """Everything needed to put a deleted post back exactly as it was (for Undo)."""

    values: dict[str, Any]
    overrides: tuple[dict[str, Any], ...] = ()  # a recurring post's exceptions


def split_tags(tags: str | Iterable[str]) -> tuple[str, ...]:
    items = tags.split(",") if isinstance(tags, str) else tags
    out: list[str] = []
    for tag in items:
        t = tag.strip().lstrip("#").strip()
        if t and t not in out:
            out.append(t)
    return tuple(out)


def check_link(link: str) -> str:
    link = link.strip()
    if not link:
        return ""
    parsed = urlparse(link)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValidationError(f"link {link!r} is not a web address (http://… or https://…)")
    return link


def check_status(status: str) -> str:
    value = status.strip().lower()
    if value not in POST_STATUSES:
        raise ValidationError(f"unknown status {status!r} (one of: {', '.join(POST_STATUSES)})")
    return value


def text_problem(text: str, limit: int | None, status: str, network: str) -> str | None:
    if limit is not None and len(text) > limit and status != "draft":
        return (
            f"text is {len(text)} characters, over the {limit}-character limit of {network}: "
            "shorten it or keep it as a draft"
        )
    return None


class PostService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ validation

    def preview(self, draft: PostDraft, itinerary: Itinerary | None = None) -> PostPreview:
        """Validates without writing; never raises for bad input (problems are listed instead)."""
        problems: list[str] = []
        notes: list[str] = []
        with self.db.session() as s:
            row = s.execute(
                select(Channel, Client)
                .join(Client, Channel.client_id == Client.id)
                .where(Channel.id == draft.channel_id)
            ).first()
        if row is None:
            problems.append(f"no channel with id {draft.channel_id}")
            tz = draft.tz or "UTC"
            limit, network = None, ""
        else:
            channel, client = row
            tz = draft.tz or client.audience_tz
            limit, network = channel.text_limit, channel.network
        try:
            tz = timezones.check_zone(tz)
            res = timezones.resolve(draft.wall, tz, draft.fold)
        except timezones.TimeError as err:
            problems.append(str(err))
            res = timezones.Resolution(draft.wall, tz, None)
        if res.gap is not None:
            problems.append(str(timezones.NonExistentTimeError(draft.wall, res.gap)))
        if res.ambiguous and res.other_instant is not None:
            which = "first" if res.fold == 0 else "second"
            notes.append(f"{draft.wall:%H:%M} happens twice in {tz} that day; the {which} one is used")
        for check in (lambda: check_status(draft.status), lambda: check_link(draft.link)):
            try:
                check()
            except ValidationError as err:
                problems.append(str(err))
        problem = text_problem(draft.text, limit, draft.status, network)
        if problem:
            problems.append(problem)
        if draft.rrule and res.instant is not None:
            from nomadcm.services.schedule.recurrence import check_rule_for

            try:
                check_rule_for(draft.wall, tz, draft.fold, draft.rrule)
            except ValidationError as err:
                problems.append(str(err))
        cm = cm_wall = None
        if res.instant is not None:
            from nomadcm.services.schedule.your_time import YourTime

            cm, cm_wall = YourTime(itinerary or load_itinerary(self.db)).at(res.instant)
        return PostPreview(res, tz, cm, cm_wall, len(draft.text), limit, tuple(problems), tuple(notes))

    def _validated(self, s: Session, draft: PostDraft) -> dict[str, Any]:
        row = s.execute(
            select(Channel, Client)
            .join(Client, Channel.client_id == Client.id)
            .where(Channel.id == draft.channel_id)
        ).first()
        if row is None:
            raise NotFoundError(f"no channel with id {draft.channel_id}")
        channel, client = row
        tz = timezones.check_zone(draft.tz or client.audience_tz)
        status = check_status(draft.status)
        wall = draft.wall.replace(second=0, microsecond=0)
        instant = timezones.localize(wall, tz, draft.fold)
        rrule = None
        if draft.rrule:
            from nomadcm.services.schedule.recurrence import check_rule_for

            rrule, first_wall = check_rule_for(wall, tz, draft.fold, draft.rrule)
            if first_wall is not None and first_wall != wall:  # DTSTART is the first occurrence
                wall, instant = first_wall, timezones.localize_shifting_gaps(first_wall, tz)[0]
        problem = text_problem(draft.text, channel.text_limit, status, channel.network)
        if problem:
            raise ValidationError(problem)
        return {
            "channel_id": channel.id,
            "text": draft.text,
            "link": check_link(draft.link),
            "tags": ",".join(split_tags(draft.tags)),
            "notes": draft.notes,
            "status": status,
            "wall_time": wall,
            "tz": tz,
            "fold": draft.fold,
            "utc": instant,
            "rrule": rrule,
        }

    # ------------------------------------------------------------------ writes

    def add(self, draft: PostDraft) -> PostInfo:
        with self.db.write() as s:
            post = Post(**self._validated(s, draft))
            s.add(post)
            s.flush()
            post_id = post.id
        return self.get(post_id)

    def update(self, post_id: int, draft: PostDraft) -> PostInfo:
        with self.db.write() as s:
            post = s.get(Post, post_id)
            if post is None:
                raise NotFoundError(f"no post with id {post_id}")
            before = (post.wall_time, post.rrule)
            for key, value in self._validated(s, draft).items():
                setattr(post, key, value)
            if (
                before[1] is not None
            ):  # a series' exceptions follow its new times (services/occurrence_edits.py)
                from nomadcm.services.schedule.occurrence_edits import rekey_overrides

                rekey_overrides(s, post, before[0], before[1])
        return self.get(post_id)

    def move(self, post_id: int, wall: datetime, fold: int = 0) -> PostInfo:
        """Same post, new wall time in its own zone (gap/fold rules apply)."""
        info = self.get(post_id)
        draft = info.to_draft()
        draft.wall, draft.fold = wall, fold
        return self.update(post_id, draft)

    def set_status(self, post_ids: Sequence[int], status: str) -> int:
        status = check_status(status)
        with self.db.write() as s:
            result = s.execute(
                update(Post).where(Post.id.in_(list(post_ids))).values(status=status, updated_at=utcnow())
            )
            return int(result.rowcount or 0)

    def delete(self, post_ids: Sequence[int]) -> list[PostSnapshot]:
        """Deletes posts and returns what `restore` needs to bring them back."""
        ids = list(post_ids)
        with self.db.write() as s:
            rows = s.execute(select(Post.__table__).where(Post.id.in_(ids))).mappings().all()
            found = {r["id"] for r in rows}
            missing = [i for i in ids if i not in found]
            if missing:
                raise NotFoundError(f"no post with id {missing[0]}")
            overrides: dict[int, list[dict[str, Any]]] = {}
            recurring = [r["id"] for r in rows if r["rrule"] is not None]
            if recurring:
                table = OccurrenceOverride.__table__
                for ov in s.execute(select(table).where(table.c.post_id.in_(recurring))).mappings():
                    overrides.setdefault(ov["post_id"], []).append(dict(ov))
            s.execute(delete(Post).where(Post.id.in_(ids)))
        return [PostSnapshot(dict(r), tuple(overrides.get(r["id"], ()))) for r in rows]

    def restore(self, snapshots: Sequence[PostSnapshot]) -> list[int]:
        """Puts deleted posts back as they were; returns their ids, in the snapshots' order.

        SQLite reuses the highest id once it is deleted: a post created meanwhile outside the undo history
        (an import, another window) may hold a deleted post's id. That post comes back under a new id.
        """
        if not snapshots:
            return []
        with self.db.write() as s:
            channel_ids = {snap.values["channel_id"] for snap in snapshots}
            existing = set(s.scalars(select(Channel.id).where(Channel.id.in_(channel_ids))))
            if existing != channel_ids:
                raise NotFoundError(
                    "the channel of a deleted post no longer exists; the posts cannot come back"
                )
            ids = _insert_keeping_ids(s, Post.__table__, [snap.values for snap in snapshots])
            overrides = [
                {**ov, "post_id": new_id}
                for snap, new_id in zip(snapshots, ids, strict=True)
                for ov in snap.overrides
            ]
            if overrides:
                _insert_keeping_ids(s, OccurrenceOverride.__table__, overrides)
        return ids

    # ------------------------------------------------------------------ reads

    def series(self, post_ids: Sequence[int]) -> list[Series]:
        """Recurring posts with their exceptions (their rules, to say in words)."""
        from nomadcm.services.schedule.occurrences import load_series

        return load_series(self.db, post_ids=list(post_ids))

    def get(self, post_id: int) -> PostInfo:
        with self.db.session() as s:
            row = s.execute(_info_select().where(Post.id == post_id)).first()
        if row is None:
            raise NotFoundError(f"no post with id {post_id}")
        return _post_info(row)


def _insert_keeping_ids(s: Session, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows with their own ids where still free, under new ids otherwise; the ids, in order."""
    taken = set(s.scalars(select(table.c.id).where(table.c.id.in_([r["id"] for r in rows]))))
    free = [r for r in rows if r["id"] not in taken]
    if free:
        s.execute(insert(table), free)
    ids = []
    for row in rows:
        if row["id"] in taken:
            values = {k: v for k, v in row.items() if k != "id"}
            ids.append(int(s.execute(insert(table).values(**values)).inserted_primary_key[0]))
        else:
            ids.append(int(row["id"]))
    return ids


# ---------------------------------------------------------------------- zone rules


def ensure_instants_current(db: Database, batch: int = 2000) -> int:
    """Recompute every post's instant from its wall time when the shipped zone rules changed.

    Returns how many posts moved. A wall time that the new rules put in a gap moves past it (and is
    reported by the conflict check as any other DST move would be).
    """
    settings = SettingsService(db)
    version = timezones.rules_version()
    if settings.get(RULES_VERSION_KEY, "") == version:
        return 0
    moved = 0
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
            if changes:
                from sqlalchemy import bindparam

                s.execute(
                    update(Post.__table__)
                    .where(Post.__table__.c.id == bindparam("pid"))
                    .values(utc=bindparam("utc")),
                    changes,
                )
                moved += len(changes)
            last_id = rows[-1][0]
    settings.set(RULES_VERSION_KEY, version)
    return moved


# ---------------------------------------------------------------------- query building


def _info_select() -> Select[Any]:
    return (
        select(Post, Channel.client_id, Client.name, Channel.network, Channel.handle, Channel.text_limit)
        .join(Channel, Post.channel_id == Channel.id)
        .join(Client, Channel.client_id == Client.id)
    )


def _post_info(row: Any) -> PostInfo:
    post, client_id, client_name, network, handle, limit = row
    return PostInfo(
        post.id,
        post.channel_id,
        client_id,
        client_name,
        network,
        handle,
        limit,
        post.text,
        post.link,
        split_tags(post.tags),
        post.notes,
        post.status,
        post.wall_time,
        post.tz,
        post.fold,
        post.utc,
        post.created_at,
        post.updated_at,
        post.rrule,
    )
