"""Each area's mapped classes load when first named (nomadcm/models/__init__.py): the map of areas is the
modules' truth, an area loads alone with every foreign key resolved, and a command loads only what it uses.

Each load is checked in a fresh interpreter (this test process has long imported every model)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import nomadcm.models as models
from nomadcm.models import areas
from nomadcm.models.base import Base

AREAS = sorted(areas._AREAS)


def _fresh(code: str, tmp_path: Path | None = None) -> dict:  # type: ignore[type-arg]
    """Runs `code` in a new interpreter; it leaves its answer in `answer`, printed as JSON."""
    program = (
        "import json, sys\n" + code + "\nanswer['areas'] = sorted(m.rsplit('.', 1)[1] for m in sys.modules"
        " if m.startswith('nomadcm.models.') and m not in ('nomadcm.models.base', 'nomadcm.models.areas'))\n"
        "print(json.dumps(answer))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize("area", AREAS)
def test_the_map_says_what_each_module_holds(area: str) -> None:
    module = importlib.import_module(f"nomadcm.models.{area}")
    names, tables = areas._AREAS[area]
    mapped = {
        cls.__name__: cls.__table__.name
        for cls in Base.registry._class_registry.values()
        if isinstance(cls, type) and cls.__module__ == module.__name__
    }
    assert set(mapped) == {n for n in names if n.isidentifier() and not n.isupper()}
    assert set(mapped.values()) == set(tables)
    for name in names:
        assert getattr(models, name) is getattr(module, name)


def test_every_table_of_the_metadata_is_in_the_map() -> None:
    assert set(Base.metadata.tables) == set(areas._TABLES)


@pytest.mark.parametrize("area", AREAS)
def test_an_area_loads_alone_with_its_foreign_keys_resolved(area: str) -> None:
    first = areas._AREAS[area][0][-1]
    got = _fresh(
        f"from nomadcm.models import {first}\n"
        "from sqlalchemy.orm import configure_mappers\n"
        "from nomadcm.models.base import Base\n"
        "configure_mappers()\n"
        "answer = {'targets': sorted({fk.column.table.name for t in Base.metadata.tables.values()"
        " for fk in t.foreign_keys}), 'tables': sorted(Base.metadata.tables)}\n"
    )
    assert set(got["targets"]) <= set(got["tables"])
    assert area in got["areas"]
    assert set(got["areas"]) < set(AREAS) or area in ("wellbeing", "workplaces")  # not everything at once


def test_naming_base_loads_every_table() -> None:
    got = _fresh("from nomadcm.models import Base\nanswer = {'tables': sorted(Base.metadata.tables)}\n")
    assert got["areas"] == AREAS
    assert got["tables"] == sorted(areas._TABLES)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="Nope"):
        models.Nope  # noqa: B018


def test_client_list_loads_the_schedule_and_team_areas_only(tmp_path: Path) -> None:
    """What `nomadcm client list` costs (bench/bench_cli.py): the clients' area and the members' it names."""
    db = tmp_path / "cm.sqlite3"
    add = ["--db", str(db), "client", "add", "Boulangerie", "--tz", "Europe/Paris"]
    _fresh(f"from nomadcm.cli import main\nassert main({add!r}) == 0\nanswer = {{}}\n", tmp_path)
    got = _fresh(
        f"from nomadcm.cli import main\nassert main(['--db', {str(db)!r}, 'client', 'list']) == 0\nanswer = {{}}\n",
        tmp_path,
    )
    assert got["areas"] == ["schedule", "team"]


def test_a_post_written_with_some_areas_loaded(tmp_path: Path) -> None:
    """A flush sorts the tables by their foreign keys: with only the areas a post needs loaded (no billing, no
    wellbeing), it must find them all (a missing table would raise NoReferencedTableError at the write)."""
    db = tmp_path / "cm.sqlite3"
    setup = (
        "from nomadcm.cli import main\n"
        f"db = {str(db)!r}\n"
        "assert main(['--db', db, 'client', 'add', 'Boulangerie', '--tz', 'Europe/Paris']) == 0\n"
        "assert main(['--db', db, 'channel', 'add', 'Boulangerie', 'instagram', '--handle', 'dupont']) == 0\n"
        "answer = {}\n"
    )
    _fresh(setup, tmp_path)
    got = _fresh(
        "from nomadcm.cli import main\n"
        f"assert main(['--db', {str(db)!r}, 'post', 'add', '--client', 'Boulangerie', '--channel', 'instagram',"
        " '--at', '2030-03-04 09:00', '--text', 'Menu']) == 0\n"
        "import sqlite3\n"
        f"answer = {{'posts': sqlite3.connect({str(db)!r}).execute('SELECT text FROM post').fetchall()}}\n",
        tmp_path,
    )
    assert got["posts"] == [["Menu"]]
    assert {"schedule", "team"} <= set(got["areas"])
    assert not {"billing", "wellbeing"} & set(got["areas"]), got["areas"]


@pytest.mark.parametrize("area", AREAS)
def test_an_area_imported_directly_still_resolves_its_foreign_keys(area: str) -> None:
    """`import nomadcm.models.team` (as storage/members.py does), not through the package: the area module
    itself loads the areas its keys point to (member_role -> client was left unresolved)."""
    got = _fresh(
        f"import nomadcm.models.{area}\n"
        "from nomadcm.models.base import Base\n"
        "tables = Base.metadata.tables\n"
        "answer = {'unresolved': sorted(fk.target_fullname for t in tables.values() for fk in t.foreign_keys"
        " if fk.target_fullname.split('.')[0] not in tables)}\n"
    )
    assert got["unresolved"] == []


RACE = """
import sys, threading
import nomadcm.models
inside, go_on = threading.Event(), threading.Event()
def tracer(frame, event, arg):
    if frame.f_code.co_filename.endswith("models/billing.py"):
        def step(f, ev, a):  # between its two classes: the module exists, half made
            if ev == "line" and "Contract" in f.f_globals and "WorkEntry" not in f.f_globals:
                if not inside.is_set():
                    inside.set()
                    go_on.wait(20)
            return step
        return step
    return None
def load_billing():
    sys.settrace(tracer)
    from nomadcm.models import Contract
    got.append(Contract.__name__)
got = []
worker = threading.Thread(target=load_billing)
worker.start()
assert inside.wait(20)
from nomadcm.models import Client, ReminderState
go_on.set()
worker.join()
from nomadcm.models import WorkEntry
answer = {'main': [Client.__name__, ReminderState.__name__, WorkEntry.__name__], 'worker': got}
"""


def test_naming_classes_while_another_thread_imports_an_area() -> None:
    """The task runner maps every area while the GUI thread names classes: an area another thread is half-way
    through importing is not read then (it failed: "cannot import name 'ReminderState'", one run in six)."""
    got = _fresh(RACE)
    assert got["main"] == ["Client", "ReminderState", "WorkEntry"]
    assert got["worker"] == ["Contract"]
