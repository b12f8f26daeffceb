"""Whole postings written for these tests: every field read together, as the pipeline will."""

from __future__ import annotations

from parsing.attributes import (
    extract_education,
    extract_employment_type,
    extract_experience,
    extract_posted_on,
    extract_seniority,
    extract_workplace,
)
from parsing.header import extract_header
from parsing.models import ExperienceYears
from parsing.role import normalize_role

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


def test_linkedin_posting_with_benefits_traps() -> None:
    header = extract_header(LINKEDIN_HYBRID)
    assert (header.title, header.company, header.locations) == (
        "Senior Backend Engineer",
        "Larkspur Logistics",
        ["Columbus, OH"],
    )
    assert normalize_role(header.title or "") == "backend engineer"
    assert extract_seniority(header.title, LINKEDIN_HYBRID) == "senior"
    assert extract_employment_type(LINKEDIN_HYBRID) == "full_time"
    # "Remote work stipend" in the benefits is not a remote job.
    assert extract_workplace(LINKEDIN_HYBRID) == "hybrid"
    # "over 30 years" is the company's age; "1 year of service" is a benefit; 2+ years is a nice-to-have.
    assert extract_experience(LINKEDIN_HYBRID) == ExperienceYears(min=5, max=None)
    assert extract_education(LINKEDIN_HYBRID) == ["bachelor", "master"]
    assert extract_posted_on(LINKEDIN_HYBRID) is None


def test_indeed_posting_with_explicit_fields() -> None:
    header = extract_header(INDEED_NURSE)
    assert (header.title, header.company, header.locations) == (
        "Clinical Nurse Educator",
        "Riverbend Health System",
        ["Spokane, WA"],
    )
    assert extract_seniority(header.title, INDEED_NURSE) is None
    assert extract_employment_type(INDEED_NURSE) == "part_time"
    assert extract_workplace(INDEED_NURSE) == "onsite"
    assert extract_experience(INDEED_NURSE) == ExperienceYears(min=3, max=None)
    assert extract_education(INDEED_NURSE) == ["bachelor", "master"]


def test_prose_posting_without_a_header() -> None:
    header = extract_header(PROSE_REMOTE)
    assert (header.title, header.company, header.locations) == (
        "Product Designer",
        "Quillfeather",
        ["United States"],
    )
    assert extract_workplace(PROSE_REMOTE) == "remote"
    assert extract_experience(PROSE_REMOTE) == ExperienceYears(min=3, max=6)
    assert extract_employment_type(PROSE_REMOTE) is None
    assert extract_education(PROSE_REMOTE) == []
