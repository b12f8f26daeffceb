"""Recognising and normalising place names: "San Mateo, CA", "London, United Kingdom", "United States".

Normal forms:
- United States: "City, ST" (two-letter state code), a state alone by name ("New Jersey"), a metro
  area as written ("Denver Metropolitan Area"), or "United States".
- Elsewhere: "City, Country" or the country alone ("London, United Kingdom", "Germany").

"Remote" on its own is a workplace, not a place, and gives no location. Anything this module cannot
place with some confidence is dropped: an empty list is better than a wrong location.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from parsing.vocabulary import alternation, phrase_set, word_pattern

US_STATES: Final[dict[str, str]] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
}
US_STATE_CODES: Final[dict[str, str]] = {name.casefold(): code for code, name in US_STATES.items()}

# Country aliases (case-folded, dots removed) -> canonical country name.
COUNTRIES: Final[dict[str, str]] = {
    "united states": "United States",
    "united states of america": "United States",
    "usa": "United States",
    "us": "United States",
    "the us": "United States",
    "the united states": "United States",
    "united kingdom": "United Kingdom",
    "uk": "United Kingdom",
    "the uk": "United Kingdom",
    "great britain": "United Kingdom",
    "england": "United Kingdom",
    "scotland": "United Kingdom",
    "wales": "United Kingdom",
    "northern ireland": "United Kingdom",
    "ireland": "Ireland",
    "canada": "Canada",
    "mexico": "Mexico",
    "brazil": "Brazil",
    "argentina": "Argentina",
    "chile": "Chile",
    "colombia": "Colombia",
    "germany": "Germany",
    "deutschland": "Germany",
    "france": "France",
    "spain": "Spain",
    "portugal": "Portugal",
    "italy": "Italy",
    "netherlands": "Netherlands",
    "the netherlands": "Netherlands",
    "belgium": "Belgium",
    "switzerland": "Switzerland",
    "austria": "Austria",
    "sweden": "Sweden",
    "norway": "Norway",
    "denmark": "Denmark",
    "finland": "Finland",
    "poland": "Poland",
    "czech republic": "Czech Republic",
    "czechia": "Czech Republic",
    "romania": "Romania",
    "greece": "Greece",
    "turkey": "Turkey",
    "israel": "Israel",
    "united arab emirates": "United Arab Emirates",
    "uae": "United Arab Emirates",
    "saudi arabia": "Saudi Arabia",
    "india": "India",
    "pakistan": "Pakistan",
    "china": "China",
    "hong kong": "Hong Kong",
    "taiwan": "Taiwan",
    "japan": "Japan",
    "south korea": "South Korea",
    "korea": "South Korea",
    "singapore": "Singapore",
    "malaysia": "Malaysia",
    "indonesia": "Indonesia",
    "philippines": "Philippines",
    "the philippines": "Philippines",
    "vietnam": "Vietnam",
    "thailand": "Thailand",
    "australia": "Australia",
    "new zealand": "New Zealand",
    "south africa": "South Africa",
    "nigeria": "Nigeria",
    "kenya": "Kenya",
    "egypt": "Egypt",
}

# Canadian provinces and Australian states by code: "Toronto, ON" -> "Toronto, Canada".
REGION_CODES: Final[dict[str, str]] = {
    "ON": "Canada",
    "QC": "Canada",
    "BC": "Canada",
    "AB": "Canada",
    "MB": "Canada",
    "SK": "Canada",
    "NS": "Canada",
    "NB": "Canada",
    "NL": "Canada",
    "PE": "Canada",
    "NSW": "Australia",
    "VIC": "Australia",
    "QLD": "Australia",
    "WA": "Australia",
}

# Well-known cities that are often written alone or with a region instead of a country
# ("London", "London, London", "Bengaluru, Karnataka"). Value: the normal form.
CITIES: Final[dict[str, str]] = {
    "london": "London, United Kingdom",
    "manchester": "Manchester, United Kingdom",
    "edinburgh": "Edinburgh, United Kingdom",
    "glasgow": "Glasgow, United Kingdom",
    "cambridge": "Cambridge, United Kingdom",
    "oxford": "Oxford, United Kingdom",
    "bristol": "Bristol, United Kingdom",
    "birmingham": "Birmingham, United Kingdom",
    "leeds": "Leeds, United Kingdom",
    "belfast": "Belfast, United Kingdom",
    "dublin": "Dublin, Ireland",
    "paris": "Paris, France",
    "berlin": "Berlin, Germany",
    "munich": "Munich, Germany",
    "hamburg": "Hamburg, Germany",
    "frankfurt": "Frankfurt, Germany",
    "amsterdam": "Amsterdam, Netherlands",
    "rotterdam": "Rotterdam, Netherlands",
    "zurich": "Zurich, Switzerland",
    "geneva": "Geneva, Switzerland",
    "madrid": "Madrid, Spain",
    "barcelona": "Barcelona, Spain",
    "lisbon": "Lisbon, Portugal",
    "milan": "Milan, Italy",
    "rome": "Rome, Italy",
    "stockholm": "Stockholm, Sweden",
    "copenhagen": "Copenhagen, Denmark",
    "oslo": "Oslo, Norway",
    "helsinki": "Helsinki, Finland",
    "warsaw": "Warsaw, Poland",
    "krakow": "Krakow, Poland",
    "prague": "Prague, Czech Republic",
    "vienna": "Vienna, Austria",
    "brussels": "Brussels, Belgium",
    "tel aviv": "Tel Aviv, Israel",
    "dubai": "Dubai, United Arab Emirates",
    "toronto": "Toronto, Canada",
    "montreal": "Montreal, Canada",
    "vancouver": "Vancouver, Canada",
    "ottawa": "Ottawa, Canada",
    "calgary": "Calgary, Canada",
    "waterloo": "Waterloo, Canada",
    "bangalore": "Bengaluru, India",
    "bengaluru": "Bengaluru, India",
    "hyderabad": "Hyderabad, India",
    "mumbai": "Mumbai, India",
    "pune": "Pune, India",
    "chennai": "Chennai, India",
    "delhi": "New Delhi, India",
    "new delhi": "New Delhi, India",
    "gurgaon": "Gurugram, India",
    "gurugram": "Gurugram, India",
    "noida": "Noida, India",
    "tokyo": "Tokyo, Japan",
    "seoul": "Seoul, South Korea",
    "beijing": "Beijing, China",
    "shanghai": "Shanghai, China",
    "shenzhen": "Shenzhen, China",
    "sydney": "Sydney, Australia",
    "melbourne": "Melbourne, Australia",
    "auckland": "Auckland, New Zealand",
    "sao paulo": "Sao Paulo, Brazil",
    "são paulo": "São Paulo, Brazil",
    "mexico city": "Mexico City, Mexico",
    "buenos aires": "Buenos Aires, Argentina",
    "singapore": "Singapore",
    "hong kong": "Hong Kong",
    # US cities often written without their state.
    "new york city": "New York, NY",
    "nyc": "New York, NY",
    "san francisco": "San Francisco, CA",
    "los angeles": "Los Angeles, CA",
    "seattle": "Seattle, WA",
    "boston": "Boston, MA",
    "chicago": "Chicago, IL",
    "austin": "Austin, TX",
    "denver": "Denver, CO",
    "atlanta": "Atlanta, GA",
    "san jose": "San Jose, CA",
    "palo alto": "Palo Alto, CA",
    "mountain view": "Mountain View, CA",
    "menlo park": "Menlo Park, CA",
    "sunnyvale": "Sunnyvale, CA",
    "san mateo": "San Mateo, CA",
    "redmond": "Redmond, WA",
    "pittsburgh": "Pittsburgh, PA",
    "philadelphia": "Philadelphia, PA",
    "miami": "Miami, FL",
    "dallas": "Dallas, TX",
    "houston": "Houston, TX",
    "san diego": "San Diego, CA",
    "washington dc": "Washington, DC",
    "washington d c": "Washington, DC",
}

# A location phrase that names no place.
_NO_PLACE: Final = re.compile("^(?:" + alternation("no_place_phrases") + r"|\d+ locations?)$", re.IGNORECASE)
# Workplace words and other decorations around a place: "(Hybrid)", "Remote in", "- Remote".
_DECORATION: Final = re.compile(
    r"\((?:[^()]*)\)|\b(?:hybrid(?: work| remote)?|remote|on[- ]?site|in[- ]office|in[- ]person|fully remote)"
    r"(?:\s+(?:in|within|from|based in|-|–))?\b|"
    r"\b(?:multiple locations|and other locations|\+\s*\d+\s+(?:more|other)?\s*locations?)\b",
    re.IGNORECASE,
)
_ZIP: Final = re.compile(r"\s+\d{5}(?:-\d{4})?\b|\s+[A-Z]\d[A-Z] ?\d[A-Z]\d\b")
_PLACE_WORDS: Final = re.compile(
    r"^[A-ZÀ-Ý][\w'’.-]*(?:[ -](?:[A-ZÀ-Ý][\w'’.-]*|" + alternation("place_particles") + "))*$"
)
_AREA: Final = re.compile(
    r"^(?:(?i:greater)\s+[A-Z][\w.'’ -]*?|[A-Z][\w.'’ -]*?(?:,\s*[A-Z][A-Za-z ]+?)?\s+(?i:metropolitan|metro|"
    r"bay)"
    r"|[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*)*-[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*)\s+[Aa]rea$"
)
_SPLIT_MANY: Final = re.compile(r"\s*(?:;|\||\s/\s|\s+or\s+|\n|•)\s*")
_NOT_A_PLACE_WORD: Final = word_pattern("not_a_place_words")


def _fold(s: str) -> str:
    s = s.replace(".", "").strip().casefold()
    return _WHITESPACE.sub(" ", s) if "  " in s else s


def _country(s: str) -> str | None:
    return COUNTRIES.get(_fold(s))


def _place_name(s: str) -> bool:
    return bool(_PLACE_WORDS.match(s)) and len(s) <= 40 and not _NOT_A_PLACE_WORD.search(s)


def _one(part: str, *, strict: bool) -> str | None:
    """Normalise one place ("Austin, Texas, United States"), or None when it is not recognised."""
    part = part.strip(" ,.-–:")
    if not part or _NO_PLACE.match(part):
        return None
    if _AREA.match(part) and not _NOT_A_PLACE_WORD.search(part.rsplit(" ", 2)[0]):
        return _WHITESPACE.sub(" ", part)
    tokens = [t.strip() for t in part.split(",") if t.strip()]
    if not tokens or len(tokens) > 3:
        return None
    if len(tokens) == 1:
        token = tokens[0]
        country = _country(token)
        if country:
            return country
        folded = _fold(token)
        if folded in CITIES:
            return CITIES[folded]
        if folded in US_STATE_CODES and folded != "washington":
            return US_STATES[US_STATE_CODES[folded]]
        # "Austin TX" without the comma.
        m = _CITY_STATE_NO_COMMA.match(token)
        if m and m.group(2) in US_STATES and _place_name(m.group(1)):
            return f"{m.group(1)}, {m.group(2)}"
        return None
    city, rest = tokens[0], tokens[1:]
    if not _place_name(city):
        return None
    country = _country(rest[-1])
    region = rest[0] if len(rest) == 2 or country is None else None
    if country is None and len(rest) == 2:
        return None
    if country == "United States" or country is None:
        state = None
        if region is not None:
            if region.upper() in US_STATES and (region.isupper() or len(region) == 2):
                state = region.upper()
            else:
                state = US_STATE_CODES.get(_fold(region))
        if state is not None:
            return f"{city}, {state}"
        if country == "United States":
            if region is None:
                folded = _fold(city)
                if folded in US_STATE_CODES:
                    return US_STATES[US_STATE_CODES[folded]]
                known = CITIES.get(folded)
                if known and known[-4:-2] == ", ":
                    return known
                return f"{city}, United States"
            return None
        assert region is not None
        if region.upper() in REGION_CODES and region.isupper():
            return f"{city}, {REGION_CODES[region.upper()]}"
        known = CITIES.get(_fold(city))
        if known is not None:
            return known
        if strict or not _place_name(region):
            return None
        return f"{city}, {region}"
    # A non-US country: "City, Region, Country" -> "City, Country".
    if _fold(city) == _fold(rest[-1]):
        return country
    return f"{city}, {country}"


def normalize_locations(value: str, *, strict: bool = False) -> list[str]:
    """Normal forms of the places named in one location field ("New York, NY; Remote - US").

    ``strict`` is for lines whose role is unknown (the top of a paste): only places with a known state,
    country or city are accepted, so a company name is never read as a place.
    """
    return list(_normalize(value, strict))


_DIGIT: Final = re.compile(r"\d")
_REMOTE_IN_PARENS: Final = re.compile(r"\b(?i:remote|hybrid|on-?site)\s*\(([^()]+)\)")
_CITY_STATE_NO_COMMA: Final = re.compile(r"(.+?)\s+([A-Z]{2})$")
_DECORATION_HINTS: Final = ("(", "remote", "hybrid", "site", "office", "person", "locations")
_WHITESPACE: Final = re.compile(r"\s+")


@lru_cache(maxsize=1024)
def _normalize(value: str, strict: bool) -> tuple[str, ...]:
    value = value.strip()
    if not value or len(value) > 200 or (strict and len(value) > 90):
        return ()
    if _DIGIT.search(value):
        value = _ZIP.sub("", value)
    if "(" in value:
        value = _REMOTE_IN_PARENS.sub(r"\1", value)
    found: list[str] = []
    for chunk in (
        _SPLIT_MANY.split(value) if any(c in value for c in ";|/\n•") or " or " in value else (value,)
    ):
        low = chunk.lower()
        if any(hint in low for hint in _DECORATION_HINTS):
            chunk = _DECORATION.sub(" ", chunk)
        if "  " in chunk:
            chunk = _WHITESPACE.sub(" ", chunk)
        chunk = chunk.strip(" ,-–:/")
        if not chunk:
            continue
        place = _one(chunk, strict=strict)
        if place is None:
            places = _pairs(chunk, strict=strict) if chunk.count(",") >= 2 or " and " in chunk else None
            if places is None:
                if strict:
                    return ()
                continue
            add_places(found, places)
            continue
        add_places(found, [place])
    return tuple(found)


_PAIR: Final = re.compile(r"([A-Z][\w.'’ -]*?),\s*([A-Z]{2})\b")
_PAIR_GLUE: Final = re.compile(r"[\s,&]|\band\b")


def _pairs(chunk: str, *, strict: bool) -> list[str] | None:
    """ "San Francisco, CA, New York, NY" or "Austin, TX and Denver, CO" -> each "City, ST"."""
    pairs = _PAIR.findall(chunk)
    if len(pairs) < 2:
        return None
    rest = _PAIR.sub("", chunk)
    if _PAIR_GLUE.sub("", rest):
        return None
    out: list[str] = []
    for city, state in pairs:
        if state not in US_STATES or not _place_name(city.strip()):
            return None
        out.append(f"{city.strip()}, {state}")
    return out


def is_location(line: str) -> bool:
    """Whether a line (from the top of a paste) is a place and nothing else."""
    return bool(read_places(line))


# ---------------------------------------------------------------------------------------------------
# Places as the posting writes them.
#
# The header reports each place the way the posting states it ("Montreal, QC", "Frankfurt, Hesse,
# Germany", "München"), tidied of workplace words and notes, because that is what a reader checks the
# card against; ``canonical_place`` resolves a written place to one normal form through the gazetteer,
# and ``parsing.place_hierarchy`` to the names a location filter matches ("uk", "london").

_GLUED_WORKPLACE: Final = re.compile(r"(?<=[a-z])-(?=(?i:hybrid|remote|on-?site|office)\b)")
_WORKPLACE_WORDS: Final = re.compile(
    r"\b(?i:(?:fully\s+|100%\s+|partially\s+)?remote(?:ly)?(?:[- ]first|[- ]friendly|[- ]ok)?|"
    + alternation("place_workplace_words")
    + r")\b|\b"
    + alternation("place_connectors")  # in lower case only: "OR" and "IN" are states
    + r"\b"
)
_MANY_PLACES: Final = re.compile(
    r"\s*(?:;|\|| / |/(?=[A-Z])|\s+or\s+|\s+and\s+|\s+[&+]\s+|\n|•|·| - | – )\s*"
)
_PARENS: Final = re.compile(r"\s*\(([^()]{1,40})\)")
_ROLE_WORD: Final = re.compile(r"(?i:\b" + alternation("place_role_words") + ")")
# Capitalised words that are also the names of places: read as a place only beside other evidence.
_COMMON_WORDS: Final = phrase_set("place_like_words")


def _known(token: str) -> tuple[str, str] | None:
    """(kind, country code) of a known place name, preferring the largest; None when unknown."""
    token = token.strip(" .")
    if not token:
        return None
    folded = _fold(token)
    if folded in COUNTRIES:
        return "country", COUNTRIES[folded]
    if token.upper() in US_STATES and (token.isupper() and len(token) == 2):
        return "state", "US"
    if token.upper() in REGION_CODES and token.isupper():
        return "state", REGION_CODES[token.upper()]
    if folded in US_STATE_CODES:
        return "state", "US"
    if folded in CITIES or folded in _CITY_ABBREVIATIONS:
        return "city", ""
    from parsing.gazetteer import lookup

    places = lookup(token)
    if not places:
        return None
    best = places[0]
    if token.isupper() and len(token) > 2 and _fold(best.name) != folded:
        return None  # "ROLI" is a company in capitals, not an alternate name of Raleigh
    kinds = {p.kind for p in places}
    for kind in ("country", "region", "subdivision"):
        if kind in kinds:
            return kind, next(p.country for p in places if p.kind == kind)
    return best.kind, best.country


_CITY_ABBREVIATIONS: Final = frozenset(["sf", "sfba", "la", "dc", "bay area", "sf bay area", "nyc"])


def _has_role_head(text: str) -> bool:
    from parsing.role import ROLE_HEADS  # role.py reads places too

    return any(word.casefold() in ROLE_HEADS for word in re.findall(r"[A-Za-z]+", text))


def _head_is_place(head: str, *, alone: bool, strict: bool) -> bool:
    if not _PLACE_WORDS.match(head) and not head.isupper():
        return False
    if _ROLE_WORD.search(head) or len(head) > 40 or _has_role_head(head):
        return False
    known = _known(head)
    if known is None and alone:
        # "Austin TX" without the comma.
        m = _CITY_STATE_NO_COMMA.match(head)
        if m and m.group(2) in US_STATES and _place_name(m.group(1)) and _known(m.group(1)):
            return True
        return _city_then_country(head)
    if known is None:
        # An unknown name followed by a known region or country ("Jakobsdorf, Germany").
        return not alone
    if alone and strict and _fold(head) in _COMMON_WORDS:
        return False
    if not (alone and strict and known[0] == "city"):
        return True
    folded = _fold(head)
    if folded in CITIES or folded in _CITY_ABBREVIATIONS:
        return True
    return len(head) > 3 and _sizeable(head)


def _city_then_country(head: str) -> bool:
    """ "Cambridge UK", "Toronto Canada", "Porto Portugal": a known city and its country without the comma."""
    city, _, country = head.rpartition(" ")
    if not city or _fold(country) not in COUNTRIES or not _place_name(city):
        return False
    known = _known(city)
    return known is not None and known[0] != "country" and (known[0] != "city" or _sizeable(city))


def _sizeable(name: str) -> bool:
    """A town big enough that its name alone, in an unlabelled line, reads as the place."""
    from parsing.gazetteer import lookup

    return any(p.kind == "city" and p.population >= 5_000 for p in lookup(name)[:3])


def is_minor_place(name: str) -> bool:
    """A town's name alone that is not a country, region or large city ("Bloomfield", not "Berlin")."""
    known = _known(name)
    return known is not None and known[0] == "city" and _fold(name) not in CITIES and not _is_big_city(name)


