"""Sense checks of the fifth skills review: words that only look like a skill in the place they stand.

Every text here is invented; each case stands for a kind of misreading, not for one posting.
"""

from __future__ import annotations

import pytest

from parsing.skills import extract_skills

CASES: list[tuple[str, list[str], list[str]]] = [
    # the second half of a hyphenated word does not open a skill's name
    ("We pair cutting-edge AI research with retail data.", [], ["Edge AI"]),
    ("Deploy models for edge AI on cameras.", ["Edge AI"], []),
    ("Business-fluent English and German are required.", ["English", "German"], []),
    ("Tile sales a plus-Spanish speaking a plus", ["Spanish"], []),
    # the people who do a practice are colleagues, not the practice asked for
    ("Book court reporters and videographers for depositions.", [], ["Videography"]),
    ("Work alongside designers, copywriters and editors.", [], ["Copywriting"]),
    ("Strong copywriting for landing pages; videography a plus.", ["Copywriting", "Videography"], []),
    # a name written as a company's: with a corporate suffix, or in the possessive
    (
        "Product Designer at Under Canvas Inc.\nShape every product in Under Canvas' portfolio.",
        [],
        ["Canva"],
    ),
    ("Dropbox's ML team ranks the files of Dropbox users.", [], ["Dropbox"]),
    ("Design social posts in Canva and Figma.", ["Canva", "Figma"], []),
    # an acronym's plural written with an apostrophe is still the skill
    ("Draft RFP's and build RESTful API's for partners.", ["RESTful API"], []),
]


@pytest.mark.parametrize(("text", "found", "forbidden"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_words_are_read_where_they_stand(text: str, found: list[str], forbidden: list[str]) -> None:
    got = extract_skills(text)
    assert not [s for s in found if s not in got], got
    assert not [s for s in forbidden if s in got], got


MORE_CASES: list[tuple[str, list[str], list[str]]] = [
    # a one-letter prefix and a hyphen spell the name in prose too
    ("Build e-learning modules for new hires.", ["eLearning"], []),
    ("Read the chapter In Design Thinking.", [], ["Adobe InDesign"]),
    # a verb-like tool name after a preposition is the tool, even in lower case
    ("Keep the cash log in excel with the supervisor.", ["Microsoft Excel"], []),
    ("You will excel in a fast team.", [], ["Microsoft Excel"]),
]


@pytest.mark.parametrize(("text", "found", "forbidden"), MORE_CASES, ids=[t[:40] for t, _, _ in MORE_CASES])
def test_spellings_and_nouns_read_as_the_tool(text: str, found: list[str], forbidden: list[str]) -> None:
    got = extract_skills(text)
    assert not [s for s in found if s not in got], got
    assert not [s for s in forbidden if s in got], got
