"""The team shots of tools/screenshots.py: the sample database turned into a team of two (Ana founds it and
keeps the sample's travels; Bob, in Bangkok, is assigned a few posts), seen by Ana — the Schedule (each of
Bob's posts at his time), the Travel page (whose itinerary) and one of Bob's posts in its dialog (the live
line names his time)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any


def make_team(services: Any) -> int:
    """Members on the sample database; returns one post assigned to Bob."""
    from nomadcm import timezones
    from nomadcm.services.schedule.query import ScheduleFilter
    from nomadcm.services.travel.trip_records import StayInput

    members = services.members
    members.add("Ana", "ana@example.org")
    members.use("Ana")
    bob = members.add("Bob", "bob@example.org")
    members.set_role("Bob", [c.name for c in services.clients.list_clients()], "editor")
    today = timezones.now_utc().date()
    members.use("Bob")
    services.settings.set_home_tz("Asia/Bangkok")
    services.trips.add_stay(
        StayInput("Bangkok", "Asia/Bangkok", today - timedelta(days=20), today + timedelta(days=40), "TH")
    )
    members.use("Ana")
    rows = services.schedule(ScheduleFilter(start=timezones.now_utc())).rows(limit=40)
    assigned = [o for o in rows if not o.recurring][::3][:6]
    for o in assigned:
        post = services.posts.get(o.post_id)
        services.posts.update(o.post_id, replace(post.to_draft(), assignee_id=bob.id))
    return assigned[0].post_id


def shoot_team(app: Any, services: Any, home: Path, out: Path, languages: tuple[str, ...]) -> list[Path]:
    from PySide6.QtCore import QLocale, QSettings
    from screenshots import SIZE, grab, settle, shoot_dialog  # tools/ is the script's folder

    from nomadcm.ui.i18n import Translations
    from nomadcm.ui.identity import choose_member
    from nomadcm.ui.main_window import MainWindow

    bobs_post = make_team(services)
    written: list[Path] = []
    for language in languages:
        translations = Translations(app)
        translations.apply(language, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        settings = QSettings(str(home / f"window-team-{language}.ini"), QSettings.Format.IniFormat)
        choose_member(services, settings, "Ana")
        window = MainWindow(services, settings)
        window.resize(*SIZE)
        window.show()
        settle(app, 800)
        folder = out / language
        written.append(grab(window, folder / "team-schedule.png"))
        window.show_page("travel")
        settle(app)
        written.append(grab(window, folder / "team-travel.png"))
        page = window.show_page("schedule")
        shot = shoot_dialog(app, window, lambda p=page: p.edit_post(bobs_post), folder / "team-post.png")
        written += [shot] if shot is not None else []
        window._quitting = True
        window.close()
        window.deleteLater()
        settle(app, 100)
        translations.remove()
    return written
