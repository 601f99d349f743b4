"""`nomadcm post edit ID`: change a stored post without losing another session's change (issue 13).

The post is read with its version, changed as asked, and saved at that version (services/stale_edits.py):
when someone saved it in between, nothing is written and one line says who and when — "post 12 was changed
by Léa at 2026-12-03 09:41 UTC — reload / overwrite" — exit 2. A script that showed the post earlier hands
the version it showed with `--if-version N`, so a change made since is refused too; overwriting is running
the command again without it. The assignee options are the team's (cli/team_posts.py).
"""

from __future__ import annotations

import argparse

from nomadcm.cli import team_posts
from nomadcm.cli.arguments import free_text, record_id
from nomadcm.cli.common import CliContext, command_group, echo, parse_wall
from nomadcm.vocabulary import POST_STATUSES


def register_post_edit(sub: argparse._SubParsersAction) -> None:
    posts = command_group(sub, "post", "schedule posts")
    if "edit" in posts.choices:  # registered by another area already
        return
    p = posts.add_parser("edit", help="change a post (only the options given); refused if changed meanwhile")
    p.add_argument("id", type=record_id)
    p.add_argument("--text", type=free_text)
    p.add_argument("--link", type=free_text)
    p.add_argument("--status", choices=POST_STATUSES)
    p.add_argument("--at", metavar="YYYY-MM-DD HH:MM", help="new wall time, in the post's zone")
    team_posts.add_assignee_options(p)
    p.add_argument(
        "--if-version",
        dest="if_version",
        type=record_id,
        metavar="N",
        help="refuse the edit when the post is no longer at version N (changed since you read it)",
    )
    p.set_defaults(handler=post_edit)


def post_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    wall = parse_wall(args.at, "--at") if args.at is not None else None
    posts = ctx.services.posts
    read = posts.get(args.id)
    draft = read.to_draft()
    if args.text is not None:
        draft.text = args.text
    if args.link is not None:
        draft.link = args.link
    if args.status is not None:
        draft.status = args.status
    if wall is not None:
        draft.wall, draft.fold = wall, 0
    team_posts.apply_assignee(ctx, args, draft)
    expected = read.version if args.if_version is None else args.if_version
    saved = posts.update(args.id, draft, expected_version=expected)
    echo(f"post {saved.id} saved (version {saved.version})")
    return 0
