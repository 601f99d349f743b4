"""Light or dark: the system's choice by default, or the one the `theme` setting forces.

Where the platform follows the system's colour scheme (Windows 11, macOS, GNOME/KDE through the desktop
portal) Qt already paints NomadCM light or dark, and keeps following changes. When the setting forces a scheme
the platform does not apply by itself (the plain X11 and offscreen platforms), the Fusion style gets a light
or dark palette of our own. Pages draw with palette roles, so both read well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES: tuple[str, ...] = ("", "light", "dark")


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#2b2d31"), QColor("#1e1f22"), QColor("#e6e6e6")
    disabled = QColor("#7c7f86")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282c"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3d43"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8e9299"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#35383e"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Light: QColor("#45484f"),
        QPalette.ColorRole.Midlight: QColor("#3b3e44"),
        QPalette.ColorRole.Mid: QColor("#7a7e86"),  # pages use palette(mid) for secondary text
        QPalette.ColorRole.Dark: QColor("#1b1c1f"),
        QPalette.ColorRole.Shadow: QColor("#111214"),
        QPalette.ColorRole.Highlight: QColor("#3d7dd8"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7ab4ff"),
        QPalette.ColorRole.LinkVisited: QColor("#b39ddb"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.HighlightedText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#4a4d53"))
    return p


class ThemeManager:
    """Remembers the platform's own style and palette, so "follow the system" can be restored later."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.platform_style = app.style().name()
        self.platform_palette = QPalette(app.palette())
        self.theme = ""
        self._overridden = False  # True once we set a style or palette of our own

    def apply(self, theme: object) -> str:
        value = str(theme or "").strip().lower()
        value = value if value in THEMES else ""
        self.theme = value
        hints = self.app.styleHints()
        wanted = {"": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
        hints.setColorScheme(wanted[value])  # honoured where the platform can
        if value == "":
            if self._overridden:
                self._restore_platform()
            return value
        if is_dark(self.app.palette()) != (value == "dark"):  # the platform did not switch: do it ourselves
            style = QStyleFactory.create("Fusion")
            if style is not None:
                self.app.setStyle(style)
            self.app.setPalette(dark_palette() if value == "dark" else self.app.style().standardPalette())
            self._overridden = True
        return value

    def _restore_platform(self) -> None:
        if self.app.style().name().lower() != self.platform_style.lower():
            style = QStyleFactory.create(self.platform_style)
            if style is not None:
                self.app.setStyle(style)
        self.app.setPalette(self.platform_palette)
        self._overridden = False
