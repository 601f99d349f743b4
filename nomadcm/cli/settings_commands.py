"""`nomadcm settings set KEY VALUE | list [--json]`: registered by cli/schedule.py in the foundation's commands;
each area adds its own keys with `register_setting` (home-tz here)."""

from __future__ import annotations

import argparse

from nomadcm.cli.arguments import free_text
from nomadcm.cli.common import (
    SETTING_SETTERS,
    CliContext,
    command_group,
    echo,
    parse_zone,
    print_json,
    print_table,
    register_setting,
)
from nomadcm.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    settings = command_group(sub, "settings", "show or change settings")
    p = settings.add_parser("set", help="change a setting (home-tz, ...)")
    p.add_argument("key")
    p.add_argument("value", type=free_text, help="each key reads its own (work-hours '' means none)")
    p.set_defaults(handler=settings_set)
    p = settings.add_parser("list", help="show every setting")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=settings_list)
    register_setting("home-tz", _set_home_tz, "your home time zone (IANA), used outside stays and transits")


def _set_home_tz(ctx: CliContext, value: str) -> str:
    zone = parse_zone(value, "home-tz")
    return ctx.services.settings.set_home_tz(zone)


def settings_set(ctx: CliContext, args: argparse.Namespace) -> int:
    entry = SETTING_SETTERS.get(args.key)
    if entry is None:
        raise ValidationError(f"unknown setting {args.key!r} (one of: {', '.join(sorted(SETTING_SETTERS))})")
    stored = entry[0](ctx, args.value)
    echo(f"{args.key} = {stored}")
    return 0


def settings_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.wellbeing.goals import private_values

    # The wellbeing goals and timers as her own file holds them (services/wellbeing/personal_file.py).
    values = {**ctx.services.settings.all(), **private_values(ctx.services.personal_settings)}
    if args.json:
        print_json(values)
    else:
        print_table(["setting", "value"], [[k, v] for k, v in sorted(values.items())])
    return 0
