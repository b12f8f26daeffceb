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
from functools import lru_cache
from typing import Final

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
_NO_PLACE: Final = re.compile(
    r"^(?:remote|anywhere|worldwide|global|multiple locations?|various(?: locations)?|nationwide|"
    r"\d+ locations?|flexible|tbd|n/?a|in[- ]person|on[- ]?site|hybrid|field[- ]based|home[- ]based|"
    r"work from home|wfh)$",
    re.IGNORECASE,
)
# Workplace words and other decorations around a place: "(Hybrid)", "Remote in", "- Remote".
_DECORATION: Final = re.compile(
    r"\((?:[^()]*)\)|\b(?:hybrid(?: work| remote)?|remote|on[- ]?site|in[- ]office|in[- ]person|fully remote)"
    r"(?:\s+(?:in|within|from|based in|-|–))?\b|"
    r"\b(?:multiple locations|and other locations|\+\s*\d+\s+(?:more|other)?\s*locations?)\b",
    re.IGNORECASE,
)
_ZIP: Final = re.compile(r"\s+\d{5}(?:-\d{4})?\b|\s+[A-Z]\d[A-Z] ?\d[A-Z]\d\b")
_PLACE_WORDS: Final = re.compile(
    r"^[A-ZÀ-Ý][\w'’.-]*(?:[ -](?:[A-ZÀ-Ý][\w'’.-]*|of|de|la|del|on|upon|du|am))*$"
)
_AREA: Final = re.compile(
    r"^(?:(?i:greater)\s+[A-Z][\w.'’ -]*?|[A-Z][\w.'’ -]*?(?:,\s*[A-Z][A-Za-z ]+?)?\s+(?i:metropolitan|metro|"
    r"bay)"
    r"|[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*)*-[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*)\s+[Aa]rea$"
)
_SPLIT_MANY: Final = re.compile(r"\s*(?:;|\||\s/\s|\s+or\s+|\n|•)\s*")
_NOT_A_PLACE_WORD: Final = re.compile(
    r"\b(?:inc|llc|ltd|llp|plc|corp|corporation|company|group|gmbh|engineer|manager|developer|director|"
    r"analyst|scientist|specialist|team|department|office|warehouse|building|floor|suite|street|"
    r"avenue|ave|road|rd|campus|center|centre|hq|headquarters|job|jobs|salary|apply|years?|experience)\b",
    re.IGNORECASE,
)


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
            for p in places:
                if p not in found:
                    found.append(p)
            continue
        if place not in found:
            found.append(place)
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
    return bool(normalize_locations(line, strict=True))
