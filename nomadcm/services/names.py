"""The one rule for names: a name is stored as one line of visible text.

A name — of a client, a place, a city or a stay, a transit's places and reference, a channel handle, a tag,
a screen session's activity — is shown in table cells, menus, window titles and terminal lines. A tab or a
line break would break those lines, and a control character would reach the terminal as is: `ESC [2J` clears
the screen of whoever runs `nomadcm client list`. So every write path of a name (typed in the GUI, given to
the CLI, read from a file) passes it through `single_line`:

- every run of white space (spaces, tabs, line breaks, U+2028…) becomes one space, none at either end;
- every other control character (Unicode category Cc: C0, DEL and C1, ESC among them) is removed;
- the text is put in Unicode NFC ("é" pasted from a macOS file name is one character, not e + accent).

Free text keeps its lines (a post's text, notes): it is never run through here, and the CLI escapes what it
prints (`cli.common.terminal_text`).
"""

from __future__ import annotations

import unicodedata


def single_line(text: str) -> str:
    """`text` as a name: one line, no control character, single spaces, NFC."""
    if _already_single_line(text):  # most names: an import asks for hundreds of thousands
        return text
    # str.split() splits on every Unicode white space: \t \n \r \x0b \x0c \x1c-\x1f \x85 U+2028 too.
    words = " ".join(str(text).split())
    visible = "".join(ch for ch in words if unicodedata.category(ch) != "Cc")
    return unicodedata.normalize("NFC", " ".join(visible.split()))


def _already_single_line(text: str) -> bool:
    """Whether `single_line` would give `text` back unchanged, said by C code: every character printable
    (no control, format or separator character but the space), no space at either end or twice in a row,
    already NFC. Anything else takes the full rule (a property test checks the two agree)."""
    return (
        text.__class__ is str
        and text.isprintable()
        and text[:1] != " "
        and text[-1:] != " "
        and "  " not in text
        and unicodedata.is_normalized("NFC", text)
    )
