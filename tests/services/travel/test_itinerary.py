"""Where the CM is (every boundary of the rules) and the stays/transits service that feeds it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.itinerary import Itinerary, StaySpan, TransitSpan, load_itinerary
from nomadcm.services.travel.trip_records import (
    StayInput,
    StayOverlapError,
    TransitInput,
    TransitOverlapError,
    stay_span,
)
from nomadcm.services.travel.trips import ItineraryService

US = timedelta(microseconds=1)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def stay(id_: int, city: str, tz: str, first: date, last: date, country: str | None = None) -> StaySpan:
    start, end = stay_span(tz, first, last)
    return StaySpan(id_, city, country, tz, start, end)


def transit(id_: int, frm: str, ftz: str, to: str, ttz: str, dep: datetime, arr: datetime) -> TransitSpan:
    return TransitSpan(
        id_, "flight", frm, ftz, to, ttz, timezones.localize(dep, ftz), timezones.localize(arr, ttz), "AF346"
    )


PARIS = stay(1, "Paris", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 10), "FR")
MONTREAL = stay(2, "Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 31), "CA")
FLIGHT = transit(
    1,
    "Paris",
    "Europe/Paris",
    "Montréal",
    "America/Toronto",
    datetime(2027, 3, 10, 13),
    datetime(2027, 3, 10, 15, 30),
)
TRIP = Itinerary("Europe/Lisbon", [PARIS, MONTREAL], [FLIGHT])


# --------------------------------------------------------------------------- where(): the rules


def test_stay_dates_are_inclusive_in_the_stays_zone() -> None:
    it = Itinerary(
        "Europe/Paris", [stay(7, "Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 24))]
    )
    start = utc(2027, 3, 10, 5)  # 10 March 00:00 EST
    end = utc(2027, 3, 25, 4)  # 25 March 00:00 EDT: the US changed clocks on 14 March in between
    assert it.stays[0].start == start and it.stays[0].end == end
    assert it.where(start - US).at_home
    assert it.where(start).stay_id == 7
    assert it.where(end - US).stay_id == 7
    assert it.where(end).at_home and it.where(end).zone == "Europe/Paris"
    assert it.where(start).place == "Montréal"


def test_transit_boundaries_and_zone_during_transit() -> None:
    dep, arr = FLIGHT.depart, FLIGHT.arrive
    assert dep == utc(2027, 3, 10, 12) and arr == utc(2027, 3, 10, 20, 30)
    before = TRIP.where(dep - US)
    assert not before.in_transit and before.stay_id == PARIS.id and before.zone == "Europe/Paris"
    during = TRIP.where(dep)
    assert during.in_transit and during.zone == "Europe/Paris" and during.transit_id == 1
    assert TRIP.where(arr - US).in_transit
    after = TRIP.where(arr)
    assert not after.in_transit and after.stay_id == MONTREAL.id and after.zone == "America/Toronto"


def test_transit_wins_over_stays_sharing_the_travel_day() -> None:
    # On the 10th both stays cover the instant: Montréal from 05:00 UTC, Paris until 23:00 UTC.
    morning = utc(2027, 3, 10, 8)
    assert PARIS.start <= morning < PARIS.end and MONTREAL.start <= morning < MONTREAL.end
    assert TRIP.where(morning).stay_id == PARIS.id  # not yet left
    evening = utc(2027, 3, 10, 22)
    assert TRIP.where(evening).stay_id == MONTREAL.id  # landed, though Paris still "covers" it
    assert TRIP.zone_at(evening) == "America/Toronto"


def test_home_fallback_before_between_and_after() -> None:
    it = Itinerary(
        "Europe/Lisbon",
        [
            stay(1, "Paris", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 5)),
            stay(2, "Rome", "Europe/Rome", date(2027, 3, 10), date(2027, 3, 12)),
        ],
    )
    for instant in (utc(2027, 2, 28, 22), utc(2027, 3, 7), utc(2027, 3, 13)):
        w = it.where(instant)
        assert w.at_home and w.zone == "Europe/Lisbon" and w.place == ""
    assert Itinerary("Asia/Tokyo").where(utc(2027, 1, 1)).zone == "Asia/Tokyo"


def test_transit_without_stays_puts_her_at_its_ends() -> None:
    it = Itinerary("Europe/Lisbon", transits=[FLIGHT])
    assert it.where(FLIGHT.depart - timedelta(days=30)).zone == "Europe/Paris"
    assert it.where(FLIGHT.arrive + timedelta(days=30)).zone == "America/Toronto"


def test_arrival_place_holds_until_the_next_stay() -> None:
    # Flight on the 10th, stay in Montréal only from the 12th: she is in Montréal in between, not at home.
    late = stay(2, "Montréal", "America/Toronto", date(2027, 3, 12), date(2027, 3, 20))
    it = Itinerary(
        "Europe/Lisbon",
        [PARIS_UNTIL_9 := stay(1, "Paris", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 9)), late],
        [FLIGHT],
    )
    assert it.where(utc(2027, 3, 10, 6)).zone == "Europe/Paris"  # after Paris ended, before departure
    assert it.where(utc(2027, 3, 11, 12)).zone == "America/Toronto"
    assert it.where(utc(2027, 3, 11, 12)).transit_id == 1
    assert it.where(late.start).stay_id == 2
    assert it.where(PARIS_UNTIL_9.start).stay_id == 1


def test_stay_starting_in_a_midnight_dst_gap_starts_when_the_day_does() -> None:
    # Chile moves clocks from 00:00 to 01:00 on 5 September 2027: that day begins at 01:00.
    s = stay(1, "Santiago", "America/Santiago", date(2027, 9, 5), date(2027, 9, 6))
    assert timezones.wall_at(s.start, "America/Santiago") == datetime(2027, 9, 5, 1, 0)
    assert s.end - s.start == timedelta(hours=47)


def test_segments_agree_with_where_everywhere() -> None:
    it = Itinerary(
        "Europe/Lisbon",
        [
            PARIS,
            MONTREAL,
            stay(3, "Lima", "America/Lima", date(2027, 4, 3), date(2027, 4, 10)),
        ],
        [
            FLIGHT,
            transit(
                2,
                "Montréal",
                "America/Toronto",
                "Lima",
                "America/Lima",
                datetime(2027, 4, 1, 22),
                datetime(2027, 4, 2, 6),
            ),
        ],
    )
    start, end = utc(2027, 2, 27), utc(2027, 4, 12)
    segs = it.segments(start, end)
    assert segs[0].start == start and segs[-1].end == end
    assert all(a.end == b.start and a.where != b.where for a, b in pairwise(segs))
    t = start
    k = 0
    while t < end:
        while segs[k].end <= t:
            k += 1
        assert segs[k].where == it.where(t), t
        t += timedelta(minutes=30)
    assert it.span() == (PARIS.start, it.stays[-1].end)


def test_loaded_itinerary_uses_the_home_setting(db) -> None:
    SettingsService(db).set_home_tz("Asia/Bangkok")
    it = load_itinerary(db)
    assert it.where(utc(2027, 1, 1)).zone == "Asia/Bangkok"
    assert load_itinerary(db, "Europe/Paris").home_tz == "Europe/Paris"


# --------------------------------------------------------------------------- the service: stays


@pytest.fixture
def svc(db) -> ItineraryService:
    return ItineraryService(db)


def paris_input(first: date = date(2027, 3, 1), last: date = date(2027, 3, 10)) -> StayInput:
    return StayInput("Paris", "Europe/Paris", first, last, "fr", 48.85, 2.35)


def test_add_stay_derives_its_instants_from_dates_and_zone(svc) -> None:
    s = svc.add_stay(StayInput("  Montréal ", "America/Toronto", date(2027, 3, 10), date(2027, 3, 24), "CA"))
    assert s.city == "Montréal" and s.country == "CA" and s.days == 15
    assert s.start_utc == utc(2027, 3, 10, 5) and s.end_utc == utc(2027, 3, 25, 4)
    assert svc.get_stay(s.id) == s
    assert svc.list_stays() == [s]
    assert svc.snapshot().where(utc(2027, 3, 12)).stay_id == s.id


def test_stays_sharing_only_the_travel_day_are_accepted(svc) -> None:
    svc.add_stay(paris_input())
    m = svc.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 31)))
    before = svc.add_stay(StayInput("Lyon", "Europe/Paris", date(2027, 2, 20), date(2027, 3, 1)))
    assert {s.id for s in svc.list_stays()} == {1, m.id, before.id}


def test_overlapping_stays_are_refused_naming_both(svc) -> None:
    svc.add_stay(paris_input())
    for first, last in [
        (date(2027, 3, 5), date(2027, 3, 12)),
        (date(2027, 3, 9), date(2027, 3, 20)),
        (date(2027, 3, 4), date(2027, 3, 4)),
        (date(2027, 2, 1), date(2027, 4, 1)),
    ]:
        with pytest.raises(StayOverlapError) as err:
            svc.add_stay(StayInput("Lyon", "Europe/Paris", first, last))
        assert "Lyon" in str(err.value) and "Paris" in str(err.value)
        assert err.value.other.city == "Paris"
    assert len(svc.list_stays()) == 1  # nothing written


def test_update_stay_checks_overlaps_against_the_others_only(svc) -> None:
    p = svc.add_stay(paris_input())
    m = svc.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 31)))
    longer = svc.update_stay(p.id, paris_input(date(2027, 2, 25), date(2027, 3, 10)))
    assert longer.first_date == date(2027, 2, 25) and longer.start_utc == utc(2027, 2, 24, 23)
    with pytest.raises(StayOverlapError, match="Montréal"):
        svc.update_stay(p.id, paris_input(date(2027, 2, 25), date(2027, 3, 12)))
    assert svc.get_stay(p.id).last_date == date(2027, 3, 10)
    moved = svc.update_stay(
        m.id, StayInput("Montréal", "America/Toronto", date(2027, 3, 11), date(2027, 3, 31))
    )
    assert moved.start_utc == utc(2027, 3, 11, 5)
    with pytest.raises(NotFoundError):
        svc.update_stay(999, paris_input())


@pytest.mark.parametrize(
    ("stay_in", "message"),
    [
        (StayInput("", "Europe/Paris", date(2027, 1, 1), date(2027, 1, 2)), "city is empty"),
        (StayInput("Paris", "Europe/Pariss", date(2027, 1, 1), date(2027, 1, 2)), "'Europe/Pariss'"),
        (StayInput("Paris", "Europe/Paris", date(2027, 1, 3), date(2027, 1, 2)), "before first date"),
        (StayInput("Paris", "Europe/Paris", date(2027, 1, 1), date(2027, 1, 2), "FRA"), "'FRA'"),
        (StayInput("Paris", "Europe/Paris", date(2027, 1, 1), date(2027, 1, 2), lat=95.0), "latitude"),
    ],
)
def test_bad_stays_are_refused_naming_the_value(svc, stay_in, message) -> None:
    with pytest.raises(ValidationError, match=message):
        svc.add_stay(stay_in)
    assert svc.list_stays() == []


def test_delete_and_restore_stay(svc) -> None:
    p = svc.add_stay(paris_input())
    gone = svc.delete_stay(p.id)
    assert svc.list_stays() == [] and gone == p
    back = svc.restore_stay(gone)
    assert back == p
    with pytest.raises(NotFoundError):
        svc.delete_stay(12345)


# --------------------------------------------------------------------------- the service: transits


def flight_input(
    dep: datetime = datetime(2027, 3, 10, 13), arr: datetime = datetime(2027, 3, 10, 15, 30), **kw
) -> TransitInput:
    return TransitInput(
        "flight",
        "Paris",
        "Europe/Paris",
        "Montréal",
        "America/Toronto",
        dep,
        arr,
        "FR",
        "CA",
        ref="AF346",
        **kw,
    )


def test_add_transit_localizes_each_end_in_its_own_zone(svc) -> None:
    t = svc.add_transit(flight_input())
    assert t.depart_utc == utc(2027, 3, 10, 12) and t.arrive_utc == utc(2027, 3, 10, 20, 30)
    assert t.duration == timedelta(hours=8, minutes=30)
    assert t.route == "Paris → Montréal" and t.from_country == "FR"
    assert svc.list_transits() == [t] and svc.get_transit(t.id) == t


def test_transit_time_in_a_dst_gap_is_refused_with_the_first_valid_time(svc) -> None:
    with pytest.raises(timezones.NonExistentTimeError) as err:
        svc.add_transit(flight_input(datetime(2027, 3, 28, 2, 30), datetime(2027, 3, 28, 9)))
    assert "departure 2027-03-28 02:30" in str(err.value) and "2027-03-28 03:00" in str(err.value)
    assert err.value.gap.end == datetime(2027, 3, 28, 3, 0)
    with pytest.raises(timezones.NonExistentTimeError, match="arrival 2027-03-14 02:15"):
        svc.add_transit(flight_input(datetime(2027, 3, 13, 23), datetime(2027, 3, 14, 2, 15)))
    assert svc.list_transits() == []


def test_ambiguous_transit_time_takes_the_fold_asked(svc) -> None:
    # Paris clocks go back on 31 October 2027: 02:30 happens twice.
    dep = datetime(2027, 10, 31, 2, 30)
    times = svc.resolve_times(flight_input(dep, datetime(2027, 10, 31, 9)))
    assert times.depart.ambiguous and times.duration is not None
    first = svc.add_transit(flight_input(dep, datetime(2027, 10, 31, 9)))
    assert first.depart_utc == utc(2027, 10, 31, 0, 30)
    second = svc.update_transit(first.id, flight_input(dep, datetime(2027, 10, 31, 9), depart_fold=1))
    assert second.depart_utc == utc(2027, 10, 31, 1, 30) and second.depart_fold == 1


def test_arrival_must_follow_departure(svc) -> None:
    with pytest.raises(ValidationError, match="not after departure"):
        svc.add_transit(
            flight_input(datetime(2027, 3, 10, 13), datetime(2027, 3, 10, 6))
        )  # 06:00 EST = 11:00 UTC


def test_overlapping_transits_are_refused_touching_ones_accepted(svc) -> None:
    svc.add_transit(flight_input())
    train = TransitInput(
        "train",
        "Paris",
        "Europe/Paris",
        "Lyon",
        "Europe/Paris",
        datetime(2027, 3, 10, 14),
        datetime(2027, 3, 10, 16),
    )
    with pytest.raises(TransitOverlapError, match="AF346") as err:
        svc.add_transit(train)
    assert "Lyon" in str(err.value)
    connecting = TransitInput(
        "flight",
        "Montréal",
        "America/Toronto",
        "Québec",
        "America/Toronto",
        datetime(2027, 3, 10, 15, 30),
        datetime(2027, 3, 10, 16, 45),
    )
    svc.add_transit(connecting)
    assert len(svc.list_transits()) == 2


def test_bad_transits_are_refused(svc) -> None:
    with pytest.raises(ValidationError, match="'rocket'"):
        svc.add_transit(
            TransitInput("rocket", "A", "UTC", "B", "UTC", datetime(2027, 1, 1), datetime(2027, 1, 2))
        )
    with pytest.raises(ValidationError, match="'Mars/Base'"):
        svc.add_transit(
            TransitInput("bus", "A", "Mars/Base", "B", "UTC", datetime(2027, 1, 1), datetime(2027, 1, 2))
        )
    with pytest.raises(ValidationError, match="arrival place is empty"):
        svc.add_transit(
            TransitInput("bus", "A", "UTC", " ", "UTC", datetime(2027, 1, 1), datetime(2027, 1, 2))
        )
    assert svc.list_transits() == []


def test_delete_and_restore_transit(svc) -> None:
    t = svc.add_transit(flight_input())
    gone = svc.delete_transit(t.id)
    assert svc.list_transits() == []
    assert svc.restore_transit(gone) == t


# --------------------------------------------------------------------------- warnings


def kinds(svc: ItineraryService) -> list[str]:
    return [w.kind for w in svc.warnings()]


def test_good_itinerary_has_no_warnings(svc) -> None:
    svc.add_stay(paris_input())
    svc.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 31), "CA"))
    svc.add_transit(flight_input())
    assert svc.warnings() == []


def test_shared_day_without_transit_is_flagged(svc) -> None:
    svc.add_stay(paris_input())
    svc.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 31), "CA"))
    [w] = svc.warnings()
    assert w.kind == "shared_day" and w.first_date == date(2027, 3, 10)
    assert "Paris, FR" in w.message and "Montréal, CA" in w.message


def test_missing_transit_between_zones_is_flagged(svc) -> None:
    svc.add_stay(paris_input())
    svc.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 11), date(2027, 3, 31)))
    assert kinds(svc) == ["missing_transit"]
    svc.add_transit(flight_input())
    assert kinds(svc) == []


def test_consecutive_stays_in_the_same_offset_need_no_transit(svc) -> None:
    svc.add_stay(paris_input())
    svc.add_stay(StayInput("Berlin", "Europe/Berlin", date(2027, 3, 11), date(2027, 3, 20)))
    assert svc.warnings() == []


def test_gap_between_stays_names_the_home_days(svc) -> None:
    SettingsService(svc.db).set_home_tz("Europe/Lisbon")
    svc.add_stay(paris_input())
    svc.add_stay(StayInput("Rome", "Europe/Rome", date(2027, 3, 15), date(2027, 3, 20)))
    [w] = svc.warnings()
    assert w.kind == "gap" and w.zone == "Europe/Lisbon"
    assert (w.first_date, w.last_date) == (date(2027, 3, 10), date(2027, 3, 14))  # Lisbon dates of the gap
    assert "Europe/Lisbon" in w.message


def test_gap_bridged_by_a_transit_is_not_a_gap(svc) -> None:
    svc.add_stay(paris_input(date(2027, 3, 1), date(2027, 3, 8)))
    svc.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 12), date(2027, 3, 31)))
    svc.add_transit(flight_input())
    assert "gap" not in kinds(svc)


def test_transit_from_another_place_than_the_stay_is_flagged(svc) -> None:
    svc.add_stay(StayInput("Lisbon", "Europe/Lisbon", date(2027, 3, 1), date(2027, 3, 10)))
    svc.add_transit(flight_input(datetime(2027, 3, 5, 13), datetime(2027, 3, 5, 15, 30)))
    leave, arrive = svc.warnings()
    assert leave.kind == arrive.kind == "transit_place"
    assert leave.leaving and leave.places == ("Paris", "Lisbon")
    assert (
        leave.message
        == "your flight AF346 leaves from Paris on 2027-03-05, but you are staying in Lisbon then"
    )
    assert not arrive.leaving and arrive.places == ("Montréal", "Lisbon")
