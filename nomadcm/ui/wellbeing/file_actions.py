"""The Wellbeing page's file actions: importing screen time and rest (ActivityWatch, Sleep as Android, CSV)
and exporting the chart. Imports run on the window's task runner, behind a dialog that shows progress.

Mixed into `page.WellbeingPage`, which provides the services, the change bus, the task runner, the chart and
the period; the last folder used is remembered for the next file dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from nomadcm import APP_NAME
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.tasks import TaskRunner
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.wellbeing.chart import ChartPanel
from nomadcm.ui.wellbeing.imports import (
    WellbeingImportDialog,
    activitywatch_file_job,
    activitywatch_server_job,
    csv_job,
    sleep_android_job,
)
from nomadcm.ui.widgets.save_target import checked_save_path

SETTINGS_FOLDER = "wellbeing/folder"


class WellbeingFileActions(QWidget):
    services: Services
    changes: ChangeBus
    tasks: TaskRunner
    ops: OpRunner  # the page's runner and undo stack: an import is one undoable step
    undo_stack: QUndoStack
    chart: ChartPanel

    def period(self) -> tuple[date, date]:
        raise NotImplementedError  # the page's

    def _ask_file(self, title: str, filters: str) -> Path | None:
        settings = QSettings(APP_NAME, APP_NAME)
        path, _ = QFileDialog.getOpenFileName(
            self, title, str(settings.value(SETTINGS_FOLDER, "") or ""), filters
        )
        if not path:
            return None
        settings.setValue(SETTINGS_FOLDER, str(Path(path).parent))
        return Path(path)

    def _ask_device(self) -> str | None:
        from nomadcm.vocabulary import DEVICES

        names = [texts.device_name(dv) for dv in DEVICES]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("ActivityWatch"),
            self.tr("Which screen does this ActivityWatch track?"),
            names,
            0,
            False,
        )
        return DEVICES[names.index(name)] if ok else None

    def _run_import(self, title: str, work: object) -> WellbeingImportDialog:
        dialog = WellbeingImportDialog(
            title,
            work,  # type: ignore[arg-type]
            self.changes,
            self.tasks,
            self,
            ops=self.ops,
            undo_stack=self.undo_stack,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start()
        return dialog

    def import_activitywatch_file(self) -> WellbeingImportDialog | None:
        path = self._ask_file(
            self.tr("Import an ActivityWatch export"), self.tr("JSON files (*.json);;All files (*)")
        )
        device = self._ask_device() if path else None
        if path is None or device is None:
            return None
        return self._run_import(
            self.tr("Import from ActivityWatch"), activitywatch_file_job(self.services, path, device)
        )

    def import_activitywatch_server(self) -> WellbeingImportDialog | None:
        from nomadcm.exchange.activitywatch import DEFAULT_SERVER

        url, ok = QInputDialog.getText(
            self,
            self.tr("ActivityWatch"),
            self.tr("Address of the running ActivityWatch server:"),
            text=DEFAULT_SERVER,
        )
        device = self._ask_device() if ok and url.strip() else None
        if device is None:
            return None
        return self._run_import(
            self.tr("Import from ActivityWatch"), activitywatch_server_job(self.services, url.strip(), device)
        )

    def import_sleep_as_android(self) -> WellbeingImportDialog | None:
        path = self._ask_file(
            self.tr("Import Sleep as Android nights"), self.tr("CSV files (*.csv);;All files (*)")
        )
        if path is None:
            return None
        return self._run_import(
            self.tr("Import from Sleep as Android"), sleep_android_job(self.services, path)
        )

    def import_wellbeing_csv(self) -> WellbeingImportDialog | None:
        path = self._ask_file(
            self.tr("Import screen time and rest"), self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path is None:
            return None
        return self._run_import(self.tr("Import screen time and rest"), csv_job(self.services, path))

    def export_chart(self) -> Path | None:
        first, last = self.period()
        settings = QSettings(APP_NAME, APP_NAME)
        folder = str(settings.value(SETTINGS_FOLDER, "") or Path.home())
        suggested = str(
            Path(folder) / f"wellbeing-{self.chart.view}-{first.isoformat()}-{last.isoformat()}.png"
        )
        path, selected = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart"), suggested, self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".svg" if "svg" in selected.lower() else ".png")
        if checked_save_path(self, target) is None:  # never the database, a folder, a read-only file...
            return None
        try:
            self.chart.export(target)
        except UserError as err:  # written atomically: a full disk leaves the previous file whole
            show_user_error(self, err)
            return None
        except OSError as err:
            show_user_error(
                self,
                UserError(
                    self.tr("Cannot write {path}: {reason}").format(
                        path=str(target), reason=err.strerror or str(err)
                    )
                ),
            )
            return None
        settings.setValue(SETTINGS_FOLDER, str(target.parent))
        return target
