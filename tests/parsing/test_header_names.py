"""Header sentences in other languages, company names with joiner words, and names that only look like
places. Names and places are invented or common; each case stands for a kind of header."""

from __future__ import annotations

import pytest

from parsing import parse_posting
from parsing.places import read_places

_BODY = "\n\nNous soignons nos patients avec attention et formons chaque nouvelle recrue sur place."

# (case id, paste, title, company, places)
CASES: list[tuple[str, str, str, str, list[str]]] = [
    (
        "es-busca-en",
        "Brisa Digital busca Desarrollador Backend en Valencia" + _BODY,
        "Desarrollador Backend",
        "Brisa Digital",
        ["Valencia"],
    ),
    (
        "fr-recrute-a-joiner-name",
        "Clinique du Parc recrute un(e) Infirmier(e) à Lyon" + _BODY,
        "Infirmier(e)",
        "Clinique du Parc",
        ["Lyon"],
    ),
    (
        "de-sucht-in",
        "Nordlicht Technik GmbH sucht eine/n Elektroniker/in (m/w/d) in Hamburg" + _BODY,
        "Elektroniker/in (m/w/d)",
        "Nordlicht Technik GmbH",
        ["Hamburg"],
    ),
    (
        "en-sentence-keeps-a-spanish-title-whole",
        "Brisa Digital is hiring a Representante de Ventas en Campo in Querétaro, Mexico!" + _BODY,
        "Representante de Ventas en Campo",
        "Brisa Digital",
        ["Querétaro, Mexico"],
    ),
    (
        "pipe-name-with-two-joiners",
        "Clinique de la Source | Infirmier (H/F) | Lausanne" + _BODY,
        "Infirmier (H/F)",
        "Clinique de la Source",
        ["Lausanne"],
    ),
    (
        "company-line-with-von",
        "Pflegefachkraft (m/w/d)\nHaus von Stein\nBerlin" + _BODY,
        "Pflegefachkraft (m/w/d)",
        "Haus von Stein",
        ["Berlin"],
    ),
    (
        "short-name-is-no-place",
        "Maré\nProduct Designer\nLisbon" + _BODY,
        "Product Designer",
        "Maré",
        ["Lisbon"],
    ),
]


@pytest.mark.parametrize(("case", "paste", "title", "company", "places"), CASES, ids=[c[0] for c in CASES])
def test_header_names(case: str, paste: str, title: str, company: str, places: list[str]) -> None:
    posting = parse_posting(paste)
    assert (posting.title, posting.company, posting.locations) == (title, company, places)


@pytest.mark.parametrize("word", ["Maré", "Mare", "A la"])
def test_short_transliterations_are_no_places(word: str) -> None:
    # The gazetteer keeps no alternate name shorter than five letters ("Mare" was one for Malé).
    assert read_places(word) == []


@pytest.mark.parametrize("name", ["Bonn", "Graz", "Malé"])
def test_a_short_city_name_of_its_own_is_kept(name: str) -> None:
    assert read_places(name) == [name]
