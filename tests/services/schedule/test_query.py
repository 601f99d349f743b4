"""The one schedule query: rows, count and stream agree, every filter selects the same set through all three,
and "your time" is the instant's wall clock where the CM is (checked against the stdlib's zoneinfo)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from nomadcm.errors import NotFoundError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.series import OPEN_SERIES_HORIZON, Occurrence
from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.storage import Database

NOW = datetime(2027, 3, 20, 12, tzinfo=UTC)  # fixed: the open-ended series stops a horizon after this
PARIS, TORONTO, AUCKLAND = "Europe/Paris", "America/Toronto", "Pacific/Auckland"


def instant(wall: datetime, zone: str) -> datetime:
    """The oracle for a wall time's instant: the stdlib's zoneinfo (no gaps or folds used here)."""
    return wall.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_date(o: Occurrence) -> date:
    """The audience's local date of a row, from its instant and zone by zoneinfo."""
    return o.utc.astimezone(ZoneInfo(o.tz)).date()


def ident(o: Occurrence) -> tuple[Any, ...]:
    """Everything a view shows of a row."""
    return (o.post_id, o.series_wall, o.utc, o.wall, o.tz, o.status, o.text, o.channel_id, o.cm, o.cm_wall)


def paged(query: ScheduleQuery, limit: int, descending: bool = False) -> list[Occurrence]:
    """Every row by keyset pages of `limit`."""
    out: list[Occurrence] = []
    after = None
    while True:
        page = query.rows(after=after, limit=limit, descending=descending)
        assert len(page) <= limit
        out.extend(page)
        if len(page) < limit:
            return out
        after = page[-1].key


# ---------------------------------------------------------------------- a schedule with every kind of row


@dataclass
class Mix:
    erable_client: int
    erable_x: int
    erable_insta: int
    lea_client: int
    lea_insta: int
    kiwi_client: int
    kiwi_fb: int
    early_tie: int  # single created before the Monday series, at one of its instants (lower id)
    sale: int
    carte: int
    late_tie: int  # single created after the Monday series, at one of its instants (higher id)
    surf: int
    mondays: int  # weekly, Paris, across the March DST change
    thursdays: int  # weekly, Toronto, one occurrence deleted, one edited and moved, one set to draft
    daily: int  # open-ended daily, Auckland (its DST ends on 4 April)


@pytest.fixture
def mix(services: Services) -> Mix:
    clients = services.clients
    erable = clients.add_client("Érable Café", TORONTO, country="CA")
    lea = clients.add_client("Maison Léa", PARIS, country="FR")
    kiwi = clients.add_client("Kiwi Surf", AUCKLAND, country="NZ")
    erable_x = clients.add_channel(erable.id, "x", "@erable").id
    erable_insta = clients.add_channel(erable.id, "instagram").id
    lea_insta = clients.add_channel(lea.id, "instagram").id
    kiwi_fb = clients.add_channel(kiwi.id, "facebook").id
    add = services.posts.add

    early_tie = add(PostDraft(erable_x, "Même instant, avant", datetime(2027, 3, 29, 3))).id  # 07:00Z
    mondays = add(
        PostDraft(
            lea_insta, "Lundi café_crème", datetime(2027, 3, 15, 9), rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=6"
        )
    ).id
    sale = add(PostDraft(lea_insta, "Soldes: 50% sur tout", datetime(2027, 3, 20, 10))).id
    carte = add(PostDraft(lea_insta, "Nouvelle carte_été", datetime(2027, 3, 28, 9), status="draft")).id
    late_tie = add(PostDraft(erable_insta, "Même instant, après", datetime(2027, 3, 22, 4))).id  # 08:00Z
    surf = add(PostDraft(kiwi_fb, "Session SURF ÉTÉ", datetime(2027, 3, 29, 0, 30))).id  # 28 Mar 11:30Z
    thursdays = add(
        PostDraft(erable_x, "Série d'été du jeudi", datetime(2027, 3, 4, 18), rrule="FREQ=WEEKLY;COUNT=8")
    ).id
    daily = add(PostDraft(kiwi_fb, "Surf du matin", datetime(2027, 3, 10, 7), rrule="FREQ=DAILY")).id

    editor = services.occurrence_editor
    editor.delete(thursdays, datetime(2027, 3, 18, 18), "one")
    series, occ = editor.occurrence(thursdays, datetime(2027, 3, 25, 18))
    draft = editor._draft_of(series, occ)
    draft.text, draft.wall = "Spécial 100% érable", datetime(2027, 3, 26, 12)
    editor.edit(thursdays, datetime(2027, 3, 25, 18), draft, "one")
    editor.set_status(thursdays, datetime(2027, 4, 1, 18), "draft")
    return Mix(
        erable.id,
        erable_x,
        erable_insta,
        lea.id,
        lea_insta,
        kiwi.id,
        kiwi_fb,
        early_tie,
        sale,
        carte,
        late_tie,
        surf,
        mondays,
        thursdays,
        daily,
    )


