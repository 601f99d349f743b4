"""Editing a recurring post: one occurrence, this and following, or all — exceptions stored, not lost.

- "one": an `OccurrenceOverride` row keyed by the occurrence's generated wall time holds what differs (new
  time, text, link, status) or that it is deleted;
- "following": the series is cut before the occurrence (COUNT shortened, or UNTIL set) and a new series
  starts at it; the exceptions after the cut move to the new series;
- "all": the series itself changes; when its times move, each exception moves with them (same wall-time
  shift), and the ones the new rule no longer produces are counted and dropped (the caller says so).

Every edit returns the state before it (`SeriesState`), so the GUI can undo it exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from nomadcm import date_bounds, timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Channel, Client, OccurrenceOverride, Post, utcnow
from nomadcm.services.changes import POSTS, Change, change
from nomadcm.services.schedule.occurrence_versions import (
    OccurrenceVersion,
    read_version,
    refuse_stale_occurrence,
)
from nomadcm.services.schedule.occurrences import get_series
from nomadcm.services.schedule.post_fields import check_link, check_status, text_problem
from nomadcm.services.schedule.post_writes import DraftsRefused, PostDraft
from nomadcm.services.schedule.posts import PostService, first_error
from nomadcm.services.schedule.recurrence_expansion import count_before, generates, zone_clock
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule, canonical_rule
from nomadcm.services.schedule.series import Occurrence, Series
from nomadcm.services.stale_edits import bumped
from nomadcm.services.team_roles import clients_of_posts, require_post_writer, session_member
from nomadcm.storage import Database

Scope = Literal["one", "following", "all"]
SCOPES: tuple[str, ...] = ("one", "following", "all")


@dataclass(frozen=True)
class SeriesState:
    """Rows of posts and their exceptions as they were, to put back on Undo."""

    posts: tuple[dict[str, Any], ...]
    overrides: tuple[dict[str, Any], ...]
    post_ids: tuple[int, ...]


@dataclass(frozen=True)
class EditOutcome:
    before: SeriesState
    post_id: int  # the post holding the edited occurrence afterwards
    created_id: int | None = None  # a new series ("this and following")
    dropped: int = 0  # exceptions the new rule no longer produces
    deleted_post: bool = False


def rekey_overrides(s: Session, post: Post, old_wall: datetime, old_rule: str | None) -> int:
    """After a series changed: its exceptions follow the shift of its first wall time. Returns how many
    exceptions were dropped because the new rule does not produce their occurrence any more."""
    if post.rrule == old_rule and post.wall_time == old_wall:
        return 0
    table = OccurrenceOverride.__table__
    rows = [dict(r) for r in s.execute(select(table).where(table.c.post_id == post.id)).mappings()]
    if not rows:
        return 0
    s.execute(delete(table).where(table.c.post_id == post.id))
    if post.rrule is None:
        return len(rows)
    rule = RecurrenceRule.parse(post.rrule, post.tz)
    delta = post.wall_time - old_wall
    kept = []
    for r in rows:
        key = r["series_wall"] + delta
        if generates(rule, post.wall_time, key):
            r.pop("id")
            kept.append({**r, "series_wall": key})
    if kept:
        s.execute(insert(table), kept)
    return len(rows) - len(kept)


class OccurrenceEditor:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.posts = PostService(db)

    # ------------------------------------------------------------------ state for undo

    def state(self, post_ids: list[int]) -> SeriesState:
        with self.db.session() as s:
            posts = s.execute(select(Post.__table__).where(Post.__table__.c.id.in_(post_ids))).mappings()
            post_rows = tuple(dict(r) for r in posts)
            table = OccurrenceOverride.__table__
            ovs = tuple(
                dict(r) for r in s.execute(select(table).where(table.c.post_id.in_(post_ids))).mappings()
            )
        return SeriesState(post_rows, ovs, tuple(post_ids))

    def restore(self, state: SeriesState, created_ids: list[int] | tuple[int, ...] = ()) -> None:
        """Puts posts and exceptions back as in `state`; removes the posts an edit created."""
        post_t, ov_t = Post.__table__, OccurrenceOverride.__table__
        with self.db.write() as s:
            if created_ids:
                s.execute(delete(post_t).where(post_t.c.id.in_(list(created_ids))))
            existing = set(s.scalars(select(post_t.c.id).where(post_t.c.id.in_(list(state.post_ids)))))
            channels = {r["channel_id"] for r in state.posts}
            if channels - set(s.scalars(select(Channel.id).where(Channel.id.in_(channels)))):
                raise NotFoundError("the post's channel no longer exists; the change cannot be undone")
            for row in state.posts:
                if row["id"] in existing:  # a new version, never an old number back (services/stale_edits.py)
                    values = {k: v for k, v in row.items() if k not in ("id", "version")}
                    s.execute(
                        update(post_t)
                        .where(post_t.c.id == row["id"])
                        .values(**values, **bumped(post_t.c.version))
                    )
                else:
                    s.execute(insert(post_t), [row])
            s.execute(delete(ov_t).where(ov_t.c.post_id.in_(list(state.post_ids))))
            if state.overrides:
                s.execute(insert(ov_t), list(state.overrides))

    def op(
        self,
        label: str,
        action: Callable[[], EditOutcome],
        *,
        count: int = 1,
        again: Callable[[], EditOutcome] | None = None,
    ) -> Change:
        """Runs `action` (an edit through this editor: `lambda: editor.edit(...)`) and says what it changed
        (result: the EditOutcome). Undo puts back the state captured before it; redo runs `again` (an edit
        checked against the version a dialog read: the same edit without that check), else `action`."""
        outcome = action()
        redo = again or action

        def undo() -> Change:
            created = [outcome.created_id] if outcome.created_id is not None else []
            self.restore(outcome.before, created)
            return change(POSTS, label, lambda: self.op(label, redo, count=count), count=count)

        return change(POSTS, label, undo, outcome, count=count)

    # ------------------------------------------------------------------ edits

    def series(self, post_id: int) -> Series:
        series = get_series(self.db, post_id)
        if series is None:
            raise NotFoundError(f"post {post_id} is not a recurring post")
        return series

    def version(self, post_id: int, series_wall: datetime) -> OccurrenceVersion:
        """What an edit of this occurrence hands back to `edit` (read it before the occurrence itself)."""
        return read_version(self.db, post_id, series_wall)

    def occurrence(self, post_id: int, series_wall: datetime) -> tuple[Series, Occurrence]:
        series = self.series(post_id)
        occ = series.occurrence_at(series_wall)
        if occ is None:
            raise NotFoundError(f"post {post_id} has no occurrence at {series_wall:%Y-%m-%d %H:%M}")
        return series, occ

    def edit(
        self,
        post_id: int,
        series_wall: datetime,
        draft: PostDraft,
        scope: str,
        expected: OccurrenceVersion | None = None,
    ) -> EditOutcome:
        """Applies `draft` (the occurrence as the dialog shows it) to one, following or all occurrences.
        `expected`: the version the dialog read (`occurrence_versions.read_version`); stale: StaleEditError."""
        series, occ = self.occurrence(post_id, series_wall)
        self._require_writer(post_id)
        before = self.state([post_id])
        if scope == "one":
            self._edit_one(series, occ, draft, expected)
            return EditOutcome(before, post_id)
        if scope == "all" or (scope == "following" and series_wall == series.dtstart):
            return self._edit_all(series, occ, draft, before, expected)
        if scope == "following":
            return self._split(series, occ, draft, before, expected)
        raise ValidationError(f"unknown scope {scope!r} (one of: {', '.join(SCOPES)})")

    def move(self, post_id: int, series_wall: datetime, wall: datetime, fold: int = 0) -> EditOutcome:
        """One occurrence to another wall time in the post's zone (the calendar's drag)."""
        series, occ = self.occurrence(post_id, series_wall)
        self._require_writer(post_id)
        before = self.state([post_id])
        draft = self._draft_of(series, occ)
        draft.wall, draft.fold = wall, fold
        self._edit_one(series, occ, draft)
        return EditOutcome(before, post_id)

    def set_status(self, post_id: int, series_wall: datetime, status: str) -> EditOutcome:
        series, _occ = self.occurrence(post_id, series_wall)
        self._require_writer(post_id)
        status = check_status(status)
        before = self.state([post_id])
        self._upsert(post_id, series_wall, status=None if status == series.status else status)
        return EditOutcome(before, post_id)

    def delete(self, post_id: int, series_wall: datetime, scope: str) -> EditOutcome:
        series, _occ = self.occurrence(post_id, series_wall)
        self._require_writer(post_id)
        before = self.state([post_id])
        if scope == "all" or (scope == "following" and series_wall == series.dtstart):
            self.posts.delete([post_id])
            return EditOutcome(before, post_id, deleted_post=True)
        if scope == "one":
            self._upsert(post_id, series_wall, deleted=True)
            return EditOutcome(before, post_id)
        if scope == "following":
            with self.db.write() as s:
                self._cut_before(s, series, series_wall)
                ov = OccurrenceOverride.__table__
                s.execute(delete(ov).where(ov.c.post_id == post_id, ov.c.series_wall >= series_wall))
            return EditOutcome(before, post_id)
        raise ValidationError(f"unknown scope {scope!r} (one of: {', '.join(SCOPES)})")

    # ------------------------------------------------------------------ internals

    def _require_writer(self, post_id: int) -> None:
        """The member acting may write this post's client (services/team_roles.py)."""
        with self.db.session() as s:
            require_post_writer(s, session_member(s), clients_of_posts(s, [post_id]))

    def _draft_of(self, series: Series, occ: Occurrence) -> PostDraft:
        info = self.posts.get(series.post_id)
        draft = info.to_draft()
        draft.wall, draft.fold = occ.wall, occ.fold
        draft.text, draft.link, draft.status = occ.text, occ.link, occ.status
        return draft

    def _edit_one(
        self, series: Series, occ: Occurrence, draft: PostDraft, expected: OccurrenceVersion | None = None
    ) -> None:
        assert occ.series_wall is not None
        with self.db.session() as s:
            row = s.execute(
                select(Channel, Client.audience_tz).join(Client).where(Channel.id == series.channel_id)
            ).one()
        channel, audience_tz = row
        if draft.channel_id != series.channel_id:
            raise ValidationError(
                "one occurrence keeps its series' channel: choose “this and following” or “all” to move it"
            )
        tz = timezones.check_zone(draft.tz or audience_tz)
        if tz != series.tz:
            raise ValidationError(
                f"one occurrence keeps its series' zone ({series.tz}): choose “this and following” or “all”"
            )
        status = check_status(draft.status)
        link = check_link(draft.link)
        problem = text_problem(draft.text, channel.text_limit, status, channel.network)
        if problem:
            raise ValidationError(problem)
        wall = date_bounds.check_date(draft.wall.replace(second=0, microsecond=0), "time")
        new_wall: datetime | None = None
        fold = 0
        if wall != occ.wall or (draft.fold != occ.fold and timezones.resolve(wall, tz).ambiguous):
            timezones.localize(wall, tz, draft.fold)  # a typed time: a gap is refused, naming the jump
            if wall != occ.series_wall or draft.fold != 0:
                new_wall, fold = wall, draft.fold
        elif occ.moved:
            new_wall, fold = occ.wall, occ.fold
        self._check_free_instant(series, occ.series_wall, new_wall, fold)
        self._upsert(
            series.post_id,
            occ.series_wall,
            wall=new_wall,
            fold=fold,
            text=None if draft.text == series.text else draft.text,
            link=None if link == series.link else link,
            status=None if status == series.status else status,
            keep_deleted=False,
            expected=expected,
        )

    def _check_free_instant(
        self, series: Series, series_wall: datetime, new_wall: datetime | None, fold: int
    ) -> None:
        """Two occurrences of one post at the same instant would be one row twice in every listing."""
        if new_wall is None:
            return
        instant = timezones.localize_shifting_gaps(new_wall, series.tz, fold)[0]
        for o in series.occurrences(instant, instant + timedelta(seconds=1)):
            if o.series_wall != series_wall:
                raise ValidationError(
                    f"another occurrence of this post is already at {new_wall:%Y-%m-%d %H:%M}"
                )

    def _upsert(
        self,
        post_id: int,
        series_wall: datetime,
        keep_deleted: bool = True,
        expected: OccurrenceVersion | None = None,
        **values: Any,
    ) -> None:
        table = OccurrenceOverride.__table__
        with self.db.write() as s:
            refuse_stale_occurrence(s, post_id, series_wall, expected)
            existing = (
                s.execute(select(table).where(table.c.post_id == post_id, table.c.series_wall == series_wall))
                .mappings()
                .first()
            )
            merged: dict[str, Any] = {
                "deleted": False,
                "wall_time": None,
                "fold": 0,
                "text": None,
                "link": None,
                "status": None,
            }
            if existing is not None:
                merged.update({k: existing[k] for k in merged})
                if not keep_deleted:
                    merged["deleted"] = False
            if "wall" in values:
                values["wall_time"] = values.pop("wall")
            merged.update(values)
            empty = not merged["deleted"] and all(
                merged[k] is None for k in ("wall_time", "text", "link", "status")
            )
            if existing is not None:
                if empty:
                    s.execute(delete(table).where(table.c.id == existing["id"]))
                else:
                    s.execute(
                        update(table)
                        .where(table.c.id == existing["id"])
                        .values(**merged, updated_at=utcnow(), **bumped(table.c.version))
                    )
            elif not empty:
                s.execute(
                    insert(table).values(
                        post_id=post_id, series_wall=series_wall, updated_at=utcnow(), **merged
                    )
                )

    def _shift_of(self, occ: Occurrence, draft: PostDraft) -> timedelta:
        """How far the user moved this occurrence's wall time (0 when she left it as shown)."""
        return (
            timedelta(0) if draft.wall.replace(second=0, microsecond=0) == occ.wall else draft.wall - occ.wall
        )

    def _edit_all(
        self,
        series: Series,
        occ: Occurrence,
        draft: PostDraft,
        before: SeriesState,
        expected: OccurrenceVersion | None = None,
    ) -> EditOutcome:
        assert occ.series_wall is not None
        delta = self._shift_of(occ, draft)
        new = replace(draft)
        new.wall = series.dtstart + delta
        new.fold = (
            series.fold if delta == timedelta(0) else (draft.fold if occ.series_wall == series.dtstart else 0)
        )
        new.rrule = draft.rrule if draft.rrule is not None else series.rule.to_text()
        if (
            occ.edited
        ):  # the dialog showed this occurrence's own text: the series keeps its own unless changed
            if draft.text == occ.text:
                new.text = series.text
            if draft.link == occ.link:
                new.link = series.link
            if draft.status == occ.status:
                new.status = series.status
        dropped = self._predict_dropped(series, new)
        self.posts.update(series.post_id, new, expected_version=expected.post if expected else None)
        return EditOutcome(before, series.post_id, dropped=dropped)

    def _predict_dropped(self, series: Series, new: PostDraft) -> int:
        if not series.overrides:
            return 0
        if not new.rrule:
            return len(series.overrides)
        rule = RecurrenceRule.parse(new.rrule, series.tz)
        delta = new.wall - series.dtstart
        return sum(1 for key in series.overrides if not generates(rule, new.wall, key + delta))

    def _split(
        self,
        series: Series,
        occ: Occurrence,
        draft: PostDraft,
        before: SeriesState,
        expected: OccurrenceVersion | None = None,
    ) -> EditOutcome:
        assert occ.series_wall is not None
        delta = self._shift_of(occ, draft)
        start = occ.series_wall + delta
        k = count_before(series.rule, series.dtstart, occ.series_wall)
        typed = canonical_rule(draft.rrule, series.tz) if draft.rrule else None
        if typed is not None and typed != series.rule.to_text():  # she changed the rule too
            rule_text = typed
        elif series.rule.count is not None:
            rule_text = series.rule.with_end(count=max(series.rule.count - k, 1)).to_text()
        else:
            rule_text = series.rule.to_text()
        new = replace(draft)
        new.wall, new.rrule = start, rule_text
        if occ.edited and draft.text == occ.text:
            new.text = series.text
        with self.db.write() as s:
            refuse_stale_occurrence(s, series.post_id, occ.series_wall, expected)
            try:
                created = self.posts.add_many([new], session=s)[0]
            except DraftsRefused as err:
                raise first_error(err) from None
            new_rrule, new_tz, new_wall = s.execute(
                select(Post.rrule, Post.tz, Post.wall_time).where(Post.id == created)
            ).one()
            self._cut_before(s, series, occ.series_wall)
            ov = OccurrenceOverride.__table__
            rows = [
                dict(r)
                for r in s.execute(
                    select(ov).where(ov.c.post_id == series.post_id, ov.c.series_wall >= occ.series_wall)
                ).mappings()
            ]
            s.execute(delete(ov).where(ov.c.post_id == series.post_id, ov.c.series_wall >= occ.series_wall))
            new_rule = RecurrenceRule.parse(new_rrule or "", new_tz)
            shift = new_wall - occ.series_wall
            moved = []
            for r in rows:
                if r["series_wall"] == occ.series_wall:
                    continue  # the edited occurrence is the new series' first: the draft already says it all
                key = r["series_wall"] + shift
                if generates(new_rule, new_wall, key):
                    r.pop("id")
                    moved.append({**r, "post_id": created, "series_wall": key})
            if moved:
                s.execute(insert(ov), moved)
        dropped = len(rows) - len(moved) - sum(1 for r in rows if r["series_wall"] == occ.series_wall)
        return EditOutcome(before, created, created_id=created, dropped=dropped)

    def _cut_before(self, s: Session, series: Series, series_wall: datetime) -> None:
        """The series ends just before the occurrence at `series_wall`."""
        rule = series.rule
        if rule.count is not None:
            cut = rule.with_end(count=count_before(rule, series.dtstart, series_wall))
        else:
            instant = zone_clock(series.tz).instant(series_wall)[0]
            cut = rule.with_end(until=instant - timedelta(seconds=1))
        s.execute(
            update(Post)
            .where(Post.id == series.post_id)
            .values(rrule=cut.to_text(), updated_at=utcnow(), **bumped(Post.version))
        )
