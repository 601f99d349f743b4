"""Another process's writes to her own wellbeing file count as changes too (a team database's window).

On a team database her screen time, rest and timers live in her own SQLite file on this computer
(services/wellbeing/personal_file.py), beside the server. A `nomadcm log screen` in a shell, or an
ActivityWatch import from another window, writes that file: the window's watcher (ui/external_changes.py),
which asks the team database's counter only, never saw it. `PersonalFileChanges` asks both: the server's
counter (its status is the connection's, for the banner), and the file's — once the file is open (the
Wellbeing page, the screen timer or a break reminder opens it); it is not opened for this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nomadcm.storage.change_counter import ChangeCounter, ConnectionStatus

if TYPE_CHECKING:
    from nomadcm.services.container import Services


class PersonalFileChanges:
    """A `ChangeCounter` over the team database's and her personal file's counters."""

    def __init__(self, team: ChangeCounter, services: Services) -> None:
        self._team = team
        self._services = services
        self._personal: ChangeCounter | None = None
        self._closed = False

    def poll(self) -> bool:
        changed = self._team.poll()
        personal = self._personal_counter()
        if personal is not None and personal.poll():
            changed = True
        return changed

    def status(self) -> ConnectionStatus:
        return self._team.status()

    def retry_now(self) -> None:
        self._team.retry_now()

    def close(self) -> None:
        self._closed = True
        personal, self._personal = self._personal, None
        try:
            if personal is not None:
                personal.close()
        finally:
            self._team.close()

    def _personal_counter(self) -> ChangeCounter | None:
        if self._personal is None and not self._closed:
            opened: Any = self._services.__dict__.get("personal_db")  # the cached property, if it ran
            if opened is not None and opened is not self._services.db:
                self._personal = opened.change_counter()
                self._personal.poll()  # from now on: what is in the file as it opened is no change
        return self._personal
