"""Fuzzing every importer with damaged files, bigger than the CI test (tests/robustness/test_import_fuzz.py).

For each of the 13 import formats (tests/import_fuzzing.py), `--examples` mutated copies of a valid seed
(byte flips, truncation, header only, wrong JSON types, huge / NaN numbers, lone surrogates, deep nesting,
extreme dates) are imported into one database per format. Each import must succeed, or refuse the file with
NomadCM's own error and leave the database as it was. Anything else is counted as a bug and grouped by
exception type and the innermost NomadCM frame; the first traceback of each group is printed.

Baseline in the same run: the share of refused files (by NomadCM's message) and of successes, per format.

Run:  .venv/bin/python bench/fuzz_imports.py [--examples 2000] [--seed 1] [--format NAME ...]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from import_fuzzing import MUTATIONS, check_import, formats, mutate, prepare  # noqa: E402

from nomadcm.storage import Database  # noqa: E402


def where(err: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(err.__traceback__) if "/nomadcm/" in f.filename]
    if not frames:
        return "?"
    f = frames[-1]
    return f"{Path(f.filename).name}:{f.lineno} {f.name}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="damaged files per format (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", action="append", help="only these formats (repeat); default all")
    parser.add_argument("--quiet", action="store_true", help="no tracebacks, only the counts")
    args = parser.parse_args(argv)
    rnd = random.Random(args.seed)
    bugs: Counter[tuple[str, str, str]] = Counter()
    first: dict[tuple[str, str, str], str] = {}
    total = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats():
            if args.format and fmt.name not in args.format:
                continue
            db = Database.open(Path(tmp) / f"{fmt.name}.sqlite3")
            ids = prepare(db)
            outcomes: Counter[str] = Counter()
            t0 = time.perf_counter()
            for n in range(args.examples):
                data = fmt.seed
                for _ in range(rnd.choice((1, 1, 1, 2, 3))):
                    data = mutate(fmt, data, rnd, rnd.choice(MUTATIONS))
                try:
                    outcome = check_import(fmt, db, ids, Path(tmp) / f"in-{n % 7}{fmt.suffix}", data)
                    outcomes["imported" if outcome.imported else "refused"] += 1
                except Exception as err:  # a bug: anything but the product's own error
                    key = (fmt.name, type(err).__name__, where(err))
                    bugs[key] += 1
                    outcomes["BUG"] += 1
                    if key not in first:
                        first[key] = "".join(traceback.format_exception(err))[-3000:]
                total += 1
            db.close()
            rate = args.examples / (time.perf_counter() - t0)
            print(
                f"{fmt.name:18} {dict(outcomes)}  ({rate:.0f} files/s)",
                flush=True,
            )
    print(
        f"\n{total} files in {time.perf_counter() - started:.0f} s: {sum(bugs.values())} tracebacks, "
        f"{len(bugs)} distinct (format, exception, place)"
    )
    for key, count in bugs.most_common():
        print(f"  {count:5}  {key[0]}: {key[1]} at {key[2]}")
    if not args.quiet:
        for key, text in first.items():
            print(f"\n===== {key}\n{text}")
    return 1 if bugs else 0


if __name__ == "__main__":
    sys.exit(main())
