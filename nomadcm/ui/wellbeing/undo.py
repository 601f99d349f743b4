"""Undoable wellbeing edits (Edit > Undo): add, edit, delete a screen session or a rest period.

A command is pushed after its first write succeeded (see `ServiceCommand`). A later failure (the row changed
meanwhile) is reported through `on_error` and the command made obsolete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nomadcm.services.wellbeing.record_values import RestInfo, ScreenInfo
from nomadcm.services.wellbeing.records import WellbeingService
from nomadcm.ui.changes import WELLBEING, ChangeBus
from nomadcm.ui.widgets.undo import ErrorSink, ServiceCommand

Info = ScreenInfo | RestInfo


def _delete(service: WellbeingService, info: Info) -> None:
    if isinstance(info, ScreenInfo):
        service.delete_screen(info.id)
    else:
        service.delete_rest(info.id)


def _restore(service: WellbeingService, info: Info) -> None:
    if isinstance(info, ScreenInfo):
        service.restore_screen(info)
    else:
        service.restore_rest(info)


def _put(service: WellbeingService, info: Info) -> None:
    """Writes every editable field of `info` over the stored row."""
    if isinstance(info, ScreenInfo):
        service.update_screen(
            info.id,
            device=info.device,
            start=info.start,
            end=info.end,
            tz=info.tz,
            client_id=info.client_id,
            activity=info.activity,
        )
    else:
        service.update_rest(
            info.id,
            kind=info.kind,
            start=info.start,
            end=info.end,
            tz=info.tz,
            quality=info.quality,
            note=info.note,
        )


class _Command(ServiceCommand):
    areas = (WELLBEING,)

    def __init__(self, text: str, service: WellbeingService, changes: ChangeBus, on_error: ErrorSink) -> None:
        super().__init__(text, changes, on_error)
        self.service = service


class AddEntryCommand(_Command):
    def __init__(
        self, info: Info, service: WellbeingService, changes: ChangeBus, on_error: ErrorSink
    ) -> None:
        text = (
            QCoreApplication.translate("WellbeingUndo", "add screen time")
            if isinstance(info, ScreenInfo)
            else QCoreApplication.translate("WellbeingUndo", "add rest")
        )
        super().__init__(text, service, changes, on_error)
        self.info = info

    def _redo(self) -> None:
        _restore(self.service, self.info)

    def _undo(self) -> None:
        _delete(self.service, self.info)


class EditEntryCommand(_Command):
    def __init__(
        self, old: Info, new: Info, service: WellbeingService, changes: ChangeBus, on_error: ErrorSink
    ) -> None:
        super().__init__(
            QCoreApplication.translate("WellbeingUndo", "edit entry"), service, changes, on_error
        )
        self.old, self.new = old, new

    def _redo(self) -> None:
        _put(self.service, self.new)

    def _undo(self) -> None:
        _put(self.service, self.old)


class DeleteEntriesCommand(_Command):
    def __init__(
        self, infos: list[Info], service: WellbeingService, changes: ChangeBus, on_error: ErrorSink
    ) -> None:
        count = len(infos)  # a plain name: lupdate skips a translate() whose count is an expression
        text = QCoreApplication.translate("WellbeingUndo", "delete %n entries", "", count)
        super().__init__(text, service, changes, on_error)
        self.infos = list(infos)

    def _redo(self) -> None:
        for info in self.infos:
            _delete(self.service, info)

    def _undo(self) -> None:
        for info in self.infos:
            _restore(self.service, info)
