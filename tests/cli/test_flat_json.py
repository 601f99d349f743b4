"""The fast writer of flat records (`check --json`) gives json.dumps's bytes, or hands over to it."""

from __future__ import annotations

import contextlib
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from nomadcm.cli.common import print_json, print_json_stream
from nomadcm.cli.flat_json import flat_records

TEXT = st.text(alphabet=st.characters(), max_size=12)  # controls, quotes, bidi marks, surrogates included
FLAT_VALUES = st.none() | st.booleans() | st.integers() | TEXT | st.lists(TEXT, max_size=3)
FLAT_RECORDS = st.lists(st.dictionaries(TEXT, FLAT_VALUES, max_size=6), max_size=4)


@given(records=FLAT_RECORDS)
def test_flat_records_are_json_dumps_lines(records: list[dict[str, object]]) -> None:
    expected = json.dumps(records, ensure_ascii=False, indent=2)
    written = flat_records(records)
    assert written is not None
    assert ("[\n" + written + "\n]" if records else "[]") == expected


@given(records=FLAT_RECORDS, chunk=st.integers(1, 3))
def test_streamed_flat_records_are_print_jsons_document(records: list[dict[str, object]], chunk: int) -> None:
    """`print_json` (json.dumps of the whole list, raw controls escaped) is the reference."""
    streamed, whole = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(streamed):
        print_json_stream(iter(records), chunk=chunk)
    with contextlib.redirect_stdout(whole):
        print_json(records)
    assert streamed.getvalue() == whole.getvalue()
    assert json.loads(streamed.getvalue()) == records


def test_other_shapes_are_left_to_json_dumps() -> None:
    for records in (
        [{"a": 1.5}],
        [{"a": {"b": 1}}],
        [{"a": [1]}],
        [[1]],
        [{1: "a"}],
        ["a"],
        [{"a": True}, 2],
    ):
        assert flat_records(records) is None, records
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_json_stream(iter([{"a": 1.5, "b": [1, {"c": None}]}]))
    assert (
        out.getvalue() == json.dumps([{"a": 1.5, "b": [1, {"c": None}]}], ensure_ascii=False, indent=2) + "\n"
    )
