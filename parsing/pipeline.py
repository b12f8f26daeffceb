"""Assembles the field extractors into one parse."""

from __future__ import annotations

from parsing.attributes import (
    extract_education,
    extract_employment_type,
    extract_experience,
    extract_posted_on,
    extract_seniority,
    extract_workplace,
)
from parsing.currency import DOLLAR_COUNTRIES
from parsing.header import extract_header
from parsing.jsonld import JsonLdFields, read_job_posting
from parsing.models import Posting, SalaryRange
from parsing.places import canonical_place
from parsing.role import normalize_role
from parsing.salary import extract_salary_ranges, salary_envelope
from parsing.sections import job_text
from parsing.segments import employment_from_title
from parsing.skills import extract_skills
from parsing.text import normalize_text, prepare


def _dollars_of(locations: list[str], ranges: list[SalaryRange]) -> list[SalaryRange]:
    """A bare "$" in a posting located in Canada, Australia... means that country's dollar."""
    countries = {loc.rsplit(",", 1)[-1].strip().lower() for loc in locations}
    local = {DOLLAR_COUNTRIES[c] for c in countries if c in DOLLAR_COUNTRIES}
    if len(local) != 1 or len(countries) != 1:
        return ranges
    code = local.pop()
    return [
        r.model_copy(update={"currency": code})
        if r.currency == "USD" and r.text.lstrip().startswith("$")
        else r
        for r in ranges
    ]


def parse_posting(raw: str) -> Posting:
    document = prepare(raw)
    structured = read_job_posting(document.job_posting) if document.job_posting else JsonLdFields()
    # A JobPosting's own description is the job without the page around it.
    text = normalize_text(structured.description) if structured.description else document.text
    body = job_text(text)
    # The header (title, company, place) sits at the top of the paste, board wrapper included.
    header = extract_header(document.text)
    title = structured.title or header.title
    locations = structured.locations or header.locations
    # Places are kept as written ("Toronto, ON"); their country decides what a bare "$" means.
    countries = [canonical_place(place) or place for place in locations]
    ranges = structured.salary_ranges or _dollars_of(countries, extract_salary_ranges(body))
    return Posting(
        title=title,
        role=normalize_role(title) if title else None,
        company=structured.company or header.company,
        locations=locations,
        workplace=structured.workplace or header.workplace or extract_workplace(body),
        employment_type=structured.employment_type
        or header.employment_type
        or extract_employment_type(body)
        or employment_from_title(title),
        seniority=extract_seniority(title, body),
        salary=salary_envelope(ranges),
        salary_ranges=ranges,
        experience_years=extract_experience(body),
        education=extract_education(body),
        skills=extract_skills(body),
        posted_on=structured.posted_on or extract_posted_on(text),
        confidence=header.confidence,
    )
