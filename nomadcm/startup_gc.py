"""Python's cycle collector waits while a process starts, and never rescans what the start-up built (issue 14).

Starting, NomadCM imports some 300 modules (PySide6, SQLAlchemy, the 25 mapped classes): hundreds of
thousands of long-lived objects — classes, functions, mapper state — and almost no garbage. CPython's cycle
collector still runs every 700 allocations and rescans them all again and again: measured, 10-25 % of the
data stack's import time (`import sqlalchemy.orm, nomadcm.models, nomadcm.services.container`: 0.31-0.36 s
with it, 0.26-0.29 s without). So:

- `pause()`, first thing in `nomadcm` and `nomadcm-gui`: automatic collection stops (reference counting,
  which frees nearly everything, goes on);
- `freeze()`, when the GUI's window has painted its frame: what the imports before it built (Qt, the
  frame's modules) moves to the permanent generation at once, so the GUI thread's collections — the last one
  as the window closes among them — never scan it; collection stays paused;
- `settle()`, once the start-up's objects are made (the CLI: its database open; the GUI: its first page
  painted with its rows): they move to the permanent generation (`gc.freeze`, the cure CPython documents for
  exactly this), so no later collection scans them; then collection resumes as before. Frozen with them: the
  start-up's few cycles of garbage not collected yet (measured: about 2,300 objects in the window, 800 in a
  command — a caught exception's frames and traceback among them), kept until `restore()`; a full collection
  first would cost the GUI thread the very stall this avoids.
- `restore()` when the command or the window ends: the collector as it was found (frozen objects back in the
  oldest generation: a test that runs `main()` in its own process sees no difference afterwards).

In the GUI the collector itself runs on the GUI thread while the window is open (ui/gui_gc.py): it takes
the pause over (`handed_over`) and gives collection back when it stops.
"""

from __future__ import annotations

import gc

_paused = False  # automatic collection stopped by pause(), not resumed yet
_frozen = False  # freeze() or settle() moved objects to the permanent generation
_settled = False  # settle() ran (once per start-up)


def pause() -> None:
    """Stops automatic collection until `settle()` or `restore()` (if it was running)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def freeze() -> None:
    """What exists now is never scanned again (`gc.freeze`: a splice of the collector's lists, no scan);
    automatic collection stays as it is. `settle()` freezes again what was built since."""
    global _frozen
    gc.freeze()
    _frozen = True


def settle() -> None:
    """The start-up is over: what it built is never scanned again, and collection resumes if `pause()` had
    stopped it. Once per start-up: a second call does nothing."""
    global _paused, _settled
    if not _settled:
        freeze()
        _settled = True
    if _paused:
        gc.enable()
        _paused = False


def handed_over() -> bool:
    """Whether collection was running before `pause()`; the caller (the GUI thread's collector) now decides
    when it runs again, and `restore()` leaves that to it."""
    global _paused
    was_running = gc.isenabled() or _paused
    _paused = False
    return was_running


def restore() -> None:
    """The collector as `pause()` found it; the frozen objects back among the collected ones."""
    global _paused, _frozen, _settled
    if _frozen:
        gc.unfreeze()
        _frozen = _settled = False
    if _paused:
        gc.enable()
        _paused = False
