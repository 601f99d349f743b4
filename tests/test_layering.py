"""The layers hold: Qt only in the GUI, pytz only in timezones.py, a CLI that runs without a display, and
two faces (ui/, cli/) that reach the data only through services: no storage, models or SQLAlchemy there."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import nomadcm

PACKAGE = Path(nomadcm.__file__).resolve().parent
QT_ROOTS = {"PySide6", "shiboken6"}
FACES = ("nomadcm/ui/", "nomadcm/cli/")
DATA_LAYER = ("nomadcm.storage", "nomadcm.models", "sqlalchemy")


def imported_roots(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, at any depth (function-level imports included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and _dynamic_import_name(node):
            roots.add(_dynamic_import_name(node).split(".")[0])
    return roots


def _dynamic_import_name(node: ast.Call) -> str:
    """`importlib.import_module("x")` / `__import__("x")` with a literal name: "x"; else ""."""
    func_name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    first = node.args[0] if node.args else None
    if func_name in ("import_module", "__import__") and isinstance(first, ast.Constant):
        return str(first.value)
    return ""


def imported_names(path: Path, package: str = "") -> set[str]:
    """Dotted names of every module `path` imports, at any depth (in functions, under TYPE_CHECKING).

    Relative imports are resolved against `package` (the importing module's package); `from a import b`
    gives both `a` and `a.b`, since `b` may be a module (`from nomadcm import models`).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, package)
            if base:
                names.add(base)
            names.update(
                f"{base}.{alias.name}" if base else alias.name for alias in node.names if alias.name != "*"
            )
        elif isinstance(node, ast.Call) and _dynamic_import_name(node):
            names.add(_dynamic_import_name(node))
    return names


def _absolute(module: str, level: int, package: str) -> str:
    if level == 0:
        return module
    parts = package.split(".") if package else []
    base = parts[: max(len(parts) - (level - 1), 0)]
    return ".".join([*base, module] if module else base)


def data_layer_imports(path: Path, package: str = "") -> list[str]:
    """What `path` imports of the storage, the models or SQLAlchemy (a face must ask the services)."""
    return sorted(
        name
        for name in imported_names(path, package)
        if any(name == layer or name.startswith(layer + ".") for layer in DATA_LAYER)
    )


def package_of(path: Path) -> str:
    """The package a module's relative imports start from: `nomadcm.ui` for nomadcm/ui/pages.py."""
    return ".".join(path.resolve().relative_to(PACKAGE.parent).parent.parts)


def modules() -> list[Path]:
    found = sorted(PACKAGE.rglob("*.py"))
    assert len(found) > 20
    return found


def relative(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def test_the_scanner_sees_imports_everywhere(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os.path\nfrom PySide6.QtCore import Qt\n"
        "def late():\n    import pytz\n    importlib.import_module('shiboken6')\n"
        "from . import sibling\n"
    )
    assert imported_roots(sample) == {"os", "PySide6", "pytz", "shiboken6"}


def test_the_scanner_sees_the_data_layer_in_every_form(tmp_path: Path) -> None:
    bad = tmp_path / "bad_page.py"
    bad.write_text(
        "from typing import TYPE_CHECKING\n"
        "from nomadcm.services.container import Services\n"
        "from nomadcm.vocabulary import NETWORKS\n"
        "from nomadcm.modelsfree import fine\n"
        "if TYPE_CHECKING:\n    from nomadcm.storage import Database\n"
        "def late():\n    import sqlalchemy.orm\n    from nomadcm import models\n"
        "    importlib.import_module('nomadcm.storage.backup')\n"
        "from ..models.schedule import Post\n"
    )
    assert data_layer_imports(bad, "nomadcm.ui") == [
        "nomadcm.models",
        "nomadcm.models.schedule",
        "nomadcm.models.schedule.Post",
        "nomadcm.storage",
        "nomadcm.storage.Database",
        "nomadcm.storage.backup",
        "sqlalchemy.orm",
    ]
    good = tmp_path / "good_page.py"
    good.write_text("from nomadcm.services.container import Services\nfrom . import models\n")
    assert data_layer_imports(good, "nomadcm.ui.clients") == []  # a sibling named models is not the layer
    assert data_layer_imports(good, "nomadcm") == ["nomadcm.models"]


def test_the_faces_see_no_storage_models_or_sqlalchemy() -> None:
    """The GUI and the CLI get a `Services` container and what services return, never the database."""
    offenders = []
    for path in modules():
        name = relative(path)
        if name.startswith(FACES):
            offenders.extend(f"{name}: {found}" for found in data_layer_imports(path, package_of(path)))
    assert offenders == []


def test_qt_only_in_the_gui() -> None:
    offenders = []
    for path in modules():
        name = relative(path)
        if name.startswith("nomadcm/ui/") or name == "nomadcm/app.py":
            continue
        if imported_roots(path) & QT_ROOTS:
            offenders.append(name)
    assert offenders == []


def test_pytz_only_in_timezones() -> None:
    users = sorted(relative(p) for p in modules() if "pytz" in imported_roots(p))
    assert users == ["nomadcm/timezones.py"]


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["NOMADCM_DB"] = str(tmp_path / "cli.sqlite3")
    return env


def test_importing_the_cli_loads_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys, nomadcm.cli\n"
        "nomadcm.cli.build_parser()  # every area registers its commands\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not qt, qt\n"
        "# --help stays fast: the data stack loads when a command first asks for the services\n"
        "data = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'nomadcm.models', 'nomadcm.storage')))\n"
        "assert not data, data\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_clean_env(tmp_path), timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_cli_runs_without_a_display(tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", "--help"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: nomadcm")
    for command in ("client", "channel", "post", "settings", "export", "import"):
        assert f"    {command} " in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", "client", "add", "Sans écran", "--tz", "UTC"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "cli.sqlite3").is_file()
