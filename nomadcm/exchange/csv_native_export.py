"""Writing the native schedule CSV (exchange/csv_native.py): `nomadcm export csv` and the Export dialog.

Export streams rows from the schedule query, so its memory does not grow with the number of posts, and
writes a file atomically (exchange/atomic_files.py): an export that fails halfway leaves no partial file.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.csv_cells import INJECTION_CHARS, neutralise
from nomadcm.exchange.csv_native import COLUMNS
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.series import Occurrence
from nomadcm.services.schedule.stored_rows import SkippedRow, usable
from nomadcm.services.travel.itinerary import Itinerary
from nomadcm.storage import Database


def export_rows(
    db: Database,
    date_from: date | None = None,
    date_to: date | None = None,
    client: str | None = None,
    itinerary: Itinerary | None = None,
    skipped: list[SkippedRow] | None = None,
) -> Iterator[list[str]]:
    """The data rows (no header), streamed in instant order from the schedule query (one row per occurrence
    of a recurring post, same id). Checks its arguments (an unknown client) when called, before a header or
    a file is written. A post the file cannot hold (stored by an older NomadCM: a year 9999, a link with a
    line break) is left out and added to `skipped` (services/schedule/stored_rows.py)."""
    try:
        query = ScheduleQuery(
            db, ScheduleFilter(client_name=client, date_from=date_from, date_to=date_to), itinerary=itinerary
        )
    except NotFoundError:
        raise ValidationError(f"--client: unknown client {client!r}") from None
    return _format_rows(usable(query.stream(), [] if skipped is None else skipped))


# First characters that may need the spreadsheet guard: most cells start with none of them and skip the call.
_MAY_NEED_GUARD = frozenset((*INJECTION_CHARS, "'"))
_first = operator.itemgetter(0)


def _format_rows(rows: Iterator[Occurrence]) -> Iterator[list[str]]:
    """The cells of each row. This runs per exported row: the forms of csv_native.py (`format_wall`,
    `format_utc`, `channel_label`) are inlined as their C calls, bound once."""
    guard, risky, iso = neutralise, _MAY_NEED_GUARD, datetime.isoformat
    for o in rows:
        client, network, handle = o.client_name, o.network, o.handle
        channel = f"{network}:{handle}" if handle else network
        text, link, tags = o.text, o.link, o.tags
        yield [
            str(o.post_id),
            guard(client) if client and client[0] in risky else client,
            guard(channel) if channel and channel[0] in risky else channel,
            o.status,
            o.tz,
            iso(o.wall, " ", "minutes")[:16],
            iso(o.utc, "T", "seconds")[:19] + "Z",
            o.cm.zone,  # type: ignore[union-attr]  # filled by the schedule query
            iso(o.cm_wall, " ", "minutes")[:16],  # type: ignore[arg-type]
            guard(text) if text and text[0] in risky else text,
            guard(link) if link and link[0] in risky else link,
            guard(tags) if tags and tags[0] in risky else tags,
        ]


def write_csv(rows: Iterator[list[str]], out: IO[str], excel: bool = False) -> int:
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    taken = itertools.count()  # zip advances it once per row it takes (never after the last one)
    writer.writerows(map(_first, zip(rows, taken, strict=False)))  # the loop and the count in C
    return next(taken)


def export_csv(
    db: Database,
    target: Path | IO[str] | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    client: str | None = None,
    excel: bool = False,
    skipped: list[SkippedRow] | None = None,
) -> int:
    """Write the schedule CSV to `target` (a path: atomically; a stream; None: stdout). Returns the row count;
    the posts left out (see `export_rows`) are added to `skipped`."""
    if date_from and date_to and date_to < date_from:
        raise ValidationError(f"--to {date_to} is before --from {date_from}")
    rows = export_rows(db, date_from, date_to, client, skipped=skipped)
    if target is None:
        out = _stdout_for_csv()
        try:
            return write_csv(rows, out, excel)
        finally:
            if out is not sys.stdout:
                out.flush()
                out.detach()  # leave sys.stdout's buffer open
    if not isinstance(target, (str, Path)):
        return write_csv(rows, target, excel)
    with atomic_text_file(Path(target)) as out:
        return write_csv(rows, out, excel)


def _stdout_for_csv() -> IO[str]:
    """Standard output as UTF-8 without newline translation: the CSV writes its own CRLF (RFC 4180), which a
    Windows console stream would turn into CR CR LF, and a legacy console code page can't encode emoji."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # already a text stream without bytes underneath (tests, redirections in-process)
        return sys.stdout
    sys.stdout.flush()
    return io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
