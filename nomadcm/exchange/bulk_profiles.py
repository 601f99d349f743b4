"""Bulk-scheduler CSV files: what Hootsuite, Sprout Social and Publer each accept.

Each tool's bulk upload has its own columns and rules; what we know of them is written down once, in
`PROFILES`, from each vendor's help pages (see docs/publishing-formats.md):

- Hootsuite (bulk composer): no header row; columns date-time, message, link; date-time `DD/MM/YYYY HH:MM`
  (or `MM/DD/YYYY HH:MM`, chosen at upload); minutes must end in 0 or 5; at least 10 minutes in the future;
  no duplicate messages; at most 350 posts a file.
- Sprout Social: header `date,time_24hr,message_text,link,image_url,tags` (case-sensitive); date `dd/mm/yyyy`
  or `mm/dd/yyyy` (an import preference), 24-hour time; posts at least 10 minutes apart and at least 10
  minutes after the upload; text within the network's limit; at most 350 messages an import.
- Publer: the 12-column template `Date,Text,Link(s),Media URL(s),Title,Label(s),Alt text(s),Comment(s),
  Pin board,Post subtype,CTA,Reminder` (columns kept even when empty); date `YYYY-MM-DD HH:MM`; a time in
  the past is refused. Publer documents no minimum spacing; we split files at 500 rows (assumption).

Exporting to these tools is exchange/bulk_export.py, importing their files is exchange/bulk_import.py; both
read the columns, limits and date forms from here. None of these tools documents a spreadsheet escape: each
publishes a cell as it reads it, so the text, link and tag cells are written and read exactly (no leading
`'` against formulas, unlike the native CSV's cells: exchange/csv_cells.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from nomadcm.errors import ValidationError

FORMATS: tuple[str, ...] = ("hootsuite", "sprout", "publer")
DATE_STYLES: tuple[str, ...] = ("dmy", "mdy")
PUBLER_COLUMNS: tuple[str, ...] = (
    "Date",
    "Text",
    "Link(s)",
    "Media URL(s)",
    "Title",
    "Label(s)",
    "Alt text(s)",
    "Comment(s)",
    "Pin board",
    "Post subtype",
    "CTA",
    "Reminder",
)
SPROUT_COLUMNS: tuple[str, ...] = ("date", "time_24hr", "message_text", "link", "image_url", "tags")


@dataclass(frozen=True)
class BulkProfile:
    name: str
    header: tuple[str, ...] | None  # None: the file has no header row
    max_rows: int  # per file; a larger export is split
    min_lead: timedelta  # how far in the future a post must be at upload
    min_spacing: timedelta | None  # between two posts of the file
    step_minutes: int | None  # times must fall on this step (rounded, and reported)
    no_duplicates: bool  # the same text twice is refused
    date_styles: tuple[str, ...]  # () : one fixed ISO form


PROFILES: dict[str, BulkProfile] = {
    "hootsuite": BulkProfile("Hootsuite", None, 350, timedelta(minutes=10), None, 5, True, DATE_STYLES),
    "sprout": BulkProfile(
        "Sprout Social",
        SPROUT_COLUMNS,
        350,
        timedelta(minutes=10),
        timedelta(minutes=10),
        None,
        False,
        DATE_STYLES,
    ),
    "publer": BulkProfile("Publer", PUBLER_COLUMNS, 500, timedelta(0), None, None, False, ()),
}


def check_format(fmt: str) -> BulkProfile:
    if fmt not in PROFILES:
        raise ValidationError(f"unknown format {fmt!r} (one of: native, {', '.join(FORMATS)})")
    return PROFILES[fmt]


def format_when(d: datetime, style: str, fmt: str) -> str:
    """The date cell of a row (with the time, except Sprout's: it has a column of its own)."""
    if fmt == "publer":
        return f"{d:%Y-%m-%d %H:%M}"
    day = f"{d:%d/%m/%Y}" if style == "dmy" else f"{d:%m/%d/%Y}"
    return day if fmt == "sprout" else f"{day} {d:%H:%M}"


def parse_when(date_text: str, time_text: str | None, fmt: str, style: str) -> datetime:
    """The wall time of a row's date cell (and Sprout's time cell); raises ValidationError."""
    text = date_text.strip() if time_text is None else f"{date_text.strip()} {time_text.strip()}"
    if fmt == "publer":
        forms = ["%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M:%S"]
    elif style == "dmy":
        forms = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"]
    else:
        forms = ["%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S"]
    for form in forms:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    expected = (
        "YYYY-MM-DD HH:MM"
        if fmt == "publer"
        else ("DD/MM/YYYY HH:MM" if style == "dmy" else "MM/DD/YYYY HH:MM")
    )
    raise ValidationError(f"{text!r} is not a date and time ({expected})")
