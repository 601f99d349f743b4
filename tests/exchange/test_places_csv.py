"""The places CSV: documented columns, its own export re-imported, bad rows by line, passwords on request."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime

import pytest

from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.exchange.places_csv import COLUMNS
from nomadcm.exchange.places_io import PlaceFileError, export_places, import_places
from nomadcm.services.workplaces.places import WorkplaceService
from nomadcm.storage import Database


@pytest.fixture
def filled(db):  # type: ignore[no-untyped-def]
    svc = WorkplaceService(db)
    lab = svc.add_place(
        "Coffee Lab",
        city="Lisboa",
        country="PT",
        lat=38.7146211,
        lon=-9.1519873,
        ssid="CCL-Guest",
        wifi_password='pa;ss,"word',
        fee="customers",
        price="1 coffee",
        opening_hours="Mo-Fr 07:30-19:00",
        score_wifi=4,
        score_power=3,
        food=True,
        favourite=True,
        last_visit=date(2024, 6, 2),
        notes='=HYPERLINK("http://evil")',
        extra_tags={"amenity": "cafe", "internet_access": "wlan"},
        osm_id="node/2157330101",
    )
    svc.add_speed_test(lab.id, 50, 10, 20, at=datetime(2024, 6, 2, 10, tzinfo=UTC))
    svc.add_place("Chez Moi", city="Paris", kind="other", opening_hours="lundi 9h")
    return svc


def rows(path):  # type: ignore[no-untyped-def]
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_export_has_the_documented_columns_and_no_password_by_default(filled, tmp_path):
    out = tmp_path / "places.csv"
    assert export_places(filled.db, out) == 2
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [c for c in COLUMNS if c != "wifi_password"]
    lab = rows(out)[0]
    assert lab["down_mbps"] == "50" and lab["tests"] == "1" and lab["last_test_at"] == "2024-06-02T10:00:00Z"
    assert lab["lon"] == "-9.1519873"  # a number is never prefixed
    assert lab["notes"].startswith("'=")  # a formula is
    assert "pa;ss" not in out.read_text(encoding="utf-8")


def test_own_export_reimports_identically(filled, tmp_path):
    out = tmp_path / "places.csv"
    export_places(filled.db, out, with_passwords=True)
    assert rows(out)[0]["wifi_password"] == 'pa;ss,"word'
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        report = import_places(other, out)
        assert (report.format, report.added) == ("csv", 2)
        assert any("lundi 9h" in w for w in report.warnings)
        theirs = WorkplaceService(other)
        for mine, copy in zip(filled.list_places(), theirs.list_places(), strict=True):
            a, b = mine.to_json(), copy.to_json()
            for key in ("down_mbps", "up_mbps", "ping_ms", "tests", "last_test_at"):  # tests stay home
                a.pop(key), b.pop(key)
            assert a == b
        assert theirs.wifi_password(1) == 'pa;ss,"word'
        again = import_places(other, out)
        assert (again.added, again.updated) == (0, 2)
    finally:
        other.close()


def test_an_empty_password_cell_keeps_the_stored_password(filled, tmp_path):
    out = tmp_path / "places.csv"
    export_places(filled.db, out)  # no passwords in the file
    import_places(filled.db, out)
    assert filled.wifi_password(1) == 'pa;ss,"word'


def test_a_hand_made_semicolon_file_with_french_booleans(db, tmp_path):
    path = tmp_path / "mes-lieux.csv"
    path.write_text(
        "\ufeffname;kind;city;lat;lon;favourite;score_quiet;opening_hours\n"
        "Le Nid;coworking;Montréal;45,52;-73,58;oui;4;Mo-Fr 09:00-18:00\n"
        "Café Aroma;;Montréal;;;non;;\n",
        encoding="utf-8",
    )
    report = import_places(db, path)
    assert report.added == 2
    places = {p.name: p for p in WorkplaceService(db).list_places()}
    nid = places["Le Nid"]
    assert (nid.kind, nid.lat, nid.favourite, nid.score_quiet, nid.tz) == (
        "coworking",
        45.52,
        True,
        4,
        "America/Toronto",
    )
    assert places["Café Aroma"].kind == "other" and places["Café Aroma"].tz == "America/Toronto"


def test_bad_rows_are_reported_by_line_and_nothing_is_written(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "name,kind,score_power,lat,lon,favourite,osm_tags\n"
        "Fine,cafe,3,,,no,\n"
        "Loud,cafe,7,,,no,\n"
        "Rocket,spaceship,,,,no,\n"
        "North,cafe,,95,3,no,\n"
        ",cafe,,,,no,\n"
        "Maybe,cafe,,,,perhaps,\n"
        "Tags,cafe,,,,no,[1]\n"
        "Short,cafe\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as caught:
        import_places(db, path)
    assert [str(e).split(":")[0] for e in caught.value.errors] == [f"line {n}" for n in range(3, 10)]
    text = " | ".join(str(e) for e in caught.value.errors)
    for fragment in (
        "power score '7'",
        "unknown kind 'spaceship'",
        "latitude '95'",
        "name is empty",
        "'perhaps'",
        "osm_tags",
        "2 cells",
    ):
        assert fragment in text
    assert WorkplaceService(db).list_places() == []


def test_two_rows_for_one_place_are_refused(db, tmp_path):
    WorkplaceService(db).add_place("Coffee Lab", city="Lisboa")
    path = tmp_path / "dup.csv"
    path.write_text("name,city,notes\nCoffee Lab,Lisboa,a\ncoffee lab,LISBOA,b\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="line 3: is the same place as line 2"):
        import_places(db, path)
    assert WorkplaceService(db).list_places()[0].notes == ""


def test_a_csv_without_a_name_column(db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("title,city\nA,B\n", encoding="utf-8")
    with pytest.raises(PlaceFileError, match="no 'name' column"):
        import_places(db, path)


def test_unknown_columns_are_ignored_and_said(db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("name,city,mood\nA,Paris,happy\n", encoding="utf-8")
    report = import_places(db, path)
    assert report.added == 1 and report.warnings == ["column(s) not known and ignored: mood"]
