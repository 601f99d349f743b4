"""A NomadCM window started in a new interpreter (offscreen, a home of its own under tmp_path) by a script
that watches something first — an import, a mapper — then runs `nomadcm.app` with the arguments it is given:
what a window's start does in a fresh process, which a test process that has imported everything long ago
cannot show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def said(script: str, home: Path, *args: str) -> dict[str, str]:
    """Runs `script` with `args` (sys.argv[1:]); asserts it exits 0; returns the "NAME: value" lines it
    printed, by name."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "NOMADCM_DB"):
        env.pop(key, None)
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = (line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    return {name: value.strip() for name, value in lines if name.replace(" ", "").isupper()}