def is_area(name: str) -> bool:
    """Whether a place name is a country, state, region or province rather than a town ("Japan", "TX")."""
    return _is_area(name)


def _is_area(token: str) -> bool:
    known = _known(_bare(token))
    return known is not None and known[0] in ("state", "country", "subdivision", "region")


def _is_big_city(token: str) -> bool:
    from parsing.gazetteer import lookup

    return any(p.kind == "city" and p.population >= 100_000 for p in lookup(_bare(token))[:3])


def _bare(token: str) -> str:
    return _PARENS.sub("", token).strip() if "(" in token else token


def _region_names() -> frozenset[str]:
    from parsing.gazetteer import REGIONS

    return frozenset(REGIONS)


_REGION_NAMES: Final = _region_names()


def _country_then_its_city(country: str, city: str) -> bool:
    """Whether "Switzerland, Zurich" names a country and then one of its cities (not another country)."""
    from parsing.gazetteer import lookup

    name = COUNTRIES.get(_fold(country), country)
    codes = {p.country for p in lookup(name)[:3] if p.kind == "country"}
    if not codes or _country(city) or any(p.kind == "country" for p in lookup(city)[:3]):
        return False
    return any(p.kind == "city" and p.country in codes for p in lookup(city)[:5])


def _in_country(city: str, code: str) -> bool:
    from parsing.gazetteer import lookup

    return any(p.kind == "city" and p.country == code for p in lookup(city)[:5])


