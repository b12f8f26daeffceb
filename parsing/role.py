"""Normalised roles: "Sr. ML Engineer II" and "engineer, machine learning" both read
"machine learning engineer".

The store compares a user's query with saved postings by their normalised role, so the same function
runs on posting titles and on what people type. A normalised role is lower case, has abbreviations
expanded, levels and seniority removed, and team or location suffixes dropped ("Registered Nurse - ICU"
-> "registered nurse"); a bare head noun followed by its speciality is put in natural order
("Engineer, Machine Learning" -> "machine learning engineer").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from parsing.lines import word_set
from parsing.places import normalize_locations

# Head nouns of job titles: a line holding one of these (singular) reads as a title, not a company.
ROLE_HEADS: Final[frozenset[str]] = word_set("""
    engineer developer programmer scientist analyst architect designer manager director officer
    president head lead specialist coordinator consultant administrator assistant associate
    representative technician technologist nurse physician therapist counselor counsellor attorney
    lawyer paralegal accountant bookkeeper auditor clerk cashier teacher instructor tutor professor
    lecturer educator researcher intern internship trainee apprentice driver operator mechanic
    electrician plumber carpenter welder laborer labourer worker helper handler installer inspector
    planner producer editor writer copywriter journalist reporter photographer videographer artist
    animator illustrator marketer recruiter sourcer generalist partner advisor adviser agent broker
    underwriter adjuster supervisor foreman superintendent chef cook server bartender barista host
    hostess housekeeper janitor custodian dishwasher barber stylist cosmetologist esthetician aide
    caregiver pharmacist dentist hygienist veterinarian surgeon psychologist psychiatrist practitioner
    midwife paramedic phlebotomist radiographer sonographer dietitian nutritionist embryologist chemist
    biologist physicist mathematician statistician economist actuary strategist owner founder staff
    member fellow postdoc guard receptionist secretary scheduler dispatcher estimator buyer merchandiser
    salesperson ambassador advocate liaison facilitator trainer coach leader mover hauler crew steward
    stewardess attendant pilot captain nanny landscaper groundskeeper painter machinist fabricator
    assembler packer picker loader stocker courier translator interpreter librarian archivist curator
    investigator examiner appraiser surveyor drafter draftsman draftsperson modeler tester evangelist
    executive controller treasurer teller banker trader optician optometrist audiologist chiropractor
    dispensary principal chief ceo cto cfo coo cmo cio ciso vp swe sde sdet sre mle rn lpn lvn cna emt
    dba bdr sdr csm tpm mts
    """)

# Token-level abbreviations and variant spellings -> their expansion (lower case, no periods).
# "eng", "dev", "admin" and "tech" depend on their position; see _CONTEXT_ABBREVIATIONS.
ROLE_ABBREVIATIONS: Final[dict[str, str]] = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "ml": "machine learning",
    "mle": "machine learning engineer",
    "swe": "software engineer",
    "sde": "software engineer",
    "sdet": "software engineer in test",
    "sre": "site reliability engineer",
    "mts": "member of technical staff",
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "lvn": "licensed vocational nurse",
    "cna": "certified nursing assistant",
    "np": "nurse practitioner",
    "emt": "emergency medical technician",
    "tpm": "technical program manager",
    "bdr": "business development representative",
    "sdr": "sales development representative",
    "csm": "customer success manager",
    "dba": "database administrator",
    "engr": "engineer",
    "mgr": "manager",
    "asst": "assistant",
    "assoc": "associate",
    "coord": "coordinator",
    "rep": "representative",
    "reps": "representatives",
    "spec": "specialist",
    "vp": "vice president",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "avp": "assistant vice president",
    "ceo": "chief executive officer",
    "cto": "chief technology officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cmo": "chief marketing officer",
    "cio": "chief information officer",
    "ciso": "chief information security officer",
    "gm": "general manager",
    "qa": "quality assurance",
    "nlp": "natural language processing",
    "cv": "computer vision",
    "bi": "business intelligence",
    "sw": "software",
    "hw": "hardware",
    "ops": "operations",
    "mktg": "marketing",
    "mgmt": "management",
    "sys": "systems",
    "fullstack": "full stack",
    "full-stack": "full stack",
    "front-end": "frontend",
    "back-end": "backend",
    "dev-ops": "devops",
}

# Abbreviations whose expansion depends on whether they end the title ("ML Eng" vs "Eng Manager").
_CONTEXT_ABBREVIATIONS: Final[dict[str, tuple[str, str]]] = {
    # token: (expansion when last, expansion elsewhere)
    "eng": ("engineer", "engineering"),
    "dev": ("developer", "development"),
    "admin": ("administrator", "administrative"),
    "tech": ("technician", "tech"),
}

# Multi-word variants -> canonical phrase, applied after token expansion.
ROLE_SYNONYMS: Final[dict[str, str]] = {
    "software development engineer": "software engineer",
    "software developer engineer": "software engineer",
    "software engineering engineer": "software engineer",
    "artificial intelligence": "ai",
    "user experience": "ux",
    "user interface": "ui",
    "front end": "frontend",
    "back end": "backend",
    "full stack engineer": "full stack engineer",
    "certified nurse assistant": "certified nursing assistant",
    "registered nurse nurse": "registered nurse",
    "machine learning machine learning": "machine learning",
}

# Common non-English role names (German, French, Spanish, Portuguese, Dutch, Polish; lower case, with
# and without accents) by the English role they mean. German and Dutch compounds are listed whole.
_FOREIGN_NAMES: Final[dict[str, str]] = {
    "software developer": (
        "softwareentwickler | softwareentwicklerin | software-entwickler | développeur logiciel | "
        "developpeur logiciel | desarrollador de software | desarrolladora de software | "
        "desenvolvedor de software | desenvolvedora de software | softwareontwikkelaar"
    ),
    "software engineer": (
        "softwareingenieur | ingénieur logiciel | ingenieur logiciel | ingeniero de software | "
        "ingeniera de software | engenheiro de software | engenheira de software | "
        "inżynier oprogramowania | inzynier oprogramowania"
    ),
    "developer": (
        "entwickler | entwicklerin | développeur | developpeur | développeuse | desarrollador | "
        "desarrolladora | desenvolvedor | desenvolvedora | ontwikkelaar | programista | programistka"
    ),
    "engineer": (
        "ingenieur | ingenieurin | ingénieur | ingénieure | ingeniero | ingeniera | engenheiro | "
        "engenheira | inżynier | inzynier"
    ),
    "data scientist": (
        "datenwissenschaftler | scientifique des données | científico de datos | cientista de dados"
    ),
    "data analyst": (
        "datenanalyst | analyste de données | analista de datos | analista de dados | analityk danych"
    ),
    "project manager": (
        "projektleiter | projektmanager | chef de projet | jefe de proyecto | gerente de proyecto | "
        "gerente de projetos | gerente de projeto | projectleider | kierownik projektu"
    ),
    "product manager": "produktmanager | chef de produit",
    "systems administrator": "systemadministrator",
    "nurse": (
        "krankenpfleger | krankenschwester | infirmier | infirmière | enfermero | enfermera | "
        "enfermeiro | verpleegkundige | pielęgniarka"
    ),
    "accountant": "buchhalter | comptable | contador | contabilista | boekhouder | księgowa | księgowy",
    "sales representative": "vertriebsmitarbeiter",
    "intern": (
        "werkstudent | praktikant | stagiaire | becario | estagiário | estagiario | stagiair | stażysta"
    ),
    "software tester": "tester oprogramowania",
}
FOREIGN_ROLES: Final[dict[str, str]] = {
    name.strip(): english for english, names in _FOREIGN_NAMES.items() for name in names.split("|")
}
_FOREIGN_RE: Final = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(FOREIGN_ROLES, key=len, reverse=True))) + r")(?![\w-])"
)
# Words about the contract, not the role ("Contract Lead Salesforce Developer"): removed wherever they
# stand, as long as a role is left.
_CONTRACT_WORDS: Final[frozenset[str]] = word_set(
    "contract freelance freelancer interim temporary temp fixed-term permanent part-time full-time"
    " contractor-role"
)
# Announcement words some titles start with ("New Role: Frontend Developer", "Hiring Data Analyst").
_ANNOUNCEMENT: Final = re.compile(
    r"^(?:(?:new|open|urgent|hot|exciting)\s+(?:role|job|position|opening|vacancy|opportunity)|"
    r"(?:now\s+)?hiring|we(?:'re| are)\s+hiring|job\s+(?:opening|alert)|urgent(?:ly)?)\b[\s:!.-]*"
)
# Level words of the same languages ("Engenheiro de Software Pleno", "Développeur Confirmé").
_FOREIGN_LEVELS: Final[frozenset[str]] = word_set(
    "pleno sênior sénior júnior junior confirmé confirmée expérimenté expérimentée débutant starszy"
    " młodszy medior ervaren erfahrener"
)
# Unicode categories of decoration: emoji and other symbols, marks left alone, format characters.
_DECORATION_CATEGORIES: Final = frozenset({"So", "Sk", "Cf", "Co", "Cs"})

# Words that are levels, not roles: removed wherever they stand.
_LEVEL_WORDS: Final[frozenset[str]] = word_set(
    "senior junior i ii iii iv v vi vii entry-level mid-level mid-senior experienced distinguished"
)
# Words that are levels only in front of another word ("Staff Engineer", but "Member of Technical Staff").
_LEVEL_PREFIXES: Final[frozenset[str]] = word_set("lead principal staff associate graduate")
# Two-word levels.
_LEVEL_PHRASES: Final = re.compile(  # "entry level", "L5", a trailing level number
    r"\b(?:entry[ -]level|mid[ -]level|mid[ -]senior(?: level)?|senior[ -]level|new grad(?:uate)?|"
    r"level \d+|lvl \d+|grade \d+|(?:l|ic)\d{1,2}|\d(?=\s*$))\b"
)
# "AI/ML", "ML & AI": one field, machine learning.
_COMBINED_ML: Final = re.compile(
    r"\b(?:ai\s*(?:/|&|and|\+)\s*(?:ml|machine learning)|(?:ml|machine learning)\s*(?:/|&|and|\+)\s*ai|"
    r"aiml)\b"
)
# Bracketed asides hold teams, places and gender notes ("(Remote)", "[Contract]", "(m/w/d)"), never the role.
_BRACKETS: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")
# A spaced dash, pipe or colon starts a new segment (team, place, company); "/ remote" too.
_SEPARATORS: Final = re.compile(r"\s+[-–—|:]\s+|\s*\|\s*|\s+/\s+(?=(?:remote|hybrid|on-?site)\b)")
# "... at Stripe": the company, dropped only when a role is left before it.
_AT: Final = re.compile(r"\s+(?:at|@)\s+\S.*$")
# A segment of only workplace, contract or pay words is not the speciality of a bare head noun.
_JUNK_SUFFIX: Final = re.compile(
    r"^(?:remote|hybrid|on-?site|in[- ]office|full[- ]?time|part[- ]?time|contract|temporary|temp|permanent|"
    r"urgent(?:ly hiring)?|hiring|now hiring|immediate(?: start)?|new|job post|.*\$.*|\d.*)$"
)
_MARKUP: Final = re.compile(r"[*_#`]+")
_SPACES: Final = re.compile(r"\s+")
_TOKEN_STRIP: Final = ".,;:!?\"'`*_~"
_SYNONYM_RE: Final = re.compile(r"\b(?:" + "|".join(map(re.escape, ROLE_SYNONYMS)) + r")\b")


def _expand(segment: str) -> list[str]:
    """Lower-case words of one title segment, abbreviations expanded."""
    words = [w for w in (t.lstrip(_TOKEN_STRIP[1:]).rstrip(_TOKEN_STRIP) for t in segment.split()) if w]
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "&":
            out.append("and")
            continue
        context = _CONTEXT_ABBREVIATIONS.get(word)
        if context is not None:
            out.extend(context[0 if i == len(words) - 1 else 1].split())
            continue
        if "/" in word.strip("/") and all(p in ROLE_ABBREVIATIONS for p in word.split("/") if p):
            out.append("/".join(ROLE_ABBREVIATIONS[p] for p in word.split("/") if p))
            continue
        out.extend(ROLE_ABBREVIATIONS.get(word, word).split())
    return out


def _strip_levels(words: list[str]) -> list[str]:
    out = [w for w in words if w not in _LEVEL_WORDS]
    without_contract = [w for w in out if w not in _CONTRACT_WORDS]
    out = without_contract or out
    # Level prefixes: "Lead Software Engineer", "Staff Accountant", "Associate Attorney".
    while len(out) > 1 and out[0] in _LEVEL_PREFIXES and out[1] != "generation":
        out = out[1:]
    return out


def _has_head(words: list[str]) -> bool:
    for word in words:
        for part in word.split("/"):
            if part in ROLE_HEADS or (part.endswith("s") and part[:-1] in ROLE_HEADS):
                return True
    return False


def _clean_segment(segment: str) -> list[str]:
    segment = _LEVEL_PHRASES.sub(" ", segment)
    return _strip_levels(_expand(segment))


def _is_junk(segment: str) -> bool:
    s = segment.strip(" .,-")
    if not s or _JUNK_SUFFIX.match(s):
        return True
    return bool(normalize_locations(s, strict=True))


def _undecorated(text: str) -> str:
    """``text`` without emoji, symbols and invisible format characters (a title's decoration)."""
    return "".join(" " if unicodedata.category(ch) in _DECORATION_CATEGORIES else ch for ch in text)


def _head_last(role: str) -> str:
    """A translated role in English order: the qualifiers a Romance or Slavic title puts after its head
    noun go in front ("developer full stack" -> "full stack developer", "developer java" -> "java
    developer")."""
    words = role.split()
    last = max((i for i, w in enumerate(words) if _has_head([w])), default=len(words) - 1)
    return " ".join([*words[last + 1 :], *words[: last + 1]])


@lru_cache(maxsize=4096)
def normalize_role(title: str) -> str | None:
    """The normalised role of a posting title or of a user's query, or None when nothing is left.

    Cached: the same titles and queries come back again and again."""
    if not title:
        return None
    s = title.replace("\\", "").replace("’", "'").replace("\u00a0", " ").casefold()
    s = _MARKUP.sub(" ", _undecorated(s))
    s = _ANNOUNCEMENT.sub("", s.strip(" -–—|,:!*"))
    translated = _FOREIGN_RE.sub(lambda m: FOREIGN_ROLES[m.group(0)], s)
    foreign, s = translated != s, translated
    s = _COMBINED_ML.sub("machine learning", s)
    s = _BRACKETS.sub(" ", s)
    s = _SPACES.sub(" ", s).strip(" -–—|,:")
    if not s:
        return None
    s = _AT.sub("", s) if _has_head(_expand(_AT.sub("", s))) else s
    segments = [p.strip() for p in _SEPARATORS.split(s) if p.strip()]
    if not segments:
        return None
    # The role is the first segment that holds a head noun; a bare head is completed by the next one.
    index = next((i for i, seg in enumerate(segments) if _has_head(_expand(seg))), 0)
    main = segments[index]
    following = segments[index + 1] if index + 1 < len(segments) else ""
    head, _, speciality = main.partition(",")
    words = _clean_segment(head)
    if speciality.strip():
        following = speciality
    if len(words) == 1 and words[0] in ROLE_HEADS and following and not _is_junk(following):
        extra = _clean_segment(following.split(",")[0])
        if extra and not _has_head(extra):
            words = [*extra, *words]
    if not words:
        return None
    role = " ".join(words)
    role = _SYNONYM_RE.sub(lambda m: ROLE_SYNONYMS[m.group(0)], role)
    role = _SPACES.sub(" ", role).strip(" -/,").rstrip(".")
    last = role.rsplit(" ", 1)[-1]
    if last.endswith("s") and last[:-1] in ROLE_HEADS:
        role = role[: -len(last)] + last[:-1]
    if foreign:
        role = _head_last(" ".join(w for w in role.split() if w not in _FOREIGN_LEVELS))
    # Neither a head noun nor role vocabulary ("ML", "QA"): a company name or a slogan, not a role.
    vocabulary = _has_head(role.split()) or any(
        t.strip(_TOKEN_STRIP) in ROLE_ABBREVIATIONS for t in title.casefold().split()
    )
    return role if role and vocabulary else None
