"""Properties that hold for any input: the parser is total, honest about numbers, and deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing import parse_posting

# Words that pull the salary extractor in, mixed with arbitrary text, so the search space is not only noise.
PAY_WORDS = [
    "Salary:",
    "$",
    "£",
    "€",
    "k",
    "K",
    "per hour",
    "/hr",
    "pa",
    "USD",
    "range",
    "-",
    "to",
    "up to",
    "LPA",
]
NO_DIGITS = st.characters(blacklist_categories=("Nd", "No", "Nl", "Cs"))

any_text = st.text(max_size=3000)
payish_text = st.lists(
    st.one_of(st.sampled_from(PAY_WORDS), st.text(alphabet=NO_DIGITS, max_size=12)), max_size=60
).map(" ".join)
payish_with_numbers = st.lists(
    st.one_of(
        st.sampled_from(PAY_WORDS),
        st.integers(min_value=0, max_value=10_000_000).map(str),
        st.text(max_size=8),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_text)
def test_never_raises(text: str) -> None:
    parse_posting(text)


@settings(max_examples=300, deadline=None)
@given(payish_with_numbers)
def test_never_raises_on_money_like_text(text: str) -> None:
    posting = parse_posting(text)
    for pay in posting.salary_ranges:
        assert pay.min is not None or pay.max is not None
        if pay.min is not None and pay.max is not None:
            assert pay.min <= pay.max


@settings(max_examples=300, deadline=None)
@given(st.one_of(payish_text, st.text(alphabet=NO_DIGITS, max_size=2000)))
def test_no_salary_without_digits(text: str) -> None:
    posting = parse_posting(text)
    assert posting.salary is None
    assert posting.salary_ranges == []


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, payish_with_numbers))
def test_same_text_same_answer(text: str) -> None:
    assert parse_posting(text) == parse_posting(text)