def _extends(tokens: list[str], head: str, j: int) -> bool:
    """Whether ``tokens[j]`` continues the place that starts at ``head`` (a region or country after a
    city) rather than starting a new one."""
    nxt = _bare(tokens[j])
    last = j == len(tokens) - 1
    followed_by_area = not last and _is_area(tokens[j + 1])
    if _fold(nxt) == _fold(_bare(head)):
        return True
    if (
        _fold(tokens[j - 1]) == _fold(head)
        and _country(_bare(head))
        and (_country(nxt) or nxt in _REGION_NAMES)
    ):
        return False  # "Germany, Austria", "UK, EU": two countries, or a country and a region
    if len(nxt) == 2 and nxt.isupper() and _in_country(_bare(head), nxt):
        return True  # "Joinville, BR", "Lyon, FR": a town and its country's ISO code
    if last and _fold(tokens[j - 1]) == _fold(head) and _country_then_its_city(_bare(head), nxt):
        return True  # "Switzerland, Zurich", "Germany, Berlin": the country first, then its city
    joined = _known(f"{_bare(tokens[j - 1])}, {nxt}")
    if joined is not None and joined[0] == "country":
        return True
    if _is_area(nxt) and _known(_bare(head)) is None and _is_big_city(nxt):
        return False  # "Nimbus, Dublin, Ireland": an unknown name before a large city is a name
    if _is_area(nxt):
        # "Berlin, Hamburg" are two cities although both are also German states.
        return followed_by_area or last or not _is_big_city(nxt)
    words = nxt.split()
    if len(words) >= 2 and _is_area(words[-1]):
        return True  # "Vancouver, BC Canada"
    # "Taipei City, Taipei City, Taiwan": an unknown region between a city and its country; not
    # "London, UK, Manchester, UK", where the place already had its country, nor "Nimbus, London, UK",
    # where an unknown name stands before a large city.
    if not followed_by_area or not _PLACE_WORDS.match(nxt) or _is_area(tokens[j - 1]):
        return False
    return not (_known(_bare(head)) is None and _is_big_city(nxt))


