"""Seniority, employment type, workplace, years of experience, education and posting date.

Each extractor prefers an explicit field ("Job Type: Full-time") to what the prose implies, and returns
None (or []) rather than guess: a wrong value on a card is worse than a missing one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from parsing.lines import head_lines as _head_lines
from parsing.lines import prepare as _prepare
from parsing.models import EDUCATION_ORDER, Education, EmploymentType, ExperienceYears, Seniority, Workplace

# ---------------------------------------------------------------------------------------------------
# Shared helpers

# Badges: the short tags a job page prints near the title ("Full-time", "Hybrid", "Remote in Austin, TX").
_BADGE_SPLIT: Final = re.compile(r"\s*(?:[·|•/]|\s[-–]\s|\(|\))\s*")
_BADGE_WORD: Final = re.compile(
    r"(full[- ]?time|part[- ]?time|contract|contractor|temporary|internship|permanent|freelance|"
    r"remote|fully remote|hybrid|on[- ]?site|in[- ]office|in[- ]person)"
    r"(?:\s+(?:in|within|-)\s+.*|\s+work\s+in\s+.*|\s+remote\s+in\s+.*)?",
    re.I,
)
_BADGE_LINE: Final = re.compile(
    r"(?:\s*(?:full[- ]?time|part[- ]?time|contract|temporary|internship|remote|hybrid|on[- ]?site|"
    r"(?:entry|mid-senior|mid|senior)\s+level|associate|director|executive|not applicable))+\s*",
    re.I,
)
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


def _badges(line: str) -> list[str]:
    """The badge words of one short top line, lower case ("$90k - $110k a year - Full-time" -> full-time)."""
    if len(line) > 90 or line.endswith((".", "?", "!", ":")):
        return []
    if _BADGE_LINE.fullmatch(line):
        return [w.lower() for w in re.findall(r"full[- ]?time|part[- ]?time|\w+(?:-\w+)?", line)]
    out: list[str] = []
    for segment in _BADGE_SPLIT.split(line):
        m = _BADGE_WORD.fullmatch(segment.strip(" ,"))
        if m:
            out.append(m.group(1).lower())
    return out


# ---------------------------------------------------------------------------------------------------
# Seniority

_TITLE_LEVELS: Final[tuple[tuple[Seniority, re.Pattern[str]], ...]] = (
    ("intern", re.compile(r"\b(?:intern|internship|co-?op|summer student|werkstudent)\b", re.I)),
    (
        "executive",
        re.compile(
            r"\b(?:chief\s+(?:\w+\s+){0,3}officer|c[eftoimd]o|ciso|cxo|s?vp|e?vp|vice[- ]president|president)\b",
            re.I,
        ),
    ),
    ("director", re.compile(r"\b(?:director|head of|dir)\b", re.I)),
    (
        "manager",
        re.compile(
            r"(?<!product )(?<!project )(?<!program )(?<!programme )(?<!account )(?<!case )(?<!property )"
            r"(?<!media )(?<!community )(?<!content )(?<!relationship )(?<!portfolio )(?<!territory )"
            r"(?<!success )(?<!brand )(?<!care )(?<!category )\b(?:manager|mgr)\b",
            re.I,
        ),
    ),
    ("principal", re.compile(r"\bprincipal\b(?=\s+\w)", re.I)),
    (
        "staff",
        re.compile(
            r"\bstaff\s+(?:\w+\s+){0,3}?(?:engineer|scientist|developer|designer|researcher|architect|"
            r"analyst|product|swe|sre|data|software|machine|ml)",
            re.I,
        ),
    ),
    (
        "lead",
        re.compile(r"^\W*lead\b(?!\s+generation)|\b(?:tech|team|technical)\s+lead\b|[-,–]\s*lead\b", re.I),
    ),
    (
        "senior",
        re.compile(
            r"\b(?:senior|sr)\b\.?(?!\s+(?:living|care|home|center|centre|services|citizens?|community))", re.I
        ),
    ),
    (
        "entry",
        re.compile(
            r"\b(?i:junior|jr|entry[- ]level|entry|graduate|new grad|trainee|apprentice)\b"
            r"|^\W*(?i:associate)\s+(?=(?i:software|data|product|engineer|developer|scientist|analyst|consultant))"
            r"|\s(?:I|1)\s*(?=$|[,(\-])"
        ),
    ),
    ("mid", re.compile(r"\b(?i:mid[- ]level)\b|\s(?:II|2)\s*(?=$|[,(\-])")),
)

_LINKEDIN_LEVELS: Final[dict[str, Seniority | None]] = {
    "internship": "intern",
    "entry level": "entry",
    "entry-level": "entry",
    "director": "director",
    "executive": "executive",
}
_TEXT_LEVEL: Final = re.compile(
    r"\b(?:seniority|experience|career|job)\s+level\s*:?\s*(internship|entry[- ]level|director|executive)\b"
    r"|\b(entry|junior|mid|intermediate|senior)[- ]level\s+(?:role|position|opportunity|job)\b"
    r"|\bthis is an?\s+(junior|senior|entry[- ]level|mid[- ]level|lead|staff|principal)\s+(?:\w+\s+){0,3}?"
    r"(?:role|position|opportunity)\b"
    r"|\bno (?:prior |previous )?(?:work )?experience (?:is )?(?:required|necessary|needed)\b",
    re.I,
)
_TEXT_WORD_LEVEL: Final[dict[str, Seniority]] = {
    "entry": "entry",
    "junior": "entry",
    "mid": "mid",
    "intermediate": "mid",
    "senior": "senior",
    "lead": "lead",
    "staff": "staff",
    "principal": "principal",
}


def seniority_from_title(title: str) -> Seniority | None:
    """The level a title states ("Sr. Data Scientist" -> senior), or None."""
    title = title.strip()
    if not title:
        return None
    for level, pattern in _TITLE_LEVELS:
        m = pattern.search(title)
        if m is not None:
            return level
    return None


def extract_seniority(title: str | None, text: str) -> Seniority | None:
    """The posting's seniority: from the title first, then an explicit statement in the text."""
    if title:
        level = seniority_from_title(title)
        if level is not None:
            return level
    m = _TEXT_LEVEL.search(_prepare(text))
    if m is None:
        return None
    if m.group(1):
        return _LINKEDIN_LEVELS.get(m.group(1).lower().replace("-", " "))
    word = (m.group(2) or m.group(3) or "").lower()
    if word:
        return _TEXT_WORD_LEVEL.get(word.split("-")[0].split(" ")[0])
    return "entry"


