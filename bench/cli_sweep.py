"""The CLI sweep of issue 12 ("no traceback, ever"), whole: every argument of every command, fed every bad
value of its kind (tests/robustness/cli_sweep_engine.py says which values and what is asserted).

The test suite runs a sample (tests/robustness/test_cli_sweep.py); this runs the whole cross product and
prints how many cases show each problem: tracebacks, hangs, bad exit codes, empty values read as "not given",
bad values accepted, refusals on several lines or too long, refusals that changed the database.

Run:  .venv/bin/python bench/cli_sweep.py [--full] [--list] [--only TEXT]
      (without --full: the CI sample; --list prints each failing case; --only keeps cases whose label has TEXT)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "robustness"))


def isolate(home: Path) -> None:
    """Like tests/conftest.py: the user's own folders and database are never touched."""
    os.environ["HOME"] = str(home)
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        os.environ[name] = str(home / sub)
    os.environ["NOMADCM_DB"] = str(home / "nomadcm-bench.sqlite3")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--full", action="store_true", help="every case, not the CI sample")
    options.add_argument("--list", action="store_true", help="print each failing case")
    options.add_argument("--only", default="", metavar="TEXT", help="only cases whose label contains TEXT")
    given = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="nomadcm-sweep-") as tmp:
        isolate(Path(tmp) / "home")
        import cli_sweep_engine as sweep

        from nomadcm.cli import build_parser

        sandbox = sweep.Sandbox(Path(tmp) / "sweep")
        sandbox.folder.mkdir()
        sandbox.build()
        cases = sweep.all_cases(sandbox, build_parser())
        chosen = cases if given.full else sweep.sample(cases)
        chosen = [c for c in chosen if given.only in c.label]
        started = time.monotonic()
        outcomes = []
        for case in chosen:
            outcome = sweep.run_case(sandbox, case)
            outcomes.append(outcome)
            if given.list and outcome.problems:
                print(outcome.describe(), flush=True)
        elapsed = time.monotonic() - started
        counts = sweep.summary(outcomes)
        commands = {c.target.command for c in chosen}
        print(
            f"{len(chosen)} case(s) of {len(cases)} over {len(commands)} command(s) in {elapsed:.0f} s; "
            f"{sum(1 for o in outcomes if o.problems)} with a problem"
        )
        for problem in sweep.PROBLEMS:
            print(f"  {problem:32} {counts.get(problem, 0)}")
        slowest = sorted(outcomes, key=lambda o: o.seconds, reverse=True)[:5]
        print("slowest: " + "; ".join(f"{o.case.label[:60]} {o.seconds:.1f} s" for o in slowest))
    return 1 if any(o.problems for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
