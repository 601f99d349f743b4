"""Sleep as Android's sleep-export.csv: header per record, unpadded hours, Tz, DST nights, re-imports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nomadcm.errors import UserError
from nomadcm.exchange import sleep_android
from nomadcm.exchange.wellbeing_io import WellbeingImportFailed
from nomadcm.services.settings import SettingsService
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


# --------------------------------------------------------------------------- a real export (London, 2020)

# Public files, trimmed (sources in tests/data/wellbeing/README.md): a real export, and a real export that
# a spreadsheet re-saved (`1.59287E+12` Ids).
REAL = DATA / "sleep-export-london-2020.csv"
SPREADSHEET = DATA / "sleep-export-spreadsheet-2020.csv"
LONDON = "Europe/London"


def london(text: str) -> datetime:
    """A London wall time read by the stdlib (tzdata), not by the code under test."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(LONDON)).astimezone(UTC)


def resave_like_a_spreadsheet(text: str, delimiter: str = ",", decimal: str = ".") -> str:
    """What a spreadsheet writes back after opening the export (General format), as in the real re-saved
    copy of the README: quotes dropped, 13-digit Ids shown with 6 significant digits (`1.58516E+12`),
    numbers without trailing zeros (`8.820` -> `8.82`, `-1.0` -> `-1`), text and `dd. MM. yyyy H:mm`
    dates left alone, CRLF line ends. `;` and a decimal comma are what a French or German one writes."""
    out = []
    for cells in csv.reader(io.StringIO(text, newline="")):
        written = []
        for cell in cells:
            try:
                number = float(cell)
            except ValueError:
                written.append(cell)
                continue
            shown = f"{number:.6G}" if abs(number) >= 1e11 else f"{number:.10G}"
            written.append(shown.replace(".", decimal))
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(written)
        out.append(buffer.getvalue())
    return "".join(out)


def test_a_real_export_is_read_night_by_night() -> None:
    nights = sleep_android.parse(REAL.read_text(), "f")
    assert len(nights) == 11
    by_id = {n.source_id: n for n in nights}
    # the night of the issue: 25 March 17:47 -> 26 March 02:37 (GMT = UTC before 29 March)
    issue = by_id["Europe/London 2020-03-25 17:47"]
    assert (issue.start, issue.end) == (london("2020-03-25 17:47"), london("2020-03-26 02:37"))
    assert issue.end - issue.start == timedelta(minutes=530)
    # the spring-forward night: 16:04 GMT -> 02:11 BST is 9 h 07 (Hours says 9.110)
    dst = by_id["Europe/London 2020-03-28 16:04"]
    assert (dst.start, dst.end) == (london("2020-03-28 16:04"), london("2020-03-29 02:11"))
    assert dst.end - dst.start == timedelta(minutes=547)
    # added by hand in the app, 03:00 -> 04:00 BST on the DST day
    manual = by_id["Europe/London 2020-03-29 03:00"]
    assert (manual.start, manual.end, manual.note) == (
        datetime(2020, 3, 29, 2, tzinfo=UTC),
        datetime(2020, 3, 29, 3, tzinfo=UTC),
        "Manually added",
    )
    assert all(n.tz == LONDON and n.quality is None for n in nights)  # "0.0": not rated


def test_real_nights_count_for_the_day_they_end_in(db) -> None:  # type: ignore[no-untyped-def]
    SettingsService(db).set_home_tz(LONDON)
    sleep_android.import_file(db, REAL)
    days = build_report(db, date(2020, 3, 23), date(2020, 3, 31)).days
    assert [(d.day.day, d.sleep_minutes) for d in days] == [
        (23, 154),  # 16:53 -> 19:27
        (24, 0),
        # 17:47 -> 02:37 the next morning ends before the 04:00 day start of the 26th: the 25th's
        (25, 530),
        # 02:37 -> 06:10 (woke after 04:00) and the 14:47 -> 22:23 sleep: 213 + 456. The two nights
        # touch at 02:37; they used to be joined into one 17:47 -> 06:10 sleep, all on the 26th (1,199)
        (26, 669),
        (27, 486),  # 14:16 -> 22:22
        # 16:04 GMT -> 02:11 BST (547) across the spring-forward, and 03:00 -> 04:00 BST (60), which ends
        # at the day start exactly: wholly in the 28th, a 23-hour day
        (28, 547 + 60),
        (29, 308),  # 19:56 -> 01:04 across midnight, before 04:00
        (30, 235 + 258),  # 01:27 -> 05:22 (all after midnight, ends after 04:00) + 22:23 -> 02:41
        (31, 292),  # 03:11 -> 08:03
    ]
    assert days[5].hours == 23
    # the same from the raw file with the stdlib and the documented rule: a night is the day's whose
    # clock had passed 04:00 before the night ended (an end at 04:00 sharp is the day before's)
    oracle: dict[date, float] = {}
    for cells in csv.reader(io.StringIO(REAL.read_text())):
        if cells[0] != "Id":
            start, end = (datetime.strptime(cells[i], "%d. %m. %Y %H:%M") for i in (2, 3))
            day = (end - timedelta(hours=4, microseconds=1)).date()
            length = london(f"{end:%Y-%m-%d %H:%M}") - london(f"{start:%Y-%m-%d %H:%M}")
            oracle[day] = oracle.get(day, 0) + length / timedelta(minutes=1)
    assert [d.sleep_minutes for d in days] == [oracle.get(d.day, 0) for d in days]


