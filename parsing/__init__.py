"""Posting text (or HTML) to a structured Posting. Pure functions: no I/O, no Discord, no database."""

from parsing.decode import MAX_POSTING_BYTES, decode_posting
from parsing.errors import UnreadableInput
from parsing.models import ExperienceYears, Posting, Salary, SalaryRange
from parsing.pipeline import parse_posting

__all__ = [
    "MAX_POSTING_BYTES",
    "ExperienceYears",
    "Posting",
    "Salary",
    "SalaryRange",
    "UnreadableInput",
    "decode_posting",
    "parse_posting",
]