# ---------------------------------------------------------------------------------------------------
# Employment type

_TYPE_VALUE: Final = (
    r"(full[- ]?time|f/t|permanent|part[- ]?time|p/t|contract(?:or)?(?:[- ]to[- ]hire)?|c2h|freelance|"
    r"fixed[- ]term|temporary|temp|seasonal|internship|intern|co-?op|per diem)"
)
_TYPE_FIELD: Final = re.compile(
    r"\b(?:job|employment|position|work|contract|role|schedule|time)[ -]?types?\s*:?\s*-?\s*" + _TYPE_VALUE + r"\b"
    r"|\b(?:commitment|type of employment|employment|engagement)\s*:\s*" + _TYPE_VALUE + r"\b",
    re.I,
)
_TYPE_PROSE: Final = re.compile(
    r"\b(?:this|the)\s+(?:role|position|job|opportunity)\s+is\s+(?:an?\s+)?" + _TYPE_VALUE + r"\b"
    r"|\b(?:an?|this)\s+(?:paid\s+|unpaid\s+|\d+[- ]month\s+|long[- ]term\s+|short[- ]term\s+)?"
    r"(full[- ]?time|part[- ]?time|contract(?:[- ]to[- ]hire)?|temporary|temp|seasonal|summer|paid|unpaid|"
    r"freelance)\s+(?:\w+\s+){0,2}?(position|role|job|opportunity|internship|contract|assignment|engagement)\b"
    r"|\b(contract[- ]to[- ]hire|internship program|temp[- ]to[- ]perm)\b",
    re.I,
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
    "summer": "internship",
    "paid": "internship",
    "unpaid": "internship",
}


def _type_of(value: str, noun: str | None = None) -> EmploymentType | None:
    key = re.sub(r"[^a-z0-9]", "", value.lower())
    if key in ("paid", "unpaid", "summer") and (noun or "").lower() != "internship":
        return None
    if noun and noun.lower() == "internship":
        return "internship"
    return _TYPE_MAP.get(key)


