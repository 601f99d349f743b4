"""`nomadcm post edit` (issue 13, no lost edit): saved at the version it read; a post changed since is one
line "changed by … at … — reload / overwrite", exit 2, nothing written. On the pass's engine."""

from __future__ import annotations

import re

import pytest
from cli_runner import Cli

STALE = re.compile(
    r"^nomadcm: error: post 1 was changed by another session at \d{4}-\d\d-\d\d \d\d:\d\d UTC"
    r" — reload / overwrite\n$"
)


@pytest.fixture
def cli(db_arg: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(db_arg, capsys)
    cli.ok("client", "add", "Acme", "--tz", "Europe/Paris")
    cli.ok("channel", "add", "Acme", "x")
    cli.ok("post", "add", "--client", "Acme", "--channel", "x", "--at", "2030-03-04 10:00", "--text", "one")
    return cli


def _text(cli: Cli) -> str:
    rows = cli.json("post", "list")
    assert isinstance(rows, list) and len(rows) == 1
    return str(rows[0]["text"])


def test_an_edit_at_the_version_shown_is_saved_and_a_stale_one_refused(cli: Cli) -> None:
    assert cli.ok("post", "edit", "1", "--text", "two", "--if-version", "1") == "post 1 saved (version 2)\n"
    err = cli.refused("post", "edit", "1", "--text", "three", "--if-version", "1")  # read at 1, now at 2
    assert STALE.match(err), err
    assert _text(cli) == "two"  # nothing written
    assert cli.ok("post", "edit", "1", "--text", "three") == "post 1 saved (version 3)\n"  # overwrite
    assert _text(cli) == "three"


def test_a_client_name_in_another_case_is_refused(cli: Cli) -> None:
    err = cli.refused("client", "add", "ACME", "--tz", "Europe/Paris")
    assert err == "nomadcm: error: a client named 'ACME' already exists\n"
