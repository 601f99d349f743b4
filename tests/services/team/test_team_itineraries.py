"""Per-member itineraries and rhythm (issue 13), on both engines: a post's "your time" is its assignee's own
place and clock (an unassigned post: the viewer's), conflicts use the assignee's sleep and working hours,
stays and transits are each member's own, personal settings are per member over the database's value, and a
CM who had the file alone keeps her travels when she founds a team.

Wall times are checked against zoneinfo (an oracle NomadCM does not use for this: it computes with its own
offset stretches)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from nomadcm.errors import NotFoundError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.services.travel.rhythm import set_sleep, set_work_hours
from nomadcm.services.travel.trip_records import StayInput, TransitInput

PARIS, MONTREAL = "Europe/Paris", "America/Toronto"


@pytest.fixture
def team(services: Services) -> tuple[Services, int, int, int]:
    """Ana (in Paris, March 2027) founds the team; Bob (in Montréal, flying to Paris on the 10th) joins.
    (services, channel id, Ana's id, Bob's id); the handle acts for Ana."""
    client = services.clients.add_client("Érable Café", MONTREAL)
    channel = services.clients.add_channel(client.id, "instagram")
    ana = services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    bob = services.members.add("Bob", "bob@example.org")
    services.members.set_role("Bob", ["Érable Café"], "editor")
    services.trips.add_stay(StayInput("Paris", PARIS, date(2027, 3, 1), date(2027, 3, 31), "FR"))
    services.members.use("Bob")
    services.trips.add_stay(StayInput("Montréal", MONTREAL, date(2027, 3, 1), date(2027, 3, 9), "CA"))
    services.trips.add_transit(
        TransitInput(
            "flight",
            "Montréal",
            MONTREAL,
            "Paris",
            PARIS,
            datetime(2027, 3, 10, 18, 0),
            datetime(2027, 3, 11, 7, 0),
        )
    )
    services.members.use("Ana")
    return services, channel.id, ana.id, bob.id


def _post(services: Services, channel_id: int, wall: datetime, assignee: int | None, text: str) -> int:
    return services.posts.add(PostDraft(channel_id, text, wall, assignee_id=assignee)).id


def _rows(services: Services) -> dict[str, tuple[str, datetime, bool]]:
    return {o.text: (o.cm.zone, o.cm_wall, o.cm.in_transit) for o in services.schedule().stream()}  # type: ignore[union-attr]


def _wall(utc: datetime, zone: str) -> datetime:
    return utc.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def test_each_post_is_at_its_assignees_own_time(team: tuple[Services, int, int, int]) -> None:
    services, channel_id, ana, bob = team
    wall = datetime(2027, 3, 5, 12, 0)  # noon in Toronto = 17:00 UTC (EST)
    _post(services, channel_id, wall, ana, "Ana's")
    _post(services, channel_id, wall, bob, "Bob's")
    _post(services, channel_id, wall, None, "nobody's")
    flight = _post(services, channel_id, datetime(2027, 3, 10, 21, 0), bob, "during Bob's flight")
    utc = wall.replace(tzinfo=ZoneInfo(MONTREAL)).astimezone(UTC)
    rows = _rows(services)
    assert rows["Ana's"] == (PARIS, _wall(utc, PARIS), False)
    assert rows["Bob's"] == (MONTREAL, _wall(utc, MONTREAL), False)
    assert rows["nobody's"] == rows["Ana's"]  # the viewer's time: Ana acts
    zone, _wall_time, in_transit = rows["during Bob's flight"]
    assert (zone, in_transit) == (MONTREAL, True)  # a flight: the departure zone's time, marked
    services.members.use("Bob")
    rows = _rows(services)
    assert rows["nobody's"] == (MONTREAL, _wall(utc, MONTREAL), False)  # now the viewer is Bob
    assert rows["Ana's"][0] == PARIS  # Ana's post stays at Ana's time whoever looks
    # The same answers through a page of the Schedule (keyset rows) and the conflicts check.
    page = {o.text: o.cm.zone for o in services.schedule(ScheduleFilter()).rows(limit=10)}  # type: ignore[union-attr]
    assert page == {"Ana's": PARIS, "Bob's": MONTREAL, "nobody's": MONTREAL, "during Bob's flight": MONTREAL}
    conflicts = services.conflicts.for_posts([flight])
    assert "transit" in conflicts[flight].kinds
    assert ("transit", "Montréal → Paris") in conflicts[flight].facts  # Bob's flight, though Ana looks


def test_conflicts_use_the_assignees_sleep_and_working_hours(team: tuple[Services, int, int, int]) -> None:
    services, channel_id, ana, bob = team
    set_sleep(services.settings, "22:00-06:00")  # Ana's own
    set_work_hours(services.settings, "Mo-Fr 09:00-18:00")
    services.members.use("Bob")
    set_sleep(services.settings, "01:00-09:00")  # Bob sleeps late
    set_work_hours(services.settings, "Mo-Su 08:00-23:00")
    services.members.use("Ana")
    assert services.settings.get("sleep") == "22:00-06:00"
    assert services.settings.for_member(bob).get("sleep") == "01:00-09:00"
    # 17:30 in Toronto (Friday 5 March) = 23:30 in Paris: Ana asleep and off; Bob awake and working.
    wall = datetime(2027, 3, 5, 17, 30)
    for_ana = _post(services, channel_id, wall, ana, "Ana's evening")
    for_bob = _post(services, channel_id, wall, bob, "Bob's evening")
    # 02:00 in Toronto: Bob asleep and off by his own rhythm (Ana, at 08:00 in Paris, would be neither asleep...)
    early = _post(services, channel_id, datetime(2027, 3, 8, 2, 0), bob, "Bob's night")
    found = services.conflicts.for_posts([for_ana, for_bob, early])
    assert set(found[for_ana].kinds) == {"sleep", "off_hours"}
    assert for_bob not in found
    assert set(found[early].kinds) == {"sleep", "off_hours"}
    # The command-line check streams the same answers.
    streamed = {c.post_id: set(c.kinds) for c in services.conflicts.stream()}
    assert streamed == {for_ana: {"sleep", "off_hours"}, early: {"sleep", "off_hours"}}
    # ...and Ana's rhythm on that same instant says "off" only: the rhythm followed the assignee.
    for_ana_early = _post(services, channel_id, datetime(2027, 3, 8, 2, 0), ana, "Ana's morning")
    assert set(services.conflicts.for_posts([for_ana_early])[for_ana_early].kinds) == {"off_hours"}


def test_a_teammates_conflicts_name_her(team: tuple[Services, int, int, int]) -> None:
    """Ana looking at Bob's post reads "Bob's sleep window", not "your": the sentences (CLI, JSON's detail) and
    `who` (the GUI's tooltips) name whose clock and rhythm they are; Bob looking at the same post reads "your"."""
    services, channel_id, _ana, bob = team
    services.members.use("Bob")
    set_sleep(services.settings, "01:00-09:00")
    set_work_hours(services.settings, "Mo-Fr 09:00-18:00")
    services.members.use("Ana")
    night = _post(
        services, channel_id, datetime(2027, 3, 8, 2, 0), bob, "Bob's night"
    )  # Monday 02:00 Toronto
    flight = _post(services, channel_id, datetime(2027, 3, 10, 21, 0), bob, "during Bob's flight")
    for found in (
        services.conflicts.for_posts([night, flight]),
        {c.post_id: c for c in services.conflicts.stream()},
    ):
        assert found[night].who == "Bob"
        assert "02:00 in America/Toronto is inside Bob's sleep window 01:00-09:00" in found[night].detail
        assert "is outside Bob's working hours (Mo-Fr 09:00-18:00)" in found[night].detail
        assert "your" not in found[night].detail
        assert "transit: Bob is on their flight Montréal → Paris (arrives 2027-03-11 07:00 Europe/Paris)" in (
            found[flight].detail
        )
    services.members.use("Bob")
    mine = services.conflicts.for_posts([night, flight])
    assert mine[night].who == "" and "inside your sleep window" in mine[night].detail
    assert "you are on your flight Montréal → Paris" in mine[flight].detail


def test_stays_and_transits_are_each_members_own(team: tuple[Services, int, int, int]) -> None:
    services, _channel_id, _ana, _bob = team
    assert [s.city for s in services.trips.list_stays()] == ["Paris"]
    assert services.trips.list_transits() == []
    # Bob's stay overlaps Ana's dates: different people, no overlap refused.
    services.members.use("Bob")
    bobs = services.trips.list_stays()
    assert [s.city for s in bobs] == ["Montréal"]
    assert [t.route for t in services.trips.list_transits()] == ["Montréal → Paris"]
    services.members.use("Ana")
    with pytest.raises(NotFoundError, match=f"no stay with id {bobs[0].id}"):
        services.trips.delete_stay(bobs[0].id)  # not hers to change
    assert services.itinerary().where(datetime(2027, 3, 5, tzinfo=UTC)).zone == PARIS
    # Removing Bob takes his itinerary and his settings with him.
    services.members.use("Bob")
    set_sleep(services.settings, "01:00-09:00")
    services.members.use("Ana")
    services.members.remove("Bob")
    services.members.use("Ana")
    assert services.trips.list_stays()[0].city == "Paris"
    from nomadcm.services.travel.itinerary import load_itinerary

    assert load_itinerary(services.db, member=_bob).stays == []


def test_personal_settings_fall_back_to_the_files_own(services: Services) -> None:
    """A CM alone sets her home zone and sleep, stays in Lisbon, then founds a team: as its first member she
    keeps them; the member who joins starts from the file's values, and changes only his own."""
    set_sleep(services.settings, "00:00-08:00")
    services.settings.set_home_tz("Europe/Lisbon")
    services.trips.add_stay(StayInput("Lisboa", "Europe/Lisbon", date(2027, 5, 1), date(2027, 5, 20), "PT"))
    ana = services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    assert [s.city for s in services.trips.list_stays()] == ["Lisboa"]  # claimed by the founder
    assert services.itinerary().member_id == ana.id
    assert services.settings.get("sleep") == "00:00-08:00"
    services.members.add("Bob", "bob@example.org")
    services.members.use("Bob")
    assert services.settings.home_tz() == "Europe/Lisbon"  # the file's value until he sets his own
    services.settings.set_home_tz("America/Toronto")
    assert services.trips.list_stays() == []
    assert services.itinerary().home_tz == "America/Toronto"
    services.members.use("Ana")
    assert services.settings.home_tz() == "Europe/Lisbon"  # Bob's choice is his alone
    assert services.settings.get("demo_data") is False  # the database's own settings are shared


def test_travels_need_someone_on_a_database_with_members(team: tuple[Services, int, int, int]) -> None:
    """A stay or transit typed by nobody would be in nobody's itinerary: refused, naming what to do."""
    from nomadcm.services.team_roles import RoleError

    services = team[0]
    services.members.use(None)
    with pytest.raises(RoleError, match=r"say who you are .* before changing your itinerary"):
        services.trips.add_stay(StayInput("Lyon", PARIS, date(2027, 4, 1), date(2027, 4, 3), "FR"))
    with pytest.raises(RoleError, match="say who you are"):
        services.trips.add_transit(
            TransitInput(
                "train", "Paris", PARIS, "Lyon", PARIS, datetime(2027, 4, 1, 9), datetime(2027, 4, 1, 11)
            )
        )
    services.members.use("Ana")
    assert [s.city for s in services.trips.list_stays()] == ["Paris"]


def test_reminders_and_the_tray_are_hers_at_her_time(team: tuple[Services, int, int, int]) -> None:
    """A reminder is the viewer's: her posts and nobody's (not a teammate's), at her clock (not the
    assignee's): "publish at 18:00" in Paris for a post due at 12:00 in Montréal."""
    from datetime import timedelta

    from nomadcm.services.publishing.reminders import ReminderService
    from nomadcm.ui.tray import due_today

    services, channel_id, ana, bob = team
    wall = datetime(2027, 3, 5, 12, 0)  # Toronto noon = 17:00 UTC = 18:00 Paris
    anas = _post(services, channel_id, wall, ana, "Ana's")
    _post(services, channel_id, wall, bob, "Bob's")
    nobodys = _post(services, channel_id, wall, None, "nobody's")
    utc = wall.replace(tzinfo=ZoneInfo(MONTREAL)).astimezone(UTC)
    due = ReminderService(services.db).due(utc - timedelta(minutes=5), timedelta(minutes=10))
    assert sorted(r.occurrence.post_id for r in due) == [anas, nobodys]
    assert {r.occurrence.cm_wall for r in due} == {datetime(2027, 3, 5, 18, 0)}  # her clock in Paris
    tray = due_today(services, utc - timedelta(hours=1))
    assert [(o.post_id, o.cm_wall) for o in tray] == [
        (anas, datetime(2027, 3, 5, 18, 0)),
        (nobodys, datetime(2027, 3, 5, 18, 0)),
    ]
    services.members.use("Bob")
    due = ReminderService(services.db).due(utc - timedelta(minutes=5), timedelta(minutes=10))
    assert len(due) == 2 and {r.occurrence.cm_wall for r in due} == {wall}  # his and nobody's, his clock
