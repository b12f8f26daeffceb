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
from parsing.currency import COUNTRY_CURRENCY, DOLLAR_COUNTRIES, DOLLAR_SIGN_CURRENCIES, US_PLACES
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


def _place_currency(place: str) -> str | None:
    """The currency of the country a location names last ("Berlin, Germany", "Toronto, ON", "Austin, TX")."""
    last = place.rsplit(",", 1)[-1].strip().casefold()
    if last in US_PLACES:
        return "USD"
    return DOLLAR_COUNTRIES.get(last) or COUNTRY_CURRENCY.get(last)


def _dollars_of(locations: list[str], ranges: list[SalaryRange], text: str = "") -> list[SalaryRange]:
    """A bare "$" in a posting located in Canada, Australia, Singapore, Mexico... means that country's
    dollar or peso, unless the posting also names a place elsewhere or says US dollars; a figure with no
    currency written at all ("Gehalt: 4.5k - 5.5k") takes the currency of the posting's one country."""
    local = sorted({code for code in map(_place_currency, locations) if code})
    if len(local) != 1 or local == ["USD"]:
        return ranges
    code = local[0]
    dollar_sign_ok = code in DOLLAR_SIGN_CURRENCIES and not _SAYS_US_DOLLARS_RE.search(text)
    settled: list[SalaryRange] = []
    for pay in ranges:
        unwritten = "$" not in pay.text
        if pay.currency == "USD" and pay.currency_inferred and (unwritten or dollar_sign_ok):
            pay = pay.model_copy(update={"currency": code})
        settled.append(pay)
    return settled


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
