"""PySide's import hook no longer reads the source of each module imported after PySide6 (ui/pyside_imports.py),
and Qt keeps its default API style everywhere."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# In a fresh interpreter: import PySide6, maybe skip the scans, then import modules nothing imported yet and
# count the source files PySide's hook read for them.
SCRIPT = textwrap.dedent(
    """
    import inspect, sys
    from PySide6.QtWidgets import QApplication, QLabel
    from nomadcm.ui.pyside_imports import skip_source_scans
    skipped = skip_source_scans() if sys.argv[1] == "skip" else False
    read = []
    real = inspect.getsource
    def spy(obj):
        read.append(getattr(obj, "__name__", "?"))
        return real(obj)
    inspect.getsource = spy
    import fractions, wave, sqlalchemy.orm
    app = QApplication([])
    label = QLabel("x")
    label.setText("y")  # the default style: camelCase methods, no true properties
    assert label.text() == "y" and not hasattr(label, "set_text")
    print(skipped, len(read), "fractions" in read)
    """
)


def _run(mode: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=120, check=True
    )
    return out.stdout.split()


def test_pyside_reads_the_source_of_each_new_module_unless_told_not_to() -> None:
    skipped, read, fractions_read = _run("keep")
    assert (skipped, fractions_read) == ("False", "True")  # the hook this module quiets is there to quiet
    assert int(read) > 50  # sqlalchemy.orm alone brings ~100 modules
    assert _run("skip") == ["True", "0", "False"]
