"""The native CSV import in two passes over the file, so that its memory does not grow with the file.

1. Every record is read (exchange/csv_stream.py), turned into a draft (`NativeRows`) and checked by the
   posts' one check, as it comes; bad rows are listed by line (the first `MAX_KEPT`, and counted).
2. Only when every row is good: the file is read again, each record drafted again (the same placeholders
   for the channels to create) and handed to `add_many`, the posts' one insert, which checks it once more and
   writes in batches, all in one transaction: all rows or none, even if the file or the database changed
   in between.

What stays in memory is a record, a batch of rows, the new posts' ids (for undo) and their lines.
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
        errors, bad, total = _check(db, reader, data_records(records), stream, size, progress)
    if bad:
        raise ImportFailed(str(path), errors, bad)

    lines = array("q")  # line of each draft handed to add_many, to name a row it refuses

    def drafts() -> Iterator[PostDraft]:
        with open_records(path) as again:
            records = iter(again)
            next(records, None)
            for line, cells in data_records(records):
                lines.append(line)
                try:
                    yield reader.draft(cells)
                except (UserError, ValueError) as err:  # the file changed since the first pass
                    raise ImportFailed(str(path), [RowError(line, str(err))]) from None

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
    except DraftsRefused as err:  # the database changed since the first pass (a channel deleted...)
        refused = sorted(err.first_by_index().items())
        raise ImportFailed(
            str(path), [RowError(lines[i], p.message) for i, p in refused[:MAX_KEPT]], len(refused)
        ) from None
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


def _check(
    db: Database,
    reader: NativeRows,
    records: Records,
    stream: CsvStream,
    size: int,
    progress: Progress | None,
) -> tuple[list[RowError], int, int]:
    """First pass: every record drafted and checked. (the first MAX_KEPT errors, how many rows are bad,
    how many rows there are)."""
    with db.session() as s:
        channels = load_channels(s)
    checker = DraftChecker(channels)
    errors: list[RowError] = []
    bad = total = 0
    for line, cells in records:
        total += 1
        if progress is not None and total % 2000 == 0:
            progress(min(stream.chars, size), 2 * size)
        try:
            draft = reader.draft(cells)
        except (UserError, ValueError) as err:
            message = str(err)
        else:
            if draft.channel_id < 0 and draft.channel_id not in channels:  # a channel to create
                with db.session() as s:
                    new = reader.create_missing[draft.channel_id]
                    channels.update(pending_channels(s, {draft.channel_id: new}))
            checked = checker.check(draft)
            if not checked.errors:
                continue
            message = str(checked.errors[0])
        bad += 1
        if len(errors) < MAX_KEPT:
            errors.append(RowError(line, message))
    return errors, bad, total
