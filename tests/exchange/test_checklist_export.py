"""A stay's checklist as CSV and as a printable HTML page."""

from __future__ import annotations

import csv
from datetime import date

from nomadcm.exchange.checklist import (
    ChecklistLabels,
    checklist_html,
    export_checklist_csv,
    export_checklist_html,
)
from nomadcm.services.travel.trip_records import StayInput
from nomadcm.services.travel.trips import ItineraryService
from nomadcm.services.workplaces.places import WorkplaceService


def _trip(db):  # type: ignore[no-untyped-def]
    stay = ItineraryService(db).add_stay(
        StayInput("Lisbon", "Europe/Lisbon", date(2024, 7, 1), date(2024, 7, 10), "PT")
    )
    svc = WorkplaceService(db)
    lab = svc.add_place(
        "Coffee <Lab> & Co", city="Lisbon", ssid="CCL", fee="customers", opening_hours="Mo-Fr 08:00-18:00"
    )
    other = svc.add_place("Heden", city="Lisbon")
    svc.add_to_checklist(stay.id, [lab.id, other.id])
    entry = svc.checklist(stay.id)[0]
    svc.update_checklist_item(entry.id, tested=True, note="=1+1 ok")
    ref = next(s for s in svc.stays() if s.id == stay.id)
    return ref, svc.checklist(stay.id)


def test_checklist_csv(db, tmp_path):
    stay, entries = _trip(db)
    out = tmp_path / "c.csv"
    assert export_checklist_csv(stay, entries, out) == 2
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["name"] for r in rows] == ["Coffee <Lab> & Co", "Heden"]
    assert (rows[0]["visited"], rows[0]["tested"], rows[0]["note"]) == ("yes", "yes", "'=1+1 ok")
    assert (rows[1]["visited"], rows[1]["tested"]) == ("no", "no")
    assert rows[0]["first_date"] == "2024-07-01" and rows[0]["ssid"] == "CCL"


def test_checklist_html_is_escaped_printable_and_translatable(db, tmp_path):
    stay, entries = _trip(db)
    page = checklist_html(stay, entries)
    assert "<title>Places to try in Lisbon, PT</title>" in page
    assert "Coffee &lt;Lab&gt; &amp; Co" in page and "<Lab>" not in page
    assert page.count("☑") == 2 and page.count("☐") == 2  # first: visited and tested; second: neither
    assert "@media print" in page and "<script" not in page
    french = ChecklistLabels(title="Lieux à essayer à {place}", visited="Visité", kinds=(("cafe", "Café"),))
    assert "Lieux à essayer à Lisbon, PT" in checklist_html(stay, entries, french)
    out = tmp_path / "c.html"
    export_checklist_html(stay, entries, out)
    assert out.read_text(encoding="utf-8") == page
    assert "No place on this checklist yet." in checklist_html(stay, [])
