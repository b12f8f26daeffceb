"""Normal forms of written places, and the words a location filter finds them by."""

from __future__ import annotations

import pytest

from parsing.places import canonical_place, place_terms


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
    ],
)
def test_canonical_place(written: str, canonical: str) -> None:
    assert canonical_place(written) == canonical


def test_a_region_is_found_by_its_own_name_only() -> None:
    assert place_terms("EU") == {"eu"}
    assert "fr" not in place_terms("EU")
    assert place_terms("Asia") == {"asia"}


def test_a_city_is_found_by_its_country_too() -> None:
    terms = place_terms("London, UK")
    assert {"london", "uk", "united kingdom"} <= terms