def extract_employment_type(text: str) -> EmploymentType | None:
    """Full-time, part-time, contract, temporary or internship, as the posting states it."""
    text = _prepare(text)
    m = _TYPE_FIELD.search(text)
    if m:
        return _type_of(m.group(1) or m.group(2))
    for line in _head_lines(text, 15):
        for badge in _badges(line):
            kind = _type_of(badge)
            if kind is not None:
                return kind
    m = _TYPE_PROSE.search(text)
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
_PLACE_FIELD: Final = re.compile(
    r"\b(?:workplace(?: type)?|work(?:place)? (?:type|model|arrangement|setting|style|mode|location|"
    r"environment)|location type|remote status|working model|office policy|work from)\s*:?\s*-?\s*"
    + _PLACE_VALUE
    + r"\b(?!\s+(?:sensing|monitoring|patient|access|support|control))"
    r"|^\s*(?:job\s+)?location\s*:?\s*" + _PLACE_VALUE + r"\b",
    re.I | re.M,
)
_NOT_REMOTE: Final = re.compile(
    r"\b(?:not|non)[- ](?:a\s+)?remote\b|\bno remote\b|\bremote (?:work )?(?:is )?not (?:available|possible|"
    r"an option|offered)|\bnot (?:eligible|available) for remote",
    re.I,
)
_HYBRID: Final = re.compile(
    r"\bhybrid[- ](?:role|position|work(?:ing)?|schedule|model|environment|arrangement|set-?up|opportunity|"
    r"job|basis|policy|office|remote|team)\b|\b(?:is|are|be|on a|this is a)\s+hybrid\b|\bhybrid\s*\("
    r"|\bin[- ]office\s+(?:on\s+)?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b"
    r"|\b(?:[1-4]|one|two|three|four)\s*(?:-\s*\d\s*)?days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the\s+|our\s+)?"
    r"(?:office|site|hq|headquarters)|\bin[- ]office\s+(?:[1-4]|one|two|three|four)\s+days\b"
    r"|\b(?:[1-4]|one|two|three|four)\s+days?\s+(?:in[- ]office|on[- ]?site)\b",
    re.I,
)
_REMOTE: Final = re.compile(
    r"\b(?:fully|100%|completely|entirely|permanently|totally)\s+remote\b|\bremote[- ](?:first|based|only)\b"
    r"|\bremote\s+(?:role|position|job|opportunity)\b(?!s)|\bwork(?:ing)?\s+(?:from|at)\s+home\b|\bwfh\b"
    r"|\b(?:can|will|may)\s+work\s+remotely\b"
    r"|\b(?:this|the)\s+(?:role|position|job|opportunity)\s+(?:is|can\s+be|will\s+be)\s+(?:a\s+)?(?:fully\s+)?remote\b"
    r"(?!\s+(?:sensing|monitoring))"
    r"|\bremote\s+(?:work\s+)?(?:within|anywhere in|from anywhere)\b",
    re.I,
)
_ONSITE: Final = re.compile(
    r"\b(?:on[- ]?site|in[- ]person|in[- ]office|office[- ]based)\s+(?:role|position|job|opportunity)\b(?!s)"
    r"|\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:fully\s+|100%\s+)?(?:on[- ]?site|in[- ]person|"
    r"in[- ]office|office[- ]based|based (?:on[- ]?site|in (?:the|our) office))"
    r"|\b(?:must|required to|expected to|will)\s+(?:work|be|report)\s+(?:on[- ]?site|in[- ]person|in the office)"
    r"(?!\s+(?:as needed|occasionally|when))|\b(?:5|five)\s+days\s+(?:a|per)\s+week\s+(?:in|at)\s+(?:the\s+)?office"
    r"|\bin[- ]office\s+(?:5|five)\s+days",
    re.I,
)


def _place_of(value: str) -> Workplace:
    v = value.lower()
    if "remote" in v:
        return "remote"
    if "hybrid" in v:
        return "hybrid"
    return "onsite"


def extract_workplace(text: str) -> Workplace | None:
    """Remote, hybrid or on-site, from a field or badge first and then from what the prose says."""
    text = _prepare(text)
    m = _PLACE_FIELD.search(text)
    if m:
        return _place_of(m.group(1) or m.group(2))
    for line in _head_lines(text, 12):
        for badge in _badges(line):
            if badge in _WORKPLACE_BADGES:
                return _WORKPLACE_BADGES[badge]
    if _HYBRID.search(text):
        return "hybrid"
    if _NOT_REMOTE.search(text):
        return "onsite"
    if _REMOTE.search(text):
        return "remote"
    if _ONSITE.search(text):
        return "onsite"
    return None


