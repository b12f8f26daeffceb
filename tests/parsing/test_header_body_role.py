"""Titles stated only in the body: a hiring sentence or a list of openings under a header that names the
company and the place but no role. Postings, names and places are invented; each case stands for a kind
of paste (a Hacker News header, a Discord announcement, a recruiter's mail, a German, French or Spanish
ad), and the cases without a hiring cue must leave the title empty.
"""

from __future__ import annotations

import pytest

from parsing.body_role import LIST_CONFIDENCE, SENTENCE_CONFIDENCE, body_role, tidy_role
from parsing.header import extract_header
from parsing.lines import load

_HN = "Nimbus Robotics | Lisbon, Portugal | ONSITE | Full-time\n\n"
_TAIL = "\n\nWe ship every week and pair on hard problems. Email jobs@nimbus.example to apply."

# (case id, paste, the title a reader takes from it)
TITLES: list[tuple[str, str, str]] = [
    (
        "en-if-you-are",
        _HN + "If you're a passionate Rust Developer - we would love to hear from you." + _TAIL,
        "Rust Developer",
    ),
    (
        "en-looking-for-lower-case",
        _HN + "We're looking for a machine learning expert and a data engineer to grow the team." + _TAIL,
        "machine learning expert",
    ),
    (
        "en-hiring-two-roles-with-and",
        _HN + "We are hiring talented platform engineers and research scientists in our lab." + _TAIL,
        "platform engineers",
    ),
    (
        "en-head-of-field",
        "Orbital Fleet\n\nOrbital Fleet is looking for VP of Engineering to lead our product teams." + _TAIL,
        "VP of Engineering",
    ),
    (
        "en-join-us-as",
        _HN + "Sounds like you? Join us as a Senior Site Reliability Engineer and own our platform." + _TAIL,
        "Senior Site Reliability Engineer",
    ),
    (
        "en-current-openings",
        _HN + "Current openings are firmware tester, data analyst and support engineer." + _TAIL,
        "firmware tester",
    ),
    (
        "en-list-after-intro",
        _HN + "We are hiring for the following positions:\n\n* Payments Engineer; you will own our ledger\n"
        "* Product Designer" + _TAIL,
        "Payments Engineer",
    ),
    (
        "en-list-intro-without-colon",
        _HN + "Looking for\n\n1. Backend engineer. Our stack is Kotlin and Postgres.\n2. QA lead" + _TAIL,
        "Backend engineer",
    ),
    (
        "en-inline-roles",
        _HN + "Roles: Senior Data Engineer, Junior Data Engineer, Support Engineer" + _TAIL,
        "Senior Data Engineer",
    ),
    (
        "en-numbered-intro-with-count",
        _HN + "Available roles [2]:\n\nHead of Finance\n\nOffice Manager" + _TAIL,
        "Head of Finance",
    ),
    (
        "en-linked-role-lines",
        _HN + "We make tools for clinics.\n\nBackend Developer - https://jobs.example/42\n"
        "Frontend Developer - https://jobs.example/43" + _TAIL,
        "Backend Developer",
    ),
    (
        "en-run-of-role-lines",
        _HN + "Open at the moment (apply below):\n\n  Senior Android Engineer\n  Senior iOS Engineer\n"
        "  Data Scientist" + _TAIL,
        "Senior Android Engineer",
    ),
    (
        "en-level-note-dropped",
        _HN + "We're hiring:\n\n- UX Researcher (multiple levels)\n- Designer" + _TAIL,
        "UX Researcher",
    ),
    (
        "en-stack-note-kept",
        _HN + "Current openings:\n\n- Staff Engineer (Go/Cloud)\n- Data Scientist" + _TAIL,
        "Staff Engineer (Go/Cloud)",
    ),
    (
        "discord-announcement",
        "📣 **Nimbus Robotics** (Lisbon, hybrid)\n\nHey everyone! We're hiring a Senior Flutter Developer "
        "to build our field app. DM me if interested." + _TAIL,
        "Senior Flutter Developer",
    ),
    (
        "de-wir-suchen",
        "Nordlicht Technik GmbH, Hamburg\n\nZur Verstärkung unseres Teams suchen wir ab sofort eine/n "
        "Elektroniker/in (m/w/d) für die Wartung unserer Anlagen.\n\nWir bieten ein faires Gehalt.",
        "Elektroniker/in (m/w/d)",
    ),
    (
        "fr-nous-recrutons",
        "Atelier Lumière — Lyon\n\nNous recrutons un(e) développeur backend senior pour renforcer notre "
        "équipe produit.\n\nVous travaillerez avec nos designers.",
        "développeur backend senior",
    ),
    (
        "es-buscamos",
        "Brisa Digital · Valencia\n\nBuscamos Desarrollador Backend con experiencia en Python y Django "
        "para nuestro equipo.\n\nOfrecemos horario flexible.",
        "Desarrollador Backend",
    ),
    (
        "es-estamos-buscando-feminine",
        "Brisa Digital · Sevilla\n\nEstamos buscando una Ingeniera de Datos para liderar la plataforma.\n\n"
        "Ofrecemos teletrabajo parcial.",
        "Ingeniera de Datos",
    ),
    (
        "en-intro-clause-then-long-item",
        _HN + "We build delivery software for bakeries.\n\nIn Lisbon, we are actively recruiting for\n\n"
        "* Platform Engineers to design, run and keep improving the services that bake our nightly batch "
        "plans across every shop we serve\n* Product Designers" + _TAIL,
        "Platform Engineers",
    ),
    (
        "en-plus-marked-list",
        _HN + "The positions we are hiring for:\n+ Support Specialist with 2+ years of experience. "
        "+ QA Analyst with a testing background." + _TAIL,
        "Support Specialist",
    ),
]


