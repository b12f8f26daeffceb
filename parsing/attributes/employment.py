"""Employment type: full-time, part-time, contract, temporary or internship, as the posting states it."""

from __future__ import annotations

import re
from typing import Final

from parsing.attributes.badges import _first, _head_badges
from parsing.lines import load, needles
from parsing.models import EmploymentType

# ---------------------------------------------------------------------------------------------------
# Employment type

_TYPE_VALUE: Final = (
    r"(full[- ]?time|f/t|permanent|part[- ]?time|p/t|contract(?:or)?(?:[- ]to[- ]hire)?|c2h|freelance|"
    r"fixed[- ]term|temporary|temp|seasonal|internship|intern|co-?op|per diem)"
)
# Read on the original text, so that a value glued to the next label still ends ("Full-timePay: $20").
_GLUE_END: Final = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_TYPE_FIELD: Final = re.compile(
    r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:job|employment|position|work|contract|role|schedule|time)[ -]?types?"
    r"\s*:?\s*-?\s*" + _TYPE_VALUE + _GLUE_END + r"|\b(?:commitment|type of employment|employment|engagement)"
    r"\s*:\s*" + _TYPE_VALUE + _GLUE_END,
    re.I,
)
_TYPE_PROSE: Final = re.compile(
    r"\b(?:this|the)\s+(?:role|position|job|opportunity)\s+is\s+(?:an?\s+)?" + _TYPE_VALUE + r"\b"
    r"|\b(?:(?:an?|this)\s+)?(?:paid\s+|unpaid\s+|\d+[- ]month\s+|long[- ]term\s+|short[- ]term\s+)?"
    r"(full[- ]?time|part[- ]?time|contract(?:[- ]to[- ]hire)?|temporary|temp|seasonal|summer|paid|unpaid|"
    r"freelance)\s+(?:[\w-]+\s+){0,2}?(position|role|job|opportunity|internship|contract|assignment|"
    r"engagement)\b"
    r"|\b(contract[- ]to[- ]hire|internship program|temp[- ]to[- ]perm)\b"
)
_TYPE_NEEDLES: Final = needles(
    # Labels too, by their last word: a value glued to the next label ("Job Type: Full-timePay") is not
    # a word of its own, and neither is a label glued to the word before it ("descriptionJob Type").
    "type",
    "commitment",
    "full-time",
    "full time",
    "fulltime",
    "part-time",
    "part time",
    "parttime",
    "contract",
    "contractor",
    "temp",
    "temporary",
    "intern",
    "internship",
    "permanent",
    "seasonal",
    "freelance",
    "f/t",
    "p/t",
    "per diem",
    "co-op",
    "fixed-term",
    "fixed term",
    "c2h",
)
_TYPE_MAP: Final[dict[str, EmploymentType]] = {
    "fulltime": "full_time",
    "ft": "full_time",
    "permanent": "full_time",
    "parttime": "part_time",
    "pt": "part_time",
    "contract": "contract",
    "contractor": "contract",
    "contracttohire": "contract",
    "c2h": "contract",
    "freelance": "contract",
    "fixedterm": "temporary",
    "temporary": "temporary",
    "temp": "temporary",
    "temptoperm": "temporary",
    "seasonal": "temporary",
    "perdiem": "temporary",
    "internship": "internship",
    "internshipprogram": "internship",
    "intern": "internship",
    "coop": "internship",
}


_NOT_ALNUM: Final = re.compile(r"[^a-z0-9]")


def _type_of(value: str, noun: str | None = None) -> EmploymentType | None:
    if noun == "internship":
        return "internship"
    return _TYPE_MAP.get(_NOT_ALNUM.sub("", value))


def extract_employment_type(text: str) -> EmploymentType | None:
    """Full-time, part-time, contract, temporary or internship, as the posting states it."""
    doc = load(text)
    spans = doc.spans(_TYPE_NEEDLES, 35, 45, whole=True)
    if not spans:
        return None
    for start, end in spans:
        m = _TYPE_FIELD.search(doc.text, start, end)
        if m:
            return _type_of((m.group(1) or m.group(2)).lower())
    for badge in _head_badges(doc):
        kind = _type_of(badge)
        if kind is not None:
            return kind
    m = _first(doc, _TYPE_PROSE, spans)
    if m:
        if m.group(1):
            return _type_of(m.group(1))
        if m.group(2):
            return _type_of(m.group(2), m.group(3))
        return _type_of(m.group(4))
    return None
