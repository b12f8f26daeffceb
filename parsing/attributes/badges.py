"""Badges: the short tags a job page prints near the title ("Full-time", "Hybrid"), shared by the
employment type and workplace readers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from parsing.lines import Doc
from parsing.models import Workplace
from parsing.vocabulary import alternation


def _first(doc: Doc, pattern: re.Pattern[str], spans: list[tuple[int, int]]) -> re.Match[str] | None:
    for start, end in spans:
        m = pattern.search(doc.lower, start, end)
        if m:
            return m
    return None


# ---------------------------------------------------------------------------------------------------
# Badges: the short tags a job page prints near the title ("Full-time", "Hybrid", "Remote in Austin, TX").

_BADGE_SPLIT: Final = re.compile(r"\s*(?:[·|•/]|\s-\s|\(|\))\s*")
_BADGE_WORD: Final = re.compile(
    "("
    + alternation("badge_words")
    + r")(?:\s*,\s*.*|\s+(?:in|within|-)\s+.*|\s+work\s+in\s+.*|\s+remote\s+in\s+.*)?"
)
_BADGE_LINE: Final = re.compile(
    r"(?:\s*(?:full[- ]?time|part[- ]?time|contract|temporary|internship|remote|hybrid|on[- ]?site|"
    r"(?:entry|mid-senior|mid|senior)\s+level|associate|director|executive|not applicable))+\s*"
)
_BADGE_TOKENS: Final = re.compile(r"full[- ]?time|part[- ]?time|on[- ]?site|\w+(?:-\w+)?")
_WORKPLACE_BADGES: Final[dict[str, Workplace]] = {
    **dict.fromkeys(("remote", "fully remote"), "remote"),
    "hybrid": "hybrid",
    **dict.fromkeys(
        ("onsite", "on-site", "on site", "in-office", "in office", "in-person", "in person"), "onsite"
    ),
}


def badges(line: str) -> list[str]:
    """The badge words of one short top line, lower case ("$90k - $110k a year - Full-time" -> full-time)."""
    if len(line) > 90 or line.endswith((".", "?", "!", ":")):
        return []
    line = line.lower()
    if _BADGE_LINE.fullmatch(line):
        return _BADGE_TOKENS.findall(line)
    out: list[str] = []
    for segment in _BADGE_SPLIT.split(line):
        m = _BADGE_WORD.fullmatch(segment.strip(" ,"))
        if m:
            out.append(m.group(1))
    return out


@lru_cache(maxsize=8)
def _head_badges(doc: Doc) -> tuple[str, ...]:
    """The badges of the first 15 lines, in order (shared by employment type and workplace)."""
    return tuple(badge for line in doc.head[:15] for badge in badges(line))
