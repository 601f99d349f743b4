"""Benchmark of a CLI command's start-up: `nomadcm client list` against the stack's own floor.

The floor is `python -c "import sqlalchemy.orm, pytz"`: what any command that reads the database must load.
Goal (issue 14): `client list` <= 1.5x the floor. Both run as whole processes, alternating, `--rounds`
times each after one warm-up run of each; medians, the load average and the ratio are printed.

PYTHONDONTWRITEBYTECODE is removed from the children's environment, and the warm-up runs write the
bytecode once: the timed runs never recompile (a machine that sets it would otherwise time the compiler).

Run:  .venv/bin/python bench/bench_cli.py [--rounds 9]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.5
FLOOR = [sys.executable, "-c", "import sqlalchemy.orm, pytz"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of `cmd`: on a shared machine the CPU time is the steadier figure."""
    cpu = cpu_of_children()
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, cpu_of_children() - cpu


Times = list[tuple[float, float]]


def alternate(first: list[str], second: list[str], rounds: int) -> tuple[Times, Times]:
    """Each command `rounds` times, alternating, after one untimed run of each (bytecode written once)."""
    env = child_env()
    timed(first, env)
    timed(second, env)
    a: Times = []
    b: Times = []
    for _ in range(rounds):
        a.append(timed(first, env))
        b.append(timed(second, env))
    return a, b


def report(label: str, times: Times) -> tuple[float, float]:
    wall = statistics.median(t for t, _cpu in times)
    cpu = statistics.median(c for _t, c in times)
    print(
        f"   {label:<28}: median {wall:.3f} s, CPU {cpu:.3f} s  ({', '.join(f'{t:.2f}' for t, _c in times)})"
    )
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    args.rounds = max(5, args.rounds)
    work = Path(tempfile.mkdtemp(prefix="nomadcm-bench-cli-"))
    nomadcm = str(Path(sys.executable).parent / "nomadcm")
    db = work / "cli.sqlite3"
    try:
        env = child_env()
        subprocess.run([nomadcm, "--db", str(db), "client", "add", "Boulangerie", "--tz", "Europe/Paris"],
                       check=True, capture_output=True, env=env)  # fmt: skip
        app, floor = alternate([nomadcm, "--db", str(db), "client", "list"], FLOOR, args.rounds)
        print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(
            f"`nomadcm client list` against `import sqlalchemy.orm, pytz`, {args.rounds} rounds, alternating"
        )
        app_wall, app_cpu = report("nomadcm client list", app)
        floor_wall, floor_cpu = report("import sqlalchemy.orm, pytz", floor)
        ratio = app_wall / floor_wall
        print(f"   ratio {ratio:.2f}  (goal <= {GOAL}: {'OK' if ratio <= GOAL else 'OVER GOAL'}); "
              f"CPU time ratio {app_cpu / floor_cpu:.2f}")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
