"""The wellbeing charts, drawn with matplotlib on a plain Figure (no pyplot, no Qt).

The CLI saves them as PNG/SVG; the Wellbeing page draws the same figures on a FigureCanvasQTAgg, passing its
palette (dark theme) and translated labels. Three views over one `Report`:

- daily: screen time stacked by device above the axis, sleep and other rest mirrored below, the goals as
  lines (screen limit above; sleep goal and daily-rest goal below, with the longest rest of each day);
- weekly: weekly screen totals against the weekly limit, with the weeks' sleep;
- rest: nights under the sleep goal, days without the daily rest, weeks without the weekly rest.

Long ranges draw steps (one patch per series) instead of hundreds of bars: a year renders in well under a
second.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nomadcm.errors import UserError
from nomadcm.exchange import chart_axes
from nomadcm.models.wellbeing import DEVICES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from nomadcm.services.wellbeing.wellbeing_report import Report

VIEWS = ("daily", "weekly", "rest")
BARS_UP_TO_DAYS = 62


@dataclass
class ChartStyle:
    background: str = "#ffffff"
    foreground: str = "#1f2328"
    grid: str = "#d0d7de"
    devices: dict[str, str] = field(
        default_factory=lambda: {
            "laptop": "#4a90d9",
            "phone": "#e07b39",
            "tablet": "#8e6cc9",
            "tv": "#d64f7a",
            "other": "#8a8f98",
        }
    )
    sleep: str = "#2e9e7a"
    rest: str = "#8fd1b5"
    warn: str = "#d1453b"
    goal: str = "#b7791f"

    @classmethod
    def dark(cls) -> ChartStyle:
        return cls(
            background="#1e1f22", foreground="#e6e6e6", grid="#3a3d42", rest="#3f7f68", sleep="#3fbf95"
        )


@dataclass
class ChartText:
    """Every word on the charts; the GUI passes translated ones, the CLI uses these."""

    daily_title: str = "Screen time and rest per day"
    weekly_title: str = "Weekly totals"
    rest_title: str = "Rest"
    hours: str = "hours"
    screen_up: str = "screen ↑"
    rest_down: str = "rest ↓"
    # legend entries: each starts with a capital, as the devices' names do
    devices: dict[str, str] = field(default_factory=lambda: {d: d.capitalize() for d in DEVICES})
    sleep: str = "Sleep"
    other_rest: str = "Other rest"
    longest_rest: str = "Longest rest in a row"
    screen_limit: str = "Daily screen limit"
    week_limit: str = "Weekly screen limit"
    sleep_goal: str = "Sleep goal"
    rest_goal: str = "Daily rest goal"
    week_screen: str = "Screen time per week"
    week_sleep: str = "Sleep per week"
    nights_short: str = "Nights under the sleep goal"
    days_no_rest: str = "Days without the daily rest"
    weeks_no_rest: str = "Weeks without the weekly rest"
    no_data: str = "Nothing logged in this period"
    format_date: Callable[[date], str] = field(default=lambda day: day.strftime("%d %b"))
    format_week: Callable[[date], str] = field(default=lambda day: day.strftime("%d %b"))
    # numbers on the axes and in the legends: the GUI passes its locale's ("7,5" in French)
    format_number: Callable[[float], str] = field(default=lambda value: f"{value:g}")

    def hours_value(self, value: float) -> str:
        """A goal in a legend: "7.5 h" (non-breaking space: the unit stays with its number)."""
        return f"{self.format_number(value)}\u00a0h"


def new_figure(width: float = 10, height: float = 5.5, dpi: float = 100) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi, layout="constrained")


def draw(
    fig: Figure,
    report: Report,
    view: str = "daily",
    style: ChartStyle | None = None,
    text: ChartText | None = None,
) -> None:
    """Draws one view of `report` on `fig` (cleared first)."""
    style = style or ChartStyle()
    text = text or ChartText()
    fig.clear()
    fig.set_facecolor(style.background)
    ax = fig.add_subplot()
    chart_axes.theme(ax, style)
    if view == "daily":
        _daily(ax, report, style, text)
    elif view == "weekly":
        _weekly(ax, report, style, text)
    elif view == "rest":
        _rest(ax, report, style, text)
    else:
        raise UserError(f"chart view {view!r} is not one of {', '.join(VIEWS)}")


def save_chart(
    report: Report,
    path: Path | str,
    view: str = "daily",
    style: ChartStyle | None = None,
    text: ChartText | None = None,
) -> Path:
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise UserError(f"-o {str(path)!r}: the chart is saved as .png or .svg")
    fig = new_figure()
    draw(fig, report, view, style, text)
    save_figure(fig, path)
    return path


def save_figure(fig: Figure, path: Path | str) -> None:
    """`fig` as PNG or SVG (by the suffix), written atomically: drawn in memory first, then the file appears
    complete or not at all (exchange/atomic_files.py) — savefig straight onto the file truncated it first, so
    a full disk left a broken chart where the last good one was. The place is checked as every export's."""
    from nomadcm.exchange.atomic_files import write_bytes_atomically
    from nomadcm.exchange.file_errors import ExportError
    from nomadcm.exchange.output_targets import check_target

    fmt = Path(path).suffix.lower().lstrip(".") or "png"
    check_target(path)  # before rendering: a refused place costs nothing
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format=fmt, facecolor=fig.get_facecolor())
    except OSError as err:  # a font or a temporary file matplotlib needed
        raise ExportError(f"cannot write {str(path)!r}: {err.strerror or err}") from None
    write_bytes_atomically(path, buffer.getvalue())


