"""One field of a post at a time: tags, link, status, text and notes, checked as they come in (post dialog, CLI,
native CSV, bulk files, occurrence edits) and by the drafts' check (post_writes.DraftChecker)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from nomadcm.errors import ValidationError
from nomadcm.models import POST_STATUSES
from nomadcm.services.names import single_line


def split_tags(tags: str | Iterable[str]) -> tuple[str, ...]:
    items = tags.split(",") if isinstance(tags, str) else tags
    out: list[str] = []
    for tag in items:
        t = single_line(tag).lstrip("#").strip()
        if t and t not in out:
            out.append(t)
    return tuple(out)


# http(s), a host of letters, digits, dots and hyphens, then printable ASCII without spaces: what check_link
# accepts anyway, said fast (an export re-checks every stored link: services/schedule/stored_rows.py).
_PLAIN_WEB_ADDRESS = re.compile(r"(?i:https?)://[A-Za-z0-9.-]+(?:[/?#][!-~]*)?\Z")


def check_link(link: str) -> str:
    """A web address (http or https, with a host), or "" for none; anything else is refused, naming it.

    Used wherever a link comes in (post dialog, CLI, native CSV, bulk files, occurrence edits). A line break
    or another control character inside a link would end up in every export — in an ICS file it starts a
    property of its own (CR LF `X-LINK:1`), which made every later `export ics` fail — so it is refused
    here, as is any space (a URL has none) and a link without a host."""
    link = link.strip()
    if not link or _PLAIN_WEB_ADDRESS.match(link):  # most links, in a regular expression's time
        return link
    if not (link.isascii() and link.isprintable() and " " not in link):  # else no character to look for
        bad = next(
            (ch for ch in link if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs")), None
        )
        if bad is not None:
            what = "a space" if bad.isspace() and unicodedata.category(bad) == "Zs" else f"character {bad!r}"
            raise ValidationError(f"link {link!r} holds {what}: a web address has none")
    try:
        parsed = urlsplit(link)
        scheme, host = parsed.scheme.lower(), parsed.hostname
        parsed.port  # noqa: B018  (a port that is not a number raises ValueError)
    except ValueError:  # "http://[::1" and the like
        scheme, host = "", None
    if scheme not in ("http", "https") or not host:
        raise ValidationError(f"link {link!r} is not a web address (http://… or https://… and a host)")
    return link


def check_status(status: str) -> str:
    value = status.strip().lower()
    if value not in POST_STATUSES:
        raise ValidationError(f"unknown status {status!r} (one of: {', '.join(POST_STATUSES)})")
    return value


def nul_problem(text: str, holds: str) -> str | None:
    """Where `text` holds a NUL (`holds`: "text holds", "notes hold"), or None: the post check names it."""
    return (
        f"{holds} a NUL character (\\x00) at position {text.index(chr(0)) + 1}: remove it"
        if "\x00" in text
        else None
    )


def text_problem(text: str, limit: int | None, status: str, network: str) -> str | None:
    if not text.strip():
        return "text is empty"
    # PostgreSQL cannot store a NUL: refused on both engines, so a file moves to a team database as it is.
    if "\x00" in text:
        return nul_problem(text, "text holds")
    if limit is not None and len(text) > limit and status != "draft":
        return (
            f"text is {len(text)} characters, over the {limit}-character limit of {network}: "
            "shorten it or keep it as a draft"
        )
    return None
