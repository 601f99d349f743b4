"""Imports after PySide6 at the cost of imports before it.

Importing PySide6 replaces Python's `__import__` with its own (`shibokensupport.feature`), which, for every
module imported afterwards, reads the module's whole source file (`inspect.getsource`) to see whether it
mentions "PySide6": its answer picks which of PySide's optional API styles (`from __feature__ import
snake_case, true_property`) that module sees. NomadCM never selects one, so every module sees the default
style whatever the answer; reading the source of each of the ~400 modules the data stack, the pages and
matplotlib bring cost 0.1-0.3 ms each (`import sqlalchemy.orm` with the models and storage: 240 ms after
PySide6, 200 ms before it or with the scan skipped, bench/bench_startup.py).

`skip_source_scans` answers "the default style" for every module without reading its file. It touches a
private function of PySide's support package: when a PySide release no longer has it, nothing is changed
and imports are only slower. A module that does select a style (`from __feature__ import ...`) still gets it:
that import sets the module's entry itself.
"""

from __future__ import annotations

import sys
from types import ModuleType

_SUPPORT = "shibokensupport.feature"
_SCAN = "_mod_uses_pyside"


def _default_style(module: ModuleType) -> bool:
    """Every module sees PySide's default API style (what the scan's answer selects when it finds the name)."""
    return True


def skip_source_scans() -> bool:
    """Stop PySide's import hook reading each new module's source; True when done (PySide6 imported, and its
    support package has the function this replaces)."""
    support = sys.modules.get(_SUPPORT)
    if support is None or not callable(getattr(support, _SCAN, None)):
        return False
    setattr(support, _SCAN, _default_style)
    return True
