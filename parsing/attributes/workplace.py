"""Workplace: remote, hybrid or on-site, from a field or badge first and then from the prose."""

from __future__ import annotations

import re
from typing import Final

from parsing.attributes.badges import _WORKPLACE_BADGES, _head_badges
from parsing.attributes.employment import _GLUE_END
from parsing.lines import load, needles
from parsing.models import Workplace

# ---------------------------------------------------------------------------------------------------
# Workplace

_PLACE_VALUE: Final = (
    r"(fully remote|100% remote|remote|hybrid|on[- ]?site|in[- ]person|in[- ]office|office[- ]based)"
)
_GLUE_START: Final = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_PLACE_FIELD: Final = re.compile(
    _GLUE_START
    + r"(?:workplace(?: type)?|work(?:place)? (?:type|model|arrangement|setting|style|mode|location|"
    r"environment)|location type|remote status|working model|office policy|work from)\s*:?\s*-?\s*"
    + _PLACE_VALUE
    + _GLUE_END
    + r"(?!\s+(?:sensing|monitoring|patient|access|support|control))"
    r"|^[ \t]*(?:job\s+)?location\s*:?\s*"
    + _PLACE_VALUE
    + _GLUE_END
    + r"|^[ \t]*(hybrid|on[- ]?site|fully remote|100% remote)\s*[:(]",
    re.M | re.I,
)
_NOT_REMOTE: Final = re.compile(
    r"\b(?:not|non)[- ](?:a\s+)?remote\b|\bno remote\b|\bremote (?:work )?(?:is )?not (?:available|possible|"
    r"an option|offered)|\bnot (?:eligible|available) for remote"
)
_DAY: Final = r"(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)"
_FEW: Final = r"(?:[1-4]|one|two|three|four)"
_HYBRID: Final = re.compile(
    r"\bhybrid[- ](?:role|position|work(?:ing)?|schedule|model|environment|arrangement|set-?up|opportunity|"
    r"job|basis|policy|office|remote|team)\b|\b(?:is|are|be|on a|this is a)\s+hybrid\b|\bhybrid\s*\("
    r"|\bin[- ]office\s+(?:on\s+)?" + _DAY + r"\b"
    r"|\b" + _FEW + r"\s*(?:-\s*\d\s*)?days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the\s+|our\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:office|site|hq|headquarters)|\bin[- ]office\s+" + _FEW + r"\s+days\b"
    r"|\b" + _FEW + r"\s+days?\s+(?:in[- ]office|on[- ]?site)\b"
)
_REMOTE: Final = re.compile(
    r"\b(?:fully|100%|completely|entirely|permanently|totally)\s+remote\b|\bremote[- ](?:first|based|only)\b"
    r"|\bremote\s+(?:role|position|job|opportunity)\b(?!s)|\bwork(?:ing)?\s+(?:from|at)\s+home\b|\bwfh\b"
    r"|\b(?:can|will|may)\s+work\s+remotely\b"
    r"|\b(?:this|the)\s+(?:role|position|job|opportunity)\s+(?:is|can\s+be|"
    r"will\s+be)\s+(?:a\s+)?(?:fully\s+)?"
    r"remote\b(?!\s+(?:sensing|monitoring))"
    r"|\bremote\s+(?:work\s+)?(?:within|anywhere in|from anywhere)\b"
)
_ONSITE: Final = re.compile(
    r"\b(?:on[- ]?site|in[- ]person|in[- ]office|office[- ]based)\s+(?:role|position|job|opportunity)\b(?!s)"
    r"|\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:fully\s+|100%\s+)?(?:on[- ]?site|in[- ]person|"
    r"in[- ]office|office[- ]based|based (?:on[- ]?site|in (?:the|our) office))"
    r"|\b(?:must|required to|expected to|will)\s+(?:work|be|report)\s+(?:on[- ]?site|in[- ]person|in the "
    r"office)"
    r"(?!\s+(?:as needed|occasionally|when))|\b(?:5|five)\s+days\s+(?:a|per)\s+week\s+(?:in|"
    r"at)\s+(?:the\s+)?office"
    r"|\bin[- ]office\s+(?:5|five)\s+days"
)
_PLACE_PROSE: Final = re.compile(
    "(?P<hybrid>"
    + _HYBRID.pattern
    + ")|(?P<not_remote>"
    + _NOT_REMOTE.pattern
    + ")|(?P<remote>"
    + _REMOTE.pattern
    + ")|(?P<onsite>"
    + _ONSITE.pattern
    + ")"
)
_PLACE_PRIORITY: Final[tuple[tuple[str, Workplace], ...]] = (
    ("hybrid", "hybrid"),
    ("not_remote", "onsite"),
    ("remote", "remote"),
    ("onsite", "onsite"),
)
# Labels by their last word, as for employment type ("FridayWork Location: In personBenefits").
_PLACE_LABEL_NEEDLES: Final = needles("location", "workplace")
_PLACE_NEEDLES: Final = needles(
    "remote",
    "remotely",
    "hybrid",
    "on-site",
    "onsite",
    "on site",
    "in-office",
    "in office",
    "in the office",
    "in our office",
    "office-based",
    "office based",
    "in-person",
    "in person",
    "from home",
    "at home",
    "wfh",
    "days a week",
    "days per week",
    "days each week",
    "day a week",
    "days in",
)


def _place_of(value: str) -> Workplace:
    if "remote" in value:
        return "remote"
    if "hybrid" in value:
        return "hybrid"
    return "onsite"


def extract_workplace(text: str) -> Workplace | None:
    """Remote, hybrid or on-site, from a field or badge first and then from what the prose says."""
    doc = load(text)
    spans = doc.spans(_PLACE_NEEDLES, 40, 40, whole=True)
    # Labels only lead to fields; their windows are not read as prose.
    for start, end in sorted(spans + doc.spans(_PLACE_LABEL_NEEDLES, 30, 40, whole=True)):
        m = _PLACE_FIELD.search(doc.text, start, end)
        if m:
            return _place_of((m.group(1) or m.group(2) or m.group(3)).lower())
    if not spans:
        return None
    for badge in _head_badges(doc):
        if badge in _WORKPLACE_BADGES:
            return _WORKPLACE_BADGES[badge]
    # One pass over the windows; then hybrid beats "not remote", which beats remote, which beats on-site.
    kinds: set[str] = set()
    for start, end in spans:
        for m in _PLACE_PROSE.finditer(doc.lower, start, end):
            kinds.add(m.lastgroup or "")
    for kind, place in _PLACE_PRIORITY:
        if kind in kinds:
            return place
    return None
