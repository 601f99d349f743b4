"""Imports stream (issue 12): the memory an import needs follows its batch, not the size of its file.

QA measured 1.3-3.0 GB for 200 MB files (json.load, then every row in a list). Here a ~20 MB ActivityWatch
export (66,000 events with long window titles) is imported in a child process and the growth of its peak RSS is measured against
the same process after a small import (modules loaded, caches warm): it must stay under five window batches,
whereas reading the file whole costs about six times the file (json.load's objects alone).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nomadcm.exchange.activitywatch_store import BATCH

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "data" / "wellbeing" / "aw-buckets-export-python.json"
ROW_BYTES = 700  # a window row waiting in a batch: five strings (a 300-character title) and a tuple

CHILD = """
import json, resource, sys
from pathlib import Path
from nomadcm.storage import Database
from nomadcm.exchange import activitywatch

db = Database.open(Path(sys.argv[1]), daily_backup=False)
activitywatch.import_file(db, sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = activitywatch.import_file(db, sys.argv[3])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
scale = 1 if sys.platform == "darwin" else 1024
print(json.dumps({"growth": (after - before) * scale, "apps": result.apps.added, "events": result.events}))
"""


def big_export(path: Path, windows: int) -> None:
    """An aw-server export: `windows` window events with long titles (a browser's), and one afk event per
    ten, written as a stream."""
    t = datetime(2027, 1, 4, 8, tzinfo=UTC)
    padding = "lorem ipsum dolor sit amet " * 9
    with path.open("w", encoding="utf-8") as out:
        out.write('{"buckets": {"aw-watcher-window_lina": {"id": "aw-watcher-window_lina", "type": ')
        out.write('"currentwindow", "client": "aw-watcher-window", "hostname": "lina", "events": [\n')
        afk = []
        for i in range(windows):
            seconds = 5 + (i * 7919) % 300
            app = ("firefox", "code", "slack")[i % 3]
            out.write(
                f'{"," if i else ""}{{"timestamp": "{t.isoformat()}", "duration": {seconds}.0, '
                f'"data": {{"app": "{app}", "title": "Tab {i} — éèà {padding}"}}}}\n'
            )
            if i % 10 == 0:
                afk.append(
                    {"timestamp": t.isoformat(), "duration": seconds * 10.0, "data": {"status": "not-afk"}}
                )
            t += timedelta(seconds=seconds)
        out.write(']}, "aw-watcher-afk_lina": {"id": "aw-watcher-afk_lina", "type": "afkstatus", ')
        out.write('"hostname": "lina", "events": ' + json.dumps(afk) + "}}}\n")


@pytest.mark.skipif(sys.platform == "win32", reason="no resource module")
def test_a_20_mb_export_is_imported_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "aw-export.json"
    big_export(path, 60_000)
    size = path.stat().st_size
    assert 15e6 < size < 30e6
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "db.sqlite3"), str(SMALL), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["apps"] == 60_000 and measured["events"] == 66_000
    bound = 5 * BATCH * ROW_BYTES  # 70 MB: five batches waiting to be written
    assert measured["growth"] < bound, (
        f"peak RSS grew {measured['growth'] / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"
    )
    assert measured["growth"] < size * 2  # reading the file whole costs about six times its size
