"""Conflicts: sleep, transit, off hours, holidays, across DST changes; acknowledgements; the JSON contract."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel import conflict_rules, conflict_sweep
from nomadcm.services.travel.conflict_rules import ConflictRule, Finding
from nomadcm.services.travel.conflicts import ConflictService
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.services.travel.rhythm import set_sleep, set_work_hours
from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.services.travel.trips import ItineraryService


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


class World:
    """A CM with the Paris -> Montréal trip of the issue, and clients to post for."""

    def __init__(self, db) -> None:
        self.db = db
        self.clients = ClientService(db)
        self.posts = PostService(db)
        self.trip = ItineraryService(db)
        SettingsService(db).set_home_tz("Europe/Paris")
        self.trip.add_stay(StayInput("Paris", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 10), "FR"))
        self.trip.add_stay(
            StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 31), "CA")
        )
        self.flight = self.trip.add_transit(
            TransitInput(
                "flight",
                "Paris",
                "Europe/Paris",
                "Montréal",
                "America/Toronto",
                datetime(2027, 3, 10, 13),
                datetime(2027, 3, 10, 15, 30),
                ref="AF346",
            )
        )
        self.channels: dict[str, int] = {}

    def channel(self, client: str, zone: str, country: str | None) -> int:
        if client not in self.channels:
            c = self.clients.add_client(client, zone, country)
            self.channels[client] = self.clients.add_channel(c.id, "instagram").id
        return self.channels[client]

    def post_at(
        self,
        instant: datetime,
        client: str = "Boulangerie",
        zone: str = "Europe/Paris",
        country: str | None = "FR",
        status: str = "scheduled",
    ) -> int:
        channel = self.channel(client, zone, country)
        wall = timezones.wall_at(instant, zone)
        post = self.posts.add(
            PostDraft(channel, "Bonjour !", wall, zone, status="draft" if status == "draft" else "scheduled")
        )
        if status not in ("draft", "scheduled"):
            self.posts.set_status([post.id], status)
        assert post.utc == instant
        return post.id


BUILT_IN = ("sleep", "transit", "off_hours", "holiday")


@pytest.fixture(autouse=True)
def built_in_rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the four kinds of this module; other areas' kinds (no_wifi) are tested there."""
    conflict_rules.rules()  # load the plug-in modules once, as a real check would
    monkeypatch.setattr(
        conflict_rules, "_RULES", {k: v for k, v in conflict_rules._RULES.items() if k in BUILT_IN}
    )


@pytest.fixture
def world(db) -> World:
    return World(db)


def check(world: World, **kw) -> dict[int, conflict_sweep.PostConflicts]:
    return {c.post_id: c for c in ConflictService(world.db).check(**kw)}


def test_the_issue_example(world) -> None:
    pid = world.post_at(utc(2027, 3, 15, 8))
    [found] = ConflictService(world.db).check()
    assert found.to_json() == {
        "post_id": pid,
        "utc_time": "2027-03-15T08:00:00Z",
        "cm_tz": "America/Toronto",
        "cm_time": "2027-03-15 04:00",
        "kinds": ["sleep", "off_hours"],
        "detail": found.detail,
    }
    assert "04:00 in America/Toronto" in found.detail and "23:00-07:00" in found.detail
    assert found.cm_place == "Montréal, CA"


def test_a_post_in_her_working_hours_has_no_conflict(world) -> None:
    world.post_at(utc(2027, 3, 16, 14))  # Tuesday 10:00 in Montréal (EDT)
    world.post_at(utc(2027, 3, 5, 10))  # Friday 11:00 in Paris
    assert check(world) == {}


def test_transit_conflict_uses_the_departure_zone(world) -> None:
    pid = world.post_at(utc(2027, 3, 10, 13))
    found = check(world)[pid]
    assert found.kinds == ("transit",)
    assert found.in_transit and found.cm_tz == "Europe/Paris" and found.cm_wall == datetime(2027, 3, 10, 14)
    assert "AF346" in found.detail and found.fact_of("transit") == "Paris → Montréal"
    # From the arrival on, she is in Montréal: 20:30 UTC is 15:30 there, a working Wednesday.
    assert world.post_at(utc(2027, 3, 10, 20, 30)) not in check(world)


