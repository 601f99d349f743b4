"""The oracle of the time-zone tests: stdlib zoneinfo reading only the tzdata package (the rules
nomadcm/timezones.py reads), never the system's /usr/share/zoneinfo. A test module imports both names:
`tzdata_only` (an autouse, module-scoped fixture) and `zi`."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest


@pytest.fixture(scope="module", autouse=True)
def tzdata_only() -> Iterator[None]:
    """zoneinfo reads only the tzdata package during the module that imports this fixture."""
    saved = zoneinfo.TZPATH
    zoneinfo.reset_tzpath(to=[])
    ZoneInfo.clear_cache()
    try:
        yield
    finally:
        zoneinfo.reset_tzpath(to=list(saved))
        ZoneInfo.clear_cache()


def zi(name: str) -> ZoneInfo:
    assert zoneinfo.TZPATH == (), "the oracle must read only the tzdata package"
    return ZoneInfo(name)
