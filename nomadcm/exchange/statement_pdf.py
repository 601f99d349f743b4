"""A client's monthly statement as a printable PDF (A4), drawn with matplotlib's PDF backend — no Qt, so the
CLI writes the same file as the GUI, and no new dependency.

Page one: the title, the client, the month, the contract(s) and the month's figures; then the pieces of
work day by day (a day's part of an entry: a session past midnight shows on both days), over as many pages as
they need, with the total. Words are the client's language (exchange/statement_words.py). Text is embedded
as TrueType (`pdf.fonttype` 42) so it can be selected, searched and read back (the tests read it with pypdf);
user text (names, notes) is drawn as it is, never as mathtext (a "$" in a note stays a "$").

Drawn in memory, then written atomically after the check every export goes through.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nomadcm import timezones
from nomadcm.currencies import format_minutes
from nomadcm.exchange.statement_words import (
    contracts_lines,
    day_text,
    month_name,
    source_text,
    summary,
    words,
)
from nomadcm.services.billing.hours import WorkPiece
from nomadcm.services.billing.service import Statement
from nomadcm.services.wellbeing.days import round_minutes

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 50.0
ROW = 13.0
FIRST_PAGE_ROWS = 34
PAGE_ROWS = 54
# (x in points, key of the header, right-aligned)
COLUMNS: tuple[tuple[float, str, bool], ...] = (
    (MARGIN, "date", False),
    (122.0, "span_col", False),
    (218.0, "duration", True),
    (228.0, "zone", False),
    (296.0, "kind", False),
    (376.0, "is_billable", False),
    (438.0, "note", False),
)
NOTE_CHARS = 26
NAME_CHARS = 70


def statement_pdf_bytes(statement: Statement) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    lang = statement.language
    title = f"{words(lang)['title']} — {statement.client.name} — {month_name(statement.hours.month, lang)}"
    buffer = io.BytesIO()
    with (
        matplotlib.rc_context({"pdf.fonttype": 42}),
        PdfPages(buffer, metadata={"Title": title, "Creator": "NomadCM", "CreationDate": None}) as pdf,
    ):
        for fig in statement_pages(statement):
            pdf.savefig(fig)
    return buffer.getvalue()


def statement_pages(statement: Statement) -> list[Figure]:
    """The statement's pages as A4 figures (the PDF; a PNG of a page for a look)."""
    w = words(statement.language)
    rows = list(statement.pieces)
    pages = _pages(rows)
    figures = []
    for number, chunk in enumerate(pages, start=1):
        fig = _page()
        top = _first_page(fig, statement) if number == 1 else PAGE_H - MARGIN
        end = _table(fig, statement, chunk, top, last=number == len(pages))
        if number == 1 and not rows:
            _text(fig, MARGIN, end, w["no_entries"], 9)
        footer = f"{w['made']} · {w['page'].format(n=number, total=len(pages))}"
        _text(fig, PAGE_W - MARGIN, MARGIN / 2, footer, 7, ha="right", alpha=0.7)
        figures.append(fig)
    return figures


def write_statement_pdf(statement: Statement, path: Path | str) -> Path:
    from nomadcm.exchange.atomic_files import write_bytes_atomically
    from nomadcm.exchange.output_targets import check_target

    check_target(path)  # before drawing: a refused place costs nothing
    write_bytes_atomically(path, statement_pdf_bytes(statement))
    return Path(path)


def _pages(rows: Sequence[WorkPiece]) -> list[list[WorkPiece]]:
    pages = [list(rows[:FIRST_PAGE_ROWS])]
    rest = rows[FIRST_PAGE_ROWS:]
    while rest:
        pages.append(list(rest[:PAGE_ROWS]))
        rest = rest[PAGE_ROWS:]
    return pages


def _page() -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(PAGE_W / 72, PAGE_H / 72), dpi=72)


