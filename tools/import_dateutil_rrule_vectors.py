"""Copies python-dateutil's DAILY/WEEKLY/MONTHLY/YEARLY recurrence vectors into literal test data.

dateutil's tests (tests/test_rrule.py; dateutil/test/test_rrule.py in older trees) are Python calls,
`self.assertEqual(list(rrule(YEARLY, count=3, bymonth=(1, 3), dtstart=datetime(1997, 9, 2, 9, 0))),
[datetime(1998, 1, 2, 9, 0), ...])`. This reads them with `ast` — no dateutil code runs — and writes each
`testYearly*` / `testMonthly*` / `testWeekly*` / `testDaily*` of that shape as an RRULE text, its DTSTART and
its expected occurrences, to tests/services/schedule/rrule_vectors_dateutil.py. Expected values are the
test's own literals, never computed: the vectors stay an oracle independent of the code under test.

Run:  .venv/bin/python tools/import_dateutil_rrule_vectors.py TEST_RRULE_PY COMMIT [--out PATH]
"""

from __future__ import annotations

import argparse
import ast
import re
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "services" / "schedule" / "rrule_vectors_dateutil.py"
NAME_RE = re.compile(r"^test(Yearly|Monthly|Weekly|Daily)")
LISTS = {
    "bymonth": "BYMONTH",
    "byweekno": "BYWEEKNO",
    "byyearday": "BYYEARDAY",
    "bymonthday": "BYMONTHDAY",
    "byhour": "BYHOUR",
    "byminute": "BYMINUTE",
    "bysecond": "BYSECOND",
    "bysetpos": "BYSETPOS",
    "byeaster": "BYEASTER",
}


def _ints(node: ast.expr) -> list[int]:
    value = ast.literal_eval(node)
    return list(value) if isinstance(value, tuple | list) else [value]


def _weekday(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name), ast.dump(node)
    return f"{ast.literal_eval(node.args[0])}{node.func.id}"


def _datetime(node: ast.expr) -> datetime:
    assert isinstance(node, ast.Call) and getattr(node.func, "id", "") == "datetime", ast.dump(node)
    return datetime(*(ast.literal_eval(a) for a in node.args))


Found = tuple[str, datetime, list[datetime], tuple[datetime, datetime] | None]


def _vectors(fn: ast.FunctionDef) -> list[Found] | None:
    """(rule, dtstart, expected, between) of each `assertEqual(list(rrule(...)), [...])` of a test, or of
    each `assertEqual(rrule(...).between(after, before), [...])` (an open rule seen between two times,
    both excluded). None: a statement of another shape."""
    found = []
    for statement in fn.body:
        call = statement.value if isinstance(statement, ast.Expr) else None
        if not (isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "assertEqual"):
            return None
        got, expected = call.args
        between = None
        if isinstance(got, ast.Call) and getattr(got.func, "id", "") == "list":
            rr = got.args[0]
        elif isinstance(got, ast.Call) and getattr(got.func, "attr", "") == "between" and not got.keywords:
            assert isinstance(got.func, ast.Attribute)
            rr = got.func.value
            between = (_datetime(got.args[0]), _datetime(got.args[1]))
        else:
            return None
        if not (isinstance(rr, ast.Call) and getattr(rr.func, "id", "") == "rrule"):
            return None
        if not isinstance(expected, ast.List):
            return None
        found.append((*_rule(fn.name, rr), [_datetime(e) for e in expected.elts], between))
    return found


def _rule(name: str, rr: ast.Call) -> tuple[str, datetime]:
    assert isinstance(rr.args[0], ast.Name)
    parts = [f"FREQ={rr.args[0].id}"]
    dtstart = None
    for kw in rr.keywords:
        if kw.arg == "dtstart":
            dtstart = _datetime(kw.value)
        elif kw.arg in ("count", "interval"):
            parts.append(f"{kw.arg.upper()}={ast.literal_eval(kw.value)}")
        elif kw.arg in LISTS:
            parts.append(f"{LISTS[kw.arg]}=" + ",".join(str(v) for v in _ints(kw.value)))
        elif kw.arg == "byweekday":
            days = kw.value.elts if isinstance(kw.value, ast.Tuple | ast.List) else [kw.value]
            parts.append("BYDAY=" + ",".join(_weekday(d) for d in days))
        elif kw.arg == "wkst":
            parts.append(f"WKST={_weekday(kw.value)}")
        elif kw.arg == "until":
            parts.append(f"UNTIL={_datetime(kw.value):%Y%m%dT%H%M%S}")
        else:
            raise SystemExit(f"{name}: unknown argument {kw.arg}")
    assert dtstart is not None, name
    return ";".join(parts), dtstart


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path)
    parser.add_argument("commit")
    parser.add_argument("--path", default="tests/test_rrule.py", help="the file's path in the repository")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    tree = ast.parse(args.source.read_text(encoding="utf-8"))
    url = f"https://github.com/dateutil/dateutil/blob/{args.commit}/{args.path}"
    rows = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and NAME_RE.match(node.name):
            found = _vectors(node)
            if found is None:
                raise SystemExit(f"{node.name}: not of the expected shape")
            for i, (rule, dtstart, expected, between) in enumerate(found):
                name = node.name if i == 0 else f"{node.name}#{i + 1}"
                times = ", ".join(f'"{e:%Y-%m-%d %H:%M:%S}"' for e in expected)
                seen = (
                    "None"
                    if between is None
                    else f'("{between[0]:%Y-%m-%d %H:%M:%S}", "{between[1]:%Y-%m-%d %H:%M:%S}")'
                )
                rows.append(
                    f'    ("{name}", "{url}#L{node.lineno}", "{dtstart:%Y-%m-%d %H:%M:%S}", "{rule}", ({times},), '
                    f"{seen}),"
                )
    header = f'''"""python-dateutil's DAILY/WEEKLY/MONTHLY/YEARLY recurrence vectors, copied as literal data.

Source: {url} (dateutil commit {args.commit}), the tests named testYearly*, testMonthly*, testWeekly* and
testDaily*. Written by tools/import_dateutil_rrule_vectors.py from the test file's syntax tree (no dateutil
code ran): each row is (test name, source line, DTSTART, the rrule() arguments as RRULE text, the test's
expected datetimes, and for a test of `.between(after, before)` those two bounds, both excluded; else None).
Do not edit by hand; run the tool again.
"""

# fmt: off
DATEUTIL_VECTORS: tuple[tuple[str, str, str, str, tuple[str, ...], tuple[str, str] | None], ...] = (
'''
    args.out.write_text(header + "\n".join(rows) + "\n)\n", encoding="utf-8")
    print(f"{len(rows)} vectors written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
