"""`json.dumps(..., ensure_ascii=False, indent=2)` of a list of flat records, written faster, byte for byte.

With `indent` the json module encodes in pure Python (its C encoder only serves compact output): for
`check --json` of 100,000 posts that was a fifth of the command's time. A flat record — a dict whose keys
are strings and whose values are strings, ints, None, booleans or lists of strings — has a fixed layout, so
its lines are put together here, each string escaped by the json module's own C function. Any other shape
returns None and the caller uses `json.dumps` (tests/cli/test_flat_json.py compares the two).
"""

from __future__ import annotations

from collections.abc import Sequence
from json.encoder import encode_basestring  # the C escaper when available, as json.dumps uses it
from typing import Any

_CONSTANTS = {None: "null", True: "true", False: "false"}


def _value(value: Any) -> str | None:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _CONSTANTS[value]
    if kind is list:
        if not value:
            return "[]"
        if any(type(x) is not str for x in value):
            return None
        return "[\n      " + ",\n      ".join(map(encode_basestring, value)) + "\n    ]"
    return None


def flat_records(records: Sequence[Any]) -> str | None:
    """The inner lines of `json.dumps(records, ensure_ascii=False, indent=2)` (without its "[\\n" and "\\n]"),
    or None when a record is not flat."""
    parts: list[str] = []
    for record in records:
        if type(record) is not dict:
            return None
        if not record:
            parts.append("  {}")
            continue
        lines: list[str] = []
        for key, value in record.items():
            encoded = _value(value)
            if encoded is None or type(key) is not str:
                return None
            lines.append(f"    {encode_basestring(key)}: {encoded}")
        parts.append("  {\n" + ",\n".join(lines) + "\n  }")
    return ",\n".join(parts)
