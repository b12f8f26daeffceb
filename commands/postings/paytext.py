"""Reading the pay a user types when fixing a posting: "120k-150k USD", "$45/hour", "£600 a day".

What the posting parser reads (:func:`parsing.salary.extract_salary_ranges`) is taken as read. A fix is
terser than a posting, though, and the parser rightly refuses on its own what a person fixing a
posting means plainly: a bare figure ("90000"), a bound ("up to 90k EUR", "from $100k"), a range with
no currency ("50-60k"). Those are read here, with the currency signs and codes of
:mod:`parsing.currency` and, when no period is given, amounts under 1,000 taken as hourly and larger
ones as yearly.
"""

from __future__ import annotations

import re

from commands.core.errors import CommandError
from parsing.currency import CURRENCIES, SYMBOL_TO_CODE
from parsing.models import Period
from parsing.salary import extract_salary_ranges
from store import PayFix

_PERIOD_WORDS: dict[str, Period] = {
    "h": "hour", "hr": "hour", "hour": "hour", "hourly": "hour",
    "d": "day", "day": "day", "daily": "day",
    "wk": "week", "week": "week", "weekly": "week",
    "mo": "month", "month": "month", "monthly": "month",
    "y": "year", "yr": "year", "year": "year", "yearly": "year", "annum": "year", "annual": "year",
    "annually": "year", "pa": "year",
}  # fmt: skip
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([kKmM])?")
_CODE = re.compile(r"\b([A-Za-z]{3})\b")
_PERIOD = re.compile(
    r"(?:/|\bper\b|\ba\b|\ban\b)\s*([a-z]+)|\b(hourly|daily|weekly|monthly|yearly|annually|annual)\b"
)
_KNOWN_CODES = frozenset(CURRENCIES) | frozenset(SYMBOL_TO_CODE.values())


def _number(digits: str, suffix: str | None) -> float:
    value = float(digits.replace(",", ""))
    if suffix:
        value *= 1000 if suffix.lower() == "k" else 1_000_000
    return value


# A sign made of letters ("kr", "Rs") counts only as a word of its own, never inside one ("work").
_SIGNS = [
    (
        re.compile(
            rf"(?<![A-Za-z]){re.escape(symbol)}(?![A-Za-z])" if symbol[:1].isalpha() else re.escape(symbol)
        ),
        code,
    )
    for symbol, code in SYMBOL_TO_CODE.items()
]


def _currency(text: str, default: str) -> str:
    sign = next((code for pattern, code in _SIGNS if pattern.search(text)), None)
    if sign is not None:
        return sign
    codes = [m.group(1) for m in _CODE.finditer(text)]
    return next((c.upper() for c in codes if c.upper() in _KNOWN_CODES or c.isupper()), default.upper())


def _period(lowered: str, amounts: list[float]) -> Period:
    for m in _PERIOD.finditer(lowered):
        word = m.group(1) or m.group(2)
        if word in _PERIOD_WORDS:
            return _PERIOD_WORDS[word]
    return "hour" if max(amounts) < 1000 else "year"


def parse_pay_fix(text: str, *, default_currency: str = "USD") -> PayFix:
    """A PayFix from what the user typed. One amount is a single figure; "up to X" / "from X" one bound."""
    cleaned = text.strip()
    read = extract_salary_ranges(cleaned)
    if read:
        first = read[0]
        # A figure typed without a sign or code is in the posting's own currency.
        currency = default_currency.upper() if first.currency_inferred else first.currency
        return PayFix(min=first.min, max=first.max, currency=currency, period=first.period, text=cleaned)
    lowered = cleaned.lower().replace("–", "-").replace("—", "-")
    found = [(m.group(1), m.group(2)) for m in _AMOUNT.finditer(lowered)][:2]
    if len(found) == 2 and found[1][1] and not found[0][1]:
        # "50-60k": the suffix of the second figure applies to the first
        first_value, second_value = (float(digits.replace(",", "")) for digits, _ in found)
        if first_value <= second_value:
            found[0] = (found[0][0], found[1][1])
    amounts = [_number(digits, suffix) for digits, suffix in found]
    if not amounts:
        raise CommandError("Give the pay as amounts, e.g. `120k-150k USD a year` or `$45/hour`.")
    currency = _currency(cleaned, default_currency)
    period = _period(lowered, amounts)
    if len(amounts) == 2:
        low, high = sorted(amounts)
        return PayFix(min=low, max=high, currency=currency, period=period, text=cleaned)
    if lowered.startswith(("up to", "upto", "max")):
        return PayFix(min=None, max=amounts[0], currency=currency, period=period, text=cleaned)
    if lowered.startswith(("from", "min", "at least")):
        return PayFix(min=amounts[0], max=None, currency=currency, period=period, text=cleaned)
    return PayFix(min=amounts[0], max=amounts[0], currency=currency, period=period, text=cleaned)