def test_sleep_follows_the_cms_own_dst_change(world) -> None:
    # Montréal moves to EDT on 14 March 2027. 11:30 UTC is 06:30 EST (asleep) on Saturday 13th
    # but 07:30 EDT (awake) on Monday 15th.
    before = world.post_at(utc(2027, 3, 13, 11, 30))
    after = world.post_at(utc(2027, 3, 15, 11, 30))
    found = check(world)
    assert "sleep" in found[before].kinds and found[before].cm_wall == datetime(2027, 3, 13, 6, 30)
    assert "sleep" not in found[after].kinds and found[after].cm_wall == datetime(2027, 3, 15, 7, 30)


def test_sleep_around_the_european_change_at_home(world) -> None:
    # After the trip she is home in Paris; CEST starts 28 March 2027... but she is in Montréal until the
    # 31st, so use the autumn change: 05:30 UTC is 06:30 CET (asleep) on 1 Nov, 07:30 CEST on 30 Oct.
    awake = world.post_at(utc(2027, 10, 30, 5, 30))
    asleep = world.post_at(utc(2027, 11, 1, 5, 30))
    found = check(world)
    assert "sleep" in found[asleep].kinds
    assert awake not in found or "sleep" not in found[awake].kinds


def test_off_hours_includes_days_without_hours_and_follows_the_setting(world) -> None:
    saturday = world.post_at(utc(2027, 3, 20, 15))  # Saturday 11:00 EDT
    friday_pm = world.post_at(utc(2027, 3, 19, 19))  # Friday 15:00 EDT
    found = check(world)
    assert found[saturday].kinds == ("off_hours",) and "Saturday 11:00" in found[saturday].detail
    assert friday_pm not in found
    set_work_hours(SettingsService(world.db), "Mo-Th 09:00-17:00; Fr 09:00-12:00")
    assert check(world)[friday_pm].kinds == ("off_hours",)
    set_work_hours(SettingsService(world.db), "Mo-Su 00:00-24:00")
    set_sleep(SettingsService(world.db), "01:00-02:00")
    assert check(world) == {}


def test_holiday_uses_the_audience_local_date_across_its_dst(world) -> None:
    # 1 May (Fête du Travail): Paris is on CEST (UTC+2), so 22:30 UTC on 30 April is already 1 May there.
    may_day = world.post_at(utc(2027, 4, 30, 22, 30))
    eve = world.post_at(utc(2027, 4, 30, 21, 30))
    # Christmas under CET (UTC+1): 22:30 UTC on the 24th is still the 24th in Paris.
    christmas_eve = world.post_at(utc(2027, 12, 24, 22, 30))
    christmas = world.post_at(utc(2027, 12, 24, 23, 30))
    found = check(world)
    assert "holiday" in found[may_day].kinds and found[may_day].audience_wall == datetime(2027, 5, 1, 0, 30)
    assert "holiday" not in found[eve].kinds
    assert "holiday" not in found[christmas_eve].kinds
    assert "holiday" in found[christmas].kinds and "2027-12-25" in found[christmas].detail


def test_holiday_is_per_client_country(world) -> None:
    canada_day = utc(2027, 7, 1, 16)  # 12:00 in Toronto, a Thursday
    ca = world.post_at(canada_day, "Érablière", "America/Toronto", "CA")
    fr = world.post_at(canada_day, "Boulangerie", "Europe/Paris", "FR")
    found = check(world)
    assert "holiday" in found[ca].kinds and found[ca].fact_of("holiday")
    assert fr not in found or "holiday" not in found[fr].kinds
    # A client without a country uses its zone's country when only one country uses it.
    nocountry = world.post_at(utc(2027, 7, 14, 10), "Sans pays", "Europe/Paris", None)
    assert "holiday" in check(world)[nocountry].kinds


def test_only_scheduled_posts_are_checked(world) -> None:
    night = utc(2027, 3, 15, 8)
    ids = {
        s: world.post_at(night + timedelta(minutes=i), status=s)
        for i, s in enumerate(("draft", "scheduled", "published", "cancelled"))
    }
    assert set(check(world)) == {ids["scheduled"]}


