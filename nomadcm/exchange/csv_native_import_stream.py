"""The native CSV import in two passes over the file, so that its memory does not grow with the file.

1. Every record is read (exchange/csv_stream.py) and turned into a draft (`NativeRows`): the client and
   channel found (the channels to create get placeholders), the wall time read. A row that is no post is
   listed by line (the first `MAX_KEPT`, and counted); then the other rows are checked too, to be listed
   with it, and nothing is written.
2. Otherwise the file is read again, each record drafted again (the same placeholders) and handed to
   `add_many`, the posts' one check and insert, which writes in batches, all in one transaction: all rows or
   none, even if the file or the database changed in between. A file of at most `KEEP_DRAFTS` rows is read
   once: its drafts wait in memory.

What stays in memory is a record (or a small file's drafts), a batch of rows, the new posts' ids (for undo)
and the line of each draft.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from nomadcm.errors import UserError
from nomadcm.exchange.csv_stream import CsvStream
from nomadcm.exchange.file_errors import MAX_KEPT, ImportFailed, RowError
from nomadcm.models import Post
from nomadcm.services.changes import CLIENTS, POSTS, Change, change
from nomadcm.services.schedule.post_writes import (
    DraftChecker,
    DraftsRefused,
    PostDraft,
    load_channels,
    pending_channels,
)
from nomadcm.services.schedule.posts import PostService
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.exchange.csv_native_import import NativeRows

Progress = Callable[[int, int], None]
UTF8_HINT = "save it as UTF-8 CSV"
KEEP_DRAFTS = 20_000  # a file with no more rows is read once: its drafts (about 10 MB) wait for the write
Records = Iterator[tuple[int, list[str]]]


def open_records(path: Path) -> CsvStream:
    """The records of a native (or bulk) CSV: `,` or `;`, a BOM accepted, strict quoting."""
    return CsvStream(path, strict=True, hint=UTF8_HINT)


def header_of(path: Path, records: Records, columns: tuple[str, ...]) -> list[str]:
    """The first record, as lowercase names; a file without one is refused."""
    first = next(records, None)
    if first is None:
        raise UserError(f"{str(path)!r} is empty: expected a header line with {', '.join(columns)}")
    return [h.strip().lower() for h in first[1]]


def data_records(records: Records) -> Records:
    return ((line, cells) for line, cells in records if any(c.strip() for c in cells))


def import_in_two_passes(db: Database, path: Path, progress: Progress | None = None) -> Change:
    """`csv_native_import.import_csv_op`: ImportFailed lists the bad rows by line; the Change's undo
    deletes exactly the posts and channels added (result: the ImportReport)."""
    from nomadcm.exchange.csv_native import COLUMNS
    from nomadcm.exchange.csv_native_import import ImportReport, NativeRows, check_header

    size = max(1, path.stat().st_size) if path.is_file() else 1
    kept: list[tuple[int, PostDraft]] | None = []  # a small file's drafts, so that it is read once
    errors: list[RowError] = []
    bad = total = 0
    with open_records(path) as stream:
        records = iter(stream)
        header = header_of(path, records, COLUMNS)
        try:
            check_header(path, header)
        except UserError:
            for _ in records:  # a file that is not UTF-8 or not CSV at all says so rather
                pass
            raise
        reader = NativeRows(db, header)
        existing = {cid for cid in reader.lookup.channels.values() if cid >= 0}
        for line, cells in data_records(records):
            total += 1
            if progress is not None and total % 2000 == 0:
                progress(min(stream.chars, size), 2 * size)
            try:
                draft = reader.draft(cells)
            except (UserError, ValueError) as err:
                bad += 1
                if len(errors) < MAX_KEPT:
                    errors.append(RowError(line, str(err)))
                continue
            if kept is not None and len(kept) >= KEEP_DRAFTS:
                kept = None  # a big file: read again for the write
            elif kept is not None:
                kept.append((line, draft))
    if bad:  # nothing will be written: the other rows are checked only to be reported too
        more, more_bad = _check(db, path, reader, kept)
        errors = sorted(errors + more, key=lambda e: e.line)[:MAX_KEPT]
        raise ImportFailed(str(path), errors, bad + more_bad)

    lines = array("q")  # line of each draft handed to add_many, to name a row it refuses

    def drafts() -> Iterator[PostDraft]:
        for line, draft in kept if kept is not None else _drafts(path, reader):
            lines.append(line)
            yield draft

    def written(done: int) -> None:
        if progress is not None:
            progress(size + size * done // max(1, total), 2 * size)

    posts = PostService(db)
    try:
        with db.write() as s:
            ids = posts.add_many(drafts(), create_missing=reader.create_missing, progress=written, session=s)
            created: list[int] = []
            if ids and reader.create_missing:
                used = s.scalars(
                    select(func.distinct(Post.channel_id)).where(Post.id >= min(ids), Post.id <= max(ids))
                )
                created = sorted(set(used) - existing)
    except DraftsRefused as err:
        refused = sorted(err.first_by_index().items())
        raise ImportFailed(str(path), [RowError(lines[i], p.message) for i, p in refused], err.bad) from None
    areas = {POSTS, CLIENTS} if created else {POSTS}
    report = ImportReport(len(ids), sorted(reader.labels.values()))
    return change(
        areas,
        "import_posts",
        lambda: posts.delete_op(ids, channels=created),
        report,
        count=len(ids),
        subject=path.name,
    )


def _drafts(path: Path, reader: NativeRows, *, skip_bad: bool = False) -> Iterator[tuple[int, PostDraft]]:
    """Another reading of a big file: the same drafts (the same placeholders for channels to create). A
    row that is no post is skipped (`skip_bad`: it is listed already) or refuses the file (it changed)."""
    with open_records(path) as again:
        records = iter(again)
        next(records, None)
        for line, cells in data_records(records):
            try:
                draft = reader.draft(cells)
            except (UserError, ValueError) as err:
                if skip_bad:
                    continue
                raise ImportFailed(str(path), [RowError(line, str(err))]) from None
            yield line, draft


def _check(
    db: Database, path: Path, reader: NativeRows, kept: list[tuple[int, PostDraft]] | None
) -> tuple[list[RowError], int]:
    """The rows that became drafts, checked by the posts' one check (a file refused for other rows lists
    these too): the first MAX_KEPT errors, and how many rows are bad."""
    with db.session() as s:
        channels = load_channels(s)
        channels.update(pending_channels(s, reader.create_missing))
    checker = DraftChecker(channels)
    errors: list[RowError] = []
    bad = 0
    for line, draft in kept if kept is not None else _drafts(path, reader, skip_bad=True):
        checked = checker.check(draft)
        if checked.errors:
            bad += 1
            if len(errors) < MAX_KEPT:
                errors.append(RowError(line, str(checked.errors[0])))
    return errors, bad
