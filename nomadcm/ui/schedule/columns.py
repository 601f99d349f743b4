"""The Schedule table's columns: their order, titles, tips and widths, and the texts its cells share.

Light on purpose (Qt and nothing of the data stack): the window paints the Schedule's frame — its filters and
the table's header, with no row yet — before SQLAlchemy, the models and the services are even imported
(ui/startup.py), and `ScheduleModel` (table_models.py) takes its columns from here, so the frame and the page
that replaces it have the same columns at the same widths: the rows arrive without the table moving.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt

from nomadcm.ui.widgets.table_model import RowsTableModel

AUDIENCE, YOURS, UTC, CLIENT, CHANNEL, STATUS, CONFLICTS, TEXT = range(8)
COLUMN_COUNT = 8

WIDTHS: dict[int, int] = {
    AUDIENCE: 185,  # room for the ↻ and ⇥ marks of an occurrence
    YOURS: 135,
    UTC: 125,
    CLIENT: 145,
    CHANNEL: 150,
    STATUS: 95,  # "Programmée", "Publiée"
    CONFLICTS: 80,  # up to four kind symbols
}

RowKey = tuple[int, datetime | None]  # (post id, series wall time or None for a single post)
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def headers() -> tuple[str, ...]:
    """The column titles (translated when asked: the language may have changed since import)."""
    return (
        QCoreApplication.translate("ScheduleModel", "Audience time"),
        QCoreApplication.translate("ScheduleModel", "Your time"),
        QCoreApplication.translate("ScheduleModel", "UTC"),
        QCoreApplication.translate("ScheduleModel", "Client"),
        QCoreApplication.translate("ScheduleModel", "Channel"),
        QCoreApplication.translate("ScheduleModel", "Status"),
        QCoreApplication.translate("ScheduleModel", "Conflicts"),
        QCoreApplication.translate("ScheduleModel", "Text"),
    )


def header_tip(section: int) -> str:
    return (
        QCoreApplication.translate(
            "ScheduleModel", "When the post goes out, in the zone it was planned in (the client's audience)"
        ),
        QCoreApplication.translate(
            "ScheduleModel", "The same moment on your clock, wherever your itinerary puts you then"
        ),
        QCoreApplication.translate("ScheduleModel", "The same moment in UTC"),
        "",
        "",
        "",
        QCoreApplication.translate(
            "ScheduleModel", "Posts going out while you sleep, travel, are off, or on a public holiday"
        ),
        QCoreApplication.translate("ScheduleModel", "First line of the text"),
    )[section]


def status_label(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("Status", "Draft"),
        "scheduled": QCoreApplication.translate("Status", "Scheduled"),
        "published": QCoreApplication.translate("Status", "Published"),
        "cancelled": QCoreApplication.translate("Status", "Cancelled"),
    }
    return labels.get(status, status)


def channel_text(network: str, handle: str) -> str:
    return f"{network} {handle}".strip()


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


class ScheduleColumnsModel(RowsTableModel[object]):
    """The Schedule's columns with no row: what the page's frame shows until the rows are read."""

    COLUMN_COUNT = COLUMN_COUNT

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._headers = headers()

    def _header_tip(self, section: int) -> str:
        return header_tip(section)
