"""CLI for publishing by hand: a channel's posting slots and its queue (`queue slots|list|add`), and the
reminders of posts due soon or missed (`reminders list`, `settings set reminder-minutes`).

Registered by `cli/publishing.py`, after its own commands (the order of `nomadcm --help`).
"""

from __future__ import annotations

import argparse
from datetime import datetime

from nomadcm import timezones
from nomadcm.cli.arguments import count_between
from nomadcm.cli.common import CliContext, command_group, echo, print_json, print_table, register_setting
from nomadcm.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    queue = command_group(sub, "queue", "posting slots per channel, and adding posts to the next free one")
    p = queue.add_parser("slots", help="show or set a channel's weekly posting slots (audience time)")
    p.add_argument("--client", required=True, metavar="NAME")
    p.add_argument("--channel", required=True, metavar="NETWORK", help="network, or network:handle")
    p.add_argument("--set", metavar="SLOTS", help='e.g. "Mo-Fr 09:00,18:00; Sa 10:00" (replaces them)')
    p.add_argument("--clear", action="store_true", help="remove every slot")
    p.set_defaults(handler=queue_slots)
    p = queue.add_parser("list", help="upcoming free and taken slots of a channel")
    p.add_argument("--client", required=True, metavar="NAME")
    p.add_argument("--channel", required=True, metavar="NETWORK")
    p.add_argument(
        "--days", type=count_between(1, 366), default=14, metavar="N", help="how many days ahead (1-366)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=queue_list)
    p = queue.add_parser("add", help="schedule a post at the channel's next free slot")
    p.add_argument("--client", required=True, metavar="NAME")
    p.add_argument("--channel", required=True, metavar="NETWORK")
    p.add_argument("--text", required=True)
    p.add_argument("--link", default="")
    p.add_argument("--tags", default="", metavar="a,b")
    p.set_defaults(handler=queue_add)

    reminders = command_group(sub, "reminders", "posts to publish by hand: due soon and missed")
    p = reminders.add_parser("list", help="posts due within the reminder time, and missed ones")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=reminders_list)
    register_setting("reminder-minutes", _set_reminder_minutes, "minutes before a post is due to remind you")


def find_channel(ctx: CliContext, client: str, channel: str):  # type: ignore[no-untyped-def]
    network, _, handle = channel.partition(":")
    return ctx.services.clients.find_channel(client, network, handle or None)


def queue_slots(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.publishing.slots import parse_slots

    pairs = parse_slots(args.set) if args.set else None
    channel = find_channel(ctx, args.client, args.channel)
    svc = ctx.services.slots
    if args.clear:
        svc.set_slots(channel.id, [])
    elif pairs is not None:
        svc.set_slots(channel.id, pairs)
    slots = svc.list_slots(channel.id)
    zone = svc.zone_of(channel.id)
    if not slots:
        echo(f"{channel.client_name} {channel.label}: no posting slot")
        return 0
    echo(f"{channel.client_name} {channel.label} ({zone}): " + ", ".join(s.label for s in slots))
    return 0


def queue_list(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.days < 1:
        raise ValidationError(f"--days {args.days}: at least 1")
    channel = find_channel(ctx, args.client, args.channel)
    found = ctx.services.slots.upcoming(channel.id, days=args.days)
    if args.json:
        print_json(
            [
                {
                    "audience_tz": t.zone,
                    "audience_time": f"{t.wall:%Y-%m-%d %H:%M}",
                    "utc_time": timezones.format_utc(t.utc),
                    "free": t.free,
                    "post_id": t.post_id,
                }
                for t in found
            ]
        )
        return 0
    print_table(
        ["audience time", "slot", "post"],
        [
            [
                f"{t.wall:%a %Y-%m-%d %H:%M}" + (" (DST)" if t.gap_shifted else ""),
                "free" if t.free else "taken",
                "" if t.free else f"{t.post_id}: {(t.post_text.splitlines() or [''])[0][:40]}",
            ]
            for t in found
        ],
    )
    return 0


def queue_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.schedule.post_writes import PostDraft

    channel = find_channel(ctx, args.client, args.channel)
    post = ctx.services.slots.add_to_queue(
        PostDraft(channel.id, args.text, datetime(2000, 1, 1), link=args.link, tags=args.tags.split(","))
    )
    echo(
        f"post {post.id} queued: {post.wall:%a %Y-%m-%d %H:%M} {timezones.abbreviation(post.utc, post.tz)} "
        f"({post.tz}) = {timezones.format_utc(post.utc)}"
    )
    return 0


# ---------------------------------------------------------------------- reminders


def reminders_list(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = ctx.services.reminders
    now = timezones.now_utc()
    due = svc.due(now)
    missed = [m for m in svc.missed(now) if m.key not in {d.key for d in due}]
    if args.json:
        print_json(
            [
                {
                    "kind": kind,
                    "id": r.occurrence.post_id,
                    "client": r.occurrence.client_name,
                    "channel": f"{r.occurrence.network} {r.occurrence.handle}".strip(),
                    "utc_time": timezones.format_utc(r.due),
                    "text": r.occurrence.text,
                }
                for kind, group in (("due", due), ("missed", missed))
                for r in group
            ]
        )
        return 0
    your_time = ctx.services.your_time()
    rows = []
    for kind, group in (("due", due), ("missed", missed)):
        for r in group:
            cm, wall = your_time.at(r.due)
            rows.append(
                [
                    kind,
                    f"{wall:%a %Y-%m-%d %H:%M} {timezones.abbreviation(r.due, cm.zone)}",
                    r.occurrence.client_name,
                    f"{r.occurrence.network} {r.occurrence.handle}".strip(),
                    (r.occurrence.text.splitlines() or [""])[0][:50],
                ]
            )
    if not rows:
        echo("nothing due and nothing missed")
        return 0
    print_table(["", "your time", "client", "channel", "text"], rows)
    return 0


def _set_reminder_minutes(ctx: CliContext, value: str) -> str:
    if not value.strip().isdigit() or not 0 <= int(value) <= 24 * 60:
        raise ValidationError(f"reminder-minutes: {value!r} is not a number of minutes (0 to 1440)")
    ctx.services.settings.set("reminder_minutes", int(value))
    return str(int(value))
