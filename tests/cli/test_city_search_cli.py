"""`nomadcm city search` finds the places nomads go (issue 15), in English and French, likeliest first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nomadcm.cli import main


def search(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    code = main(["--db", str(tmp_path / "cli.sqlite3"), "city", "search", *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize(
    ("text", "name", "country", "tz"),
    [
        ("Canggu", "Canggu", "ID", "Asia/Makassar"),
        ("Nosy Be", "Nosy Be", "MG", "Indian/Antananarivo"),
        ("Bansko", "Bansko", "BG", "Europe/Sofia"),
        ("Tahiti", "Tahiti", "PF", "Pacific/Tahiti"),
        ("Bali", "Bali", "ID", "Asia/Makassar"),
        ("La Réunion", "La Réunion", "RE", "Indian/Reunion"),
        ("Corse", "Corse", "FR", "Europe/Paris"),
        ("Corsica", "Corse", "FR", "Europe/Paris"),
        ("Mexico", "Mexico City", "MX", "America/Mexico_City"),
        ("Pékin", "Beijing", "CN", "Asia/Shanghai"),
    ],
)
def test_city_search_puts_the_place_meant_first(tmp_path, capsys, text, name, country, tz) -> None:  # type: ignore[no-untyped-def]
    found = search(tmp_path, capsys, text, "--limit", "3")
    assert (found[0]["name"], found[0]["country"], found[0]["tz"]) == (name, country, tz)


def test_the_french_spelling_matched_is_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert search(tmp_path, capsys, "Pékin")[0]["matched"] == "Pékin"
    code = main(["--db", str(tmp_path / "cli.sqlite3"), "city", "search", "Pékin", "--limit", "2"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert "Beijing (Pékin)" in lines[1] and "Pekin" in lines[2] and "United States" in lines[2]
