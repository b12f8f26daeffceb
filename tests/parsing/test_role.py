"""Normalised roles: what posting titles and user queries are compared by."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.role import ROLE_ABBREVIATIONS, ROLE_HEADS, normalize_role

ROLES: list[tuple[str, str | None]] = [
    # Machine learning: abbreviations, levels, team suffixes and word order all collapse.
    ("Sr. ML Engineer II", "machine learning engineer"),
    ("Senior Machine Learning Engineer", "machine learning engineer"),
    ("AI/ML Engineer", "machine learning engineer"),
    ("ML/AI Engineer", "machine learning engineer"),
    ("AI & Machine Learning Engineer", "machine learning engineer"),
    ("Machine Learning Engineer (Spatial AI)", "machine learning engineer"),
    ("Engineer, Machine Learning", "machine learning engineer"),
    ("Engineer - Machine Learning", "machine learning engineer"),
    ("ML Eng", "machine learning engineer"),
    ("MLE", "machine learning engineer"),
    ("Staff Machine Learning Engineer, Ads Ranking", "machine learning engineer"),
    # Software.
    ("SWE", "software engineer"),
    ("Software Dev Engineer", "software engineer"),
    ("Software Development Engineer", "software engineer"),
    ("SDE II", "software engineer"),
    ("Software Engineer III", "software engineer"),
    ("Software Engineer 2", "software engineer"),
    ("Lead Software Engineer", "software engineer"),
    ("Senior Software Engineer at Stripe", "software engineer"),
    ("Remote - Senior Software Engineer", "software engineer"),
    ("Software Engineer, Backend (Remote)", "software engineer"),
    ("Full-Stack Developer", "full stack developer"),
    ("Front End Developer", "frontend developer"),
    ("QA Engineer", "quality assurance engineer"),
    ("SRE", "site reliability engineer"),
    ("C++ Developer", "c++ developer"),
    (".NET Developer", ".net developer"),
    # Data.
    ("Sr Data Scientist", "data scientist"),
    ("Data Scientist, Product Analytics", "data scientist"),
    ("Principal Data Analyst (Level 5)", "data analyst"),
    # Research staff titles keep their own words.
    ("Member of Technical Staff, Microsoft Robotics (Spatial AI)", "member of technical staff"),
    ("MTS", "member of technical staff"),
    # Health care.
    ("RN", "registered nurse"),
    ("Registered Nurse - ICU", "registered nurse"),
    ("Registered Nurse (RN)", "registered nurse"),
    ("Staff RN", "registered nurse"),
    ("Registered Nurses", "registered nurse"),
    ("CNA", "certified nursing assistant"),
    # Everything else.
    ("Manager, Retail Pharmacy", "retail pharmacy manager"),
    ("Eng Manager", "engineering manager"),
    ("Staff Accountant", "accountant"),
    ("Associate Attorney", "attorney"),
    ("Sales Associate", "sales associate"),
    ("Assistant Manager", "assistant manager"),
    ("Lead Generation Specialist", "lead generation specialist"),
    ("Entry Level Oracle Financial Technology Consultant", "oracle financial technology consultant"),
    ("Dental CAD/CAM Designer - $20-$30/hour", "dental cad/cam designer"),
    ("UX Designer", "ux designer"),
    ("User Experience Designer", "ux designer"),
    ("Artificial Intelligence Engineer", "ai engineer"),
    ("VP of Engineering", "vice president of engineering"),
    ("CFO", "chief financial officer"),
    ("Research & Development Engineer", "research and development engineer"),
    ("Data Engineer (m/w/d)", "data engineer"),
    ("Principal", "principal"),
    ("Senior", None),
    ("", None),
    ("   ", None),
]


@pytest.mark.parametrize(("title", "role"), ROLES, ids=[t or "<empty>" for t, _ in ROLES])
def test_normalize_role(title: str, role: str | None) -> None:
    assert normalize_role(title) == role


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("ml engineer", "Senior Machine Learning Engineer"),
        ("swe", "Software Engineer III"),
        ("sr data scientist", "Data Scientist"),
        ("engineer, machine learning", "ML Engineer II"),
        ("rn", "Registered Nurse - ICU"),
        ("Software Developer Engineer", "SDE"),
    ],
)
def test_queries_meet_titles(query: str, title: str) -> None:
    assert normalize_role(query) == normalize_role(title)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Data Scientist", "Data Engineer"),
        ("Registered Nurse", "Nurse Practitioner"),
        ("Software Engineer", "Software Engineering Manager"),
        ("Product Manager", "Project Manager"),
    ],
)
def test_different_roles_stay_apart(a: str, b: str) -> None:
    assert normalize_role(a) != normalize_role(b)


def test_abbreviation_table_is_data() -> None:
    assert ROLE_ABBREVIATIONS["ml"] == "machine learning"
    assert all(key == key.lower() and value == value.lower() for key, value in ROLE_ABBREVIATIONS.items())
    assert {"engineer", "nurse", "scientist"} <= ROLE_HEADS


def test_normalisation_is_idempotent() -> None:
    for title, role in ROLES:
        if role is not None:
            assert normalize_role(role) == role, title


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_never_raises(title: str) -> None:
    role = normalize_role(title)
    assert role is None or (role == role.casefold() and role == role.strip() and role)
