"""Reading a big JSON file as a stream, in bounded memory, with one kind of error for every way it is bad.

`json.load` holds the whole text and then the whole tree (an ActivityWatch export of 200 MB took 2-3 GB),
recurses once per nesting level (a file of 100,000 `[` was a RecursionError), and lets through what a
database or a terminal cannot take (`\\udcff`, half of a UTF-16 pair, failed at the write or the print;
NaN and Infinity, which are not JSON). Here ijson's C parser reads the file in chunks and gives events;
`JsonStream` walks them: the caller builds only the small values it keeps (one event, one feature) with
`value()` and skips the rest with `skip()`, so memory follows the largest single value, not the file.

Refused, as a `JsonFileError` naming the file and the byte near the problem: text that is not UTF-8 or holds
an unpaired surrogate escape, NaN / Infinity, numbers too big for a float or a 64-bit integer, nesting deeper
than `MAX_DEPTH`, anything after the document. A UTF-8 byte order mark is skipped. (yajl reads a lone high
surrogate, `\\ud800` not followed by its pair, as `?`: no surrogate reaches the database either way.)
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO, Any

import ijson

from nomadcm.errors import UserError

MAX_DEPTH = 64  # GeoJSON needs 6 (a MultiPolygon in a feature in a collection); ActivityWatch 5
BUFFER = 64 * 1024
_BOM = b"\xef\xbb\xbf"
_OPEN = ("start_map", "start_array")
_CLOSE = ("end_map", "end_array")

Event = tuple[str, Any]


class JsonFileError(UserError):
    """The bytes are not a JSON document NomadCM reads (message: the source and the byte near the fault)."""


class _Bomless:
    """A binary stream without its leading UTF-8 byte order mark (ijson refuses one)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        head = raw.read(len(_BOM))
        self.pending = b"" if head == _BOM else head
        self.consumed = len(head)

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks for 0 bytes first, to tell bytes from text
            return b""
        head, self.pending = self.pending, b""
        data = self.raw.read(size if size is None or size < 0 else max(1, size - len(head)))
        self.consumed += len(data)
        return head + data