# --------------------------------------------------------------------------- views


def _daily(ax: Any, report: Report, style: ChartStyle, text: ChartText) -> None:
    days = report.days
    n = len(days)
    x = list(range(n))
    bars = n <= BARS_UP_TO_DAYS
    base = [0.0] * n
    handles = []
    for device in DEVICES:
        hours = [day.screen_minutes.get(device, 0) / 60 for day in days]
        if not any(hours):
            continue
        handles.append(
            chart_axes.series(ax, x, hours, base, style.devices[device], text.devices[device], bars)
        )
        base = [b + h for b, h in zip(base, hours, strict=True)]
    sleep = [-day.sleep_minutes / 60 for day in days]
    other = [-(day.rest_minutes - day.sleep_minutes) / 60 for day in days]
    zero = [0.0] * n
    if any(sleep):
        handles.append(chart_axes.series(ax, x, sleep, zero, style.sleep, text.sleep, bars))
    if any(other):
        handles.append(chart_axes.series(ax, x, other, sleep, style.rest, text.other_rest, bars))
    longest = [
        -min(day.longest_rest_seconds / 3600, 24.0)
        if math.isfinite(day.longest_rest_seconds) and day.screen_seconds
        else math.nan
        for day in days
    ]
    if any(not math.isnan(v) for v in longest):
        handles.append(
            ax.plot(
                x,
                longest,
                linestyle="none",
                marker="_",
                markersize=10 if bars else 4,
                markeredgewidth=2,
                color=style.foreground,
                label=text.longest_rest,
            )[0]
        )
    goals = report.goals
    for value, label, sign in (
        (goals.screen_day_hours, text.screen_limit, 1),
        (goals.sleep_hours, text.sleep_goal, -1),
        (goals.daily_rest_hours, text.rest_goal, -2),
    ):
        if value:
            handles.append(
                ax.axhline(
                    (1 if sign > 0 else -1) * value,
                    color=style.goal,
                    linestyle={1: "--", -1: ":", -2: "-."}[sign],
                    linewidth=1.2,
                    label=f"{label} ({text.hours_value(value)})",
                )
            )
    ax.axhline(0, color=style.foreground, linewidth=0.8)
    ax.set_title(text.daily_title, color=style.foreground)
    ax.set_ylabel(f"{text.rest_down}   {text.hours}   {text.screen_up}", color=style.foreground)
    ax.yaxis.set_major_formatter(chart_axes.abs_hours(text.format_number))
    chart_axes.date_ticks(ax, [day.day for day in days], text.format_date)
    top = max([*base, goals.screen_day_hours, 1.0])
    bottom = min([*(s + o for s, o in zip(sleep, other, strict=True)), -goals.daily_rest_hours, -1.0])
    ax.set_ylim(bottom * 1.1, top * 1.15)
    if not any(base) and not any(sleep) and not any(other):
        chart_axes.no_data(ax, style, text)
    chart_axes.legend(ax, handles, style)


