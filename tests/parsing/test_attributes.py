"""Seniority, employment type, workplace, experience, education and posting date, with their traps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing import attributes
from parsing.models import Education, EmploymentType, ExperienceYears, Seniority, Workplace

# ---------------------------------------------------------------------------------------------------
# Seniority

TITLE_LEVELS: list[tuple[str, Seniority | None]] = [
    ("Senior Data Scientist", "senior"),
    ("Sr. ML Engineer II", "senior"),
    ("Staff Software Engineer", "staff"),
    ("Principal Engineer", "principal"),
    ("Lead Cook", "lead"),
    ("Team Lead, Support", "lead"),
    ("Engineering Manager", "manager"),
    ("Senior Engineering Manager", "manager"),
    ("Director of Training", "director"),
    ("Head of Data", "director"),
    ("VP of Engineering", "executive"),
    ("Chief Operating Officer", "executive"),
    ("CTO", "executive"),
    ("Software Engineering Intern", "intern"),
    ("Summer Internship - Finance", "intern"),
    ("Junior Developer", "entry"),
    ("Jr. Accountant", "entry"),
    ("Entry Level Consultant", "entry"),
    ("Associate Software Engineer", "entry"),
    ("Graduate Nurse", "entry"),
    ("Software Engineer I", "entry"),
    ("Software Engineer II", "mid"),
    # Negatives: words that look like levels but are not, and levels we do not guess.
    ("Staff Accountant", None),
    ("Member of Technical Staff", None),
    ("Trade Review Principal", None),
    ("Lead Generation Specialist", None),
    ("Product Manager", None),
    ("Account Executive", None),
    ("Executive Assistant", None),
    ("Senior Living Coordinator", None),
    ("Associate Attorney", None),
    ("Software Engineer III", None),
    ("Internal Auditor", None),
    ("Nurse", None),
]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("We are filling an entry-level position on the help desk.", "entry"),
        ("This is a senior role on the payments team.", "senior"),
        ("We are hiring for a mid-level role.", "mid"),
        ("No prior experience required; we train you.", "entry"),
        ("Seniority level\nInternship\nEmployment type\nFull-time", "intern"),
        ("Seniority level\nMid-Senior level", None),
        ("Our market report counts 119 entry-level, 1,813 mid-level and 1,472 senior roles.", None),
        ("Senior-level AI roles pay a median of $227,400.", None),
        ("You will mentor junior engineers.", None),
    ],
)
def test_seniority_from_text(text: str, level: Seniority | None) -> None:
    assert attributes.extract_seniority(None, text) == level


def test_title_wins_over_text() -> None:
    assert attributes.extract_seniority("Staff Data Engineer", "This is an entry-level position.") == "staff"
    assert attributes.extract_seniority("Data Engineer", "This is an entry-level position.") == "entry"


# ---------------------------------------------------------------------------------------------------
# Employment type

EMPLOYMENT: list[tuple[str, EmploymentType | None]] = [
    ("Job Type: Full-time\nPay: $20 an hour", "full_time"),
    ("Job Type : Full Time", "full_time"),
    ("Seniority level Not Applicable Employment type Fulltime Job function Engineering", "full_time"),
    ("Position Type: F/T 40 hours per week", "full_time"),
    ("Data Analyst\nOakline Foods\n$70,000 - $85,000 a year - Full-time\n\nAnalyse data.", "full_time"),
    ("Senior Accountant\ntime type\nFull time\nposted on\nPosted Today", "full_time"),
    ("Commitment: Part-time", "part_time"),
    ("Barista\nBean There\nPart-time\n\nMake coffee.", "part_time"),
    ("This is a 6-month contract position with a possible extension.", "contract"),
    ("Contract-to-hire opportunity for a QA analyst.", "contract"),
    ("Temporary position through December.", "temporary"),
    ("Job Type: Seasonal", "temporary"),
    ("Join our summer internship program for students.", "internship"),
    ("This is a paid internship in our design studio.", "internship"),
    ("Job Type: Full-time, Part-time", "full_time"),
    (
        "Full job descriptionDuties:File claims.Job Type: Full-timePay: $20.00 per hourSchedule:Days",
        "full_time",
    ),
    # Negatives.
    ("Contract Specialist\nAcme\n\nReview vendor agreements.", None),
    ("Internal candidates are welcome to apply.", None),
    ("We are an international firm with a long history.", None),
    ("You will manage contracts and attempt to template them.", None),
]


@pytest.mark.parametrize("text", ["All full-time employees are eligible for equity and benefits."])
def test_benefits_sentence_is_weak_evidence_either_way(text: str) -> None:
    assert attributes.extract_employment_type(text) in ("full_time", None)


# ---------------------------------------------------------------------------------------------------
# Workplace

WORKPLACES: list[tuple[str, Workplace | None]] = [
    ("This is a hybrid role based in Denver.", "hybrid"),
    ("Roles at our headquarters are in-office Tuesday, Wednesday, and Thursday.", "hybrid"),
    ("Expect to be in office Tuesday to Thursday.", "hybrid"),
    ("You will spend 3 days a week in the office.", "hybrid"),
    ("Expect two days per week at our headquarters.", "hybrid"),
    ("We work 3 days in-office and 2 from anywhere.", "hybrid"),
    ("Workplace type: Hybrid", "hybrid"),
    ("Salary: 50k\nHybrid: 3 days a week in our Leeds office.\nWe build maps.", "hybrid"),
    ("**Data Analyst** \\- Orchid Bank (Remote, US)\n\nSQL daily.", "remote"),
    ("Senior Engineer\nAcme · Boston, MA (Hybrid)\n\nAbout the job\nBuild.", "hybrid"),
    ("This role is fully remote.", "remote"),
    ("Work from home, anywhere in the state.", "remote"),
    ("Location: Remote", "remote"),
    ("Job Location: Remote - US", "remote"),
    ("Senior Python Developer (Remote)\nQuarry Labs\n\nBuild APIs.", "remote"),
    ("Data Analyst\nOakline Foods\nRemote in Chicago, IL\n\nAnalyse data.", "remote"),
    ("On-site role at our Dallas plant.", "onsite"),
    ("Work Location: In person", "onsite"),
    ("Schedule:Monday to FridayWork Location: In personBenefits:Dental", "onsite"),
    ("You must work on-site at our plant.", "onsite"),
    ("We are in-office 5 days a week.", "onsite"),
    ("This role is not remote.", "onsite"),
    # Negatives.
    ("Our team analyses remote sensing data from satellites.", None),
    ("Experience with remote monitoring of patients.", None),
    ("Enjoy an onsite gym and free lunch.", None),
    ("Remote roles make up 16% of the market; most require on-site attendance.", None),
    ("We support hybrid cloud deployments.", None),
]


# ---------------------------------------------------------------------------------------------------
# Years of experience

EXPERIENCE: list[tuple[str, tuple[int | None, int | None] | None]] = [
    ("You have 2+ years of experience with Python.", (2, None)),
    ("3-5 years of experience in sales required.", (3, 5)),
    ("two to four years of experience as a paralegal", (2, 4)),
    ("At least 4 years working in logistics.", (4, None)),
    ("A minimum of five years of nursing experience.", (5, None)),
    ("5 or more years of relevant experience.", (5, None)),
    ("12+ years experience in finance", (12, None)),
    ("Up to 3 years of experience in retail.", (None, 3)),
    ("1 year of customer service experience (required)", (1, None)),
    ("Domain Expertise: 2+ years in machine learning (in industry or academia).", (2, None)),
    ("Bachelor's degree AND 2\\+ years data\\-science experience", (2, None)),
    ("Experience:\nMarketing: 1 year (Preferred)", (1, None)),
    # A required statement wins over an earlier preferred one.
    (
        "Preferred qualifications\n8+ years of experience.\n"
        "Minimum qualifications\n4+ years of experience in Java.",
        (4, None),
    ),
    ("Nice to have: 6 years with Go. You bring 2 years of experience in SQL.", (2, None)),
    ("7+ years of experience leading teams is a plus. 3 years of experience in Java required.", (3, None)),
    # Not experience.
    ("We have been in business for over 20 years.", None),
    ("Applicants must be 18 years old.", None),
    ("Completed 2 years of college coursework.", None),
    ("Founded 25 years ago, we build boats.", None),
    ("Over the past 5 years we grew tenfold.", None),
    ("A bonus is paid after 2 years of service.", None),
    ("The badge check repeats every two years thereafter.", None),
]


@pytest.mark.parametrize(("text", "years"), EXPERIENCE, ids=[t[:40] for t, _ in EXPERIENCE])
def test_experience(text: str, years: tuple[int | None, int | None] | None) -> None:
    expected = None if years is None else ExperienceYears(min=years[0], max=years[1])
    assert attributes.extract_experience(text) == expected


# ---------------------------------------------------------------------------------------------------
# Education

EDUCATION: list[tuple[str, list[Education]]] = [
    ("Bachelor's degree in Computer Science required.", ["bachelor"]),
    ("BS/MS in Computer Science or a related field", ["bachelor", "master"]),
    ("BA in English or related", ["bachelor"]),
    ("B.S. in Biology", ["bachelor"]),
    ("Undergraduate degree in any field", ["bachelor"]),
    ("A 4-year degree is required.", ["bachelor"]),
    ("Master's or PhD preferred", ["master", "phd"]),
    ("Masters degree in statistics. A PhD is preferred.", ["master", "phd"]),
    ("MS in Data Science", ["master"]),
    ("MBA a plus", ["master"]),
    ("Ph.D. in physics", ["phd"]),
    ("Doctorate in economics", ["phd"]),
    ("High school diploma or GED required", ["high_school"]),
    ("Associate's degree in nursing", ["associate"]),
    ("Doctorate, Master's Degree or Bachelor's Degree in a related field", ["bachelor", "master", "phd"]),
    # Short forms without degree context, and "master" as a verb or trade.
    ("Proficient in MS Office and Excel", []),
    ("Fly BA to London for the offsite", []),
    ("Master Electrician license required", []),
    ("You will master the art of sales.", []),
    ("We celebrate diverse backgrounds.", []),
]


# ---------------------------------------------------------------------------------------------------
# Posting date

POSTED: list[tuple[str, date | None]] = [
    ("Created : 2026-03-04", date(2026, 3, 4)),
    ("Posted on March 4, 2026", date(2026, 3, 4)),
    ("Published 2026-03-04", date(2026, 3, 4)),
    ("Posted: 4 March 2026", date(2026, 3, 4)),
    ("Date Posted: Sept. 9, 2025", date(2025, 9, 9)),
    ("Posting date: 2025/11/30", date(2025, 11, 30)),
    ("Date posted: 04/03/2026", None),
    ("Posted 3 days ago", None),
    ("posted on\nPosted 3 Days Ago", None),
    ("Start date: 2026-05-01", None),
    ("Posted on Feb 30, 2026", None),
]


# ---------------------------------------------------------------------------------------------------
# The fields read from one text alone: each extractor over its table above

ONE_TEXT_FIELDS: list[tuple[Callable[[str], object], list[tuple[str, Any]]]] = [
    (attributes.seniority_from_title, TITLE_LEVELS),
    (attributes.extract_employment_type, EMPLOYMENT),
    (attributes.extract_workplace, WORKPLACES),
    (attributes.extract_education, EDUCATION),
    (attributes.extract_posted_on, POSTED),
]


@pytest.mark.parametrize(
    ("extract", "text", "expected"),
    [
        pytest.param(extract, text, expected, id=f"{extract.__name__}: {text[:40]}")
        for extract, table in ONE_TEXT_FIELDS
        for text, expected in table
    ],
)
def test_field_is_read(extract: Callable[[str], object], text: str, expected: object) -> None:
    assert extract(text) == expected


# ---------------------------------------------------------------------------------------------------
# Robustness


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_extractors_never_raise(text: str) -> None:
    attributes.extract_seniority(text[:60], text)
    attributes.extract_employment_type(text)
    attributes.extract_workplace(text)
    years = attributes.extract_experience(text)
    assert years is None or (years.min is None or 0 <= years.min <= 40)
    levels = attributes.extract_education(text)
    assert len(levels) == len(set(levels))
    attributes.extract_posted_on(text)
