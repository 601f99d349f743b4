"""Issue 11, "Time zones to 2100": every instant from 1970 to 2100 is the one the tz database gives.

pytz's tables stop in 2037: past it, `post add --tz Europe/Paris --at "2040-07-14 12:00"` stored 11:00Z (the
winter offset in July), New York 2040-07-04 12:00 gave 17:00Z, the 2040 spring-forward gaps were accepted and
the 2040 folds read with the winter offset. nomadcm/timezones.py now computes with stdlib zoneinfo.

Oracle: stdlib `zoneinfo` reading only the `tzdata` PyPI package (tzdata 2026.6, IANA release 2026f when this
was written; `tzdata.IANA_VERSION` says which one runs). For the instants of offset changes, the TZif files of
that package themselves, read here by a small RFC 8536 parser, with the POSIX TZ rule at the end of each file
evaluated here too for the years after its last listed change (every change they give is checked against
zoneinfo). Zones: every zone NomadCM offers that zoneinfo knows; years 1970-2100, half of them after 2037.
"""

from __future__ import annotations

import copy
import functools
import itertools
import pickle
import re
import struct
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzdata
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nomadcm import timezones, zone_transitions
from nomadcm.cli import main
from tests.tzdata_oracle import tzdata_only, zi  # noqa: F401 (tzdata_only: autouse fixture)

YEAR_MIN, YEAR_MAX = 1970, 2100
ZONES = tuple(sorted(set(timezones.zone_names()) & zoneinfo.available_timezones()))
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# ---------------------------------------------------------------------- the oracle


@functools.cache
def tzif(name: str) -> tuple[tuple[tuple[int, int, int], ...], str, int]:
    """(offset changes listed in the zone's TZif file as (POSIX second, offset before, offset after) in
    seconds, the footer TZ rule that follows them, the file's last transition), per RFC 8536."""
    *folders, file = name.split("/")
    data = resources.files(".".join(["tzdata.zoneinfo", *folders])).joinpath(file).read_bytes()
    assert data[:4] == b"TZif" and data[4] >= ord("2")

    def counts(at: int) -> tuple[int, ...]:  # isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        return struct.unpack(">6l", data[at + 20 : at + 44])

    isut, isstd, leap, times, types, chars = counts(0)
    at = 44 + times * 5 + types * 6 + chars + leap * 8 + isstd + isut  # skip the 32-bit block
    isut, isstd, leap, times, types, chars = counts(at)
    at += 44
    instants = struct.unpack(f">{times}q", data[at : at + 8 * times])
    kinds = data[at + 8 * times : at + 9 * times]
    at += 9 * times
    offsets = [struct.unpack(">lBB", data[at + 6 * i : at + 6 * i + 6])[0] for i in range(types)]
    at += types * 6 + chars + leap * 12 + isstd + isut
    changes, before = [], offsets[0]
    for instant, kind in zip(instants, kinds, strict=True):
        if offsets[kind] != before:
            changes.append((instant, before, offsets[kind]))
        before = offsets[kind]
    return tuple(changes), data[at:].strip(b"\n").decode(), instants[-1] if instants else -(2**62)


_NAME = r"(?:<[^>]+>|[A-Za-z]{3,})"
_CLOCK = r"[+-]?\d{1,3}(?::\d{2}){0,2}"
_DATE = rf"M(\d{{1,2}})\.([1-5])\.([0-6])(?:/({_CLOCK}))?"
FOOTER = re.compile(rf"{_NAME}({_CLOCK})(?:{_NAME}({_CLOCK})?,{_DATE},{_DATE})?")


