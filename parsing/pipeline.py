"""Assembles the field extractors into one parse."""

from __future__ import annotations

from parsing.jsonld import JsonLdFields, read_job_posting
from parsing.models import Posting
from parsing.salary import extract_salary_ranges, salary_envelope
from parsing.sections import job_text
from parsing.skills import extract_skills
from parsing.text import normalize_text, prepare


def parse_posting(raw: str) -> Posting:
    document = prepare(raw)
    structured = read_job_posting(document.job_posting) if document.job_posting else JsonLdFields()
    # A JobPosting's own description is the job without the page around it.
    text = normalize_text(structured.description) if structured.description else document.text
    body = job_text(text)
    ranges = structured.salary_ranges or extract_salary_ranges(body)
    return Posting(
        title=structured.title,
        company=structured.company,
        locations=structured.locations,
        workplace=structured.workplace,
        employment_type=structured.employment_type,
        salary=salary_envelope(ranges),
        salary_ranges=ranges,
        skills=extract_skills(body),
        posted_on=structured.posted_on,
    )
