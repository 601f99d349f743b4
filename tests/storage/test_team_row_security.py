"""Row-level security on a team database (migration 0007, PostgreSQL): a viewer's connection cannot add,
change or delete posts even with raw SQL; an editor's can; a database without members is not restricted.
Who a connection acts for is the session setting `nomadcm.member`, set by NomadCM at checkout."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ProgrammingError

from nomadcm.errors import ValidationError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.storage import Database

pytestmark = pytest.mark.postgres_only

INSERT = (
    "INSERT INTO post (channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc, created_at, "
    "updated_at, uuid) SELECT channel_id, 'raw', '', '', '', 'draft', wall_time, tz, fold, utc, created_at, "
    "updated_at, gen_random_uuid()::text FROM post LIMIT 1"
)


MEMBER_ROLE, MEMBER_PASSWORD = "nomadcm_rls_member", "rls-member-secret"


@pytest.fixture
def member_engine(services: Services) -> Iterator[Engine]:
    """Connections as a plain login role (not a superuser: superusers pass every policy), allowed to read
    and write NomadCM's tables — as a member connects to a team database."""
    admin = services.db.engine
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": MEMBER_ROLE}).first()
        if exists is None:
            conn.execute(text(f"CREATE ROLE {MEMBER_ROLE} LOGIN PASSWORD '{MEMBER_PASSWORD}'"))
        conn.execute(
            text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {MEMBER_ROLE}")
        )
        conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {MEMBER_ROLE}"))
        conn.commit()
    engine = create_engine(admin.url.set(username=MEMBER_ROLE, password=MEMBER_PASSWORD))
    yield engine
    engine.dispose()


def _as(engine: Engine, member_id: int | None, statement: str) -> int:
    """`statement` on a member's connection acting for `member_id`, as psql would send it."""
    with engine.connect() as conn:
        conn.execute(text("SELECT set_config('nomadcm.member', :m, false)"), {"m": str(member_id or "")})
        result = conn.execute(text(statement))
        conn.commit()
        return int(result.rowcount)


@pytest.fixture
def team(services: Services) -> tuple[Services, int, int, int]:
    """Ana owns the client, Bob views it; one post. (services, Ana's id, Bob's id, post id)"""
    client = services.clients.add_client("Érable Café", "America/Toronto")
    channel = services.clients.add_channel(client.id, "instagram")
    ana = services.members.add("Ana", "ana@example.org").id
    services.members.use("Ana")
    bob = services.members.add("Bob", "bob@example.org").id
    services.members.set_role("Bob", ["Érable Café"], "viewer")
    post = services.posts.add(PostDraft(channel.id, "Bonjour", datetime(2027, 3, 4, 9)))
    return services, ana, bob, post.id


def test_a_viewers_connection_cannot_write_posts_with_raw_sql(
    team: tuple[Services, int, int, int], member_engine: Engine
) -> None:
    services, _ana, bob, post_id = team
    assert _as(member_engine, bob, f"UPDATE post SET text = 'changé' WHERE id = {post_id}") == 0
    assert _as(member_engine, bob, f"DELETE FROM post WHERE id = {post_id}") == 0
    with pytest.raises(ProgrammingError, match="row-level security"):
        _as(member_engine, bob, INSERT)
    assert _as(member_engine, None, f"UPDATE post SET text = 'anonyme' WHERE id = {post_id}") == 0
    assert services.posts.get(post_id).text == "Bonjour"
    assert _as(member_engine, bob, "SELECT 1 FROM post") == 1  # reading stays open


def test_an_owners_and_an_editors_connection_can(
    team: tuple[Services, int, int, int], member_engine: Engine
) -> None:
    services, ana, bob, post_id = team
    assert _as(member_engine, ana, f"UPDATE post SET text = 'par Ana' WHERE id = {post_id}") == 1
    services.members.set_role("Bob", ["Érable Café"], "editor")
    assert _as(member_engine, bob, f"UPDATE post SET text = 'par Bob' WHERE id = {post_id}") == 1
    assert _as(member_engine, bob, INSERT) == 1
    assert services.posts.get(post_id).text == "par Bob"


