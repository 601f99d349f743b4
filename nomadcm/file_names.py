"""File names made from user data: `safe_filename` is the one way to build one.

A suggested name ("checklist-lisbon-2027-05-01.pdf", "nomadcm-schedule-boulangerie-2027-05-01.csv") carries a
city or a client name. Put into a path as is, a city typed `../../../tmp/x` points out of the folder the
person is looking at, and `a/b`, `CON`, a control character or a 300-character name break the save on one
system or another. `safe_filename` gives one path component, valid on Linux, macOS and Windows:

- path separators (/ and \\), the characters Windows refuses (< > : " | ? *) and control characters become "-";
- runs of "-" (with the dots and spaces around them) become one "-", runs of dots one dot, so neither ".." nor
  a leading dot (a hidden file) is left, and no dot or space ends the name (Windows drops them);
- a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension) gets a "_" prefix;
- the name is cut to `max_bytes` of UTF-8 (the suffix kept), never empty: `fallback` instead.
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r'[/\\<>:"|?*\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]')
_DASH_RUN = re.compile(r"[-\s.]*-[-\s.]*")
_DOT_RUN = re.compile(r"\.{2,}")
_SPACE_RUN = re.compile(r"\s+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
MAX_BYTES = 120


def safe_filename(
    text: str, suffix: str = "", *, fallback: str = "nomadcm", max_bytes: int = MAX_BYTES
) -> str:
    """`text` (+ `suffix`, such as ".pdf") as one safe file name; see the module's rules."""
    stem = _clean(text, max_bytes - len(suffix.encode("utf-8"))) or _clean(fallback, max_bytes) or "nomadcm"
    if _RESERVED.match(stem):
        stem = "_" + stem
    return stem + _clean_suffix(suffix)


def _clean(text: str, limit: int) -> str:
    value = unicodedata.normalize("NFC", str(text))
    value = _UNSAFE.sub("-", value)
    value = _SPACE_RUN.sub(" ", value)
    value = _DASH_RUN.sub("-", value)
    value = _DOT_RUN.sub(".", value)
    value = value.strip("-. ")
    encoded = value.encode("utf-8")
    if len(encoded) > max(limit, 1):
        value = encoded[: max(limit, 1)].decode("utf-8", errors="ignore").rstrip("-. ")
    return value


def _clean_suffix(suffix: str) -> str:
    """A suffix is ours (".csv"), but it passes the same rules: "." and safe characters only."""
    if not suffix:
        return ""
    body = _clean(suffix.lstrip("."), 16)
    return f".{body}" if body else ""