def _group(tokens: list[str], *, strict: bool) -> list[str] | None:
    """Comma-separated tokens to places: "Frankfurt, Hesse, Germany" is one place, "New York, Austin,
    Seattle" three, "Seoul, Korea, Republic of" one."""
    places: list[str] = []
    i = 0
    while i < len(tokens):
        head = tokens[i]
        j = i + 1
        while j < len(tokens) and _extends(tokens, head, j):
            j += 1
        if not _head_is_place(_bare(head), alone=j == i + 1, strict=strict):
            return None
        places.append(_written(tokens[i:j]))
        i = j
    return places


def _written(tokens: list[str]) -> str:
    if len(tokens) == 2 and _fold(tokens[0]) == _fold(tokens[1]):
        # "London, London": an ATS printing the city as its own region; the country says more.
        known = _known(tokens[0])
        if known is not None and known[0] == "city":
            canonical = canonical_place(tokens[0])
            if canonical and canonical != tokens[0]:
                return canonical
    return ", ".join(tokens)


_ABBREVIATION_NOTE: Final = re.compile(r"[A-Z]{2,5}")
# "San Francisco, CA (H1B OK)", "Berlin (visa support)", "Leeds (city centre)": a note about the visa or
# the kind of place says nothing against the place before it, and is dropped.
_DROPPED_NOTE: Final = re.compile(
    r"(?i)\b(?:visas?|h-?1-?b|sponsorship|relocation)\b"
    r"|^(?:the\s+)?(?:city|city cent(?:re|er)|downtown|centre|center|area|metro|hq|headquarters|main office)$"
)
_NEIGHBOURHOOD_NOTE: Final = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