def expected_daily() -> list[datetime]:
    """The open-ended daily series' instants up to its horizon, by zoneinfo."""
    horizon = NOW + OPEN_SERIES_HORIZON
    out, day = [], datetime(2027, 3, 10, 7)
    while (utc := instant(day, AUCKLAND)) < horizon:
        out.append(utc)
        day += timedelta(days=1)
    return out


def expected_rows(m: Mix) -> list[tuple[int, datetime, str]]:
    """(post, instant, text) of every row, computed without NomadCM, in (utc, post id) order."""
    rows = [
        (m.early_tie, instant(datetime(2027, 3, 29, 3), TORONTO), "Même instant, avant"),
        (m.sale, instant(datetime(2027, 3, 20, 10), PARIS), "Soldes: 50% sur tout"),
        (m.carte, instant(datetime(2027, 3, 28, 9), PARIS), "Nouvelle carte_été"),
        (m.late_tie, instant(datetime(2027, 3, 22, 4), TORONTO), "Même instant, après"),
        (m.surf, instant(datetime(2027, 3, 29, 0, 30), AUCKLAND), "Session SURF ÉTÉ"),
    ]
    for day in (datetime(2027, 3, 15, 9) + timedelta(weeks=k) for k in range(6)):
        rows.append((m.mondays, instant(day, PARIS), "Lundi café_crème"))
    for k in range(8):
        day = datetime(2027, 3, 4, 18) + timedelta(weeks=k)
        if day.day == 18:
            continue  # deleted
        if day.day == 25:
            rows.append((m.thursdays, instant(datetime(2027, 3, 26, 12), TORONTO), "Spécial 100% érable"))
            continue
        rows.append((m.thursdays, instant(day, TORONTO), "Série d'été du jeudi"))
    rows += [(m.daily, utc, "Surf du matin") for utc in expected_daily()]
    return sorted(rows, key=lambda r: (r[1], r[0]))


def test_the_mix_is_what_the_other_tests_rely_on(db: Database, mix: Mix) -> None:
    got = [(o.post_id, o.utc, o.text) for o in ScheduleQuery(db, now=NOW).stream()]
    assert got == expected_rows(mix)
    rows = {(o.post_id, o.utc): o for o in ScheduleQuery(db, now=NOW).stream()}
    # the Monday series keeps 09:00 Paris across the change on 28 March: 08:00Z before, 07:00Z after
    mondays = [o for o in rows.values() if o.post_id == mix.mondays]
    assert {o.wall.time().hour for o in mondays} == {9}
    assert [o.utc.hour for o in mondays] == [8, 8, 7, 7, 7, 7]
    # ties: a single post at a series occurrence's instant sorts by post id
    tie_early = rows[(mix.early_tie, instant(datetime(2027, 3, 29, 9), PARIS))]
    tie_late = rows[(mix.late_tie, instant(datetime(2027, 3, 22, 9), PARIS))]
    assert tie_early.series_wall is None and tie_late.series_wall is None
    edited = [o for o in rows.values() if o.text.startswith("Spécial")]
    assert len(edited) == 1 and edited[0].moved and edited[0].edited
    assert edited[0].series_wall == datetime(2027, 3, 25, 18) and edited[0].wall == datetime(2027, 3, 26, 12)
    assert [o.status for o in rows.values() if o.status == "draft" and o.post_id == mix.thursdays] == [
        "draft"
    ]
    assert len(expected_daily()) > 365  # about a year of days, ending at the horizon


