"""Role keys: the normalized role a posting counts under, and what a role query matches.

``parsing.role.normalize_role`` is being written alongside; until it lands, a small local fallback does
the job. Switching is the one line in :func:`normalize_role`. Stored keys follow whichever is active;
``jobscout reparse`` recomputes them after a switch.
"""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata
from collections.abc import Callable
from typing import cast

_ABBREVIATIONS: dict[str, str] = {
    "ml": "machine learning",
    "ai": "ai",
    "swe": "software engineer",
    "sde": "software engineer",
    "sre": "site reliability engineer",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "devs": "developers",
    "mgr": "manager",
    "mngr": "manager",
    "pm": "product manager",
    "tpm": "technical program manager",
    "em": "engineering manager",
    "ds": "data scientist",
    "de": "data engineer",
    "qa": "quality assurance",
    "ux": "ux",
    "ui": "ui",
    "fe": "frontend",
    "be": "backend",
    "fullstack": "full stack",
    "front-end": "frontend",
    "back-end": "backend",
    "rn": "registered nurse",
    "admin": "administrator",
    "asst": "assistant",
    "assoc": "associate",
    "coord": "coordinator",
    "rep": "representative",
    "specialist": "specialist",
    "sw": "software",
    "hr": "human resources",
    "vp": "vice president",
}
# Seniority and level words: carried in their own column, not part of the role.
_LEVEL_WORDS = frozenset(
    [
        "senior",
        "sr",
        "snr",
        "junior",
        "jr",
        "jnr",
        "lead",
        "staff",
        "principal",
        "entry",
        "level",
        "mid",
        "intern",
        "internship",
        "graduate",
        "grad",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "1",
        "2",
        "3",
        "4",
        "5",
        "head",
        "chief",
        "associate",
    ]
)
_KEEP_LEVEL = frozenset({"associate"})  # "associate attorney" is a role; only drop it before another word
_ROLE_NOUNS = frozenset(
    [
        "engineer",
        "eng",
        "developer",
        "dev",
        "scientist",
        "analyst",
        "manager",
        "mgr",
        "designer",
        "architect",
        "director",
        "consultant",
        "specialist",
        "administrator",
        "coordinator",
        "technician",
        "researcher",
        "officer",
        "lead",
    ]
)
_NOISE = re.compile(
    r"\([^)]*\)|\[[^\]]*\]|\b(remote|hybrid|onsite|on-site|full[- ]time|part[- ]time|contract)\b"
)
_SPLIT_SUFFIX = re.compile(r"\s+(?:-|–|—|\||@|at)\s+.*$")


def _fallback_normalize_role(title_or_query: str) -> str | None:
    text = unicodedata.normalize("NFKC", title_or_query).casefold().strip()
    text = _SPLIT_SUFFIX.sub("", text)  # "ML Engineer - London", "SWE @ Acme"
    text = _NOISE.sub(" ", text)
    if "," in text:
        head, _, rest = text.partition(",")
        head_words = head.split()
        if 0 < len(head_words) <= 2 and head_words[-1].strip(".") in _ROLE_NOUNS:
            text = f"{rest} {head}"  # "engineer, machine learning" -> "machine learning engineer"
        else:
            text = head  # "data scientist, ads": the part after the comma is a team, not the role
    text = text.replace("/", " ").replace("&", " and ")
    words = [w for w in re.split(r"[^\w+#.-]+", text) if w]
    expanded: list[str] = []
    for word in words:
        word = word.strip(".-")
        if not word:
            continue
        expanded.extend(_ABBREVIATIONS.get(word, word).split())
    kept = [
        w
        for i, w in enumerate(expanded)
        if w not in _LEVEL_WORDS or (w in _KEEP_LEVEL and i == len(expanded) - 1)
    ]
    kept = [w for w in kept if w not in {"the", "a", "an", "of"}] or []
    # "machine learning engineer engineer" from "ML Eng, Engineer"-like input
    deduped = [w for i, w in enumerate(kept) if i == 0 or w != kept[i - 1]]
    return " ".join(deduped) or None


def _resolve() -> Callable[[str], str | None]:
    try:
        module = importlib.import_module("parsing.role")
    except ImportError:
        return _fallback_normalize_role
    return cast(Callable[[str], "str | None"], module.normalize_role)


_normalize = _resolve()


def normalize_role(title_or_query: str) -> str | None:
    """The role key of a title or a role query ("Sr. ML Eng" -> "machine learning engineer")."""
    return _normalize(title_or_query)


@functools.lru_cache(maxsize=65_536)
def _cached_key(title_or_query: str) -> str | None:
    key = normalize_role(title_or_query)
    if key:
        return key.strip().casefold() or None
    return " ".join(title_or_query.casefold().split()) or None


def role_key(title_or_query: str | None) -> str | None:
    """Like :func:`normalize_role`, tolerant of None and of a normalizer that gives up."""
    if not title_or_query or not title_or_query.strip():
        return None
    return _cached_key(title_or_query)
