"""The native CSV import reads its file once and writes in batches inside one transaction (issue 14): a bad
row after several batches were written, or a process killed in the middle, leaves the database as it was;
its memory follows its batch, not its file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nomadcm.exchange.csv_native_import import import_csv
from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import INSERT_BATCH, PostDraft
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.storage import Database
from tests.db_counts import count_rows

ROOT = Path(__file__).resolve().parents[2]
HEADER = "id,client,channel,status,audience_tz,audience_time,utc_time,cm_tz,cm_time,text,link,tags\n"


def write_rows(
    path: Path,
    rows: int,
    *,
    bad_at: int | None = None,
    bad: tuple[str, str] = ("Europe/Paris", "2027-02-30 09:00"),
) -> None:
    """`rows` posts of one client, a minute apart in UTC (row k on line k + 1); row `bad_at` is (zone, wall)."""
    start = datetime(2027, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for k in range(1, rows + 1):
            zone, wall = bad if k == bad_at else ("UTC", f"{start + timedelta(minutes=k):%Y-%m-%d %H:%M}")
            out.write(f",Café Lune,instagram:@new,scheduled,{zone},{wall},,,,Post {k},,promo\r\n")


def seed(db: Database) -> None:
    services = Services(db)
    services.settings.set_home_tz("Europe/Paris")
    services.clients.add_client("Café Lune", "Europe/Paris")


def counts(target: str | Path) -> tuple[int, int]:
    found = count_rows(target, ("post", "channel"))
    return found["post"], found["channel"]


def test_a_bad_row_after_written_batches_changes_nothing(db: Database, db_arg: str, tmp_path: Path) -> None:
    seed(db)
    bad_at = 3 * INSERT_BATCH + 17  # three batches (and a channel) written before it
    source = tmp_path / "posts.csv"
    write_rows(source, 4 * INSERT_BATCH, bad_at=bad_at)
    with pytest.raises(ImportFailed) as failed:
        import_csv(db, source)
    assert [str(e) for e in failed.value.errors] == [
        f"line {bad_at + 1}: audience_time '2027-02-30 09:00' is not a valid YYYY-MM-DD HH:MM"
    ]
    assert counts(db_arg) == (0, 0)  # the channel created for the file's rows went with them


def test_every_bad_row_is_listed_by_line_also_after_the_first(
    db: Database, db_arg: str, tmp_path: Path
) -> None:
    seed(db)
    source = tmp_path / "posts.csv"
    write_rows(
        source, INSERT_BATCH + 10, bad_at=INSERT_BATCH + 5, bad=("Europe/Paris", "2027-03-28 02:30")
    )  # DST gap
    with source.open("a", encoding="utf-8", newline="") as out:
        out.write(",Nobody,instagram,scheduled,Europe/Paris,2027-05-01 10:00,,,,late,,\r\n")
    with pytest.raises(ImportFailed) as failed:
        import_csv(db, source)
    messages = [str(e) for e in failed.value.errors]
    assert messages[0].startswith(f"line {INSERT_BATCH + 6}: 2027-03-28 02:30 does not exist in Europe/Paris")
    assert messages[1] == f"line {INSERT_BATCH + 12}: unknown client 'Nobody'"
    assert failed.value.total == 2
    assert counts(db_arg) == (0, 0)


def test_a_good_file_is_written_whole(db: Database, tmp_path: Path) -> None:
    seed(db)
    source = tmp_path / "posts.csv"
    write_rows(source, 2 * INSERT_BATCH + 3)
    report = import_csv(db, source)
    assert report.imported == 2 * INSERT_BATCH + 3
    assert report.channels_created == ["Café Lune instagram:@new"]
    rows = Services(db).schedule(ScheduleFilter()).stream()
    assert sorted(int(r.text.split()[1]) for r in rows) == list(range(1, 2 * INSERT_BATCH + 4))


KILLED_CHILD = """
import sys
from pathlib import Path
from nomadcm.storage import Database
from nomadcm.exchange.csv_native_import import import_csv

db = Database.open(Path(sys.argv[1]), daily_backup=False)
def progress(done, total):
    if done > total // 3:
        print("written", flush=True)
        sys.stdin.readline()  # wait here, batches written and not committed, until killed
