"""The committed currency table is what babel/CLDR gives, and reads the forms postings use."""

from __future__ import annotations

import pytest

from parsing import currency_data
from parsing.currency import CURRENCIES, NAME_TO_CODE, SYMBOL_TO_CODE
from parsing.currency_build import build, build_countries


def test_committed_table_matches_cldr() -> None:
    symbols, shared, names = build()
    assert symbols == currency_data.CLDR_SYMBOLS
    assert shared == currency_data.CLDR_SHARED_SYMBOLS
    assert names == currency_data.CLDR_NAMES
    assert build_countries() == currency_data.CLDR_COUNTRY_CURRENCY


def test_every_form_names_a_currency_we_can_judge() -> None:
    assert set(SYMBOL_TO_CODE.values()) <= set(CURRENCIES)
    assert set(NAME_TO_CODE.values()) <= set(CURRENCIES)


@pytest.mark.parametrize(
    ("form", "code"),
    [("zł", "PLN"), ("Kč", "CZK"), ("Ft", "HUF"), ("₹", "INR"), ("¥", "JPY"), ("NT$", "TWD"), ("$A", "AUD")],
)
def test_symbols(form: str, code: str) -> None:
    assert SYMBOL_TO_CODE[form] == code


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("swiss francs", "CHF"),
        ("euros", "EUR"),
        ("pounds", "GBP"),
        ("japanese yen", "JPY"),
        ("złoty", "PLN"),
        ("forints", "HUF"),
        ("schweizer franken", "CHF"),
    ],
)
def test_names(form: str, code: str) -> None:
    assert NAME_TO_CODE[form] == code
