"""Accessible names for the controls a screen reader would otherwise announce as bare "edit", "table"…

The main window names each page's unlabelled controls once, when it builds the page.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QTabWidget,
    QWidget,
)


def _label_before(widget: QWidget) -> str:
    """The text of the label just before `widget` in its layout ("Posts from [date]"), if any."""
    parent = widget.parentWidget()
    layout = _containing_layout(parent.layout(), widget) if parent is not None else None
    if layout is None:
        return ""
    items = [layout.itemAt(i).widget() for i in range(layout.count())]
    index = items.index(widget)
    before = items[index - 1] if index > 0 else None
    return before.text().replace("&", "").rstrip(" :") if isinstance(before, QLabel) else ""


def _containing_layout(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    if layout is None:
        return None
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return layout
        found = _containing_layout(item.layout(), widget)
        if found is not None:
            return found
    return None


def name_unlabelled_controls(page: QWidget, title: str) -> None:
    """Accessible names for the controls a screen reader would otherwise announce as bare "edit", "table"…

    Controls with a label (a buddy, a form row) or a text already have one; the others get their placeholder,
    the label just before them, their tooltip, or for tables the name of their tab and page.
    """
    for widget in page.findChildren(QWidget):
        if widget.accessibleName() or isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue
        if isinstance(widget, QLineEdit):
            name = widget.placeholderText() or _label_before(widget) or widget.toolTip()
        elif isinstance(widget, QAbstractButton):
            name = "" if widget.text() else widget.toolTip()
        elif isinstance(widget, QComboBox | QAbstractSpinBox):
            name = _label_before(widget) or widget.toolTip()
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget.parentWidget(), QComboBox):
            tab = _tab_title(widget)
            name = f"{title} — {tab}" if tab else title
        else:
            continue
        if name:
            widget.setAccessibleName(name)


def _tab_title(widget: QWidget) -> str:
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None  # QTabWidget > stack > page
        if isinstance(tabs, QTabWidget):
            index = tabs.indexOf(child)
            if index >= 0:
                return tabs.tabText(index).replace("&", "")
        child = parent
    return ""
