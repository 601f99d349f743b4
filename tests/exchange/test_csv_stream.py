"""The streaming CSV reader every CSV importer uses: what spreadsheets save is read, what is not UTF-8 or
not CSV is refused with its line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nomadcm.exchange.csv_stream import MAX_LINE, CsvFileError, CsvStream


def records(path: Path, data: bytes, **options: object) -> tuple[str, list[tuple[int, list[str]]]]:
    path.write_bytes(data)
    with CsvStream(path, **options) as stream:  # type: ignore[arg-type]
        return stream.delimiter, list(stream)


def test_what_spreadsheets_save(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    assert records(path, b"a;b\r\n1;2\r\n") == (";", [(1, ["a", "b"]), (2, ["1", "2"])])
    assert records(path, b'\xef\xbb\xbfa,b\n1,"x\ny"\n\n2,3') == (
        ",",
        [(1, ["a", "b"]), (2, ["1", "x\ny"]), (4, []), (5, ["2", "3"])],
    )
    assert records(path, b"a,b\r1,2\r") == (",", [(1, ["a", "b"]), (2, ["1", "2"])])  # classic Mac
    assert records(path, b"") == (",", [])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.text(st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=4), max_size=6
    )
)
def test_records_read_as_the_csv_module_reads_them(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "x.csv"
    _, got = records(path, out.getvalue().encode(), delimiter=lambda _line: ",")
    assert [cells for _line, cells in got] == list(csv.reader(io.StringIO(out.getvalue(), newline="")))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"a,b\n1,caf\xe9\n", r"line 2: not UTF-8 text \(byte 6 of the line\)"),
        (b"a,b\n1,\xed\xb3\xbf\n", r"line 2: not UTF-8 text \(byte 3 of the line\)"),
        (b'a,b\n"1,2\n', r"line 2: not valid CSV"),
    ],
)
def test_what_is_not_csv_is_refused_with_its_line(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(CsvFileError, match=message):
        records(tmp_path / "x.csv", data, strict=True)


def test_a_line_too_long_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="line 2: longer than 4 million characters"):
        records(tmp_path / "x.csv", b"a,b\n" + b"," * (MAX_LINE + 10))


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="cannot read"), CsvStream(tmp_path / "nope.csv"):
        pass
