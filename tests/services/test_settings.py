"""SettingsService: JSON values over the `setting` table, defaults, and the home zone."""

from __future__ import annotations

import pytest

from nomadcm.errors import ValidationError
from nomadcm.services.settings import DEFAULT_HOME_TZ, DEFAULTS, SettingsService
from nomadcm.storage import Database


def test_defaults_before_anything_is_stored(db: Database) -> None:
    svc = SettingsService(db)
    assert svc.home_tz() == DEFAULT_HOME_TZ == DEFAULTS["home_tz"]
    assert svc.get("day_start") == "04:00"
    assert svc.get("no_such_setting") is None
    assert svc.get("no_such_setting", 42) == 42
    assert svc.all() == DEFAULTS


def test_values_round_trip_as_json(db: Database) -> None:
    svc = SettingsService(db)
    values = {"n": 3, "f": 7.5, "b": True, "s": "Montréal", "l": [1, "deux"], "d": {"phone": None}}
    for key, value in values.items():
        svc.set(key, value)
    fresh = SettingsService(db)  # nothing cached in the service
    for key, value in values.items():
        assert fresh.get(key) == value
    svc.set("n", 4)  # overwrite
    assert fresh.get("n") == 4
    assert fresh.all() == {**DEFAULTS, **values, "n": 4}


def test_a_stored_false_is_not_replaced_by_the_default(db: Database) -> None:
    svc = SettingsService(db)
    svc.set("screen_limit_warning", False)
    assert DEFAULTS["screen_limit_warning"] is True
    assert svc.get("screen_limit_warning") is False
    svc.set("language", "")
    assert svc.get("language", "fr") == ""  # an explicit default does not hide a stored value


def test_home_tz_is_checked_and_canonical(db: Database) -> None:
    svc = SettingsService(db)
    assert svc.set_home_tz("america/toronto") == "America/Toronto"
    assert svc.home_tz() == "America/Toronto"
    with pytest.raises(ValidationError) as caught:
        svc.set_home_tz("Europe/Pariss")
    assert "'Europe/Pariss'" in str(caught.value)
    assert svc.home_tz() == "America/Toronto"


def test_settings_survive_reopening(db_path) -> None:  # type: ignore[no-untyped-def]
    db = Database.open(db_path)
    SettingsService(db).set_home_tz("Indian/Antananarivo")
    db.close()
    db = Database.open(db_path)
    try:
        assert SettingsService(db).home_tz() == "Indian/Antananarivo"
    finally:
        db.close()