# ---------------------------------------------------------------------------------------------------
# Years of experience

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
    r"\b" + _NUM + r"(?:\s*\(\d{1,2}\))?\s*(\+|plus)?\s*(?:(?:-|to|or)\s*" + _NUM + r"(?:\s*\(\d{1,2}\))?\s*\+?\s*)?"
    r"(or more\s+|\+\s*)?(?:years?|yrs?)\b(?:\s*\(s\))?\.?",
    re.I,
)
_AFTER_EXPERIENCE: Final = re.compile(
    r"\s*(?:'|of\s+)?(?:\w[\w/&.+#-]*\s+){0,6}?(?:experience|exp\b)"
    r"|\s+(?:in|with|as|of|working|doing|building|developing|designing|managing|leading|writing|post)\b"
    r"(?!\s+(?:age|old|business|college|university|school|study|studies|schooling|education|a row|total|"
    r"the (?:industry|business|past|last|making|community|market)|operation|service))"
    r"|\s*\((?:required|preferred)\)|\s+(?:required|preferred|minimum)\b",
    re.I,
)
_BEFORE_NOT_EXPERIENCE: Final = re.compile(
    r"(?:\b(?:been|business|operating|serving|existed|around|grown|active|trusted|established)\s+for"
    r"|\bfor\s+(?:nearly|almost|about|the\s+(?:past|last))|\bover\s+the(?:\s+(?:past|last))?"
    r"|\bthe\s+(?:past|last|next|first)|\bpast|\blast|\bnext|\bevery|\bwithin|\bafter|\bcelebrating"
    r"|\baged?|\bages|\bunder|\bduring|\bin)\s*$",
    re.I,
)
_AFTER_NOT_EXPERIENCE: Final = re.compile(
    r"\s*(?:old|of age|ago|of (?:college|university|school|high school|study|schooling|education|coursework|"
    r"service)|in business|warranty|thereafter|later|from now)\b",
    re.I,
)
_PREFERRED_NEAR: Final = re.compile(
    r"\b(?:preferred|a plus|is a plus|desired|desirable|nice[- ]to[- ]have|ideally|bonus|advantageous|"
    r"preferably|would be great)\b",
    re.I,
)
_REQUIRED_NEAR: Final = re.compile(r"\b(?:required|requirement|must|minimum|at least)\b", re.I)
_SECTION: Final = re.compile(
    r"\b(?:(preferred|desired|bonus|additional|nice[- ]to[- ]have)\s+(?:qualifications|skills|requirements|"
    r"experience|points)|(nice[- ]to[- ]haves?|pluses|bonus points|extra credit)"
    r"|(?:required|minimum|basic|must[- ]have)\s+(?:qualifications|skills|requirements|experience)"
    r"|requirements\s*:|qualifications\s*:|what you(?:'ll)? need|must[- ]haves?)",
    re.I,
)
_SENTENCE_END: Final = re.compile(r"[.;!?\n]\s|\n")


def _num(value: str) -> int:
    return int(value) if value.isdigit() else _NUMBER_WORDS[value.lower()]


def _preferred(text: str, start: int, end: int) -> bool:
    """Whether the experience statement at text[start:end] is a preference rather than a requirement."""
    stop = _SENTENCE_END.search(text, end)
    after = text[end : stop.start() if stop else end + 160][:160]
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start), start - 160)
    before = text[line_start:start]
    if _PREFERRED_NEAR.search(after) or _PREFERRED_NEAR.search(before):
        return not _REQUIRED_NEAR.search(after)
    section = None
    for s in _SECTION.finditer(text, max(0, start - 1500), start):
        section = s
    return section is not None and bool(section.group(1) or section.group(2))


