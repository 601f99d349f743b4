"""Benchmark of the offline city search as you type, printed against its goal and a baseline of the same run.

Goal: under 10 ms per keystroke (the median over many queries, each prefix of each word as typed, in
English and French: "P", "Pé", "Pék"...), with the shipped table (GeoNames cities500 + islands and regions).
Each word is typed `--rounds` times on a fresh table, so the one-letter queries are measured uncached as
often as the rest. Also printed: the p95 and the worst query, the load time and the file's size.

Baseline: a linear scan over every folded name and alternate name with startswith, the biggest first
(what a search without the sorted index and its blocks would cost), on a sample of the same queries.

Run:  .venv/bin/python bench/bench_city_search.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nomadcm.services.travel import cities  # noqa: E402

GOAL_MS = 10.0
WORDS = (
    "Montréal",
    "Lisbonne",
    "Lisboa",
    "Pékin",
    "Mexico",
    "Bali",
    "Canggu",
    "Ubud",
    "Nosy Be",
    "Bansko",
    "Tahiti",
    "La Réunion",
    "Corse",
    "Chiang Mai",
    "Medellín",
    "Tbilisi",
    "Buenos Aires",
    "Saint-Denis",
    "Londres",
    "San Francisco",
)


def typed_queries() -> list[str]:
    return [word[:k] for word in WORDS for k in range(1, len(word) + 1)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    path = Path(cities.__file__).resolve().parents[2] / cities.DATA_FILE
    loads: list[float] = []
    per_query: list[float] = []
    queries = typed_queries()
    index = None
    for _ in range(max(1, args.rounds)):
        start = time.perf_counter()
        index = cities.CityIndex.load()
        loads.append(time.perf_counter() - start)
        for q in queries:
            start = time.perf_counter()
            index.search(q)
            per_query.append(time.perf_counter() - start)
    assert index is not None
    names = [(cities.fold(n), i) for i, n in enumerate(index.names)]
    names += [(cities.fold(a), i) for i, alts in enumerate(index.alternates) for a in alts]
    base: list[float] = []
    for q in queries[:: max(1, len(queries) // 15)]:
        start = time.perf_counter()
        key = cities.fold(q)
        hits = {i for n, i in names if n.startswith(key)}
        sorted(hits, key=lambda i: -index.population[i])[:20]
        base.append(time.perf_counter() - start)
    median = statistics.median(per_query) * 1000
    print(
        f"city table: {len(index):,} places, {path.stat().st_size / 1e6:.1f} MB on disk, "
        f"loaded in {statistics.median(loads):.2f} s (median of {len(loads)})"
    )
    print(
        f"city search: {len(per_query)} queries as typed, median {median:.2f} ms, "
        f"p95 {percentile(per_query, 0.95) * 1000:.2f} ms, worst {max(per_query) * 1000:.2f} ms; "
        f"goal < {GOAL_MS:.0f} ms per keystroke (median): {'OK' if median < GOAL_MS else 'OVER'}"
    )
    print(
        f"baseline:    linear scan, median {statistics.median(base) * 1000:.1f} ms "
        f"(ratio {statistics.median(base) / statistics.median(per_query):.0f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
