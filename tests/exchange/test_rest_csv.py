"""The generic wellbeing CSV: instants or wall times, screen and rest rows, idempotent, bad rows by line."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nomadcm.exchange import rest_csv
from nomadcm.exchange.wellbeing_io import WellbeingImportFailed
from nomadcm.services.wellbeing.records import WellbeingService
from nomadcm.services.wellbeing.wellbeing_report import build_report

DATA = Path(__file__).parent.parent / "data" / "wellbeing"
ALL = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def test_rows_become_screen_sessions_and_rest(db) -> None:  # type: ignore[no-untyped-def]
    result = rest_csv.import_file(db, DATA / "wellbeing.csv")
    assert (result.screen.added, result.rest.added) == (2, 3)
    wb = WellbeingService(db)
    rests = wb.rests_between(*ALL)
    assert [(r.kind, r.start, r.tz) for r in rests] == [
        ("break", datetime(2027, 3, 26, 11, 30, tzinfo=UTC), "Europe/Paris"),  # wall time, where she was
        ("sport", datetime(2027, 3, 26, 18, 0, tzinfo=UTC), "Europe/Paris"),  # an instant
        ("offline_social", datetime(2027, 3, 27, 14, 0, tzinfo=UTC), "Europe/Lisbon"),  # its tz column
    ]
    assert rests[2].quality == 5 and rests[0].note == "lunch walk by the canal"
    day = build_report(db, date(2027, 3, 26), date(2027, 3, 26)).days[0]
    assert day.screen_minutes == {"phone": 40, "tv": 90}
    again = rest_csv.import_file(db, DATA / "wellbeing.csv")
    assert (again.screen.added, again.rest.added, again.screen.unchanged, again.rest.unchanged) == (
        0,
        0,
        2,
        3,
    )


def test_bad_rows_are_reported_by_line(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WellbeingImportFailed) as err:
        rest_csv.import_file(db, DATA / "wellbeing-bad.csv")
    assert [str(p) for p in err.value.problems] == [
        "line 2: rest kind 'nap' is not one of sleep, break, day_off, offline_social, sport, other",
        "line 3: device '' is not one of laptop, phone, tablet, tv, other",
        "line 4: end '2027-03-26 22:30' is not after start '2027-03-26 23:00'",
        "line 5: start: 2027-03-28 02:30 does not exist in Europe/Paris: clocks jump from 02:00 to 03:00 that "
        "day; first valid time is 2027-03-28 03:00",
    ]
    assert WellbeingService(db).rests_between(*ALL) == []


def test_a_header_without_the_columns_is_refused(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_text("from,to\n")
    with pytest.raises(Exception, match="header has no start, end, kind, device column"):
        rest_csv.import_file(db, path)