def test_date_range_is_the_posts_own_local_dates(world) -> None:
    a = world.post_at(utc(2027, 3, 15, 8))
    b = world.post_at(utc(2027, 3, 20, 8))
    assert set(check(world, date_from=date(2027, 3, 16))) == {b}
    assert set(check(world, date_to=date(2027, 3, 15))) == {a}
    assert check(world, date_from=date(2027, 3, 16), date_to=date(2027, 3, 19)) == {}
    with pytest.raises(ValidationError):
        ConflictService(world.db).check(date(2027, 3, 20), date(2027, 3, 1))


def test_acknowledge_and_undo(world) -> None:
    pid = world.post_at(utc(2027, 3, 15, 8))
    svc = ConflictService(world.db)
    assert svc.acknowledge(pid, ["sleep"], "auto-published by the network") == ["sleep"]
    assert svc.acknowledge(pid, ["sleep"]) == []
    found = check(world)[pid]
    assert found.kinds == ("off_hours",) and found.acknowledged == ("sleep",)
    svc.acknowledge(pid, ["off_hours"])
    assert pid not in check(world)
    assert check(world, include_acknowledged=True)[pid].acknowledged == ("sleep", "off_hours")
    assert [a.kind for a in svc.acknowledgements(pid)] == ["off_hours", "sleep"]
    removed = svc.unacknowledge(pid, ["sleep"])
    assert [a.kind for a in removed] == ["sleep"] and removed[0].note == "auto-published by the network"
    assert check(world)[pid].kinds == ("sleep",)
    svc.restore_acks(removed)
    assert pid not in check(world)
    assert len(svc.unacknowledge(pid)) == 2
    assert check(world)[pid].kinds == ("sleep", "off_hours")


def test_acknowledge_refuses_unknown_kinds_and_posts(world) -> None:
    pid = world.post_at(utc(2027, 3, 15, 8))
    svc = ConflictService(world.db)
    with pytest.raises(ValidationError, match="'nap'"):
        svc.acknowledge(pid, ["nap"])
    with pytest.raises(NotFoundError):
        svc.acknowledge(99999, ["sleep"])
    assert svc.acknowledgements(pid) == []


def test_deleting_a_post_removes_its_acknowledgements(world) -> None:
    pid = world.post_at(utc(2027, 3, 15, 8))
    svc = ConflictService(world.db)
    svc.acknowledge(pid, ["sleep"])
    world.posts.delete([pid])
    assert svc.acknowledgements(pid) == []


def test_for_posts_includes_acknowledged_conflicts(world) -> None:
    a = world.post_at(utc(2027, 3, 15, 8))
    b = world.post_at(utc(2027, 3, 16, 14))
    ConflictService(world.db).acknowledge(a, ["sleep", "off_hours"])
    found = ConflictService(world.db).for_posts([a, b])
    assert set(found) == {a} and found[a].kinds == () and found[a].acknowledged == ("sleep", "off_hours")
    assert ConflictService(world.db).for_posts([]) == {}


def test_a_new_kind_plugs_in_with_a_rule(world) -> None:
    pid = world.post_at(utc(2027, 3, 16, 14))

    def no_wifi(ctx):
        assert ctx.itinerary.stays  # rules see the itinerary snapshot...
        return lambda slot: Finding("no workplace with WiFi", "Montréal") if slot.cm.stay_id else None

    conflict_rules.register_rule(ConflictRule("no_wifi", no_wifi))
    found = check(world)[pid]
    assert found.kinds == ("no_wifi",)
    ConflictService(world.db).acknowledge(pid, ["no_wifi"])
    assert pid not in check(world)
    assert [r.kind for r in conflict_rules.rules()] == [*BUILT_IN, "no_wifi"]


def test_sweep_matches_a_plain_lookup_per_post(world) -> None:
    """The fast sweep gives, for each post, what `where()` + `wall_at()` give one by one."""
    rng = random.Random(7)
    set_work_hours(SettingsService(world.db), "off")  # every post conflicts, so every post is returned
    start = utc(2027, 2, 25)
    ids = {}
    for _ in range(300):
        instant = start + timedelta(minutes=15 * rng.randrange(0, 4 * 24 * 300))
        zone = rng.choice(["Europe/Paris", "America/Toronto", "Australia/Sydney", "Asia/Kathmandu"])
        ids[world.post_at(instant, f"Client {zone}", zone, None)] = (instant, zone)
    itinerary = load_itinerary(world.db)
    found = check(world)
    assert set(found) == set(ids)
    for pid, (instant, zone) in ids.items():
        where = itinerary.where(instant)
        assert found[pid].cm_tz == where.zone
        assert found[pid].cm_wall == timezones.wall_at(instant, where.zone)
        assert found[pid].audience_wall == timezones.wall_at(instant, zone)
        assert ("transit" in found[pid].kinds) == where.in_transit