def test_the_services_connection_carries_the_member(
    team: tuple[Services, int, int, int], member_engine: Engine
) -> None:
    """Even past the service's own check, the server refuses: the session setting follows `use`."""
    services, _ana, _bob, post_id = team
    url = member_engine.url.render_as_string(hide_password=False)
    mine = Services(Database.open_url(url))
    try:
        mine.members.use("Bob")
        draft = mine.posts.get(post_id).to_draft()
        with pytest.raises(ValidationError, match="member 'Bob' is a viewer of client 'Érable Café'"):
            mine.posts.update(post_id, draft)  # the service's refusal first, a message and not a crash
        with mine.db.write() as s:
            assert s.execute(text(f"UPDATE post SET text = 'x' WHERE id = {post_id}")).rowcount == 0
        mine.members.use("Ana")
        with mine.db.write() as s:
            assert s.execute(text(f"UPDATE post SET text = 'y' WHERE id = {post_id}")).rowcount == 1
    finally:
        mine.close()
    assert services.posts.get(post_id).text == "y"


def test_without_members_nothing_is_restricted(services: Services, member_engine: Engine) -> None:
    client = services.clients.add_client("Solo", "Europe/Paris")
    channel = services.clients.add_channel(client.id, "x")
    post = services.posts.add(PostDraft(channel.id, "Bonjour", datetime(2027, 3, 4, 9)))
    assert _as(member_engine, None, f"UPDATE post SET text = 'libre' WHERE id = {post.id}") == 1


def test_new_zone_rules_seen_by_a_viewer_leave_the_work_to_an_owner(
    team: tuple[Services, int, int, int], member_engine: Engine
) -> None:
    """A viewer's NomadCM with newer zone rules cannot move the posts it may not change (the policies skip
    them silently): it must not record the new rules version, or nobody would ever move them."""
    from nomadcm.services.schedule.zone_rule_updates import RULES_VERSION_KEY, ensure_instants_current
    from nomadcm.services.settings import SettingsService

    services, _ana, bob, post_id = team
    right = _utc(services, post_id)
    with services.db.engine.begin() as conn:  # as if older rules had put it an hour away
        conn.execute(text(f"UPDATE post SET utc = utc + interval '1 hour' WHERE id = {post_id}"))
    SettingsService(services.db).set(RULES_VERSION_KEY, "older rules")

    viewer = Database(member_engine)
    viewer.member_id = bob
    assert ensure_instants_current(viewer) == 0
    assert _utc(services, post_id) != right
    assert SettingsService(services.db).get(RULES_VERSION_KEY) == "older rules"

    assert ensure_instants_current(services.db) == 1  # Ana, the owner
    assert _utc(services, post_id) == right
    assert SettingsService(services.db).get(RULES_VERSION_KEY) != "older rules"


def _utc(services: Services, post_id: int) -> object:
    with services.db.engine.connect() as conn:
        return conn.execute(text(f"SELECT utc FROM post WHERE id = {post_id}")).scalar()


