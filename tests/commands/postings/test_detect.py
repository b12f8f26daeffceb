"""The posting detector: real postings pass, channel chatter does not."""

from __future__ import annotations

import pytest

from commands.postings.detect import assess, looks_like_posting, signals

POSTINGS = [
    """Senior Backend Engineer - Acme Corp (Remote, EU)
We're hiring a senior backend engineer to join our platform team.
Responsibilities:
- Design and run our payment APIs
- Mentor two engineers
Requirements: 5+ years of experience with Python or Go, PostgreSQL.
Salary: €85,000-€100,000 per year + equity. Full-time. Apply with your CV at acme.example/jobs.""",
    """Data Analyst (contract, 6 months) · Hybrid, London
£450/day outside IR35. You will build dashboards for the finance team.
Must have SQL and Looker; nice to have dbt. Send your CV to jobs@example.com""",
    # terse but dense
    "Hiring: Staff SRE, remote US, $200k-240k + bonus, full-time. 8+ years experience with Kubernetes. "
    "Apply: x.co/j",
]

CHATTER = [
    "anyone heard back from Acme after the onsite?",
    "congrats!!! 🎉",
    "I applied to 40 jobs this week and got zero interviews, this market is rough. "
    "Honestly starting to wonder if my resume is the problem or if everyone is just ghosting.",
    "lol same",
    "Does anyone know if the salary bands at big tech are negotiable? asking for a friend",
    "https://example.com/jobs/123",
]


@pytest.mark.parametrize("text", POSTINGS)
def test_postings_are_recognised(text: str) -> None:
    assert looks_like_posting(text), assess(text)


@pytest.mark.parametrize("text", CHATTER)
def test_chatter_is_left_alone(text: str) -> None:
    assert not looks_like_posting(text), assess(text)


def test_a_file_needs_fewer_signals_than_a_message() -> None:
    text = "Warehouse associate in Leeds. Shifts Monday to Friday, 8am to 4pm. Forklift licence a plus."
    assert not looks_like_posting(text)
    assert looks_like_posting(text + " Apply in person.", from_file=True)


def test_empty_and_whitespace_are_not_postings() -> None:
    assert not looks_like_posting("")
    assert not looks_like_posting("   \n\n  ", from_file=True)


@pytest.mark.parametrize(
    "text",
    [
        "Backend-Entwickler (m/w/d)\nNimbus GmbH, Köln\nGehalt: 58.000 - 70.000 € brutto im Jahr, Vollzeit.\n"
        "Wir suchen Verstärkung für unser Plattform-Team, mit Erfahrung in Go und Kubernetes.",
        "Développeur Python H/F\nParis\nNous recherchons un développeur pour notre équipe data. "
        "Salaire : 45 000 € - 55 000 € brut annuel, CDI, deux jours de télétravail par semaine à Paris.",
        "Desarrollador Java\nMadrid\nBuscamos un desarrollador con experiencia en Spring. "
        "Salario: 30.000 € - 40.000 € brutos al año, jornada completa, dos días en remoto por semana.",
        "Programista Python\nWarszawa\nPoszukujemy programisty do zespołu backendowego. "
        "Wynagrodzenie: 15 000 - 20 000 PLN netto (B2B), praca zdalna lub w biurze w centrum miasta.",
    ],
)
def test_postings_in_other_languages_are_recognised(text: str) -> None:
    assert looks_like_posting(text)


def test_a_deliberate_add_of_chat_about_jobs_is_still_refused() -> None:
    chat = (
        "anyone heard back from them? the interview went well I think, fingers crossed everyone!! "
        "what do you all think about the company and their new office downtown"
    )
    assert not looks_like_posting(chat, from_file=True)


def _verdict_on_every_signal(text: str, from_file: bool) -> bool:
    """The rule applied to all the signals of the text (what the search that stops early must match)."""
    found = set(signals(text.strip()))
    length = len(text.strip())
    if from_file:
        return length >= 80 and len(found) >= 2 and bool(found & {"role", "hiring", "pay"})
    return (length >= 160 and len(found) >= 3) or (length >= 80 and len(found) >= 5)


@pytest.mark.parametrize("from_file", [False, True])
@pytest.mark.parametrize("text", [*POSTINGS, *CHATTER])
def test_stopping_at_a_certain_verdict_changes_no_verdict(text: str, from_file: bool) -> None:
    # every prefix of the texts too, so verdicts reached after one, two, ... signals are all compared
    for end in range(0, len(text) + 1, 7):
        part = text[:end]
        verdict = assess(part, from_file=from_file)
        assert verdict.is_posting == _verdict_on_every_signal(part, from_file), part
        assert set(verdict.signals) <= set(signals(part.strip()))
