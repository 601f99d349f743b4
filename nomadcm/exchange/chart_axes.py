"""The pieces every NomadCM chart draws its axes with (matplotlib, no pyplot, no Qt): a series as bars or,
over long ranges, one step polygon; the theme's colours; hours without sign; date ticks that thin out; the
legend beside the plot; the "no data" line. Used by wellbeing_chart.py and hours_chart.py."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nomadcm.exchange.wellbeing_chart import ChartStyle, ChartText


def series(
    ax: Any, x: list[int], values: list[float], base: list[float], colour: str, label: str, bars: bool
) -> Any:
    if bars:
        return ax.bar(x, values, bottom=base, width=0.8, color=colour, label=label, linewidth=0)
    # one filled step polygon per series for long ranges (hundreds of bar patches render slowly)
    import numpy as np

    edges = np.arange(len(x) + 1) - 0.5
    bottom = np.append(base, base[-1])
    top = bottom + np.append(values, values[-1])
    return ax.fill_between(edges, bottom, top, step="post", color=colour, label=label, linewidth=0)


def theme(ax: Any, style: ChartStyle) -> None:
    """The style's background, spines, tick labels and horizontal grid lines, under the data."""
    ax.set_facecolor(style.background)
    for spine in ax.spines.values():
        spine.set_color(style.grid)
    ax.tick_params(colors=style.foreground, labelsize=9)
    ax.grid(axis="y", color=style.grid, linewidth=0.6)
    ax.set_axisbelow(True)


def abs_hours(number: Callable[[float], str]) -> Any:
    """Hours on the y axis, without sign (rest is drawn below zero), in the locale's digits."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: number(abs(v)))


def date_ticks(ax: Any, days: list[date], fmt: Callable[[date], str]) -> None:
    n = len(days)
    if n <= 14:
        step = 1
    elif n <= 62:
        step = 7
    else:
        step = 0
    # past two months: a tick on the first of each month
    ticks = list(range(0, n, step)) if step else [i for i, day in enumerate(days) if day.day == 1] or [0]
    ax.set_xticks(ticks, [fmt(days[i]) for i in ticks])
    ax.set_xlim(-0.6, n - 0.4)
    if len(ticks) > 5:  # day labels side by side collide in narrow charts ("16 nov.17 nov." in French)
        for label in ax.get_xticklabels():
            label.set_rotation(35)
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")


def thin_ticks(ax: Any, n: int) -> None:
    if n > 16:
        step = math.ceil(n / 13)
        for i, label in enumerate(ax.get_xticklabels()):
            label.set_visible(i % step == 0)


def legend(ax: Any, handles: list[Any], style: ChartStyle) -> None:
    if not handles:
        return
    legend = ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False
    )
    for label in legend.get_texts():
        label.set_color(style.foreground)


def no_data(ax: Any, style: ChartStyle, text: ChartText) -> None:
    ax.text(
        0.5,
        0.5,
        text.no_data,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=style.foreground,
        alpha=0.7,
    )
