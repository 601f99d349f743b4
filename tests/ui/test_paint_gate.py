"""Background jobs of the Schedule wait for its table's paint (ui/schedule/paint_gate.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from nomadcm.ui.schedule.paint_gate import LATEST_MS, PaintGate


def test_work_waits_for_the_paint_then_runs_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("rows")
    qtbot.addWidget(label)
    owner = QObject()
    gate = PaintGate(owner, lambda: label)
    ran: list[str] = []
    gate.run_after_paint(lambda: ran.append("marks"))
    gate.run_after_paint(lambda: ran.append("count"))
    assert ran == [] and gate.pending()
    label.show()
    qtbot.waitExposed(label)
    qtbot.waitUntil(lambda: ran == ["marks", "count"], timeout=LATEST_MS - 50)
    assert not gate.pending()
    qtbot.wait(LATEST_MS + 50)  # the time limit finds nothing left to run
    assert ran == ["marks", "count"]


def test_without_a_paint_the_time_limit_runs_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    hidden = QLabel("never shown")
    qtbot.addWidget(hidden)
    owner = QObject()  # the gate lives as long as its owner (the model)
    gate = PaintGate(owner, lambda: hidden)
    ran: list[int] = []
    gate.run_after_paint(lambda: ran.append(1))
    qtbot.wait(LATEST_MS // 2)
    assert ran == []
    qtbot.waitUntil(lambda: ran == [1], timeout=2 * LATEST_MS)