# ---------------------------------------------------------------------- (1) count == stream == rows


@pytest.mark.parametrize("limit", [1, 7, 100, 10_000])
def test_count_equals_stream_equals_rows_paged_both_ways(db: Database, mix: Mix, limit: int) -> None:
    query = ScheduleQuery(db, now=NOW)
    stream = list(query.stream())
    forward = paged(query, limit)
    backward = paged(query, limit, descending=True)
    assert query.count() == len(stream) == len(forward) == len(backward) == len(expected_rows(mix))
    assert [ident(o) for o in forward] == [ident(o) for o in stream]
    assert [ident(o) for o in backward] == [ident(o) for o in reversed(stream)]
    assert len({(o.post_id, o.utc) for o in stream}) == len(stream)  # no row twice


def test_the_container_gives_the_same_query(services: Services, mix: Mix) -> None:
    query = services.schedule(ScheduleFilter(), now=NOW)
    assert query.count() == len(expected_rows(mix))
    assert [o.key for o in query.rows(limit=10_000)] == [(r[1], r[0]) for r in expected_rows(mix)]


def test_the_open_ended_series_alone_is_counted_to_its_horizon(db: Database, mix: Mix) -> None:
    query = ScheduleQuery(db, ScheduleFilter(post_ids=(mix.daily,)), now=NOW)
    expected = expected_daily()
    assert query.count() == len(expected)
    assert [o.utc for o in query.stream()] == expected
    assert [o.utc for o in paged(query, 50)] == expected
    assert [o.utc for o in paged(query, 50, descending=True)] == expected[::-1]
    later = ScheduleQuery(db, ScheduleFilter(post_ids=(mix.daily,)), now=NOW + timedelta(days=30))
    assert later.count() == len(expected) + 30  # the horizon follows `now`


# ---------------------------------------------------------------------- (2) every filter, three ways


def _fold(text: str) -> str:
    return text.lower()


