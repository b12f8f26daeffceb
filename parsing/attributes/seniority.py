"""Seniority: from the title first, then an explicit statement in the text."""

from __future__ import annotations

import re
from typing import Final

from parsing.attributes.badges import _first
from parsing.lines import load, needles
from parsing.models import Seniority
from parsing.vocabulary import alternation, phrases

# ---------------------------------------------------------------------------------------------------
# Seniority

# A title that names a job, not a level of management ("Product Manager"): one look-behind a word.
_NOT_A_MANAGER_LEVEL: Final = "".join(f"(?<!{re.escape(word)} )" for word in phrases("manager_not_level"))
_TITLE_LEVELS: Final[tuple[tuple[Seniority, re.Pattern[str]], ...]] = (
    ("intern", re.compile(r"\b(?i:intern|internship|co-?op|summer student|werkstudent)\b")),
    (
        "executive",
        re.compile(r"\b(?i:chief\s+(?:\w+\s+){0,3}officer|" + alternation("executive_titles") + r")\b"),
    ),
    ("director", re.compile(r"\b(?i:director|head of|dir)\b")),
    ("manager", re.compile("(?i)" + _NOT_A_MANAGER_LEVEL + r"\b(?:manager|mgr)\b")),
    ("principal", re.compile(r"\b(?i:principal)\b(?=\s+\w)")),
    ("staff", re.compile(r"(?i)\bstaff\s+(?:\w+\s+){0,3}?" + alternation("staff_heads"))),
    ("lead", re.compile(r"(?i)^\W*lead\b(?!\s+generation)|\b(?:tech|team|technical)\s+lead\b|[-,]\s*lead\b")),
    (
        "senior",
        re.compile(
            r"(?i)\b(?:senior|sr)\b\.?(?!\s+(?:living|care|home|center|centre|services|citizens?|community))"
        ),
    ),
    (
        "entry",
        re.compile(
            r"\b(?i:" + alternation("entry_titles") + r")\b"
            r"|^\W*(?i:associate)\s+(?=(?i:" + alternation("associate_heads") + r"))"
            r"|\s(?:I|1)\s*(?=$|[,(\-])"
        ),
    ),
    ("mid", re.compile(r"\b(?i:mid[- ]level)\b|\s(?:II|2)\s*(?=$|[,(\-])")),
)
_TEXT_LEVEL: Final = re.compile(
    r"\b(?:seniority|experience|career|job)\s+level\s*:?\s*(internship|entry[- ]level|director|executive)\b"
    r"|\b(entry|junior|mid|intermediate|senior)[- ]level\s+(?:role|position|opportunity|job)\b"
    r"|\bthis is an?\s+(junior|senior|entry[- ]level|mid[- ]level|lead|staff|principal)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:role|position|opportunity)\b"
    r"|\bno (?:prior |previous )?(?:work )?experience (?:is )?(?:required|necessary|needed)\b"
)
_TEXT_LEVEL_NEEDLES: Final = needles(
    "level",
    "this is a",
    "no prior",
    "no previous",
    "no experience",
    "no work experience",
)
_TEXT_WORD_LEVEL: Final[dict[str, Seniority]] = {
    "internship": "intern",
    "entry": "entry",
    "junior": "entry",
    "mid": "mid",
    "intermediate": "mid",
    "senior": "senior",
    "lead": "lead",
    "staff": "staff",
    "principal": "principal",
    "director": "director",
    "executive": "executive",
}


def seniority_from_title(title: str) -> Seniority | None:
    """The level a title states ("Sr. Data Scientist" -> senior), or None."""
    title = title.strip()
    if not title:
        return None
    for level, pattern in _TITLE_LEVELS:
        if pattern.search(title):
            return level
    return None


def extract_seniority(title: str | None, text: str) -> Seniority | None:
    """The posting's seniority: from the title first, then an explicit statement in the text."""
    if title:
        level = seniority_from_title(title)
        if level is not None:
            return level
    doc = load(text)
    m = _first(doc, _TEXT_LEVEL, doc.spans(_TEXT_LEVEL_NEEDLES, 50, 60))
    if m is None:
        return None
    word = m.group(1) or m.group(2) or m.group(3)
    if word is None:
        return "entry"  # "no experience required"
    return _TEXT_WORD_LEVEL.get(word.replace("-", " ").split(" ")[0])