def clock(text: str | None, default: int) -> int:
    """Seconds of a POSIX TZ time or offset: "-9:30" -> -34200."""
    if text is None:
        return default
    sign = -1 if text.startswith("-") else 1
    parts = [int(x) for x in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def rule_day(year: int, month: int, week: int, weekday: int) -> date:
    """POSIX "Mm.w.d": the w-th weekday d (0 = Sunday) of month m; w = 5 is the last one."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - (first.weekday() + 1)) % 7 + 7 * (week - 1))
    while day.month != month:
        day -= timedelta(days=7)
    return day


@functools.cache
def footer_changes(footer: str, year: int) -> tuple[tuple[int, int, int], ...]:
    """The offset changes a TZif footer rule makes in local year `year`: (POSIX second, before, after)."""
    found = FOOTER.fullmatch(footer)
    assert found, f"footer rule {footer!r} not understood: teach this parser (POSIX TZ, RFC 8536 §3.3)"
    std_text, dst_text, *dates = found.groups()
    if dates[0] is None:  # no DST: one offset for ever
        return ()
    std = -clock(std_text, 0)  # POSIX offsets count west of Greenwich
    dst = -clock(dst_text, -std - 3600)
    changes = []
    for (month, week, weekday, at), before, after in (
        (dates[:4], std, dst),  # DST starts: read in standard time
        (dates[4:], dst, std),  # DST ends: read in DST
    ):
        day = rule_day(year, int(month), int(week), int(weekday))
        local = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=clock(at, 7200))
        changes.append((int(local.timestamp()) - before, before, after))
    return tuple(sorted(changes))


@functools.cache
def file_changes(name: str) -> tuple[tuple[int, timedelta, timedelta], ...]:
    """Every offset change of zone `name` from 1969 to 2101, from its TZif file alone: the list it holds, then
    its footer rule after the last transition listed."""
    listed, footer, last = tzif(name)
    lo = int(datetime(YEAR_MIN - 1, 1, 1, tzinfo=UTC).timestamp())
    hi = int(datetime(YEAR_MAX + 2, 1, 1, tzinfo=UTC).timestamp())
    ruled = [
        c
        for year in range(max(YEAR_MIN - 2, datetime.fromtimestamp(max(last, 0), UTC).year - 1), YEAR_MAX + 3)
        for c in footer_changes(footer, year)
        if c[0] > last
    ]
    return tuple(
        (t, timedelta(seconds=b), timedelta(seconds=a)) for t, b, a in [*listed, *ruled] if lo <= t < hi
    )


@functools.cache
def oracle_changes(name: str, year: int) -> tuple[tuple[datetime, timedelta, timedelta], ...]:
    """Offset changes of a UTC year, from the zone's file: (instant, offset before, offset after)."""
    start = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    end = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    return tuple((EPOCH + timedelta(seconds=t), b, a) for t, b, a in file_changes(name) if start <= t < end)


def oracle_meanings(wall: datetime, name: str) -> list[datetime]:
    """The instants whose local time in `name` is `wall`, earliest first: [] in a gap, two in a fold."""
    found = set()
    for fold in (0, 1):
        instant = wall.replace(tzinfo=zi(name), fold=fold).astimezone(UTC)
        if instant.astimezone(zi(name)).replace(tzinfo=None) == wall:
            found.add(instant)
    return sorted(found)


def oracle_fold_instant(wall: datetime, name: str, fold: int) -> datetime:
    return wall.replace(tzinfo=zi(name), fold=fold).astimezone(UTC)


# ---------------------------------------------------------------------- strategies

zones = st.sampled_from(ZONES)
years = st.one_of(st.integers(2038, YEAR_MAX), st.integers(YEAR_MIN, YEAR_MAX))  # half past pytz's horizon
instants = st.builds(
    lambda year, seconds: datetime(year, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds),
    years,
    st.integers(0, 365 * 86_400 - 1),
)


@st.composite
def zone_walls(draw: st.DrawFn) -> tuple[str, datetime]:
    """A zone and a wall time: most within three hours of one of its changes (where gaps and folds are)."""
    name, year = draw(zones), draw(years)
    changes = oracle_changes(name, year)
    if changes and draw(st.integers(0, 3)):
        instant, before, _after = draw(st.sampled_from(changes))
        wall = (instant + before).replace(tzinfo=None)  # what the clocks showed when they changed
        return name, wall + timedelta(
            minutes=draw(st.integers(-180, 180)), seconds=draw(st.sampled_from([0, 59]))
        )
    return name, datetime(year, 1, 1) + timedelta(minutes=draw(st.integers(0, 364 * 1440)))


# ---------------------------------------------------------------------- the cases


@pytest.mark.parametrize(
    ("zone", "wall", "utc", "abbreviation"),
    [
        ("Europe/Paris", datetime(2040, 7, 14, 12), datetime(2040, 7, 14, 10, tzinfo=UTC), "CEST"),
        ("America/New_York", datetime(2040, 7, 4, 12), datetime(2040, 7, 4, 16, tzinfo=UTC), "EDT"),
        ("Europe/Paris", datetime(2099, 7, 14, 12), datetime(2099, 7, 14, 10, tzinfo=UTC), "CEST"),
        ("Australia/Sydney", datetime(2040, 1, 1, 12), datetime(2040, 1, 1, 1, tzinfo=UTC), "AEDT"),
    ],
)
def test_summer_time_after_2037(zone: str, wall: datetime, utc: datetime, abbreviation: str) -> None:
    assert timezones.localize(wall, zone) == utc == oracle_fold_instant(wall, zone, 0)
    assert timezones.wall_at(utc, zone) == wall
    assert timezones.abbreviation(utc, zone) == abbreviation
    assert timezones.to_local(utc, zone).utcoffset() == wall - utc.replace(tzinfo=None)


@pytest.mark.parametrize(
    ("zone", "wall", "start", "end"),
    [
        ("Europe/Paris", datetime(2040, 3, 25, 2, 30), datetime(2040, 3, 25, 2), datetime(2040, 3, 25, 3)),
        (
            "America/New_York",
            datetime(2040, 3, 11, 2, 30),
            datetime(2040, 3, 11, 2),
            datetime(2040, 3, 11, 3),
        ),
    ],
)
def test_gaps_after_2037_are_refused(zone: str, wall: datetime, start: datetime, end: datetime) -> None:
    assert oracle_meanings(wall, zone) == []
    with pytest.raises(timezones.NonExistentTimeError) as caught:
        timezones.localize(wall, zone)
    assert (caught.value.gap.start, caught.value.gap.end) == (start, end)
    assert f"first valid time is {end:%Y-%m-%d %H:%M}" in str(caught.value)
    instant, gap = timezones.localize_shifting_gaps(wall, zone)
    assert gap == caught.value.gap
    assert instant == oracle_fold_instant(wall, zone, 0)  # RFC 5545: read with the offset before the jump


@pytest.mark.parametrize(
    ("zone", "wall", "first", "second"),
    [
        ("America/New_York", datetime(2040, 11, 4, 1, 30), ("EDT", -4), ("EST", -5)),
        ("Europe/Paris", datetime(2040, 10, 28, 2, 30), ("CEST", 2), ("CET", 1)),
    ],
)
def test_folds_after_2037(zone: str, wall: datetime, first: tuple[str, int], second: tuple[str, int]) -> None:
    for fold, (abbreviation, hours) in enumerate((first, second)):
        res = timezones.resolve(wall, zone, fold)
        assert res.ambiguous and res.fold == fold
        assert (
            res.instant
            == oracle_fold_instant(wall, zone, fold)
            == wall.replace(tzinfo=UTC) - timedelta(hours=hours)
        )
        assert res.other_instant == oracle_fold_instant(wall, zone, 1 - fold)
        assert timezones.localize(wall, zone, fold) == res.instant
        assert timezones.abbreviation(res.instant, zone) == abbreviation
        assert timezones.utc_offset(res.instant, zone) == timedelta(hours=hours)


def test_dst_days_after_2037_have_23_and_25_hours() -> None:
    assert timezones.local_day_span(date(2040, 3, 25), "Europe/Paris") == (
        datetime(2040, 3, 24, 23, tzinfo=UTC),
        datetime(2040, 3, 25, 22, tzinfo=UTC),
    )
    start, end = timezones.local_day_span(date(2040, 10, 28), "Europe/Paris")
    assert end - start == timedelta(hours=25)
    assert timezones.local_midnight(date(2040, 7, 14), "America/New_York") == datetime(
        2040, 7, 14, 4, tzinfo=UTC
    )


def test_post_add_in_2040_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "cm.sqlite3")]
    assert main([*db, "client", "add", "Rive Gauche", "--tz", "Europe/Paris"]) == 0
    assert main([*db, "channel", "add", "Rive Gauche", "instagram"]) == 0
    capsys.readouterr()
    post = [*db, "post", "add", "--client", "Rive Gauche", "--channel", "instagram", "--tz", "Europe/Paris"]
    assert main([*post, "--at", "2040-07-14 12:00", "--text", "14 juillet"]) == 0
    assert "2040-07-14T10:00:00Z" in capsys.readouterr().out
    assert main([*post, "--at", "2040-03-25 02:30", "--text", "trou"]) == 2
    assert "first valid time is 2040-03-25 03:00" in capsys.readouterr().err


