"""Assembles the field extractors into one parse."""

from __future__ import annotations

import re

from parsing.attributes import (
    extract_education,
    extract_employment_type,
    extract_experience,
    extract_posted_on,
    extract_seniority,
    extract_workplace,
)
from parsing.currency import DOLLAR_COUNTRIES, US_PLACES
from parsing.header import extract_header
from parsing.jsonld import JsonLdFields, read_job_posting
from parsing.models import Posting, SalaryRange
from parsing.places import canonical_place
from parsing.role import normalize_role
from parsing.salary import extract_salary_ranges, salary_envelope
from parsing.sections import job_text, skill_text
from parsing.segments import employment_from_title
from parsing.skills import extract_skills
from parsing.text import normalize_text, prepare

_SAYS_US_DOLLARS_RE = re.compile(r"\bUSD\b|\bUS\s?\$|\bU\.S\.\s?\$|\bUS dollars?\b|\bU\.S\. dollars?\b", re.I)


def _dollars_of(locations: list[str], ranges: list[SalaryRange], text: str = "") -> list[SalaryRange]:
    """A bare "$" (or a figure with no currency) in a posting located in Canada, Australia, Singapore...
    means that country's dollar, unless the posting also names a US place or says US dollars."""
    places = [loc.rsplit(",", 1)[-1].strip().lower() for loc in locations]
    local = sorted({DOLLAR_COUNTRIES[p] for p in places if p in DOLLAR_COUNTRIES})
    if len(local) != 1 or any(p in US_PLACES for p in places) or _SAYS_US_DOLLARS_RE.search(text):
        return ranges
    code = local[0]
    return [
        r.model_copy(update={"currency": code}) if r.currency == "USD" and r.currency_inferred else r
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
    ranges = structured.salary_ranges or _dollars_of(countries, extract_salary_ranges(body), body)
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
        skills=extract_skills(skill_text(body)),
        posted_on=structured.posted_on or extract_posted_on(text),
        confidence=header.confidence,
    )
