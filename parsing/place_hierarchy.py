"""The names a written place can be found under, most specific first: its city, its region (a US
state by name and code) and its country, from :func:`parsing.places.canonical_place`. Postings are
stored under all of them and a location filter asks for the most specific name of what was typed,
so "london" finds "London", "uk" finds "London, UK" and "usa" finds "San Jose, CA"."""

from __future__ import annotations

from functools import lru_cache

from parsing.places import US_STATES, canonical_place

UNITED_STATES = "United States"


@lru_cache(maxsize=65_536)
def place_hierarchy(written: str) -> tuple[str, ...]:
    """``"San Jose, CA"`` -> ("San Jose", "California", "CA", "United States"); ``"London"`` ->
    ("London", "United Kingdom"); () for what is not a known place. Cached: places repeat."""
    canonical = canonical_place(written) if written.strip() else None
    if not canonical:
        return ()
    parts = [part.strip() for part in canonical.split(",") if part.strip()]
    names = list(parts)
    if len(parts) == 2 and parts[1] in US_STATES:  # "City, ST"
        names = [parts[0], US_STATES[parts[1]], parts[1], UNITED_STATES]
    elif len(parts) == 1 and parts[0] in US_STATES.values():
        names.append(UNITED_STATES)
    return tuple(dict.fromkeys(names))


def place_query(written: str) -> str:
    """What a location filter looks for: the most specific name of the place typed ("uk" -> "United
    Kingdom", "NYC" -> "New York"), or the text itself when it is not a known place ("remote")."""
    found = place_hierarchy(written)
    return found[0] if found else written
