"""Lookup keys: how names become the keys postings are stored under and queries match, one rule for both.

Role keys come from a normaliser the caller supplies (every caller passes
``parsing.role.normalize_role``): the store never runs the parser itself. Stored keys follow the
normaliser in use; ``jobscout reparse`` recomputes them after it changes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_KEY_LENGTH = 200
_KEY_JUNK = re.compile(r"[^\w\s,+#./&-]")
_SPACE = re.compile(r"\s+")

RoleNormalizer = Callable[[str], str | None]
PlaceHierarchy = Callable[[str], Sequence[str]]  # a place's names, most specific first (city, region...)


@functools.lru_cache(maxsize=65_536)
def text_key(value: str) -> str:
    """Lower-case lookup key of a name: NFKC, case-folded, single spaces, bounded length."""
    value = unicodedata.normalize("NFKC", value).casefold()
    return _SPACE.sub(" ", value).strip()[:MAX_KEY_LENGTH]


@functools.lru_cache(maxsize=65_536)
def location_key(value: str) -> str:
    return _SPACE.sub(" ", _KEY_JUNK.sub(" ", text_key(value))).strip(" ,")


def location_keys(
    locations: list[str], workplace: str | None, hierarchy: PlaceHierarchy | None = None
) -> list[str]:
    """The whole place and each comma part ("san francisco, ca", "san francisco", "ca"), then every
    name ``hierarchy`` finds it under ("california", "united states"); "remote" too."""
    keys: dict[str, None] = {}
    for place in locations:
        whole = location_key(place)
        if not whole:
            continue
        keys[whole] = None
        for part in whole.split(","):
            part = part.strip()
            if part:
                keys[part] = None
        for name in hierarchy(place) if hierarchy is not None else ():
            if key := location_key(name):
                keys[key] = None
    if workplace == "remote":
        keys["remote"] = None
    return list(keys)


@dataclass(frozen=True, slots=True)
class RoleKeys:
    """The role key of a title or a role query ("Sr. ML Eng" -> "machine learning engineer"): what
    ``normalize`` makes of it, or None when it finds no role. Picklable, so bulk import's worker
    processes derive the same keys. ``places`` (the bot passes
    ``parsing.place_hierarchy.place_hierarchy``) adds a posting's city, region and country names to its
    location keys, so a filter finds it by any of them."""

    normalize: RoleNormalizer
    places: PlaceHierarchy | None = None

    def __call__(self, title_or_query: str | None) -> str | None:
        if not title_or_query or not title_or_query.strip():
            return None
        return _role_key(self.normalize, title_or_query)


@functools.lru_cache(maxsize=65_536)
def _role_key(normalize: RoleNormalizer, title_or_query: str) -> str | None:
    key = normalize(title_or_query)
    return (key.strip().casefold() or None) if key else None