def test_a_members_connection_writes_only_her_own_itinerary_and_settings(
    team: tuple[Services, int, int, int], member_engine: Engine
) -> None:
    """Migration 0008: stays, transits and personal settings are each member's own — Bob's connection cannot
    change Ana's even with raw SQL, and can change his; everybody reads them (a post assigned to Ana is at her
    time)."""
    from datetime import date

    from nomadcm.services.travel.rhythm import set_sleep
    from nomadcm.services.travel.trip_records import StayInput

    services, ana, bob, _post_id = team
    anas = services.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 9)))
    set_sleep(services.settings, "22:00-06:00")
    services.members.use("Bob")
    bobs = services.trips.add_stay(
        StayInput("Montréal", "America/Toronto", date(2027, 3, 1), date(2027, 3, 9))
    )
    assert _as(member_engine, bob, f"UPDATE stay SET city = 'Lyon' WHERE id = {anas.id}") == 0
    assert _as(member_engine, bob, f"DELETE FROM stay WHERE id = {anas.id}") == 0
    assert _as(member_engine, bob, f"UPDATE stay SET member_id = {bob} WHERE id = {anas.id}") == 0
    assert (
        _as(
            member_engine, bob, f"UPDATE member_setting SET value = '\"00:00-01:00\"' WHERE member_id = {ana}"
        )
        == 0
    )
    with pytest.raises(ProgrammingError, match="row-level security"):
        _as(
            member_engine,
            bob,
            f"INSERT INTO member_setting (member_id, key, value) VALUES ({ana}, 'theme', '\"dark\"')",
        )
    with pytest.raises(ProgrammingError, match="row-level security"):
        _as(member_engine, bob, f"UPDATE stay SET member_id = {ana} WHERE id = {bobs.id}")  # not his to give
    assert _as(member_engine, bob, f"UPDATE stay SET notes = 'à moi' WHERE id = {bobs.id}") == 1
    assert _as(member_engine, bob, "SELECT 1 FROM stay") == 2  # reading stays open
    services.members.use("Ana")
    assert [s.city for s in services.trips.list_stays()] == ["Paris"]
    assert services.settings.get("sleep") == "22:00-06:00"


def test_the_founder_claims_a_lone_cms_travels_under_the_policies(
    services: Services, member_engine: Engine
) -> None:
    """Not a superuser: the first member's claim of the stays nobody owned passes the policies."""
    from datetime import date

    from nomadcm.services.travel.trip_records import StayInput

    url = member_engine.url.render_as_string(hide_password=False)
    mine = Services(Database.open_url(url))
    try:
        mine.trips.add_stay(StayInput("Lisboa", "Europe/Lisbon", date(2027, 5, 1), date(2027, 5, 9)))
        ana = mine.members.add("Ana", "ana@example.org")
        mine.members.use("Ana")
        assert [s.city for s in mine.trips.list_stays()] == ["Lisboa"]
        assert mine.itinerary().member_id == ana.id
    finally:
        mine.close()


def test_city_keys_another_member_may_not_remake_wait_for_her(
    team: tuple[Services, int, int, int], member_engine: Engine
) -> None:
    """A new city table: Bob's NomadCM remakes his stays' keys; Ana's are skipped by the policies, so the
    table's version is not recorded and Ana's next start remakes hers."""
    from datetime import date

    from nomadcm.models import Stay
    from nomadcm.services.settings import SettingsService
    from nomadcm.services.travel import city_keys
    from nomadcm.services.travel.trip_records import StayInput

    services, _ana, _bob, _post_id = team
    anas = services.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 9)))
    services.members.use("Bob")
    bobs = services.trips.add_stay(StayInput("Lyon", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 9)))
    with services.db.engine.begin() as conn:  # keys an older city table made
        conn.execute(text("UPDATE stay SET city_key = 'old'"))
    SettingsService(services.db).set(city_keys.TABLE_SETTING, "an older table")
    url = member_engine.url.render_as_string(hide_password=False)
    bob = Services(Database.open_url(url))
    try:
        bob.members.use("Bob")
        city_keys.ensure_current(bob.db)
    finally:
        bob.close()

    def key(stay_id: int) -> str:
        with services.db.session() as s:
            return str(s.get(Stay, stay_id).city_key)  # type: ignore[union-attr]

    assert key(bobs.id) != "old" and key(anas.id) == "old"
    assert SettingsService(services.db).get(city_keys.TABLE_SETTING) == "an older table"
    services.members.use("Ana")
    city_keys.ensure_current(services.db)
    assert key(anas.id) != "old"
    assert SettingsService(services.db).get(city_keys.TABLE_SETTING) == city_keys.table_version()
