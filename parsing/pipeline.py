"""Assembles the field extractors into one parse."""

from __future__ import annotations

from parsing.models import Posting
from parsing.salary import extract_salary_ranges, salary_envelope
from parsing.sections import job_text
from parsing.text import prepare


def parse_posting(raw: str) -> Posting:
    document = prepare(raw)
    body = job_text(document.text)
    ranges = extract_salary_ranges(body)
    return Posting(salary=salary_envelope(ranges), salary_ranges=ranges)