def _filters(m: Mix) -> Iterator[tuple[str, ScheduleFilter, Callable[[Occurrence], bool]]]:
    erable_posts = {m.early_tie, m.late_tie, m.thursdays}
    yield "client_id", ScheduleFilter(client_id=m.erable_client), lambda o: o.post_id in erable_posts
    yield "client_name", ScheduleFilter(client_name="ÉRABLE CAFÉ"), lambda o: o.post_id in erable_posts
    yield (
        "client_name decomposed, spaced",
        ScheduleFilter(client_name="  e\u0301rable   cafe\u0301 "),
        lambda o: o.post_id in erable_posts,
    )
    yield (
        "channel_id",
        ScheduleFilter(channel_id=m.erable_x),
        lambda o: o.post_id in {m.early_tie, m.thursdays},
    )
    yield (
        "statuses draft",
        ScheduleFilter(statuses=("draft",)),
        lambda o: (
            o.post_id == m.carte
            or (o.post_id == m.thursdays and o.utc == instant(datetime(2027, 4, 1, 18), TORONTO))
        ),
    )
    yield "statuses published", ScheduleFilter(statuses=("published",)), lambda o: False
    for lo, hi in [
        (date(2027, 3, 29), date(2027, 3, 29)),
        (date(2027, 3, 20), date(2027, 4, 5)),
        (date(2027, 3, 28), None),
        (None, date(2027, 3, 22)),
        (date(2027, 3, 25), date(2027, 3, 25)),  # the edited Thursday's own date: it moved away
        (date(2027, 3, 26), date(2027, 3, 26)),  # ...to this one
    ]:
        yield (
            f"dates {lo}..{hi}",
            ScheduleFilter(date_from=lo, date_to=hi),
            lambda o, lo=lo, hi=hi: (
                (lo is None or lo <= local_date(o)) and (hi is None or local_date(o) <= hi)
            ),
        )
    start = datetime(2027, 3, 22, 9, tzinfo=ZoneInfo(PARIS))  # a tie instant: included
    end = datetime(2027, 3, 29, 7, tzinfo=UTC)  # another tie instant: excluded
    yield "start/end", ScheduleFilter(start=start, end=end), lambda o: start <= o.utc < end
    yield "start only", ScheduleFilter(start=end), lambda o: o.utc >= end
    yield "end only", ScheduleFilter(end=start), lambda o: o.utc < start
    for q in [
        "50%",
        "%",
        "_",
        "SOLDES",
        "surf",
        "LUNDI CAFÉ",
        "lundi café",
        "été",
        "ÉTÉ",
        "Spécial 100%",
        "série D'ÉTÉ",
        "%sur",
        "e_e",
        "nothing like it",
    ]:
        yield f"search {q!r}", ScheduleFilter(search=q), lambda o, q=q: _fold(q) in _fold(o.text)
    ids = (m.mondays, m.sale, m.thursdays, 999_999)
    yield "post_ids", ScheduleFilter(post_ids=ids), lambda o: o.post_id in ids
    yield "post_ids empty", ScheduleFilter(post_ids=()), lambda o: False
    yield (
        "combined",
        ScheduleFilter(
            client_id=m.kiwi_client, search="SURF", date_from=date(2027, 3, 29), statuses=("scheduled",)
        ),
        lambda o: o.post_id in {m.surf, m.daily} and local_date(o) >= date(2027, 3, 29),
    )


def test_every_filter_gives_the_same_set_from_rows_count_and_stream(db: Database, mix: Mix) -> None:
    everything = list(ScheduleQuery(db, now=NOW).stream())
    for name, flt, keep in _filters(mix):
        query = ScheduleQuery(db, flt, now=NOW)
        stream = [ident(o) for o in query.stream()]
        expected = [ident(o) for o in everything if keep(o)]
        assert stream == expected, name
        assert query.count() == len(expected), name
        assert [ident(o) for o in paged(query, 9)] == expected, name
        assert [ident(o) for o in paged(query, 9, descending=True)] == expected[::-1], name


