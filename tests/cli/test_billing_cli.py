"""`nomadcm contract|work|hours|statement`: the commands, their JSON, and one-line refusals (exit 2)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest
from cli_runner import Cli


@pytest.fixture
def cli(db_arg: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(db_arg, capsys)
    cli.ok("client", "add", "Atelier Boréal", "--tz", "America/Toronto")
    return cli


def test_contract_set_and_list(cli: Cli) -> None:
    out = cli.ok(
        "contract", "set", "atelier boréal", "--retainer", "800", "--included-hours", "10", "--currency", "cad",
        "--from", "2026-01-01", "--language", "en",
    )  # fmt: skip
    assert out == "Atelier Boréal: retainer, CAD 800.00 a month for 10 h 00, from 2026-01-01\n"
    code, out, err = cli(
        "contract", "set", "Atelier Boréal", "--hourly", "45,50", "--currency", "CAD", "--from", "2026-06-01"
    )
    assert code == 0 and "ended the retainer contract from 2026-01-01 on 2026-05-31" in err
    listed = json.loads(cli.ok("contract", "list", "--json"))
    assert listed == [
        {
            "id": 1, "client": "Atelier Boréal", "kind": "retainer", "currency": "CAD", "rate": None,
            "retainer": "800.00", "included_minutes": 600, "from": "2026-01-01", "to": "2026-05-31",
            "tracked_billable": True,
        },
        {
            "id": 2, "client": "Atelier Boréal", "kind": "hourly", "currency": "CAD", "rate": "45.50",
            "retainer": None, "included_minutes": None, "from": "2026-06-01", "to": None, "tracked_billable": True,
        },
    ]  # fmt: skip
    assert "removed contract #2" in cli.ok("contract", "remove", "2")


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("--hourly", "45", "--currency", "EURO"), "'EURO'"),
        (("--hourly", "45.505", "--currency", "EUR"), "'45.505'"),
        (("--hourly", "quarante", "--currency", "EUR"), "'quarante'"),
        (("--retainer", "800", "--currency", "EUR"), "--included-hours"),
        (("--retainer", "800", "--included-hours", "dix", "--currency", "EUR"), "'dix'"),
        (("--hourly", "45", "--included-hours", "3", "--currency", "EUR"), "--included-hours"),
        (("--hourly", "45", "--currency", "EUR", "--from", "2101-01-01"), "2101-01-01"),
        (("--hourly", "45", "--currency", "EUR", "--from", "2026-02-30"), "2026-02-30"),
        (("--hourly", "45", "--currency", "EUR", "--language", "de"), "'de'"),
    ],
)
def test_contract_set_refuses_bad_values_by_name(cli: Cli, args: tuple[str, ...], names: str) -> None:
    assert names in cli.refused("contract", "set", "Atelier Boréal", *args)
    assert json.loads(cli.ok("contract", "list", "--json")) == []


def test_unknown_client_is_named(cli: Cli) -> None:
    assert "'Nobody'" in cli.refused("contract", "set", "Nobody", "--hourly", "45", "--currency", "EUR")
    assert "'Nobody'" in cli.refused("statement", "Nobody", "--month", "2026-03")


def test_work_log_list_remove(cli: Cli) -> None:
    out = cli.ok(
        "work",
        "log",
        "Atelier Boréal",
        "--from",
        "2026-03-31 23:00",
        "--to",
        "2026-04-01 01:30",
        "--note",
        "Appel",
    )
    assert (
        out == "logged 2 h 30 for Atelier Boréal (billable): 2026-03-31 23:00–2026-04-01 01:30 Europe/Paris\n"
    )
    entry = json.loads(
        cli.ok("work", "log", "Atelier Boréal", "--from", "2026-03-10 09:00", "--to", "2026-03-10 10:00",
               "--tz", "America/Toronto", "--not-billable", "--json")
    )  # fmt: skip
    assert entry == {
        "id": 2, "client": "Atelier Boréal", "start": "2026-03-10T13:00:00Z", "end": "2026-03-10T14:00:00Z",
        "tz": "America/Toronto", "minutes": 60, "billable": False, "note": "",
    }  # fmt: skip
    march = json.loads(cli.ok("work", "list", "--month", "2026-03", "--json"))
    assert [e["id"] for e in march] == [2, 1]  # the workshop reaches into March
    assert [
        e["id"] for e in json.loads(cli.ok("work", "list", "Atelier Boréal", "--month", "2026-04", "--json"))
    ] == [1]
    assert "removed 2 work entries" in cli.ok("work", "remove", "1", "2")
    assert "#7" in cli.refused("work", "remove", "7")


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("--from", "2026-03-10 10:00", "--to", "2026-03-10 09:00"), "--to"),
        (("--from", "2026-03-10 09:00", "--to", "2026-03-11 10:00"), "25.0 h"),
        (("--from", "2026-03-29 02:30", "--to", "2026-03-29 04:00"), "02:30"),  # Paris skipped 02:00-03:00
        (("--from", "2026-13-01 02:30", "--to", "2026-03-29 04:00"), "2026-13-01"),
        (("--from", "2026-03-10 09:00", "--to", "2026-03-10 10:00", "--tz", "Mars/Olympus"), "Mars/Olympus"),
    ],
)
def test_work_log_refuses_bad_times_by_name(cli: Cli, args: tuple[str, ...], names: str) -> None:
    assert names in cli.refused("work", "log", "Atelier Boréal", *args)


def test_hours_month_view_json_and_warning(cli: Cli, tmp_path: Path) -> None:
    cli.ok(
        "contract",
        "set",
        "Atelier Boréal",
        "--retainer",
        "800",
        "--included-hours",
        "10",
        "--currency",
        "CAD",
        "--from",
        "2026-01-01",
    )
    cli.ok("work", "log", "Atelier Boréal", "--from", "2026-03-10 08:00", "--to", "2026-03-10 20:00")
    cli.ok("work", "log", "Atelier Boréal", "--from", "2026-03-11 09:00", "--to", "2026-03-11 13:40")
    (month,) = json.loads(cli.ok("hours", "--month", "2026-03", "--json"))
    assert month == {
        "client": "Atelier Boréal", "month": "2026-03", "worked_minutes": 1000, "billable_minutes": 1000,
        "paid_minutes": 600, "unpaid_minutes": 400, "without_contract_minutes": 0, "currency": "CAD",
        "earned": "800.00", "effective_hourly_rate": "48.00", "warning": True, "contracts": [1],
    }  # fmt: skip
    out = cli.ok("hours", "--month", "2026-03")
    assert "you gave Atelier Boréal 6 h 40 this month" in out
    cli.ok("settings", "set", "unpaid-warning-hours", "7")
    assert "you gave" not in cli.ok("hours", "--month", "2026-03")
    chart = tmp_path / "hours.png"
    rows = json.loads(
        cli.ok("hours", "--from", "2026-01", "--to", "2026-04", "--json", "--chart", str(chart))
    )
    assert [r["month"] for r in rows] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert chart.read_bytes().startswith(b"\x89PNG")
    assert "'2026-13'" in cli.refused("hours", "--month", "2026-13")
    assert "--chart" in cli.refused("hours", "--chart", str(tmp_path / "x.gif"))
    assert "at most 120 months" in cli.refused("hours", "--from", "2000-01", "--to", "2026-01")


def test_statement_pdf_csv_and_stdout(cli: Cli, tmp_path: Path) -> None:
    cli.ok("contract", "set", "Atelier Boréal", "--hourly", "60", "--currency", "EUR", "--from", "2026-01-01")
    cli.ok(
        "work",
        "log",
        "Atelier Boréal",
        "--from",
        "2026-03-10 09:00",
        "--to",
        "2026-03-10 11:30",
        "--note",
        "Atelier",
    )
    pdf = tmp_path / "releve.pdf"
    assert cli.ok("statement", "Atelier Boréal", "--month", "2026-03", "-o", str(pdf)) == f"wrote {pdf}\n"
    text = pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    assert "Montant du mois 150,00\u00a0EUR" in text and "Heures travaillées 2 h 30" in text
    english = tmp_path / "statement.pdf"
    cli.ok("statement", "Atelier Boréal", "--month", "2026-03", "-o", str(english), "--language", "en")
    assert "Amount for the month EUR 150.00" in pypdf.PdfReader(english).pages[0].extract_text()
    out = cli.ok("statement", "Atelier Boréal", "--month", "2026-03")
    assert out.splitlines()[1].startswith(
        "2026-03-10,09:00,11:30,Europe/Paris,2 h 30,2.50,Saisie manuelle,oui,Atelier"
    )
    assert ".pdf or .csv" in cli.refused(
        "statement", "Atelier Boréal", "--month", "2026-03", "-o", str(tmp_path / "a.txt")
    )
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    assert "folder" in cli.refused("statement", "Atelier Boréal", "--month", "2026-03", "-o", str(folder))