def _tidy_chunk(chunk: str) -> str | None:
    """One place phrase without workplace words; "" when nothing but those, None when a note in
    parentheses shows the phrase is not a place ("Engineer (m/w/d)")."""
    spoiled = False
    only_note: list[str] = []

    def keep(m: re.Match[str]) -> str:
        nonlocal spoiled
        inner = m.group(1).strip()
        if _DROPPED_NOTE.search(inner):
            return ""
        rest = _WHITESPACE.sub(" ", _WORKPLACE_WORDS.sub(" ", inner)).strip(" ,-–:/")
        if not rest:
            return ""
        if _known(rest) is not None or all(_known(t) for t in rest.split(",") if t.strip()):
            only_note.append(rest)
            return m.group(0) if rest == inner else f" ({rest})"
        if _ABBREVIATION_NOTE.fullmatch(rest) or _NEIGHBOURHOOD_NOTE.fullmatch(rest):
            return m.group(0)  # "Taiwan (ROC)", "NYC (Flatiron)"
        spoiled = True
        return m.group(0)

    if "(" in chunk:
        chunk = _PARENS.sub(keep, chunk)
    if spoiled:
        return None
    if _WORKPLACE_WORDS.search(chunk):
        chunk = _WORKPLACE_WORDS.sub(" ", chunk)
    chunk = _WHITESPACE.sub(" ", chunk).strip(" ,-–:/[]")
    if chunk.startswith("(") and chunk.endswith(")") and only_note:
        return only_note[0]
    return chunk


