"""Bulk-scheduler files carry the post exactly as it will be published; only spreadsheet files are guarded.

The bulk formats go to a publishing tool, which publishes each cell as it reads it. Their column rules, from
the vendors' bulk-upload help pages:

- Hootsuite bulk composer: no header; columns date-time, message, link (Hootsuite Help, "Schedule posts in
  bulk"; the same three columns are described at
  https://kim-iverson-headlee.blogspot.com/2016/08/the-business-of-writing-using-hootsuite.html);
- Sprout Social: header `date,time_24hr,message_text,link,image_url,tags`, "message_text - The message's
  text" (https://support.sproutsocial.com/hc/en-us/articles/115005864203-How-do-I-use-bulk-scheduling);
- Publer: the 12-column template, "The Text Column … holds the main caption of your post"
  (https://publer.com/blog/ultimate-csv-bulk-scheduler-social-media/,
  https://help.publer.io/en/article/what-csv-template-should-i-use-18qhxcq/).

None of them removes a leading `'`: a `'` written in front of `@nasa` would be published. The spreadsheet
guard (exchange/csv_cells.py) stays in the native CSV, which is read back byte for byte.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete

from nomadcm.errors import UserError
from nomadcm.exchange.bulk_export import export_bulk
from nomadcm.exchange.bulk_import import commit_import, preview_import, read_bulk
from nomadcm.exchange.csv_native_export import export_csv
from nomadcm.exchange.csv_native_import import import_csv
from nomadcm.exchange.file_errors import ImportFailed
from nomadcm.models import Post
from nomadcm.services.schedule.clients import ChannelInfo, ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.query import ScheduleQuery
from nomadcm.storage import Database

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
FIRST = datetime(2026, 3, 16, 9, 0)  # Paris wall times, 15 minutes apart (Sprout wants 10)

# Texts a spreadsheet would take for a formula, and texts that already start with an apostrophe.
TEXTS = [
    "@nasa congrats on the launch!",
    "-20% today only",
    "=SUM(A1:A2) is not a formula here",
    "+33 6 12 34 56 78 pour réserver",
    "\tindented with a tab",
    "\rstarts with a carriage return",
    "'quoted' already",
    "'@nasa with its own apostrophe",
    "''=two apostrophes then equals",
]


@pytest.fixture
def channel(db: Database) -> ChannelInfo:
    clients = ClientService(db)
    client = clients.add_client("Maison Léa", "Europe/Paris")
    return clients.add_channel(client.id, "x")


def add_texts(db: Database, channel_id: int, texts: list[str], **kw: object) -> None:
    posts = PostService(db)
    for n, text in enumerate(texts):
        posts.add(PostDraft(channel_id, text, FIRST + timedelta(minutes=15 * n), **kw))  # type: ignore[arg-type]


def cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def stored_texts(db: Database) -> list[str]:
    return [o.text for o in ScheduleQuery(db).stream()]


# --------------------------------------------------------------------------- bulk export: exact cells


def test_hootsuite_message_cells_are_the_texts(db: Database, channel: ChannelInfo, tmp_path: Path) -> None:
    add_texts(db, channel.id, TEXTS, link="https://example.org/-promo")
    out = tmp_path / "hootsuite.csv"
    export_bulk(db, "hootsuite", out, now=NOW)
    rows = cells(out)
    assert [r[1] for r in rows] == TEXTS  # column 2: the message, no header row
    assert {r[2] for r in rows} == {"https://example.org/-promo"}
    assert rows[0] == ["16/03/2026 09:00", "@nasa congrats on the launch!", "https://example.org/-promo"]


def test_sprout_message_text_and_tags_cells_are_exact(
    db: Database, channel: ChannelInfo, tmp_path: Path
) -> None:
    add_texts(db, channel.id, TEXTS, tags=["-soldes", "@équipe"])
    out = tmp_path / "sprout.csv"
    export_bulk(db, "sprout", out, now=NOW)
    header, *rows = cells(out)
    assert header == ["date", "time_24hr", "message_text", "link", "image_url", "tags"]
    assert [r[header.index("message_text")] for r in rows] == TEXTS
    assert {r[header.index("tags")] for r in rows} == {"-soldes,@équipe"}


def test_publer_text_and_labels_cells_are_exact(db: Database, channel: ChannelInfo, tmp_path: Path) -> None:
    add_texts(db, channel.id, TEXTS, tags=["=promo"])
    out = tmp_path / "publer.csv"
    export_bulk(db, "publer", out, now=NOW)
    header, *rows = cells(out)
    assert len(header) == 12
    assert [r[header.index("Text")] for r in rows] == TEXTS
    assert {r[header.index("Label(s)")] for r in rows} == {"=promo"}
    assert rows[0][header.index("Date")] == "2026-03-16 09:00"


@pytest.mark.parametrize("fmt", ["hootsuite", "sprout", "publer"])
def test_bulk_round_trip_keeps_every_text(
    db: Database, channel: ChannelInfo, tmp_path: Path, fmt: str
) -> None:
    add_texts(db, channel.id, TEXTS)
    out = tmp_path / f"{fmt}.csv"
    export_bulk(db, fmt, out, now=NOW)
    preview = preview_import(db, out, fmt, channel_id=channel.id)
    assert preview.ok, [(r.line, r.error) for r in preview.errors]
    assert [r.text for r in preview.rows] == TEXTS
    with db.write() as s:
        s.execute(delete(Post))
    assert commit_import(db, preview) == len(TEXTS)
    assert stored_texts(db) == TEXTS


def test_bulk_import_keeps_an_apostrophe_that_is_in_the_text(tmp_path: Path) -> None:
    f = tmp_path / "hootsuite.csv"
    f.write_text(
        "16/03/2026 09:00,'@nasa is how we write it,\r\n16/03/2026 09:30,'-) smiley,\r\n", encoding="utf-8"
    )
    assert [r.text for r in read_bulk(f, "hootsuite")] == ["'@nasa is how we write it", "'-) smiley"]
    f = tmp_path / "publer.csv"
    f.write_text("Date,Text,Link(s)\n2026-03-16 09:00,'=1,\n", encoding="utf-8")
    assert [r.text for r in read_bulk(f, "publer")] == ["'=1"]


# --------------------------------------------------------------------------- native CSV: guarded, exact


def test_native_csv_guards_cells_and_reads_them_back_byte_for_byte(
    db: Database, channel: ChannelInfo, tmp_path: Path
) -> None:
    add_texts(db, channel.id, TEXTS)
    before = stored_texts(db)
    out = tmp_path / "schedule.csv"
    export_csv(db, out)
    header, *rows = cells(out)
    written = [r[header.index("text")] for r in rows]
    # The spreadsheet guard: one more ' before = + - @ tab CR (and before ' followed by one of them).
    assert written == [
        "'@nasa congrats on the launch!",
        "'-20% today only",
        "'=SUM(A1:A2) is not a formula here",
        "'+33 6 12 34 56 78 pour réserver",
        "'\tindented with a tab",
        "'\rstarts with a carriage return",
        "'quoted' already",
        "''@nasa with its own apostrophe",
        "'''=two apostrophes then equals",
    ]
    with db.write() as s:
        s.execute(delete(Post))
    assert import_csv(db, out).imported == len(TEXTS)
    after = stored_texts(db)
    assert after == before == TEXTS
    assert [t.encode("utf-8") for t in after] == [t.encode("utf-8") for t in TEXTS]


# --------------------------------------------------------------------------- blank texts are refused


@pytest.mark.parametrize("blank", ["", "   ", "\t \r\n"])
def test_native_import_refuses_a_blank_text_by_line(
    db: Database, channel: ChannelInfo, tmp_path: Path, blank: str
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["client", "channel", "audience_tz", "audience_time", "text"])
    writer.writerow(["Maison Léa", "x", "Europe/Paris", "2026-03-16 09:00", "fine"])
    writer.writerow(["Maison Léa", "x", "Europe/Paris", "2026-03-16 10:00", blank])
    f = tmp_path / "native.csv"
    f.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    with pytest.raises(ImportFailed) as caught:
        import_csv(db, f)
    assert [(e.line, e.message) for e in caught.value.errors] == [(3, "text is empty")]
    assert stored_texts(db) == []


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        ("hootsuite", '16/03/2026 09:00,ok,\r\n16/03/2026 10:00,"   ",\r\n16/03/2026 11:00,,\r\n'),
        (
            "sprout",
            "date,time_24hr,message_text,link,image_url,tags\r\n"
            '16/03/2026,09:00,ok,,,\r\n16/03/2026,10:00,"  \t",,,\r\n16/03/2026,11:00,,,,\r\n',
        ),
        (
            "publer",
            'Date,Text,Link(s)\r\n2026-03-16 09:00,ok,\r\n2026-03-16 10:00," ",\r\n2026-03-16 11:00,,\r\n',
        ),
    ],
)
def test_bulk_import_refuses_blank_texts_by_line(
    db: Database, channel: ChannelInfo, tmp_path: Path, fmt: str, content: str
) -> None:
    f = tmp_path / f"{fmt}.csv"
    f.write_text(content, encoding="utf-8", newline="")
    preview = preview_import(db, f, fmt, channel_id=channel.id)
    first_data_line = 1 if fmt == "hootsuite" else 2
    assert [(r.line, r.error) for r in preview.errors] == [
        (first_data_line + 1, "text is empty"),
        (first_data_line + 2, "text is empty"),
    ]
    with pytest.raises(UserError, match="nothing imported: 2 bad row"):
        commit_import(db, preview)
    assert stored_texts(db) == []
