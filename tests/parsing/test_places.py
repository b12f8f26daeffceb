"""Normal forms of written places."""

from __future__ import annotations

import pytest

from parsing.places import canonical_place, read_places


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("EU", "EU"),  # a region, not the French village of Eu
        ("APAC", "APAC"),  # not a village in Uganda
        ("Asia Pacific", "APAC"),
        ("asia", "Asia"),
        ("Europe", "Europe"),
        ("EMEA", "EMEA"),
        ("UK", "United Kingdom"),
        ("London", "London, United Kingdom"),
        ("München", "Munich, Germany"),
        ("Eu", "Eu, France"),  # written as a name, not as the acronym: the town
        ("Cambridge UK", "Cambridge, United Kingdom"),  # a city and its country without the comma
        ("Porto Portugal", "Porto, Portugal"),
        ("Joinville, BR", "Joinville, Brazil"),  # a town and its country's ISO code
        ("Lyon, FR", "Lyon, France"),
        ("Switzerland, Zurich", "Zurich, Switzerland"),  # the country first, then its city
        ("UK, Leeds", "Leeds, United Kingdom"),
        ("Wilmington, DE", "Wilmington, DE"),  # a US state code stays the state
    ],
)
def test_canonical_place(written: str, canonical: str) -> None:
    assert canonical_place(written) == canonical


@pytest.mark.parametrize(
    ("value", "places"),
    [
        ("Denver, CO (H1B OK)", ["Denver, CO"]),  # a visa note is no reason to doubt the place
        ("Leeds (city centre)", ["Leeds"]),
        ("Washington DC*", ["Washington DC"]),  # a footnote mark
        ("Toronto Canada", ["Toronto Canada"]),
        ("Quillfern, London, UK", []),  # an unknown name before a large city is a name, not a district
        ("Taipei City, Taipei City, Taiwan", ["Taipei City, Taipei City, Taiwan"]),
        ("Software Engineer Germany", []),
        ("Joinville, BR", ["Joinville, BR"]),
        ("Quillfern, FR", []),  # no town of that name in France
        ("Germany, Berlin", ["Germany, Berlin"]),
        ("Germany, Austria", ["Germany", "Austria"]),  # two countries
        ("UK, EU", ["UK", "EU"]),  # a country and a region
        ("Georgia, Atlanta", ["Georgia", "Atlanta"]),  # a US state, not the country, before the city
    ],
)
def test_read_places_of_header_segments(value: str, places: list[str]) -> None:
    assert read_places(value) == places
