"""The events' conflicts: a post during its client's closure or blackout (a conflict kind of the post, checked
and acknowledged like the others), and a launch with no post in the client's window around it (a conflict of
the event, acknowledged and undone the same way)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.container import Services
from nomadcm.services.events.records import EventDraft
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.rhythm import set_sleep, set_work_hours


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


class Client:
    def __init__(self, services: Services, name: str = "Boulangerie", zone: str = "Europe/Paris") -> None:
        self.services = services
        self.zone = zone
        self.info = services.clients.add_client(name, zone)
        self.channel = services.clients.add_channel(self.info.id, "instagram").id

    def post(self, instant: datetime, status: str = "scheduled", rrule: str | None = None) -> int:
        wall = timezones.wall_at(instant, self.zone)
        draft = PostDraft(self.channel, "Bonjour", wall, self.zone, status=status, rrule=rrule)
        return self.services.posts.add(draft).id

    def event(
        self, title: str, start: datetime | date, end: datetime | date | None = None, **kw: object
    ) -> int:
        return self.services.events.add(EventDraft(self.info.id, title, start, end, **kw)).id  # type: ignore[arg-type]


@pytest.fixture
def services(services: Services) -> Services:
    services.settings.set_home_tz("Europe/Paris")
    set_sleep(services.settings, "04:00-04:01")  # only the events' kinds speak in these tests
    set_work_hours(services.settings, "Mo-Su 00:00-24:00")
    return services


def kinds(services: Services) -> dict[int, tuple[str, ...]]:
    return {c.post_id: c.all_kinds for c in services.conflicts.check(include_acknowledged=True)}


def test_a_post_during_a_closure_or_a_blackout_conflicts(services: Services) -> None:
    shop = Client(services)
    other = Client(services, "Atelier", "America/Toronto")
    shop.event("Fermeture annuelle", date(2027, 8, 1), date(2027, 8, 21), kind="closure", all_day=True)
    shop.event("Embargo", datetime(2027, 9, 1, 9), datetime(2027, 9, 1, 12), kind="blackout")
    shop.event("Soldes", date(2027, 9, 2), kind="promotion", all_day=True)  # not a closing kind
    during = shop.post(utc(2027, 8, 10, 8))
    last_day = shop.post(utc(2027, 8, 21, 21, 59))  # 23:59 in Paris on the last day
    after = shop.post(utc(2027, 8, 21, 22, 0))  # midnight: open again
    embargo = shop.post(utc(2027, 9, 1, 8))  # 10:00 in Paris
    sale = shop.post(utc(2027, 9, 2, 8))
    elsewhere = other.post(utc(2027, 8, 10, 8))  # another client is open
    found = kinds(services)
    assert (
        found[during] == ("closure",) and found[last_day] == ("closure",) and found[embargo] == ("closure",)
    )
    assert after not in found and sale not in found and elsewhere not in found
    detail = next(c for c in services.conflicts.check() if c.post_id == embargo).detail
    assert "Boulangerie's blackout “Embargo” (2027-09-01 09:00 to 2027-09-01 12:00)" in detail
    assert next(c for c in services.conflicts.check() if c.post_id == during).fact_of("closure") == (
        "Fermeture annuelle"
    )


def test_a_closure_conflict_is_acknowledged_like_the_others(services: Services) -> None:
    shop = Client(services)
    shop.event("Fermé", date(2027, 8, 17), kind="closure", all_day=True)  # not the 15th: a holiday in FR
    pid = shop.post(utc(2027, 8, 17, 10))
    change = services.conflicts.acknowledge_op(pid, ["closure"], "programmé exprès")
    assert [c.post_id for c in services.conflicts.check()] == []
    change.undo()
    assert [c.post_id for c in services.conflicts.check()] == [pid]


def test_each_occurrence_of_a_recurring_post_is_checked(services: Services) -> None:
    shop = Client(services)
    shop.event("Fermé", date(2027, 8, 16), kind="closure", all_day=True)
    shop.post(utc(2027, 8, 2, 8), rrule="FREQ=WEEKLY;COUNT=4")
    closed = [c for c in services.conflicts.check() if "closure" in c.kinds]
    assert [c.utc for c in closed] == [utc(2027, 8, 16, 8)]


def test_a_launch_wants_a_post_in_the_window_around_it(services: Services) -> None:
    shop = Client(services)
    launch = shop.event("Lancement", datetime(2027, 5, 10, 10), datetime(2027, 5, 10, 11), kind="launch")
    (gap,) = services.launch_check.gaps()
    assert (gap.event.id, gap.window_hours, gap.kinds) == (launch, 24, ("launch",))
    assert gap.to_json()["detail"].startswith("no post of Boulangerie in the 24 h before or after the launch")
    shop.post(utc(2027, 5, 9, 7), status="draft")  # a draft does not go out
    shop.post(utc(2027, 5, 11, 10))  # 25 h after the start: a day after its end
    assert [g.event.id for g in services.launch_check.gaps()] == [launch]
    services.events.set_launch_window(shop.info.id, 48)
    assert services.launch_check.gaps() == []
    services.events.set_launch_window(shop.info.id, 24)
    shop.post(utc(2027, 5, 10, 8, 30))  # during the launch itself
    assert services.launch_check.gaps() == []


def test_a_post_of_another_client_does_not_cover_a_launch(services: Services) -> None:
    shop = Client(services)
    other = Client(services, "Atelier", "America/Toronto")
    launch = shop.event("Lancement", datetime(2027, 5, 10, 10), kind="launch")
    other.post(utc(2027, 5, 10, 9))
    assert [g.event.id for g in services.launch_check.gaps()] == [launch]
    assert services.launch_check.gaps(client_id=other.info.id) == []


def test_a_launch_alone_is_acknowledged_then_flagged_again(services: Services) -> None:
    shop = Client(services)
    launch = shop.event("Lancement", date(2027, 5, 10), kind="launch", all_day=True)
    change = services.launch_check.acknowledge_op(launch, "le client l'annonce lui-même")
    assert services.launch_check.gaps() == []
    (acked,) = services.launch_check.gaps(include_acknowledged=True)
    assert acked.acknowledged and acked.kinds == () and acked.note == "le client l'annonce lui-même"
    redo = change.undo()
    assert [g.event.id for g in services.launch_check.gaps()] == [launch]
    redo.undo()
    assert services.launch_check.gaps() == []
    assert services.launch_check.acknowledge(launch) == []  # already
    flag = services.launch_check.unacknowledge_op(launch)
    assert [g.event.id for g in services.launch_check.gaps()] == [launch]
    flag.undo()
    assert services.launch_check.gaps() == []
    with pytest.raises(NotFoundError, match="no event with id 99"):
        services.launch_check.acknowledge(99)
    with pytest.raises(ValidationError, match="unknown event conflict kind 'closure'"):
        services.launch_check.acknowledge(launch, ["closure"])


def test_launch_dates_are_the_launches_own_dates(services: Services) -> None:
    shop = Client(services, "Kiwi", "Pacific/Auckland")
    launch = shop.event("Launch", datetime(2027, 5, 10, 8), kind="launch")  # 9 May 20:00 UTC
    assert [g.event.id for g in services.launch_check.gaps(date(2027, 5, 10), date(2027, 5, 10))] == [launch]
    assert services.launch_check.gaps(date(2027, 5, 9), date(2027, 5, 9)) == []
    with pytest.raises(ValidationError, match="is before --from"):
        services.launch_check.gaps(date(2027, 5, 10), date(2027, 5, 1))


def test_the_day_plan_carries_each_clients_events(services: Services) -> None:
    shop = Client(services)
    shop.event("Fermé", date(2027, 8, 15), kind="closure", all_day=True)
    shop.event("Presse", datetime(2027, 8, 16, 9), kind="press")
    plan = services.day_plan(date(2027, 8, 15))
    (strip,) = plan.clients
    assert [e.title for e in strip.events] == ["Fermé"]
    assert [e.title for e in services.day_plan(date(2027, 8, 16)).clients[0].events] == ["Presse"]
    assert plan.start <= strip.events[0].start_utc + timedelta(hours=1)
