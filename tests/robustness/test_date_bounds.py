"""Nothing crashes later: dates and links that broke other commands for good are refused on the way in.

`post add --at "9999-12-31 23:59"` stored a post that made `check` die (`year 10000 is out of range`) and
`export ics` die (OverflowError), every time after; `--link $'https://…\\r\\nX-LINK:1'` made every ICS
export fail. Every date the product takes is now bounded to 1970-01-01..2100-12-31 (nomadcm/date_bounds.py)
with a message naming the value and the range, and links are web addresses without control characters,
spaces or a missing host (post_fields.check_link), wherever they come in.
"""

from __future__ import annotations

import ast
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from robust_setup import build_db, run

from nomadcm import date_bounds
from nomadcm.errors import ValidationError
from nomadcm.exchange import bulk_import, csv_native_import, rest_csv
from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.exchange.wellbeing_io import WellbeingImportFailed, check_row_dates
from nomadcm.services.schedule.post_fields import check_link
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput, TransitInput

RANGE = "1970-01-01 to 2100-12-31"
UI_PACKAGE = Path(date_bounds.__file__).resolve().parent / "ui"


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return build_db(tmp_path / "cm.sqlite3", capsys)


# --------------------------------------------------------------------------- the one place


def test_the_bounds_and_their_message() -> None:
    assert date_bounds.in_range(date(1970, 1, 1)) and date_bounds.in_range(datetime(2100, 12, 31, 23, 59))
    assert not date_bounds.in_range(date(1969, 12, 31)) and not date_bounds.in_range(date(2101, 1, 1))
    assert not date_bounds.in_range(datetime(9999, 12, 31, tzinfo=UTC))
    with pytest.raises(date_bounds.DateOutOfRange) as caught:
        date_bounds.check_date(datetime(1, 1, 1, 12), "--at")
    assert str(caught.value) == f"--at: 0001-01-01 12:00 is outside the dates NomadCM handles ({RANGE})"
    assert isinstance(caught.value, ValidationError)


# --------------------------------------------------------------------------- the CLI


