"""The native schedule CSV: a contract other tools rely on (documented in the README).

Columns, in order: id,client,channel,status,audience_tz,audience_time,utc_time,cm_tz,cm_time,text,link,tags

- one row per post sorted by UTC instant; UTF-8; RFC 4180 quoting (CRLF line ends);
- audience_time / cm_time: `YYYY-MM-DD HH:MM` wall times; utc_time: `YYYY-MM-DDTHH:MM:SSZ`;
- cm_tz / cm_time: where the CM is at that instant (the itinerary);
- channel: the network, or `network:handle` when the channel has a handle;
- a cell beginning with = + - @ tab or CR is prefixed with ' (OWASP CSV injection); import removes it again
  (exchange/csv_cells.py);
- Excel profile: UTF-8 with BOM and `;` as delimiter (French Excel opens it directly).

This module holds what both directions must agree on — the columns and the forms of their cells — so the
writer (exchange/csv_native_export.py) and the reader (exchange/csv_native_import.py) cannot drift apart.
"""

from __future__ import annotations

import re
from datetime import datetime

COLUMNS: tuple[str, ...] = (
    "id",
    "client",
    "channel",
    "status",
    "audience_tz",
    "audience_time",
    "utc_time",
    "cm_tz",
    "cm_time",
    "text",
    "link",
    "tags",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("client", "channel", "audience_tz", "audience_time", "text")
WALL_FORMAT = "%Y-%m-%d %H:%M"
_WALL_RE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d", re.ASCII)


def parse_wall(text: str) -> datetime:
    """A `YYYY-MM-DD HH:MM` cell; raises ValueError. The usual form is read without strptime (which costs
    more than the rest of a row's reading); any other goes through strptime, which also takes `2025-6-1 9:00`."""
    if _WALL_RE.fullmatch(text):
        return datetime.fromisoformat(text)
    return datetime.strptime(text, WALL_FORMAT)


def format_wall(d: datetime) -> str:
    """`YYYY-MM-DD HH:MM` of a naive or aware datetime (isoformat is C code: this runs per exported row)."""
    return d.isoformat(" ", "minutes")[:16]


def format_utc(d: datetime) -> str:
    """`YYYY-MM-DDTHH:MM:SSZ` of an aware UTC datetime."""
    return d.isoformat("T", "seconds")[:19] + "Z"


def channel_label(network: str, handle: str) -> str:
    return f"{network}:{handle}" if handle else network