def _weekly(ax: Any, report: Report, style: ChartStyle, text: ChartText) -> None:
    weeks = [w for w in report.weeks if w.last >= report.first and w.first <= report.last]
    x = list(range(len(weeks)))
    screen = [w.screen_seconds / 3600 for w in weeks]
    sleep = []
    for w in weeks:
        sleep.append(sum(d.sleep_minutes for d in report.days if w.first <= d.day <= w.last) / 60)
    handles = [
        ax.plot(x, screen, marker="o", color=style.devices["laptop"], label=text.week_screen)[0],
        ax.plot(x, sleep, marker="s", color=style.sleep, label=text.week_sleep)[0],
    ]
    limit = report.goals.screen_week_hours
    if limit:
        handles.append(
            ax.axhline(
                limit,
                color=style.goal,
                linestyle="--",
                label=f"{text.week_limit} ({text.hours_value(limit)})",
            )
        )
    over = [i for i, v in enumerate(screen) if limit and v > limit]
    if over:
        ax.plot(over, [screen[i] for i in over], linestyle="none", marker="o", markersize=9, color=style.warn)
    ax.set_title(text.weekly_title, color=style.foreground)
    ax.set_ylabel(text.hours, color=style.foreground)
    ax.yaxis.set_major_formatter(chart_axes.abs_hours(text.format_number))
    ax.set_xticks(x, [text.format_week(w.first) for w in weeks])
    chart_axes.thin_ticks(ax, len(x))
    ax.set_ylim(bottom=0, top=max([*screen, *sleep, limit, 1.0]) * 1.15)
    if not any(screen) and not any(sleep):
        chart_axes.no_data(ax, style, text)
    chart_axes.legend(ax, handles, style)


def _rest(ax: Any, report: Report, style: ChartStyle, text: ChartText) -> None:
    days = report.days
    n = len(days)
    x = list(range(n))
    goals = report.goals
    sleep_goal = goals.sleep_hours
    sleep = [day.sleep_minutes / 60 for day in days]
    short = [h if sleep_goal and 0 < h < sleep_goal else 0.0 for h in sleep]
    ok = [h if h > 0 and not (sleep_goal and h < sleep_goal) else 0.0 for h in sleep]
    bars = n <= BARS_UP_TO_DAYS
    zero = [0.0] * n
    handles = []
    if any(ok):
        handles.append(chart_axes.series(ax, x, ok, zero, style.sleep, text.sleep, bars))
    if any(short):
        handles.append(chart_axes.series(ax, x, short, zero, style.warn, text.nights_short, bars))
    longest = [
        min(day.longest_rest_seconds / 3600, 24.0) if math.isfinite(day.longest_rest_seconds) else math.nan
        for day in days
    ]
    bad = [i for i, day in enumerate(days) if any(w.code == "daily_rest_short" for w in day.warnings)]
    if any(not math.isnan(v) for v in longest):
        handles.append(
            ax.plot(
                x,
                longest,
                color=style.foreground,
                linewidth=1,
                marker="." if bars else None,
                label=text.longest_rest,
            )[0]
        )
    if bad:
        handles.append(
            ax.plot(
                bad,
                [longest[i] for i in bad],
                linestyle="none",
                marker="v",
                color=style.warn,
                label=text.days_no_rest,
            )[0]
        )
    for value, label, ls in (
        (sleep_goal, text.sleep_goal, ":"),
        (goals.daily_rest_hours, text.rest_goal, "--"),
    ):
        if value:
            handles.append(
                ax.axhline(
                    value, color=style.goal, linestyle=ls, label=f"{label} ({text.hours_value(value)})"
                )
            )
    shaded = False
    for week in report.weeks:
        if any(w.code == "weekly_rest_missing" for w in week.warnings):
            a = (week.first - report.first).days - 0.5
            b = a + 7
            if b < -0.5 or a > n - 0.5:
                continue
            span = ax.axvspan(
                max(a, -0.5),
                min(b, n - 0.5),
                color=style.warn,
                alpha=0.12,
                label=None if shaded else text.weeks_no_rest,
            )
            if not shaded:
                handles.append(span)
                shaded = True
    ax.set_title(text.rest_title, color=style.foreground)
    ax.set_ylabel(text.hours, color=style.foreground)
    ax.yaxis.set_major_formatter(chart_axes.abs_hours(text.format_number))
    chart_axes.date_ticks(ax, [day.day for day in days], text.format_date)
    finite = [v for v in longest if not math.isnan(v)]
    ax.set_ylim(0, max([*sleep, *finite, goals.daily_rest_hours, sleep_goal, 1.0]) * 1.15)
    if not any(sleep) and not bad:
        chart_axes.no_data(ax, style, text)
    chart_axes.legend(ax, handles, style)
