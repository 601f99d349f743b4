"""What an exporter or importer of files says when it fails, shared by every file format.

An export that cannot write its file raises `ExportError`; an import refuses the whole file with
`ImportFailed`, which lists every bad row by its line (`RowError`), so a person fixes the file once instead
of once per error. The CLI and the GUI show these messages as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from nomadcm.errors import UserError


class ExportError(UserError):
    pass


@dataclass
class RowError:
    line: int  # the header is line 1
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


MAX_KEPT = 1000  # bad rows listed; a streaming importer only counts the rest of a hopeless file


class ImportFailed(UserError):
    """Nothing was imported; `.errors` lists the bad rows (the first `MAX_KEPT` when `total`, the count of
    every bad row, is larger)."""

    def __init__(self, path: str, errors: list[RowError], total: int | None = None) -> None:
        self.errors = errors
        self.total = max(total or 0, len(errors))
        more = f" (and {self.total - 1} more)" if self.total > 1 else ""
        super().__init__(f"{path}: nothing imported, {self.total} bad row(s): {errors[0]}{more}")
