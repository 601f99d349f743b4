"""`safe_filename`: a suggested file name made from user data is one harmless path component."""

from __future__ import annotations

import pytest

from nomadcm.file_names import safe_filename


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("checklist-lisbon-2027-05-01", "checklist-lisbon-2027-05-01.pdf"),
        ("checklist-../../../tmp/x-2027-05-01", "checklist-tmp-x-2027-05-01.pdf"),
        ("../../../tmp/x", "tmp-x.pdf"),
        ("..\\..\\Windows\\x", "Windows-x.pdf"),
        ("/etc/passwd", "etc-passwd.pdf"),
        ('a<b>c:d"e|f?g*h', "a-b-c-d-e-f-g-h.pdf"),
        ("Evil\x1b[2J\nname", "Evil-[2J-name.pdf"),
        ("a..b", "a.b.pdf"),
        (".hidden", "hidden.pdf"),
        ("trailing. ", "trailing.pdf"),
        ("St. Petersburg", "St. Petersburg.pdf"),
        ("Érable Café", "Érable Café.pdf"),
        ("CON", "_CON.pdf"),
        ("nul.tar", "_nul.tar.pdf"),
        ("com1", "_com1.pdf"),
        ("console", "console.pdf"),
        ("", "nomadcm.pdf"),
        ("../..", "nomadcm.pdf"),
        ("\x00\x01", "nomadcm.pdf"),
    ],
)
def test_safe_filename(text: str, expected: str) -> None:
    assert safe_filename(text, ".pdf") == expected


def test_a_long_name_is_cut_on_a_character_and_keeps_its_suffix() -> None:
    name = safe_filename("é" * 300, ".csv")
    assert name.endswith("é.csv") and len(name.encode("utf-8")) <= 120
    assert len(safe_filename("x" * 1000, max_bytes=50)) == 50


def test_the_result_is_always_one_plain_component() -> None:
    for text in ("../x", "a/b", "..", ".", "~/x", "C:\\x", " ", "-", "a/../../b"):
        name = safe_filename(text)
        assert name and "/" not in name and "\\" not in name and ".." not in name
        assert not name.startswith((".", "-", " ")) and not name.endswith((".", " "))


def test_the_fallback_is_used_only_when_nothing_is_left() -> None:
    assert safe_filename("///", ".ics", fallback="schedule") == "schedule.ics"
    assert safe_filename("ok", fallback="schedule") == "ok"
