"""Mutated import files for every importer, and the rule they must keep (issue 12, "nothing lost, nothing
crashes"): an import either succeeds or refuses the file with the product's own error (a `UserError`, whose
message is for people), never another exception; and a refused import leaves the database as it was.

Shared by tests/robustness/test_import_fuzz.py (bounded, in CI) and bench/fuzz_imports.py (bigger runs).
Each `Format` has a valid seed file and runs the importer the CLI and the GUI run; `mutate` turns a seed
into a damaged copy: byte flips, truncation, header only, wrong JSON types, huge / NaN numbers, lone
surrogates, deep nesting, extreme dates.
"""

from __future__ import annotations

import csv
import io
import json
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from sqlalchemy import inspect, select

from nomadcm.errors import UserError
from nomadcm.models import Base
from nomadcm.storage import Database

DATA = Path(__file__).parent / "data"
WELLBEING = DATA / "wellbeing"

NATIVE_SEED = (
    "id,client,channel,status,audience_tz,audience_time,utc_time,cm_tz,cm_time,text,link,tags\r\n"
    ",Acme,instagram,scheduled,Europe/Paris,2030-03-26 09:00,2030-03-26T08:00:00Z,Europe/Paris,"
    '2030-03-26 09:00,"Hello, world",https://example.org,launch spring\r\n'
    ",Acme,instagram:acme_fr,draft,Europe/Paris,2030-10-27 02:30,,,,Second post,,\r\n"
    ",Acme,linkedin,scheduled,America/New_York,2030-04-01 10:15,,,,'=not a formula,,\r\n"
)
HOOTSUITE_SEED = "26/03/2030 09:00,Hello world,https://example.org\n27/03/2030 10:05,Second post,\n"
SPROUT_SEED = (
    "date,time_24hr,message_text,link,image_url,tags\n"
    "26/03/2030,09:00,Hello world,https://example.org,,spring\n"
    "27/03/2030,10:05,Second post,,,\n"
)
PUBLER_SEED = (
    "Date,Text,Link(s),Media URL(s),Title,Label(s),Alt text(s),Comment(s),Pin board,Post subtype,CTA,Reminder\n"
    "2030-03-26 09:00,Hello world,https://example.org,,,spring,,,,,,\n"
    "2030-03-27 10:05,Second post,,,,,,,,,,\n"
)
PLACES_CSV_SEED = (
    "name,kind,address,city,country,lat,lon,tz,ssid,fee,price,opening_hours,score_wifi,food,favourite,"
    "last_visit,notes,osm_id,osm_tags\r\n"
    "Café Lisboa,cafe,Rua Nova 10,Lisboa,PT,38.7146,-9.1519,Europe/Lisbon,CafeWifi,free,1 coffee,"
    'Mo-Fr 08:00-19:00,4,yes,no,2027-03-01,quiet upstairs,node/123,"{""amenity"": ""cafe""}"\r\n'
    "Second Home,coworking,,Lisboa,PT,,,,,paid,15 €/day,,5,no,yes,,,,\r\n"
)


def _geojson_seed() -> bytes:
    """Overpass Turbo's Montréal extract, plus a place as NomadCM exports it (her own data in `nomadcm`)."""
    doc = json.loads((DATA / "osm_montreal.geojson").read_bytes())
    meta = {
        "kind": "cafe",
        "address": "1 rue Saint-Denis",
        "city": "Montréal",
        "country": "CA",
        "tz": "America/Toronto",
        "price": "2 $",
        "score_wifi": 4,
        "score_power": 3,
        "score_quiet": None,
        "score_comfort": 5,
        "score_price": 1,
        "food": True,
        "favourite": False,
        "notes": "upstairs",
        "last_visit": "2027-03-01",
        "wifi_password": "hunter2",
    }
    doc["features"].append(
        {
            "type": "Feature",
            "id": "node/42",
            "geometry": {"type": "Point", "coordinates": [-73.58, 45.51]},
            "properties": {"name": "Café Mile End", "internet_access": "wlan", "nomadcm": meta},
        }
    )
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


@dataclass(frozen=True)
class Format:
    """One import format: its seed, the name its file gets, and how the CLI / GUI import it."""

    name: str
    kind: str  # "csv" or "json"
    seed: bytes
    suffix: str
    run: Callable[[Database, Path, dict[str, int]], object]


def _native(db: Database, path: Path, ids: dict[str, int]) -> object:
    from nomadcm.exchange.csv_native_import import import_csv

    return import_csv(db, path)


