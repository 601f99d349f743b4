"""The Schedule table's conflicts column: an icon, the kinds' symbols, a tooltip naming each and your time."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel import conflict_rules
from nomadcm.services.travel.trip_records import StayInput
from nomadcm.ui.schedule.table_models import ScheduleModel


@pytest.fixture(autouse=True)
def _built_in_conflicts_only(monkeypatch):  # type: ignore[no-untyped-def]
    conflict_rules.rules()
    kept = {
        k: v for k, v in conflict_rules._RULES.items() if k in ("sleep", "transit", "off_hours", "holiday")
    }
    monkeypatch.setattr(conflict_rules, "_RULES", kept)


def test_conflicts_column(qtbot, qtmodeltester, services) -> None:
    services.trips.add_stay(
        StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 31), "CA")
    )
    client = services.clients.add_client("Boulangerie Dupont", "Europe/Paris", "FR")
    channel = services.clients.add_channel(client.id, "instagram")
    night = services.posts.add(PostDraft(channel.id, "Pain", datetime(2027, 3, 15, 9)))  # 04:00 in Montréal
    fine = services.posts.add(PostDraft(channel.id, "Brioche", datetime(2027, 3, 16, 16)))  # 11:00 there
    draft = services.posts.add(PostDraft(channel.id, "Idée", datetime(2027, 3, 17, 9), status="draft"))
    model = ScheduleModel(services)
    model.reload()
    qtmodeltester.check(model)
    rows = {model.row_at(r).post_id: r for r in range(model.rowCount())}
    assert model.headerData(ScheduleModel.CONFLICTS, Qt.Orientation.Horizontal) == "Conflicts"
    cell = model.index(rows[night.id], ScheduleModel.CONFLICTS)
    assert cell.data() == "☾ ◷"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "While you sleep" in tip and "04:00" in tip and "America/Toronto" in tip
    assert "Outside your working hours" in tip
    assert model.index(rows[fine.id], ScheduleModel.CONFLICTS).data() is None
    assert model.index(rows[draft.id], ScheduleModel.CONFLICTS).data() is None  # drafts are not checked
    services.conflicts.acknowledge(night.id, ["sleep", "off_hours"])
    model.reload()
    cell = model.index(rows[night.id], ScheduleModel.CONFLICTS)
    assert cell.data() == "✓" and "acknowledged" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.conflicts_of(rows[night.id]).acknowledged == ("sleep", "off_hours")
