"""Headers in shapes and languages the dev files barely hold: pay lines in ten languages, region codes,
one-line headers cut by dashes, pipes or commas, workplace badges naming a region, emoji labels.

Each case says what a reader should take from the paste; ``None`` where the paste does not show a field
(precision over recall: a pay line or a place is never a company or a title). Names are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from parsing import parse_posting
from parsing.models import Workplace
from parsing.segments import pay_like

_BODY = "\n\nWe build tools for small clinics and need help shipping them."


@dataclass(frozen=True)
class Case:
    id: str
    paste: str
    title: str | None
    company: str | None = None
    places: tuple[str, ...] = ()
    workplace: Workplace | None = None
    # (min, max, currency, period) of the pay, or None when the case does not check it.
    pay: tuple[float, float, str, str] | None = None


CASES: list[Case] = [
    # Kind 1: a pay line under title and place is never the company, whatever its language.
    Case(
        "es-salario",
        "Ingeniera de Datos\nSevilla\nSalario: 28.000 € - 36.000 € brutos/año",
        "Ingeniera de Datos",
        places=("Sevilla",),
        pay=(28000, 36000, "EUR", "year"),
    ),
    Case(
        "es-sueldo",
        "Técnico de Soporte\nValencia\nSueldo: 1.800 € al mes",
        "Técnico de Soporte",
        places=("Valencia",),
    ),
    Case(
        "de-gehalt",
        "Softwareentwickler (m/w/d)\nMünchen\nGehalt: 65.000 – 80.000 € p.a.",
        "Softwareentwickler (m/w/d)",
        places=("München",),
        pay=(65000, 80000, "EUR", "year"),
    ),
    Case(
        "de-verguetung",
        "Buchhalter (m/w/d)\nHamburg\nVergütung: 48.000 € brutto jährlich",
        "Buchhalter (m/w/d)",
        places=("Hamburg",),
    ),
    Case(
        "fr-salaire",
        "Chef de projet H/F\nLyon\nSalaire : 42 000 € - 50 000 € brut annuel\nCDI",
        "Chef de projet H/F",
        places=("Lyon",),
        pay=(42000, 50000, "EUR", "year"),
    ),
    Case(
        "fr-remuneration",
        "Comptable H/F\nBordeaux\nRémunération : 32 000 € brut/an",
        "Comptable H/F",
        places=("Bordeaux",),
    ),
    Case(
        "pt-salario-title-first",
        "Analista de Sistemas\nRio de Janeiro\nSalário: R$ 6.000 a R$ 9.000 por mês",
        "Analista de Sistemas",
        places=("Rio de Janeiro",),
        pay=(6000, 9000, "BRL", "month"),
    ),
    Case(
        "pt-remuneracao",
        "Designer de Produto\nLisboa\nRemuneração: 2.500 € por mês",
        "Designer de Produto",
        places=("Lisboa",),
    ),
    Case(
        "nl-salaris",
        "Verpleegkundige\nRotterdam\nSalaris: €3.200 - €4.100 bruto per maand",
        "Verpleegkundige",
        places=("Rotterdam",),
        pay=(3200, 4100, "EUR", "month"),
    ),
    Case(
        "pl-wynagrodzenie",
        "Tester Oprogramowania\nKraków\nWynagrodzenie: 12 000 - 16 000 PLN netto/mies.",
        "Tester Oprogramowania",
        places=("Kraków",),
        pay=(12000, 16000, "PLN", "month"),
    ),
    Case(
        "sv-lon",
        "Systemutvecklare\nGöteborg\nLön: 42 000 - 50 000 kr/månad",
        "Systemutvecklare",
        places=("Göteborg",),
        pay=(42000, 50000, "SEK", "month"),
    ),
    Case(
        "sv-bare-amount",
        "Projektledare\nStockholm\n48 000 - 58 000 kr/månad",
        "Projektledare",
        places=("Stockholm",),
    ),
    Case(
        "it-stipendio",
        "Sviluppatore Java\nMilano\nStipendio: 35.000 - 42.000 € lordi annui",
        "Sviluppatore Java",
        places=("Milano",),
        pay=(35000, 42000, "EUR", "year"),
    ),
    Case("it-ral", "Contabile\nTorino\nRAL: 30.000 €", "Contabile", places=("Torino",)),
    Case(
        "ja-nenshu",
        "バックエンドエンジニア\nTokyo\n年収 700万円〜1000万円",
        "バックエンドエンジニア",
        places=("Tokyo",),
        pay=(7000000, 10000000, "JPY", "year"),
    ),
    Case("ja-gekkyu", "Data Analyst\nOsaka\n月給 30万円〜40万円", "Data Analyst", places=("Osaka",)),
    Case(
        "ae-bare-amount",
        "Account Manager\nDubai\nAED 18,000 per month",
        "Account Manager",
        places=("Dubai",),
        pay=(18000, 18000, "AED", "month"),
    ),
    Case("in-ctc", "QA Engineer\nPune, India\nCTC: 10-14 LPA", "QA Engineer", places=("Pune, India",)),
    Case(
        "en-compensation",
        "Support Specialist\nDenver, CO\nCompensation: $55,000 - $65,000",
        "Support Specialist",
        places=("Denver, CO",),
    ),
    Case(
        "sg-monthly",
        "Product Designer\nSingapore\nSGD 6k-8k monthly",
        "Product Designer",
        places=("Singapore",),
    ),
    Case(
        "de-company-kept",
        "Entwickler (m/w/d)\nNordlicht Software GmbH\nBerlin\nGehalt: 60.000 € p.a.",
        "Entwickler (m/w/d)",
        "Nordlicht Software GmbH",
        ("Berlin",),
    ),
    Case(
        "es-company-kept",
        "Desarrollador Backend\nPixelmar\nMadrid\nSalario: 40.000 € brutos/año",
        "Desarrollador Backend",
        "Pixelmar",
        ("Madrid",),
    ),
    # Kind 2: a pay line between title and place leaves the title alone.
    Case(
        "pt-pay-before-place",
        "Engenheira de Software\nSalário: R$ 9.000 a R$ 13.000 por mês\nCuritiba",
        "Engenheira de Software",
        places=("Curitiba",),
    ),
    Case(
        "de-pay-before-place",
        "Werkstudent Marketing (m/w/d)\nGehalt: 15 € pro Stunde\nKöln",
        "Werkstudent Marketing (m/w/d)",
        places=("Köln",),
    ),
    # Kind 3: a city with an Australian or Canadian region code is a place, not a company.
    Case(
        "au-nsw",
        "Site Reliability Engineer\nSydney NSW",
        "Site Reliability Engineer",
        places=("Sydney, NSW",),
    ),
    Case("au-vic", "Graphic Designer\nMelbourne VIC", "Graphic Designer", places=("Melbourne, VIC",)),
    Case(
        "au-qld-company",
        "Registered Nurse\nBrightwater Health\nBrisbane QLD",
        "Registered Nurse",
        "Brightwater Health",
        ("Brisbane, QLD",),
    ),
    Case("ca-bc", "Line Cook\nVancouver BC", "Line Cook", places=("Vancouver, BC",)),
    # Kind 4: one-line headers of a role and recognised fields only.
    Case(
        "dash-pay-place",
        "Nurse (RN) - $45/hr - Austin, TX",
        "Nurse (RN)",
        places=("Austin, TX",),
        pay=(45, 45, "USD", "hour"),
    ),
    Case("dash-place-pay", "Electrician - Phoenix, AZ - $32/hr", "Electrician", places=("Phoenix, AZ",)),
    Case(
        "commas-hybrid",
        "Frontend Dev, London, £40k-£50k pa, hybrid",
        "Frontend Dev",
        places=("London",),
        workplace="hybrid",
        pay=(40000, 50000, "GBP", "year"),
    ),
    Case(
        "commas-remote",
        "Backend Engineer, Berlin, Germany, €70k-€85k, remote",
        "Backend Engineer",
        places=("Berlin, Germany",),
        workplace="remote",
    ),
    Case(
        "pipes-no-company",
        "Data Scientist | Boston, MA | $130k-$150k",
        "Data Scientist",
        places=("Boston, MA",),
    ),
    Case(
        "dash-de",
        "Elektroniker (m/w/d) - Stuttgart - 3.600 € brutto/Monat - Vollzeit",
        "Elektroniker (m/w/d)",
        places=("Stuttgart",),
    ),
    Case("dash-company-between", "Sales Manager - Bluefin - Leeds", "Sales Manager", "Bluefin", ("Leeds",)),
    # Without pay, a job page's title keeps its place tail: the line is the title as the page writes it.
    Case(
        "title-place-tail",
        "Account Executive, Payments - Paris\nNimbus Analytics",
        "Account Executive, Payments - Paris",
        "Nimbus Analytics",
    ),
    Case(
        "title-country-tail",
        "Senior Regional Account Executive, India",
        "Senior Regional Account Executive, India",
    ),
    # Kind 5: a remote badge that names a region gives the workplace and the region.
    Case(
        "remote-us",
        "Senior Engineer | Nimbus | Remote (US) | $150k–$180k + equity",
        "Senior Engineer",
        "Nimbus",
        ("US",),
        "remote",
    ),
    Case(
        "remote-eu",
        "Platform Engineer | Quillsoft | Remote - EU | €80k",
        "Platform Engineer",
        "Quillsoft",
        ("EU",),
        "remote",
    ),
    Case(
        "remote-emea",
        "Data Engineer | Larkspur Labs | Remote (EMEA)",
        "Data Engineer",
        "Larkspur Labs",
        ("EMEA",),
        "remote",
    ),
    Case(
        "hybrid-germany",
        "QA Lead | Tannery Labs | Hybrid (Germany)",
        "QA Lead",
        "Tannery Labs",
        ("Germany",),
        "hybrid",
    ),
    # Kind 6: a bare "$" takes the currency of the posting's one country.
    Case(
        "au-dollar",
        "DevOps Engineer\nSydney NSW\n$140,000 - $160,000 + super",
        "DevOps Engineer",
        places=("Sydney, NSW",),
        pay=(140000, 160000, "AUD", "year"),
    ),
    Case(
        "ca-dollar",
        "Warehouse Associate\nCalgary, AB\n$21.00 - $24.00/hour",
        "Warehouse Associate",
        places=("Calgary, AB",),
        pay=(21, 24, "CAD", "hour"),
    ),
    # Field labels in other languages read as the English ones.
    Case(
        "de-labels",
        "Stelle: Backend-Entwickler (m/w/d)\nUnternehmen: Nordlicht GmbH\nStandort: Leipzig\n"
        "Gehalt: 55.000 € p.a.",
        "Backend-Entwickler (m/w/d)",
        "Nordlicht GmbH",
        ("Leipzig",),
    ),
    Case(
        "fr-labels",
        "Poste : Développeur Full Stack\nEntreprise : Lumière SAS\nLieu : Nantes\n"
        "Salaire : 45 000 € brut annuel",
        "Développeur Full Stack",
        "Lumière SAS",
        ("Nantes",),
    ),
    Case(
        "es-labels",
        "Puesto: Analista de Datos\nEmpresa: Pixelmar\nUbicación: Barcelona",
        "Analista de Datos",
        "Pixelmar",
        ("Barcelona",),
    ),
    Case(
        "pt-labels",
        "Vaga: Desenvolvedor Python\nEmpresa: Tucano Tech\nLocal: Belo Horizonte",
        "Desenvolvedor Python",
        "Tucano Tech",
        ("Belo Horizonte",),
    ),
    Case(
        "nl-labels",
        "Functie: Data Engineer\nBedrijf: Molenwerk BV\nLocatie: Utrecht",
        "Data Engineer",
        "Molenwerk BV",
        ("Utrecht",),
    ),
    Case(
        "pl-labels",
        "Stanowisko: Programista Java\nFirma: Wisła Soft\nLokalizacja: Gdańsk",
        "Programista Java",
        "Wisła Soft",
        ("Gdańsk",),
    ),
    Case(
        "sv-labels",
        "Tjänst: Backend-utvecklare\nFöretag: Fjällsoft AB\nOrt: Malmö",
        "Backend-utvecklare",
        "Fjällsoft AB",
        ("Malmö",),
    ),
    Case(
        "it-labels",
        "Posizione: Sviluppatore Frontend\nAzienda: Laguna Srl\nSede: Bologna",
        "Sviluppatore Frontend",
        "Laguna Srl",
        ("Bologna",),
    ),
    Case(
        "ja-labels",
        "職種：バックエンドエンジニア\n会社名：Sakura Systems\n勤務地：Tokyo",
        "バックエンドエンジニア",
        "Sakura Systems",
        ("Tokyo",),
    ),
    Case(
        "de-emoji-labels",
        "📌 Stelle: Data Scientist (m/w/d)\n🏢 Unternehmen: Nordlicht GmbH\n📍 Standort: Köln\n"
        "🏠 Anstellungsart: Vollzeit, Homeoffice möglich",
        "Data Scientist (m/w/d)",
        "Nordlicht GmbH",
        ("Köln",),
        "hybrid",
    ),
    # Pay first: the pay leads the header and is still neither title nor company.
    Case(
        "pay-first-pipes",
        "€60k-€75k | Backend Engineer | Nimbus | Berlin",
        "Backend Engineer",
        "Nimbus",
        ("Berlin",),
    ),
    Case(
        "pay-first-lines",
        "Gehalt: 60.000 €\nSoftwareentwickler (m/w/d)\nBerlin",
        "Softwareentwickler (m/w/d)",
        places=("Berlin",),
    ),
    Case(
        "pay-first-emoji",
        "💰 $120k-$140k\n💼 Staff Engineer\n🏢 Nimbus\n📍 Austin, TX",
        "Staff Engineer",
        "Nimbus",
        ("Austin, TX",),
    ),
    # Emoji labels before the fields.
    Case(
        "emoji-labels",
        "💼 Product Owner\n📍 Utrecht\n💰 Salaris: €4.500 - €5.500 bruto per maand",
        "Product Owner",
        places=("Utrecht",),
    ),
    Case(
        "emoji-pay-first",
        "Backend Developer\n💶 Gehalt: 70.000 € p.a.\n📍 Wien",
        "Backend Developer",
        places=("Wien",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_unseen_header(case: Case) -> None:
    posting = parse_posting(case.paste + _BODY)
    assert posting.title == case.title
    assert posting.company == case.company
    assert tuple(posting.locations) == case.places
    if case.workplace is not None:
        assert posting.workplace == case.workplace
    if case.pay is not None:
        assert posting.salary is not None
        salary = posting.salary
        assert (salary.min, salary.max, salary.currency, salary.period) == case.pay


@pytest.mark.parametrize(
    "segment",
    [
        "Salario: 30.000 €",
        "Gehalt: 60.000 – 75.000 € p.a.",
        "年収 800万円〜1200万円",
        "45 000 - 55 000 kr/månad",
        "Lön: 40 000 kr/mån",
        "CTC: 12-18 LPA",
        "AED 25,000 per month",
        "Salaire",
    ],
)
def test_pay_segments(segment: str) -> None:
    assert pay_like(segment)


@pytest.mark.parametrize(
    "segment",
    [
        "CTC Global",
        "Pay attention to detail",
        "Nimbus Analytics",
        "Senior Engineer",
        "Berlin 10115",
        "PayPal",
        "Software Engineer II",
    ],
)
def test_names_are_not_pay(segment: str) -> None:
    assert not pay_like(segment)
