"""Header fields of postings written in German, French, Spanish, Portuguese, Dutch, Italian and Polish:
the role vocabulary of ``parsing/data/role_words.txt`` tells the header which segment is the title, and
the role key groups the posting with its English twin. The postings are our own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from parsing import parse_posting
from parsing.segments import role_words


@dataclass(frozen=True)
class Case:
    name: str
    paste: str
    title: str
    company: str | None
    role: str


CASES: list[Case] = [
    # Pipe headers: without a role word the header cannot tell the title from the company.
    Case(
        "de-pipe-leiterin",
        "Projektleiterin Elektrotechnik | Hallmann Bau | Stuttgart\n\nHallmann Bau plant Gebäude.\n",
        "Projektleiterin Elektrotechnik",
        "Hallmann Bau",
        "elektrotechnik project manager",
    ),
    Case(
        "de-pipe-beraterin",
        "Kundenberaterin Energie | Fernlink | Dortmund\n\nFernlink betreut Privatkunden.\n",
        "Kundenberaterin Energie",
        "Fernlink",
        "energie customer advisor",
    ),
    Case(
        "de-pipe-lagerist",
        "Lagerist | Spedition Wolf | Kassel | Vollzeit\n\nSpedition Wolf liefert Möbel.\n",
        "Lagerist",
        "Spedition Wolf",
        "warehouse worker",
    ),
    Case(
        "de-pipe-fuer",
        "Elektroniker für Betriebstechnik | Stadtwerke Hofheim | Hofheim\n\nDie Stadtwerke Hofheim versorgen.\n",
        "Elektroniker für Betriebstechnik",
        "Stadtwerke Hofheim",
        "electronics technician",
    ),
    Case(
        "de-lines",
        "Sachbearbeiter Buchhaltung (m/w/d)\nKrämer Logistik GmbH\nBremen\n\nIhre Aufgaben: Buchen von Belegen.\n",
        "Sachbearbeiter Buchhaltung (m/w/d)",
        "Krämer Logistik GmbH",
        "accounting clerk",
    ),
    Case(
        "fr-pipe-infirmiere",
        "Infirmière de bloc | Clinique Saint-Roch | Lille\n\nLa Clinique Saint-Roch recrute.\n",
        "Infirmière de bloc",
        None,  # the company is not what this case checks
        "bloc nurse",
    ),
    Case(
        "fr-pipe-responsable",
        "Lumio | Responsable Marketing | Paris, France | CDI\n\nLumio recrute.\n",
        "Responsable Marketing",
        "Lumio",
        "marketing manager",
    ),
    Case(
        "es-pipe-enfermera",
        "Enfermera | Hospital Norte | Bilbao\n\nEl Hospital Norte busca enfermeras.\n",
        "Enfermera",
        "Hospital Norte",
        "nurse",
    ),
    Case(
        "es-lines",
        "Ingeniera de Datos\nCaminos Digitales S.L.\nMadrid, España\n\nEn Caminos Digitales buscamos.\n",
        "Ingeniera de Datos",
        "Caminos Digitales S.L.",
        "data engineer",
    ),
    Case(
        "pt-pipe",
        "Maré | Engenheira de Dados | Lisboa\n\nA Maré procura uma engenheira.\n",
        "Engenheira de Dados",
        None,
        "data engineer",
    ),
    Case(
        "pt-lines",
        "Desenvolvedor(a) Front-end\nMaré Tecnologia\nSão Paulo, Brasil\n\nNa Maré Tecnologia você vai.\n",
        "Desenvolvedor(a) Front-end",
        "Maré Tecnologia",
        "frontend developer",
    ),
    Case(
        "nl-pipe-medewerker",
        "Duinrand | Magazijnmedewerker | Tilburg\n\nBij Duinrand werk je in ploegen.\n",
        "Magazijnmedewerker",
        "Duinrand",
        "warehouse worker",
    ),
    Case(
        "nl-pipe-ontwikkelaar",
        "Softwareontwikkelaar | Bitveld | Eindhoven\n\nBitveld bouwt software.\n",
        "Softwareontwikkelaar",
        "Bitveld",
        "software developer",
    ),
    Case(
        "it-pipe",
        "Ventoblu | Sviluppatrice Backend | Torino\n\nVentoblu cerca una sviluppatrice.\n",
        "Sviluppatrice Backend",
        "Ventoblu",
        "backend developer",
    ),
    Case(
        "it-pipe-responsabile",
        "Ventoblu | Responsabile Vendite | Roma\n\nVentoblu cerca.\n",
        "Responsabile Vendite",
        "Ventoblu",
        "sales manager",
    ),
    Case(
        "pl-pipe",
        "Magazynier | Hurtex | Poznań\n\nHurtex zatrudni magazyniera.\n",
        "Magazynier",
        "Hurtex",
        "warehouse worker",
    ),
    Case(
        "pl-lines",
        "Specjalista ds. sprzedaży\nHurtex\nWarszawa\n\nHurtex zatrudni specjalistę.\n",
        "Specjalista ds. sprzedaży",
        "Hurtex",
        "sales specialist",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_header_reads_local_titles(case: Case) -> None:
    posting = parse_posting(case.paste)
    assert posting.title == case.title
    if case.company is not None:
        assert posting.company == case.company
    assert posting.role == case.role


@pytest.mark.parametrize(
    ("local", "english"),
    [
        ("Softwareentwicklerin | Nordwerk | Leipzig", "Software Developer | Nordwerk | Leipzig"),
        ("Nordwerk | Ingeniero de Datos | Sevilla", "Nordwerk | Data Engineer | Sevilla"),
        ("Verpleegkundige | Zorggroep Duinrand | Utrecht", "Nurse | Zorggroep Duinrand | Utrecht"),
    ],
)
def test_local_and_english_postings_share_a_role(local: str, english: str) -> None:
    body = "\n\nNordwerk und Zorggroep Duinrand suchen.\n"
    assert parse_posting(local + body).role == parse_posting(english + body).role is not None


def test_a_common_word_does_not_make_a_title() -> None:
    # "Leider" is "unfortunately", "Halbleiter" a semiconductor: no role key comes from either.
    assert parse_posting("Leider ist diese Stelle besetzt\nNordwerk GmbH\n\nNordwerk baut.\n").role is None
    assert parse_posting("Halbleiter\nWir bauen Chips in Dresden.\n").role is None


@pytest.mark.parametrize(
    ("segment", "nouns"),
    [
        ("Backend Engineers / SRE", 2),
        ("Éducateur spécialisé", 1),  # a word opening with an accented letter is read whole
        ("Heizungstechnikerin (m/w/d)", 2),  # a compound on its head, and the gender note
        ("Halbleiter Werk Dresden", 0),  # ends like "Leiter", names no role
        ("Politécnico de Milano", 0),  # ends like "técnico"
    ],
)
def test_role_nouns_a_header_segment_holds(segment: str, nouns: int) -> None:
    assert role_words(segment) == nouns
