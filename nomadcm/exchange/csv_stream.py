"""Reading a CSV file record by record, in bounded memory, with every fault named by its line.

Every CSV importer reads through here: the native schedule CSV and the bulk-scheduler files (through
csv_cells.read_records), the places CSV, Sleep as Android's export and the wellbeing CSV. Holding the bytes,
then the text, then every record of a file made a 200 MB file cost 2-3 GB; here the file is read line by
line, so memory follows one record (a line is at most `MAX_LINE` characters, a cell at most the csv
module's field limit).

What spreadsheets save is accepted: UTF-8 with or without a BOM, `,` or `;` between cells (the caller may
sniff it from the first line), CR, LF or CRLF line ends, quoted cells over several lines. Bytes that are not
UTF-8 (a Latin-1 file, half a character) are refused with the line and the byte in it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TextIO

from nomadcm.errors import UserError

MAX_LINE = 4 * 1024 * 1024  # characters in one physical line
_UNDECODED = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8


def count_rule(first_line: str) -> str:
    """`;` when the first line holds more of them than of `,` (French Excel), else `,`."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


class CsvFileError(UserError):
    """A file that cannot be read as CSV: unreadable, not UTF-8, or malformed (message names the line)."""


class CsvStream:
    """`(line where the record starts, cells)` of every record of `path`, blank ones included.

    Use as a context manager (the file is closed at the end); `delimiter` is known once the first line
    was read (on entering)."""

    def __init__(
        self,
        path: Path | str,
        source: str | None = None,
        *,
        delimiter: Callable[[str], str] = count_rule,
        strict: bool = False,
        hint: str = "",
    ) -> None:
        self.path = Path(path)
        self.source = source if source is not None else repr(str(path))
        self.sniff = delimiter
        self.strict = strict
        self.hint = hint  # added to the "not UTF-8" message ("save it as UTF-8 CSV")
        self.delimiter = ","
        self.physical = 0  # physical lines read so far
        self.chars = 0  # characters read so far (a progress measure: about the bytes of a UTF-8 file)
        self._file: TextIO | None = None
        self._head: list[str] = []

    def __enter__(self) -> CsvStream:
        try:
            self._file = self.path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
        except OSError as err:
            raise CsvFileError(f"cannot read {str(self.path)!r}: {err.strerror}") from None
        # the first non-blank line says which separator the file uses
        while True:
            line = self._readline()
            if not line:
                break
            self._head.append(line)
            if line.strip():
                break
        first = next((ln for ln in self._head if ln.strip()), "")
        self.delimiter = self.sniff(first.rstrip("\r\n"))
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def _readline(self) -> str:
        assert self._file is not None
        try:
            line = self._file.readline(MAX_LINE)
        except OSError as err:
            raise CsvFileError(f"cannot read {str(self.path)!r}: {err.strerror}") from None
        if not line:
            return line
        self.physical += 1
        self.chars += len(line)
        if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
            raise CsvFileError(
                f"{self.source} line {self.physical}: longer than {MAX_LINE // (1024 * 1024)} million "
                "characters: not a CSV file NomadCM reads"
            )
        if line.isascii():
            return line
        try:  # fails only on what surrogateescape made of a byte that is not UTF-8: C speed, no regex
            line.encode("utf-8")
            return line
        except UnicodeEncodeError:
            bad = _UNDECODED.search(line)
        if bad is not None:
            where = len(line[: bad.start()].encode("utf-8", "surrogateescape")) + 1
            raise CsvFileError(
                f"{self.source} line {self.physical}: not UTF-8 text (byte {where} of the line)"
                + (f"; {self.hint}" if self.hint else "")
            )
        return line

    def _lines(self) -> Iterator[str]:
        yield from self._head
        self._head = []
        while True:
            line = self._readline()
            if not line:
                return
            yield line

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(self._lines(), delimiter=self.delimiter, strict=self.strict)
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                raise CsvFileError(f"{self.source} line {reader.line_num}: not valid CSV ({err})") from None
            yield start, cells
