"""The one codec for the custom ids of buttons and forms: what a card writes, the Discord handlers match
and the console reads back. An id carries everything its handler needs (``fix:42``), so buttons keep
working after a restart and no per-message state is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MAX_LENGTH = 100  # Discord's limit for a custom id

ButtonKind = Literal["fix", "fix_more", "remove", "list"]

# The patterns Discord's dynamic items are registered with (named groups are the handler's arguments).
FIX = r"fix:(?P<id>\d+)"
FIX_MORE = r"fix-more:(?P<id>\d+)"  # the Fix form's second page: places, workplace, type, skills
REMOVE = r"remove:(?P<id>\d+)"
LIST_PAGE = r"list:(?P<page>\d+)(?::(?P<query>.*))?"
_PATTERNS: dict[ButtonKind, re.Pattern[str]] = {
    "fix": re.compile(FIX),
    "fix_more": re.compile(FIX_MORE),
    "remove": re.compile(REMOVE),
    "list": re.compile(LIST_PAGE, re.DOTALL),
}


def fix(posting_id: int) -> str:
    return f"fix:{posting_id}"


def fix_more(posting_id: int) -> str:
    return f"fix-more:{posting_id}"


def remove(posting_id: int) -> str:
    return f"remove:{posting_id}"


def list_page(page: int, query: str | None = None) -> str:
    """A page of /posting list; the search is cut so the whole id stays within Discord's limit."""
    return (f"list:{page}" + (f":{query[:80]}" if query else ""))[:MAX_LENGTH]


def fix_form(posting_id: int, nonce: int, page: int = 1) -> str:
    return f"fix-modal:{posting_id}:{nonce}" + (f":{page}" if page != 1 else "")


@dataclass(frozen=True, slots=True)
class Decoded:
    kind: ButtonKind
    posting_id: int | None = None
    page: int | None = None
    query: str | None = None


def decode(custom_id: str) -> Decoded | None:
    """What a button id means, or None for an id this codec did not write."""
    for kind, pattern in _PATTERNS.items():
        match = pattern.fullmatch(custom_id)
        if match is None:
            continue
        if kind == "list":
            return Decoded(kind, page=int(match["page"]), query=match["query"] or None)
        return Decoded(kind, posting_id=int(match["id"]))
    return None
