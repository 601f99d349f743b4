"""A stay's checklist of places to try, as CSV and as a printable HTML page (tick boxes on paper).

The words of the page come from `ChecklistLabels`: English by default, the GUI passes its translations.
The HTML is self-contained (inline CSS, no script, no remote resource) and prints on A4 or Letter.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.csv_cells import neutralise
from nomadcm.services.workplaces.place_checklist import ChecklistEntry, StayRef

CSV_COLUMNS = (
    "stay",
    "first_date",
    "last_date",
    "name",
    "kind",
    "address",
    "city",
    "ssid",
    "fee",
    "opening_hours",
    "down_mbps",
    "up_mbps",
    "tests",
    "visited",
    "tested",
    "note",
)


@dataclass(frozen=True)
class ChecklistLabels:
    title: str = "Places to try in {place}"
    dates: str = "{first} to {last}"
    visited: str = "Visited"
    tested: str = "Tested"
    place: str = "Place"
    wifi: str = "WiFi"
    hours: str = "Opening hours"
    speed: str = "Median speed"
    note: str = "Note"
    empty: str = "No place on this checklist yet."
    hours_unknown: str = "not known"
    speed_unit: str = "{down} ↓ / {up} ↑ Mbit/s ({count} tests)"
    no_test: str = "not tested"
    generated: str = "Made with NomadCM"
    kinds: tuple[tuple[str, str], ...] = ()  # (kind, label) for the page's language
    fees: tuple[tuple[str, str], ...] = ()
    date_format: str = "{:%Y-%m-%d}"
    hours_text: Callable[[str], str] = str  # opening hours as written, or in the page's words (the GUI's)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def export_checklist_csv(stay: StayRef, entries: Sequence[ChecklistEntry], path: Path) -> int:
    with atomic_text_file(path) as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for e in entries:
            p = e.place
            writer.writerow(
                [
                    neutralise(stay.city),
                    stay.first_date.isoformat(),
                    stay.last_date.isoformat(),
                    neutralise(p.name),
                    p.kind,
                    neutralise(p.address),
                    neutralise(p.city),
                    neutralise(p.ssid),
                    p.fee or "",
                    neutralise(p.opening_hours),
                    _num(p.down_mbps),
                    _num(p.up_mbps),
                    str(p.tests),
                    "yes" if e.visited else "no",
                    "yes" if e.tested else "no",
                    neutralise(e.note),
                ]
            )
    return len(entries)


def checklist_html(
    stay: StayRef, entries: Sequence[ChecklistEntry], labels: ChecklistLabels | None = None
) -> str:
    lb = labels or ChecklistLabels()
    kinds = dict(lb.kinds)
    fees = dict(lb.fees)
    esc = html.escape
    place = f"{stay.city}, {stay.country}" if stay.country else stay.city
    title = lb.title.format(place=place)
    dates = lb.dates.format(
        first=lb.date_format.format(stay.first_date), last=lb.date_format.format(stay.last_date)
    )
    rows = []
    for e in entries:
        p = e.place
        where = ", ".join(x for x in (p.address, p.city) if x)
        kind = kinds.get(p.kind, p.kind)
        wifi = " · ".join(x for x in (p.ssid, fees.get(p.fee or "", p.fee or "")) if x)
        speed = (
            lb.speed_unit.format(down=_num(p.down_mbps), up=_num(p.up_mbps), count=p.tests)
            if p.tests
            else lb.no_test
        )
        hours = lb.hours_text(p.opening_hours) if p.opening_hours else lb.hours_unknown
        rows.append(
            "<tr>"
            f'<td class="box">{"☑" if e.visited else "☐"}</td>'
            f'<td class="box">{"☑" if e.tested else "☐"}</td>'
            f"<td><strong>{esc(p.name)}</strong><br><span class=small>{esc(kind)}"
            f"{' — ' + esc(where) if where else ''}</span></td>"
            f"<td>{esc(wifi)}</td>"
            f"<td>{esc(hours)}</td>"
            f"<td>{esc(speed)}</td>"
            f'<td class="note">{esc(e.note)}</td>'
            "</tr>"
        )
    body = "\n".join(rows) if rows else f'<tr><td colspan="7">{esc(lb.empty)}</td></tr>'
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>
body {{ font-family: sans-serif; font-size: 11pt; margin: 1.5cm; color: #1a202c; }}
h1 {{ font-size: 16pt; margin: 0 0 4pt 0; }}
p.dates {{ margin: 0 0 12pt 0; color: #4a5568; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #a0aec0; padding: 4pt 6pt; text-align: left; vertical-align: top; }}
th {{ background: #edf2f7; }}
td.box {{ font-size: 16pt; text-align: center; width: 1.2cm; }}
td.note {{ width: 25%; }}
.small {{ font-size: 9pt; color: #4a5568; }}
footer {{ margin-top: 12pt; font-size: 8pt; color: #718096; }}
@media print {{ body {{ margin: 0; }} tr {{ page-break-inside: avoid; }} }}
</style></head>
<body>
<h1>{esc(title)}</h1>
<p class="dates">{esc(dates)}</p>
<table>
<thead><tr><th>{esc(lb.visited)}</th><th>{esc(lb.tested)}</th><th>{esc(lb.place)}</th><th>{esc(lb.wifi)}</th>
<th>{esc(lb.hours)}</th><th>{esc(lb.speed)}</th><th>{esc(lb.note)}</th></tr></thead>
<tbody>
{body}
</tbody>
</table>
<footer>{esc(lb.generated)}</footer>
</body></html>
"""


def export_checklist_html(
    stay: StayRef, entries: Sequence[ChecklistEntry], path: Path, labels: ChecklistLabels | None = None
) -> int:
    with atomic_text_file(path) as out:
        out.write(checklist_html(stay, entries, labels))
    return len(entries)
