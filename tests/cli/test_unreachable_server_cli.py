"""A team database's server that cannot be reached: one line on stderr naming host:port (never the password),
exit 2, nothing on stdout — with no server needed to check it (nothing listens on port 1)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cli_runner import run_cli

pytest.importorskip("psycopg")  # the `postgres` extra; without it the line names the extra instead


@pytest.mark.parametrize(
    "url",
    ["postgresql+psycopg://u@127.0.0.1:1/x", "postgresql://u:s3cret-pw@127.0.0.1:1/x"],
)
def test_an_unreachable_server_is_one_line_naming_its_address(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(["--db", url, "client", "list"], capsys)
    assert (code, out) == (2, "")
    assert err == "nomadcm: error: cannot reach the team database at 127.0.0.1:1 (Connection refused)\n"
    assert "s3cret" not in err


def test_in_its_own_process_too() -> None:
    """As typed in a terminal: no traceback, whatever the interpreter's exit path prints."""
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", "--db", "postgresql+psycopg://u@127.0.0.1:1/x", "client", "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "nomadcm: error: cannot reach the team database at 127.0.0.1:1 (Connection refused)"
    ]
