"""The native CSV import in one pass over the file, so that neither its memory nor its time grows faster
than the file.

Each record is read (exchange/csv_stream.py), turned into a draft (`NativeRows`: the client and channel
found, a channel to create made when first met, the wall time read) and handed to the posts' one check and
insert (`PostWriter`, services/schedule/post_writer.py), which writes in batches — all inside one write
transaction. A row that is no post, or a draft the check refuses, is listed by line (the first `MAX_KEPT`,
and counted); from then on nothing more is written, the rest of the file is only checked so that every bad
row is listed, and the transaction rolls back: all rows or none, a killed process leaves nothing either.

What stays in memory is a record, a batch of rows and the new posts' ids (for undo).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from nomadcm.errors import UserError
from nomadcm.exchange.csv_stream import CsvStream
from nomadcm.exchange.file_errors import MAX_KEPT, ImportFailed, RowError
from nomadcm.services.changes import CLIENTS, POSTS, Change, change
from nomadcm.services.schedule.post_writer import PostWriter, roomy_page_cache
from nomadcm.services.schedule.posts import PostService
from nomadcm.storage import Database

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
    return ((line, cells) for line, cells in records if "".join(cells).strip())  # blank records skipped


def import_in_one_pass(db: Database, path: Path, progress: Progress | None = None) -> Change:
    """`csv_native_import.import_csv_op`: ImportFailed lists the bad rows by line; the Change's undo
    deletes exactly the posts and channels added (result: the ImportReport)."""
    from nomadcm.exchange.csv_native import COLUMNS
    from nomadcm.exchange.csv_native_import import ImportReport, NativeRows, check_header

    size = max(1, path.stat().st_size) if path.is_file() else 1
    errors: list[RowError] = []
    bad = 0
    with open_records(path) as stream, db.write() as s, roomy_page_cache(s):
        records = iter(stream)
        header = header_of(path, records, COLUMNS)
        try:
            check_header(path, header)
        except UserError:
            for _ in records:  # a file that is not UTF-8 or not CSV at all says so rather
                pass
            raise
        reader = NativeRows(db, header)
        writer = PostWriter(s)
        for total, (line, cells) in enumerate(data_records(records), 1):
            if progress is not None and total % 2000 == 0:
                progress(min(stream.chars, size), size)
            try:
                draft = reader.draft(cells)
            except (UserError, ValueError) as err:
                problem = str(err)
                writer.refuse_row()
            else:
                if draft.channel_id < 0 and draft.channel_id not in writer.checker.channels:
                    writer.create_channel(draft.channel_id, reader.create_missing[draft.channel_id])
                checked = writer.add(draft)
                if not checked.errors:
                    continue
                problem = str(checked.errors[0])
            bad += 1
            if len(errors) < MAX_KEPT:
                errors.append(RowError(line, problem))
        if bad:  # raised inside the write: the transaction rolls back, with every batch written
            raise ImportFailed(str(path), errors, bad)
        ids = writer.finish()
        created = sorted(writer.checker.channels[key].id for key in reader.create_missing)
    if progress is not None:
        progress(size, size)
    posts = PostService(db)
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