def test_filters_select_what_they_say(db: Database, mix: Mix) -> None:
    """The oracles above are not vacuous: each filter keeps a known, non-trivial part."""

    def ids(flt: ScheduleFilter) -> list[int]:
        return sorted({o.post_id for o in ScheduleQuery(db, flt, now=NOW).stream()})

    def texts(flt: ScheduleFilter) -> set[str]:
        return {o.text for o in ScheduleQuery(db, flt, now=NOW).stream()}

    assert ids(ScheduleFilter(client_name="ÉRABLE CAFÉ")) == sorted(
        [mix.early_tie, mix.late_tie, mix.thursdays]
    )
    assert ids(ScheduleFilter(search="50%")) == [mix.sale]
    assert texts(ScheduleFilter(search="%")) == {"Soldes: 50% sur tout", "Spécial 100% érable"}
    assert texts(ScheduleFilter(search="_")) == {"Nouvelle carte_été", "Lundi café_crème"}
    assert texts(ScheduleFilter(search="e_e")) == set()  # "_" is not a wildcard
    assert texts(ScheduleFilter(search="%sur")) == set()  # nor is "%"
    # Letters ignore case, accented ones too, in single and recurring posts alike, on SQLite and PostgreSQL
    assert texts(ScheduleFilter(search="surf")) == {"Session SURF ÉTÉ", "Surf du matin"}
    assert texts(ScheduleFilter(search="LUNDI CAFÉ")) == {"Lundi café_crème"}
    assert texts(ScheduleFilter(search="LUNDI café")) == {"Lundi café_crème"}
    summer = {"Nouvelle carte_été", "Série d'été du jeudi", "Session SURF ÉTÉ"}
    assert texts(ScheduleFilter(search="été")) == summer
    assert texts(ScheduleFilter(search="ÉTÉ")) == summer
    assert texts(ScheduleFilter(search="SÉRIE D'été")) == {"Série d'été du jeudi"}
    assert texts(ScheduleFilter(search="séRIE D'été")) == {"Série d'été du jeudi"}
    # the edited occurrence is found by its own text, and no longer by the series'
    spec = list(ScheduleQuery(db, ScheduleFilter(search="spécial"), now=NOW).stream())
    assert [(o.post_id, o.series_wall) for o in spec] == [(mix.thursdays, datetime(2027, 3, 25, 18))]
    assert datetime(2027, 3, 25, 18) not in {
        o.series_wall for o in ScheduleQuery(db, ScheduleFilter(search="jeudi"), now=NOW).stream()
    }
    # audience dates: the Auckland post at 00:30 on the 29th is on the 28th in UTC
    day = [
        (o.post_id, o.wall)
        for o in ScheduleQuery(
            db, ScheduleFilter(date_from=date(2027, 3, 29), date_to=date(2027, 3, 29)), now=NOW
        ).stream()
    ]
    assert (mix.surf, datetime(2027, 3, 29, 0, 30)) in day
    assert (mix.daily, datetime(2027, 3, 29, 7)) in day
    assert (mix.early_tie, datetime(2027, 3, 29, 3)) in day and (mix.mondays, datetime(2027, 3, 29, 9)) in day
    assert len(day) == 4
    drafts = ScheduleQuery(db, ScheduleFilter(statuses=("draft",)), now=NOW)
    assert drafts.count() == 2


def test_an_occurrence_moved_before_its_series_start_is_in_every_listing(services: Services) -> None:
    """The first Monday moved a fortnight earlier: rows both ways, count and stream all list it."""
    client = services.clients.add_client("Maison Léa", PARIS)
    channel = services.clients.add_channel(client.id, "instagram").id
    post = services.posts.add(
        PostDraft(channel, "Lundi", datetime(2027, 3, 15, 9), rrule="FREQ=WEEKLY;COUNT=3")
    )
    single = services.posts.add(PostDraft(channel, "seul", datetime(2027, 3, 10, 9)))
    editor = services.occurrence_editor
    series, occ = editor.occurrence(post.id, datetime(2027, 3, 15, 9))
    draft = editor._draft_of(series, occ)
    draft.wall = datetime(2027, 3, 1, 9)
    editor.edit(post.id, datetime(2027, 3, 15, 9), draft, "one")
    expected = [
        (post.id, instant(datetime(2027, 3, 1, 9), PARIS)),
        (single.id, instant(datetime(2027, 3, 10, 9), PARIS)),
        (post.id, instant(datetime(2027, 3, 22, 9), PARIS)),
        (post.id, instant(datetime(2027, 3, 29, 9), PARIS)),
    ]
    query = services.schedule(now=NOW)
    assert [(o.post_id, o.utc) for o in query.stream()] == expected
    assert query.count() == 4
    for limit in (1, 2, 200):
        assert [(o.post_id, o.utc) for o in paged(query, limit)] == expected, limit
        assert [(o.post_id, o.utc) for o in paged(query, limit, descending=True)] == expected[::-1], limit