def _text(fig: Figure, x: float, y: float, text: str, size: float, **options: Any) -> None:
    """`text` at (x, y) points from the bottom left, drawn as it is (no mathtext)."""
    fig.text(x / PAGE_W, y / PAGE_H, text, fontsize=size, parse_math=False, va="baseline", **options)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_page(fig: Figure, statement: Statement) -> float:
    """The heading and the month's figures; returns where the table starts (points from the bottom)."""
    lang = statement.language
    w = words(lang)
    y = PAGE_H - MARGIN - 10
    _text(fig, MARGIN, y, w["title"], 18, weight="bold")
    y -= 26
    _text(fig, MARGIN, y, f"{w['client']} : " if lang == "fr" else f"{w['client']}: ", 10, alpha=0.7)
    _text(fig, MARGIN + 60, y, _cut(statement.client.name, NAME_CHARS), 10, weight="bold")
    y -= 15
    _text(fig, MARGIN, y, f"{w['period']} : " if lang == "fr" else f"{w['period']}: ", 10, alpha=0.7)
    _text(fig, MARGIN + 60, y, month_name(statement.hours.month, lang), 10)
    for line in contracts_lines(statement):
        y -= 15
        _text(fig, MARGIN, y, f"{w['contract']} : " if lang == "fr" else f"{w['contract']}: ", 10, alpha=0.7)
        _text(fig, MARGIN + 60, y, line, 10)
    y -= 28
    for label, value in summary(statement):
        _text(fig, MARGIN, y, label, 10)
        _text(fig, MARGIN + 230, y, value, 10, ha="right", weight="bold")
        y -= 15
    y -= 8
    _text(fig, MARGIN, y, w["times"], 7, alpha=0.7, style="italic")
    y -= 24
    _text(fig, MARGIN, y, w["entries"], 12, weight="bold")
    return y - 20


def _table(fig: Figure, statement: Statement, rows: Sequence[WorkPiece], top: float, last: bool) -> float:
    """The column headers, `rows`, and on the last page the total; returns the y below them."""
    lang = statement.language
    w = words(lang)
    y = top
    if not rows and not last:
        return y
    for x, key, right in COLUMNS:
        _text(fig, x, y, w[key], 8, weight="bold", ha="right" if right else "left")
    fig.add_artist(_rule(y - 4))
    y -= ROW + 2
    for piece in rows:
        for (x, _key, right), cell in zip(COLUMNS, _cells(piece, lang), strict=True):
            _text(fig, x, y, cell, 8, ha="right" if right else "left")
        y -= ROW
    if last and statement.pieces:
        fig.add_artist(_rule(y + ROW - 4))
        total = format_minutes(round_minutes(statement.hours.worked_seconds))
        _text(fig, COLUMNS[0][0], y - 2, w["total"], 8, weight="bold")
        _text(fig, COLUMNS[2][0], y - 2, total, 8, weight="bold", ha="right")
        y -= ROW
    return y


def _cells(piece: WorkPiece, lang: str) -> list[str]:
    w = words(lang)
    start = timezones.wall_at(piece.start, piece.zone)
    end = timezones.wall_at(piece.end, piece.zone)
    end_text = "24:00" if end.date() > piece.day else f"{end:%H:%M}"
    city = piece.zone.rsplit("/", 1)[-1].replace("_", " ")
    return [
        day_text(piece.day, lang),
        f"{start:%H:%M}–{end_text}",
        format_minutes(round_minutes(piece.seconds)),
        city,
        source_text(piece.source, lang),
        w["yes"] if piece.billable else w["no"],
        _cut(piece.note, NOTE_CHARS),
    ]


def _rule(y: float) -> Any:
    from matplotlib.lines import Line2D

    return Line2D(
        [MARGIN / PAGE_W, (PAGE_W - MARGIN) / PAGE_W],
        [y / PAGE_H, y / PAGE_H],
        linewidth=0.5,
        color="#888888",
    )
