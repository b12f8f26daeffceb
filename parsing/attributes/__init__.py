"""Seniority, employment type, workplace, years of experience, education and posting date, one module
each.

Each extractor prefers an explicit field ("Job Type: Full-time") or a badge near the title to what the
prose implies, and returns None (or []) rather than guess: a wrong value on a card is worse than none.
Patterns run on the lower-case text, in small windows around keywords (see ``parsing.lines``).
"""

from parsing.attributes.badges import badges
from parsing.attributes.education import extract_education
from parsing.attributes.employment import extract_employment_type
from parsing.attributes.experience import extract_experience
from parsing.attributes.posted import extract_posted_on
from parsing.attributes.seniority import extract_seniority, seniority_from_title
from parsing.attributes.workplace import extract_workplace

__all__ = [
    "badges",
    "extract_education",
    "extract_employment_type",
    "extract_experience",
    "extract_posted_on",
    "extract_seniority",
    "extract_workplace",
    "seniority_from_title",
]
