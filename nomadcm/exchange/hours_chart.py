"""The chart of hours per client over months: each client's bar is the time worked, its lower part paid and
its upper part unpaid (hatched), months side by side. Drawn with matplotlib on a plain Figure (no pyplot, no
Qt), like the wellbeing charts: the CLI saves it as PNG or SVG, the Hours & pay page draws the same figure on
its canvas with its palette and translated words.

"Paid" here is the part of the worked time that was paid (worked − unpaid): an unused part of a retainer is
no work, and is not drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from nomadcm.errors import UserError
from nomadcm.exchange import chart_axes
from nomadcm.exchange.wellbeing_chart import ChartStyle, new_figure, save_figure
from nomadcm.services.billing.hours import MonthHours

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass
class HoursChartText:
    """Every word on the chart; the GUI passes translated ones, the CLI uses these."""

    title: str = "Hours per client: paid and unpaid"
    hours: str = "hours"
    paid: str = "paid"
    unpaid: str = "unpaid"
    no_data: str = "No hours in this period"
    format_month: Callable[[date], str] = field(default=lambda month: month.strftime("%b %Y"))


def draw_hours(
    fig: Figure,
    months: Sequence[MonthHours],
    colours: dict[int, str] | None = None,
    style: ChartStyle | None = None,
    text: HoursChartText | None = None,
) -> None:
    """Draws the chart of `months` (rows of `BillingService.months`) on `fig` (cleared first)."""
    from matplotlib.patches import Patch

    style = style or ChartStyle()
    text = text or HoursChartText()
    colours = colours or {}
    fig.clear()
    fig.set_facecolor(style.background)
    ax = fig.add_subplot()
    chart_axes.theme(ax, style)

    month_keys = sorted({m.month for m in months})
    clients: list[tuple[int, str]] = list(dict.fromkeys((m.client_id, m.client_name) for m in months))
    width = 0.8 / max(1, len(clients))
    handles = []
    palette = [style.devices[k] for k in ("laptop", "phone", "tablet", "tv", "other")]
    top = 0.0
    for k, (client_id, name) in enumerate(clients):
        colour = colours.get(client_id) or palette[k % len(palette)]
        rows = {m.month: m for m in months if m.client_id == client_id}
        x = [i - 0.4 + width * (k + 0.5) for i in range(len(month_keys))]
        unpaid = [rows[m].unpaid_seconds / 3600 if m in rows else 0.0 for m in month_keys]
        worked = [rows[m].worked_seconds / 3600 if m in rows else 0.0 for m in month_keys]
        paid = [max(0.0, w - u) for w, u in zip(worked, unpaid, strict=True)]
        ax.bar(x, paid, width=width * 0.92, color=colour, linewidth=0)
        ax.bar(
            x, unpaid, bottom=paid, width=width * 0.92, color=colour, alpha=0.35, hatch="//", edgecolor=colour
        )
        handles.append(Patch(facecolor=colour, label=name))
        top = max([top, *worked])
    if clients:
        handles.append(Patch(facecolor=style.foreground, alpha=0.8, label=text.paid))
        handles.append(Patch(facecolor=style.foreground, alpha=0.25, hatch="//", label=text.unpaid))
    ax.set_xticks(range(len(month_keys)), [text.format_month(m) for m in month_keys])
    if len(month_keys) > 6:
        for label in ax.get_xticklabels():
            label.set_rotation(35)
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")
    ax.set_xlim(-0.6, max(len(month_keys), 1) - 0.4)
    ax.set_ylim(0, max(top, 1.0) * 1.15)
    ax.set_title(text.title, color=style.foreground)
    ax.set_ylabel(text.hours, color=style.foreground)
    if top == 0:
        ax.text(
            0.5, 0.5, text.no_data, transform=ax.transAxes, ha="center", va="center", color=style.foreground
        )
    if handles:
        legend = ax.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False
        )
        for label in legend.get_texts():
            label.set_color(style.foreground)
            label.set_parse_math(False)  # client names are drawn as typed ("$" is no mathtext)


def save_hours_chart(
    months: Sequence[MonthHours],
    path: Path | str,
    colours: dict[int, str] | None = None,
    text: HoursChartText | None = None,
) -> Path:
    """The chart as PNG or SVG (by the suffix), written atomically after the check every export passes."""
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise UserError(f"-o {str(path)!r}: the chart is saved as .png or .svg")
    fig = new_figure()
    draw_hours(fig, months, colours, text=text)
    save_figure(fig, path)
    return path
