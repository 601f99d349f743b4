"""OpenStreetMap import (Overpass JSON, GeoJSON) and GeoJSON export: mapping, skipping, round trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.exchange.places_io import PlaceFileError, detect_format, export_places, import_places
from nomadcm.services.workplaces.places import WorkplaceService
from nomadcm.storage import Database

DATA = Path(__file__).parent.parent / "data"
OVERPASS = DATA / "osm_lisbon_overpass.json"
GEOJSON = DATA / "osm_montreal.geojson"


def by_name(db) -> dict:  # type: ignore[no-untyped-def]
    return {p.name: p for p in WorkplaceService(db).list_places()}


def original_tags() -> dict[str, dict[str, str]]:
    tags = {f"{e['type']}/{e['id']}": e.get("tags", {}) for e in json.loads(OVERPASS.read_text())["elements"]}
    for f in json.loads(GEOJSON.read_text())["features"]:
        tags[f["id"]] = {k: v for k, v in f["properties"].items() if not k.startswith("@")}
    return tags


def test_overpass_import_keeps_places_with_internet_access(db):
    report = import_places(db, OVERPASS)
    assert report.format == "overpass"
    assert (report.added, report.updated, report.skipped) == (9, 0, 3)
    assert report.skipped_reasons == {"internet_access=no": 1, "no internet_access tag": 1, "no name": 1}
    assert "3 skipped" in report.summary() and "internet_access=no: 1" in report.summary()
    places = by_name(db)
    assert "Time Out Market" not in places and "A Brasileira" not in places
    assert places["Cyber Chiado"].internet_access == "terminal"  # kept, though it is not WiFi
    assert not places["Cyber Chiado"].has_wifi
    assert places["Heden Santa Apolónia"].internet_access == "wlan;wired"


def test_overpass_mapping_of_tags_to_columns(db):
    import_places(db, OVERPASS)
    places = by_name(db)
    lab = places["Copenhagen Coffee Lab"]
    assert (lab.kind, lab.fee, lab.ssid, lab.osm_id) == ("cafe", "customers", "CCL-Guest", "node/2157330101")
    assert lab.opening_hours == "Mo-Fr 07:30-19:00; Sa,Su 08:30-19:00" and lab.hours_error is None
    assert (lab.city, lab.country, lab.tz) == ("Lisboa", "PT", "Europe/Lisbon")
    assert lab.address == "Rua Nova da Piedade 10, 1200-405"  # Portugal: number after the street
    assert (lab.lat, lab.lon) == (38.7146211, -9.1519873)
    assert (
        lab.extra_tags["website"] == "https://copenhagencoffeelab.com/"
        and lab.extra_tags["amenity"] == "cafe"
    )
    assert "name" not in lab.extra_tags and "opening_hours" not in lab.extra_tags
    kinds = {name: p.kind for name, p in places.items()}
    assert kinds["Second Home Lisboa"] == "coworking"  # office=coworking
    assert kinds["Heden Santa Apolónia"] == "coworking"  # amenity=coworking_space
    assert kinds["Biblioteca Palácio Galveias"] == "library"
    assert kinds["Lisboa Central Hostel"] == "hotel"
    assert kinds["Cais do Sodré"] == "transport"
    assert kinds["Jardim da Estrela"] == "outdoor"
    fees = {name: p.fee for name, p in places.items()}
    assert fees["Biblioteca Palácio Galveias"] == "free" and fees["Second Home Lisboa"] == "paid"


def test_ways_get_a_position_from_their_center_or_their_nodes(db):
    import_places(db, OVERPASS)
    places = by_name(db)
    second = places["Second Home Lisboa"]
    assert (second.lat, second.lon) == (38.7065012, -9.144559)  # `out center`
    garden = places["Jardim da Estrela"]  # a way with only node refs: the mean of its distinct nodes
    assert garden.lat == pytest.approx((38.7142117 + 38.7151090 + 38.7129804) / 3)
    assert garden.city == "Lisbon"  # no addr:city: the big city nearby, not its parish


def test_unreadable_hours_are_imported_verbatim_with_a_warning(db):
    report = import_places(db, OVERPASS)
    (warning,) = report.warnings
    assert "Fábrica Coffee Roasters" in warning and "seg-sex 9h-18h" in warning and "element 8" in warning
    fabrica = by_name(db)["Fábrica Coffee Roasters"]
    assert fabrica.opening_hours == "seg-sex 9h-18h" and fabrica.hours_error


def test_geojson_import_with_polygons_and_tool_metadata(db):
    report = import_places(db, GEOJSON)
    assert report.format == "geojson"
    assert (report.added, report.skipped) == (3, 2)
    places = by_name(db)
    library = places["Grande Bibliothèque"]
    assert library.osm_id == "way/48219734" and library.ssid == "BAnQ"
    assert library.lat == pytest.approx(45.5154, abs=1e-3)  # the polygon's centre
    assert "@relations" not in library.extra_tags and "name:en" in library.extra_tags
    assert (library.tz, library.country, library.city) == ("America/Toronto", "CA", "Montréal")
    assert places["Café Olimpico"].address == "124 Rue Saint-Viateur Ouest, H2V 1Y5"


def test_reimport_updates_osm_facts_and_keeps_her_own_data(db):
    import_places(db, OVERPASS)
    svc = WorkplaceService(db)
    lab = by_name(db)["Copenhagen Coffee Lab"]
    svc.update_place(lab.id, score_power=4, notes="upstairs is quiet", wifi_password="latte", favourite=True)
    svc.add_speed_test(lab.id, 55, 12, 18, at=datetime(2024, 6, 1, 10, tzinfo=UTC))
    report = import_places(db, OVERPASS)
    assert (report.added, report.updated) == (0, 9)
    again = svc.get_place(lab.id)
    assert (again.score_power, again.notes, again.favourite, again.tests) == (4, "upstairs is quiet", True, 1)
    assert svc.wifi_password(lab.id) == "latte"
    assert len(svc.list_places()) == 9


def test_export_writes_back_exactly_the_tags_that_came_in(db, tmp_path):
    import_places(db, OVERPASS)
    import_places(db, GEOJSON)
    out = tmp_path / "places.geojson"
    assert export_places(db, out) == 12
    exported = json.loads(out.read_text())
    assert exported["type"] == "FeatureCollection"
    tags = original_tags()
    for feature in exported["features"]:
        props = {k: v for k, v in feature["properties"].items() if k != "nomadcm"}
        assert props == tags[feature["id"]], feature["id"]
        assert feature["geometry"]["type"] == "Point"


def test_geojson_round_trip_into_a_new_database(db, tmp_path):
    import_places(db, OVERPASS)
    svc = WorkplaceService(db)
    manual = svc.add_place(
        "Chez Moi", city="Paris", address="3 rue des Lilas", score_quiet=5, notes="home office"
    )
    svc.update_place(by_name(db)["Heden Santa Apolónia"].id, score_comfort=3, price="12 €/day")
    out = tmp_path / "places.geojson"
    export_places(db, out)
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        report = import_places(other, out)
        assert report.added == 10
        mine = sorted((p.to_json() for p in svc.list_places()), key=lambda j: j["name"])
        theirs = sorted((p.to_json() for p in WorkplaceService(other).list_places()), key=lambda j: j["name"])
        for j in mine + theirs:
            j.pop("id")
        assert mine == theirs
        copy = next(p for p in WorkplaceService(other).list_places() if p.name == manual.name)
        assert copy.extra_tags["addr:city"] == "Paris" and copy.osm_id is None
    finally:
        other.close()


def test_passwords_are_exported_only_when_asked(db, tmp_path):
    svc = WorkplaceService(db)
    place = svc.add_place("Hideout", city="Paris", ssid="Hideout", wifi_password="s3cret!")
    plain, secret = tmp_path / "plain.geojson", tmp_path / "secret.geojson"
    export_places(db, plain)
    export_places(db, secret, with_passwords=True)
    assert "s3cret!" not in plain.read_text()
    (feature,) = json.loads(secret.read_text())["features"]
    assert feature["properties"]["nomadcm"]["wifi_password"] == "s3cret!"
    other = Database.open(tmp_path / "o.sqlite3")
    try:
        import_places(other, secret)
        assert WorkplaceService(other).wifi_password(1) == "s3cret!"
    finally:
        other.close()
    assert place.has_password


def test_an_edited_kind_and_address_replace_the_osm_tags(db, tmp_path):
    import_places(db, OVERPASS)
    svc = WorkplaceService(db)
    lab = by_name(db)["Copenhagen Coffee Lab"]
    svc.update_place(lab.id, kind="coworking", address="Rua da Esperança 5", ssid="", fee=None)
    out = tmp_path / "p.geojson"
    export_places(db, out, place_ids=[lab.id])
    (feature,) = json.loads(out.read_text())["features"]
    props = feature["properties"]
    assert props["amenity"] == "coworking_space"
    assert props["addr:full"] == "Rua da Esperança 5" and "addr:street" not in props
    assert "internet_access:ssid" not in props and "internet_access:fee" not in props
    assert props["website"] == "https://copenhagencoffeelab.com/"


def test_bad_features_are_all_reported_and_nothing_is_written(db, tmp_path):
    bad = tmp_path / "bad.geojson"
    features = [
        {
            "type": "Feature",
            "id": "node/1",
            "properties": {"name": "Ok", "internet_access": "wlan"},
            "geometry": {"type": "Point", "coordinates": [2.35, 48.85]},
        },
        {
            "type": "Feature",
            "id": "node/2",
            "properties": {"name": "Far", "internet_access": "wlan"},
            "geometry": {"type": "Point", "coordinates": [200, 48.85]},
        },
        "not a feature",
        {
            "type": "Feature",
            "properties": {"name": "Loud", "internet_access": "wlan", "nomadcm": {"score_quiet": 9}},
            "geometry": None,
        },
        {
            "type": "Feature",
            "properties": {"name": "Odd", "internet_access": "wlan"},
            "geometry": {"type": "Circle", "coordinates": [1, 2]},
        },
    ]
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(ImportFailed) as caught:
        import_places(db, bad)
    messages = [str(e) for e in caught.value.errors]
    assert messages[0].startswith("feature 2 (node/2): coordinates 48.85, 200")
    assert messages[1] == "feature 3: is not a GeoJSON Feature"
    assert messages[2].startswith("feature 4: quiet score 9")
    assert "Circle" in messages[3]
    assert "nothing imported, 4 bad row(s)" in str(caught.value)
    assert WorkplaceService(db).list_places() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Topology"}', "neither GeoJSON"),
        ('{"type": "FeatureCollection", "features": 3}', "'features' is not a list"),
    ],
)
def test_files_that_are_not_place_files(db, tmp_path, content, message):
    path = tmp_path / "x.geojson"
    path.write_text(content)
    with pytest.raises(PlaceFileError, match=message):
        import_places(db, path)


def test_missing_file_and_format_detection(db, tmp_path):
    with pytest.raises(PlaceFileError, match="no such file"):
        import_places(db, tmp_path / "nope.geojson")
    assert detect_format(OVERPASS) == "overpass"
    assert detect_format(GEOJSON) == "geojson"
    odd = tmp_path / "extract.txt"
    odd.write_text(OVERPASS.read_text())
    assert detect_format(odd) == "overpass"


def test_the_same_element_twice_keeps_the_last(db, tmp_path):
    element = {
        "type": "node",
        "id": 7,
        "lat": 48.85,
        "lon": 2.35,
        "tags": {"name": "A", "internet_access": "wlan"},
    }
    twice = [element, {**element, "tags": {"name": "A (renamed)", "internet_access": "wlan"}}]
    path = tmp_path / "dup.json"
    path.write_text(json.dumps({"elements": twice}))
    assert import_places(db, path).added == 1
    assert [p.name for p in WorkplaceService(db).list_places()] == ["A (renamed)"]
