"""Reading the pay a user types when fixing a posting: "120k-150k USD", "$45/hour", "£600 a day"."""

from __future__ import annotations

import re

from commands.errors import CommandError
from parsing.models import Period
from store import PayFix

_SYMBOL = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY"}
_PERIOD_WORDS: dict[str, Period] = {
    "h": "hour", "hr": "hour", "hour": "hour", "hourly": "hour",
    "d": "day", "day": "day", "daily": "day",
    "wk": "week", "week": "week", "weekly": "week",
    "mo": "month", "month": "month", "monthly": "month",
    "y": "year", "yr": "year", "year": "year", "yearly": "year", "annum": "year", "annual": "year",
    "annually": "year", "pa": "year",
}  # fmt: skip
_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CHF",
        "CAD",
        "AUD",
        "NZD",
        "INR",
        "PLN",
        "SEK",
        "NOK",
        "DKK",
        "JPY",
        "SGD",
        "HKD",
        "BRL",
        "MXN",
        "ZAR",
        "CZK",
        "CNY",
        "KRW",
        "ILS",
        "AED",
        "TRY",
        "HUF",
        "RON",
        "BGN",
        "UAH",
        "PHP",
        "IDR",
        "MYR",
        "THB",
        "VND",
        "NGN",
        "KES",
        "EGP",
        "ARS",
        "CLP",
        "COP",
        "PEN",
    ]
)
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([kKmM])?")
_CODE = re.compile(r"\b([A-Za-z]{3})\b")
_PERIOD = re.compile(
    r"(?:/|\bper\b|\ba\b|\ban\b)\s*([a-z]+)|\b(hourly|daily|weekly|monthly|yearly|annually|annual)\b"
)


def _number(digits: str, suffix: str | None) -> float:
    value = float(digits.replace(",", ""))
    if suffix:
        value *= 1000 if suffix.lower() == "k" else 1_000_000
    return value


def parse_pay_fix(text: str, *, default_currency: str = "USD") -> PayFix:
    """A PayFix from what the user typed. One amount is a single figure; "up to X" / "from X" one bound.

    With no period given, amounts under 1,000 are read as hourly and larger ones as yearly.
    """
    cleaned = text.strip()
    lowered = cleaned.lower().replace("–", "-").replace("—", "-")
    found = [(m.group(1), m.group(2)) for m in _AMOUNT.finditer(lowered)][:2]
    if len(found) == 2 and found[1][1] and not found[0][1]:
        # "50-60k": the suffix of the second figure applies to the first
        first, second = float(found[0][0].replace(",", "")), float(found[1][0].replace(",", ""))
        if first <= second:
            found[0] = (found[0][0], found[1][1])
    amounts = [_number(digits, suffix) for digits, suffix in found]
    if not amounts:
        raise CommandError("Give the pay as amounts, e.g. `120k-150k USD a year` or `$45/hour`.")
    currency = next((code for sym, code in _SYMBOL.items() if sym in cleaned), None)
    if currency is None:
        codes = [m.group(1) for m in _CODE.finditer(cleaned)]
        currency = next((c.upper() for c in codes if c.upper() in _CODES or c.isupper()), None)
    currency = currency or default_currency.upper()
    period: Period | None = None
    for m in _PERIOD.finditer(lowered):
        word = m.group(1) or m.group(2)
        if word in _PERIOD_WORDS:
            period = _PERIOD_WORDS[word]
            break
    if period is None:
        period = "hour" if max(amounts) < 1000 else "year"
    if len(amounts) == 2:
        low, high = sorted(amounts)
        return PayFix(min=low, max=high, currency=currency, period=period, text=cleaned)
    if lowered.startswith(("up to", "upto", "max")):
        return PayFix(min=None, max=amounts[0], currency=currency, period=period, text=cleaned)
    if lowered.startswith(("from", "min", "at least")):
        return PayFix(min=amounts[0], max=None, currency=currency, period=period, text=cleaned)
    return PayFix(min=amounts[0], max=amounts[0], currency=currency, period=period, text=cleaned)
