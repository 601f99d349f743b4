"""Nothing lost, nothing crashes (issue 12): every importer, fed damaged copies of a valid file, either
imports or refuses the file with NomadCM's own message — never another exception — and a refused import
leaves every table as it was.

The 13 formats, their seeds and the mutations (byte flips, truncation, header only, wrong JSON types, huge /
NaN numbers, lone surrogates, deep nesting, extreme dates) are in tests/import_fuzzing.py, shared with
bench/fuzz_imports.py, which runs thousands of files per format. Here each format gets every mutation once
(a fixed draw) and `EXAMPLES` files of one to three mutations from hypothesis (about twenty seconds in all),
and each bug QA found has a test of its own below.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_fuzzing import MUTATIONS, Format, check_import, formats, mutate, prepare, snapshot

from nomadcm.errors import UserError
from nomadcm.storage import Database

ROOT = Path(__file__).resolve().parents[2]
FORMATS = {f.name: f for f in formats()}
EXAMPLES = 20


@pytest.fixture(scope="module")
def databases(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, tuple[Database, dict[str, int]]]]:
    """One database per format for all its examples (a fresh one per example would be most of the time)."""
    folder = tmp_path_factory.mktemp("fuzz")
    opened: dict[str, tuple[Database, dict[str, int]]] = {}
    for name in FORMATS:
        db = Database.open(folder / f"{name}.sqlite3", daily_backup=False)
        opened[name] = (db, prepare(db))
    yield opened
    for db, _ in opened.values():
        db.close()


def damaged(fmt: Format) -> st.SearchStrategy[bytes]:
    def apply(kinds: list[str], rnd: random.Random) -> bytes:
        data = fmt.seed
        for kind in kinds:
            data = mutate(fmt, data, rnd, kind)
        return data

    return st.builds(
        apply, st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3), st.randoms(use_true_random=False)
    )


@pytest.mark.parametrize("name", sorted(FORMATS))
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_a_damaged_file_is_imported_or_refused_cleanly(
    name: str, data: st.DataObject, databases: dict[str, tuple[Database, dict[str, int]]], tmp_path: Path
) -> None:
    fmt = FORMATS[name]
    db, ids = databases[name]
    content = data.draw(damaged(fmt), label="file")
    check_import(fmt, db, ids, tmp_path / f"in{fmt.suffix}", content)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_mutation_once_is_imported_or_refused_cleanly(
    name: str, databases: dict[str, tuple[Database, dict[str, int]]], tmp_path: Path
) -> None:
    """Every kind of damage meets every importer, whatever hypothesis draws above."""
    fmt = FORMATS[name]
    db, ids = databases[name]
    for kind in MUTATIONS:
        content = mutate(fmt, fmt.seed, random.Random(f"{name} {kind}"), kind)
        try:
            check_import(fmt, db, ids, tmp_path / f"{kind}{fmt.suffix}", content)
        except Exception as err:  # a crash or a refusal that changed rows: say which damage did it
            raise AssertionError(f"{name}, mutation {kind!r}: {err!r}") from err


def test_every_seed_imports(tmp_path: Path) -> None:
    """The mutations start from files that are good: each seed imports as it is."""
    db = Database.open(tmp_path / "seeds.sqlite3", daily_backup=False)
    try:
        ids = prepare(db)
        for fmt in FORMATS.values():
            outcome = check_import(fmt, db, ids, tmp_path / f"{fmt.name}{fmt.suffix}", fmt.seed)
            assert outcome.imported, f"{fmt.name}: {outcome.message}"
    finally:
        db.close()


# --------------------------------------------------------------------------- the bugs QA found, one by one


def refused(db: Database, ids: dict[str, int], fmt: str, content: bytes, tmp_path: Path) -> str:
    outcome = check_import(FORMATS[fmt], db, ids, tmp_path / f"x{FORMATS[fmt].suffix}", content)
    assert not outcome.imported
    return outcome.message


@pytest.fixture
def ready(db: Database) -> tuple[Database, dict[str, int]]:
    return db, prepare(db)


@pytest.mark.parametrize("fmt", ["sprout", "publer", "native-csv", "places-csv", "wellbeing-csv"])
def test_a_file_with_only_its_header_imports_nothing(ready: Any, tmp_path: Path, fmt: str) -> None:
    db, ids = ready
    before = snapshot(db)
    header = FORMATS[fmt].seed.split(b"\n")[0] + b"\n"
    check_import(FORMATS[fmt], db, ids, tmp_path / "h.csv", header)
    assert snapshot(db) == before


def test_a_header_only_bulk_file_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from nomadcm.cli import main

    db_path = tmp_path / "db.sqlite3"
    assert main(["--db", str(db_path), "client", "add", "Acme", "--tz", "Europe/Paris"]) == 0
    assert main(["--db", str(db_path), "channel", "add", "Acme", "instagram"]) == 0
    capsys.readouterr()
    for fmt in ("sprout", "publer"):
        path = tmp_path / f"{fmt}.csv"
        path.write_bytes(FORMATS[fmt].seed.split(b"\n")[0] + b"\n")
        args = ["import", "csv", str(path), "--format", fmt, "--client", "Acme", "--channel", "instagram"]
        assert main(["--db", str(db_path), *args]) == 0
        assert "0 post(s) imported" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fmt", "escape"),
    [
        ("geojson", "name"),
        ("overpass", "name"),
        ("aw-python", "title"),
        ("aw-rust", "app"),
        ("aw-server", "app"),
    ],
)
def test_an_unpaired_surrogate_escape_is_refused(ready: Any, tmp_path: Path, fmt: str, escape: str) -> None:
    db, ids = ready

    def spoilt(text: str) -> str:  # `\udcff` at the start of the first `escape` value
        spot = text.index(f'"{escape}"') + len(escape) + 2
        quote = text.index('"', spot) + 1
        return text[:quote] + "\\udcff" + text[quote:]

    if fmt == "aw-server":  # the seed holds the server's replies
        replies = json.loads(FORMATS[fmt].seed)
        key = next(k for k, v in replies.items() if f'"{escape}"' in v)
        replies[key] = spoilt(replies[key])
        content = json.dumps(replies).encode()
    else:
        content = spoilt(FORMATS[fmt].seed.decode("latin-1")).encode("latin-1")
    assert "unpaired surrogate" in refused(db, ids, fmt, content, tmp_path)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("tz", ["Europe/Paris"], "is not a zone name"),
        ("tz", {"a": 1}, "is not a zone name"),
        ("country", 33, "is not an ISO 3166"),
        ("food", "maybe", "is not yes or no"),
        ("favourite", [], "is not yes or no"),
    ],
)
def test_wrong_json_types_in_a_nomadcm_export(
    ready: Any, tmp_path: Path, field: str, value: Any, message: str
) -> None:
    db, ids = ready
    doc = json.loads(FORMATS["geojson"].seed)
    doc["features"][-1]["properties"]["nomadcm"][field] = value
    assert message in refused(db, ids, "geojson", json.dumps(doc).encode(), tmp_path)


@pytest.mark.parametrize(
    "element",
    [
        {"type": "way", "id": 5, "tags": {"name": "X", "internet_access": "wlan"}, "nodes": [[1], {"a": 2}]},
        {"type": "way", "id": 5, "tags": {"name": "X", "internet_access": "wlan"}, "nodes": 7},
        {"type": "way", "id": 5, "tags": {"name": "X", "internet_access": "wlan"}, "geometry": [1, 2]},
        {"type": "node", "id": True, "tags": {"name": "X"}},
        {"type": ["node"], "id": 1},
    ],
)
def test_wrong_json_types_in_overpass_elements(ready: Any, tmp_path: Path, element: dict[str, Any]) -> None:
    db, ids = ready
    doc = json.loads(FORMATS["overpass"].seed)
    doc["elements"].append(element)
    check_import(FORMATS["overpass"], db, ids, tmp_path / "x.json", json.dumps(doc).encode())


@pytest.mark.parametrize(
    "geometry",
    [{"type": ["Point"], "coordinates": [1, 2]}, {"type": "MultiPolygon", "coordinates": {"a": 1}}, []],
)
def test_wrong_json_types_in_geometries(ready: Any, tmp_path: Path, geometry: Any) -> None:
    db, ids = ready
    doc = json.loads(FORMATS["geojson"].seed)
    doc["features"][0]["geometry"] = geometry
    assert "feature 1" in refused(db, ids, "geojson", json.dumps(doc).encode(), tmp_path)


@pytest.mark.parametrize(
    ("timestamp", "duration"),
    [
        ("0000-01-01T00:00:00+00:00", 10),
        ("0001-01-01T00:00:00+00:00", 10),
        ("10000-01-01T00:00:00+00:00", 10),
        ("9999-12-31T23:59:59+00:00", 10),
        ("2027-03-26T07:30:00+00:00", 1e20),
        ("2027-03-26T07:30:00+00:00", "NaN"),
        ("2027-03-26T07:30:00+00:00", "Infinity"),
        ("1969-12-31T23:00:00+00:00", 600),
        (1e20, 10),
    ],
)
def test_extreme_timestamps_are_refused(ready: Any, tmp_path: Path, timestamp: Any, duration: Any) -> None:
    db, ids = ready
    doc = json.loads(FORMATS["aw-python"].seed)
    event = doc["buckets"]["aw-watcher-afk_lina-thinkpad"]["events"][0]
    event["timestamp"], event["duration"] = timestamp, duration
    text = json.dumps(doc).replace('"NaN"', "NaN").replace('"Infinity"', "Infinity")
    message = refused(db, ids, "aw-python", text.encode(), tmp_path)
    assert "nothing imported" in message or "not valid JSON" in message


@pytest.mark.parametrize("fmt", ["geojson", "overpass", "aw-python", "aw-server"])
@pytest.mark.parametrize("depth", [100, 100_000])
def test_deep_nesting_is_refused(ready: Any, tmp_path: Path, fmt: str, depth: int) -> None:
    db, ids = ready
    nest = "[" * depth + "]" * depth
    if fmt == "aw-server":
        replies = json.loads(FORMATS[fmt].seed)
        replies["/api/0/buckets/"] = nest
        content = json.dumps(replies).encode()
    else:
        content = FORMATS[fmt].seed.replace(b"{", b'{"deep": ' + nest.encode() + b",", 1)
    assert "nested more than 64 deep" in refused(db, ids, fmt, content, tmp_path)


def test_json_inside_a_places_csv_cell_is_read_as_strictly(ready: Any, tmp_path: Path) -> None:
    db, ids = ready
    seed = FORMATS["places-csv"].seed.decode()
    for tags in ('"{""a"": ""\\udcff""}"', '"{""a"": NaN}"', '"' + "[" * 5000 + '"'):
        content = seed.replace('"{""amenity"": ""cafe""}"', tags).encode()
        assert "osm_tags" in refused(db, ids, "places-csv", content, tmp_path)


def test_nothing_fails_after_a_commit_on_a_strict_terminal(tmp_path: Path) -> None:
    """QA: `place import` committed the places, then died printing a name its output could not encode
    (a strict UTF-8 stdout and a lone surrogate; the same with a strict ASCII one and any accent): the
    CLI now prints what its output cannot hold as an escape (cli/__init__.py, `forgiving_output`)."""
    path = tmp_path / "café.geojson"
    path.write_bytes(FORMATS["geojson"].seed)
    env = {
        **os.environ,
        "PYTHONIOENCODING": "ascii:strict",
        "NOMADCM_DB": str(tmp_path / "db.sqlite3"),
        "QT_QPA_PLATFORM": "offscreen",
        "LC_ALL": "C.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", "place", "import", str(path)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"caf\\xe9.geojson: 4 place(s) added" in done.stdout
    assert b"Traceback" not in done.stderr


def test_the_cli_prints_a_lone_surrogate_as_an_escape(capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from nomadcm.cli import forgiving_output
    from nomadcm.cli.common import echo

    strict = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    saved = sys.stdout
    sys.stdout = strict
    try:
        forgiving_output()
        echo("place \udcff added")
        strict.flush()
        assert strict.buffer.getvalue() == b"place \\udcff added\n"  # type: ignore[attr-defined]
    finally:
        sys.stdout = saved


def test_a_refused_import_lists_its_bad_rows_and_counts_the_rest(ready: Any, tmp_path: Path) -> None:
    """Bounded memory for a hopeless file too: the first 1000 bad rows are kept, every one is counted."""
    db, _ids = ready
    path = tmp_path / "bad.csv"
    rows = "".join(f"2027-03-26 1{i % 10}:00,2027-03-26 09:00,break,,,,\n" for i in range(3000))
    path.write_text("start,end,kind,device,tz,quality,note\n" + rows)
    from nomadcm.exchange import rest_csv
    from nomadcm.exchange.wellbeing_io import WellbeingImportFailed

    with pytest.raises(WellbeingImportFailed) as failed:
        rest_csv.import_file(db, path)
    assert failed.value.total == 3000 and len(failed.value.problems) == 1000
    assert "3000 bad row(s)" in str(failed.value)
    assert isinstance(failed.value, UserError)