_DROPPED_PARENS: Final = re.compile(
    r"\s*\(((?i:[^()]*\b(?:visas?|h-?1-?b|sponsorship|relocation)\b[^()]*))\)"
)
# "Ann Arbor, MI (and London and San Mateo)", "Singapore (or Remote)": a note that names more places (or
# a workplace) beside the first, read as a list of its own.
_MORE_PLACES_NOTE: Final = re.compile(r"\s*\((?i:and|also|or|plus)\s+([^()]{2,60})\)")
_SENTENCE_END: Final = re.compile(r"(?<=[A-Za-z]{2})[.!?]\s+(?=[A-Z])")
_ABBREVIATED_END: Final = re.compile(r"\b(?:[A-Z][a-z]?|[A-Z]\.[A-Z])\.$")


@lru_cache(maxsize=2048)
def _read(value: str, strict: bool) -> tuple[str, ...]:
    value = value.strip().strip("[]*")  # "Washington DC*": a footnote mark
    if "(" in value:
        value = _DROPPED_PARENS.sub("", value)  # before the digit check: "(H1B OK)"
    several = ";" in value or " / " in value or "|" in value
    if not value or len(value) > 240 or (strict and len(value) > 100 and not several):
        return ()
    if _DIGIT.search(value):
        value = _ZIP.sub("", value)
        if _DIGIT.search(value):
            return ()
    if not strict:
        value = _SENTENCE_END.split(value, 1)[0]
    value = _GLUED_WORKPLACE.sub(" - ", value)
    if "(" in value:
        value = _MORE_PLACES_NOTE.sub(r" or \1", value)
    found: list[str] = []
    for raw in _MANY_PLACES.split(value):
        chunk = _tidy_chunk(raw)
        if chunk is None:
            if strict:
                return ()
            continue
        if not chunk or _NO_PLACE.match(chunk):
            continue
        if chunk[0] == "(" and chunk[-1] == ")":
            chunk = chunk[1:-1]
        if chunk.endswith(".") and not _ABBREVIATED_END.search(chunk):
            chunk = chunk.rstrip(".")
        if _AREA.match(chunk) and not _NOT_A_PLACE_WORD.search(chunk.rsplit(" ", 2)[0]):
            add_places(found, [chunk])
            continue
        tokens = [t.strip() for t in chunk.split(",") if t.strip()]
        places = _group(tokens, strict=strict) if tokens else []
        if places is None:
            if strict:
                return ()
            continue
        add_places(found, places)
    return tuple(found)


