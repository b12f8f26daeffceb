"""Whole postings written for these tests: every field read together, as the pipeline will."""

from __future__ import annotations

from typing import Any

import pytest

from bench.fields_probe import parse_fields

LINKEDIN_HYBRID = (
    "Senior Backend Engineer\n"
    "Larkspur Logistics · Columbus, OH (Hybrid)\n"
    "2 weeks ago · 57 applicants\n"
    "Hybrid   Full-time   Mid-Senior level\n"
    "\n"
    "About the job\n"
    "Larkspur Logistics has been moving freight across the Midwest for over 30 years. We are now building the"
    " software that runs our trucks.\n"
    "\n"
    "What you'll do\n"
    "- Design and build services in Go and Python\n"
    "- Own the reliability of our dispatch platform\n"
    "- Mentor junior engineers\n"
    "\n"
    "What you'll bring\n"
    "- 5+ years of professional software engineering experience\n"
    "- Bachelor's degree in Computer Science or equivalent experience\n"
    "- Experience with PostgreSQL and Kafka\n"
    "\n"
    "Nice to have\n"
    "- 2+ years with Kubernetes\n"
    "- MS in Computer Science\n"
    "\n"
    "Benefits\n"
    "- 401(k) match after 1 year of service\n"
    "- Remote work stipend for your home office\n"
    "- Part of our team from day one: equity for all full-time employees\n"
    "\n"
    "Our office is in Columbus; we work in-office Tuesday through Thursday.\n"
    "Larkspur Logistics is an equal opportunity employer.\n"
)

INDEED_NURSE = (
    "Clinical Nurse Educator\n"
    "Riverbend Health System\n"
    "3.9 out of 5 stars\n"
    "Spokane, WA 99201\n"
    "$45 - $58 an hour - Part-time\n"
    "\n"
    "Full job description\n"
    "Riverbend Health System is seeking a Clinical Nurse Educator to support our medical-surgical units.\n"
    "\n"
    "Qualifications:\n"
    "* Current RN license in Washington State\n"
    "* BSN required; MSN preferred\n"
    "* Minimum of 3 years of acute care nursing experience\n"
    "* BLS and ACLS certification\n"
    "\n"
    "This is an on-site position. Remote work is not available.\n"
    "\n"
    "Job Type: Part-time\n"
    "Pay: $45.00 - $58.00 per hour\n"
    "Schedule: Day shift\n"
    "Work Location: In person\n"
)

PROSE_REMOTE = (
    "About Us\n"
    "Quillfeather is a fully remote company building tools for independent publishers. We have been around "
    "since 2015.\n"
    "\n"
    "The Role\n"
    "We're looking for a Product Designer who loves typography. This role is fully remote within the United "
    "States.\n"
    "\n"
    "You have\n"
    "- 3-6 years of product design experience\n"
    "- A portfolio that shows shipped work\n"
    "\n"
    "Compensation: $110,000 - $140,000\n"
    "Quillfeather is an equal opportunity employer.\n"
)


CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        # "Remote work stipend" in the benefits is not a remote job; "over 30 years" is the company's age,
        # "1 year of service" a benefit and 2+ years a nice-to-have.
        "linkedin-benefits-traps",
        LINKEDIN_HYBRID,
        {
            "title": "Senior Backend Engineer",
            "company": "Larkspur Logistics",
            "locations": ["Columbus, OH"],
            "role": "backend engineer",
            "seniority": "senior",
            "employment_type": "full_time",
            "workplace": "hybrid",
            "experience_years": {"min": 5, "max": None},
            "education": ["bachelor", "master"],
            "posted_on": None,
        },
    ),
    (
        "indeed-explicit-fields",
        INDEED_NURSE,
        {
            "title": "Clinical Nurse Educator",
            "company": "Riverbend Health System",
            "locations": ["Spokane, WA"],
            "seniority": None,
            "employment_type": "part_time",
            "workplace": "onsite",
            "experience_years": {"min": 3, "max": None},
            "education": ["bachelor", "master"],
        },
    ),
    (
        "prose-without-header",
        PROSE_REMOTE,
        {
            "title": "Product Designer",
            "company": "Quillfeather",
            "locations": ["United States"],
            "workplace": "remote",
            "experience_years": {"min": 3, "max": 6},
            "employment_type": None,
            "education": [],
        },
    ),
]


@pytest.mark.parametrize(("paste", "want"), [pytest.param(p, w, id=name) for name, p, w in CASES])
def test_every_field_of_a_whole_posting(paste: str, want: dict[str, Any]) -> None:
    got = parse_fields(paste)
    assert {name: got[name] for name in want} == want
