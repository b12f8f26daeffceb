"""Years of experience a posting asks for."""

from __future__ import annotations

import re
from typing import Final

from parsing.lines import Doc, load, needles
from parsing.models import ExperienceYears
from parsing.vocabulary import alternation

# ---------------------------------------------------------------------------------------------------
# Years of experience

_YEAR_NEEDLES: Final = needles("year", "years", "yr", "yrs")
_NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_NUM: Final = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS: Final = re.compile(
    r"(?:\b(at least|minimum(?: of)?|min\.?|a minimum of|more than|over|up to|no less than)\s+)?"
    r"\b"
    + _NUM
    + r"(?:\s*\(\d{1,2}\))?\s*(\+|plus)?\s*(?:(?:-|to|or)\s*"
    + _NUM
    + r"(?:\s*\(\d{1,2}\))?\s*\+?\s*)?"
    r"(?:or more\s+|\+\s*)?(?:years?|yrs?)\b(?:\s*\(s\))?\.?"
)
_AFTER_EXPERIENCE: Final = re.compile(
    r"\s*(?:'|of\s+)?(?:\w[\w/&.+#-]*\s+){0,6}?(?:experience|exp\b)"
    r"|\s+(?:in|with|as|of|working|doing|building|developing|designing|managing|leading|writing|post)\b"
    r"(?!\s+(?:age|old|business|college|university|school|study|studies|schooling|education|a row|total|"
    r"the (?:industry|business|past|last|making|community|market)|operation|service))"
    r"|\s*\((?:required|preferred)\)|\s+(?:required|preferred|minimum)\b"
)
_BEFORE_NOT_EXPERIENCE: Final = re.compile(
    r"(?:\b"
    + alternation("company_age_verbs")
    + r"\s+for|\bfor\s+(?:nearly|almost|about|the\s+(?:past|last))"
    r"|\bover\s+the(?:\s+(?:past|last))?|\bthe\s+(?:past|last|next|first)|\b"
    + alternation("not_experience_before")
    + r")\s*$"
)
_AFTER_NOT_EXPERIENCE: Final = re.compile(r"\s*" + alternation("not_experience_after") + r"\b")
_LABELLED_YEARS: Final = re.compile(r"\bexperience\b[^.\n]{0,40}:\s*$|^[^\n.]{0,40}:\s*$")
_PREFERRED_NEAR: Final = re.compile(r"\b" + alternation("preferred_words") + r"\b")
_REQUIRED_NEAR: Final = re.compile(r"\b(?:required|requirement|must|minimum|at least)\b")
_PREFERRED_SECTION: Final = re.compile(
    r"\b(?:(?:preferred|desired|bonus|additional|nice[- ]to[- ]have)\s+(?:qualifications|skills|requirements|"
    r"experience|points)|nice[- ]to[- ]haves?|pluses|extra credit)"
)
_REQUIRED_SECTION: Final = re.compile(
    r"\b(?:(?:required|minimum|basic|must[- ]have)\s+(?:qualifications|skills|requirements|experience)"
    r"|requirements\s*:|qualifications\s*:|what you(?:'ll)? need|must[- ]haves?)"
)
_PREFERRED_SECTION_NEEDLES: Final = needles(
    "preferred",
    "desired",
    "bonus",
    "additional",
    "nice",
    "pluses",
    "extra credit",
)
_SENTENCE_END: Final = re.compile(r"[.;!?]\s|\n")


def _num(value: str) -> int:
    return int(value) if value.isdigit() else _NUMBER_WORDS[value]


class _Sections:
    """Where "Preferred qualifications" or "Nice to have:" headings are, and how far each one reaches.

    A heading alone on its line reaches until a "Required/Minimum qualifications" style heading (at most
    1500 characters); one followed by text on the same line ("Nice to have: 6 years with Go.") reaches
    the end of that sentence. Found lazily, the first time a statement needs them.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._found: list[tuple[int, int]] | None = None

    def _find(self) -> list[tuple[int, int]]:
        lower = self.doc.lower
        found: list[tuple[int, int]] = []
        for start, end in self.doc.spans(_PREFERRED_SECTION_NEEDLES, 20, 40):
            for m in _PREFERRED_SECTION.finditer(lower, start, end):
                line_end = lower.find("\n", m.end())
                line_end = len(lower) if line_end < 0 else line_end
                if lower[m.end() : line_end].strip(" :*_-"):
                    stop = _SENTENCE_END.search(lower, m.end(), line_end)
                    reach = stop.start() if stop else line_end
                else:
                    reach = m.start() + 1500
                    required = _REQUIRED_SECTION.search(lower, m.end(), reach)
                    if required:
                        reach = required.start()
                found.append((m.start(), reach))
        return found

    def preferred_at(self, pos: int) -> bool:
        if self._found is None:
            self._found = self._find()
        return any(start < pos < reach for start, reach in self._found)


def _preferred(doc: Doc, sections: _Sections, start: int, end: int) -> bool:
    """Whether the experience statement at [start, end) is a preference rather than a requirement."""
    lower = doc.lower
    stop = _SENTENCE_END.search(lower, end, end + 160)
    after = lower[end : stop.start() if stop else end + 160]
    lo = max(0, start - 160)
    line_start = max(lower.rfind("\n", lo, start), lower.rfind(". ", lo, start), lo)
    before = lower[line_start:start]
    if _PREFERRED_NEAR.search(after) or _PREFERRED_NEAR.search(before):
        return not _REQUIRED_NEAR.search(after)
    return sections.preferred_at(start)


def extract_experience(text: str) -> ExperienceYears | None:
    """The first required years-of-experience statement (a preferred one only when nothing is required)."""
    doc = load(text)
    lower = doc.lower
    sections = _Sections(doc)
    fallback: ExperienceYears | None = None
    for span_start, span_end in doc.spans(_YEAR_NEEDLES, 60, 12):
        for m in _YEARS.finditer(lower, span_start, span_end):
            years = _years_of(lower, m)
            if years is None:
                continue
            if not _preferred(doc, sections, m.start(), m.end()):
                return years
            if fallback is None:
                fallback = years
    return fallback


def _years_of(lower: str, m: re.Match[str]) -> ExperienceYears | None:
    lead, low, plus, high = m.group(1), m.group(2), m.group(3), m.group(4)
    end = m.end()
    if _AFTER_NOT_EXPERIENCE.match(lower, end):
        return None
    # "Experience: 3 years", "Marketing: 1 year (Preferred)".
    if not _AFTER_EXPERIENCE.match(lower, end) and not _LABELLED_YEARS.search(
        lower, max(0, m.start() - 60), m.start()
    ):
        return None
    if _BEFORE_NOT_EXPERIENCE.search(lower, max(0, m.start() - 30), m.start()):
        return None
    lo, hi = _num(low), (_num(high) if high else None)
    if lo > 40 or (hi is not None and (hi > 40 or hi < lo)):
        return None
    if lead == "up to":
        return ExperienceYears(min=None, max=hi or lo)
    if hi is not None and not plus:
        return ExperienceYears(min=lo, max=hi)
    return ExperienceYears(min=lo, max=None)
