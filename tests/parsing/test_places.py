"""Normal forms of written places."""

from __future__ import annotations

import pytest

from parsing.places import canonical_place


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
