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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

from parsing.lines import word_set
from parsing.places import normalize_locations

# English head nouns of job titles: a line holding one of these (singular) reads as a title, not a company.
_ENGLISH_HEADS: Final[frozenset[str]] = word_set("""
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
    dba bdr sdr csm tpm mts waiter waitress sysadmin expert hacker counsel
    """)

# Accented Latin letters -> their base letter, so "Développeur" and "developpeur" are one word. Other
# scripts are left alone (stripping marks from kana would change the word).
_LATIN_FOLD: Final[dict[int, str]] = {
    code: base
    for code in range(0xC0, 0x250)
    if (base := unicodedata.normalize("NFD", chr(code))[0]) != chr(code) and base.isascii()
} | {ord(k): v for k, v in {"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"}.items()}


def fold(text: str) -> str:
    """Lower case without accents on Latin letters: how role words are compared."""
    return text.casefold().translate(_LATIN_FOLD)


# Feminine endings -> masculine ones, tried on a word the vocabulary does not know as written
# ("Entwicklerin", "développeuse", "desarrolladora", "sviluppatrice", "programistka", "kucharka").
_FEMININE_ENDINGS: Final[tuple[tuple[str, str], ...]] = (
    ("innen", ""),
    ("trice", "tore"),
    ("ienne", "ien"),
    ("euse", "eur"),
    ("stka", "sta"),
    ("arka", "arz"),
    ("frau", "mann"),
    ("rice", "eur"),
    ("ere", "er"),
    ("ee", "e"),
    ("in", ""),
    ("ka", ""),
    ("a", "o"),
    ("a", "e"),
    ("a", ""),
    ("e", ""),
)
# Feminine forms that count as title evidence too, by language: (masculine ending, feminine ending), the
# first that fits. Only endings that make no common word ("técnica" is also "technique", "ingénieuse"
# "ingenious"), so no "o" -> "a" and no "ieur" -> "ieuse".
_EVIDENCE_FEMININE: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("er", "erin"),
        ("ent", "entin"),
        ("ist", "istin"),
        ("ant", "antin"),
        ("eur", "eurin"),
        ("mann", "frau"),
    ),
    "fr": (
        ("ieur", "ieure"),
        ("esseur", "esseure"),
        ("teur", "trice"),
        ("eur", "euse"),
        ("ier", "ière"),
        ("ien", "ienne"),
    ),
    "es": (("or", "ora"),),
    "pt": (("or", "ora"),),
    "it": (("tore", "trice"),),
    "pl": (("sta", "stka"),),
}


@dataclass
class RoleVocabulary:
    """The non-English role words of ``data/role_words.txt`` (its header explains each kind of line).
    Keys are folded (``fold``)."""

    words: dict[str, str] = field(default_factory=dict)  # a word or phrase -> its English
    heads: dict[str, str] = field(default_factory=dict)  # compound heads -> their English
    fronts: dict[str, str] = field(default_factory=dict)  # compound fronts -> their English
    evidence: set[str] = field(default_factory=set)  # lower-case words that mark a title
    evidence_heads: set[str] = field(default_factory=set)  # compound heads among them, folded
    drop: set[str] = field(default_factory=set)
    not_roles: set[str] = field(default_factory=set)
    cut: set[str] = field(default_factory=set)
    link: set[str] = field(default_factory=set)

    def add(self, line: str, language: str) -> None:
        kind, colon, listed = line.partition(":")
        if colon and kind in ("drop", "not", "cut", "link"):
            getattr(self, kind.replace("not", "not_roles")).update(fold(listed).split())
            return
        key_only = "=>" in line
        local, _, english = (part.strip() for part in line.partition("=>" if key_only else "->"))
        if local.endswith("-"):
            self.fronts[fold(local[:-1])] = english
            return
        word = local.lstrip("-")
        self.words[fold(word)] = english
        if local.startswith("-"):
            self.heads[fold(word)] = english
        if key_only or " " in word or not any(w in _ENGLISH_HEADS for w in english.split()):
            return  # a phrase, a qualifier ("datos -> data") or a word that is often no role
        forms = [word]
        for masculine, feminine in _EVIDENCE_FEMININE.get(language, ()):
            if word.endswith(masculine):
                forms.append(word[: len(word) - len(masculine)] + feminine)
                break
        self.evidence.update(f(form) for form in forms for f in (str.casefold, fold))
        if local.startswith("-"):
            self.evidence_heads.update(map(fold, forms))