def _bulk(fmt: str) -> Callable[[Database, Path, dict[str, int]], object]:
    def run(db: Database, path: Path, ids: dict[str, int]) -> object:
        from nomadcm.exchange import bulk_import

        preview = bulk_import.preview_import(db, path, fmt, channel_id=ids["channel"], date_style="dmy")
        if preview.errors:  # the CLI and the GUI show them and write nothing
            raise UserError(f"{len(preview.errors)} bad row(s)")
        return bulk_import.commit_import(db, preview)

    return run


def _places(db: Database, path: Path, ids: dict[str, int]) -> object:
    from nomadcm.exchange.places_io import import_places

    return import_places(db, path)


def _activitywatch(db: Database, path: Path, ids: dict[str, int]) -> object:
    from nomadcm.exchange import activitywatch

    return activitywatch.import_file(db, path)


def _sleep(db: Database, path: Path, ids: dict[str, int]) -> object:
    from nomadcm.exchange import sleep_android

    return sleep_android.import_file(db, path)


def _wellbeing_csv(db: Database, path: Path, ids: dict[str, int]) -> object:
    from nomadcm.exchange import rest_csv

    return rest_csv.import_file(db, path)


def _aw_server(db: Database, path: Path, ids: dict[str, int]) -> object:
    """The file holds the server's replies ({"/api/0/buckets/": bytes, ...} as JSON of latin-1 text)."""
    from nomadcm.exchange import activitywatch

    replies = {k: v.encode("latin-1") for k, v in json.loads(path.read_text("latin-1")).items()}
    with serving(replies) as url:
        return activitywatch.import_server(db, url)


def aw_server_replies(export: bytes) -> dict[str, bytes]:
    """What a running aw-server answers for the buckets of `export`: the bucket list, then each bucket's
    events (aw-server-rust's layout, which aw-server in Python shares for these two calls)."""
    buckets = json.loads(export)["buckets"]
    replies = {"/api/0/buckets/": json.dumps({k: {**v, "events": None} for k, v in buckets.items()}).encode()}
    for bucket_id, bucket in buckets.items():
        replies[f"/api/0/buckets/{bucket_id}/events"] = json.dumps(bucket["events"]).encode()
    return replies


def _server_seed() -> bytes:
    replies = aw_server_replies((WELLBEING / "aw-buckets-export-rust.json").read_bytes())
    return json.dumps({k: v.decode("latin-1") for k, v in replies.items()}).encode("latin-1")


def formats() -> list[Format]:
    """The 13 import formats of NomadCM (CLI `import csv|activitywatch|sleep-as-android|wellbeing-csv`,
    `place import`, and the GUI's import dialogs, which call the same functions)."""
    return [
        Format("native-csv", "csv", NATIVE_SEED.encode(), ".csv", _native),
        Format("hootsuite", "csv", HOOTSUITE_SEED.encode(), ".csv", _bulk("hootsuite")),
        Format("sprout", "csv", SPROUT_SEED.encode(), ".csv", _bulk("sprout")),
        Format("publer", "csv", PUBLER_SEED.encode(), ".csv", _bulk("publer")),
        Format("places-csv", "csv", PLACES_CSV_SEED.encode(), ".csv", _places),
        Format("geojson", "json", _geojson_seed(), ".geojson", _places),
        Format("overpass", "json", (DATA / "osm_lisbon_overpass.json").read_bytes(), ".json", _places),
        Format(
            "aw-python",
            "json",
            (WELLBEING / "aw-buckets-export-python.json").read_bytes(),
            ".json",
            _activitywatch,
        ),
        Format(
            "aw-rust",
            "json",
            (WELLBEING / "aw-buckets-export-rust.json").read_bytes(),
            ".json",
            _activitywatch,
        ),
        Format(
            "aw-android", "json", (WELLBEING / "aw-android-export.json").read_bytes(), ".json", _activitywatch
        ),
        Format("aw-server", "server", _server_seed(), ".replies", _aw_server),
        Format("sleep-as-android", "csv", (WELLBEING / "sleep-export.csv").read_bytes(), ".csv", _sleep),
        Format("wellbeing-csv", "csv", (WELLBEING / "wellbeing.csv").read_bytes(), ".csv", _wellbeing_csv),
    ]


# --------------------------------------------------------------------------- the database side