def test_a_spreadsheet_copy_places_the_same_nights_and_adds_nothing(db) -> None:  # type: ignore[no-untyped-def]
    original = sleep_android.parse(REAL.read_text(), "f")
    for delimiter, decimal in ((",", "."), (";", ",")):
        text = resave_like_a_spreadsheet(REAL.read_text(), delimiter, decimal)
        assert "1.58516E+12" in text.replace(",", ".")  # the Id of the issue's night, rounded
        again = sleep_android.parse(text, "f")
        assert [(n.source_id, n.start, n.end, n.tz, n.quality) for n in again] == [
            (n.source_id, n.start, n.end, n.tz, n.quality) for n in original
        ]
    first = sleep_android.import_file(db, REAL)
    assert (first.added, first.updated, first.unchanged) == (11, 0, 0)
    resaved = resave_like_a_spreadsheet(REAL.read_text())
    summary = sleep_android.import_nights(db, sleep_android.parse(resaved, "resaved"))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 11)


def test_the_copy_first_then_the_original_adds_nothing(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    resaved = tmp_path / "sleep-export.csv"
    resaved.write_text(resave_like_a_spreadsheet(REAL.read_text()), newline="")
    assert sleep_android.import_file(db, resaved).added == 11
    again = sleep_android.import_file(db, REAL)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 11)


def test_a_real_spreadsheet_copy_is_read(db) -> None:  # type: ignore[no-untyped-def]
    nights = sleep_android.parse(SPREADSHEET.read_text(), "f")
    assert [n.source_id for n in nights] == [
        "Europe/London 2020-03-29 00:01",
        "Europe/London 2020-03-28 00:07",
        "Europe/London 2020-03-27 00:03",
        "Europe/London 2020-03-25 23:58",
        "Europe/London 2020-03-25 00:38",
        "Europe/London 2020-03-24 00:11",
    ]
    # 00:01 GMT -> 08:04 BST across the spring-forward: 7 h 03 (Hours says 7.05)
    assert nights[0].end - nights[0].start == timedelta(minutes=423)
    assert [n.quality for n in nights] == [None, 4, None, None, 3, None]  # 3.75 -> 4, 2.5 -> 3
    first = sleep_android.import_file(db, SPREADSHEET)
    again = sleep_android.import_file(db, SPREADSHEET)
    assert (first.added, again.added, again.unchanged) == (6, 0, 6)


def test_nights_stored_under_their_exact_id_are_renamed_not_copied(db) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.models import RestPeriod

    with db.write() as s:  # what an import before the Tz + From ids left
        s.add(
            RestPeriod(
                kind="sleep",
                start_utc=london("2020-03-25 17:47"),
                end_utc=london("2020-03-26 02:37"),
                tz=LONDON,
                quality=None,
                note="",
                source="sleep_as_android",
                source_id="1585158475657",
            )
        )
    summary = sleep_android.import_file(db, REAL)
    assert (summary.added, summary.updated, summary.unchanged) == (10, 0, 1)
    rests = WellbeingService(db).rests_between(london("2020-03-20 00:00"), london("2020-04-02 00:00"))
    assert len(rests) == 11


@pytest.mark.parametrize(
    ("hours", "start"),
    [
        ("7.5", datetime(2020, 10, 25, 0, 30, tzinfo=UTC)),  # 01:30 BST, the first 01:30
        ("6.5", datetime(2020, 10, 25, 1, 30, tzinfo=UTC)),  # 01:30 GMT, the second
        ("", datetime(2020, 10, 25, 0, 30, tzinfo=UTC)),  # no length: the first occurrence
    ],
)
def test_a_fold_night_without_an_exact_id_is_settled_by_its_length(hours: str, start: datetime) -> None:
    header = "Id,Tz,From,To,Sched,Hours,Rating,Comment"
    row = f"1.60359E+12,Europe/London,25. 10. 2020 1:30,25. 10. 2020 8:00,,{hours},0,"
    night = sleep_android.parse(f"{header}\r\n{row}\r\n", "f")[0]
    assert (night.start, night.end) == (start, datetime(2020, 10, 25, 8, tzinfo=UTC))


def test_an_id_that_is_no_number_is_still_refused() -> None:
    header = "Id,Tz,From,To,Sched,Hours,Rating,Comment"
    with pytest.raises(WellbeingImportFailed, match="line 2: Id 'night' is not a number"):
        sleep_android.parse(
            f"{header}\nnight,Europe/London,25. 03. 2020 23:58,26. 03. 2020 7:57,,7.98,0,\n", "f"
        )