def extract_experience(text: str) -> ExperienceYears | None:
    """The first required years-of-experience statement (a preferred one only when nothing is required)."""
    text = _prepare(text)
    fallback: ExperienceYears | None = None
    for m in _YEARS.finditer(text):
        lead, low, plus, high = m.group(1), m.group(2), m.group(3), m.group(4)
        end = m.end()
        if not _AFTER_EXPERIENCE.match(text, end) or _AFTER_NOT_EXPERIENCE.match(text, end):
            # "Experience: 3 years", "Marketing: 1 year (Preferred)".
            label = text[max(0, m.start() - 60) : m.start()]
            if not re.search(r"\bexperience\b[^.\n]{0,40}:\s*$|^[^\n.]{0,40}:\s*$", label, re.I) or (
                _AFTER_NOT_EXPERIENCE.match(text, end)
            ):
                continue
        if _BEFORE_NOT_EXPERIENCE.search(text, max(0, m.start() - 30), m.start()):
            continue
        lo, hi = _num(low), (_num(high) if high else None)
        if lo > 40 or (hi is not None and (hi > 40 or hi < lo)):
            continue
        if lead and lead.lower() == "up to":
            years = ExperienceYears(min=None, max=hi or lo)
        elif hi is not None and not plus:
            years = ExperienceYears(min=lo, max=hi)
        else:
            years = ExperienceYears(min=lo, max=None)
        if not _preferred(text, m.start(), end):
            return years
        if fallback is None:
            fallback = years
    return fallback


# ---------------------------------------------------------------------------------------------------
# Education

_EDUCATION: Final = re.compile(
    r"(?P<phd>\b(?i:ph\.?\s?d)\b\.?|\b(?i:doctorate|doctoral|d\.phil)\b)"
    r"|(?P<master>\b(?i:masters?['’]?s?)(?=\s*(?i:degree|in\b|of\s+(?:science|arts|engineering|business|fine|"
    r"public|education|social|computer)|or\b|/|,|and\b|program|level|\)))|\bM\.S\.|\bM\.Sc\.?|\bMSc\b|\bMBA\b"
    r"|\bM\.?Eng\b|\bMPH\b|\bMSW\b|\bMFA\b|\bM\.A\.|(?:\b|(?<=/))MS(?=\s+(?:degree|in)\b|\s*/|\s+or\b)"
    r"|(?<=/)MS\b|\bMA(?=\s+(?:degree|in)\b))"
    r"|(?P<bachelor>\b(?i:bachelor['’]?s?|baccalaureate|undergraduate degree|(?:4|four)[- ]year (?:college |"
    r"university )?degree)\b|\bB\.S\.|\bB\.Sc\.?|\bBSc\b|\bB\.A\.|\bBEng\b|\bB\.?Tech\b|\bBSN\b|\bBBA\b"
    r"|\bBFA\b|\bBS(?=\s+(?:degree|in)\b|\s*/|\s+or\b)|(?<=/)BS\b|\bBA(?=\s+(?:degree|in)\b|\s*/|\s+or\b)"
    r"|(?<=/)BA\b)"
    r"|(?P<associate>\b(?i:associate['’]?s?\s+(?:degree|of\s+(?:science|arts|applied))|associates?\s+degree)\b"
    r"|\bA\.A\.S?\.|\bAAS\b(?=\s+degree))"
    r"|(?P<high_school>\b(?i:high[- ]school\s+(?:diploma|degree|education|graduate|equivalen\w*)|high school or"
    r"\s+(?:equivalent|ged)|secondary school\s+(?:diploma|education)|diploma or (?:equivalent|ged))\b|\bGED\b)"
)


def extract_education(text: str) -> list[Education]:
    """Every degree level the posting mentions (required or preferred), lowest first."""
    text = _prepare(text)
    found: set[str] = set()
    for m in _EDUCATION.finditer(text):
        if m.lastgroup:
            found.add(m.lastgroup)
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
    r"\b(?:created|posted(?:\s+on|\s+date)?|date\s+posted|posting\s+date|published(?:\s+on)?|date\s+published|"
    r"job\s+posted|opening\s+date|listed(?:\s+on)?|date\s+listed)\s*[:\-]?\s*"
    r"(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"
    r"|" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
    r"|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})\b)",
    re.I,
)


def extract_posted_on(text: str) -> date | None:
    """The date a labelled field says the posting was published; relative ages ("3 days ago") are None."""
    for m in _POSTED.finditer(_prepare(text)):
        g = m.groups()
        try:
            if g[0]:
                return date(int(g[0]), int(g[1]), int(g[2]))
            if g[3]:
                return date(int(g[5]), _MONTHS[g[3].lower()], int(g[4]))
            return date(int(g[8]), _MONTHS[g[7].lower()], int(g[6]))
        except ValueError:
            continue
    return None
