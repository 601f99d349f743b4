"""Really damaged database files for the robustness tests: rows written by NomadCM, then bytes of one of the
client table's pages overwritten on disk, as a bad sector or a sync tool would."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def fill(path: Path, clients: int = 300) -> None:
    """A NomadCM database with `clients` clients, spread over a few dozen pages, closed cleanly."""
    from nomadcm.storage import Database

    Database.open(path).close()  # NomadCM's schema
    raw = sqlite3.connect(path)
    try:
        with raw:
            raw.executemany(
                "INSERT INTO client (name, audience_tz, colour, notes, prime_start_min, prime_end_min, "
                "created_at) VALUES (?, 'Europe/Paris', '#4a90d9', ?, 480, 1260, '2024-01-01 00:00:00.000000')",
                [(f"client {i:03d}", "x" * 500) for i in range(clients)],
            )
    finally:
        raw.close()


def client_page(path: Path) -> tuple[int, int]:
    """(page number, page size) of a leaf page in the middle of the client table."""
    raw = sqlite3.connect(path)
    try:
        size = int(raw.execute("PRAGMA page_size").fetchone()[0])
        try:
            pages = [
                int(r[0])
                for r in raw.execute(
                    "SELECT pageno FROM dbstat WHERE name = 'client' AND pagetype = 'leaf' ORDER BY pageno"
                )
            ]
        except sqlite3.OperationalError:  # SQLite built without dbstat: the file's middle page
            count = int(raw.execute("PRAGMA page_count").fetchone()[0])
            pages = [count // 2]
    finally:
        raw.close()
    return pages[len(pages) // 2], size


def corrupt(path: Path) -> int:
    """Overwrite the cell pointers of a client-table page (its header stays readable); returns the page."""
    page, size = client_page(path)
    with path.open("r+b") as f:
        f.seek((page - 1) * size + 8)
        f.write(b"\xff" * 40)
    return page


def quick_check(path: Path) -> list[str]:
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [str(r[0]) for r in raw.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as err:  # so damaged that the check itself stops
        return [str(err)]
    finally:
        raw.close()