@pytest.mark.parametrize(
    "when", ["9999-12-31 23:59", "0001-01-01 12:00", "1969-12-31 23:59", "2101-01-01 00:00"]
)
def test_post_add_refuses_a_date_out_of_range(
    dbfile: Path, capsys: pytest.CaptureFixture[str], when: str
) -> None:
    argv = [
        "--db",
        str(dbfile),
        "post",
        "add",
        "--client",
        "Acme",
        "--channel",
        "x",
        "--at",
        when,
        "--text",
        "t",
    ]
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert err == f"nomadcm: error: --at: {when} is outside the dates NomadCM handles ({RANGE})\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["post", "list", "--from", "0001-01-01"],
        ["post", "list", "--to", "9999-12-31"],
        ["export", "csv", "--from", "1900-01-01"],
        ["export", "ics", "--to", "2101-01-01"],
        ["check", "--from", "0001-01-01"],
        ["report", "--from", "1969-12-31"],
    ],
)
def test_date_options_are_bounded(dbfile: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _out, err = run(["--db", str(dbfile), *argv], capsys)
    assert code == 2 and err.count("\n") == 1 and RANGE in err and argv[-1] in err, err


def test_the_last_and_first_days_are_accepted(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for when in ("2100-12-31 23:59", "1970-01-01 12:00"):
        argv = ["post", "add", "--client", "Acme", "--channel", "x", "--at", when, "--text", "edge"]
        code, _out, err = run(["--db", str(dbfile), *argv], capsys)
        assert code == 0, err
    for argv in (["check"], ["export", "ics"], ["export", "csv"], ["post", "list"]):
        code, _out, err = run(["--db", str(dbfile), *argv], capsys)
        assert code == 0 and "skipped" not in err, (argv, err)


@pytest.mark.parametrize(
    "link",
    [
        "https://example.com/a\r\nX-LINK:1",
        "https://example.com/a\nb",
        "https://exa mple.com/",
        "https://example.com/\u202e",
        "https://",
        "https://:443/path",
        "http://[::1",
        "https://example.com:port/",
        "javascript:alert(1)",
        "example.com",
    ],
)
def test_post_add_refuses_a_link_that_is_not_a_web_address(
    dbfile: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    argv = ["post", "add", "--client", "Acme", "--channel", "x", "--at", "2030-01-01 10:00", "--text", "t"]
    code, _out, err = run(["--db", str(dbfile), *argv, "--link", link], capsys)
    assert code == 2 and err.count("\n") == 1 and repr(link) in err, err
    code, _out, err = run(["--db", str(dbfile), "export", "ics"], capsys)
    assert code == 0 and err == ""


def test_good_links_pass() -> None:
    for link in (
        "https://example.com",
        "HTTP://EXAMPLE.COM/a?b=c#d",
        "https://[::1]:8080/x",
        "  https://a.b/  ",
    ):
        assert check_link(link) == link.strip()


# --------------------------------------------------------------------------- imports


def test_native_csv_import_names_the_rows(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = services.clients.add_client("Acme", "Europe/Paris")
    services.clients.add_channel(client.id, "x")
    source = tmp_path / "in.csv"
    source.write_text(
        "id,client,channel,status,audience_tz,audience_time,utc_time,cm_tz,cm_time,text,link,tags\r\n"
        ",Acme,x,scheduled,Europe/Paris,2200-01-01 10:00,,,,far,,\r\n"
        ',Acme,x,scheduled,Europe/Paris,2030-01-01 10:00,,,,crlf,"https://a.example/\r\nX",\r\n'
        ",Acme,x,scheduled,Europe/Paris,2030-01-02 10:00,,,,fine,https://a.example/,\r\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as caught:
        csv_native_import.import_csv(services.db, source)
    messages = [str(e) for e in caught.value.errors]
    assert messages[0] == f"line 2: time: 2200-01-01 10:00 is outside the dates NomadCM handles ({RANGE})"
    assert messages[1].startswith("line 3: link 'https://a.example/\\r\\nX' holds character '\\r'")
    assert len(messages) == 2
    assert services.schedule().count() == 0  # nothing imported


def test_bulk_import_names_the_rows(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = services.clients.add_client("Acme", "Europe/Paris")
    channel = services.clients.add_channel(client.id, "x")
    source = tmp_path / "hootsuite.csv"
    source.write_text(
        "31/12/2101 10:00,far,\r\n01/01/2030 10:00,spaced,https://a.example/x y\r\n", encoding="utf-8"
    )
    preview = bulk_import.preview_import(services.db, source, "hootsuite", channel_id=channel.id)
    errors = [str(row.error) for row in preview.errors]
    assert any("2101-12-31 10:00 is outside the dates NomadCM handles" in e for e in errors), errors
    assert any("'https://a.example/x y' holds a space" in e for e in errors), errors


def test_rest_csv_and_every_wellbeing_importer_are_bounded(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "rest.csv"
    source.write_text(
        "kind,start,end,device,tz\nsleep,1969-12-31 23:00,1970-01-01 07:00,,UTC\n", encoding="utf-8"
    )
    with pytest.raises(WellbeingImportFailed) as caught:
        rest_csv.import_file(services.db, source)
    assert "1969-12-31 23:00 is outside the dates NomadCM handles" in str(caught.value)
    far = datetime(2101, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError, match="nothing imported: nights n1: 2101-01-01 00:00Z is outside"):
        check_row_dates([{"start_utc": far, "end_utc": far, "source_id": "n1"}], "nights")  # Sleep as Android


def test_stays_transits_screen_time_speed_tests_and_visits(services) -> None:  # type: ignore[no-untyped-def]
    trips, wellbeing, places = services.trips, services.wellbeing, services.workplaces
    with pytest.raises(ValidationError, match=f"stay Lisbon: first date: 1969-12-25 is outside .*{RANGE}"):
        trips.add_stay(StayInput("Lisbon", "Europe/Lisbon", date(1969, 12, 25), date(1970, 1, 5)))
    with pytest.raises(ValidationError, match="last date: 2101-01-02 is outside"):
        trips.add_stay(StayInput("Lisbon", "Europe/Lisbon", date(2100, 12, 30), date(2101, 1, 2)))
    transit = TransitInput(
        "flight",
        "Lisbon",
        "Europe/Lisbon",
        "Paris",
        "Europe/Paris",
        datetime(2101, 1, 1, 8),
        datetime(2101, 1, 1, 11),
    )
    with pytest.raises(ValidationError, match="departure: 2101-01-01 08:00 is outside"):
        trips.add_transit(transit)
    with pytest.raises(ValidationError, match="screen session start: 1969-12-31 23:00Z is outside"):
        wellbeing.add_screen(
            "laptop", datetime(1969, 12, 31, 23, tzinfo=UTC), datetime(1970, 1, 1, 1, tzinfo=UTC)
        )
    place = places.add_place("Café", city="Lisbon")
    with pytest.raises(ValidationError, match="speed test: 1960-05-01 12:00Z is outside"):
        places.add_speed_test(place.id, 50, 10, at=datetime(1960, 5, 1, 12, tzinfo=UTC))
    with pytest.raises(ValidationError, match="work session start: 1960-05-01 09:00Z is outside"):
        places.log_work(place.id, datetime(1960, 5, 1, 9, tzinfo=UTC), datetime(1960, 5, 1, 11, tzinfo=UTC))
    with pytest.raises(ValidationError, match="last visit: 1900-01-01 is outside"):
        places.update_place(place.id, last_visit="1900-01-01")


def test_posts_are_bounded_in_the_one_check(services) -> None:  # type: ignore[no-untyped-def]
    """The post dialog's live check, the CLI, the CSV and bulk importers and the sample data all go here."""
    client = services.clients.add_client("Acme", "Europe/Paris")
    channel = services.clients.add_channel(client.id, "x")
    checked = services.posts.check(PostDraft(channel.id, "t", datetime(9999, 12, 31, 23, 59)))
    assert checked.problems == (f"time: 9999-12-31 23:59 is outside the dates NomadCM handles ({RANGE})",)
    assert checked.instant is None
    checked = services.posts.check(
        PostDraft(channel.id, "t", datetime(2030, 1, 1, 9), link="https://a\tb.c/")
    )
    assert checked.problems == ("link 'https://a\\tb.c/' holds character '\\t': a web address has none",)


# --------------------------------------------------------------------------- the GUI's pickers


def test_every_date_picker_of_the_gui_is_bounded() -> None:
    """Each module that builds a QDateEdit or QDateTimeEdit calls limit_dates for every one it builds."""
    missing = []
    for path in sorted(UI_PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        built = limited = 0
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("QDateEdit", "QDateTimeEdit"):
                    built += 1
                elif name == "limit_dates":
                    limited += 1
        if built and not limited:
            missing.append(str(path.relative_to(UI_PACKAGE)))
    assert missing == []


def test_the_pickers_offer_the_range(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDateEdit

    from nomadcm.ui.widgets.date_limits import limit_dates

    edit = QDateEdit()
    qtbot.addWidget(edit)
    limit_dates(edit)
    assert edit.minimumDate().toPython() == date_bounds.EARLIEST
    assert edit.maximumDate().toPython() == date_bounds.LATEST


@settings(max_examples=400, deadline=None)
@given(
    st.from_regex(r"(?i:https?)://[A-Za-z0-9.:@\[\]-]{0,12}(?:[/?#][ -~\t\r\n]{0,12})?", fullmatch=True)
    | st.text(max_size=30)
)
def test_the_fast_path_of_check_link_says_what_the_slow_one_says(text: str) -> None:
    """check_link answers most links with a regular expression; the full check must agree with it."""
    from nomadcm.services.schedule import post_fields

    def outcome(value: str) -> str:
        try:
            return "ok " + post_fields.check_link(value)
        except ValidationError as err:
            return str(err)

    fast = outcome(text)
    real = post_fields._PLAIN_WEB_ADDRESS
    post_fields._PLAIN_WEB_ADDRESS = re.compile(r"(?!)")  # never matches: every link takes the full check
    try:
        assert outcome(text) == fast
    finally:
        post_fields._PLAIN_WEB_ADDRESS = real
