"""`place export` writes every OSM tag byte for byte as it came in (docs/places.md: "export writes back
exactly the tags that came in"): surrounding spaces, non-ASCII, semicolons and quotes included, through
GeoJSON, Overpass JSON and the places CSV, changed only where she edited the place."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nomadcm.exchange.places_io import export_places, import_places
from nomadcm.services.workplaces.places import WorkplaceService
from nomadcm.storage import Database

HOURS = '  Mo-Fr 08:00-18:00; Sa 09:00-13:00 "sur rendez-vous; appelez"  '
TAGS: dict[str, str] = {
    "name": "  Café  «Lisboa» ",
    "amenity": "cafe",
    "internet_access": "wlan;wired",
    "internet_access:fee": "Customers",
    "internet_access:ssid": " Café Wi-Fi ",
    "opening_hours": HOURS,
    "addr:street": "Rua d'Ouro",
    "addr:housenumber": "12",
    "addr:city": " Lisboa ",
    "addr:country": "PT",
    "website": "https://example.org/?a=1;b=2",
    "description": 'Il dit "bonjour" ; ça va ',
    "name:ja": "カフェ・リスボン",
    "note": "  trailing and leading  ",
}
PLAIN: dict[str, str] = {  # a second place whose tags need nothing special
    "name": "Biblioteca",
    "amenity": "library",
    "internet_access": "wlan",
    "opening_hours": "Mo-Fr 10:00-19:00",
}


def geojson_file(path: Path) -> Path:
    features = [
        {
            "type": "Feature",
            "id": osm_id,
            "geometry": {"type": "Point", "coordinates": [-9.1393, 38.7107]},
            "properties": tags,
        }
        for osm_id, tags in (("node/1", TAGS), ("node/2", PLAIN))
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def overpass_file(path: Path) -> Path:
    elements = [
        {"type": "node", "id": n, "lat": 38.7107, "lon": -9.1393, "tags": tags}
        for n, tags in ((1, TAGS), (2, PLAIN))
    ]
    path.write_text(json.dumps({"elements": elements}), encoding="utf-8")
    return path


def exported_tags(db: Database, path: Path) -> dict[str, dict[str, Any]]:
    export_places(db, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    return {f["id"]: {k: v for k, v in f["properties"].items() if k != "nomadcm"} for f in data["features"]}


@pytest.mark.parametrize("make", [geojson_file, overpass_file], ids=["geojson", "overpass"])
def test_osm_tags_come_back_byte_for_byte(db: Database, tmp_path: Path, make: Callable[[Path], Path]) -> None:
    import_places(db, make(tmp_path / "in.json"))
    places = {p.osm_id: p for p in WorkplaceService(db).list_places()}
    lab = places["node/1"]
    assert lab.opening_hours == HOURS  # stored as it came: surrounding spaces included
    assert lab.ssid == " Café Wi-Fi "
    assert (lab.name, lab.city, lab.fee) == ("Café «Lisboa»", "Lisboa", "customers")  # columns: normalised
    tags = exported_tags(db, tmp_path / "out.geojson")
    assert tags == {"node/1": TAGS, "node/2": PLAIN}
    for key, value in TAGS.items():
        assert tags["node/1"][key].encode("utf-8") == value.encode("utf-8"), key


def test_places_csv_round_trip_keeps_the_tags(db: Database, tmp_path: Path) -> None:
    import_places(db, geojson_file(tmp_path / "in.geojson"))
    out = tmp_path / "places.csv"
    export_places(db, out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = {r["osm_id"]: r for r in csv.DictReader(fh)}
    assert rows["node/1"]["opening_hours"] == HOURS  # the cell, exactly (no formula guard needed)
    assert rows["node/1"]["ssid"] == " Café Wi-Fi "

    other = Database.open(tmp_path / "other.sqlite3")
    try:
        import_places(other, out)
        assert exported_tags(other, tmp_path / "again.geojson") == {"node/1": TAGS, "node/2": PLAIN}
        # and once more through the CSV: nothing drifts
        import_places(other, out)
        assert exported_tags(other, tmp_path / "third.geojson") == {"node/1": TAGS, "node/2": PLAIN}
    finally:
        other.close()


def test_a_tag_she_edited_is_written_from_her_edit(db: Database, tmp_path: Path) -> None:
    import_places(db, geojson_file(tmp_path / "in.geojson"))
    svc = WorkplaceService(db)
    lab = next(p for p in svc.list_places() if p.osm_id == "node/1")
    svc.update_place(
        lab.id, name="Café Lisboa", fee="paid", city="Lisbon", opening_hours=" Mo-Su 09:00-17:00"
    )
    tags = exported_tags(db, tmp_path / "out.geojson")["node/1"]
    assert tags["name"] == "Café Lisboa"
    assert tags["internet_access:fee"] == "yes"
    assert tags["addr:city"] == "Lisbon"
    assert tags["opening_hours"] == " Mo-Su 09:00-17:00"  # what she typed, as typed
    unchanged = {k: v for k, v in TAGS.items() if k not in tags or tags[k] == v}
    assert unchanged.keys() == TAGS.keys() - {"name", "internet_access:fee", "addr:city", "opening_hours"}


def test_a_value_with_spaces_is_still_read_as_opening_hours(db: Database, tmp_path: Path) -> None:
    import_places(db, geojson_file(tmp_path / "in.geojson"))
    lab = next(p for p in WorkplaceService(db).list_places() if p.osm_id == "node/1")
    assert lab.hours_error is None and lab.hours.known
