"""The screen timer's widgets and the window's "Screen timer" toolbar that holds them. Layout only:
`timer.ScreenTimerWidget` adds the behaviour.

Light on purpose (Qt, the device names, no data stack): the window's frame shows the toolbar with this view
before the database is open (ui/startup.py); the shell then binds it to the timers where it is
(`timer.TimerBinding`), so the toolbar does not move.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMainWindow, QToolBar, QToolButton, QWidget

from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.wellbeing import texts
from nomadcm.vocabulary import DEVICES

TOOLBAR = "timer-toolbar"  # the toolbar's object name (its place is saved with the window's state)


class ScreenTimerView(QWidget):
    """Device and client pickers, a Start/Stop button and the running timers' times."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Texts in ScreenTimerWidget's context: where they were written first, and are translated.
        self.device = QComboBox()
        self.device.setAccessibleName(QCoreApplication.translate("ScreenTimerWidget", "Device to time"))
        for d in DEVICES:
            self.device.addItem(texts.device_name(d), d)
        self.client = QComboBox()
        self.client.setAccessibleName(
            QCoreApplication.translate("ScreenTimerWidget", "Client of this screen time")
        )
        self.client.addItem(QCoreApplication.translate("ScreenTimerWidget", "no client"), None)
        self.button = QToolButton()
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setText(QCoreApplication.translate("ScreenTimerWidget", "Start"))
        self.status = plain_label()
        self.status.setMinimumWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(QCoreApplication.translate("ScreenTimerWidget", "Screen timer:")))
        layout.addWidget(self.device)
        layout.addWidget(self.client)
        layout.addWidget(self.button)
        layout.addWidget(self.status)


def timer_toolbar(window: QMainWindow, timer: QWidget) -> QToolBar:
    """The window's screen-timer toolbar, now holding `timer` (made when missing; a timer it held before is
    deleted)."""
    toolbar = window.findChild(QToolBar, TOOLBAR)
    if toolbar is None:
        toolbar = QToolBar(QCoreApplication.translate("DesktopShell", "Screen timer"), window)
        toolbar.setObjectName(TOOLBAR)
        toolbar.setMovable(False)
        toolbar.addWidget(timer)
        window.addToolBar(toolbar)
        return toolbar
    for action in toolbar.actions():
        toolbar.removeAction(action)
        action.deleteLater()  # an action made by addWidget deletes its widget with it
    toolbar.addWidget(timer)
    return toolbar