def add_places(target: list[str], found: Iterable[str]) -> None:
    """``found`` joins ``target``, each place once, in order."""
    for place in found:
        if place not in target:
            target.append(place)


def read_places(value: str, *, strict: bool = True) -> list[str]:
    """The places one field or header segment names, as the posting writes them ("Berlin / Hamburg" ->
    ["Berlin", "Hamburg"], "Remote - US" -> ["US"], "San Francisco-Hybrid" -> ["San Francisco"]).

    ``strict`` (for text whose role is unknown) accepts only a field made of places and workplace words,
    with every place known to the gazetteer; otherwise unknown parts are skipped and a place followed by
    a known region or country ("Jakobsdorf, Germany") is accepted."""
    return list(_read(value, strict))


def _folded_regions() -> dict[str, str]:
    from parsing.gazetteer import REGIONS

    return {name.casefold(): shown for name, shown in REGIONS.items()}


# Region names compare without case once they are longer than an acronym ("europe", "Asia");
# acronyms only as written, so the word "eu" in a sentence stays what it is.
_REGIONS_FOLDED: dict[str, str] = _folded_regions()


def canonical_place(written: str) -> str | None:
    """One normal form of a written place: "City, ST" in the United States, "City, Country" elsewhere,
    a country or region alone ("London" -> "London, United Kingdom", "München" -> "Munich, Germany").
    A region postings name ("EU", "APAC", "Asia") is that region, never a village spelled the same."""
    from parsing.gazetteer import REGIONS

    bare = written.strip()
    city, comma, code = bare.rpartition(", ")
    if comma and len(code) == 2 and code.isupper() and code not in US_STATES and _in_country(city, code):
        from parsing.gazetteer import country_name

        return f"{city}, {country_name(code) or code}"  # "Joinville, BR" -> "Joinville, Brazil"
    if comma and _country_then_its_city(city, code):
        return canonical_place(f"{code}, {city}")  # "Switzerland, Zurich" -> "Zurich, Switzerland"
    region = REGIONS.get(bare) or (_REGIONS_FOLDED.get(bare.casefold()) if len(bare) > 3 else None)
    if region:
        return region
    found = normalize_locations(_bare(written))
    if not found and _city_then_country(_bare(written)):
        city, _, land = _bare(written).rpartition(" ")  # "Cambridge UK" reads as "Cambridge, UK"
        found = normalize_locations(f"{city}, {land}")
    if found:
        return found[0]
    from parsing.gazetteer import country_name, lookup

    head = written.split(",")[0].strip()
    places = lookup(head)
    if not places:
        return None
    best = places[0]
    if best.kind == "region":
        return best.name
    if best.kind == "country":
        return best.name
    if best.country == "US" and best.region:
        return f"{best.name}, {best.region}"
    country = country_name(best.country)
    return f"{best.name}, {country}" if country else best.name
