"""Roles, enforced by the services (team mode, issue 13): owners and editors write a client's posts,
viewers only read them.

Checked in the write transaction, before anything is written, by every write of posts (the one insert,
edits, status changes, deletes, restores, occurrence edits). Who acts is the database handle's member
(`Database.member_id`, storage/members.py):
- nobody chosen and no member in the database (a CM alone): nothing to check;
- nobody chosen in a database that has members: refused — a team database's writes say who made them;
- a member: their role on each client the posts belong to must be owner or editor.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from nomadcm.errors import ValidationError
from nomadcm.models import Channel, Client, Member, MemberRole, Post
from nomadcm.models.team import MEMBER_INFO_KEY
from nomadcm.vocabulary import WRITING_ROLES


class RoleError(ValidationError):
    """The member this connection acts for may not make this change."""


def require_someone(s: Session, member_id: int | None, what: str) -> None:
    """On a database with members, personal rows (a member's stays and transits) are written by someone who
    said who she is: else they would be nobody's, in no member's itinerary."""
    if member_id is None and s.scalar(select(Member.id).limit(1)) is not None:
        raise RoleError(
            "this team database has members: say who you are (nomadcm --as NAME, or NOMADCM_MEMBER; in the "
            f"app, Settings > General > You are) before changing {what}"
        )


def require_post_writer(s: Session, member_id: int | None, client_ids: Collection[int]) -> None:
    """Refuses (RoleError naming the member, the client and the role) unless the posts of every client in
    `client_ids` may be written by `member_id`."""
    if not client_ids:
        return
    if member_id is None:
        if s.scalar(select(Member.id).limit(1)) is not None:
            raise RoleError(
                "this team database has members: say who you are (nomadcm --as NAME, or NOMADCM_MEMBER) "
                "before changing posts"
            )
        return
    name = s.scalar(select(Member.name).where(Member.id == member_id))
    roles = dict(
        s.execute(
            select(MemberRole.client_id, MemberRole.role).where(
                MemberRole.member_id == member_id, MemberRole.client_id.in_(list(client_ids))
            )
        ).all()
    )
    for client_id in sorted(client_ids):
        role = roles.get(client_id)
        if role in WRITING_ROLES:
            continue
        client = s.scalar(select(Client.name).where(Client.id == client_id))
        if role is None:
            raise RoleError(f"member {name!r} has no role on client {client!r}: an owner can give one")
        raise RoleError(
            f"member {name!r} is a {role} of client {client!r}: only owners and editors change its posts"
        )


def grant_owner_of_new_client(s: Session, client_id: int) -> None:
    """The member who adds a client owns it (a CM alone: nothing to record)."""
    member_id = session_member(s)
    if member_id is not None:
        s.add(MemberRole(member_id=member_id, client_id=client_id, role="owner"))


def session_member(s: Session) -> int | None:
    """The member the session's connection acts for (storage/members.py put it there at checkout)."""
    value = s.connection().info.get(MEMBER_INFO_KEY)
    return None if value is None else int(value)


def clients_of_posts(s: Session, post_ids: Collection[int]) -> set[int]:
    return set(
        s.scalars(
            select(Channel.client_id)
            .join(Post, Post.channel_id == Channel.id)
            .where(Post.id.in_(list(post_ids)))
        )
    )


def clients_of_channels(s: Session, channel_ids: Collection[int]) -> set[int]:
    return set(s.scalars(select(Channel.client_id).where(Channel.id.in_(list(channel_ids)))))
