"""Nothing crashes: a post an older NomadCM stored with values today's checks refuse (a year 9999 or 1, a link
with a line break or without a host) is skipped and reported by `check` and every export, which write the
other posts and exit 0 (decided and documented in the README: the report is on stderr, the exit code 0, since
the export did its job for every post it could write). Listings still show such a post, so it can be fixed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import icalendar
import pytest
from robust_setup import BAD_POSTS, add_bad_posts, build_db, run

from nomadcm.exchange.csv_native_export import export_csv
from nomadcm.exchange.ics import build_calendar
from nomadcm.services.schedule.stored_rows import SkippedRow


@pytest.fixture
def bad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, int]]:
    path = build_db(tmp_path / "cm.sqlite3", capsys)
    return path, add_bad_posts(path)


def _skipped_lines(err: str) -> list[str]:
    return sorted(line for line in err.splitlines() if line.startswith("nomadcm: skipped post "))


def _expected(ids: dict[str, int]) -> list[str]:
    why = {
        "year 9999": "its time 9999-12-31 23:59 is outside the dates NomadCM handles (1970-01-01 to 2100-12-31)",
        "year 1": "its time 0001-01-01 12:00 is outside the dates NomadCM handles (1970-01-01 to 2100-12-31)",
        "CR LF link": "link 'https://acme.example/a\\r\\nX-LINK:1' holds character '\\r': a web address has none",
        "hostless link": "link 'https://' is not a web address (http://… or https://… and a host)",
    }
    assert set(why) == set(BAD_POSTS)
    return sorted(f"nomadcm: skipped post {ids[name]}: {text}" for name, text in why.items())


def test_check_skips_and_reports(
    bad: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = bad
    code, out, err = run(["--db", str(path), "check", "--all", "--json"], capsys)
    assert code == 0, err
    assert _skipped_lines(err) == _expected(ids)
    assert "4 post(s) skipped" in err
    assert out.lstrip().startswith("[")  # stdout stays the JSON a tool reads


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "csv"],
        ["export", "csv", "--excel"],
        ["export", "csv", "--format", "hootsuite"],
        ["export", "csv", "--format", "sprout"],
        ["export", "csv", "--format", "publer"],
        ["export", "ics"],
        ["export", "ics", "--expand"],
    ],
)
def test_every_export_writes_the_others_and_reports(
    bad: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path, ids = bad
    target = tmp_path / ("out.ics" if argv[1] == "ics" else "out.csv")
    code, out, err = run(["--db", str(path), *argv, "-o", str(target)], capsys)
    assert code == 0, err
    assert out == ""
    assert _skipped_lines(err) == _expected(ids)
    text = target.read_text(encoding="utf-8-sig")
    assert "good one" in text and "good two" in text and "bad:" not in text
    if argv[1] == "ics":
        calendar = icalendar.Calendar.from_ical(text)
        assert sorted(str(e["summary"]).split(": ", 1)[1] for e in calendar.walk("VEVENT")) == [
            "good one",
            "good two",
        ]
    # to standard output too: the file on stdout, the report on stderr
    code, out, err = run(["--db", str(path), *argv], capsys)
    assert code == 0 and "good two" in out and "bad:" not in out
    assert _skipped_lines(err) == _expected(ids)


def test_listings_still_show_them_so_they_can_be_fixed(
    bad: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = bad
    code, out, err = run(["--db", str(path), "post", "list"], capsys)
    assert code == 0 and err == ""
    assert str(ids["year 9999"]) in out.split() and "bad: CR LF link"[:50] in out


def test_services_hand_the_skipped_posts_to_the_gui(bad: tuple[Path, dict[str, int]]) -> None:
    """The Export dialog and the Conflicts tab pass a list and show what was left out."""
    from nomadcm.services.container import Services

    path, ids = bad
    services = Services.open(path)
    try:
        skipped: list[SkippedRow] = []
        out = io.StringIO()
        assert export_csv(services.db, out, skipped=skipped) == 2
        assert sorted(s.post_id for s in skipped) == sorted(ids.values())
        assert [r[9] for r in csv.reader(io.StringIO(out.getvalue()))][1:] == ["good one", "good two"]
        checked: list[SkippedRow] = []
        services.conflicts.check(include_acknowledged=True, skipped=checked)
        assert sorted(s.post_id for s in checked) == sorted(ids.values())
        _cal, report = build_calendar(services.db)
        assert report.events == 2 and sorted(s.post_id for s in report.skipped) == sorted(ids.values())
        assert str(report.skipped[0]).startswith("skipped post ")
    finally:
        services.close()
