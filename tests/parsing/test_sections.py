"""Sections of a posting, and the text the skill extractor reads."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing import parse_posting, sections
from parsing.sections import skill_text, split_sections


def kinds(text: str) -> list[str]:
    return [s.kind for s in split_sections(text)]


HEADED: list[tuple[str, list[str]]] = [
    (
        "About us\nWe make maps.\n\nRequirements:\n- Python\n\nBenefits\nGym",
        ["company", "requirements", "benefits"],
    ),
    ("## What you'll do\nBuild APIs\n## Nice to have\nRust", ["responsibilities", "nice_to_have"]),
    (
        "Über uns\nWir bauen Karten.\nDein Profil\nPython\nWas wir bieten\nObst",
        ["company", "requirements", "benefits"],
    ),
    (
        "Qui sommes-nous ?\nUne PME.\nProfil recherché :\nPython\nAvantages\nTickets",
        ["company", "requirements", "benefits"],
    ),
    (
        "Sobre nosotros\nUna empresa.\nRequisitos:\nPython\nOfrecemos\nFruta",
        ["company", "requirements", "benefits"],
    ),
    (
        "Over ons\nEen bedrijf.\nFunctie-eisen\nPython\nWat wij bieden\nFruit",
        ["company", "requirements", "benefits"],
    ),
    (
        "Sobre nós\nUma empresa.\nRequisitos obrigatórios\nPython\nBenefícios\nVR",
        ["company", "requirements", "benefits"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADED, ids=[t[:20] for t, _ in HEADED])
def test_headings_in_six_languages(text: str, expected: list[str]) -> None:
    assert [k for k in kinds(text) if k != "intro"] == expected


def test_headings_glued_by_a_lost_newline() -> None:
    text = "Make dashboards for ops teams.Requirements:Tableau and SQLBenefits:Dental, vision, 401(k)"
    assert kinds(text) == ["intro", "requirements", "benefits"]
    text = "You will keep the books.QualificationsBachelor's degree and QuickBooks"
    assert kinds(text) == ["intro", "requirements"]


def test_a_heading_word_inside_a_sentence_is_not_a_heading() -> None:
    assert kinds("You will manage employee benefits and payroll for the team.") == ["intro"]


def test_skills_in_boilerplate_are_not_read() -> None:
    text = (
        "Data Analyst\n"
        "About us\nNimbus builds interior design software for architects.\n"
        "Requirements\nSQL and Tableau.\n"
        "Benefits\nFitness instruction classes, payroll deductions and PTO accruals.\n"
        "Equal opportunity\nWe are an equal opportunity employer; immigration status is no bar.\n"
        "How to apply\nSend your CV through Workday.\n"
    )
    got = parse_posting(text).skills
    assert set(got) == {"SQL", "Tableau"}


def test_boilerplate_sentences_are_dropped_without_headings() -> None:
    text = (
        "Acme Corp is a leading provider of payroll software. You will build services in Go and "
        "Python on AWS. We offer dental, vision and a 401(k). Acme is an equal opportunity employer."
    )
    kept = skill_text(text)
    assert "Python" in kept and "payroll software" not in kept and "dental" not in kept


def test_a_labelled_pay_line_does_not_hide_what_follows() -> None:
    text = "Salary: £70,000 - £85,000\nYou will build models in Python with PyTorch."
    assert "PyTorch" in skill_text(text)


def test_the_companies_a_firm_names_are_not_skills() -> None:
    text = "Our alumni work at Shopify and Salesforce. Trusted by teams using Jira. You will write Python."
    got = parse_posting("Bootcamp Coach\n" + text).skills
    assert "Python" in got and not {"Shopify", "Salesforce", "Jira"} & set(got)


def test_the_company_mission_and_its_people_are_not_skills() -> None:
    text = (
        "Acme is on a mission to bring AI to every farm. Our team has turned down offers from Stripe "
        "and Shopify to build it.\nCompensation and Benefit: a Dropbox plan for the family.\n"
        "You will write services in Python on Kubernetes."
    )
    got = parse_posting("Backend Engineer\n" + text).skills
    assert {"Python", "Kubernetes"} <= set(got)
    assert not {"Artificial Intelligence", "Stripe", "Shopify", "Dropbox"} & set(got)


def test_header_fields_and_perks_are_not_skills() -> None:
    text = (
        "FLSA Status: Exempt\nYou will maintain Kubernetes clusters and write Terraform.\n"
        "We use Everify for every hire. Commuter benefits and generous vacation with a Peloton membership."
    )
    got = parse_posting("Platform Engineer\n" + text).skills
    assert {"Kubernetes", "Terraform"} <= set(got)
    assert not {"FLSA", "E-Verify", "Peloton"} & set(got)


def test_a_job_boards_trailer_is_not_read() -> None:
    body = "Sales Manager\nAcme\n\n" + "Sell our software to retailers across the region. " * 10
    text = body + "\nWe need Salesforce skills.\nFind more English Speaking Jobs in Germany on the board"
    got = parse_posting(text).skills
    assert "Salesforce" in got and "English" not in got


# The heading search reads only the phrases that can match at a place, and only the places a heading
# can start at; these reference patterns try every phrase at every character, as the search once did.
_REFERENCE_PHRASE = re.compile(
    r"(?:(?:our|the|your|key)[ \t]+)?(?P<phrase>"
    + "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in sections._BY_LENGTH)
    + r")"
    + sections._TAIL,
    re.IGNORECASE,
)
_REFERENCE_PLACES = re.compile(
    r"(?:^|[\n.!?;:)•·])[ \t#*_>\-•·–—\d.)]*(?=\w)|(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"
)
_PLACE_TEXT = st.text(alphabet="\n.!?;:)•· \t#*_>-–—1az_AZQ", max_size=40)


@settings(max_examples=500, deadline=None)
@given(_PLACE_TEXT)
def test_heading_places_are_every_place_a_heading_may_start(text: str) -> None:
    assert list(sections._heading_places(text)) == [m.end() for m in _REFERENCE_PLACES.finditer(text)]


@st.composite
def _written_heading(draw: st.DrawFn) -> str:
    phrase = draw(st.sampled_from(sections._BY_LENGTH))
    cased = "".join(c.upper() if draw(st.booleans()) else c for c in phrase)
    spaced = cased.replace(" ", draw(st.sampled_from([" ", "\t", "  "])))
    lead = draw(st.sampled_from(["", "The ", "OUR\t", "your  ", "İ", "ſ"]))
    return lead + spaced + draw(st.sampled_from(["", ":", " (m/w/d):", "?", "s", "\nNext"]))


@settings(max_examples=800, deadline=None)
@given(_written_heading())
def test_heading_phrases_read_as_one_alternation_of_them_all_would(text: str) -> None:
    expected = _REFERENCE_PHRASE.match(text)
    found = sections._heading_phrase_at(text, 0)
    assert (found and tuple(found)) == (
        expected and (expected.start(), expected.end(), expected.group("phrase"), expected.group("tail"))
    )


ABOUT_THE_COMPANY: list[tuple[str, list[str]]] = [
    ("About Nimbus Labs\nNimbus builds maps.\nWhat you'll do\nShip code", ["company", "responsibilities"]),
    # glued onto its first sentence: that line is the company's, what follows is read again
    ("About NimbusAt Nimbus, we map cities.\nRequirements:\nPython", ["company", "untitled", "requirements"]),
    ("About Kings of Neon:\nWe light signs.\nDein Profil\nPython", ["company", "requirements"]),
    ("Über Nimbus\nWir bauen Karten.\nDeine Hauptaufgaben\nKarten", ["company", "responsibilities"]),
    ("À propos de Nimbus\nUne PME.\nProfil recherché :\nPython", ["company", "requirements"]),
    # "About you" is the candidate, and "about" inside a sentence opens nothing
    ("About you\nYou know SQL.", ["requirements"]),
    ("Intro\nWe care About Nimbus users every day.", ["intro"]),
]


@pytest.mark.parametrize(("text", "expected"), ABOUT_THE_COMPANY)
def test_a_heading_named_after_the_company_opens_its_own_text(text: str, expected: list[str]) -> None:
    assert [k for k in kinds(text) if k != "intro" or expected == ["intro"]] == expected


def test_skills_in_the_company_text_under_its_name_are_not_read() -> None:
    text = (
        "About Nimbus\nNimbus offers accounts receivable automation to clinics.\n"
        "Our humble expectations\nFluent German and solid SQL."
    )
    read = skill_text(text)
    assert "accounts receivable" not in read
    assert "SQL" in read


def test_perks_disclaimers_and_the_equal_opportunity_list_are_not_read() -> None:
    text = (
        "Requirements:\nSQL and Tableau.\n"
        "Training opportunities with e-learning formats and coaching.\n"
        "This description does not constitute an employment contract.\n"
        "Decisions on hiring, promotion, termination, layoff, recall, leaves of absence are made fairly.\n"
    )
    read = skill_text(text)
    assert "Tableau" in read
    assert "e-learning" not in read
    assert "employment contract" not in read
    assert "leaves of absence" not in read


def test_a_longer_heading_that_opens_with_a_perk_word_is_not_the_perks() -> None:
    text = "HR Coordinator\nAnswer policy questions.Benefits Administration:Run open enrollment in Workday.\n"
    assert "benefits" not in kinds(text)
    assert kinds("Duties.Benefits Dental and vision.") == ["intro", "benefits"]
