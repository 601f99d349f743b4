"""Help > About NomadCM: the version, where the data lives, and the licences and credits NomadCM owes."""

from __future__ import annotations

import html
import sys
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nomadcm import APP_NAME, __version__, paths
from nomadcm.ui.plain_text import plain_label

# (distribution, shown name, licence, home page): what ships inside NomadCM.
COMPONENTS: tuple[tuple[str, str, str, str], ...] = (
    ("PySide6-Essentials", "Qt for Python (PySide6) and Qt", "LGPL-3.0", "https://www.qt.io/qt-for-python"),
    ("SQLAlchemy", "SQLAlchemy", "MIT", "https://www.sqlalchemy.org"),
    ("alembic", "Alembic", "MIT", "https://alembic.sqlalchemy.org"),
    ("pytz", "pytz (IANA time zone database)", "MIT", "https://pythonhosted.org/pytz/"),
    (
        "python-dateutil",
        "python-dateutil",
        "Apache-2.0 / BSD-3-Clause",
        "https://github.com/dateutil/dateutil",
    ),
    ("matplotlib", "Matplotlib", "Matplotlib licence (PSF-based)", "https://matplotlib.org"),
    ("numpy", "NumPy", "BSD-3-Clause", "https://numpy.org"),
    ("platformdirs", "platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    ("holidays", "python-holidays", "MIT", "https://github.com/vacanza/holidays"),
    (
        "opening-hours-py",
        "opening-hours",
        "MIT / Apache-2.0",
        "https://github.com/remi-dupre/opening-hours-rs",
    ),
    ("timezonefinder", "timezonefinder", "MIT", "https://github.com/jannikmi/timezonefinder"),
    ("icalendar", "icalendar", "BSD-2-Clause", "https://github.com/collective/icalendar"),
    (
        "recurring-ical-events",
        "recurring-ical-events",
        "LGPL-3.0-or-later",
        "https://github.com/niccokunzmann/python-recurring-ical-events",
    ),
    ("x-wr-timezone", "x-wr-timezone", "LGPL-3.0-or-later", "https://github.com/niccokunzmann/x-wr-timezone"),
)


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | None, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About NomadCM"))
        self.setObjectName("about-dialog")

        icon = QLabel()
        icon.setPixmap(QIcon(str(paths.resource_path("icons", "app", "nomadcm.svg"))).pixmap(QSize(72, 72)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2>{APP_NAME} {html.escape(__version__)}</h2>")
        tagline = QLabel(
            self.tr(
                "Plan your clients' posts in their audience's time zone, wherever you are working from, "
                "and keep an eye on your screen time and rest."
            )
        )
        tagline.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        data = QFormLayout()
        self.db_label = self._path_row(data, self.tr("Database"), db_path)
        if demo:
            data.addRow("", QLabel(self.tr("This is the sample database: your own data is elsewhere.")))
        self.log_label = self._path_row(data, self.tr("Logs and crash reports"), paths.log_dir())
        private = QLabel(self.tr("Everything stays on this computer: NomadCM sends nothing anywhere."))
        private.setWordWrap(True)
        data.addRow("", private)

        self.credits = QTextBrowser()
        self.credits.setOpenExternalLinks(True)
        self.credits.setHtml(self.credits_html())
        self.credits.setAccessibleName(self.tr("Licences and credits"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(data)
        layout.addWidget(QLabel(self.tr("<b>Licences and credits</b>")))
        layout.addWidget(self.credits, 1)
        layout.addWidget(buttons)
        self.resize(640, 600)

    def _path_row(self, form: QFormLayout, label: str, path: Path | None) -> QLabel:
        text = plain_label(str(path) if path else self.tr("(in memory)"))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(text, 1)
        if path is not None:
            folder = path if path.is_dir() or not path.suffix else path.parent
            button = QPushButton(self.tr("Open folder"))
            button.setAccessibleName(self.tr("Open the folder of {what}").format(what=label))
            button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
            row.addWidget(button)
        form.addRow(label, row)
        return text

    def credits_html(self) -> str:
        rows = []
        for dist, name, licence, url in COMPONENTS:
            version = _version(dist)
            rows.append(
                f'<li><a href="{url}">{html.escape(name)}</a> {html.escape(version)} — {html.escape(licence)}</li>'
            )
        geonames = self.tr(
            "City names, coordinates and time zones: {geonames}, licensed under {licence}."
        ).format(
            geonames='<a href="https://www.geonames.org">GeoNames</a>',
            licence='<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>',
        )
        osm = self.tr(
            "Workplace imports read OpenStreetMap data, © OpenStreetMap contributors ({licence})."
        ).format(licence='<a href="https://opendatacommons.org/licenses/odbl/">ODbL</a>')
        own = self.tr("NomadCM is free software under the MIT licence.")
        python = self.tr("Python {version}, PSF licence.").format(version=sys.version.split()[0])
        built = self.tr("Built with:")
        data = self.tr("Data:")
        return (
            f"<p>{own}</p><p>{built}</p><ul><li>{html.escape(python)}</li>{''.join(rows)}</ul>"
            f"<p>{data}</p><ul><li>{geonames}</li><li>{osm}</li></ul>"
        )
