"""The plain-script baseline of `nomadcm check --json` (issue 14): the same JSON, byte for byte, computed
without any of NomadCM's code — sqlite3 for the rows, zoneinfo for the clocks, python-holidays for the
public holidays.

What it does, from the documented rules rather than from NomadCM's modules:
- the scheduled single posts, in (instant, id) order; a conflict kind acknowledged in `conflict_ack` is left
  out of `kinds` and `detail`, and a post whose kinds are all acknowledged is not listed (no `--all` here);
- where the CM is at a post's instant (services/travel/itinerary.py's docstring): in transit during a
  transit (clock of the departure zone); after an arrival at its arrival place until a stay there (or the next
  transit) takes over, before a departure at its departure place; otherwise the stay covering the instant;
  otherwise home (the `home_tz` setting). Where the docstring leaves ties open (several stays, a stay the
  transits contradict) this reads them as NomadCM does: a stay is believed unless the transit before it lands
  elsewhere after it began, or the transit after it leaves from elsewhere before it ends;
- `sleep`, `off_hours`: her local minute against the `sleep` and `work_hours` settings (JSON values of the
  `setting` table, defaults "23:00-07:00" and "Mo-Fr 09:00-18:00" as in nomadcm/services/settings.py);
- `holiday`: the post's date in its client's audience zone is a public holiday of the client's country (else
  the one country using that zone in the tz database's zone.tab), python-holidays' default language and
  categories, over the years of the posts with one either side;
- zone rules from the tzdata package (as NomadCM reads them), not the system's files.

Out of its scope, refused with exit 2 (the bench's database has none of them): recurring posts, team members,
workplaces (the `no_wifi` kind) and client closures or blackouts (the `closure` kind).

Run:  python bench/check_baseline.py DATABASE > check.json
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from typing import Any, NamedTuple

zoneinfo.reset_tzpath([])  # the tzdata package's rules only
DEFAULTS = {"home_tz": "Europe/Paris", "sleep": "23:00-07:00", "work_hours": "Mo-Fr 09:00-18:00"}
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_MINUTES = 1440
RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # escaped as \\u: safe on a terminal


class Refused(Exception):
    """The database holds something this baseline does not reproduce."""


class Stay(NamedTuple):
    id: int
    city: str
    country: str | None
    tz: str
    start: datetime
    end: datetime


class Transit(NamedTuple):
    id: int
    kind: str
    ref: str
    from_place: str
    from_tz: str
    to_place: str
    to_tz: str
    depart: datetime
    arrive: datetime


class Where(NamedTuple):
    zone: str
    transit: Transit | None = None  # set while in transit


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# ------------------------------------------------------------------------------------------ settings


def settings(conn: sqlite3.Connection) -> dict[str, Any]:
    stored = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM setting")}
    found = {key: stored.get(key) for key in DEFAULTS}
    found["home_tz"] = found["home_tz"] or DEFAULTS["home_tz"]
    found["sleep"] = found["sleep"] or DEFAULTS["sleep"]
    if found["work_hours"] is None:
        found["work_hours"] = DEFAULTS["work_hours"]
    return found


def clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def sleep_window(text: str) -> tuple[int, int, str]:
    """(first minute, length in minutes, canonical text) of a stored sleep window "HH:MM-HH:MM"."""
    first, last = (clock(part) for part in text.split("-"))
    last %= DAY_MINUTES
    return first, (last - first) % DAY_MINUTES or DAY_MINUTES, f"{clock_text(first)}-{clock_text(last)}"


def work_week(text: str) -> tuple[bytearray, str]:
    """The week's working minutes (Monday 00:00 = 0) and canonical text of stored working hours, written as
    NomadCM stores them ("Mo-Th 09:00-17:00; Fr 09:00-12:00", "off")."""
    days: list[list[tuple[int, int]]] = [[] for _ in DAYS]
    if text.strip().casefold() != "off":
        for rule in filter(None, (r.strip() for r in text.split(";"))):
            head, _, hours = rule.partition(" ")
            ranges = (
                [] if hours.strip() == "off" else [tuple(map(clock, r.split("-"))) for r in hours.split(",")]
            )
            for piece in head.split(","):
                first, _, last = piece.partition("-")
                a, b = DAYS.index(first), DAYS.index(last or first)
                for k in range((b - a) % 7 + 1):
                    days[(a + k) % 7] = ranges  # type: ignore[assignment]
    week = bytearray(7 * DAY_MINUTES)
    for day, ranges in enumerate(days):
        for first, last in ranges:
            length = last - first if last == DAY_MINUTES else (last - first) % DAY_MINUTES or DAY_MINUTES
            for m in range(day * DAY_MINUTES + first, day * DAY_MINUTES + first + length):
                week[m % len(week)] = 1
    return week, canonical_hours(days)


def canonical_hours(days: list[list[tuple[int, int]]]) -> str:
    groups: list[str] = []
    d = 0
    while d < 7:
        if not days[d]:
            d += 1
            continue
        e = d
        while e + 1 < 7 and days[e + 1] == days[d]:
            e += 1
        span = DAYS[d] if d == e else f"{DAYS[d]}-{DAYS[e]}"
        groups.append(f"{span} " + ",".join(f"{clock_text(a)}-{clock_text(b)}" for a, b in days[d]))
        d = e + 1
    return "; ".join(groups) or "off"


# ------------------------------------------------------------------------------------------ itinerary


def itinerary(conn: sqlite3.Connection) -> tuple[list[Stay], list[Transit]]:
    stays = sorted(
        (
            Stay(i, city, country, tz, instant(start), instant(end))
            for i, city, country, tz, start, end in conn.execute(
                "SELECT id, city, country, tz, start_utc, end_utc FROM stay WHERE member_id IS NULL"
            )
        ),
        key=lambda s: (s.start, s.id),
    )
    transits = sorted(
        (
            Transit(i, kind, ref, fp, ftz, tp, ttz, instant(dep), instant(arr))
            for i, kind, ref, fp, ftz, tp, ttz, dep, arr in conn.execute(
                "SELECT id, kind, ref, from_place, from_tz, to_place, to_tz, depart_utc, arrive_utc"
                " FROM transit"
                " WHERE member_id IS NULL"
            )
        ),
        key=lambda t: (t.depart, t.id),
    )
    return stays, transits


def there(stay: Stay, zone: str, place: str) -> bool:
    """Whether a transit's end is the stay's place (same zone, or the same city name)."""
    return stay.tz == zone or stay.city.casefold() == place.split(",")[0].strip().casefold()


def where(t: datetime, stays: list[Stay], transits: list[Transit], home: str) -> Where:
    """Where she is at instant `t` (the rules of this module's docstring)."""
    for tr in transits:
        if tr.depart <= t < tr.arrive:
            return Where(tr.from_tz, tr)
    landed = max((tr for tr in transits if tr.arrive <= t), key=lambda tr: (tr.arrive, tr.id), default=None)
    leaving = next((tr for tr in transits if tr.depart > t), None)

    def believed(s: Stay) -> bool:
        if landed and landed.arrive > s.start and not there(s, landed.to_tz, landed.to_place):
            return False
        return not (leaving and leaving.depart < s.end and not there(s, leaving.from_tz, leaving.from_place))

    now = [s for s in stays if s.start <= t < s.end]
    good = [s for s in now if believed(s)]
    if good:
        return Where(good[-1].tz)
    before = [s for s in stays if s.start <= t]
    after = [s for s in stays if s.start > t]
    nearer_transit = (landed is not None and (not before or landed.arrive >= max(s.end for s in before))) or (
        leaving is not None and (not after or leaving.depart <= after[0].start)
    )
    if now or nearer_transit:
        if landed and (not now or landed.arrive > max(s.start for s in now)):
            return Where(landed.to_tz)
        if leaving:
            return Where(leaving.from_tz)
    return Where(home)


# ------------------------------------------------------------------------------------------ holidays


def zone_countries() -> dict[str, list[str]]:
    """Countries using each zone (the tz database's zone.tab, as shipped with the rules)."""
    out: dict[str, list[str]] = {}
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _coords, zone = line.split(None, 3)[:3]
            out.setdefault(zone, []).append(code)
    return out


def public_holidays(country: str | None, years: range) -> dict[date, str]:
    if not country:
        return {}
    import holidays

    try:
        return dict(holidays.country_holidays(country, years=years).items())
    except (NotImplementedError, KeyError, ValueError):
        return {}


# ------------------------------------------------------------------------------------------ the check


def refuse_what_is_out_of_scope(conn: sqlite3.Connection) -> None:
    checks = {
        "recurring scheduled posts": "SELECT count(*) FROM post WHERE status = 'scheduled' AND rrule NOTNULL",
        "team members": "SELECT count(*) FROM member",
        "workplaces (no_wifi)": "SELECT count(*) FROM workplace",
        "closures or blackouts": "SELECT count(*) FROM client_event WHERE kind IN ('closure', 'blackout')",
    }
    for what, sql in checks.items():
        if conn.execute(sql).fetchone()[0]:
            raise Refused(f"the database has {what}: not reproduced by this baseline")


def check(conn: sqlite3.Connection) -> list[dict[str, object]]:
    refuse_what_is_out_of_scope(conn)
    posts = conn.execute(
        "SELECT p.id, p.utc, ch.client_id FROM post p JOIN channel ch ON ch.id = p.channel_id "
        "WHERE p.status = 'scheduled' AND p.rrule IS NULL ORDER BY p.utc, p.id"
    ).fetchall()
    if not posts:
        return []
    first, last = instant(posts[0][1]), instant(posts[-1][1]) + timedelta(seconds=1)
    years = range(first.year - 1, last.year + 2)
    found_settings = settings(conn)
    home = found_settings["home_tz"]
    sleep_first, sleep_length, sleep_text = sleep_window(found_settings["sleep"])
    work, work_text = work_week(found_settings["work_hours"])
    stays, transits = itinerary(conn)
    zone_codes = zone_countries()
    clients = {}
    for cid, tz, country in conn.execute("SELECT id, audience_tz, country FROM client"):
        codes = zone_codes.get(tz, [])
        country = country or (codes[0] if len(codes) == 1 else None)
        clients[cid] = (zoneinfo.ZoneInfo(tz), country, public_holidays(country, years))
    acks: dict[int, set[str]] = {}
    for pid, kind in conn.execute("SELECT post_id, kind FROM conflict_ack"):
        acks.setdefault(pid, set()).add(kind)
    # Where she is changes only at stay and transit edges: one answer per stretch between two edges.
    edges = sorted(
        {e for s in stays for e in (s.start, s.end)} | {e for t in transits for e in (t.depart, t.arrive)}
    )
    edges.append(datetime.max.replace(tzinfo=UTC))
    k, here = 0, where(datetime.min.replace(tzinfo=UTC), stays, transits, home)
    zone = zoneinfo.ZoneInfo(here.zone)
    out: list[dict[str, object]] = []
    for pid, utc_text, cid in posts:
        t = instant(utc_text)
        if t >= edges[k]:
            while t >= edges[k]:
                k += 1
            here = where(t, stays, transits, home)
            zone = zoneinfo.ZoneInfo(here.zone)
        wall = t.astimezone(zone)
        minute = wall.hour * 60 + wall.minute
        found: list[tuple[str, str]] = []
        if (minute - sleep_first) % DAY_MINUTES < sleep_length:
            found.append(("sleep", f"{wall:%H:%M} in {here.zone} is inside your sleep window {sleep_text}"))
        if here.transit is not None:
            tr = here.transit
            arrives = tr.arrive.astimezone(zoneinfo.ZoneInfo(tr.to_tz))
            found.append((
                "transit",
                f"you are on your {f'{tr.kind} {tr.ref}'.strip()} {tr.from_place} → {tr.to_place} "
                f"(arrives {arrives:%Y-%m-%d %H:%M} {tr.to_tz})",
            ))  # fmt: skip
        day = wall.weekday()
        if not work[day * DAY_MINUTES + minute]:
            found.append((
                "off_hours",
                f"{WEEKDAYS[day]} {wall:%H:%M} in {here.zone} is outside your working hours ({work_text})",
            ))  # fmt: skip
        audience_zone, country, holidays = clients[cid]
        audience_day = t.astimezone(audience_zone).date()
        if audience_day in holidays:
            found.append(
                ("holiday", f"{audience_day} is a public holiday in {country} ({holidays[audience_day]})")
            )
        done = acks.get(pid, set())
        active = [(kind, text) for kind, text in found if kind not in done]
        if active:
            out.append({
                "post_id": pid,
                "utc_time": f"{t:%Y-%m-%dT%H:%M:%SZ}",
                "cm_tz": here.zone,
                "cm_time": f"{wall:%Y-%m-%d %H:%M}",
                "kinds": [kind for kind, _ in active],
                "detail": "; ".join(f"{kind}: {text}" for kind, text in active),
            })  # fmt: skip
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: check_baseline.py DATABASE", file=sys.stderr)
        return 2
    conn = sqlite3.connect(f"file:{argv[0]}?mode=ro", uri=True)
    try:
        found = check(conn)
    except Refused as err:
        print(f"check_baseline: {err}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    text = json.dumps(found, ensure_ascii=False, indent=2)
    sys.stdout.write(RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
