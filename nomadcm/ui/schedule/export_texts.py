"""The export dialog's words: format names, what a format would write and drop, how far a series with no
end is listed, and what was written where (exchange/export_formats.py gives the facts)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nomadcm.exchange.bulk_export import Issue
from nomadcm.exchange.export_formats import BULK, EndlessSeries, ExportPlan
from nomadcm.services.schedule.stored_rows import SkippedRow
from nomadcm.ui.formatting import fmt_date, fmt_datetime, fmt_int, fmt_time, plural

SHOWN = 10  # rows named in a list (the rest counted)


def format_names() -> dict[str, str]:
    return {
        "native": QCoreApplication.translate("ExportDialog", "NomadCM CSV"),
        "excel": QCoreApplication.translate(
            "ExportDialog", "CSV for Excel in French (semicolons, UTF-8 with BOM)"
        ),
        "hootsuite": QCoreApplication.translate("ExportDialog", "Hootsuite bulk upload"),
        "sprout": QCoreApplication.translate("ExportDialog", "Sprout Social bulk upload"),
        "publer": QCoreApplication.translate("ExportDialog", "Publer bulk upload"),
        "ics": QCoreApplication.translate("ExportDialog", "iCalendar (.ics) for a calendar app"),
    }


def tool_name(fmt: str) -> str:
    return {"hootsuite": "Hootsuite", "sprout": "Sprout Social", "publer": "Publer"}.get(fmt, fmt)


def count_text(fmt: str, count: int) -> str:
    if fmt == "ics":
        return plural(
            QCoreApplication.translate(
                "ExportDialog", "%n event(s) will be written (a repeating post is one event).", "", count
            ),
            count,
        )
    if fmt in BULK:
        return plural(
            QCoreApplication.translate("ExportDialog", "%n scheduled post(s) will be written.", "", count),
            count,
        )
    return plural(
        QCoreApplication.translate("ExportDialog", "%n post(s) will be exported.", "", count), count
    )


def listed(lines: Sequence[object]) -> str:
    shown = "\n".join(f"• {line}" for line in lines[:SHOWN])
    more = len(lines) - SHOWN
    return shown + (
        "\n" + plural(QCoreApplication.translate("ExportDialog", "…and %n more", "", more), more)
        if more > 0
        else ""
    )


# The reasons a bulk tool drops or moves a row, by the kind the exchange gives (exchange/bulk_export.Issue).
_REASONS = {
    "moved": QT_TRANSLATE_NOOP("ExportDialog", "moved to {time} ({tool} takes {step}-minute steps)"),
    "past": QT_TRANSLATE_NOOP("ExportDialog", "is in the past ({tool} refuses it)"),
    "too_soon": QT_TRANSLATE_NOOP(
        "ExportDialog", "is less than {minutes} minutes from now ({tool} refuses it)"
    ),
    "too_long": QT_TRANSLATE_NOOP(
        "ExportDialog", "the text has {length} characters, over the {limit}-character limit of {network}"
    ),
    "duplicate": QT_TRANSLATE_NOOP(
        "ExportDialog", "the same text is already in the file ({tool} refuses duplicates)"
    ),
    "too_close": QT_TRANSLATE_NOOP(
        "ExportDialog", "is less than {minutes} minutes after the previous post ({tool} wants them apart)"
    ),
}


def issue_text(issue: Issue, fmt: str) -> str:
    """One row a bulk format drops or moves, in the interface's language ("post 12 at 31/03/2027 09:00:
    the same text is already in the file (Hootsuite refuses duplicates)")."""
    values: dict[str, object] = {"tool": tool_name(fmt), **issue.detail}
    if isinstance(values.get("to"), datetime):
        values["time"] = fmt_time(values["to"])  # type: ignore[arg-type]
    for number in ("length", "limit"):
        if isinstance(values.get(number), int):
            values[number] = fmt_int(values[number])  # type: ignore[arg-type]
    reason = issue.message
    if (template := _REASONS.get(issue.kind)) is not None:
        reason = QCoreApplication.translate("ExportDialog", template)  # marked: QT_TRANSLATE_NOOP
        reason = reason.format(**values)
    return QCoreApplication.translate("ExportDialog", "post {id} at {when}: {reason}").format(
        id=issue.post_id, when=fmt_datetime(issue.wall), reason=reason
    )


def skipped_text(row: SkippedRow) -> str:
    """A post an export cannot take (a value an older NomadCM let in); the value itself is named as stored."""
    return QCoreApplication.translate("ExportDialog", "post {id}: {reason}").format(
        id=row.post_id, reason=row.reason
    )


def dropped_text(plan: ExportPlan) -> str:
    """The rows the format's rules drop and why, the times it rounds, the posts it cannot hold."""
    parts = []
    fmt = plan.request.fmt
    if plan.dropped:
        n = len(plan.dropped)
        head = plural(
            QCoreApplication.translate("ExportDialog", "%n post(s) left out, refused by {tool}:", "", n),
            n,
        ).format(tool=tool_name(fmt))
        parts.append(head + "\n" + listed([issue_text(i, fmt) for i in plan.dropped]))
    if plan.moved:
        n = len(plan.moved)
        head = plural(
            QCoreApplication.translate("ExportDialog", "%n post(s) moved to the tool's time step:", "", n), n
        )
        parts.append(head + "\n" + listed([issue_text(i, fmt) for i in plan.moved]))
    if plan.skipped:
        n = len(plan.skipped)
        head = plural(
            QCoreApplication.translate(
                "ExportDialog", "%n post(s) left out (fix or delete them, then export again):", "", n
            ),
            n,
        )
        parts.append(head + "\n" + listed([skipped_text(r) for r in plan.skipped]))
    return "\n".join(parts)


def endless_text(endless: Sequence[EndlessSeries]) -> str:
    """How far each series with no end is listed."""
    lines = []
    for s in endless[:SHOWN]:
        text = s.text if len(s.text) <= 40 else s.text[:39] + "…"
        if s.as_rule:
            lines.append(
                QCoreApplication.translate(
                    "ExportDialog",
                    "“{text}” repeats with no end: written as a repeating event, calendars show it for ever.",
                ).format(text=text)
            )
        else:
            assert s.listed_until is not None
            lines.append(
                QCoreApplication.translate(
                    "ExportDialog",
                    "“{text}” repeats with no end: listed until {date} (set an end date to list more).",
                ).format(text=text, date=fmt_date(s.listed_until))
            )
    more = len(endless) - SHOWN
    if more > 0:
        lines.append(plural(QCoreApplication.translate("ExportDialog", "…and %n more", "", more), more))
    return "\n".join(lines)


def done_text(plan: ExportPlan, path: Path) -> str:
    where = ", ".join(str(p) for p in plan.files) if plan.files else str(path)
    if plan.request.fmt == "ics":
        return QCoreApplication.translate("ExportDialog", "Exported {count} events to {path}").format(
            count=fmt_int(plan.count), path=where
        )
    return QCoreApplication.translate("ExportDialog", "Exported {count} posts to {path}").format(
        count=fmt_int(plan.count), path=where
    )
