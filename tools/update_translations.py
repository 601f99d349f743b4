"""Regenerates the French catalogue from the code, then compiles it.

    .venv/bin/python tools/update_translations.py          # lupdate + lrelease, lists what is untranslated
    .venv/bin/python tools/update_translations.py --check  # exit 1 if the .ts or .qm is out of date

1. `pyside6-lupdate` reads every `self.tr()` / `QCoreApplication.translate()` in nomadcm/ and merges new
   strings into nomadcm/resources/translations/nomadcm_fr.ts (existing translations are kept; strings gone
   from the code are dropped). Translate the new ones with Qt Linguist (`pyside6-linguist FILE.ts`) or any
   editor: every <message> needs a <translation> without type="unfinished".
2. `pyside6-lrelease` compiles the .ts into nomadcm_fr.qm, which ships in the package. Both are committed.
3. Qt's own qtbase_fr.qm (buttons, file and colour dialogs) is copied beside them, as a fallback.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nomadcm"
TRANSLATIONS = PACKAGE / "resources" / "translations"
LANGUAGES = {"fr": "fr_FR"}  # catalogue code -> lupdate's target language


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment (make test builds .venv)")
    return found


def sources() -> list[Path]:
    """Every Python file of the package (lupdate's Python parser finds tr() and translate() calls)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"nomadcm_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"nomadcm_{language}.qm"


def lupdate(ts: Path, language: str) -> None:
    """Merges the code's strings into `ts` (created if missing). Paths are relative, so output is stable."""
    files = [str(p.relative_to(ROOT)) for p in sources()]
    command = [
        tool("pyside6-lupdate"),
        *files,
        "-ts",
        str(ts),
        "-target-language",
        LANGUAGES[language],
        "-source-language",
        "en_GB",
        "-no-obsolete",
        "-locations",
        "none",
        "-silent",
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def ship_qt_catalogue(language: str) -> Path | None:
    """Copies Qt's own qtbase_<language>.qm beside ours: Qt's dialogs and buttons in that language even
    where the Qt installation has no translations (the app looks in Qt's folder first)."""
    from PySide6.QtCore import QLibraryInfo

    source = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"
    if not source.is_file():
        return None
    target = TRANSLATIONS / source.name
    if not target.is_file() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)
    return target


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: list[str]  # one form, or the plural forms
    unfinished: bool
    numerus: bool


def messages(ts: Path) -> list[Message]:
    out: list[Message] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None
            numerus = message.get("numerus") == "yes"
            forms = [f.text or "" for f in node.iter("numerusform")] if numerus else [node.text or ""]
            unfinished = node.get("type") in ("unfinished", "obsolete", "vanished")
            out.append(Message(name, message.findtext("source", ""), forms, unfinished, numerus))
    return out


def untranslated(ts: Path) -> list[Message]:
    return [m for m in messages(ts) if m.unfinished or not all(f.strip() for f in m.translation)]


# translate("Context", text) with a variable: lupdate cannot see the strings that reach it — unless they are
# marked where they are written (QT_TRANSLATE_NOOP), which the line says in a comment naming the marker.
HIDDEN_TEXT = re.compile(r"""translate\(\s*["'][^"']*["']\s*,\s*[A-Za-z_]\w*\s*[,)]""")


def hidden_texts() -> list[str]:
    found = []
    for path in sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HIDDEN_TEXT.search(line) and "QT_TRANSLATE_NOOP" not in line:
                found.append(
                    f"{path.relative_to(ROOT)}:{number}: translate() of a variable is invisible to lupdate"
                )
    return found


def literal_calls() -> set[tuple[str, str, str]]:
    """(context, text, where) of every tr("text") in a class and translate("Context", "text") in the code."""
    import ast

    found: set[tuple[str, str, str]] = set()
    for path in sources():
        classes: list[str] = []

        def visit(node: ast.AST, where: Path = path, classes: list[str] = classes) -> None:
            if isinstance(node, ast.ClassDef):
                classes.append(node.name)
            if isinstance(node, ast.Call):
                func, args = node.func, node.args
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                texts = [
                    a.value for a in args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
                at = f"{where.relative_to(ROOT)}:{node.lineno}"
                if name == "translate" and len(texts) == 2:
                    found.add((texts[0], texts[1], at))
                elif name == "tr" and isinstance(func, ast.Attribute) and texts and classes:
                    found.add((classes[-1], texts[0], at))
            for child in ast.iter_child_nodes(node):
                visit(child)
            if isinstance(node, ast.ClassDef):
                classes.pop()

        visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def check(language: str) -> list[str]:
    """What is out of date, without touching the committed files (for tests and CI)."""
    problems: list[str] = hidden_texts()
    ts, qm = ts_path(language), qm_path(language)
    if not ts.is_file():
        return [f"{ts.relative_to(ROOT)} is missing: run tools/update_translations.py"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copyfile(ts, fresh)
        lupdate(fresh, language)
        known = {(m.context, m.source) for m in messages(ts)}
        new = [m for m in messages(fresh) if (m.context, m.source) not in known]
        for m in new[:20]:
            problems.append(
                f"not in {ts.name} yet (run the tool, then translate): [{m.context}] {m.source!r}"
            )
        for m in untranslated(fresh)[:20]:
            if (m.context, m.source) in known:
                problems.append(f"untranslated in {ts.name}: [{m.context}] {m.source!r}")
        for m in messages(fresh):
            if not m.context:  # a tr() outside a class: no context lupdate can know, never translated
                problems.append(
                    f'no context for {m.source!r}: use QCoreApplication.translate("Context", ...)'
                )
        extracted = {(m.context, m.source) for m in messages(fresh)}
        for context, text, at in sorted(literal_calls()):
            if (context, text) not in extracted:  # e.g. translate(..., n) with an expression as n
                problems.append(f"{at}: lupdate does not see [{context}] {text!r}: rewrite the call plainly")
        compiled = Path(tmp) / qm.name
        lrelease(ts, compiled)
        if not qm.is_file() or compiled.read_bytes() != qm.read_bytes():
            problems.append(f"{qm.relative_to(ROOT)} is not compiled from the current {ts.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="only check; exit 1 when something is out of date"
    )
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if args.check:
            problems = check(language)
            for line in problems:
                print(line)
            status |= 1 if problems else 0
            continue
        ts, qm = ts_path(language), qm_path(language)
        ts.parent.mkdir(parents=True, exist_ok=True)
        lupdate(ts, language)
        lrelease(ts, qm)
        ship_qt_catalogue(language)
        todo = untranslated(ts)
        total = len(messages(ts))
        print(f"{ts.relative_to(ROOT)}: {total} messages, {len(todo)} untranslated; compiled {qm.name}")
        for m in todo[:40]:
            print(f"  [{m.context}] {m.source}")
        if len(todo) > 40:
            print(f"  … and {len(todo) - 40} more")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
