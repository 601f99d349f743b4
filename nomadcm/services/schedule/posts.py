"""Posts as stored: what the user meant (wall time + zone) and the instant derived from it, read back,
edited, moved, deleted and restored (for Undo).

The wall time is the truth. The UTC instant is derived with `timezones.localize` when a post is saved, and
recomputed for every post when the zone rules shipped with NomadCM change (schedule/zone_rule_updates.py).
Checking and inserting drafts is services/schedule/post_writes.py, which `PostService.check` and `add_many`
call; listing posts is the schedule query (services/schedule/query.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from nomadcm.errors import NotFoundError, UserError
from nomadcm.models import Channel, Client, OccurrenceOverride, Post, utcnow
from nomadcm.services.changes import CLIENTS, POSTS, Change, change
from nomadcm.services.schedule import post_writes
from nomadcm.services.schedule.post_fields import check_status, split_tags
from nomadcm.services.schedule.post_writes import (
    DraftChecker,
    DraftsRefused,
    NewChannel,
    PostCheck,
    PostDraft,
    Progress,
)
from nomadcm.services.stale_edits import bumped, refuse_stale, refusing_stale
from nomadcm.services.team_roles import (
    clients_of_channels,
    clients_of_posts,
    require_post_writer,
    session_member,
)
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.schedule.series import Series
    from nomadcm.services.schedule.your_time import YourTime

__all__ = [
    "PostInfo",
    "PostService",
    "PostSnapshot",
    "first_error",
]


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
    version: int = 1  # the row's version counter: hand it back to `update` (services/stale_edits.py)
    assignee_id: int | None = None  # the member who publishes it (team mode)

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
            assignee_id=self.assignee_id,
        )


@dataclass(frozen=True)
class PostSnapshot:
    """Everything needed to put a deleted post back exactly as it was (for Undo)."""

    values: dict[str, Any]
    overrides: tuple[dict[str, Any], ...] = ()  # a recurring post's exceptions


class PostService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ the write path

    def checker(
        self,
        your_time: YourTime | None = None,
        *,
        create_missing: Mapping[int, NewChannel] | None = None,
        channel_ids: Iterable[int] | None = None,
    ) -> DraftChecker:
        """Checks many drafts against channels loaded once (an import's preview); writes nothing."""
        with self.db.session() as s:
            channels = post_writes.load_channels(s, None if channel_ids is None else list(channel_ids))
            channels.update(post_writes.pending_channels(s, create_missing or {}))
        return DraftChecker(channels, your_time)

    def check(self, draft: PostDraft, your_time: YourTime | None = None) -> PostCheck:
        """What `draft` would become, without writing; never raises for bad input (problems are listed).

        "Your time" comes from `your_time` (the itinerary as stored when none is given)."""
        if your_time is None:
            from nomadcm.services.schedule.your_time import YourTime

            your_time = YourTime(load_itinerary(self.db))
        return self.checker(your_time, channel_ids=[draft.channel_id]).check(draft)

    def add_many(
        self,
        drafts: Iterable[PostDraft],
        *,
        create_missing: Mapping[int, NewChannel] | None = None,
        progress: Progress | None = None,
        session: Session | None = None,
    ) -> list[int]:
        """The one insert of posts: all drafts or none (`DraftsRefused` lists every bad one by index).

        `create_missing`: channels of known clients to create with the posts, under the (negative)
        placeholder ids the drafts use. `session`: an open write session to join (an edit that also
        changes other rows in the same transaction)."""
        if session is not None:
            return post_writes.add_many(session, drafts, create_missing=create_missing, progress=progress)
        with self.db.write() as s:
            return post_writes.add_many(s, drafts, create_missing=create_missing, progress=progress)

    def add(self, draft: PostDraft) -> PostInfo:
        try:
            post_id = self.add_many([draft])[0]
        except DraftsRefused as err:
            raise first_error(err) from None
        return self.get(post_id)

    def update(self, post_id: int, draft: PostDraft, *, expected_version: int | None = None) -> PostInfo:
        """`expected_version`: the version the post was read at (`PostInfo.version`); a post changed since
        is refused (StaleEditError, services/stale_edits.py). None: no check (read in this call)."""
        checked = self.checker(channel_ids=[draft.channel_id]).check(draft)
        if checked.errors:
            raise checked.errors[0]
        values = checked.values(utcnow())
        del values["created_at"]
        with refusing_stale(f"post {post_id}"), self.db.write() as s:
            # Before the locking read: on PostgreSQL a viewer's FOR UPDATE finds no row (row-level security).
            clients = clients_of_posts(s, [post_id]) | clients_of_channels(s, [draft.channel_id])
            require_post_writer(s, session_member(s), clients)
            post = s.get(Post, post_id, with_for_update=True)
            if post is None:
                raise NotFoundError(f"no post with id {post_id}")
            refuse_stale(s, post, expected_version, f"post {post_id}")
            before = (post.wall_time, post.rrule)
            for key, value in values.items():
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
            require_post_writer(s, session_member(s), clients_of_posts(s, post_ids))
            result = s.execute(
                update(Post)
                .where(Post.id.in_(list(post_ids)))
                .values(status=status, updated_at=utcnow(), **bumped(Post.version))
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
            require_post_writer(s, session_member(s), clients_of_posts(s, ids))
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
            require_post_writer(s, session_member(s), clients_of_channels(s, channel_ids))
            ids = _insert_keeping_ids(s, Post.__table__, [snap.values for snap in snapshots])
            overrides = [
                {**ov, "post_id": new_id}
                for snap, new_id in zip(snapshots, ids, strict=True)
                for ov in snap.overrides
            ]
            if overrides:
                _insert_keeping_ids(s, OccurrenceOverride.__table__, overrides)
        return ids

    # ------------------------------------------------------------------ the same writes, saying what changed
    # Each `*_op` does what its plain twin does and returns a Change (services/changes.py) whose `result` is
    # the plain return value and whose `undo()` is the inverse write.

    def add_many_op(
        self,
        drafts: Iterable[PostDraft],
        *,
        create_missing: Mapping[int, NewChannel] | None = None,
        progress: Progress | None = None,
    ) -> Change:
        """`add_many`; undo deletes exactly these posts and the channels created for them."""
        drafts = list(drafts)
        ids = self.add_many(drafts, create_missing=create_missing, progress=progress)
        created: list[int] = []
        if create_missing:
            with self.db.session() as s:
                channel_of = dict(s.execute(select(Post.id, Post.channel_id).where(Post.id.in_(ids))).all())
            created = sorted({channel_of[i] for i, d in zip(ids, drafts, strict=True) if d.channel_id < 0})
        areas = {POSTS, CLIENTS} if created else {POSTS}
        return change(areas, "add_posts", lambda: self.delete_op(ids, channels=created), ids, count=len(ids))

    def add_op(self, draft: PostDraft) -> Change:
        """`add` (result: the PostInfo); undo deletes the post."""
        info = self.add(draft)
        return change(POSTS, "add_post", lambda: self.delete_op([info.id]), info)

    def update_op(self, post_id: int, draft: PostDraft, *, expected_version: int | None = None) -> Change:
        """`update` (result: the PostInfo); undo writes the post's previous values back — refused when
        someone changed the post after this edit (their change is not this step's to undo)."""
        before = self.get(post_id).to_draft()
        info = self.update(post_id, draft, expected_version=expected_version)
        return change(
            POSTS, "edit_post", lambda: self.update_op(post_id, before, expected_version=info.version), info
        )

    def move_op(self, post_id: int, wall: datetime, fold: int = 0) -> Change:
        """`move` (result: the PostInfo); undo puts the post back at its previous time."""
        before = self.get(post_id).to_draft()
        info = self.move(post_id, wall, fold)
        return change(POSTS, "move_post", lambda: self.update_op(post_id, before), info)

    def set_status_op(self, post_ids: Sequence[int], status: str) -> Change:
        """`set_status` (result: rows changed); undo gives each post its previous status back."""
        ids = list(post_ids)
        with self.db.session() as s:
            before = dict(s.execute(select(Post.id, Post.status).where(Post.id.in_(ids))).all())
        count = self.set_status(ids, status)

        def undo() -> Change:
            by_status: dict[str, list[int]] = {}
            for post_id, old in before.items():
                by_status.setdefault(old, []).append(post_id)
            for old, group in by_status.items():
                self.set_status(group, old)
            return change(POSTS, "set_status", lambda: self.set_status_op(ids, status), count=len(ids))

        return change(POSTS, "set_status", undo, count, count=len(ids))

    def delete_op(self, post_ids: Sequence[int], *, channels: Sequence[int] = ()) -> Change:
        """`delete` (result: the snapshots); undo restores them. `channels`: channels (created by an
        import with these posts) deleted with them, and put back with them."""
        snapshots = self.delete(post_ids)
        channel_rows: list[dict[str, Any]] = []
        if channels:
            with self.db.write() as s:
                table = Channel.__table__
                channel_rows = [
                    dict(r) for r in s.execute(select(table).where(table.c.id.in_(list(channels)))).mappings()
                ]
                s.execute(delete(table).where(table.c.id.in_(list(channels))))
        areas = {POSTS, CLIENTS} if channel_rows else {POSTS}
        return change(
            areas,
            "delete_posts",
            lambda: self.restore_op(snapshots, channels=channel_rows),
            snapshots,
            count=len(snapshots),
        )

    def restore_op(
        self, snapshots: Sequence[PostSnapshot], *, channels: Sequence[dict[str, Any]] = ()
    ) -> Change:
        """`restore` (result: the ids), with the `channels` rows put back first; undo deletes them again."""
        channel_ids: list[int] = []
        if channels:
            with self.db.write() as s:
                channel_ids = _insert_keeping_ids(s, Channel.__table__, [dict(c) for c in channels])
            moved = {int(c["id"]): new for c, new in zip(channels, channel_ids, strict=True)}
            snapshots = [
                PostSnapshot(
                    {
                        **snap.values,
                        "channel_id": moved.get(snap.values["channel_id"], snap.values["channel_id"]),
                    },
                    snap.overrides,
                )
                for snap in snapshots
            ]
        ids = self.restore(snapshots)
        areas = {POSTS, CLIENTS} if channels else {POSTS}
        return change(
            areas, "restore_posts", lambda: self.delete_op(ids, channels=channel_ids), ids, count=len(ids)
        )

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


def first_error(refused: DraftsRefused) -> UserError:
    """The error of a refused single draft, as its own kind (a gap stays a NonExistentTimeError)."""
    return refused.problems[0].error


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
        post.version,
        post.assignee_id,
    )