@pytest.mark.parametrize(("case", "paste", "title"), TITLES, ids=[c[0] for c in TITLES])
def test_title_stated_in_the_body(case: str, paste: str, title: str) -> None:
    assert extract_header(paste).title == title


# A paste with roles in its prose but no cue that an opening is meant: the title stays empty.
NO_TITLE: list[tuple[str, str]] = [
    ("en-roles-in-passing", _HN + "Our engineers love Rust and our designers love Figma." + _TAIL),
    ("en-looking-for-people", _HN + "We are looking for people who care about craft." + _TAIL),
    ("en-the-hiring-manager", _HN + "Questions? I am the hiring manager, write to me anytime." + _TAIL),
    ("en-generic-plural", _HN + "We are hiring engineers who like hard problems." + _TAIL),
    ("en-vacancy-count-only", _HN + "We are hiring for a variety of product positions in Lisbon." + _TAIL),
    ("en-list-of-perks", _HN + "Benefits include:\n\n- Health insurance\n- Free lunch" + _TAIL),
]


@pytest.mark.parametrize(("case", "paste"), NO_TITLE, ids=[c[0] for c in NO_TITLE])
def test_no_hiring_cue_leaves_the_title_empty(case: str, paste: str) -> None:
    assert extract_header(paste).title is None


def test_a_header_title_wins_over_the_body() -> None:
    paste = "Staff Platform Engineer\nNimbus Robotics · Lisbon, Portugal\n\nWe're hiring a Data Analyst too."
    assert extract_header(paste).title == "Staff Platform Engineer"


def test_the_earliest_role_in_the_body_is_taken() -> None:
    paste = _HN + "We're looking for a Mobile Engineer.\n\nOpen roles:\n\n- Data Scientist" + _TAIL
    assert extract_header(paste).title == "Mobile Engineer"


def test_body_titles_carry_their_confidence() -> None:
    listed = body_role(load(_HN + "Open roles:\n\n- Data Scientist" + _TAIL))
    said = body_role(load(_HN + "We're looking for a Data Scientist to join." + _TAIL))
    assert listed is not None and listed.confidence == LIST_CONFIDENCE
    assert said is not None and said.confidence == SENTENCE_CONFIDENCE
    header = extract_header(_HN + "We're looking for a Data Scientist to join." + _TAIL)
    assert header.confidence["title"] == SENTENCE_CONFIDENCE


@pytest.mark.parametrize(
    ("title", "tidy"),
    [
        ("UX Researcher (multiple levels)", "UX Researcher"),
        ("Frontend Developer (React + Redux)", "Frontend Developer"),
        ("Full Stack Engineer (20 new)", "Full Stack Engineer"),
        ("Senior Staff Engineer (Java/Cloud)", "Senior Staff Engineer (Java/Cloud)"),
        ("Pflegefachkraft (m/w/d)", "Pflegefachkraft (m/w/d)"),
    ],
)
def test_notes_that_name_no_role_are_dropped(title: str, tidy: str) -> None:
    assert tidy_role(title) == tidy


# Several roles or other fields on the title's own line.
HEADER_TITLES: list[tuple[str, str, str]] = [
    (
        "pipe-two-roles",
        "Kestrel Pay | PHP-Engineer, Sysadmin | Zurich, Switzerland | ONSITE" + _TAIL,
        "PHP-Engineer",
    ),
    (
        "line-of-three-roles",
        "Kestrel Pay | Austin, TX\nPlatform Engineer (Java), UI Engineer (CSS/JS), UI/UX Designer\n" + _TAIL,
        "Platform Engineer (Java)",
    ),
    (
        "pay-note",
        "Kestrel Pay | Senior Front-End Engineer ($100-130k) | Austin, TX | ONSITE" + _TAIL,
        "Senior Front-End Engineer",
    ),
    (
        "company-tail-on-title-line",
        "Lead Android Engineer, Kestrel Apps - SF\n\nKestrel Apps is a mobile agency. At Kestrel Apps, we "
        "build apps for banks." + _TAIL,
        "Lead Android Engineer",
    ),
    (
        "clause-segment-is-no-title",
        "KESTREL PAY - Austin, TX | ONSITE | Kestrel Pay is world leader in payments\n\nKestrel Pay is "
        "hiring:\n\n- Backend Developer: https://jobs.example/1\n- Designer" + _TAIL,
        "Backend Developer",
    ),
    (
        "job-page-title-keeps-its-team",
        "Principal Engineer, Earner, Backend\nKestrel Pay · Austin, TX\n\nAbout the job\nWe move money.",
        "Principal Engineer, Earner, Backend",
    ),
]


@pytest.mark.parametrize(("case", "paste", "title"), HEADER_TITLES, ids=[c[0] for c in HEADER_TITLES])
def test_the_title_is_the_first_role_without_other_fields(case: str, paste: str, title: str) -> None:
    assert extract_header(paste).title == title


def test_a_name_the_body_speaks_of_as_a_firm_is_the_company() -> None:
    paste = (
        "Brightloom\n\nFULL TIME in AUSTIN, TX\n\nBrightloom is used by 2,000 schools. We're hiring a "
        "senior iOS engineer to lead the app." + _TAIL
    )
    header = extract_header(paste)
    assert (header.title, header.company) == ("senior iOS engineer", "Brightloom")
