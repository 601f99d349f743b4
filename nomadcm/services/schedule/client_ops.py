"""The clients' and channels' writes that say what they changed (the `*_op` twins of
services/schedule/clients.py), and the snapshot a deleted client or channel is restored from.

`ClientService` inherits them: each calls its plain twin and returns a Change (services/changes.py) whose
`result` is the plain return value and whose `undo()` is the inverse write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Channel, Client, Post
from nomadcm.services.changes import CLIENTS, POSTS, Change, change, steps

if TYPE_CHECKING:
    from nomadcm.storage import Database


class ClientOps:
    """The `*_op` half of ClientService (a mixin: `self` is the ClientService)."""

    db: Database

    def add_client_op(self, name: str, audience_tz: str, **fields: Any) -> Change:
        """`add_client`; undo deletes it again (refused once it has posts: those were not part of this step)."""
        info = self.add_client(name, audience_tz, **fields)
        return change(CLIENTS, "add_client", lambda: self._undo_add_client(info.id), info, subject=info.name)

    def _undo_add_client(self, client_id: int) -> Change:
        if self.post_count(client_id):
            raise ValidationError("the client has posts now; delete it from the Clients page instead")
        done = self.delete_client_op(client_id)
        return change(done.areas, "add_client", done.undo, subject=done.subject)

    def update_client_op(
        self, client_id: int, *, expected_version: int | None = None, **fields: object
    ) -> Change:
        """`update_client` (`expected_version`: see there); undo puts the changed fields back."""
        old = self.get_client(client_id)
        before = {key: getattr(old, key) for key in fields}
        info = self.update_client(client_id, expected_version=expected_version, **fields)
        return steps(
            CLIENTS,
            "edit_client",
            lambda: self.update_client(client_id, **fields),
            lambda: self.update_client(client_id, **before),
            info,
            subject=info.name,
        )

    def delete_client_op(self, client_id: int) -> Change:
        """`delete_client` (result: the snapshot); undo puts the client back with its channels, their posting
        slots, posts (with their exceptions, acknowledgements, reminders) and the screen time filed under it."""
        with self.db.write() as s:
            # Locked (PostgreSQL): the ORM's DELETE checks the version it read (services/stale_edits.py).
            client = s.get(Client, client_id, with_for_update=True)
            if client is None:
                raise NotFoundError(f"no client with id {client_id}")
            snapshot = _snapshot(s, client_id, None)
            s.delete(client)
        name = snapshot["client"][0]["name"]
        return change(
            {CLIENTS, POSTS}, "delete_client", lambda: self._restore_op(snapshot), snapshot, subject=name
        )

    def add_channel_op(
        self, client_id: int, network: str, handle: str = "", text_limit: int | str | None = "default"
    ) -> Change:
        """`add_channel`; undo deletes it (with whatever was planned on it meanwhile, put back by redo)."""
        info = self.add_channel(client_id, network, handle, text_limit)
        return change(
            CLIENTS, "add_channel", lambda: self._undo_add_channel(info.id), info, subject=info.label
        )

    def _undo_add_channel(self, channel_id: int) -> Change:
        if self.channel_post_count(channel_id):
            raise ValidationError("the channel has posts now; delete it from the Clients page instead")
        done = self.delete_channel_op(channel_id)
        return change(done.areas, "add_channel", done.undo, subject=done.subject)

    def update_channel_op(
        self,
        channel_id: int,
        handle: str | None = None,
        text_limit: int | str | None = "keep",
        *,
        expected_version: int | None = None,
    ) -> Change:
        """`update_channel` (`expected_version`: see there); undo puts the old handle and limit back."""
        old = self.get_channel(channel_id)
        info = self.update_channel(channel_id, handle, text_limit, expected_version=expected_version)
        return steps(
            CLIENTS,
            "edit_channel",
            lambda: self.update_channel(channel_id, handle, text_limit),
            lambda: self.update_channel(channel_id, old.handle, old.text_limit),
            info,
            subject=info.label,
        )

    def delete_channel_op(self, channel_id: int) -> Change:
        """`delete_channel` (result: the snapshot); undo puts it back with its slots and posts."""
        with self.db.write() as s:
            ch = s.get(Channel, channel_id)
            if ch is None:
                raise NotFoundError(f"no channel with id {channel_id}")
            snapshot = _snapshot(s, None, [channel_id])
            s.execute(delete(Channel).where(Channel.id == channel_id))
        row = snapshot["channel"][0]
        label = f"{row['network']} {row['handle']}".strip()
        areas = {CLIENTS, POSTS}
        return change(areas, "delete_channel", lambda: self._restore_op(snapshot), snapshot, subject=label)

    def _restore_op(self, snapshot: dict[str, list[dict[str, Any]]]) -> Change:
        """Puts a `_snapshot` back (under new ids where the old ones were taken meanwhile); undo deletes it."""
        with self.db.write() as s:
            client_ids, channel_ids = _restore(s, snapshot)
        if snapshot["client"]:
            name = snapshot["client"][0]["name"]
            return change(
                {CLIENTS, POSTS}, "restore_client", lambda: self.delete_client_op(client_ids[0]), subject=name
            )
        row = snapshot["channel"][0]
        label = f"{row['network']} {row['handle']}".strip()
        return change(
            {CLIENTS, POSTS}, "restore_channel", lambda: self.delete_channel_op(channel_ids[0]), subject=label
        )


def _post_children() -> tuple[Any, ...]:
    """Rows hanging off a post, restored with it (the post's id mapped to its new one). The tables of the
    other areas are imported by the delete and its undo only: listing clients never loads them."""
    from nomadcm.models import ConflictAck, OccurrenceOverride, ReminderState

    return (OccurrenceOverride.__table__, ConflictAck.__table__, ReminderState.__table__)


def _rows(s: Session, table: Any, column: Any, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    stmt = select(table).where(column.in_(ids)).order_by(table.c.id)
    return [dict(r) for r in s.execute(stmt).mappings()]


def _snapshot(
    s: Session, client_id: int | None, channel_ids: list[int] | None
) -> dict[str, list[dict[str, Any]]]:
    """Every row deleting a client (or these channels) takes with it, or changes (screen time's client)."""
    from nomadcm.models import PostingSlot, ScreenSession
    from nomadcm.services.billing import client_rows as billing_rows
    from nomadcm.services.events import client_rows

    snap: dict[str, list[dict[str, Any]]] = {"client": [], "screen_session": []}
    if client_id is not None:
        snap["client"] = _rows(s, Client.__table__, Client.__table__.c.id, [client_id])
        channel_ids = list(s.scalars(select(Channel.id).where(Channel.client_id == client_id)))
        snap["screen_session"] = [
            {"id": i} for i in s.scalars(select(ScreenSession.id).where(ScreenSession.client_id == client_id))
        ]
        snap.update(client_rows.snapshot(s, client_id))  # its events and calendars (issue 16)
        snap.update(billing_rows.snapshot(s, client_id))  # its contracts and hand-logged work
    ids = list(channel_ids or [])
    snap["channel"] = _rows(s, Channel.__table__, Channel.__table__.c.id, ids)
    snap["posting_slot"] = _rows(s, PostingSlot.__table__, PostingSlot.__table__.c.channel_id, ids)
    snap["post"] = _rows(s, Post.__table__, Post.__table__.c.channel_id, ids)
    post_ids = [r["id"] for r in snap["post"]]
    for table in _post_children():
        snap[table.name] = _rows(s, table, table.c.post_id, post_ids)
    return snap


def _restore(s: Session, snap: dict[str, list[dict[str, Any]]]) -> tuple[list[int], list[int]]:
    """Inserts a `_snapshot`'s rows, parents first, mapping each foreign key to its parent's (new) id."""
    from nomadcm.models import PostingSlot, ScreenSession
    from nomadcm.services.billing import client_rows as billing_rows
    from nomadcm.services.events import client_rows
    from nomadcm.services.schedule.posts import _insert_keeping_ids

    def put(table: Any, rows: list[dict[str, Any]], key: str | None, ids: dict[Any, int]) -> dict[Any, int]:
        rows = [{**r, key: ids.get(r[key], r[key])} if key else dict(r) for r in rows]
        if not rows:
            return {}
        new = _insert_keeping_ids(s, table, rows)
        return {old["id"]: n for old, n in zip(rows, new, strict=True)}

    client_map = put(Client.__table__, snap["client"], None, {})
    if snap["channel"] and not snap["client"]:
        client_id = snap["channel"][0]["client_id"]
        if s.get(Client, client_id) is None:
            raise NotFoundError("the client of this channel no longer exists; the channel cannot come back")
    channel_map = put(Channel.__table__, snap["channel"], "client_id", client_map)
    client_rows.restore(snap, client_map, lambda table, rows: put(table, rows, None, {}))
    billing_rows.restore(snap, client_map, lambda table, rows: put(table, rows, None, {}))
    put(PostingSlot.__table__, snap["posting_slot"], "channel_id", channel_map)
    post_map = put(Post.__table__, snap["post"], "channel_id", channel_map)
    for table in _post_children():
        put(table, snap[table.name], "post_id", post_map)
    if client_map and snap["screen_session"]:
        ids = [r["id"] for r in snap["screen_session"]]
        new_client = next(iter(client_map.values()))
        s.execute(  # id and UUID both, as every writer of a session beside the clients (wellbeing/personal_file)
            update(ScreenSession)
            .where(ScreenSession.id.in_(ids), ScreenSession.client_id.is_(None))
            .values(client_id=new_client, client_uuid=snap["client"][0].get("uuid"))
        )
    return list(client_map.values()), list(channel_map.values())
