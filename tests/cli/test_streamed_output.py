"""Streamed listings (issue 14: `check` at a million posts in bounded memory): the JSON written piece by piece is
the document `json.dumps` writes for the whole list, and a long table keeps the widths of its first rows."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nomadcm.cli.common import print_json_stream, print_table, print_table_stream

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@given(values=st.lists(JSON_VALUES, max_size=5))
def test_streamed_json_is_the_whole_document(values: list[object]) -> None:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_json_stream(iter(values), chunk=2)
    assert json.loads(out.getvalue()) == values
    plain = json.dumps(values, ensure_ascii=False, indent=2)
    if all(c.isprintable() or c in "\n" for c in plain):  # the controls print_json escapes aside
        assert out.getvalue() == plain + "\n"


def test_a_short_table_is_the_plain_table(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [[1, "Boulangerie Dupont", "sleep"], [22, "Érable Café", "off_hours, holiday"]]
    print_table(["post", "client", "conflicts"], rows)
    plain = capsys.readouterr().out
    assert print_table_stream(["post", "client", "conflicts"], iter(rows)) == 2
    assert capsys.readouterr().out == plain


def test_a_long_table_keeps_the_widths_of_its_first_rows(capsys: pytest.CaptureFixture[str]) -> None:
    rows = ([i, "Atelier", "x"] for i in range(5))
    printed = print_table_stream(["post", "client", "c"], rows, measured=2)
    lines = capsys.readouterr().out.splitlines()
    assert printed == 5 and len(lines) == 6
    assert lines[0] == "post  client   c" and lines[5] == "4     Atelier  x"
