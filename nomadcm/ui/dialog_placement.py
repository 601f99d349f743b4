"""Every dialog opens centred on the window it belongs to, and inside the screen.

Qt centres a dialog on its parent's window as it is first shown, from the size it has then. Three cases
slipped through: a dialog whose parent is a hidden window (a dialog already closed, a page not on screen) was
centred on where that window would be, which put it at the top-left with its title bar off the screen; one
with no parent went where the window manager pleased; and one that grew once shown (the CSV import listing
its bad rows) kept its top-left corner and ran off the bottom of the screen.

`DialogPlacement`, made once by the main window, meets each dialog as it first takes the focus (the
application's `focusWindowChanged`: one call when the focused window changes, where an event filter on the
QApplication cost a Python call for every event of every object) and from then on filters that dialog's own
events only: once it is shown — after Qt's own placement and a message box's own sizing — it is moved onto
the centre of its owner window (`owner_window`: the nearest visible window up its parents, else the main
window) when it is not there already, then kept inside that screen's available area; when it grows while
shown and nobody moved it, it is centred again. A dialog shown while NomadCM is not the active application
is placed by Qt until it takes the focus. `owner_window` is also the parent to give a dialog that would have
none (the excepthook's boxes).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

TOLERANCE = 24  # px: a title bar's height; Qt's own centring (it guesses the frame) is left alone within it
PLACED_AT = "_nomadcm_placed_at"  # where this module last put a dialog (a user's move is never undone)
WATCHED_BY = "_nomadcm_placement"  # the DialogPlacement that filters this dialog's events (its id)


def owner_window(widget: QWidget | None) -> QWidget | None:
    """The visible window `widget` belongs to: its own window, else the nearest visible one up its parents,
    else the application's visible main window; None when nothing is on screen."""
    while widget is not None:
        window = widget.window()
        if window.isVisible() and not window.isMinimized():
            return window
        widget = window.parentWidget()
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QMainWindow) and top.isVisible() and not top.isMinimized():
            return top
    return None


def centred(frame: QRect, on: QRect) -> QPoint:
    """The top-left corner that puts `frame` (a rectangle's size) in the middle of `on`."""
    return QPoint(on.x() + (on.width() - frame.width()) // 2, on.y() + (on.height() - frame.height()) // 2)


def inside(frame: QRect, area: QRect) -> QPoint:
    """The top-left corner nearest to `frame`'s that keeps it inside `area` (its top-left first, when it is
    bigger: the title bar stays reachable)."""
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    return QPoint(x, y)


def place(dialog: QWidget, recentre: bool = True) -> None:
    """Centres `dialog` on its owner window (when `recentre` and it is off by more than TOLERANCE) and keeps
    its frame inside the owner's screen."""
    owner = owner_window(dialog.parentWidget())
    screen = (owner or dialog).screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = dialog.frameGeometry()
    target = frame.topLeft()
    if recentre:
        anchor = owner.frameGeometry() if owner is not None else area
        wanted = centred(frame, anchor)
        if (wanted - target).manhattanLength() > TOLERANCE:
            target = wanted
    target = inside(QRect(target, frame.size()), area)
    if target != frame.topLeft():
        dialog.move(dialog.pos() + (target - frame.topLeft()))  # move() places the frame's corner
    dialog.setProperty(PLACED_AT, dialog.pos())


class DialogPlacement(QObject):
    """The watch described in the module docstring; lives as long as `window`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_focus_window)
        for top in QApplication.topLevelWidgets():  # the dialogs already open
            if isinstance(top, QDialog) and top.isVisible():
                self.watch(top)

    def watch(self, dialog: QDialog) -> None:
        """Filters `dialog`'s events from now on (once), and places it now when it is on screen."""
        if not dialog.isWindow() or dialog.property(WATCHED_BY) == id(self):  # a form embedded in a dialog
            return
        dialog.setProperty(WATCHED_BY, id(self))
        dialog.installEventFilter(self)
        if dialog.isVisible():  # it takes the focus once shown and sized: placed now
            self._settle(dialog)

    @Slot(QWindow)
    def _on_focus_window(self, focused: QWindow | None) -> None:
        if focused is None:
            return
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.windowHandle() is focused:
                self.watch(top)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Resize) and isinstance(watched, QDialog):
            if kind == QEvent.Type.Show:
                dialog = watched
                QTimer.singleShot(0, self, lambda: self._settle(dialog))  # once Qt and the box have sized it
            elif watched.isVisible() and watched.property(PLACED_AT) is not None:
                untouched = watched.property(PLACED_AT) == watched.pos()
                place(watched, recentre=untouched)
        return False

    @staticmethod
    def _settle(dialog: QDialog) -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            place(dialog)
