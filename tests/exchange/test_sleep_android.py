"""Sleep as Android's sleep-export.csv: header per record, unpadded hours, Tz, DST nights, re-imports."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nomadcm.errors import UserError
from nomadcm.exchange import sleep_android
from nomadcm.exchange.wellbeing_io import WellbeingImportFailed
from nomadcm.services.wellbeing.records import WellbeingService
from nomadcm.services.wellbeing.wellbeing_report import build_report

DATA = Path(__file__).parent.parent / "data" / "wellbeing"


def test_nights_are_read_in_their_own_zone() -> None:
    nights = sleep_android.parse((DATA / "sleep-export.csv").read_text(), "f")
    assert [(n.start, n.end, n.tz, n.quality, n.note) for n in nights] == [
        (
            datetime(2027, 3, 26, 22, 40, tzinfo=UTC),
            datetime(2027, 3, 27, 6, 5, tzinfo=UTC),
            "Europe/Paris",
            4,
            "#home #cafe",
        ),
        # the DST night: 23:55 CET -> 07:10 CEST is 6 h 15 of sleep
        (
            datetime(2027, 3, 27, 22, 55, tzinfo=UTC),
            datetime(2027, 3, 28, 5, 10, tzinfo=UTC),
            "Europe/Paris",
            None,
            "",
        ),
        (
            datetime(2027, 4, 2, 4, 30, tzinfo=UTC),
            datetime(2027, 4, 2, 12, 0, tzinfo=UTC),
            "America/Toronto",
            4,
            "#montreal #jetlag",
        ),
    ]


def test_import_is_idempotent_and_updates_a_re_rated_night(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = sleep_android.import_file(db, DATA / "sleep-export.csv")
    assert (first.added, first.updated, first.unchanged) == (3, 0, 0)
    again = sleep_android.import_file(db, DATA / "sleep-export.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    edited = tmp_path / "sleep-export.csv"
    edited.write_text((DATA / "sleep-export.csv").read_text().replace('"4.0","#home #cafe"', '"2.0","#home"'))
    third = sleep_android.import_file(db, edited)
    assert (third.added, third.updated, third.unchanged) == (0, 1, 2)
    rests = WellbeingService(db).rests_between(
        datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 5, 1, tzinfo=UTC)
    )
    assert next((r.kind, r.quality, r.source) for r in rests) == ("sleep", 2, "sleep_as_android")
    days = build_report(db, date(2027, 3, 27), date(2027, 3, 28)).days
    assert [d.sleep_minutes for d in days] == [445, 375]  # each night on its wake-up day


def test_a_fold_night_is_settled_by_the_id() -> None:
    header = '"Id","Tz","From","To","Sched","Hours","Rating","Comment"'
    # 31 October 2027, 02:30 happens twice in Paris; the Id (epoch ms) says it was the second one (01:30 UTC)
    ident = int(datetime(2027, 10, 31, 1, 30, tzinfo=UTC).timestamp() * 1000)
    row = f'"{ident}","Europe/Paris","31. 10. 2027 2:30","31. 10. 2027 9:00","","7.5","3.0",""'
    night = sleep_android.parse(f"{header}\n{row}\n", "f")[0]
    assert night.start == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


def test_bad_records_are_reported_by_line_and_nothing_written(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WellbeingImportFailed) as err:
        sleep_android.import_file(db, DATA / "sleep-export-bad.csv")
    assert [str(p) for p in err.value.problems] == [
        "line 2: To '27/03/2027 07:05' is not a date like '26. 03. 2027 23:40'",
        "line 5: Tz 'Europe/Pariss' is not a time zone",
        "line 7: To '01. 04. 2027 8:00' is not after From '02. 04. 2027 0:30'",
    ]
    assert (
        WellbeingService(db).rests_between(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        == []
    )


def test_a_file_that_is_not_an_export(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_text("date,hours\n2027-03-01,7\n")
    with pytest.raises(UserError, match="not a Sleep as Android export"):
        sleep_android.import_file(db, path)
