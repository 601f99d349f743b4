"""The states the OSM opening_hours specification leaves implicit, made explicit before parsing.

opening-hours-py (2.1) reads two kinds of values as *open* where the specification, and opening_hours.js
(the reference evaluator, whose test suite our tests quote), say the state is *unknown*:

- a rule whose only modifier is a comment: `"on request"`, `Sa 10:00-12:00 "Maybe open. Call us."`,
  `... || "please call"`. The specification: a comment without a state keyword makes the rule unknown;
  `open "comment"` is needed for an open rule with a comment;
- an open end: `17:00+`, `13:00-17:00+`, `sunrise+`. opening_hours.js: "It is interpreted as state unknown
  and the comment 'Specified as open end. Closing time was guessed.' if there is no comment specified";
  the closing time is guessed: the end of the day for an opening before 17:00, ten hours after one from
  17:00 to 21:59, eight hours after one from 22:00 on. `13:00-17:00+` is open 13:00-17:00, then unknown.

`explicit_unknowns(expression)` rewrites those rules so that the parser computes the specification's
states: a lone comment gets `unknown` in front of it; a rule with open ends becomes additional rules
(`,`), in the order of its time spans, the fixed times with an explicit `open` and each open end's guessed
stretch as `unknown` with the rule's comment (or opening_hours.js's sentence), a later one winning where
they overlap, as a later time span does in opening_hours.js. The guess stops where a later span of the
same rule starts (`07:00+,12:00-16:00`: unknown 07:00-12:00, open 12:00-16:00, as opening_hours.js).

Where the result differs from opening_hours.js it says closed, never open: an open end at 24:00 or later
(`Mo 22:00-28:00+`, `Mo 22:00-04:00+`, `Fr 11:00-24:00+`) gets no guessed stretch, since the parser takes
no start past midnight; a sun time's guess ends at midnight. A value with an open end this reader does not
follow, or whose rewrite the parser refuses, is reported as not exact: the caller then reads any *open* of
it as unknown (services/workplaces/opening_hours.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_END_COMMENT = "Specified as open end. Closing time was guessed."  # opening_hours.js's own words

_STATE_BEFORE = re.compile(r"\b(?:open|closed|off|unknown)\s*$", re.IGNORECASE)
_VARIABLE = r"(?:sunrise|sunset|dawn|dusk)"
_TIME = rf"(?:\d{{1,2}}:\d{{2}}|{_VARIABLE}|\(\s*{_VARIABLE}\s*[+-]\s*\d{{1,2}}:\d{{2}}\s*\))"
_SPAN_TEXT = rf"{_TIME}(?:\s*-\s*{_TIME})?(?:\s*/\s*\d{{1,2}}(?::\d{{2}})?)?(?:\s*\+)?"
_SPAN = re.compile(
    rf"(?P<start>{_TIME})(?:\s*-\s*(?P<end>{_TIME}))?(?P<repeat>\s*/\s*\d{{1,2}}(?::\d{{2}})?)?(?P<plus>\s*\+)?",
    re.IGNORECASE,
)
_TIME_LIST = re.compile(rf"(?<![\d:]){_SPAN_TEXT}(?:\s*,\s*{_SPAN_TEXT})*", re.IGNORECASE)
# Any open end, however written: one that `_split_open_ends` did not rewrite makes the value inexact.
_ANY_OPEN_END = re.compile(rf"(?:\d:\d{{2}}|\)|{_VARIABLE})\s*\+(?!\s*\d)", re.IGNORECASE)
_FIXED_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_MODIFIER = re.compile(
    r"^\s*(?P<state>open|closed|off|unknown)?\s*(?P<comment>\"[^\"]*\")?\s*$", re.IGNORECASE
)
# What may end the rule before a `,` that starts an additional rule: a time, a state keyword, a comment.
_ENDS_A_RULE = re.compile(
    rf"(?:\d:\d{{2}}|\+|\)|{_VARIABLE}|\b(?:open|closed|off|unknown)|\"|24/7)\s*$", re.IGNORECASE
)
_DAY = 24 * 60


@dataclass(frozen=True)
class _Span:
    text: str
    start: str
    end: str | None
    open_end: bool

    @property
    def fixed(self) -> str | None:
        """The span without its open end (None for a bare `17:00+`)."""
        if not self.open_end:
            return self.text
        return self.text.rstrip().removesuffix("+").rstrip() if self.end is not None else None


def explicit_unknowns(expression: str) -> tuple[str, bool]:
    """The expression with a lone comment's and an open end's implicit `unknown` written out, and whether
    the rewrite is complete: False when an open end of an open rule was left as it was (written in a way
    this reader does not follow); the caller must then not trust an *open* of the parser."""
    rewritten = _split_open_ends(_unknown_before_lone_comments(expression))
    return rewritten, not _open_ends_left(rewritten)


def _open_ends_left(text: str) -> bool:
    """Whether `text` still has an open end in a rule that is open (not `off`, `closed` or `unknown`), or
    one outside any time selector this reader follows."""
    masked = _masked(text)
    lists = []
    for match in _TIME_LIST.finditer(masked):
        lists.append((match.start(), match.end()))
        if any(_span(m).open_end for m in _SPAN.finditer(match.group())):
            modifier = _MODIFIER.match(text[match.end() : _rule_end(masked, match.end())])
            if modifier is None or (modifier.group("state") or "open").lower() == "open":
                return True
    return any(
        not any(start <= m.start() < end for start, end in lists) for m in _ANY_OPEN_END.finditer(masked)
    )


def _unknown_before_lone_comments(text: str) -> str:
    out: list[str] = []
    last = 0
    for match in re.finditer(r'"[^"]*"', text):
        before = text[last : match.start()]
        out.append(before)
        if not _STATE_BEFORE.search(text[: match.start()]):
            out.append("unknown " if not before or before[-1:].isspace() else " unknown ")
        out.append(match.group())
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _masked(text: str) -> str:
    """`text` with every comment's inside replaced by `_`, so that `;`, `,` and times in a comment are
    not read as syntax; positions are unchanged."""
    return re.sub(r'"[^"]*"', lambda m: '"' + "_" * (len(m.group()) - 2) + '"', text)


def _split_open_ends(text: str) -> str:
    masked = _masked(text)
    pieces: list[str] = []
    last = 0
    for match in _TIME_LIST.finditer(masked):
        spans = [_span(m) for m in _SPAN.finditer(match.group())]
        if not any(s.open_end for s in spans):
            continue
        start = _rule_start(masked, match.start())
        end = _rule_end(masked, match.end())
        if start < last:
            continue  # the rule was rewritten already (cannot happen in a valid value)
        modifier = _MODIFIER.match(text[match.end() : end])
        if modifier is None:
            continue  # something the parser will judge
        state = (modifier.group("state") or "open").lower()
        if state != "open":
            continue  # `17:00+ off`, `17:00+ unknown "…"`: the parser already says so
        own_comment = modifier.group("comment")
        selectors = text[start : match.start()].strip()
        # The fixed times say `open` out loud: after a bare time, ", 17:00-…" would continue the time
        # selector instead of starting an additional rule.
        suffix = f" open {own_comment}" if own_comment else " open"
        rules = _rules_in_order(spans, selectors, suffix, own_comment or f'"{OPEN_END_COMMENT}"')
        if not rules:
            continue
        joined = ", ".join(rules)
        prefix = text[start : match.start()]
        lead = prefix[: len(prefix) - len(prefix.lstrip())]
        trail = text[start:end][len(text[start:end].rstrip()) :]
        pieces.append(text[last:start] + lead + joined + trail)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _span(match: re.Match[str]) -> _Span:
    return _Span(match.group(), match.group("start"), match.group("end"), bool(match.group("plus")))


def _rule_start(masked: str, at: int) -> int:
    """Where the rule holding position `at` starts: after the `;`, `||` or rule-separating `,` before it."""
    i = at
    while i > 0:
        ch = masked[i - 1]
        if ch == ";" or (ch == "|" and masked[i - 2 : i] == "||"):
            return i
        if ch == "," and _ENDS_A_RULE.search(masked[: i - 1]):
            return i
        i -= 1
    return 0


def _rule_end(masked: str, at: int) -> int:
    """Where the rule whose time selector ends at `at` ends: any `;`, `||` or `,` after its time selector
    ends it."""
    for i in range(at, len(masked)):
        if masked[i] in ";," or masked[i : i + 2] == "||":
            return i
    return len(masked)


def _minutes(time: str) -> int | None:
    found = _FIXED_TIME.match(time.strip())
    return int(found.group(1)) * 60 + int(found.group(2)) if found else None


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _guess_close(opening: int) -> int:
    """opening_hours.js's guess: the end of the day before 17:00, +10 h from 17:00, +8 h from 22:00."""
    if opening % _DAY < 17 * 60 and opening < _DAY:
        return _DAY
    return min(opening + (10 * 60 if opening % _DAY < 22 * 60 else 8 * 60), 2 * _DAY)


