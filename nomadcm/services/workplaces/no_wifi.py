"""The `no_wifi` conflict kind: a post goes out while she stays somewhere with no known place with WiFi.

Registered with the conflict checker (`services/conflict_rules.py` lists this module in `RULE_MODULES`). The
stays are computed once per check (`place_checklist.stays_without_wifi`), so each post costs a set lookup.
"""

from __future__ import annotations

from nomadcm.services.travel.conflict_rules import (
    CheckContext,
    Checker,
    ConflictRule,
    Finding,
    PostSlot,
    register_rule,
)
from nomadcm.services.workplaces.place_checklist import stays_without_wifi


def _no_wifi_rule(ctx: CheckContext) -> Checker:
    bare = {s.id: s for s in stays_without_wifi(ctx.db)}

    def check(slot: PostSlot) -> Finding | None:
        if slot.cm.in_transit or slot.cm.stay_id is None:
            return None
        stay = bare.get(slot.cm.stay_id)
        if stay is None:
            return None
        where = f"{stay.city}, {stay.country}" if stay.country else stay.city
        return Finding(f"no workplace with WiFi is known in {where} during your stay there", where)

    return check


register_rule(ConflictRule("no_wifi", _no_wifi_rule))
