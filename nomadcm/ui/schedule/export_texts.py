"""The export dialog's words: format names, what a format would write and drop, how far a series with no
end is listed, and what was written where (exchange/export_formats.py gives the facts)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from nomadcm.exchange.export_formats import BULK, EndlessSeries, ExportPlan
from nomadcm.ui.formatting import fmt_date, fmt_int, plural

SHOWN = 10  # rows named in a list (the rest counted)


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("ExportDialog", text, "", n)


def format_names() -> dict[str, str]:
    return {
        "native": tr("NomadCM CSV"),
        "excel": tr("CSV for Excel in French (semicolons, UTF-8 with BOM)"),
        "hootsuite": tr("Hootsuite bulk upload"),
        "sprout": tr("Sprout Social bulk upload"),
        "publer": tr("Publer bulk upload"),
        "ics": tr("iCalendar (.ics) for a calendar app"),
    }


def tool_name(fmt: str) -> str:
    return {"hootsuite": "Hootsuite", "sprout": "Sprout Social", "publer": "Publer"}.get(fmt, fmt)


def count_text(fmt: str, count: int) -> str:
    if fmt == "ics":
        return plural(tr("%n event(s) will be written (a repeating post is one event).", count), count)
    if fmt in BULK:
        return plural(tr("%n scheduled post(s) will be written.", count), count)
    return plural(tr("%n post(s) will be exported.", count), count)


def listed(lines: Sequence[object]) -> str:
    shown = "\n".join(f"• {line}" for line in lines[:SHOWN])
    more = len(lines) - SHOWN
    return shown + ("\n" + plural(tr("…and %n more", more), more) if more > 0 else "")


def dropped_text(plan: ExportPlan) -> str:
    """The rows the format's rules drop and why, the times it rounds, the posts it cannot hold."""
    parts = []
    fmt = plan.request.fmt
    if plan.dropped:
        n = len(plan.dropped)
        head = plural(tr("%n post(s) left out: {tool} would refuse them:", n), n).format(tool=tool_name(fmt))
        parts.append(head + "\n" + listed(plan.dropped))
    if plan.moved:
        n = len(plan.moved)
        head = plural(tr("%n post(s) moved to the tool's time step:", n), n)
        parts.append(head + "\n" + listed(plan.moved))
    if plan.skipped:
        n = len(plan.skipped)
        head = plural(tr("%n post(s) left out (fix or delete them, then export again):", n), n)
        parts.append(head + "\n" + listed(plan.skipped))
    return "\n".join(parts)


def endless_text(endless: Sequence[EndlessSeries]) -> str:
    """How far each series with no end is listed."""
    lines = []
    for s in endless[:SHOWN]:
        text = s.text if len(s.text) <= 40 else s.text[:39] + "…"
        if s.as_rule:
            lines.append(
                tr(
                    "“{text}” repeats with no end: written as a repeating event, calendars show it for ever."
                ).format(text=text)
            )
        else:
            assert s.listed_until is not None
            lines.append(
                tr(
                    "“{text}” repeats with no end: listed until {date} (set an end date to list more)."
                ).format(text=text, date=fmt_date(s.listed_until))
            )
    more = len(endless) - SHOWN
    if more > 0:
        lines.append(plural(tr("…and %n more", more), more))
    return "\n".join(lines)


def done_text(plan: ExportPlan, path: Path) -> str:
    where = ", ".join(str(p) for p in plan.files) if plan.files else str(path)
    if plan.request.fmt == "ics":
        return tr("Exported {count} events to {path}").format(count=fmt_int(plan.count), path=where)
    return tr("Exported {count} posts to {path}").format(count=fmt_int(plan.count), path=where)