def test_transitions_after_2037() -> None:
    assert timezones.transitions(
        "America/New_York", datetime(2040, 1, 1, tzinfo=UTC), datetime(2041, 1, 1, tzinfo=UTC)
    ) == [
        (datetime(2040, 3, 11, 7, tzinfo=UTC), timedelta(hours=-5), timedelta(hours=-4)),
        (datetime(2040, 11, 4, 6, tzinfo=UTC), timedelta(hours=-4), timedelta(hours=-5)),
    ]


# ---------------------------------------------------------------------- every zone, 1970-2100


@PROPERTY
@given(data=zone_walls(), fold=st.sampled_from([0, 1]))
def test_wall_times_mean_what_zoneinfo_says(data: tuple[str, datetime], fold: int) -> None:
    name, wall = data
    meanings = oracle_meanings(wall, name)
    res = timezones.resolve(wall, name, fold)
    if not meanings:
        assert res.instant is None and res.gap is not None and not res.ambiguous
        assert res.gap.start <= wall < res.gap.end
        assert oracle_meanings(res.gap.end, name) != []
        assert oracle_meanings(res.gap.end - timedelta(seconds=1), name) == []
        with pytest.raises(timezones.NonExistentTimeError):
            timezones.localize(wall, name, fold)
        assert timezones.localize_shifting_gaps(wall, name, fold) == (
            oracle_fold_instant(wall, name, 0),
            res.gap,
        )
    elif len(meanings) == 2:
        assert res.ambiguous and res.gap is None
        assert res.instant == meanings[fold] == oracle_fold_instant(wall, name, fold)
        assert res.other_instant == meanings[1 - fold]
        assert timezones.localize(wall, name, fold) == meanings[fold]
    else:
        assert not res.ambiguous and res.gap is None
        assert res.instant == meanings[0] == timezones.localize(wall, name, fold)
        assert timezones.localize_shifting_gaps(wall, name, fold) == (meanings[0], None)


