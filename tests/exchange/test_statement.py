"""Monthly statements: the PDF is a PDF whose text (read by pypdf, not by us) has the month's numbers, in the
client's language; the CSV has a line per day's part of each piece of work and the same figures."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest

from nomadcm.exchange.hours_chart import save_hours_chart
from nomadcm.exchange.output_targets import RefusedTarget
from nomadcm.exchange.statement_csv import write_statement_csv
from nomadcm.exchange.statement_pdf import PAGE_ROWS, statement_pdf_bytes, write_statement_pdf
from nomadcm.services.billing.contracts import ContractTerms
from nomadcm.services.container import Services

PARIS = ZoneInfo("Europe/Paris")
MARCH = date(2026, 3, 1)


def paris(*wall: int) -> datetime:
    return datetime(*wall, tzinfo=PARIS).astimezone(UTC)  # type: ignore[misc]


@pytest.fixture
def client_id(services: Services) -> int:
    client = services.clients.add_client("Atelier Boréal", "America/Toronto")
    terms = ContractTerms("retainer", "CAD", retainer_minor=80000, included_minutes=600)
    services.billing.set_contract(client.id, terms, date(2026, 1, 1))
    for day in range(2, 6):  # 4 × 4 h 10 = 16 h 40 in March
        services.wellbeing.add_screen(
            "laptop", paris(2026, 3, day, 9), paris(2026, 3, day, 13, 10), client_id=client.id, source="timer"
        )
    # a workshop over midnight at the end of the month: 30 minutes count in March, one hour in April
    services.billing.add_entry(
        client.id, paris(2026, 3, 31, 23, 30), paris(2026, 4, 1, 1, 0), note="Atelier $stratégie$ = 1"
    )
    return client.id


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_states_the_month_in_french(services: Services, client_id: int, tmp_path: Path) -> None:
    path = write_statement_pdf(services.billing.statement(client_id, MARCH), tmp_path / "releve.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert (
        reader.metadata is not None
        and reader.metadata.title == "Relevé d’heures — Atelier Boréal — mars 2026"
    )
    text = pdf_text(data)
    for expected in (
        "Relevé d’heures",
        "Atelier Boréal",
        "mars 2026",
        "forfait mensuel de 800,00\u00a0CAD pour 10 h 00, depuis le 1 janvier 2026",
        "Heures travaillées 17 h 10",  # 16 h 40 measured + 30 min of the workshop
        "Heures payées 10 h 00",
        "Heures non payées 7 h 10",
        "Montant du mois 800,00\u00a0CAD",
        "lun. 2 mars 09:00–13:10 4 h 10 Paris Minuteur oui",
        "mar. 31 mars 23:30–24:00 0 h 30 Paris Saisie manuelle oui Atelier $stratégie$ = 1",
        "Total 17 h 10",
        "page 1 sur 1",
    ):
        assert expected in text, expected


def test_the_pdf_speaks_english_for_an_english_client(services: Services, client_id: int) -> None:
    services.billing.set_language(client_id, "en")
    text = pdf_text(statement_pdf_bytes(services.billing.statement(client_id, date(2026, 4, 1))))
    assert "Statement of hours" in text and "April 2026" in text
    assert "Hours worked 1 h 00" in text and "Wed 1 Apr 00:00–01:00 1 h 00 Paris Logged by hand yes" in text
    assert "Amount for the month CAD 800.00" in text and "Effective hourly rate CAD 800.00 / h" in text


def test_a_long_month_runs_over_pages_and_an_empty_one_says_so(services: Services, client_id: int) -> None:
    for day in range(1, 31):
        for hour in (8, 14):
            services.billing.add_entry(client_id, paris(2026, 6, day, hour), paris(2026, 6, day, hour + 1))
    text = pdf_text(statement_pdf_bytes(services.billing.statement(client_id, date(2026, 6, 1))))
    assert "page 2 sur 2" in text and "Total 60 h 00" in text and PAGE_ROWS > 26
    empty = pdf_text(statement_pdf_bytes(services.billing.statement(client_id, date(2026, 8, 1))))
    assert "Aucune heure ce mois-ci." in empty


def test_the_csv_lists_each_days_part_and_the_figures(
    services: Services, client_id: int, tmp_path: Path
) -> None:
    path = write_statement_csv(services.billing.statement(client_id, MARCH), tmp_path / "releve.csv")
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Date", "Début", "Fin", "Fuseau"]
    assert rows[1] == [
        "2026-03-02",
        "09:00",
        "13:10",
        "Europe/Paris",
        "4 h 10",
        "4.17",
        "Minuteur",
        "oui",
        "",
    ]
    assert rows[5] == [
        "2026-03-31",
        "23:30",
        "24:00",
        "Europe/Paris",
        "0 h 30",
        "0.50",
        "Saisie manuelle",
        "oui",
        "Atelier $stratégie$ = 1",
    ]
    figures = {r[0]: r[4:6] for r in rows if len(r) >= 6 and r[0].startswith("Heures")}
    assert figures["Heures travaillées"] == ["17 h 10", "17.17"]
    assert figures["Heures non payées"] == ["7 h 10", "7.17"]
    assert ["Montant du mois", "", "", "", "800.00", "CAD"] in rows


def test_notes_that_look_like_formulas_stay_text(services: Services, client_id: int, tmp_path: Path) -> None:
    services.billing.add_entry(client_id, paris(2026, 5, 4, 9), paris(2026, 5, 4, 10), note="=HYPERLINK(1)")
    path = write_statement_csv(services.billing.statement(client_id, date(2026, 5, 1)), tmp_path / "may.csv")
    assert "'=HYPERLINK(1)" in path.read_text(encoding="utf-8-sig")


def test_a_statement_never_overwrites_the_database(services: Services, client_id: int, db_path: Path) -> None:
    statement = services.billing.statement(client_id, MARCH)
    if services.db_path is None:
        pytest.skip("a team database has no file")
    with pytest.raises(RefusedTarget):
        write_statement_pdf(statement, services.db_path)
    with pytest.raises(RefusedTarget):
        write_statement_csv(statement, services.db_path)


def test_the_chart_is_written_as_png_and_svg(services: Services, client_id: int, tmp_path: Path) -> None:
    months = services.billing.months(date(2026, 1, 1), date(2026, 4, 1))
    png = save_hours_chart(months, tmp_path / "hours.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    svg = save_hours_chart(months, tmp_path / "hours.svg", text=None).read_text()
    assert "<svg" in svg
