"""Which saved role a user means: the role key of what was typed when the server has it, else the
closest saved roles by token and fuzzy matching (``rapidfuzz``) over normalised roles.

Both sides are normalised first (``parsing.role.normalize_role`` through the store's role keys), so
levels, contract words, decoration and the common non-English names are already gone; what is left
to match is word order, a missing word ("salesforce" for "salesforce developer") or a typo.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from commands.core.format import role_title
from commands.core.services import Services

MATCH_SCORE = 90  # 0-100: a role this close is taken for the one meant ("product" vs "project" is 87)
SUGGEST_SCORE = 60  # autocomplete offers roles from this close


@dataclass(frozen=True, slots=True)
class RoleMatch:
    role: str
    n: int  # saved postings of the role
    score: float  # 0-100


def _score(typed: str, role: str, *, prefix: bool) -> float:
    """Every typed word in the role (token set), or the whole nearly spelt the same (a typo); while
    typing (``prefix``), a role with a word starting with what was typed too."""
    score = max(fuzz.token_set_ratio(typed, role), fuzz.ratio(typed, role))
    if prefix and f" {typed}" in f" {role}":
        score = max(score, 99.0)
    return score


def match_roles(
    typed: str, key: str | None, roles: dict[str, int], *, floor: float = MATCH_SCORE, prefix: bool = False
) -> list[RoleMatch]:
    """The saved roles at least ``floor`` close to what was typed (its role key ``key`` when it has
    one), closest first; among equally close ones the nearest spelling, then the most posted.
    ``prefix``: what was typed may be the start of a word (autocomplete)."""
    text = key or " ".join(typed.casefold().split())
    if not text:
        return sorted((RoleMatch(r, n, 0.0) for r, n in roles.items()), key=lambda m: (-m.n, m.role))
    found = [
        RoleMatch(role, n, 100.0 if role == key else _score(text, role, prefix=prefix))
        for role, n in roles.items()
    ]
    close = [m for m in found if m.score >= floor]
    return sorted(close, key=lambda m: (-m.score, -fuzz.ratio(text, m.role), -m.n, m.role))


@dataclass(frozen=True, slots=True)
class ResolvedRole:
    """What a role option resolved to: the role key to ask the store about, and the other close roles."""

    typed: str
    role: str | None
    exact: bool
    others: list[RoleMatch]


async def resolve_role(svc: Services, guild_id: int, typed: str) -> ResolvedRole:
    key = svc.store.roles(typed)
    counts = await svc.store.role_counts(guild_id)
    if key is not None and key in counts:
        return ResolvedRole(typed, key, True, [])
    matches = match_roles(typed, key, counts)
    if not matches:
        return ResolvedRole(typed, key, key is not None, [])
    return ResolvedRole(typed, matches[0].role, False, matches[1:4])


def matched_note(resolved: ResolvedRole) -> str:
    """What a reply says when it answers for the closest saved role rather than the one typed."""
    if resolved.role is None:
        return f"No saved role is close to '{resolved.typed}'."
    note = f"Closest saved role to '{resolved.typed}': {role_title(resolved.role)}"
    if resolved.others:
        note += f" (also: {', '.join(role_title(m.role) for m in resolved.others)})"
    return note + "."
