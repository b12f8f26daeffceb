"""A folded pattern finds what the same pattern finds with re.IGNORECASE, on any text."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.folded import FOLDS_ONTO_ASCII, FoldedPattern, first_letter_branches, may_mention

SOURCE = r"\bote\b|salary|sal[áa]rio|\bpay\b|r[ée]mun[ée]ration|gehalt|(?<![^\W\d_])base\s+pay\s*$"
WORDS = ["OTE", "ote", "Salary", "SALARY", "salário", "Pay", "payment", "rémunération", "Gehalt", "Base  Pay"]
SEPARATORS = [" ", "", "-", "\n", ": ", "İ", "ſ", "é", "€", "K"]

mixed_text = st.lists(st.sampled_from(WORDS) | st.sampled_from(SEPARATORS) | st.text(max_size=4)).map("".join)


def spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=400, deadline=None)
@given(mixed_text)
def test_finds_what_the_case_insensitive_pattern_finds(text: str) -> None:
    folded = FoldedPattern(SOURCE)
    reference = re.compile(SOURCE, re.IGNORECASE)
    assert spans(folded.finditer(text)) == spans(reference.finditer(text))
    found, expected = folded.search(text), reference.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_ascii_text_is_read_in_lower_case() -> None:
    found = FoldedPattern(r"\bote\b|salary").search("Base SALARY plus OTE")
    assert found is not None and found.group() == "salary"


@pytest.mark.parametrize(
    ("text", "written"), [("ſalary", "ſalary"), ("İ Salary", "Salary"), ("SALARY €", "SALARY")]
)
def test_text_that_does_not_fold_like_ascii_is_read_case_insensitively(text: str, written: str) -> None:
    found = FoldedPattern("salary").search(text)
    assert found is not None and found.group() == written


@pytest.mark.parametrize("source", [r"\bOTE\b", "(?i:pay)", "(?-i:Pay)", "ſalary", "\u212aey"])
def test_refuses_a_pattern_that_would_not_fold_exactly(source: str) -> None:
    with pytest.raises(ValueError):
        FoldedPattern(source)


def test_escapes_and_group_names_may_be_upper_case() -> None:
    found = FoldedPattern(r"(?P<Word>[^\W\d_]+)\S*\Z").search("Total Pay")
    assert found is not None and found.group("Word") == "pay"


ALTERNATIVES = [
    r"\bpay\b",
    "paid",
    "payment",
    r"\bpay\s?rate",
    "[üu]cret",
    "salary",
    "salaries",
    r"\bote\b",
    "on[- ]t",
]
branch_text = st.lists(
    st.sampled_from(
        ["pay", "paid", "payment", "payrate", "pay rate", "ücret", "ucret", "salaries", "ote", "on-t"]
    )
    | st.sampled_from([" ", "", "x", "_", "\n", "9"])
).map("".join)


@settings(max_examples=400, deadline=None)
@given(branch_text, st.booleans())
def test_branches_by_first_letter_match_like_the_plain_alternation(text: str, word_start: bool) -> None:
    plain = re.compile((r"\b(?:" if word_start else "(?:") + "|".join(ALTERNATIVES) + ")")
    grouped = re.compile(first_letter_branches(ALTERNATIVES, word_start=word_start))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_branches_group_alternatives_by_their_first_letter() -> None:
    assert first_letter_branches(["paid", "salary", r"\bpay\b", "[sp]et"]) == (
        r"p(?:aid|(?<!\w.)ay\b|et)|s(?:alary|et)"
    )


def test_branches_need_an_alternative_that_opens_with_a_word_character() -> None:
    with pytest.raises(ValueError):
        first_letter_branches(["pay", "(?:base|salary)"])
    with pytest.raises(ValueError):
        first_letter_branches(["pay", "s?alary"])


def test_the_characters_that_fold_onto_ascii_letters_are_all_known() -> None:
    # Every character IGNORECASE takes for an ASCII letter either lowers to it or is listed.
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(c) for c in range(0x80, sys.maxunicode + 1) if ascii_letter.fullmatch(chr(c))}
    assert {c for c in folding if not c.lower().isascii()} == FOLDS_ONTO_ASCII


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In our DATASET of roles", True),
        ("Across 40 teams", True),
        ("No such words", False),
        ("dataſet", True),
    ],
)
def test_may_mention_reads_words_in_any_case(text: str, expected: bool) -> None:
    assert may_mention(text, ("dataset", "across")) is expected
