"""Place files in and out: the format by content or extension, and the all-or-nothing bulk write.

Formats: GeoJSON and Overpass JSON extracts of OpenStreetMap (`exchange/osm.py`), and NomadCM's own places
CSV (`exchange/places_csv.py`). Every reader checks every record and gives `PlaceRow`s; bad records are
collected by position ("feature 12", "element 4", "line 7") and nothing is written when there is one.
`save_places` writes the rows in one transaction with SQLAlchemy Core, in batches as they come: the CSV is
read as a stream inside that transaction (its bad records raise at its end, and everything rolls back).

A row updates an existing place when its OSM id matches, or, without an OSM id, when a place has the same
name and city (accents and case ignored) — so importing a file twice never duplicates. An update only
touches the columns the file is the source of (`PlaceRow.update_keys`): re-importing an OSM extract
refreshes the OSM facts and keeps her scores, notes, password and speed tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from nomadcm.errors import UserError
from nomadcm.exchange.file_errors import ExportError, ImportFailed, RowError
from nomadcm.models import Workplace, utcnow
from nomadcm.services.changes import Change
from nomadcm.services.travel.cities import fold
from nomadcm.services.workplaces.private_passwords import PrivatePasswords
from nomadcm.storage import Database
from nomadcm.uuid7 import new_uuid7

Progress = Callable[[int, int], None]
BATCH = 500


@dataclass
class PlaceRow:
    position: str  # where it came from, for messages: "feature 3 (node/123)", "line 7"
    values: dict[str, Any]  # Workplace columns, already checked
    update_keys: frozenset[str]  # columns an import may overwrite on an existing place


@dataclass
class PlacesImportReport:
    format: str  # "geojson", "overpass" or "csv"
    added: int = 0
    updated: int = 0
    skipped: int = 0  # records that are not places with internet access
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # e.g. opening hours kept but not understood

    @property
    def imported(self) -> int:
        return self.added + self.updated

    def summary(self) -> str:
        text = f"{self.added} place(s) added, {self.updated} updated"
        if self.skipped:
            why = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped_reasons.items()))
            text += f"; {self.skipped} skipped ({why})"
        return text


class PlaceFileError(UserError):
    """A file that is not a place file at all (not JSON, not GeoJSON/Overpass/CSV)."""


def detect_format(path: Path) -> str:
    """ "geojson", "overpass" or "csv", by extension first, then by content."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    head = _read_head(path)
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{") or stripped.startswith("["):
        if '"elements"' in head:
            return "overpass"
        return "geojson"
    if suffix in (".geojson", ".json"):
        return "geojson"
    return "csv"


def _read_head(path: Path) -> str:
    try:
        with path.open("rb") as f:
            return f.read(4096).decode("utf-8", errors="replace")
    except OSError as err:
        raise PlaceFileError(f"cannot read {str(path)!r}: {err.strerror}") from None


def import_places(db: Database, path: Path | str, progress: Progress | None = None) -> PlacesImportReport:
    """Import a GeoJSON, Overpass JSON or places CSV file: every place or none."""
    path = Path(path).expanduser()
    if not path.exists():
        raise PlaceFileError(f"no such file: {str(path)!r}")
    kind = detect_format(path)
    if kind == "csv":
        from nomadcm.exchange.places_csv import stream_places_csv

        rows, report = stream_places_csv(path)
    else:
        from nomadcm.exchange.osm import read_osm_file

        rows, report = read_osm_file(path)
    report.added, report.updated = save_places(db, rows, str(path), progress)
    return report


def import_places_op(db: Database, path: Path | str, progress: Progress | None = None) -> Change:
    """`import_places` as one undoable step (result: the report): undo deletes the places it added and puts
    back the columns it overwrote on the places it updated; redo writes them again."""
    from nomadcm.services import row_states
    from nomadcm.services.changes import WORKPLACES

    table = Workplace.__table__
    with db.session() as s:
        before = row_states.capture(s, [(table, None)])
    report = import_places(db, path, progress)
    with db.session() as s:
        after = row_states.capture(s, [(table, None)])
    before, after = row_states.diff(before, after)
    return row_states.swap(
        db,
        WORKPLACES,
        "import_places",
        before,
        after,
        report,
        count=row_states.changed_rows(after),
        subject=Path(path).name,
    )


def export_places(
    db: Database, path: Path | str, *, with_passwords: bool = False, place_ids: Iterable[int] | None = None
) -> int:
    """Write places to `path`: GeoJSON for .geojson/.json, CSV for .csv. Returns how many."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        from nomadcm.exchange.osm import export_geojson

        return export_geojson(db, path, with_passwords=with_passwords, place_ids=place_ids)
    if suffix == ".csv":
        from nomadcm.exchange.places_csv import export_places_csv

        return export_places_csv(db, path, with_passwords=with_passwords, place_ids=place_ids)
    raise ExportError(f"cannot tell the format of {str(path)!r}: name it .geojson or .csv")


# --------------------------------------------------------------------------- the bulk write


def match_key(name: str, city: str) -> tuple[str, str]:
    return fold(name), fold(city)


def save_places(
    db: Database, rows: Iterable[PlaceRow], source: str, progress: Progress | None = None
) -> tuple[int, int]:
    """Insert or update every row in one transaction, in batches as the rows come (a stream or a list).
    Returns (added, updated); ImportFailed, with nothing written, when a row clashes with another.

    On a team database the file's WiFi passwords stay the importing member's own, as a password typed in the
    place dialog does (services/workplaces/private_passwords.py): the server's column stays as it was."""
    table = Workplace.__table__
    total = len(rows) if isinstance(rows, Sized) else 0  # 0: a stream, of a length not known yet
    private = PrivatePasswords.of(db)
    kept: dict[int | str, str] = {}  # place id (an update) or the new row's UUID (an insert) -> her password
    with _passwords_back_on_failure(private) as guard, db.write() as s:
        shared = (
            set(s.scalars(select(Workplace.id).where(Workplace.wifi_password != ""))) if private else set()
        )
        by_osm: dict[str, int] = {}
        by_name: dict[tuple[str, str], int] = {}
        for pid, name, city, osm_id in s.execute(
            select(Workplace.id, Workplace.name, Workplace.city, Workplace.osm_id)
        ):
            if osm_id:
                by_osm[osm_id] = pid
            else:
                by_name.setdefault(match_key(name, city), pid)
        batches = _Batches(s, table, total, progress)
        errors: list[RowError] = []
        claimed: dict[int, str] = {}
        osm_taken: dict[str, str] = {}  # OSM id -> the row of this file that holds it (a unique column)
        for row in rows:
            values = row.values
            osm_id = values.get("osm_id")
            if osm_id:
                if osm_id in osm_taken:
                    errors.append(_row_error(row, f"has the OSM id {osm_id} of {osm_taken[osm_id]} too"))
                    continue
                osm_taken[osm_id] = row.position
            pid = by_osm.get(osm_id) if osm_id else None
            if pid is None:
                pid = by_name.get(match_key(values["name"], values.get("city", "")))
            password = values.get("wifi_password") if private is not None else None
            if password is not None and pid not in shared:  # a shared password is replaced where it is
                values = {k: v for k, v in values.items() if k != "wifi_password"}
            else:
                password = None
            if pid is None:
                if not errors:  # after a bad row nothing more is written: the rest is only checked
                    row_uuid = new_uuid7()
                    batches.insert({**_INSERT_DEFAULTS, **values, "created_at": utcnow(), "uuid": row_uuid})
                    if password:
                        kept[row_uuid] = password
                continue
            if pid in claimed:
                errors.append(_row_error(row, f"is the same place as {claimed[pid]}"))
                continue
            claimed[pid] = row.position
            if not errors:
                batches.update(pid, frozenset(k for k in row.update_keys if k in values), values)
                if password:
                    kept[pid] = password
        if errors:
            raise ImportFailed(source, errors)
        batches.flush()
        if private is not None and kept:  # before the commit: a file that cannot be written imports nothing
            new = [k for k in kept if isinstance(k, str)]
            found = s.execute(select(Workplace.uuid, Workplace.id).where(Workplace.uuid.in_(new)))
            ids = {row_uuid: pid for row_uuid, pid in found}
            guard.append(private.all())  # what her file held: put back if the commit fails
            private.set_many({(ids[k] if isinstance(k, str) else k): v for k, v in kept.items()})
    return batches.added, batches.updated


@contextmanager
def _passwords_back_on_failure(private: PrivatePasswords | None) -> Iterator[list[dict[int, str]]]:
    """Her private passwords file as it was before an import that did not commit (the file is written just
    before the commit, so that a file that cannot be written imports nothing)."""
    before: list[dict[int, str]] = []
    try:
        yield before
    except BaseException:
        if private is not None and before:
            private.replace_all(before[0])
        raise


class _Batches:
    """The inserts and the updates (grouped by the columns they set) of `save_places`, written by BATCH."""

    def __init__(self, s: Any, table: Any, total: int, progress: Progress | None) -> None:
        self.s, self.table, self.total, self.progress = s, table, total, progress
        self.inserts: list[dict[str, Any]] = []
        self.updates: dict[frozenset[str], list[dict[str, Any]]] = {}
        self.added = self.updated = self.done = 0

    def insert(self, values: dict[str, Any]) -> None:
        self.inserts.append(values)
        self.added += 1
        if len(self.inserts) >= BATCH:
            self._write_inserts()

    def update(self, pid: int, keys: frozenset[str], values: dict[str, Any]) -> None:
        self.updated += 1
        if not keys:
            self._advance(1)
            return
        chunk = self.updates.setdefault(keys, [])
        chunk.append({"_pid": pid, **{k: values[k] for k in keys}})
        if len(chunk) >= BATCH:
            self._write_updates(keys)

    def flush(self) -> None:
        self._write_inserts()
        for keys in list(self.updates):
            self._write_updates(keys)

    def _write_inserts(self) -> None:
        if self.inserts:
            self.s.execute(insert(self.table), self.inserts)
            self._advance(len(self.inserts))
            self.inserts = []

    def _write_updates(self, keys: frozenset[str]) -> None:
        chunk = self.updates.pop(keys, [])
        if chunk:
            table = self.table
            stmt = (
                update(table).where(table.c.id == bindparam("_pid")).values({k: bindparam(k) for k in keys})
            )
            self.s.connection().execute(stmt, chunk)
            self._advance(len(chunk))

    def _advance(self, rows: int) -> None:
        self.done += rows
        if self.progress and self.total:  # a stream's length is not known: its progress is not told
            self.progress(self.done, self.total)


def _row_error(row: PlaceRow, message: str) -> RowError:
    return PositionedError(row.position, message)


class PositionedError(RowError):
    """A bad record named by its position in a JSON file rather than a CSV line."""

    def __init__(self, position: str, message: str) -> None:
        super().__init__(0, message)
        self.position = position

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


_INSERT_DEFAULTS: dict[str, Any] = {
    "kind": "other",
    "address": "",
    "city": "",
    "country": None,
    "lat": None,
    "lon": None,
    "tz": None,
    "ssid": "",
    "wifi_password": "",
    "fee": None,
    "price": "",
    "opening_hours": "",
    "score_wifi": None,
    "score_power": None,
    "score_quiet": None,
    "score_comfort": None,
    "score_price": None,
    "food": False,
    "notes": "",
    "favourite": False,
    "last_visit": None,
    "osm_id": None,
    "extra_tags": "",
}
