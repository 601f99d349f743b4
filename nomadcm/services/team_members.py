"""Team members (issue 13): who is in the team, their role on each client, and who a connection acts for.

A member has a name and an e-mail, both unique whatever their case (e-mails are stored in lower case), and a
role per client: owner, editor or viewer (vocabulary.MEMBER_ROLES). The member a `Database` acts for
(`use`) is stamped on every row it writes (storage/members.py) and is the one whose role
services/team_roles.py checks before a post is written. A CM alone has no member: nothing is checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Client, Member, MemberRole, Stay, Transit
from nomadcm.services.names import single_line
from nomadcm.services.schedule.clients import client_id_by_name, name_key
from nomadcm.services.team_roles import RoleError
from nomadcm.storage import Database
from nomadcm.vocabulary import MEMBER_ROLES

MAX_NAME = 200
MAX_EMAIL = 320
# One address, no display name: local part, "@", a domain with a dot; no spaces or angle brackets.
_EMAIL_RE = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}$")
NO_ROLE = "none"  # `set_role(..., "none")`: the member loses their role on the client


@dataclass(frozen=True)
class MemberInfo:
    id: int
    uuid: str
    name: str
    email: str
    created_at: datetime
    roles: tuple[tuple[str, str], ...] = ()  # (client name, role), by client name

    def role_on(self, client_name: str) -> str | None:
        return next((role for client, role in self.roles if client == client_name), None)


def check_member_name(name: str) -> str:
    shown = single_line(name)
    if not shown:
        raise ValidationError("a member's name cannot be empty")
    if len(shown) > MAX_NAME:
        raise ValidationError(f"member name {shown[:40]!r}… is longer than {MAX_NAME} characters")
    return shown


def check_email(email: str) -> str:
    address = single_line(email)
    if len(address) > MAX_EMAIL or not _EMAIL_RE.match(address):
        raise ValidationError(f"{email!r} is not an e-mail address (like ana@example.org)")
    return address.lower()


def check_role(role: str) -> str:
    if role not in MEMBER_ROLES:
        raise ValidationError(f"unknown role {role!r}: one of {', '.join(MEMBER_ROLES)}")
    return role


class MemberService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ who this connection is

    @property
    def current_id(self) -> int | None:
        """The id of the member this handle acts for, without reading the database."""
        return self.db.member_id

    @property
    def current(self) -> MemberInfo | None:
        """The member this database handle acts for (None: nobody chosen)."""
        if self.db.member_id is None:
            return None
        with self.db.session() as s:
            member = s.get(Member, self.db.member_id)
            return None if member is None else _info(s, member)

    def use(self, who: str | None) -> MemberInfo | None:
        """Act as the member named `who` (a name or an e-mail, any case) from now on; None: as nobody."""
        if who is None or not who.strip():
            self.db.member_id = None
            return None
        found = self.find(who)
        self.db.member_id = found.id
        return found

    # ------------------------------------------------------------------ reads

    def has_members(self) -> bool:
        with self.db.session() as s:
            return s.scalar(select(Member.id).limit(1)) is not None

    def list_members(self) -> list[MemberInfo]:
        with self.db.session() as s:
            members = list(s.scalars(select(Member)))
            out = [_info(s, m) for m in members]
        return sorted(out, key=lambda m: name_key(m.name))

    def find(self, who: str) -> MemberInfo:
        """A member by name or e-mail (case, spacing and Unicode form ignored); NotFoundError naming `who`."""
        with self.db.session() as s:
            member = _member_by_name_or_email(s, who)
            if member is None:
                raise NotFoundError(f"unknown member {who!r} (see: nomadcm team member list)")
            return _info(s, member)

    # ------------------------------------------------------------------ writes

    def add(self, name: str, email: str, *, owner_of_every_client: bool = False) -> MemberInfo:
        """A new member; the first one (or with `owner_of_every_client`) owns every client there is — the
        team's founder, made by `team init --member` or by the first `team member add`. Only an owner adds
        the others, who start with no role."""
        name = check_member_name(name)
        email = check_email(email)
        with self.db.write() as s:
            _require_owner(s, self.db.member_id, "add a member")
            if _member_by_name_or_email(s, name) is not None:
                raise ValidationError(f"a member named {name!r} already exists")
            if s.scalar(select(Member.id).where(Member.email == email)) is not None:
                raise ValidationError(f"a member with the e-mail {email!r} already exists")
            first = s.scalar(select(Member.id).limit(1)) is None
            member = Member(name=name, email=email)
            s.add(member)
            s.flush()
            if owner_of_every_client or first:
                for client_id in s.scalars(select(Client.id)):
                    s.add(MemberRole(member_id=member.id, client_id=client_id, role="owner"))
                s.flush()
            if first:  # the CM who had the file alone: her travels become the founder's itinerary
                if s.get_bind().dialect.name == "postgresql":  # the server's policies: as the founder, here
                    s.execute(select(func.set_config("nomadcm.member", str(member.id), True)))
                for model in (Stay, Transit):
                    s.execute(update(model).where(model.member_id.is_(None)).values(member_id=member.id))
            return _info(s, member)

    def remove(self, who: str) -> MemberInfo:
        """Removes a member: their roles, their itinerary (stays, transits) and personal settings go; the
        rows they made stay (created_by/updated_by become NULL)."""
        with self.db.write() as s:
            member = _member_by_name_or_email(s, who)
            if member is None:
                raise NotFoundError(f"unknown member {who!r} (see: nomadcm team member list)")
            _require_owner(s, self.db.member_id, "remove a member")
            info = _info(s, member)
            s.execute(delete(MemberRole).where(MemberRole.member_id == member.id))
            s.delete(member)
        if self.db.member_id == info.id:
            self.db.member_id = None
        return info

    def set_role(self, who: str, client_names: Sequence[str], role: str) -> MemberInfo:
        """Gives `who` the role `role` on each client (NO_ROLE: takes their role away)."""
        if role != NO_ROLE:
            check_role(role)
        with self.db.write() as s:
            member = _member_by_name_or_email(s, who)
            if member is None:
                raise NotFoundError(f"unknown member {who!r} (see: nomadcm team member list)")
            client_ids = []
            for name in client_names:
                client_id = client_id_by_name(s, name)
                if client_id is None:
                    raise NotFoundError(f"unknown client {name!r}")
                client_ids.append(client_id)
                _require_owner(s, self.db.member_id, "give roles", client_id=client_id, client_name=name)
            for client_id in client_ids:
                row = s.scalar(
                    select(MemberRole).where(
                        MemberRole.member_id == member.id, MemberRole.client_id == client_id
                    )
                )
                if role == NO_ROLE:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(MemberRole(member_id=member.id, client_id=client_id, role=role))
                else:
                    row.role = role
            s.flush()
            return _info(s, member)


def _require_owner(
    s: Session, acting: int | None, what: str, *, client_id: int | None = None, client_name: str = ""
) -> None:
    """Only an owner manages the team: of some client to add or remove members, of the client itself to give
    roles on it. The first member (an empty member table) is made by whoever runs `team init`; while there
    is no client yet, any member may invite the others (nobody owns anything)."""
    if s.scalar(select(Member.id).limit(1)) is None:
        return
    if client_id is None and s.scalar(select(Client.id).limit(1)) is None:
        return
    if acting is None:
        raise RoleError(f"to {what}, say who you are (nomadcm --as NAME, or NOMADCM_MEMBER): only owners can")
    owned = select(MemberRole.id).where(MemberRole.member_id == acting, MemberRole.role == "owner")
    if client_id is not None:
        owned = owned.where(MemberRole.client_id == client_id)
    if s.scalar(owned.limit(1)) is None:
        name = s.scalar(select(Member.name).where(Member.id == acting))
        whose = f"client {client_name!r}" if client_id is not None else "any client"
        raise RoleError(f"member {name!r} is not an owner of {whose}: only owners can {what}")


def _member_by_name_or_email(s: Session, who: str) -> Member | None:
    wanted = single_line(who)
    if "@" in wanted:
        found = s.scalar(select(Member).where(func.lower(Member.email) == wanted.lower()))
        if found is not None:
            return found
    key = name_key(wanted)
    return next((m for m in s.scalars(select(Member)) if name_key(m.name) == key), None)


def _info(s: Session, member: Member) -> MemberInfo:
    roles = s.execute(
        select(Client.name, MemberRole.role)
        .join(Client, MemberRole.client_id == Client.id)
        .where(MemberRole.member_id == member.id)
    ).all()
    ordered = tuple(sorted(((str(c), str(r)) for c, r in roles), key=lambda cr: name_key(cr[0])))
    return MemberInfo(member.id, member.uuid, member.name, member.email, member.created_at, ordered)