def test_each_occurrence_of_a_recurring_post_is_checked(world) -> None:
    # Every day at 09:00 Paris time, four times from 14 March: in Montréal that is 04:00 or 05:00 (asleep),
    # and each occurrence is judged at its own instant across the US clock change of 14 March.
    channel = world.channel("Boulangerie", "Europe/Paris", "FR")
    post = world.posts.add(
        PostDraft(channel, "Daily", datetime(2027, 3, 13, 9), "Europe/Paris", rrule="FREQ=DAILY;COUNT=4")
    )
    found = [c for c in ConflictService(world.db).check() if c.post_id == post.id]
    assert [c.cm_wall for c in found] == [
        datetime(2027, 3, 13, 3),  # EST, before the change
        datetime(2027, 3, 14, 4),  # EDT
        datetime(2027, 3, 15, 4),
        datetime(2027, 3, 16, 4),
    ]
    assert all("sleep" in c.kinds and c.recurring for c in found)
    keys = [(post.id, found[1].utc), (post.id, found[3].utc)]
    by_row = ConflictService(world.db).for_rows(keys)
    assert set(by_row) == set(keys)
    ConflictService(world.db).acknowledge(post.id, ["sleep", "off_hours"])  # covers the whole series
    assert [c for c in ConflictService(world.db).check() if c.post_id == post.id] == []


def test_a_built_in_kind_can_be_replaced_by_a_rule(world) -> None:
    """Replacing a built-in rule takes it off the fast path: the replacement decides."""
    pid = world.post_at(utc(2027, 3, 15, 8))  # asleep in Montréal
    conflict_rules.register_rule(ConflictRule("sleep", lambda ctx: lambda slot: None))
    assert check(world)[pid].kinds == ("off_hours",)


# --------------------------------------------------------------------------- properties of the sweep's clocks


ZONES = [
    "Europe/Paris",
    "America/Toronto",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/Santiago",
    "Pacific/Chatham",
    "Africa/Casablanca",
    "America/St_Johns",
]


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    offsets=st.lists(st.integers(min_value=0, max_value=3 * 365 * 24 * 60), min_size=1, max_size=30),
)
def test_clock_matches_pytz_for_any_instant(zone: str, offsets: list[int]) -> None:
    start = utc(2025, 1, 1)
    end = utc(2028, 1, 2)
    clock = conflict_sweep.ZoneClock(zone, start, end)
    for minutes in offsets:
        instant = start + timedelta(minutes=minutes, seconds=minutes % 7)
        assert clock.wall(instant.replace(tzinfo=None)) == timezones.wall_at(instant, zone)


def test_the_streamed_check_finds_what_the_listed_one_finds(world) -> None:
    """`check` on the command line streams (ConflictService.stream): the window its clocks and calendars are
    made for comes from the rows' bounds, not from rows held in a list; the findings are the same, series
    across the DST change and acknowledgements included, and an empty range gives nothing."""
    channel = world.channel("Boulangerie", "Europe/Paris", "FR")
    world.posts.add(
        PostDraft(channel, "Daily", datetime(2027, 3, 13, 9), "Europe/Paris", rrule="FREQ=DAILY;COUNT=4")
    )
    first = world.post_at(utc(2027, 3, 15, 8))
    world.post_at(utc(2027, 12, 25, 3))
    service = ConflictService(world.db)
    service.acknowledge(first, ["sleep"])
    for kw in ({}, {"include_acknowledged": True}):
        listed = [c.to_json() for c in service.check(**kw)]
        assert [c.to_json() for c in service.stream(**kw)] == listed and len(listed) >= 5
    assert list(service.stream(date(2030, 1, 1), date(2030, 1, 2))) == []
