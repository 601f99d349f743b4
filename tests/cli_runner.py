"""The CLI run in-process by the end-to-end tests: exit code, stdout and stderr of one command, and the two
outcomes the contract allows (done, or one line naming the bad value with exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nomadcm.cli import main


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`nomadcm ARGV` in this process: (exit code, stdout, stderr); argparse's own exits counted too."""
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's own refusals (a bad choice, a missing option)
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


class Cli:
    """Commands on one database (a file or a team database's URL), given before every command as `--db`."""

    def __init__(self, db: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
        self.db = str(db)
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        return run_cli(["--db", self.db, *args], self.capsys)

    def ok(self, *args: str) -> str:
        """The command's stdout; it must exit 0."""
        code, out, err = self(*args)
        assert code == 0, err
        return out

    def json(self, *args: str) -> object:
        """The command run with `--json`, its stdout parsed."""
        return json.loads(self.ok(*args, "--json"))

    def refused(self, *args: str) -> str:
        """The command's stderr; it must exit 2 with one line `nomadcm…: error: …`."""
        code, out, err = self(*args)
        assert code == 2, (out, err)
        assert err.startswith("nomadcm") and ": error: " in err and err.count("\n") == 1, err
        return err
