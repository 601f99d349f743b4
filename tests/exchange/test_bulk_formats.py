"""Hootsuite, Sprout Social and Publer files: columns, date styles, each tool's rules, splitting, import."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nomadcm.errors import ValidationError
from nomadcm.exchange.bulk_export import export_bulk, plan_export
from nomadcm.exchange.bulk_import import commit_import, preview_import
from nomadcm.exchange.bulk_profiles import PUBLER_COLUMNS, SPROUT_COLUMNS
from nomadcm.models import Post
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.query import ScheduleQuery

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def channel(db):  # type: ignore[no-untyped-def]
    clients = ClientService(db)
    client = clients.add_client("Maison Léa", "Europe/Paris")
    return clients.add_channel(client.id, "x")


def stored_posts(db) -> int:  # type: ignore[no-untyped-def]
    """Posts stored (a recurring post is one), counted in SQL."""
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Post)) or 0)


def add(db, channel, wall: datetime, text: str, **kw) -> int:  # type: ignore[no-untyped-def]
    return PostService(db).add(PostDraft(channel.id, text, wall, **kw)).id


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_hootsuite_layout_rounding_and_zone(db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add(db, channel, datetime(2026, 3, 16, 9, 2), "=SUM(1)", link="https://example.org/a")
    add(db, channel, datetime(2026, 3, 16, 18, 0), "soir")
    out = tmp_path / "hootsuite.csv"
    report = export_bulk(db, "hootsuite", out, in_zone="America/Toronto", now=NOW)
    assert report.files == [out]
    rows = read(out)
    # No header; 09:02 Paris = 04:02 Toronto, rounded to 04:00; the text exactly as it will be published
    # (no spreadsheet guard: Hootsuite would publish the ').
    assert rows == [
        ["16/03/2026 04:00", "=SUM(1)", "https://example.org/a"],
        ["16/03/2026 13:00", "soir", ""],
    ]
    assert [str(m) for m in report.moved] == [
        "post 1 at 2026-03-16 09:02: moved to 04:00 (Hootsuite takes 5-minute steps)"
    ]
    mdy = plan_export(db, "hootsuite", date_style="mdy", now=NOW)[0]
    assert mdy[0][0] == "03/16/2026 09:00"


def test_hootsuite_rejects_past_duplicates_and_long_text(db, channel) -> None:  # type: ignore[no-untyped-def]
    add(db, channel, datetime(2026, 3, 1, 13, 5), "trop tôt")  # 12:05Z: five minutes after NOW
    add(db, channel, datetime(2026, 3, 2, 9), "pareil")
    add(db, channel, datetime(2026, 3, 3, 9), "pareil")
    add(db, channel, datetime(2026, 3, 4, 9), "x" * 300, status="draft")  # drafts are not exported
    rows, report = plan_export(db, "hootsuite", now=NOW)
    assert [r[1] for r in rows] == ["pareil"]
    messages = [i.message for i in report.rejected]
    assert "less than 10 minutes from now" in messages[0]
    assert "refuses duplicates" in messages[1]


def test_over_the_limit_text_is_reported(db, channel) -> None:  # type: ignore[no-untyped-def]
    ClientService(db).update_channel(channel.id, text_limit=5)
    add(db, channel, datetime(2026, 3, 2, 9), "court", status="scheduled")
    with PostService(db).db.write() as s:  # a post saved before the limit changed
        from sqlalchemy import update

        from nomadcm.models import Post

        s.execute(update(Post).values(text="beaucoup trop long"))
    _, report = plan_export(db, "sprout", now=NOW)
    assert "over the 5-character limit of x" in report.rejected[0].message


def test_sprout_layout_and_spacing(db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add(db, channel, datetime(2026, 3, 2, 9), "un", tags=["promo", "printemps"])
    add(db, channel, datetime(2026, 3, 2, 9, 5), "deux")  # 5 minutes later: under Sprout's 10
    add(db, channel, datetime(2026, 3, 2, 9, 20), "trois")
    out = tmp_path / "sprout.csv"
    report = export_bulk(db, "sprout", out, now=NOW)
    rows = read(out)
    assert rows[0] == list(SPROUT_COLUMNS)
    assert rows[1] == ["02/03/2026", "09:00", "un", "", "", "promo,printemps"]
    assert [r[2] for r in rows[1:]] == ["un", "trois"]
    assert "10 minutes apart" in report.rejected[0].message


def test_publer_layout(db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add(db, channel, datetime(2026, 3, 2, 9, 3), "salut", link="https://example.org", tags=["a"])
    out = tmp_path / "publer.csv"
    export_bulk(db, "publer", out, now=NOW)
    rows = read(out)
    assert rows[0] == list(PUBLER_COLUMNS) and len(rows[0]) == 12
    assert rows[1][:3] == ["2026-03-02 09:03", "salut", "https://example.org"] and rows[1][5] == "a"


def test_a_large_export_is_split_in_files_of_350(db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add(db, channel, datetime(2026, 3, 2, 9), "chaque jour", rrule="FREQ=DAILY;COUNT=400")
    _rows, report = plan_export(db, "hootsuite", now=NOW)
    assert report.rejected[0].message.startswith("the same text")  # a daily series repeats its text
    # distinct texts: one row per occurrence
    ids = [o.post_id for o in ScheduleQuery(db).stream()]
    assert len(ids) == 400
    db_posts = PostService(db)
    db_posts.delete([ids[0]])
    for i in range(400):
        add(
            db,
            channel,
            datetime(2026, 4, 1, 9) + (datetime(2026, 4, 1, 9, 5) - datetime(2026, 4, 1, 9)) * i,
            f"n°{i}",
        )
    out = tmp_path / "hootsuite.csv"
    report = export_bulk(db, "hootsuite", out, now=NOW)
    assert [p.name for p in report.files] == ["hootsuite-1.csv", "hootsuite-2.csv"]
    assert [len(read(p)) for p in report.files] == [350, 50]
    with pytest.raises(ValidationError.__bases__[0], match="give -o"):
        export_bulk(db, "hootsuite", None, now=NOW)


def test_several_zones_need_in_zone(db, channel) -> None:  # type: ignore[no-untyped-def]
    add(db, channel, datetime(2026, 3, 2, 9), "Paris")
    add(db, channel, datetime(2026, 3, 2, 9), "Toronto", tz="America/Toronto")
    with pytest.raises(ValidationError, match="--in-zone"):
        plan_export(db, "hootsuite", now=NOW)


def test_import_preview_reports_every_bad_row_and_writes_nothing(db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "in.csv"
    f.write_text(
        "16/03/2026 09:00,Bonjour,https://example.org\n"
        "29/03/2026 02:30,Dans le trou,\n"
        "31/02/2026 10:00,Pas de 31 février,\n"
        "17/03/2026 09:00,,\n",
        encoding="utf-8",
    )
    preview = preview_import(db, f, "hootsuite", channel_id=channel.id)
    assert [r.line for r in preview.errors] == [2, 3, 4]
    assert "does not exist in Europe/Paris" in (preview.errors[0].error or "")
    with pytest.raises(Exception, match="nothing imported"):
        commit_import(db, preview)
    assert stored_posts(db) == 0


def test_import_round_trip_of_each_bulk_format(db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add(db, channel, datetime(2026, 3, 16, 9), "un", link="https://example.org/1", tags=["t"])
    add(db, channel, datetime(2026, 3, 17, 18, 30), "deux")
    for fmt in ("hootsuite", "sprout", "publer"):
        out = tmp_path / f"{fmt}.csv"
        export_bulk(db, fmt, out, date_style="mdy", now=NOW)
        preview = preview_import(db, out, fmt, channel_id=channel.id, date_style="mdy")
        assert preview.ok, preview.errors
        assert [(r.wall, r.text, r.link) for r in preview.rows] == [
            (datetime(2026, 3, 16, 9), "un", "https://example.org/1"),
            (datetime(2026, 3, 17, 18, 30), "deux", ""),
        ]
    assert commit_import(db, preview) == 2
    assert stored_posts(db) == 4


def test_native_preview_uses_the_native_checks(db, channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "native.csv"
    f.write_text(
        "client,channel,audience_tz,audience_time,text\n"
        "Maison Léa,x,Europe/Paris,2026-03-16 09:00,ok\n"
        "Inconnu,x,Europe/Paris,2026-03-16 09:00,ko\n",
        encoding="utf-8",
    )
    preview = preview_import(db, f, "native")
    assert [r.error is None for r in preview.rows] == [True, False]
    assert "unknown client" in (preview.rows[1].error or "")
