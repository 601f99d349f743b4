"""Every control on every page can be reached with Tab and has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

from nomadcm.ui.pages import PAGES

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QSlider,
)


def controls(page: QWidget) -> list[QWidget]:
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue
        if widget.metaObject().className() == "QTableCornerButton":  # the table's select-all corner
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit) or (
            parent is not None and parent.metaObject().className() == "QComboBoxPrivateContainer"
        ):
            continue  # the inside of a combo box, spin box or line edit (clear button): named through it
        found.append(widget)
    return found


def test_every_control_has_a_name_and_takes_the_focus(window, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    unnamed, unreachable = [], []
    for spec in PAGES:
        page = window.show_page(spec.key)
        for widget in controls(page):
            iface = QAccessible.queryAccessibleInterface(widget)
            name = iface.text(QAccessible.Text.Name) if iface is not None else ""
            where = f"{spec.key}: {type(widget).__name__} {widget.objectName()!r}"
            if not name.strip():
                unnamed.append(where)
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                unreachable.append(where)
    assert unnamed == []
    assert unreachable == []
