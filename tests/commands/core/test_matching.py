"""Role and place matching as a user meets it: saved postings with the titles and places people paste,
asked for the way people type, on both engines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from commands.core.choices import role_choices
from commands.core.format import role_title
from commands.core.roles import resolve_role
from commands.core.services import Services
from commands.salary.usecase import SalaryQuery, salary_stats
from parsing.place_hierarchy import place_hierarchy
from parsing.role import normalize_role
from tests.factories import saved_posting

GUILD = 7070

TITLES = [
    "Contract Lead Salesforce Developer",
    "Softwareentwickler Java",
    "🔥 New Role Frontend Developer",
    "Devops Engineer",
    "Senior Software Engineer",
    "Data Engineer (Contract)",
    "Ingeniero de Software Senior",
    "Développeur Full Stack",
    "Programista Python",
    "Analista de Dados Sênior",
    "Softwareontwikkelaar",
    "★ iOS Developer ★",
    "QA Engineer",
    "Site Reliability Engineer",
    "Machine Learning Engineer",
    "Data Scientist",
    "Product Manager",
    "Registered Nurse",
    "Freelance UX Designer",
    "Chef de projet IT",
]

# what is typed -> the saved role it means (None: no saved role is meant)
ROLE_CASES: list[tuple[str, str | None]] = [
    ("salesforce developer", "salesforce developer"),
    ("Salesforce Dev", "salesforce developer"),
    ("salesforce", "salesforce developer"),
    ("java developer", "java software developer"),
    ("softwareentwickler java", "java software developer"),
    ("frontend developer", "frontend developer"),
    ("front-end dev", "frontend developer"),
    ("devops engineer", "devops engineer"),
    ("DevOps", "devops engineer"),
    ("sofware engineer", "software engineer"),
    ("Lead Software Engineer", "software engineer"),
    ("ingeniero de software", "software engineer"),
    ("engenheiro de software", "software engineer"),
    ("inżynier oprogramowania", "software engineer"),
    ("data engineer", "data engineer"),
    ("contract data engineer", "data engineer"),
    ("full stack developer", "full stack developer"),
    ("développeur full stack", "full stack developer"),
    ("python developer", "python developer"),
    ("programista python", "python developer"),
    ("data analyst", "data analyst"),
    ("analista de dados", "data analyst"),
    ("software developer", "software developer"),
    ("ios developer", "ios developer"),
    ("qa engineer", "quality assurance engineer"),
    ("quality assurance engineer", "quality assurance engineer"),
    ("sre", "site reliability engineer"),
    ("ml engineer", "machine learning engineer"),
    ("machine learning", "machine learning engineer"),
    ("data scientist", "data scientist"),
    ("datenwissenschaftler", "data scientist"),
    ("product manager", "product manager"),
    ("project manager", "it project manager"),  # every word typed is in it; never the product manager
    ("it project manager", "it project manager"),
    ("chef de projet", "it project manager"),
    ("nurse", "registered nurse"),
    ("ux designer", "ux designer"),
    ("lighthouse keeper", None),
]


async def _seed(svc: Services) -> None:
    for i, title in enumerate(TITLES):
        await saved_posting(svc.store, GUILD, f"role{i}", title=title, pay=(100_000, 100_000, "USD", "year"))


async def test_roles_are_found_as_people_type_them(services: Services) -> None:
    await _seed(services)
    wrong = []
    for typed, meant in ROLE_CASES:
        resolved = await resolve_role(services, GUILD, typed)
        saved = await services.store.role_counts(GUILD)
        got = resolved.role if resolved.role in saved else None
        if got != meant:
            wrong.append((typed, got, meant))
    assert wrong == []


async def test_autocomplete_offers_what_matches(services: Services) -> None:
    await _seed(services)
    assert [c.value for c in await role_choices(services, GUILD, "sales")][:1] == ["salesforce developer"]
    assert "devops engineer" in [c.value for c in await role_choices(services, GUILD, "devo")]
    offered = [c.name for c in await role_choices(services, GUILD, "ios")]
    assert offered[0] == "iOS Developer"
    assert len(await role_choices(services, GUILD, "")) == len(await services.store.role_counts(GUILD))


PLACES = ["London", "Manchester, UK", "Berlin", "München", "San Jose, CA", "New York, NY", "Paris, France"]

# what is typed -> the places of the postings it finds
PLACE_CASES: list[tuple[str, set[str]]] = [
    ("london", {"London"}),
    ("London, UK", {"London"}),
    ("uk", {"London", "Manchester, UK"}),
    ("united kingdom", {"London", "Manchester, UK"}),
    ("england", {"London", "Manchester, UK"}),
    ("manchester", {"Manchester, UK"}),
    ("germany", {"Berlin", "München"}),
    ("deutschland", {"Berlin", "München"}),
    ("munich", {"München"}),
    ("münchen", {"München"}),
    ("berlin", {"Berlin"}),
    ("usa", {"San Jose, CA", "New York, NY"}),
    ("united states", {"San Jose, CA", "New York, NY"}),
    ("california", {"San Jose, CA"}),
    ("san jose", {"San Jose, CA"}),
    ("nyc", {"New York, NY"}),
    ("new york", {"New York, NY"}),
    ("paris", {"Paris, France"}),
    ("france", {"Paris, France"}),
    ("remote", {"Remote"}),
    ("tokyo", set()),
]


async def test_places_are_found_by_alias_and_by_what_contains_them(services: Services) -> None:
    for i, place in enumerate(PLACES):
        await saved_posting(
            services.store, GUILD, f"place{i}", locations=[place], pay=(1000 * (i + 1),) * 2 + ("USD", "year")
        )
    await saved_posting(
        services.store, GUILD, "remote", workplace="remote", pay=(99_000, 99_000, "USD", "year")
    )
    pay_of = {place: 1000.0 * (i + 1) for i, place in enumerate(PLACES)} | {"Remote": 99_000.0}
    wrong = []
    for typed, places in PLACE_CASES:
        stats = await salary_stats(services, GUILD, SalaryQuery("ml engineer", location=typed, period="year"))
        found = (
            {v for c in stats.by_currency for v in (c.overall.min, c.overall.max)}
            if stats.by_currency
            else set()
        )
        n = stats.n
        if n != len(places) or not found <= {pay_of[p] for p in places}:
            wrong.append((typed, n, sorted(places)))
    assert wrong == []


# A title as pasted -> the role key it is saved and matched under.
TITLE_ROLES: list[tuple[str, str | None]] = [
    ("🔥 New Role Frontend Developer", "frontend developer"),
    ("★ Senior iOS Developer ★", "ios developer"),
    ("Hiring: Data Analyst", "data analyst"),
    ("Contract Lead Salesforce Developer", "salesforce developer"),
    ("Interim Finance Manager", "finance manager"),
    ("Softwareentwickler Java", "java software developer"),
    ("Développeur Confirmé", "developer"),
    ("Desarrollador Backend Senior", "backend developer"),
    ("Engenheiro de Software Pleno", "software engineer"),
    ("Softwareontwikkelaar", "software developer"),
    ("Programista Python", "python developer"),
    ("Acme Robotics", None),
]

# A role key -> the name replies show for it, acronyms in their casing.
ROLE_NAMES: list[tuple[str, str]] = [
    ("devops engineer", "DevOps Engineer"),
    ("ios developer", "iOS Developer"),
    ("qa lead", "QA Lead"),
    ("sre", "SRE"),
    ("ml platform engineer", "ML Platform Engineer"),
    ("ai engineer", "AI Engineer"),
    ("head of data and ai", "Head of Data and AI"),
    (".net developer", ".NET Developer"),
]

# A place as written -> the names a location filter finds it under.
PLACE_NAMES: list[tuple[str, tuple[str, ...]]] = [
    ("San Jose, CA", ("San Jose", "California", "CA", "United States")),
    ("London", ("London", "United Kingdom")),
    ("Remote", ()),
]

READINGS: list[tuple[Callable[[str], object], list[tuple[str, Any]]]] = [
    (normalize_role, TITLE_ROLES),
    (role_title, ROLE_NAMES),
    (place_hierarchy, PLACE_NAMES),
]


@pytest.mark.parametrize(
    ("read", "written", "expected"),
    [
        pytest.param(read, written, expected, id=f"{read.__name__}: {written}")
        for read, table in READINGS
        for written, expected in table
    ],
)
def test_names_are_read_as_matching_needs_them(
    read: Callable[[str], object], written: str, expected: object
) -> None:
    assert read(written) == expected