import_csv(db, sys.argv[2], progress)
print("finished", flush=True)
"""


@pytest.mark.sqlite_only
@pytest.mark.skipif(sys.platform == "win32", reason="no SIGKILL")
def test_a_killed_import_leaves_the_database_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    seeded = Database.open(path, daily_backup=False)
    seed(seeded)
    seeded.close()
    source = tmp_path / "posts.csv"
    write_rows(source, 4 * INSERT_BATCH)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(path), str(source)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
        with sqlite3.connect(path) as conn:  # another reader sees nothing of the open transaction
            assert conn.execute("SELECT count(*) FROM post").fetchone() == (0,)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert counts(path) == (0, 0)


MEMORY_CHILD = """
import json, resource, sys, time
from pathlib import Path
from nomadcm.storage import Database
from nomadcm.exchange.csv_native_import import import_csv

db = Database.open(Path(sys.argv[1]), daily_backup=False)
import_csv(db, sys.argv[2])  # modules loaded, caches warm
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = import_csv(db, sys.argv[3])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"growth": (after - before) * 1024, "rows": report.imported}))
"""


@pytest.mark.sqlite_only
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in kilobytes")
def test_memory_follows_the_batch_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    seeded = Database.open(path, daily_backup=False)
    seed(seeded)
    seeded.close()
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    write_rows(small, 2 * INSERT_BATCH)
    write_rows(big, 30 * INSERT_BATCH)  # 150,000 rows, about 11 MB
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(path), str(small), str(big)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["rows"] == 30 * INSERT_BATCH
    # Holding the rows cost about 1 KB each (150 MB here); the batch and the new ids' list cost under 20 MB.
    assert measured["growth"] < 40e6, f"peak RSS grew {measured['growth'] / 1e6:.0f} MB"
    assert time.perf_counter() - started < 590


@pytest.mark.sqlite_only
def test_rows_written_with_text_times_are_those_the_typed_table_writes(db: Database, tmp_path: Path) -> None:
    """On SQLite batches go through a copy of the post table with its times typed as text: every column of
    the stored rows (defaults included) must be what the typed table stores for the same values."""
    from sqlalchemy import insert, select

    from nomadcm.models import Post
    from nomadcm.services.schedule.post_writer import PostWriter

    seed(db)
    client = Services(db).clients.list_clients()[0]
    channel = Services(db).clients.add_channel(client.id, "instagram")
    drafts = [
        PostDraft(channel.id, "fold", datetime(2027, 10, 31, 2, 30), "Europe/Paris", fold=1, tags="a,#b"),
        PostDraft(channel.id, "µs", datetime(1970, 1, 1, 0, 0, 59, 999), "Pacific/Kiritimati", notes="n"),
        PostDraft(
            channel.id, "late", datetime(2100, 12, 31, 23, 59), "America/St_Johns", link="https://x.fr"
        ),
    ]
    with db.write() as s:
        writer = PostWriter(s)
        checks = [writer.add(d) for d in drafts]
        ids = writer.finish()
        s.execute(insert(Post.__table__), [c.values(writer.now) for c in checks])  # the typed table's way
    columns = [c.name for c in Post.__table__.columns if c.name not in ("id", "uuid")]
    with sqlite3.connect(db.path) as conn:
        stored = conn.execute(f"SELECT {', '.join(columns)} FROM post ORDER BY id").fetchall()
    assert len(ids) == 3
    assert stored[:3] == stored[3:]
    assert stored[0][columns.index("utc")] == "2027-10-31 01:30:00.000000"  # the second 02:30, in UTC
    with db.session() as s:
        assert s.scalars(select(Post.utc).order_by(Post.id)).first() == datetime(
            2027, 10, 31, 1, 30, tzinfo=UTC
        )


def test_a_places_csv_streams_and_a_late_bad_record_changes_nothing(
    db: Database, db_arg: str, tmp_path: Path
) -> None:
    """The places CSV is read inside the write: batches written before a bad record go with it."""
    from nomadcm.exchange.places_io import BATCH, import_places

    source = tmp_path / "places.csv"
    rows = 3 * BATCH + 5
    with source.open("w", encoding="utf-8", newline="") as out:
        out.write("name,city\r\n")
        out.writelines(f"Café {k},Lisboa\r\n" for k in range(rows))
        out.write("Café late,Lisboa,one cell too many\r\n")
    with pytest.raises(ImportFailed) as failed:
        import_places(db, source)
    assert [str(e) for e in failed.value.errors] == [f"line {rows + 2}: 3 cells, the header has 2"]
    assert count_rows(db_arg, ("workplace",)) == {"workplace": 0}
    source.write_text(
        "name,city\r\n" + "".join(f"Café {k},Lisboa\r\n" for k in range(rows)), encoding="utf-8"
    )
    report = import_places(db, source)
    assert (report.added, report.updated) == (rows, 0)
    assert count_rows(db_arg, ("workplace",)) == {"workplace": rows}