class JsonStream:
    """The events of one JSON document, walked from the top: `next()` gives the next event, `value(first)`
    builds the value that event starts, `skip(first)` passes over it, `members()` and `items()` walk an
    object or an array whose start event was just read. `position` is how many bytes were read so far (a
    progress measure, and where an error is reported)."""

    def __init__(self, raw: IO[bytes], source: str, what: str = "", max_depth: int = MAX_DEPTH) -> None:
        self.source = source
        self.what = what  # "an ActivityWatch export": messages say the source is not one
        self.max_depth = max_depth
        self.depth = 0
        self._input = _Bomless(raw)
        self._events = ijson.basic_parse(self._input, use_float=True, buf_size=BUFFER)
        if ijson.backend == "python":  # no C parser (a frozen app that missed it): check strings here
            self._events = _no_surrogates(self._events)

    @property
    def position(self) -> int:
        return self._input.consumed

    def error(self, reason: str) -> JsonFileError:
        subject = f"{self.source} is not {self.what}" if self.what else self.source
        return JsonFileError(f"{subject}: {reason} (near byte {self.position})")

    def fault(self, err: BaseException) -> JsonFileError:
        """The parser's error (or a text decoding error) as one line for people."""
        if isinstance(err, UnicodeDecodeError):
            return self.error(
                "not UTF-8 JSON text, or a \\u escape of half a character (an unpaired surrogate)"
            )
        return self.error(f"not valid JSON: {_first_line(err)}")

    def next(self) -> Event:
        try:
            event = next(self._events)
        except StopIteration:
            raise self.error("the JSON text ends too early") from None
        except (ijson.JSONError, ValueError, OverflowError) as err:
            raise self.fault(err) from None
        kind = event[0]
        if kind in _OPEN:
            self.depth += 1
            if self.depth > self.max_depth:
                raise self.error(f"values nested more than {self.max_depth} deep")
        elif kind in _CLOSE:
            self.depth -= 1
        return event

    def end(self) -> None:
        """After the top value: nothing but white space may follow."""
        try:
            extra = next(self._events)
        except StopIteration:
            return
        except (ijson.JSONError, ValueError, OverflowError) as err:
            raise self.fault(err) from None
        raise self.error(f"more JSON after the document ({extra[0]})")

    def value(self, first: Event | None = None) -> Any:
        """The whole value that starts with `first` (default: the next event), as json.loads builds it."""
        kind, value = self.next() if first is None else first
        if kind not in _OPEN:
            return value
        root: Any = {} if kind == "start_map" else []
        top, is_map, key = root, kind == "start_map", None
        parents: list[tuple[Any, Any, bool]] = []  # (container, key, is a map) above `top`
        limit = self.max_depth - self.depth  # levels allowed below this value
        try:
            for kind, value in self._events:  # the hot loop of every import: no call per event
                if kind == "map_key":
                    key = value
                elif kind == "end_map" or kind == "end_array":
                    if not parents:
                        self.depth -= 1
                        return root
                    top, key, is_map = parents.pop()
                elif kind == "start_map" or kind == "start_array":
                    if len(parents) >= limit:
                        self.depth += len(parents) + 1
                        raise self.error(f"values nested more than {self.max_depth} deep")
                    child: Any = {} if kind == "start_map" else []
                    if is_map:
                        top[key] = child
                    else:
                        top.append(child)
                    parents.append((top, key, is_map))
                    top, is_map, key = child, kind == "start_map", None
                elif is_map:
                    top[key] = value
                else:
                    top.append(value)
        except (ijson.JSONError, ValueError, OverflowError) as err:
            raise self.fault(err) from None
        raise self.error("the JSON text ends too early")

    def skip(self, first: Event | None = None) -> None:
        """Reads past the value that starts with `first` (default: the next event), building nothing."""
        kind, _ = self.next() if first is None else first
        if kind not in _OPEN:
            return
        level = 1
        limit = self.max_depth - self.depth
        try:
            for kind, _ in self._events:
                if kind == "start_map" or kind == "start_array":
                    level += 1
                    if level > limit + 1:
                        self.depth += level - 1
                        raise self.error(f"values nested more than {self.max_depth} deep")
                elif kind == "end_map" or kind == "end_array":
                    level -= 1
                    if not level:
                        self.depth -= 1
                        return
        except (ijson.JSONError, ValueError, OverflowError) as err:
            raise self.fault(err) from None
        raise self.error("the JSON text ends too early")

    def members(self) -> Iterator[str]:
        """The keys of the object whose `start_map` was just read; the caller reads each key's value."""
        while True:
            kind, value = self.next()
            if kind == "end_map":
                return
            yield value

    def items(self) -> Iterator[Event]:
        """The first event of each item of the array whose `start_array` was just read; the caller reads
        the rest of each item (`value(first)`, `skip(first)`, or by hand)."""
        while True:
            event = self.next()
            if event[0] == "end_array":
                return
            yield event


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(events: Iterator[Event]) -> Iterator[Event]:
    """What yajl refuses by itself: a string holding half of a UTF-16 pair (the pure-Python parser keeps it,
    and the database or the terminal would fail on it later)."""
    for event in events:
        if (event[0] == "string" or event[0] == "map_key") and _SURROGATE.search(event[1]):
            raise UnicodeDecodeError("utf-8", b"", 0, 1, "unpaired surrogate")
        yield event


def _first_line(err: BaseException) -> str:
    text = str(err.args[0] if err.args else err)
    if isinstance(err.args[0] if err.args else None, bytes):
        text = err.args[0].decode("utf-8", "replace")
    return " ".join(text.strip().splitlines()[:1]) or type(err).__name__


def describe(event: Event) -> str:
    """What a JSON value is, for a message ("an object", "the number 3")."""
    kind, value = event
    names = {
        "start_map": "an object",
        "start_array": "a list",
        "null": "null",
        "boolean": "true" if value else "false",
    }
    if kind in names:
        return names[kind]
    if kind == "string":
        return f"the text {value[:40]!r}"
    return f"the number {value!r}"


def loads(text: str) -> Any:
    """`json.loads` for JSON held in a cell of a file (a places CSV's osm_tags): the same refusals as a
    JSON file (unpaired surrogates, NaN, deep nesting), raised as ValueError like json.loads does."""
    stream = JsonStream(io.BytesIO(text.encode("utf-8", "surrogatepass")), "the JSON text")
    try:
        value = stream.value()
        stream.end()
    except JsonFileError as err:
        raise ValueError(str(err)) from None
    return value
