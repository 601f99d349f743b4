"""Who you are in a team database (issue 13): the member the window acts as, remembered per database.

Kept in the desktop's own settings (QSettings), not in the database: a team database's settings are shared,
and who sits at this computer is not. Restored when the window gets its database; set in Settings ("You are").
An unknown name (the member was removed) is forgotten: the window then acts as nobody.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from nomadcm.errors import UserError

if TYPE_CHECKING:
    from nomadcm.services.container import Services


def _key(services: Services) -> str:
    where = services.db_shown or "memory"
    return "team/member-" + hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def restore_member(services: Services, settings: QSettings) -> None:
    name = str(settings.value(_key(services), "") or "")
    if not name:
        return
    try:
        services.members.use(name)
    except UserError:
        settings.remove(_key(services))


def choose_member(services: Services, settings: QSettings, name: str | None) -> None:
    """Act as `name` (None: nobody) from now on, here and at the next start on this database."""
    services.members.use(name)
    if name:
        settings.setValue(_key(services), name)
    else:
        settings.remove(_key(services))


def members_own(services: Services, language: str, theme: str) -> tuple[str, str]:
    """At start on a team database: who this computer said it is, restored now, and that member's own
    language and theme (personal settings) over the database's `language` and `theme`."""
    from nomadcm.ui.main_window import app_settings

    restore_member(services, app_settings())
    if services.members.current_id is None:
        return language, theme
    return services.settings.get("language"), services.settings.get("theme")
