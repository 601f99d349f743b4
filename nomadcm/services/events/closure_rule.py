"""The `closure` conflict kind: a scheduled post goes out while its client is closed or in a blackout (an event
of kind `closure` or `blackout`).

Registered with the conflict checker (services/travel/conflict_rules.py lists this module in `RULE_MODULES`),
so it is checked, shown and acknowledged like the other kinds. The client's closures over the check's span
are read once and merged into sorted, disjoint spans: each post costs one bisect.
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta

from sqlalchemy import select

from nomadcm.models.events import ClientEvent
from nomadcm.services.events.records import naive_utc
from nomadcm.services.travel.conflict_rules import (
    CheckContext,
    Checker,
    ConflictRule,
    Finding,
    PostSlot,
    register_rule,
)

KIND = "closure"
CLOSING_KINDS = ("closure", "blackout")
TEXT = "{0} is during {1}'s {2} “{3}” ({4})"


class ClosedSpans:
    """A client's closures and blackouts as sorted disjoint spans of naive UTC instants, each with the
    (kind, title, dates) of the event that opened it."""

    def __init__(self, spans: list[tuple[datetime, datetime, tuple[str, str, str]]]) -> None:
        merged: list[list[object]] = []
        for start, end, label in sorted(spans, key=lambda sp: sp[0]):
            if merged and start <= merged[-1][1]:  # type: ignore[operator]
                merged[-1][1] = max(merged[-1][1], end)  # type: ignore[type-var]
            else:
                merged.append([start, end, label])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]
        self.labels = [m[2] for m in merged]

    def at(self, instant: datetime) -> tuple[str, str, str] | None:
        i = bisect.bisect_right(self.starts, instant) - 1  # type: ignore[arg-type]
        if i >= 0 and instant < self.ends[i]:  # type: ignore[operator]
            return self.labels[i]  # type: ignore[return-value]
        return None


def closed_spans(ctx: CheckContext) -> dict[int, ClosedSpans]:
    """Every client's closures and blackouts that overlap the check's span."""
    stmt = select(
        ClientEvent.client_id, ClientEvent.kind, ClientEvent.title, ClientEvent.all_day, ClientEvent.start_wall,
        ClientEvent.end_wall, ClientEvent.start_utc, ClientEvent.end_utc,
    ).where(
        ClientEvent.kind.in_(CLOSING_KINDS),
        ClientEvent.start_utc < ctx.end + timedelta(seconds=1),
        ClientEvent.end_utc > ctx.start,
    )  # fmt: skip
    found: dict[int, list[tuple[datetime, datetime, tuple[str, str, str]]]] = {}
    with ctx.db.session() as s:
        for client_id, kind, title, all_day, start_wall, end_wall, start, end in s.execute(stmt):
            if all_day:
                last = (end_wall - timedelta(days=1)).date()
                dates = (
                    f"{start_wall.date()}" if last == start_wall.date() else f"{start_wall.date()} to {last}"
                )
            else:
                dates = f"{start_wall:%Y-%m-%d %H:%M} to {end_wall:%Y-%m-%d %H:%M}"
            found.setdefault(client_id, []).append((naive_utc(start), naive_utc(end), (kind, title, dates)))
    return {client_id: ClosedSpans(spans) for client_id, spans in found.items()}


def _closure_rule(ctx: CheckContext) -> Checker:
    spans = closed_spans(ctx)

    def check(slot: PostSlot) -> Finding | None:
        closed = spans.get(slot.client_id)
        if closed is None:
            return None
        label = closed.at(slot.naive_utc)
        if label is None:
            return None
        kind, title, dates = label
        when = f"{slot.audience_wall:%Y-%m-%d %H:%M} {slot.audience_tz}"
        return Finding(TEXT, title, (when, slot.client_name, kind, title, dates))

    return check


register_rule(ConflictRule(KIND, _closure_rule))
