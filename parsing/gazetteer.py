"""The world place gazetteer: cities, countries, subdivisions and regions by any of their names.

The table is ``data/places.tsv`` (built by ``data/build_places.py`` from GeoNames, ISO 3166 and CLDR).
It is sorted by key, so a lookup is a binary search over the file's bytes: nothing is parsed at import
time, and lookups map the file rather than read it (a few pages each), which keeps ``jobscout parse``
cheap to start and the process small.
"""

from __future__ import annotations

import mmap
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal

PlaceKind = Literal["city", "country", "subdivision", "region"]

_TABLE: Final = Path(__file__).with_name("data") / "places.tsv"

# Regions postings name instead of a country (key: how it is written; value: its display form).
REGIONS: Final[dict[str, str]] = {
    "EMEA": "EMEA",
    "APAC": "APAC",
    "APJ": "APAC",
    "LATAM": "LATAM",
    "Latin America": "Latin America",
    "South America": "South America",
    "Central America": "Central America",
    "North America": "North America",
    "Americas": "Americas",
    "the Americas": "Americas",
    "Europe": "Europe",
    "EU": "EU",
    "European Union": "EU",
    "EEA": "EEA",
    "Western Europe": "Western Europe",
    "Eastern Europe": "Eastern Europe",
    "Central Europe": "Central Europe",
    "Northern Europe": "Northern Europe",
    "Southern Europe": "Southern Europe",
    "Nordics": "Nordics",
    "Scandinavia": "Scandinavia",
    "Benelux": "Benelux",
    "DACH": "DACH",
    "Middle East": "Middle East",
    "MENA": "MENA",
    "Africa": "Africa",
    "Asia": "Asia",
    "Southeast Asia": "Southeast Asia",
    "South Asia": "South Asia",
    "Asia Pacific": "APAC",
    "Asia-Pacific": "APAC",
    "Oceania": "Oceania",
    "ANZ": "ANZ",
    "UK&I": "UK&I",
}


def fold_place(name: str) -> str:
    """The lookup key of a place name: case-folded, accents and dots dropped, spaces and dashes as one
    space ("São Paulo" -> "sao paulo", "Frankfurt am Main" -> "frankfurt am main", "St.-Gallen" ->
    "st gallen")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("æ", "ae")
    out = []
    for ch in plain:
        if ch.isalnum() or ch == "&":
            out.append(ch)
        elif ch in " -_/'’,":
            out.append(" ")
    return " ".join("".join(out).split())


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    name: str
    country: str  # ISO 3166 alpha-2, "" for a region
    region: str  # the US state code of a US city or subdivision code, else ""
    population: int


@lru_cache(maxsize=1)
def _table() -> mmap.mmap:
    # Mapped, not read: a lookup touches a few pages of the 8 MB table, so the process stays small.
    with _TABLE.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


@lru_cache(maxsize=4096)
def lookup(name: str) -> tuple[Place, ...]:
    """Every place the name can mean, the largest first; () when the gazetteer does not know it."""
    key = fold_place(name)
    if len(key) < 2:
        return ()
    data = _table()
    target = key.encode("utf-8") + b"\t"
    lo, hi = 0, len(data)
    # Find the first line whose key is >= the target (lines are sorted by key).
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1
        end = data.find(b"\t", start)
        if data[start : end + 1] < target:
            lo = data.find(b"\n", mid) + 1 if data.find(b"\n", mid) >= 0 else len(data)
        else:
            hi = start
    found: list[Place] = []
    pos = lo
    while data[pos : pos + len(target)] == target:
        end = data.find(b"\n", pos)
        fields = data[pos:end].decode("utf-8").split("\t")
        found.append(Place(fields[1], fields[2], fields[3], fields[4], int(fields[5])))  # type: ignore[arg-type]
        pos = end + 1
    return tuple(found)


@lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """The display name of an ISO alpha-2 country code ("GB" -> "United Kingdom")."""
    for place in lookup(f"iso {code}"):
        if place.kind == "country":
            return place.name
    return None