def _read_vocabulary(path: Path) -> RoleVocabulary:
    vocabulary = RoleVocabulary()
    language = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            language = line[1:-1]
        elif line and not line.startswith("#"):
            vocabulary.add(line, language)
    return vocabulary


VOCABULARY: Final = _read_vocabulary(Path(__file__).with_name("data") / "role_words.txt")
# Head nouns of job titles in every language the vocabulary holds: a line holding one reads as a title.
ROLE_HEADS: Final[frozenset[str]] = _ENGLISH_HEADS | frozenset(VOCABULARY.evidence)
_HEAD_LENGTHS: Final = sorted({len(h) for h in VOCABULARY.heads}, reverse=True)
# Heads a compound is read by for title evidence: the local ones, and English ones German borrows
# ("Projektmanager", "Webdesigner").
_EVIDENCE_HEADS: Final = frozenset(VOCABULARY.evidence_heads | {h for h in _ENGLISH_HEADS if len(h) >= 6})


def is_title_word(word: str) -> bool:
    """Whether one word marks a job title in any language the vocabulary holds: a head noun ("Engineer",
    "Nurses"), a local role word ("Pflegefachkraft", "desarrolladora") or a compound on a head
    ("Heizungstechnikerin"), but not a word that only ends like one ("Halbleiter", "Innovationskraft")."""
    folded = fold(word.strip(".'"))
    if folded in VOCABULARY.not_roles:
        return False
    if folded in ROLE_HEADS or (folded.endswith("s") and folded[:-1] in _ENGLISH_HEADS):
        return True
    return any(folded[i:] in _EVIDENCE_HEADS for i in range(3, len(folded) - 5))


_PHRASE_RE: Final = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(map(re.escape, sorted((w for w in VOCABULARY.words if " " in w), key=len, reverse=True)))
    + r")(?![\w-])"
)
_FOREIGN_WORD: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LINKS: Final = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(re.escape(w) + ("" if w.endswith("'") else r"(?![\w'])") for w in VOCABULARY.link)
    + r")"
)


def _known(word: str) -> str | None:
    """The English of one folded word as written, as a compound ("kundenberater") or with its
    feminine ending made masculine."""
    if word in VOCABULARY.not_roles:
        return None
    english = VOCABULARY.words.get(word)
    if english is not None:
        return english
    for length in _HEAD_LENGTHS:
        head = word[-length:]
        if len(word) - length >= 3 and head in VOCABULARY.heads:
            front = word[:-length]
            front = VOCABULARY.fronts.get(front) or VOCABULARY.fronts.get(front.rstrip("s"), front)
            return f"{front} {VOCABULARY.heads[head]}"
    return None


def _english_word(word: str) -> str | None:
    english = _known(word)
    if english is not None:
        return english
    for feminine, masculine in _FEMININE_ENDINGS:
        if word.endswith(feminine) and len(word) > len(feminine) + 2:
            english = _known(word[: -len(feminine)] + masculine)
            if english is not None:
                return english
    return None


def _english_run(m: re.Match[str]) -> str:
    """One word or hyphenated run in English ("kfz-meister" -> "kfz master technician")."""
    run = m.group(0)
    whole = VOCABULARY.words.get(run) if "-" in run else None  # "aide-soignant"
    if whole is not None:
        return whole
    parts = run.split("-")
    english = [_english_word(part) for part in parts]
    if not any(english):
        return run
    return " ".join(e or p for e, p in zip(english, parts, strict=True))


