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


class ImportFailed(UserError):
    """Nothing was imported; `.errors` lists every bad row."""

    def __init__(self, path: str, errors: list[RowError]) -> None:
        self.errors = errors
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{path}: nothing imported, {len(errors)} bad row(s): {errors[0]}{more}")
