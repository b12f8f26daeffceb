"""Currency symbols and codes as they appear in postings.

``usd_scale`` is only an order of magnitude (units per US dollar) used to judge whether an amount is
plausible as pay; real conversion uses the dated rate table in config.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CurrencyInfo:
    code: str
    usd_scale: float


CURRENCIES: dict[str, CurrencyInfo] = {
    code: CurrencyInfo(code, scale)
    for code, scale in {
        "USD": 1,
        "EUR": 1,
        "GBP": 1,
        "CHF": 1,
        "CAD": 1.4,
        "AUD": 1.5,
        "NZD": 1.7,
        "SGD": 1.35,
        "HKD": 7.8,
        "INR": 85,
        "PLN": 4,
        "SEK": 10.5,
        "NOK": 10.8,
        "DKK": 7,
        "CZK": 23,
        "HUF": 360,
        "RON": 4.6,
        "JPY": 150,
        "CNY": 7.2,
        "KRW": 1350,
        "BRL": 5.5,
        "MXN": 18,
        "ZAR": 18,
        "AED": 3.7,
        "SAR": 3.75,
        "ILS": 3.7,
        "TRY": 34,
        "PHP": 57,
        "IDR": 16000,
        "MYR": 4.5,
        "THB": 35,
        "VND": 25000,
        "NGN": 1500,
        "KES": 130,
        "EGP": 48,
        "PKR": 280,
        "BDT": 120,
        "UAH": 41,
        "ARS": 1000,
        "CLP": 950,
        "COP": 4000,
        "PEN": 3.7,
        "TWD": 32,
        "ISK": 138,
        "BGN": 1.8,
    }.items()
}

# Written before or after the number. Longer forms first so "US$" wins over "$".
SYMBOL_TO_CODE: dict[str, str] = {
    "US$": "USD",
    "USD$": "USD",
    "U.S.$": "USD",
    "$US": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "CDN$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "SG$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "¥": "JPY",
    "₩": "KRW",
    "₪": "ILS",
    "₱": "PHP",
    "₦": "NGN",
    "₺": "TRY",
    "₴": "UAH",
    "₫": "VND",
    "zł": "PLN",
    "Kč": "CZK",
    "Fr.": "CHF",
    "Rs.": "INR",
    "Rs": "INR",
    "kr.": "SEK",
    "kr": "SEK",
    "RM": "MYR",
    "Ft": "HUF",
    "lei": "RON",
}

# "kr" is shared by the Nordic currencies; the country named nearby settles it.
NORDIC_KRONE_HINTS: dict[str, str] = {
    "sweden": "SEK",
    "stockholm": "SEK",
    "gothenburg": "SEK",
    "malmö": "SEK",
    "norway": "NOK",
    "oslo": "NOK",
    "bergen": "NOK",
    "denmark": "DKK",
    "copenhagen": "DKK",
    "aarhus": "DKK",
}

# Which currency a bare "$" means in a posting located in these countries (locations are normalized to
# "City, Country" outside the US, so the country is the last part).
DOLLAR_COUNTRIES: dict[str, str] = {
    "canada": "CAD",
    "australia": "AUD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "hong kong": "HKD",
}