def _translate(title: str) -> str:
    """A folded title with its non-English role words and phrases in English."""
    return _FOREIGN_WORD.sub(_english_run, _PHRASE_RE.sub(lambda m: VOCABULARY.words[m.group(0)], title))


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
# Unicode categories of decoration: emoji and other symbols, marks left alone, format characters.
_DECORATION_CATEGORIES: Final = frozenset({"So", "Sk", "Cf", "Co", "Cs"})

# Words that are levels, not roles: removed wherever they stand.
_LEVEL_WORDS: Final[frozenset[str]] = word_set(
    "senior junior i ii iii iv v vi vii entry-level mid-level mid-senior experienced distinguished"
)
# Words that are levels only in front of another word ("Staff Engineer", but "Member of Technical Staff").
_LEVEL_PREFIXES: Final[frozenset[str]] = word_set("lead principal staff associate graduate")
# Two-word levels.
_LEVEL_PATTERNS: Final = (  # "entry level", "L5", a trailing level number
    *(rf"{level}[ -]level" for level in ("entry", "mid", "senior")),
    r"mid[ -]senior(?: level)?",
    r"new grad(?:uate)?",
    *(rf"{label} \d+" for label in ("level", "lvl", "grade")),
    r"(?:l|ic)\d{1,2}",
    r"\d(?=\s*$)",
)
_LEVEL_PHRASES: Final = re.compile(r"\b(?:" + "|".join(_LEVEL_PATTERNS) + r")\b")
# "AI/ML", "ML & AI": one field, machine learning.
_ML, _JOINED = r"(?:ml|machine learning)", r"\s*(?:/|&|and|\+)\s*"
_COMBINED_ML: Final = re.compile(rf"\b(?:ai{_JOINED}{_ML}|{_ML}{_JOINED}ai|aiml)\b")
# Bracketed asides hold teams, places and gender notes ("(Remote)", "[Contract]", "(m/w/d)"), never the role.
_BRACKETS: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")
# A spaced dash, pipe or colon starts a new segment (team, place, company); "/ remote" too.
_SEPARATORS: Final = re.compile(r"\s+[-–—|:]\s+|\s*\|\s*|\s+/\s+(?=(?:remote|hybrid|on-?site)\b)")
# "... at Stripe": the company, dropped only when a role is left before it.
_AT: Final = re.compile(r"\s+(?:at|@)\s+\S.*$")
# A segment of only workplace, contract or pay words is not the speciality of a bare head noun (hyphens
# read as spaces: "on-site", "full-time").
_JUNK_SEGMENTS: Final[frozenset[str]] = frozenset(
    line.strip()
    for line in """
    remote, hybrid, onsite, on site, in office, full time, fulltime, part time, parttime, contract,
    temporary, temp, permanent, urgent, urgently hiring, hiring, now hiring, immediate, immediate start,
    new, job post
    """.split(",")
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
    if not s or "$" in s or s[0].isdigit() or s.replace("-", " ") in _JUNK_SEGMENTS:
        return True
    return bool(normalize_locations(s, strict=True))


def _undecorated(text: str) -> str:
    """``text`` without emoji, symbols and invisible format characters (a title's decoration)."""
    return "".join(" " if unicodedata.category(ch) in _DECORATION_CATEGORIES else ch for ch in text)


def _head_last(role: str) -> str:
    """A translated role in English order: the qualifiers a Romance, Slavic or German title puts after its
    head noun go in front ("developer full stack" -> "full stack developer", "clerk accounting" ->
    "accounting clerk"), and a trainee's word goes last ("apprentice electrician" -> "electrician
    apprentice")."""
    words = role.split()
    if len(words) > 1 and words[0] in _TRAINEES:
        words = [*words[1:], words[0]]
    last = max((i for i, w in enumerate(words) if _has_head([w])), default=len(words) - 1)
    return " ".join([*words[last + 1 :], *words[: last + 1]])


# "(m/w/d)", "(H/F)", "(k/m)", "(all genders)", a bare "m/w/d": the law of the country asks every ad to
# name every gender, so the note says nothing about the role (but that the title is not English).
_GENDER_LETTERS: Final = r"(?:[mwfdhxkv]|div\.?|divers)"
_GENDER_PAIRS: Final = word_set("h/f f/h k/m m/k m/f f/m m/v v/m m/w w/m")
_GENDER_NOTE: Final = re.compile(
    rf"\(\s*(?:{_GENDER_LETTERS}\s*/\s*){{1,3}}{_GENDER_LETTERS}\s*\)\*?"
    r"|\((?:all genders|alle geschlechter|gn)\)"
    rf"|(?<![\w/])(?:(?:[mwfdhxkv]/){{2,3}}[mwfdhxkv]|{'|'.join(_GENDER_PAIRS)})(?![\w/])"
)
# A feminine ending written beside the masculine word: "Entwickler*in", "Manager:in", "Mitarbeiter/-in",
# "Kaufmann/-frau", "ingénieur(e)", "Développeur·euse", "desarrollador/a", "Desenvolvedor(a)".
_FEMININE_MARKS: Final = sorted(word_set("innen in frau euse rice ne se e a o ka r"), key=len, reverse=True)
_GENDER_ENDING: Final = re.compile(
    rf"(?<=[^\W\d_]{{3}})(?:[*:_·]|/-?|\()(?:{'|'.join(_FEMININE_MARKS)})\)?(?!\w)"
)
_DOUBLED: Final = re.compile(
    r"\b(\w+(?: \w+)?)\s*/\s*\1\b"
)  # "developer/developer" (Programista/Programistka)
_TRAINEES: Final[frozenset[str]] = word_set("intern apprentice trainee")


def _without_gender(title: str) -> tuple[str, bool]:
    """The title without its gender notes and feminine endings, and whether it had any."""
    plain = _GENDER_ENDING.sub("", _GENDER_NOTE.sub(" ", title))
    return plain, plain != title


def _read_as_foreign(title: str) -> str:
    """A title read as non-English: small joining words, levels and workplace words go, and its role
    ends before a word such as "für", "pour" or "para" ("Executive Assistant für die Geschäftsführung")."""
    words = [w for w in _LINKS.sub(" ", title).split() if w not in VOCABULARY.drop]
    for i, word in enumerate(words[1:], start=1):
        if word in VOCABULARY.cut and _has_head(_expand(" ".join(words[:i]))):
            words = words[:i]
            break
    return " ".join(words)


@lru_cache(maxsize=4096)
def normalize_role(title: str) -> str | None:
    """The normalised role of a posting title or of a user's query, or None when nothing is left.

    Cached: the same titles and queries come back again and again."""
    if not title:
        return None
    s = title.replace("\\", "").replace("’", "'").replace("\u00a0", " ").casefold()
    s, gendered = _without_gender(s)
    s = fold(_MARKUP.sub(" ", _undecorated(s)))
    s = _ANNOUNCEMENT.sub("", s.strip(" -–—|,:!*"))
    translated = _DOUBLED.sub(r"\1", _translate(s))
    foreign, s = translated != s, translated
    s = _COMBINED_ML.sub("machine learning", s)
    s = _BRACKETS.sub(" ", s)
    if foreign or gendered:
        s = _read_as_foreign(s)
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
        role = _head_last(role)
    # Neither a head noun nor role vocabulary ("ML", "QA"): a company name or a slogan, not a role.
    vocabulary = _has_head(role.split()) or any(
        t.strip(_TOKEN_STRIP) in ROLE_ABBREVIATIONS for t in title.casefold().split()
    )
    return role if role and vocabulary else None
