"""A team database's change counter joined with her own wellbeing file's (services/personal_changes.py), with
stand-in counters: the file's is asked only once the file is open, never after the services closed, and
closing closes both even when one fails. The real thing, on PostgreSQL: tests/services/team/
test_team_private_wellbeing.py."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from nomadcm.services.personal_changes import PersonalFileChanges
from nomadcm.storage.change_counter import REACHABLE


class Counter:
    def __init__(self, changes: list[bool], fail_close: bool = False) -> None:
        self.changes = changes
        self.closed = False
        self.fail_close = fail_close

    def poll(self) -> bool:
        return self.changes.pop(0) if self.changes else False

    def status(self) -> Any:
        return REACHABLE

    def retry_now(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True
        if self.fail_close:
            raise OSError("gone")


class Services(SimpleNamespace):
    pass


def test_the_file_counts_once_it_is_open_and_never_after_close() -> None:
    team = Counter([False, False, False])
    services = Services(db=object())
    counter = PersonalFileChanges(team, services)  # type: ignore[arg-type]
    assert counter.poll() is False  # her file is not open: only the server's counter is asked
    personal = Counter([True, False, True])  # the first poll (on opening) is the baseline, not a change
    services.personal_db = SimpleNamespace(change_counter=lambda: personal)
    assert counter.poll() is False
    assert counter.poll() is True  # another process wrote her file
    del services.personal_db  # Services.close() let it go
    counter.close()
    assert personal.closed and team.closed
    assert counter.poll() is False  # nothing is opened again


def test_closing_closes_the_server_counter_even_when_the_file_one_fails() -> None:
    team = Counter([])
    personal = Counter([], fail_close=True)
    services = Services(db=object(), personal_db=SimpleNamespace(change_counter=lambda: personal))
    counter = PersonalFileChanges(team, services)  # type: ignore[arg-type]
    counter.poll()
    with pytest.raises(OSError):
        counter.close()
    assert team.closed