def test_a_rule_this_version_cannot_read_still_lists_the_post(db: Database, services: Services) -> None:
    """A database written by a newer NomadCM: the post is listed as its first occurrence (load_series),
    not dropped from the schedule, its count and its exports."""
    client = services.clients.add_client("Maison Léa", PARIS)
    channel = services.clients.add_channel(client.id, "instagram").id
    post = services.posts.add(
        PostDraft(channel, "Annuel", datetime(2027, 3, 15, 9), rrule="FREQ=WEEKLY;COUNT=3")
    )
    with db.write() as s:
        s.execute(text("UPDATE post SET rrule = 'FREQ=YEARLY;RSCALE=HEBREW' WHERE id = :i"), {"i": post.id})
    assert services.posts.get(post.id).rrule == "FREQ=YEARLY;RSCALE=HEBREW"
    query = services.schedule(now=NOW)
    assert [(o.post_id, o.utc) for o in query.stream()] == [(post.id, post.utc)]
    assert query.count() == 1
    assert [(o.post_id, o.utc) for o in query.rows()] == [(post.id, post.utc)]
    assert [(o.post_id, o.utc) for o in query.rows(descending=True)] == [(post.id, post.utc)]


def test_an_unknown_client_name_is_refused_when_the_query_is_made(db: Database, mix: Mix) -> None:
    with pytest.raises(NotFoundError, match="'Nobody'"):
        ScheduleQuery(db, ScheduleFilter(client_name="Nobody"))


# ---------------------------------------------------------------------- (3) your time

HOME = "Europe/Lisbon"
MTL_START = instant(datetime(2027, 3, 5), TORONTO)  # Montréal stay 5-26 March (Toronto's DST: 14 March)
DEPART = instant(datetime(2027, 3, 26, 19, 30), TORONTO)
ARRIVE = instant(datetime(2027, 3, 27, 8, 15), PARIS)
PARIS_END = instant(datetime(2027, 4, 11), PARIS)  # Paris stay 27 March - 10 April (Paris's DST: 28 March)


def expected_zone(utc: datetime) -> tuple[str, bool]:
    """Where she is, by the itinerary's rules written out for this trip: (zone, in transit)."""
    if utc < MTL_START:
        return HOME, False
    if utc < DEPART:
        return TORONTO, False
    if utc < ARRIVE:
        return TORONTO, True  # in the air: the departure zone
    if utc < PARIS_END:
        return PARIS, False
    return HOME, False


@pytest.fixture
def trip(services: Services) -> Services:
    services.settings.set_home_tz(HOME)
    services.trips.add_stay(StayInput("Montréal", TORONTO, date(2027, 3, 5), date(2027, 3, 26), "CA"))
    services.trips.add_transit(
        TransitInput(
            "flight",
            "Montréal",
            TORONTO,
            "Paris",
            PARIS,
            datetime(2027, 3, 26, 19, 30),
            datetime(2027, 3, 27, 8, 15),
            ref="AC870",
        )
    )
    services.trips.add_stay(StayInput("Paris", PARIS, date(2027, 3, 27), date(2027, 4, 10), "FR"))
    return services


def test_a_post_during_the_flight_is_at_the_departure_zones_time(trip: Services) -> None:
    client = trip.clients.add_client("Île Intense", "Indian/Reunion")
    channel = trip.clients.add_channel(client.id, "instagram").id
    post = trip.posts.add(PostDraft(channel, "Bonjour La Réunion", datetime(2027, 3, 27, 6)))
    series = trip.posts.add(
        PostDraft(channel, "Chaque matin", datetime(2027, 3, 25, 6), rrule="FREQ=DAILY;COUNT=5")
    )
    oracle = datetime(2027, 3, 27, 6, tzinfo=ZoneInfo("Indian/Reunion")).astimezone(UTC)
    assert oracle == datetime(2027, 3, 27, 2, tzinfo=UTC)
    assert DEPART <= oracle < ARRIVE
    cm_wall = oracle.astimezone(ZoneInfo(TORONTO)).replace(tzinfo=None)
    assert cm_wall == datetime(2027, 3, 26, 22, 0)
    query = trip.schedule(ScheduleFilter(start=oracle, end=oracle + timedelta(minutes=1)), now=NOW)
    for rows in (list(query.stream()), query.rows(), query.rows(descending=True)[::-1]):
        assert [(o.post_id, o.utc) for o in rows] == [(post.id, oracle), (series.id, oracle)]
        for o in rows:
            assert o.cm is not None and o.cm.in_transit and o.in_transit
            assert (o.cm_zone, o.cm_wall, o.cm_abbr) == (TORONTO, cm_wall, "EDT")
            assert o.cm.place == "Montréal"
    # the series' other mornings: in Montréal before, in Paris after
    walls = {
        o.wall.day: (o.cm_zone, o.cm_wall, o.in_transit)
        for o in trip.schedule(now=NOW).stream()
        if o.post_id == series.id
    }
    assert walls[25] == (TORONTO, datetime(2027, 3, 24, 22), False)
    assert walls[28] == (PARIS, datetime(2027, 3, 28, 4), False)  # CEST since 02:00 that night
    assert walls[29] == (PARIS, datetime(2027, 3, 29, 4), False)