@PROPERTY
@given(name=zones, instant=instants)
def test_instants_read_as_zoneinfo_reads_them(name: str, instant: datetime) -> None:
    theirs = instant.astimezone(zi(name))
    ours = timezones.to_local(instant, name)
    assert ours == instant and ours.utcoffset() == theirs.utcoffset() and ours.fold == theirs.fold
    assert timezones.wall_at(instant, name) == theirs.replace(tzinfo=None)
    assert timezones.utc_offset(instant, name) == theirs.utcoffset()
    assert timezones.abbreviation(instant, name) == theirs.tzname()
    naive = instant.replace(tzinfo=None)
    start, end, offset = timezones.offset_span(naive, name)
    assert start <= naive < end and offset == theirs.utcoffset()
    inside = [
        c
        for year in range(max(start.year, YEAR_MIN - 1), min(end.year, YEAR_MAX + 1) + 1)
        for c in oracle_changes(name, year)
        if start < c[0].replace(tzinfo=None) < end
    ]
    assert inside == [], "the offset changes inside the stretch"


@PROPERTY
@given(name=zones, year=years)
def test_transitions_are_the_files(name: str, year: int) -> None:
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    assert timezones.transitions(name, start, end) == list(oracle_changes(name, year))


def test_the_oracle_reads_the_files_as_zoneinfo_does() -> None:
    """Each change the files give (listed, or made by a footer rule up to 2100) is one for zoneinfo too."""
    for name in sorted(zoneinfo.available_timezones()):  # the tzdata package's list (no system files here)
        zone = zi(name)
        for t, before, after in file_changes(name):
            moment = EPOCH + timedelta(seconds=t)
            assert (moment - timedelta(seconds=1)).astimezone(zone).utcoffset() == before, (name, moment)
            assert moment.astimezone(zone).utcoffset() == after, (name, moment)
    assert oracle_changes("Europe/Paris", 2040)[0] == (
        datetime(2040, 3, 25, 1, tzinfo=UTC),
        timedelta(hours=1),
        timedelta(hours=2),
    )


def test_the_scan_step_sees_every_change() -> None:
    """zone_transitions.py finds offset changes by reading each zone's offset once a day (of wall time) and
    bisecting where it differs: exact only if no zone changes its offset twice within one step. Checked on
    every zone of the tzdata release installed, 1970-2100: the closest two changes of one zone are a week
    apart (Brazil 2000, the rule of Gaza and Hebron)."""
    closest = min(
        (b[0] - a[0], name)
        for name in zoneinfo.available_timezones()
        for a, b in itertools.pairwise(file_changes(name))
    )
    assert timedelta(seconds=closest[0]) > 2 * zone_transitions.SCAN_STEP, closest


# ---------------------------------------------------------------------- the rules and the zone objects


def test_rules_are_the_tzdata_packages() -> None:
    assert timezones.rules_version() == f"tzdata {tzdata.IANA_VERSION}"
    zone = timezones.get_zone(" america/new_YORK ")
    assert isinstance(zone, ZoneInfo) and zone.key == "America/New_York"
    assert zone is timezones.get_zone("America/New_York")  # one object per zone, whatever the spelling
    assert not timezones.is_zone("Factory") and not timezones.is_zone("localtime")


def test_local_times_pickle_and_copy() -> None:
    local = timezones.to_local(datetime(2040, 11, 4, 6, 30, tzinfo=UTC), "America/New_York")
    assert local.fold == 1
    for clone in (pickle.loads(pickle.dumps(local)), copy.deepcopy(local)):
        assert clone == local and clone.utcoffset() == timedelta(hours=-5)
        assert clone.tzinfo is timezones.get_zone("America/New_York")