def prepare(db: Database) -> dict[str, int]:
    """A client and a channel the seeds name (the bulk formats import into `channel`)."""
    from nomadcm.services.container import Services

    services = Services(db)
    services.settings.set_home_tz("Europe/Paris")
    client = services.clients.add_client("Acme", "Europe/Paris")
    channel = services.clients.add_channel(client.id, "instagram")
    return {"client": client.id, "channel": channel.id}


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read through SQLAlchemy: a refused import must leave them all as they were."""
    with db.session() as s:
        present = set(inspect(s.connection()).get_table_names())  # a model whose migration is still to come
        return {
            table.name: sorted((tuple(map(repr, row)) for row in s.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
            if table.name in present
        }


@dataclass
class Outcome:
    imported: bool
    message: str = ""


def check_import(fmt: Format, db: Database, ids: dict[str, int], path: Path, data: bytes) -> Outcome:
    """Runs the import of `data`; any exception but a UserError propagates (a bug), and a refused import
    that changed the database raises AssertionError."""
    path.write_bytes(data)
    before = snapshot(db)
    try:
        fmt.run(db, path, ids)
    except UserError as err:
        message = str(err)
        assert message.strip(), "an import error without a message"
        after = snapshot(db)
        changed = [name for name in before if before[name] != after[name]]
        assert not changed, f"refused ({message}) but changed {changed}"
        return Outcome(False, message)
    return Outcome(True)


# --------------------------------------------------------------------------- mutations

NASTY_CELLS = (
    "",
    " ",
    "0000-01-01 00:00",
    "0001-01-01 00:00",
    "9999-12-31 23:59",
    "10000-01-01 00:00",
    "1969-12-31T23:59:59Z",
    "2100-12-31T23:59:59+14:00",
    "0000-01-01T00:00:00Z",
    "2027-02-30 09:00",
    "31/02/2030 09:00",
    "00/00/0000 00:00",
    "99/99/99999 99:99",
    "2030-03-31 02:30",
    "2030-10-27 02:30",
    "1e20",
    "-1e20",
    "1e400",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "99999999999999999999999999",
    "-1",
    "6",
    "1.59287E+12",
    "=1+1",
    "'",
    '"',
    "\x00",
    "\x1b[2J",
    "\u202e",
    "\ufeff",
    "é" * 5000,
    "Europe/Nowhere",
    "../../etc/passwd",
    "node/99999999999999999999999",
    "{",
    '{"a": [1, {"b": null}]}',
    "[]",
    "screen",
    "yes",
    "26. 03. 2027 23:40",
    "26. 03. 10000 23:40",
    "32. 13. 2027 25:61",
    "Id",
)
NASTY_JSON: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1.5,
    "",
    "x",
    [],
    {},
    [[]],
    {"a": 1},
    [None],
    1e20,
    -1e20,
    1e308,
    10**30,
    float("nan"),
    float("inf"),
    float("-inf"),
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59.999999+00:00",
    "10000-01-01T00:00:00Z",
    "2027-13-45T99:99:99Z",
    "1970-01-01T00:00:00",
    "2027-03-26T07:00:00+25:00",
    "2027-03-26T07:00:00-23:59",
    "x\udcff",
    "\ud800",
    "\x00",
    "é" * 3000,
)
MUTATIONS = (
    "flip",
    "truncate",
    "header_only",
    "insert_bytes",
    "drop_line",
    "duplicate_line",
    "structure",  # csv: a nasty cell, a cell more or less; json: a wrong type, a huge or NaN number...
    "surrogate",
    "deep",
    "dates",
)


def mutate(fmt: Format, data: bytes, rnd: random.Random, kind: str) -> bytes:
    if fmt.kind == "server":
        replies = json.loads(data.decode("latin-1"))
        key = rnd.choice(sorted(replies))
        inner = Format(fmt.name, "json", replies[key].encode("latin-1"), ".json", fmt.run)
        replies[key] = mutate(inner, inner.seed, rnd, kind).decode("latin-1")
        if rnd.random() < 0.1:
            del replies[rnd.choice(sorted(replies))]  # a 404
        return json.dumps(replies).encode("latin-1")
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            if out:
                out[rnd.randrange(len(out))] = rnd.randrange(256)
        return bytes(out)
    if kind == "truncate":
        return data[: rnd.randrange(len(data) + 1)]
    if kind == "header_only":
        first, _, _ = data.partition(b"\n")
        return first + (b"\n" if rnd.random() < 0.5 else b"")
    if kind == "insert_bytes":
        pos = rnd.randrange(len(data) + 1)
        blob = rnd.choice(
            [
                b"\x00",
                b"\xed\xb3\xbf",
                b"\xff\xfe",
                b'"',
                b"\r",
                b"\n",
                b",",
                b";",
                b"\\udcff",
                b"\xef\xbb\xbf",
            ]
        )
        return data[:pos] + blob * rnd.randint(1, 3) + data[pos:]
    if kind in ("drop_line", "duplicate_line"):
        lines = data.splitlines(keepends=True)
        if not lines:
            return data
        i = rnd.randrange(len(lines))
        if kind == "drop_line":
            del lines[i]
        else:
            lines[i:i] = [lines[i]] * rnd.randint(1, 3)
        return b"".join(lines)
    try:
        if fmt.kind == "csv":
            return _mutate_csv(data, rnd, kind)
        return _mutate_json(data, rnd, kind)
    except (ValueError, RecursionError, csv.Error):  # already damaged beyond parsing: damage its bytes
        return mutate(fmt, data, rnd, "flip")


def _mutate_csv(data: bytes, rnd: random.Random, kind: str) -> bytes:
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return data
    r = rnd.randrange(len(rows))
    row = rows[r]
    if kind == "surrogate":  # not text: the bytes of a lone surrogate, or its escape in a cell
        encoded = "\udcff".encode("utf-8", "surrogatepass")
        pos = rnd.randrange(len(data) + 1)
        return data[:pos] + (encoded if rnd.random() < 0.5 else b"\\udcff") + data[pos:]
    if kind == "deep":
        return data + (b"[" * 5000 + b"\n") * rnd.randint(1, 3)
    if kind == "dates":
        value = rnd.choice([c for c in NASTY_CELLS if any(ch.isdigit() for ch in c)] or [""])
    else:
        value = rnd.choice(NASTY_CELLS)
    action = rnd.random()
    if action < 0.7 and row:
        row[rnd.randrange(len(row))] = value
    elif action < 0.85:
        row.insert(rnd.randrange(len(row) + 1), value)
    elif row:
        del row[rnd.randrange(len(row))]
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, (*path, i))


def _set(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = root
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return root


def _mutate_json(data: bytes, rnd: random.Random, kind: str) -> bytes:
    root = json.loads(data)
    nodes = list(_nodes(root))
    path, node = rnd.choice(nodes)
    if kind == "deep":
        depth = rnd.choice([50, 200, 1000, 5000, 100000])
        inner = json.dumps(node)
        opener, closer = ("[", "]") if rnd.random() < 0.5 else ('{"a":', "}")
        marker = "__DEEP__"
        text = json.dumps(_set(root, path, marker))
        return text.replace(f'"{marker}"', opener * depth + inner + closer * depth, 1).encode()
    if kind == "surrogate":
        strings = [(p, v) for p, v in nodes if isinstance(v, str)]
        keys = [(p, v) for p, v in nodes if isinstance(v, dict) and v]
        if keys and (not strings or rnd.random() < 0.3):
            path, parent = rnd.choice(keys)
            key = rnd.choice(list(parent))
            parent[key + "\udcff"] = parent.pop(key)
        elif strings:
            path, value = rnd.choice(strings)
            cut = rnd.randrange(len(value) + 1)
            root = _set(root, path, value[:cut] + rnd.choice(["\udcff", "\ud800", "\udfff"]) + value[cut:])
        if rnd.random() < 0.2:  # raw bytes of the surrogate instead of its escape: not UTF-8
            return json.dumps(root, ensure_ascii=False).encode("utf-8", "surrogatepass")
        return json.dumps(root).encode()
    if kind == "dates":
        value = rnd.choice([v for v in NASTY_JSON if isinstance(v, str) and v[:1].isdigit()] + [1e20, -1e20])
        dated = [(p, v) for p, v in nodes if isinstance(v, str) and v[:2] in ("19", "20")]
        if dated:
            path, _ = rnd.choice(dated)
        return json.dumps(_set(root, path, value)).encode()
    # "structure": a value of another type, a number out of range, a key removed
    action = rnd.random()
    if action < 0.15 and isinstance(node, dict) and node:
        del node[rnd.choice(list(node))]
    elif action < 0.25 and isinstance(node, list) and node:
        node.append(rnd.choice(node))
    else:
        root = _set(root, path, rnd.choice(NASTY_JSON))
    return json.dumps(root).encode("utf-8", "surrogatepass")


# --------------------------------------------------------------------------- a fake aw-server


class _Replies(BaseHTTPRequestHandler):
    replies: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        body = self.replies.get(path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(replies: dict[str, bytes]) -> Iterator[str]:
    handler = type("Replies", (_Replies,), {"replies": replies})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
