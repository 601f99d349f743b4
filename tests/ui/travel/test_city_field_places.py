"""The stay dialog's city field suggests the places nomads go (issue 15), likeliest first, in French too."""

from __future__ import annotations

from nomadcm.ui.travel.city_search import CityField


def _suggestions(qtbot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    field = CityField()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest aborts on a key it has no code for ("é"): the text as an input method would give it
        field.setText(text)
        field.textEdited.emit(text)
    model = field.completer().model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_bali_suggests_the_island_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    shown = _suggestions(qtbot, "Bali")
    assert shown[0].startswith("Bali, Indonesia — Asia/Makassar")
    assert any("India" in s for s in shown[1:]) and any("Cameroon" in s for s in shown[1:])


def test_french_spelling_shows_what_it_matched(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _suggestions(qtbot, "Pékin")[0].startswith("Beijing (Pékin), China — Asia/Shanghai")
    assert _suggestions(qtbot, "Mexico")[0].startswith("Mexico City (México), Mexico — America/Mexico_City")


def test_a_place_without_a_head_count_shows_no_zero(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = _suggestions(qtbot, "Canggu")[0]
    assert first == "Canggu, Indonesia — Asia/Makassar"


def test_picking_an_island_gives_its_zone(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = CityField()
    qtbot.addWidget(field)
    seen = []
    field.citySelected.connect(seen.append)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "la reunion")
    field.editingFinished.emit()  # leaving the field with an exact name picks it
    assert field.text() == "La Réunion" and seen and seen[0].tz == "Indian/Reunion"