ZONES = [PARIS, TORONTO, AUCKLAND, "Indian/Reunion", "Asia/Kathmandu", "America/St_Johns", "UTC", HOME]


def _instants(seed: int, n: int) -> list[datetime]:
    rng = random.Random(seed)
    lo, hi = datetime(2027, 2, 25, tzinfo=UTC), datetime(2027, 4, 20, tzinfo=UTC)
    minutes = int((hi - lo) / timedelta(minutes=1))
    picks = [lo + timedelta(minutes=rng.randrange(minutes)) for _ in range(n)]
    edges = [
        MTL_START,
        DEPART,
        ARRIVE,
        PARIS_END,
        instant(datetime(2027, 3, 27), PARIS),
        datetime(2027, 3, 14, 7, tzinfo=UTC),
        datetime(2027, 3, 28, 1, tzinfo=UTC),
    ]
    for e in edges:  # every itinerary edge and the DST changes of the zones she is in, a minute either side
        picks += [e - timedelta(minutes=1), e, e + timedelta(minutes=1)]
    return picks


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_your_time_is_the_wall_clock_where_she_is(trip: Services, seed: int) -> None:
    rng = random.Random(seed * 7919)
    clients = {z: trip.clients.add_client(f"Client {z}", z) for z in ZONES}
    channels = {z: trip.clients.add_channel(c.id, "blog").id for z, c in clients.items()}
    wanted = _instants(seed, 150)
    for utc in wanted:
        zone = rng.choice(ZONES)
        wall = utc.astimezone(ZoneInfo(zone))  # fold set by zoneinfo where a wall time happens twice
        post = trip.posts.add(
            PostDraft(
                channels[zone], f"à {utc:%d/%m %H:%M}Z", wall.replace(tzinfo=None, fold=0), fold=wall.fold
            )
        )
        assert post.utc == utc  # the stored instant is the one meant
    series_start = datetime(2027, 3, 1, 23, 45)  # daily in Auckland, across its DST end on 4 April
    trip.posts.add(PostDraft(channels[AUCKLAND], "chaque nuit", series_start, rrule="FREQ=DAILY;COUNT=50"))

    query = trip.schedule(now=NOW)
    stream = list(query.stream())
    assert query.count() == len(stream) == len(wanted) + 50
    assert sorted(o.utc for o in stream if o.series_wall is None) == sorted(wanted)
    itinerary = trip.itinerary()
    for rows in (stream, paged(query, 17), paged(query, 17, descending=True)):
        assert len(rows) == len(stream)
        for o in rows:
            zone, flying = expected_zone(o.utc)
            assert o.cm is not None
            assert (o.cm_zone, o.in_transit) == (zone, flying), o.utc
            assert o.cm_wall == o.utc.astimezone(ZoneInfo(o.cm_zone)).replace(tzinfo=None), o.utc
            assert o.cm == itinerary.where(o.utc), o.utc  # the sweep's stretches never go stale
    assert {expected_zone(o.utc) for o in stream} == {
        (HOME, False),
        (TORONTO, False),
        (TORONTO, True),
        (PARIS, False),
    }
