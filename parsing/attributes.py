"""Seniority, employment type, workplace, years of experience, education and posting date.

Each extractor prefers an explicit field ("Job Type: Full-time") or a badge near the title to what the
prose implies, and returns None (or []) rather than guess: a wrong value on a card is worse than none.
Patterns run on the lower-case text, in small windows around keywords (see ``parsing.lines``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Final

from parsing.lines import Doc, load, needles
from parsing.models import EDUCATION_ORDER, Education, EmploymentType, ExperienceYears, Seniority, Workplace


def _first(doc: Doc, pattern: re.Pattern[str], spans: list[tuple[int, int]]) -> re.Match[str] | None:
    for start, end in spans:
        m = pattern.search(doc.lower, start, end)
        if m:
            return m
    return None


# ---------------------------------------------------------------------------------------------------
# Badges: the short tags a job page prints near the title ("Full-time", "Hybrid", "Remote in Austin, TX").

_BADGE_SPLIT: Final = re.compile(r"\s*(?:[·|•/]|\s-\s|\(|\))\s*")
_BADGE_WORD: Final = re.compile(
    r"(full[- ]?time|part[- ]?time|contract|contractor|temporary|internship|permanent|freelance|"
    r"remote|fully remote|hybrid|on[- ]?site|in[- ]office|in[- ]person)"
    r"(?:\s*,\s*.*|\s+(?:in|within|-)\s+.*|\s+work\s+in\s+.*|\s+remote\s+in\s+.*)?"
)
_BADGE_LINE: Final = re.compile(
    r"(?:\s*(?:full[- ]?time|part[- ]?time|contract|temporary|internship|remote|hybrid|on[- ]?site|"
    r"(?:entry|mid-senior|mid|senior)\s+level|associate|director|executive|not applicable))+\s*"
)
_BADGE_TOKENS: Final = re.compile(r"full[- ]?time|part[- ]?time|on[- ]?site|\w+(?:-\w+)?")
_WORKPLACE_BADGES: Final[dict[str, Workplace]] = {
    "remote": "remote",
    "fully remote": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "on-site": "onsite",
    "on site": "onsite",
    "in-office": "onsite",
    "in office": "onsite",
    "in-person": "onsite",
    "in person": "onsite",
}


def badges(line: str) -> list[str]:
    """The badge words of one short top line, lower case ("$90k - $110k a year - Full-time" -> full-time)."""
    if len(line) > 90 or line.endswith((".", "?", "!", ":")):
        return []
    line = line.lower()
    if _BADGE_LINE.fullmatch(line):
        return _BADGE_TOKENS.findall(line)
    out: list[str] = []
    for segment in _BADGE_SPLIT.split(line):
        m = _BADGE_WORD.fullmatch(segment.strip(" ,"))
        if m:
            out.append(m.group(1))
    return out


@lru_cache(maxsize=8)
def _head_badges(doc: Doc) -> tuple[str, ...]:
    """The badges of the first 15 lines, in order (shared by employment type and workplace)."""
    return tuple(badge for line in doc.head[:15] for badge in badges(line))


# ---------------------------------------------------------------------------------------------------
# Seniority

_TITLE_LEVELS: Final[tuple[tuple[Seniority, re.Pattern[str]], ...]] = (
    ("intern", re.compile(r"\b(?i:intern|internship|co-?op|summer student|werkstudent)\b")),
    (
        "executive",
        re.compile(
            r"\b(?i:chief\s+(?:\w+\s+){0,3}officer|c[eftoimd]o|ciso|cxo|s?vp|e?vp|vice[- ]president|"
            r"president)\b"
        ),
    ),
    ("director", re.compile(r"\b(?i:director|head of|dir)\b")),
    (
        "manager",
        re.compile(
            r"(?i)(?<!product )(?<!project )(?<!program )(?<!programme )(?<!account )(?<!case )(?<!property )"
            r"(?<!media )(?<!community )(?<!content )(?<!relationship )(?<!portfolio )(?<!territory )"
            r"(?<!success )(?<!brand )(?<!care )(?<!category )\b(?:manager|mgr)\b"
        ),
    ),
    ("principal", re.compile(r"\b(?i:principal)\b(?=\s+\w)")),
    (
        "staff",
        re.compile(
            r"(?i)\bstaff\s+(?:\w+\s+){0,3}?(?:engineer|scientist|developer|designer|researcher|architect|"
            r"analyst|product|swe|sre|data|software|machine|ml)"
        ),
    ),
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
            r"\b(?i:junior|jr|entry[- ]level|entry|graduate|new grad|trainee|apprentice)\b"
            r"|^\W*(?i:associate)\s+(?=(?i:software|data|product|engineer|developer|scientist|analyst|"
            r"consultant))"
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
    r"(?:\b(?:been|business|operating|serving|existed|around|grown|active|trusted|established)\s+for"
    r"|\bfor\s+(?:nearly|almost|about|the\s+(?:past|last))|\bover\s+the(?:\s+(?:past|last))?"
    r"|\bthe\s+(?:past|last|next|first)|\bpast|\blast|\bnext|\bevery|\bwithin|\bafter|\bcelebrating"
    r"|\baged?|\bages|\bunder|\bduring|\bin)\s*$"
)
_AFTER_NOT_EXPERIENCE: Final = re.compile(
    r"\s*(?:old|of age|ago|of (?:college|university|school|high school|study|schooling|education|coursework|"
    r"service)|in business|warranty|thereafter|later|from now)\b"
)
_LABELLED_YEARS: Final = re.compile(r"\bexperience\b[^.\n]{0,40}:\s*$|^[^\n.]{0,40}:\s*$")
_PREFERRED_NEAR: Final = re.compile(
    r"\b(?:preferred|a plus|is a plus|desired|desirable|nice[- ]to[- ]have|ideally|bonus|advantageous|"
    r"preferably|would be great)\b"
)
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


# ---------------------------------------------------------------------------------------------------
# Education

_EDUCATION_WORDS: Final = re.compile(
    r"(?P<phd>\bph\.?\s?d\b\.?|\b(?:doctorate|doctoral|d\.phil)\b)"
    r"|(?P<master>\bmasters?'?s?(?=\s*(?:degree|in\b|of\s+(?:science|arts|engineering|business|fine|public|"
    r"education|social|computer)|or\b|/|,|and\b|program|level|\))))"
    r"|(?P<bachelor>\b(?:bachelor'?s?|baccalaureate|undergraduate degree|(?:4|four)[- ]year (?:college |"
    r"university )?degree)\b)"
    r"|(?P<associate>\b(?:associate'?s?\s+(?:degree|of\s+(?:science|arts|applied))|associates?\s+degree)\b)"
    r"|(?P<high_school>\b(?:high[- ]school\s+(?:diploma|degree|education|graduate|equivalen\w*)|high school "
    r"or"
    r"\s+(?:equivalent|ged)|secondary school\s+(?:diploma|education)|diploma or (?:equivalent|ged))\b)"
)
_EDUCATION_NEEDLES: Final = needles(
    "degree",
    "degrees",
    "diploma",
    "bachelor",
    "bachelors",
    "baccalaureate",
    "master",
    "masters",
    "phd",
    "ph.d",
    "ph. d",
    "doctorate",
    "doctoral",
    "school",
)
# Short forms need capitals and degree context: "BS in", "BS/MS", "MBA"; not "MS Office" or "BA" the airline.
# Each alternative starts with its capital letter so the scan over the whole text stays fast; the word
# boundary before it is checked afterwards.
_EDUCATION_SHORT: Final = re.compile(
    r"P(?P<phd>h\.?D)\b"
    r"|M(?P<master>\.S\.|\.Sc\.?|Sc\b|BA\b|\.?Eng\b|PH\b|SW\b|SN\b|FA\b|\.?Ed\b|\.S\.N\.|\.A\.(?=\s)"
    r"|S(?=\s+(?:degree|in)\b|\s*/|\s+or\b)|S\b(?<=/MS)|A(?=\s+(?:degree|in)\b))"
    r"|B(?P<bachelor>\.S\.|\.Sc\.?|Sc\b|\.A\.|Eng\b|\.?Tech\b|SN\b|BA\b|FA\b"
    r"|S(?=\s+(?:degree|in)\b|\s*/|\s+or\b)|S\b(?<=/BS)|A(?=\s+(?:degree|in)\b|\s*/|\s+or\b)|A\b(?<=/BA))"
    r"|A(?P<associate>\.A\.S?\.|AS\b(?=\s+degree))"
    r"|G(?P<high_school>ED)\b"
)

# Cased needles for the short forms; each is searched only when its letters are words of the text.
_SHORT_DEGREE_NEEDLES: Final = needles(
    "PhD",
    "Ph.D",
    "Ph. D",
    "MS",
    "MA",
    "MBA",
    "MSc",
    "MEng",
    "MPH",
    "MSW",
    "MSN",
    "MFA",
    "MEd",
    "M.Ed",
    "M.S",
    "M.A",
    "M.Sc",
    "M.Eng",
    "BS",
    "BA",
    "BSc",
    "BEng",
    "BTech",
    "BSN",
    "BBA",
    "BFA",
    "B.S",
    "B.A",
    "B.Sc",
    "B.Tech",
    "AAS",
    "A.A",
    "GED",
)


def extract_education(text: str) -> list[Education]:
    """Every degree level the posting mentions (required or preferred), lowest first."""
    doc = load(text)
    found: set[str] = set()
    for start, end in doc.spans(_EDUCATION_NEEDLES, 25, 30):
        for m in _EDUCATION_WORDS.finditer(doc.lower, start, end):
            found.add(m.lastgroup or "")
    text = doc.text
    for start, end in doc.spans(_SHORT_DEGREE_NEEDLES, 2, 30, cased=True, whole=False):
        for m in _EDUCATION_SHORT.finditer(text, start, end):
            if m.start() == 0 or not text[m.start() - 1].isalnum():
                found.add(m.lastgroup or "")
    return [level for level in EDUCATION_ORDER if level in found]


# ---------------------------------------------------------------------------------------------------
# Posting date

_MONTHS: Final[dict[str, int]] = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH: Final = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_POSTED: Final = re.compile(
    r"\b(?:created|posted(?:\s+on|\s+date)?|date\s+posted|posting\s+date|published(?:\s+on)?|date\s+published"
    r"|"
    r"job\s+posted|opening\s+date|listed(?:\s+on)?|date\s+listed)\s*[:\-]?\s*"
    r"(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"
    r"|" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
    r"|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})\b)"
)
_POSTED_NEEDLES: Final = needles("created", "posted", "posting date", "published", "opening date", "listed")


def extract_posted_on(text: str) -> date | None:
    """The date a labelled field says the posting was published; relative ages ("3 days ago") are None."""
    doc = load(text)
    for start, end in doc.spans(_POSTED_NEEDLES, 20, 40):
        for m in _POSTED.finditer(doc.lower, start, end):
            g = m.groups()
            try:
                if g[0]:
                    return date(int(g[0]), int(g[1]), int(g[2]))
                if g[3]:
                    return date(int(g[5]), _MONTHS[g[3]], int(g[4]))
                return date(int(g[8]), _MONTHS[g[7]], int(g[6]))
            except ValueError:
                continue
    return None
