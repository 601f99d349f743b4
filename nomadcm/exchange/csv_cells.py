"""What every CSV file NomadCM writes or reads shares: cells safe to open in a spreadsheet, and records read
from a file a spreadsheet saved.

A cell beginning with = + - @ tab or CR is prefixed with ' so a spreadsheet shows it as text instead of
running it as a formula (OWASP CSV injection); reading removes the prefix again, so a file survives a round
trip (a text that itself starts with ' then an injection character gets one more ', removed on reading; any
other text is written as it is). Only files meant for a spreadsheet carry this guard: the native schedule
CSV, the places CSV and the checklist CSV. Bulk-scheduler files (Hootsuite, Sprout Social, Publer) go to a
publishing tool that would publish the ': they are written and read exactly (exchange/bulk_export.py).
Reading accepts what spreadsheets save: UTF-8 with or without a BOM, `,` or `;` between cells (French
Excel), quoted cells over several lines — and says which line is not valid CSV.
"""

from __future__ import annotations

from pathlib import Path

INJECTION_CHARS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix ' to a cell a spreadsheet would run as a formula; also to one that already looks neutralised."""
    if cell and (cell[0] in INJECTION_CHARS or (cell[0] == "'" and cell.lstrip("'")[:1] in INJECTION_CHARS)):
        return "'" + cell
    return cell


def unneutralise(cell: str) -> str:
    """Undo `neutralise`: only a ' that it could have added (one before = + - @ tab CR, or before more ')."""
    if cell[:1] == "'" and cell.lstrip("'")[:1] in INJECTION_CHARS and cell.lstrip("'"):
        return cell[1:]
    return cell


def read_records(path: Path) -> list[tuple[int, list[str]]]:
    """(line number where it starts, cells) of every record, blank ones included; sniffs `,` or `;`.
    Read line by line (exchange/csv_stream.py); importers that can stream iterate `CsvStream` themselves."""
    from nomadcm.exchange.csv_stream import CsvStream

    with CsvStream(path, strict=True, hint="save it as UTF-8 CSV") as records:
        return list(records)
