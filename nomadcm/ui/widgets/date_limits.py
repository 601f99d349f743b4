"""Date pickers offer only the dates NomadCM handles (date_bounds.py): 1970-01-01 to 2100-12-31.

Qt's own range (1752 to 9999) let a person pick a year every other command would then choke on. Every
QDateEdit / QDateTimeEdit of the GUI goes through `limit_dates` (tests/robustness guard it).
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateTimeEdit

from nomadcm.date_bounds import EARLIEST, LATEST

FIRST_DATE = QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day)
LAST_DATE = QDate(LATEST.year, LATEST.month, LATEST.day)


def limit_dates(*edits: QDateTimeEdit) -> None:
    """Bounds each picker (a QDateEdit is a QDateTimeEdit) to the dates NomadCM handles."""
    for edit in edits:
        edit.setDateRange(FIRST_DATE, LAST_DATE)
