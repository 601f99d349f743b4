"""What a person typed or a file brought is shown as the characters it is, never as markup.

Qt guesses the format of a QLabel, a QMessageBox, a tooltip or a What's This text: rich text whenever
`Qt.mightBeRichText` finds a tag on the first line. A client named `<img src=/home/me/photo.png>` would load
that image from disk, a post text with `<a href=…>` would show a link, `<b>` would turn bold. So every string
that may hold user data goes through here:

- labels: `plain_label()` (or `make_plain(label)` on one built elsewhere) sets `Qt.PlainText`;
- message boxes: `ask`, `inform` and `warn` are `QMessageBox.question/information/warning` with
  `Qt.PlainText` (the static functions cannot be told the format). Call them through the module
  (`plain_text.ask(...)`), so that a test can answer in their place;
- tooltips (and a QInputDialog's label) have no format switch: `plain_tooltip(text)` / `as_markup(text)`
  escape the text and wrap it in a paragraph that keeps its line breaks, so Qt reads markup that says exactly
  those characters. `RowsTableModel` passes every `ToolTipRole` string of the table models through it;
- the tray's tooltip and notifications are drawn by the desktop, which may or may not read markup:
  `unmarked(text)` turns the two characters that open and close a tag into look-alikes;
- menu entries: `menu_text(text)` doubles "&", which Qt would take for a shortcut mark.

Translated texts written by us may keep markup (the About box); a user value put into one of them must be
`escape()`d first.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText
Button = QMessageBox.StandardButton


def escape(text: object) -> str:
    """`text` as HTML text: `<`, `>` and `&` escaped (quotes need nothing outside an attribute)."""
    return html.escape(str(text), quote=False)


def as_markup(text: str) -> str:
    """Markup that shows exactly `text`, line breaks and spaces kept: for a place that reads any text as
    markup or guesses (a tooltip, the label of a QInputDialog)."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` character for character (None or "" stay as they are: no tooltip)."""
    return as_markup(text) if text else text


def unmarked(text: str) -> str:
    """For text whose format the platform decides (tray tooltip, notifications): no tag can start in it."""
    return text.replace("<", "\u2039").replace(">", "\u203a")


def menu_text(text: str) -> str:
    """A user value as a menu entry or button text: "&" shown, not taken for a shortcut mark."""
    return text.replace("&", "&&")


def make_plain(*labels: QLabel) -> None:
    for label in labels:
        label.setTextFormat(PLAIN)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as is, whatever it holds."""
    label = QLabel(text, parent)
    label.setTextFormat(PLAIN)
    return label


def message_box(
    icon: QMessageBox.Icon,
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    """A message box whose text (and informative text) is plain; the caller adds buttons and runs it."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(PLAIN)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def _run(box: QMessageBox) -> Button:
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else Button.NoButton


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.NoButton,
) -> Button:
    """`QMessageBox.question` with the text shown as is; the button clicked (Escape: the escape button)."""
    return _run(message_box(QMessageBox.Icon.Question, parent, title, text, buttons, default))


def inform(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    """`QMessageBox.information` with the text shown as is."""
    return _run(message_box(QMessageBox.Icon.Information, parent, title, text, buttons, default))


def warn(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    """`QMessageBox.warning` with the text shown as is."""
    return _run(message_box(QMessageBox.Icon.Warning, parent, title, text, buttons, default))
