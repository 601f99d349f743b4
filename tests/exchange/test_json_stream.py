"""The streaming JSON reader every JSON importer uses: the values json.loads gives for plain data, and one
kind of error (naming the source and the byte) for everything else."""

from __future__ import annotations

import io
import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nomadcm.exchange.json_stream import MAX_DEPTH, JsonFileError, JsonStream, loads


def read(data: bytes) -> Any:
    stream = JsonStream(io.BytesIO(data), "'x.json'", "a test file")
    value = stream.value()
    stream.end()
    return value


plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63) + 1, 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(blacklist_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(plain)
def test_plain_json_reads_as_json_loads_does(value: Any) -> None:
    text = json.dumps(value)
    assert read(text.encode()) == json.loads(text)
    assert read(b"\xef\xbb\xbf" + json.dumps(value, ensure_ascii=False).encode()) == json.loads(text)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"a": "x\\udcff"}', "unpaired surrogate"),
        (b'{"\\udfff": 1}', "unpaired surrogate"),
        ('{"a": "é"}'.encode("latin-1"), "not valid JSON"),
        (b'{"a": NaN}', "not valid JSON"),
        (b"[Infinity]", "not valid JSON"),
        (b"[1e400]", "not valid JSON"),
        (b"[123456789012345678901234567890]", "not valid JSON"),
        (b'{"a": 1} {"b": 2}', "not valid JSON"),
        (b'{"a": ', "not valid JSON"),
        (b"", "not valid JSON"),
        (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "nested more than 64 deep"),
        (b"[" * 1_000_000, "nested more than 64 deep"),
    ],
)
def test_what_is_not_plain_data_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(JsonFileError, match=message) as refused:
        read(data)
    assert str(refused.value).startswith("'x.json' is not a test file: ")
    assert "near byte" in str(refused.value)


def test_a_lone_high_surrogate_is_read_as_a_question_mark() -> None:
    """yajl's own choice for half a pair that starts one: no surrogate reaches the database either way."""
    assert read(b'["a\\ud800", {"\\ud800": 1}]') == ["a?", {"?": 1}]


def test_sixty_four_levels_are_read() -> None:
    nested = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert read(nested.encode()) == json.loads(nested)


def test_walking_members_and_items_builds_only_what_is_asked() -> None:
    doc = {"skip": list(range(1000)), "keep": [{"a": 1}, {"b": [2, 3]}], "tail": "x"}
    stream = JsonStream(io.BytesIO(json.dumps(doc).encode()), "doc")
    assert stream.next() == ("start_map", None)
    kept: list[Any] = []
    for key in stream.members():
        if key == "keep":
            assert stream.next()[0] == "start_array"
            kept.extend(stream.value(first) for first in stream.items())
        else:
            stream.skip()
    stream.end()
    assert kept == doc["keep"]


def test_a_shuffled_stream_of_chunks_reads_the_same() -> None:
    """ijson reads in chunks: a value cut anywhere between two reads is still whole."""
    doc = {"events": [{"t": f"2027-03-26T07:{i % 60:02}:00Z", "d": i / 3} for i in range(5000)]}
    data = json.dumps(doc).encode()

    class Dribble(io.RawIOBase):
        def __init__(self) -> None:
            self.at = 0
            self.rnd = random.Random(1)

        def read(self, size: int = -1) -> bytes:
            n = self.rnd.randint(1, 50) if size else 0
            chunk, self.at = data[self.at : self.at + n], self.at + n
            return chunk

    stream = JsonStream(Dribble(), "dribble")  # type: ignore[arg-type]
    assert stream.value() == doc
    stream.end()


def test_loads_refuses_like_a_file_but_as_a_value_error() -> None:
    assert loads('{"amenity": "cafe"}') == {"amenity": "cafe"}
    for text in ('{"a": "\\udcff"}', "[NaN]", "[" * 100):
        with pytest.raises(ValueError):
            loads(text)
