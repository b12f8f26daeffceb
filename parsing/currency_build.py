"""Build ``parsing/currency_data.py`` from babel's copy of CLDR: how each currency we can judge is
written (symbols such as ``zł``, ``A$``, ``Kč``) and named (``Swiss francs``, ``euros``, ``złoty``).

    python -m parsing.currency_build      # rewrites parsing/currency_data.py; commit the result

The table is generated once and committed so the parser never loads CLDR at run time (babel's locale
files take far longer to read than a posting takes to parse).
"""

from __future__ import annotations

import pprint
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from babel import Locale, UnknownLocaleError, localedata
from babel.numbers import get_territory_currencies

from parsing.currency import CURRENCIES

OUTPUT = Path(__file__).with_name("currency_data.py")

# A symbol this short or this generic says nothing on its own ("R", "L", "$" outside the US).
_TOO_GENERIC = re.compile(r"^(?:\w|\$|[A-Za-z]\.)$")
# English's own symbol for a currency ("¥" is the yen, "CN¥" the yuan) outweighs local spellings.
_ENGLISH_WEIGHT = 100
# Names and nicknames that are words of ordinary English, or another field's word.
_NOT_A_CURRENCY_WORD = {"real", "won", "rand", "dong", "leu", "lei", "dollar", "dollars"}


def _is_name(name: str) -> bool:
    # Short Latin words ("eur", "sol") are codes or ordinary words more often than currency names.
    return len(name) >= 4 or not name.isascii() or name == "yen"


def _territory_locales() -> Iterator[tuple[str, Locale]]:
    """Every CLDR locale of a territory with its territory code, in identifier order."""
    for identifier in sorted(localedata.locale_identifiers()):
        try:
            locale = Locale.parse(identifier)
        except (UnknownLocaleError, ValueError):
            continue
        if locale.territory:
            yield locale.territory, locale


def _locales_by_currency() -> dict[str, list[Locale]]:
    """The locales of the territories where each currency is legal tender today."""
    found: dict[str, list[Locale]] = defaultdict(list)
    for territory, locale in _territory_locales():
        for code in get_territory_currencies(territory):
            if code in CURRENCIES:
                found[code].append(locale)
    return found


def _plural_names(locale: Locale, code: str) -> list[str]:
    plural = locale._data["currency_names_plural"].get(code, {})
    return [name for name in plural.values() if isinstance(name, str)]


def _resolve(candidates: dict[str, dict[str, int]]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """One code per written form: the code written that way in the most locales (ties alphabetical);
    forms shared by several codes are also listed so the caller can settle them from context."""
    chosen: dict[str, str] = {}
    shared: dict[str, tuple[str, ...]] = {}
    for form in sorted(candidates):
        votes = candidates[form]
        ranked = sorted(votes, key=lambda code: (-votes[code], code))
        chosen[form] = ranked[0]
        if len(ranked) > 1:
            shared[form] = tuple(sorted(ranked))
    return chosen, shared


def build_countries() -> dict[str, str]:
    """Country names (case-folded, in English and in the country's own languages) to the currency a
    posting there pays in, for the countries whose currency we can judge."""
    english = Locale("en")
    found: dict[str, str] = {}
    by_territory: dict[str, list[Locale]] = defaultdict(list)
    for territory, locale in _territory_locales():
        by_territory[territory].append(locale)
    for territory in sorted(english.territories):
        if not territory.isalpha():
            continue  # "001" and the like are regions, not countries
        currencies = [c for c in get_territory_currencies(territory) if c in CURRENCIES]
        if len(currencies) != 1:
            continue
        for locale in [english, *by_territory.get(territory, [])]:
            name = locale.territories.get(territory)
            if name:
                found.setdefault(name.casefold(), currencies[0])
    return dict(sorted(found.items()))


def build() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, str]]:
    english = Locale("en")
    symbols: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    nicknames: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for code, locales in sorted(_locales_by_currency().items()):
        for locale in [english, *locales]:
            weight = _ENGLISH_WEIGHT if locale is english else 1
            symbol = locale.currency_symbols.get(code)
            if symbol and symbol != code and not _TOO_GENERIC.match(symbol):
                symbols[symbol][code] += weight
            for name in [locale.currencies.get(code), *_plural_names(locale, code)]:
                if name and _is_name(name.casefold()):
                    names[name.casefold()][code] += weight
        # "francs", "euros", "zlotys": the last word of the English name stands for the currency.
        for name in [english.currencies.get(code), *_plural_names(english, code)]:
            if name:
                nicknames[name.split()[-1].casefold()][code] += 1
    symbol_table, shared_symbols = _resolve(symbols)
    name_table, _ = _resolve(names)
    for word, votes in sorted(nicknames.items()):
        # A nickname shared by several currencies ("peso", "rupee") names none of them.
        if len(votes) == 1 and _is_name(word) and word not in _NOT_A_CURRENCY_WORD and word not in name_table:
            name_table[word] = next(iter(votes))
    for word in _NOT_A_CURRENCY_WORD:
        name_table.pop(word, None)
    return symbol_table, shared_symbols, name_table


def main() -> None:
    symbol_table, shared_symbols, name_table = build()
    countries = build_countries()
    body = (
        '"""Generated by ``python -m parsing.currency_build`` from babel/CLDR; do not edit by hand."""\n\n'
        "# How a currency is written before or after an amount, in the locales that use it.\n"
        f"CLDR_SYMBOLS: dict[str, str] = {pprint.pformat(symbol_table, width=100, sort_dicts=True)}\n\n"
        "# Symbols written the same way for several currencies; the posting's country settles them.\n"
        "CLDR_SHARED_SYMBOLS: dict[str, tuple[str, ...]] = "
        f"{pprint.pformat(shared_symbols, width=100, sort_dicts=True)}\n\n"
        "# Currency names (case-folded), singular and plural, in the languages of the places that use them.\n"
        f"CLDR_NAMES: dict[str, str] = {pprint.pformat(name_table, width=100, sort_dicts=True)}\n\n"
        "# Country names (case-folded) in English and in the country's own languages, to its currency.\n"
        f"CLDR_COUNTRY_CURRENCY: dict[str, str] = {pprint.pformat(countries, width=100, sort_dicts=True)}\n"
    )
    OUTPUT.write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
