"""The layers hold: Qt only in the GUI, pytz only in timezones.py, and a CLI that runs without a display."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import nomadcm

PACKAGE = Path(nomadcm.__file__).resolve().parent
QT_ROOTS = {"PySide6", "shiboken6"}


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
