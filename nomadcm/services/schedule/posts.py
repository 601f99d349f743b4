"""Posts: what the user meant (wall time + zone), the instant derived from it, and the schedule listing.

The wall time is the truth. The UTC instant is derived with `timezones.localize` when a post is saved, and
recomputed for every post when the zone rules shipped with NomadCM change (`ensure_instants_current`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import delete, func, insert, select, tuple_, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import POST_STATUSES, Channel, Client, OccurrenceOverride, Post, utcnow
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.itinerary import Itinerary, Whereabouts, load_itinerary
from nomadcm.storage import Database

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


@dataclass
class PostFilter:
    client_id: int | None = None
    client_name: str | None = None
    statuses: Sequence[str] | None = None
    date_from: date | None = None  # audience local date, inclusive
    date_to: date | None = None  # inclusive
    search: str | None = None


@dataclass(frozen=True)
class ScheduleRow:
    id: int
    utc: datetime
    wall: datetime
    tz: str
    tz_abbr: str
    fold: int
    cm_zone: str
    cm_wall: datetime
    cm_abbr: str
    cm_place: str
    in_transit: bool
    client_id: int
    client_name: str
    colour: str
    channel_id: int
    network: str
    handle: str
    status: str
    text: str
    link: str = ""
    tags: tuple[str, ...] = field(default=())
    # An occurrence of a recurring post: its identity in the series (the wall time the rule produced).
    series_wall: datetime | None = None
    gap_shifted: bool = False  # moved past a DST gap (RFC 5545), worth flagging
    edited: bool = False  # this occurrence alone differs from its series


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
            itin = itinerary or load_itinerary(self.db)
            cm = itin.where(res.instant)
            cm_wall = timezones.wall_at(res.instant, cm.zone)
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

    def get(self, post_id: int) -> PostInfo:
        with self.db.session() as s:
            row = s.execute(_info_select().where(Post.id == post_id)).first()
        if row is None:
            raise NotFoundError(f"no post with id {post_id}")
        return _post_info(row)

    def list(self, flt: PostFilter | None = None, limit: int | None = None) -> list[PostInfo]:
        stmt = _apply_filter(_info_select(), _resolved(self.db, flt or PostFilter())).order_by(
            Post.utc, Post.id
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.db.session() as s:
            return [_post_info(r) for r in s.execute(stmt)]

    def count(self, flt: PostFilter | None = None) -> int:
        stmt = _apply_filter(
            select(func.count(Post.id)).select_from(Post).join(Channel).join(Client),
            _resolved(self.db, flt or PostFilter()),
        )
        with self.db.session() as s:
            return int(s.scalar(stmt) or 0)

    def page(
        self,
        flt: PostFilter | None = None,
        after: tuple[datetime, int] | None = None,
        limit: int = 200,
        itinerary: Itinerary | None = None,
        descending: bool = False,
    ) -> list[ScheduleRow]:
        """One page of the schedule sorted by instant (keyset paging: pass the last row's (utc, id)).

        A recurring post lists one row per occurrence (same id, the occurrence's times), expanded only inside
        the page's window and merged in (services/occurrences.py).
        """
        flt = _resolved(self.db, flt or PostFilter())
        stmt = _apply_filter(_row_select(), flt).where(Post.rrule.is_(None))
        if after is not None:
            utc, pid = after
            # A row-value comparison, so that SQLite seeks in ix_post_utc_id instead of scanning up to the page.
            key = tuple_(Post.utc, Post.id)
            stmt = stmt.where(key < tuple_(utc, pid) if descending else key > tuple_(utc, pid))
        order = (Post.utc.desc(), Post.id.desc()) if descending else (Post.utc, Post.id)
        stmt = stmt.order_by(*order).limit(limit)
        with self.db.session() as s:
            rows = s.execute(stmt).all()
        from nomadcm.services.schedule.occurrences import merge_page

        merged = merge_page(
            self.db,
            rows,
            client_id=flt.client_id,
            statuses=flt.statuses,
            date_from=flt.date_from,
            date_to=flt.date_to,
            search=flt.search,
            after=after,
            limit=limit,
            descending=descending,
        )
        itin = itinerary or load_itinerary(self.db)
        return [schedule_row(r, itin, occ) for r, occ in merged]


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


def _row_select() -> Select[Any]:
    return (
        select(
            Post.id,
            Post.utc,
            Post.wall_time,
            Post.tz,
            Post.fold,
            Channel.client_id,
            Client.name,
            Client.colour,
            Post.channel_id,
            Channel.network,
            Channel.handle,
            Post.status,
            Post.text,
            Post.link,
            Post.tags,
        )
        .join(Channel, Post.channel_id == Channel.id)
        .join(Client, Channel.client_id == Client.id)
    )


def _resolved(db: Database, flt: PostFilter) -> PostFilter:
    """The filter with a client name turned into its id (names match case-insensitively, accents too)."""
    if not flt.client_name:
        return flt
    from dataclasses import replace

    from nomadcm.services.schedule.clients import client_id_by_name

    with db.session() as s:
        cid = client_id_by_name(s, flt.client_name)
    if cid is None:
        raise NotFoundError(f"unknown client {flt.client_name!r}")
    return replace(flt, client_name=None, client_id=cid)


def _apply_filter(stmt: Select[Any], flt: PostFilter) -> Select[Any]:
    if flt.client_id is not None:
        stmt = stmt.where(Channel.client_id == flt.client_id)
    if flt.client_name:
        stmt = stmt.where(Client.name == " ".join(flt.client_name.split()))
    if flt.statuses:
        stmt = stmt.where(Post.status.in_(list(flt.statuses)))
    # Audience dates select on the wall time; the same bounds widened by a day (no zone is 24 h off UTC) on
    # the instant let the (utc, id) index seek to the range instead of scanning every earlier post.
    if flt.date_from is not None:
        start = datetime.combine(flt.date_from, time(0))
        stmt = stmt.where(
            Post.wall_time >= start, Post.utc >= (start - timedelta(days=1)).replace(tzinfo=UTC)
        )
    if flt.date_to is not None:
        end = datetime.combine(flt.date_to + timedelta(days=1), time(0))
        stmt = stmt.where(Post.wall_time < end, Post.utc < (end + timedelta(days=1)).replace(tzinfo=UTC))
    if flt.search:
        stmt = stmt.where(Post.text.contains(flt.search, autoescape=True))  # "50%" is text, not a pattern
    return stmt


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


def schedule_row(r: Any, itinerary: Itinerary, occurrence: Any = None) -> ScheduleRow:
    (
        pid,
        utc,
        wall,
        tz,
        fold,
        client_id,
        client_name,
        colour,
        channel_id,
        network,
        handle,
        status,
        text,
        link,
        tags,
    ) = r
    where = itinerary.where(utc)
    return ScheduleRow(
        id=pid,
        utc=utc,
        wall=wall,
        tz=tz,
        tz_abbr=timezones.abbreviation(utc, tz),
        fold=fold,
        cm_zone=where.zone,
        cm_wall=timezones.wall_at(utc, where.zone),
        cm_abbr=timezones.abbreviation(utc, where.zone),
        cm_place=where.place,
        in_transit=where.in_transit,
        client_id=client_id,
        client_name=client_name,
        colour=colour,
        channel_id=channel_id,
        network=network,
        handle=handle,
        status=status,
        text=text,
        link=link,
        tags=split_tags(tags),
        series_wall=occurrence.series_wall if occurrence is not None else None,
        gap_shifted=occurrence.gap_shifted if occurrence is not None else False,
        edited=occurrence.edited if occurrence is not None else False,
    )
