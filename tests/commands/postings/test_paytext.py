"""Reading the pay a member types into the Fix form."""

from __future__ import annotations

import pytest

from commands.core.errors import CommandError
from commands.postings.paytext import parse_pay_fix


@pytest.mark.parametrize(
    ("typed", "low", "high", "currency", "period"),
    [
        ("120k-150k USD a year", 120_000, 150_000, "USD", "year"),
        ("$45/hour", 45, 45, "USD", "hour"),
        ("£600 a day", 600, 600, "GBP", "day"),
        ("up to 90k EUR", None, 90_000, "EUR", "year"),
        ("from $100k", 100_000, None, "USD", "year"),
        ("50-60k", 50_000, 60_000, "USD", "year"),  # the second figure's k applies to the first
        ("90000", 90_000, 90_000, "USD", "year"),  # no period: a large amount is yearly
        ("45 an hour", 45, 45, "USD", "hour"),
        ("CHF 120000", 120_000, 120_000, "CHF", "year"),
        ("12000 kr a month", 12_000, 12_000, "SEK", "month"),
    ],
)
def test_what_a_member_types(
    typed: str, low: float | None, high: float | None, currency: str, period: str
) -> None:
    fix = parse_pay_fix(typed)
    assert (fix.min, fix.max, fix.currency, fix.period) == (low, high, currency, period)
    assert fix.text == typed


def test_the_postings_currency_is_the_default() -> None:
    assert parse_pay_fix("50-60k", default_currency="eur").currency == "EUR"


def test_a_sign_made_of_letters_counts_only_as_a_word() -> None:
    assert parse_pay_fix("30 per hour of work").currency == "USD"  # the "kr" in "work" is no krona


def test_no_amount_is_refused() -> None:
    with pytest.raises(CommandError):
        parse_pay_fix("competitive")
