"""The interpreter hands its lock over every millisecond while the window starts, and as before afterwards."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from nomadcm.ui import startup


@pytest.fixture
def interval() -> Iterator[float]:
    before = sys.getswitchinterval()
    yield before
    startup.cancel()
    sys.setswitchinterval(before)


@pytest.mark.parametrize("end", [startup.finish, startup.cancel], ids=["finished", "cancelled"])
def test_short_switch_interval_only_while_starting(interval: float, end) -> None:  # type: ignore[no-untyped-def]
    assert interval != startup.STARTUP_SWITCH_INTERVAL_S
    startup.begin()
    startup.begin()  # the frame, then the window: the value to go back to is still the first one
    assert sys.getswitchinterval() == pytest.approx(startup.STARTUP_SWITCH_INTERVAL_S)
    end()
    assert sys.getswitchinterval() == pytest.approx(interval)
    assert not startup.starting()
