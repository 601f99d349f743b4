"""Published recurrence vectors through the CLI, in process, as a person types them: `post add --rrule …
--json` (one JSON document on stdout), then `post occurrences ID --json`.

The vectors are RFC 5545 §3.8.5.3's examples (DTSTART in America/New_York, with the EDT/EST the RFC prints
for each occurrence) and python-dateutil's DAILY/WEEKLY/MONTHLY/YEARLY tests; each says where it was
copied from (tests/services/schedule/rrule_vectors*.py). The few NomadCM refuses on purpose are skipped
with the reason here, and a second test checks they are refused with that reason.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from nomadcm.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "schedule"))  # the vector data
from rrule_vectors import VECTORS, Vector

OFFSETS = {"EDT": timedelta(hours=-4), "EST": timedelta(hours=-5)}


def cli(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for every vector: each is its own post, listed by its id."""
    path = tmp_path_factory.mktemp("vectors") / "vectors.sqlite3"
    for argv in (
        ["settings", "set", "home-tz", "Europe/Paris"],
        ["client", "add", "Shop", "--tz", "America/New_York"],
        ["channel", "add", "Shop", "blog"],
    ):
        assert main(["--db", str(path), *argv]) == 0
    return path


def add(db: Path, capsys: pytest.CaptureFixture[str], vector: Vector) -> tuple[int, str, str]:
    return cli(
        db, capsys, "post", "add", "--client", "Shop", "--channel", "blog", "--tz", vector.zone,
        "--at", f"{vector.dtstart:%Y-%m-%d %H:%M}", "--text", vector.name, "--rrule", vector.rule, "--json",
    )  # fmt: skip


def wall(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.name)
def test_published_vector_through_post_add_and_post_occurrences(
    db: Path, capsys: pytest.CaptureFixture[str], vector: Vector
) -> None:
    if vector.refused:
        pytest.skip(f"refused on purpose ({vector.refused}); source: {vector.source}")
    expected = [f"{w:%Y-%m-%d %H:%M}" for w in vector.expected]
    code, out, err = add(db, capsys, vector)
    assert code == 0, err
    post = json.loads(out)  # exactly one document, the preview inside it
    assert post["rrule"] and post["rule_in_words"]
    if vector.after is None:  # the whole series from its start: its first occurrences are the preview
        assert post["audience_time"] == expected[0], vector.source
        shown = [o["audience_time"] for o in post["next_occurrences"]]
        assert shown[: len(expected)] == expected[:5], vector.source
        assert post["occurrences_in_all"] == (len(expected) if vector.complete else None)

    argv = ["post", "occurrences", str(post["id"]), "--json"]
    if not vector.complete:  # the source lists the first ones: list up to its last day
        argv += ["--to", f"{vector.expected[-1]:%Y-%m-%d}"]
    code, out, err = cli(db, capsys, *argv)
    assert code == 0, err
    rows = json.loads(out)
    if vector.after is not None and vector.before is not None:  # dateutil's .between(), both ends excluded
        rows = [r for r in rows if vector.after < wall(r["audience_time"]) < vector.before]
    assert [r["audience_time"] for r in rows] == expected, vector.source
    assert all(r["occurrence"] == r["audience_time"] and not r["dst_shifted"] for r in rows)
    for row, abbreviation in zip(rows, vector.abbreviations, strict=False):  # the RFC's EDT / EST
        utc = datetime.strptime(row["utc_time"], "%Y-%m-%dT%H:%M:%SZ")
        assert wall(row["audience_time"]) - utc == OFFSETS[abbreviation], (row, abbreviation)


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.refused], ids=lambda v: v.name)
def test_the_vectors_refused_on_purpose_say_why_in_one_line(
    db: Path, capsys: pytest.CaptureFixture[str], vector: Vector
) -> None:
    code, out, err = add(db, capsys, vector)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and vector.refused in err, err
