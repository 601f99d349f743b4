"""The native CSV export guards spreadsheet formulas cell by cell exactly as `csv_cells.neutralise` does,
although it calls it only for cells whose first character may need it (issue 14: 50,000 calls per 10,000
posts saved). The oracle is an independent statement of the OWASP rule, not the export's own code."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from nomadcm.exchange.csv_native_export import _format_rows
from nomadcm.services.schedule.series import Occurrence
from nomadcm.services.travel.itinerary import Whereabouts

FORMULA_STARTS = "=+-@\t\r"


def guarded(cell: str) -> str:
    """The rule, restated: a ' before a cell a spreadsheet would run, or one that already looks guarded."""
    bare = cell.lstrip("'")
    if cell[:1] in tuple(FORMULA_STARTS) or (cell[:1] == "'" and bare[:1] in tuple(FORMULA_STARTS)):
        return "'" + cell
    return cell


cells = st.text(alphabet=st.sampled_from("=+-@\t\r'a é:,\n"), max_size=6) | st.text(max_size=8)


def occurrence(client: str, network: str, handle: str, text: str, link: str, tags: str) -> Occurrence:
    wall = datetime(2026, 3, 29, 9, 30)
    o = Occurrence(
        1, datetime(2026, 3, 29, 7, 30, tzinfo=UTC), wall, "Europe/Paris", 0, "scheduled", text, link, tags,
        1, 1, client, "#4a90d9", network, handle,
    )  # fmt: skip
    o.cm, o.cm_wall = Whereabouts("Europe/Lisbon", "Lisboa"), datetime(2026, 3, 29, 8, 30)
    return o


@given(cells, cells, cells, cells, cells, cells)
def test_every_cell_is_guarded_as_the_rule_says(
    client: str, network: str, handle: str, text: str, link: str, tags: str
) -> None:
    (row,) = list(_format_rows(iter([occurrence(client, network, handle, text, link, tags)])))
    channel = f"{network}:{handle}" if handle else network
    assert row == [
        "1", guarded(client), guarded(channel), "scheduled", "Europe/Paris", "2026-03-29 09:30",
        "2026-03-29T07:30:00Z", "Europe/Lisbon", "2026-03-29 08:30", guarded(text), guarded(link),
        guarded(tags),
    ]  # fmt: skip


def test_formula_cells_get_their_quote() -> None:
    (row,) = list(_format_rows(iter([occurrence("=Ville", "x", "@me", "-20 %", "", "'+1")])))
    assert (row[1], row[2], row[9], row[10], row[11]) == ("'=Ville", "x:@me", "'-20 %", "", "''+1")