def _rules_in_order(spans: list[_Span], selectors: str, suffix: str, comment: str) -> list[str]:
    """A rule's time spans as rules joined by `,` in their order, each open end followed by its guessed
    unknown stretch: a later additional rule wins where it overlaps an earlier one, as a later time span of
    the same rule does in opening_hours.js (`13:00-02:00,17:00+` is unknown from 17:00)."""
    lead = f"{selectors} " if selectors else ""
    rules: list[str] = []
    fixed: list[str] = []
    for n, span in enumerate(spans):
        if span.fixed is not None:
            fixed.append(span.fixed)
        if not span.open_end:
            continue
        tail = _tail(span, spans[n + 1 :])
        if tail is None:
            continue
        if fixed:
            rules.append(f"{lead}{','.join(fixed)}{suffix}")
            fixed = []
        rules.append(f"{lead}{tail} unknown {comment}")
    if fixed:
        rules.append(f"{lead}{','.join(fixed)}{suffix}")
    return rules


def _tail(span: _Span, later: list[_Span]) -> str | None:
    """The guessed, unknown stretch after an open end, cut where a later span of the same rule starts
    after it (opening_hours.js: in `07:00+,12:00-16:00` the open end stops at 12:00); None when the
    parser cannot hold it (a start at 24:00 or later)."""
    opening_text = span.end if span.end is not None else span.start
    opening = _minutes(opening_text)
    if opening is None:  # a sun time: guessed until midnight
        return f"{opening_text.strip()}-24:00"
    start = _minutes(span.start)
    if span.end is not None and start is not None and opening <= start:
        opening += _DAY  # `22:00-04:00+`: the open end is at 04:00 the next day
    if opening >= _DAY:
        return None
    close = _guess_close(opening)
    starts = [
        m for s in later if s.fixed is not None and (m := _minutes(s.start)) is not None and m > opening
    ]
    if starts:
        close = min(close, min(starts))
    return f"{_clock(opening)}-{_clock(close)}" if close > opening else None
