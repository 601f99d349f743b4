"""The version a post dialog edits, for "no lost edit" (issue 13, services/stale_edits.py).

The page that opens the dialog reads the post (or the occurrence) with its version and hands the dialog an
`EditVersion`; its save passes `version` back to the service. When that save is refused because someone
else saved first, the dialog asks (ui/widgets/stale_edit.py): Overwrite saves again at the version stored
now; Reload shows what is stored now and lists what the person had typed under the form, selectable, so
nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostInfo
from nomadcm.ui.widgets.stale_edit import typed_text

Reread = Callable[[], tuple[PostInfo, Any]]  # the post as stored now, and its version


@dataclass
class EditVersion:
    """`version`: what the next save carries (a post's int, an occurrence's OccurrenceVersion); moved on by
    the dialog when the person reloads or overwrites."""

    version: Any
    reread: Reread


def post_version(services: Services, post_id: int, info: PostInfo) -> EditVersion:
    """A single post's: the version `info` was read with."""

    def reread() -> tuple[PostInfo, Any]:
        stored = services.posts.get(post_id)
        return stored, stored.version

    return EditVersion(info.version, reread)


def occurrence_version(services: Services, post_id: int, series_wall: datetime) -> EditVersion:
    """An occurrence's (its series' and its exception's versions), read BEFORE the occurrence is: a change
    landing in between makes the save refused, never accepted over values the dialog did not show."""
    from nomadcm.ui.publishing.occurrence_actions import occurrence_as_post

    editor = services.occurrence_editor

    def reread() -> tuple[PostInfo, Any]:
        version = editor.version(post_id, series_wall)
        return occurrence_as_post(services, post_id, series_wall), version

    return EditVersion(editor.version(post_id, series_wall), reread)


def typed_summary(mine: PostDraft, stored: PostInfo) -> str:
    """What she had typed that differs from what is stored now, one field a line."""

    items = [
        (QCoreApplication.translate("PostVersions", "Text:"), mine.text, stored.text),
        (QCoreApplication.translate("PostVersions", "Link:"), mine.link, stored.link),
        (
            QCoreApplication.translate("PostVersions", "Time:"),
            f"{mine.wall:%Y-%m-%d %H:%M} ({mine.tz})",
            f"{stored.wall:%Y-%m-%d %H:%M} ({stored.tz})",
        ),
        (QCoreApplication.translate("PostVersions", "Status:"), mine.status, stored.status),
        (QCoreApplication.translate("PostVersions", "Tags:"), ", ".join(mine.tags), ", ".join(stored.tags)),
        (QCoreApplication.translate("PostVersions", "Notes:"), mine.notes, stored.notes),
    ]
    return typed_text([(name, typed) for name, typed, now in items if typed != now])
