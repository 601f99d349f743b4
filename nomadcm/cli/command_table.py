"""The top-level commands of `nomadcm`, in the order `nomadcm --help` lists them, and the area modules that
register under each (issue 14: a command imports only the areas it uses).

`cli.parser_for(argv)` builds every other command as a stub carrying its help line, and imports only the
modules listed for the command typed: `nomadcm client list` loads cli/schedule.py, not billing or travel.
A command that several areas fill (`post`, `import`, `settings`: its keys) lists them all, in the order of
`AREA_MODULES`. tests/cli/test_lazy_commands.py rebuilds this table from the real registration: a command
added, moved or re-worded in an area module fails it until the table says the same.
"""

from __future__ import annotations

from typing import NamedTuple

AREA_PACKAGE = "nomadcm.cli"


class Command(NamedTuple):
    name: str
    help: str
    areas: tuple[str, ...]  # modules under nomadcm/cli/ whose `register` adds to this command

    @property
    def modules(self) -> tuple[str, ...]:
        return tuple(f"{AREA_PACKAGE}.{area}" for area in self.areas)


# fmt: off
COMMANDS: tuple[Command, ...] = (
    Command('client', 'manage clients', ('schedule',)),
    Command('channel', "manage a client's channels", ('schedule',)),
    Command('post', 'schedule posts', ('schedule', 'publishing')),
    Command('settings', 'show or change settings', ('schedule', 'publishing', 'travel', 'wellbeing', 'billing')),
    Command('export', 'export the schedule', ('schedule', 'publishing')),
    Command('import', 'import data', ('schedule', 'wellbeing')),
    Command('event', "the clients' events: launches, closures, promotions, press days", ('events',)),
    Command('queue', 'posting slots per channel, and adding posts to the next free one', ('publishing',)),
    Command('reminders', 'posts to publish by hand: due soon and missed', ('publishing',)),
    Command('stay', 'the places you stay in (your itinerary)', ('travel',)),
    Command('transit', 'flights, trains... between stays', ('travel',)),
    Command('trip', 'your itinerary as a whole', ('travel',)),
    Command('city', 'the offline city table', ('travel',)),
    Command('check', 'scheduled posts that fall while you sleep, travel, are off, or on a holiday', ('travel',)),
    Command('conflict', 'acknowledge conflicts so they stop nagging', ('travel',)),
    Command('place', 'WiFi workplaces: cafés, coworkings, libraries…', ('places',)),
    Command('speedtest', 'WiFi speed tests of a place (never overwritten)', ('places',)),
    Command('log', 'log screen time or rest', ('wellbeing',)),
    Command('report', 'screen time and rest per day, with goal warnings', ('wellbeing',)),
    Command('chart', 'save the wellbeing chart as PNG or SVG', ('wellbeing',)),
    Command('contract', "a client's contract: hourly rate or monthly retainer", ('billing',)),
    Command('work', 'work for a client that NomadCM did not measure (a call, a workshop)', ('billing',)),
    Command('hours', 'hours worked, paid and unpaid per client and month', ('billing',)),
    Command('statement', "a client's monthly statement, as PDF or CSV (in the client's language)", ('billing',)),
    Command('desktop', "the app's launcher in the desktop menu", ('desktop',)),
    Command('demo', 'sample data to explore NomadCM (a separate database)', ('desktop',)),
    Command('backup', 'copies of the database: list, make, restore', ('backups',)),
    Command('team', 'a team database on a PostgreSQL server: its schema, its members and their roles', ('team',)),
)
# fmt: on

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
