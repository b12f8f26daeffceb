"""Header lines that pack several fields: "Nimbus | Backend Engineer | Berlin, Germany | Remote | €70k".

Such a line is cut into segments at its separators, each segment is scored for what it is (a title by its
role words, a place by the gazetteer, a company by its form and by the name recurring in the body, pay,
workplace and employment words, links), and the fields are then assigned so that no segment serves twice.
The order of the segments is not trusted: Hacker News headers put company, role and place in any order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final, TypeVar

from parsing.gazetteer import REGIONS
from parsing.lines import word_set
from parsing.models import CONFIDENT, EmploymentType, HeaderFields, Workplace
from parsing.places import add_places, is_area, is_minor_place, read_places
from parsing.role import is_title_word
from parsing.salary import extract_salary
from parsing.vocabulary import alternation

# Separators between fields. A plain hyphen counts only with spaces around it ("Full-Stack" stays whole).
_PIPES: Final = re.compile(r"\s*\|\s*|\s+(?:[-–—·•●▪/]|--)\s+|\s+//\s+|\s+::\s+|(?<=[\w).!])\s*:\s+(?=[A-Z])")
_BRACKETS: Final = re.compile(r"^[\[(](.*)[\])]$")
_URL: Final = re.compile(r"(?i)^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
_URL_NOTE: Final = re.compile(r"\s*[(\[<]?\s*(?:https?://|www\.)\S+?\s*[)\]>]?(?=\s|$)")
_PAY: Final = re.compile(
    r"[$£€¥₹]\s?\d|\d\s?(?:k|K)\b|\b\d{2,3}[,.]?\d{3}\b|(?i:\b(?:salary|compensation|equity|pay|usd|eur|gbp"
    r"|chf|cad|aud|sek|nok|dkk|yen|jpy|inr|per (?:year|annum|hour)|/\s?(?:yr|year|hr|hour)|stock options?"
    r"|benefits|bonus)\b)"
)
# Workplace and employment words in English, German, French, Spanish, Dutch and Portuguese. Where two
# match at the same place the earlier entry wins ("Homeoffice möglich" is hybrid, "Homeoffice" remote).
_WORKPLACE_TERMS: Final[tuple[tuple[re.Pattern[str], Workplace], ...]] = (
    (
        re.compile(
            r"(?i)\b(?:hybrid|hybride|h[íi]brido|homeoffice möglich|home office möglich|teilweise homeoffice"
            r"|mobiles arbeiten|t[ée]l[ée]travail (?:partiel|occasionnel|fr[ée]quent|hybride)|deels thuis)"
        ),
        "hybrid",
    ),
    (
        re.compile(
            r"(?i)\b(?:on[- ]?site|not\s+remote|no\s+remote|non-?remote|in[- ]office|in[- ]person"
            r"|office[- ]based|vor ort|pr[äa]senz|sur site"
            r"|presencial|op locatie|op kantoor|no escrit[óo]rio)\b"
        ),
        "onsite",
    ),
    (
        re.compile(
            r"(?i)\b(?:remote(?:ly)?|work from home|wfh|home[- ]?office|telework|anywhere|distributed"
            r"|t[ée]l[ée]travail(?: total)?|teletrabajo|remoto|thuiswerken)\b"
        ),
        "remote",
    ),
)
_EMPLOYMENT_TERMS: Final[tuple[tuple[re.Pattern[str], EmploymentType], ...]] = (
    (
        re.compile(
            r"(?i)\b(?:full[- ]?\s?time|vollzeit|temps plein|tiempo completo|jornada completa|voltijd"
            r"|tempo integral|ft)\b"
        ),
        "full_time",
    ),
    (
        re.compile(
            r"(?i)\b(?:part[- ]?\s?time|teilzeit|temps partiel|tiempo parcial|media jornada|medio tiempo"
            r"|deeltijd|meio per[íi]odo|tempo parcial|minijob)\b"
        ),
        "part_time",
    ),
    (
        re.compile(
            r"(?i)\b(?:contract(?:or)?|freelance|freelancer|freiberuflich|aut[óo]nomo|zzp"
            r"|contract[- ]to[- ]hire|c2h)\b"
        ),
        "contract",
    ),
    (
        re.compile(
            r"(?i)\b(?:temporary|temp|fixed[- ]term|befristet|cdd|temporal|tijdelijk|tempor[áa]rio)\b"
        ),
        "temporary",
    ),
    (
        re.compile(
            r"(?i)\b(?:intern(?:ship)?s?|praktikum|werkstudent(?:in)?|working student|stagiaire|pr[áa]cticas"
            r"|becario|est[áa]gio|stagiair)\b"
        ),
        "internship",
    ),
)
# A permanent contract says full-time only when nothing says otherwise ("Feste Anstellung, Teilzeit").
PERMANENT: Final = re.compile(
    r"(?i)\b(?:permanent|feste? anstellung|festanstellung|unbefristet|cdi|indefinido|vaste baan|efetivo)\b"
)
# Words that, with the terms above, make a segment nothing but badges ("Full-time, ONSITE, VISA").
_BADGE_FILLER: Final = re.compile(
    r"(?i)\b(?:" + alternation("badge_filler") + r"|w/|h1-?b|100%|\d+|[+/&,;:()\[\]-])\b"
)
_COMPANY_SUFFIX: Final = re.compile(
    r"(?i)(?:\b" + alternation("company_suffixes") + r"\.?|\." + alternation("company_domains") + ")$"
)
_AT: Final = re.compile(r"^(.+?)\s+(?:at|@)\s+([A-Z0-9][^,]{1,60})$")
_TRAILING_NOTE: Final = re.compile(r"\s*\((?:[^()]*\s)?[a-z][^()]*\)$|\s*\(\s*\)$")
_ROLE_PLURALS: Final = word_set("""
    engineers developers designers scientists analysts managers leads hackers architects programmers
    positions roles researchers interns writers marketers recruiters administrators devs sres
    """)
_NOT_COMPANY: Final = word_set("""
    we us our you hiring remote onsite full part time contract intern visa salary equity location
    positions roles multiple various several openings jobs careers
    """)


@dataclass
class Packed(HeaderFields):
    """Fields read from one packed header line; ``confidence`` holds 0-1 for each field read."""

    confidence: dict[str, float] = field(default_factory=dict)


# "(m/w/d)", "(all genders)": German and French law has job ads name every gender, so the note marks a
# title as surely as a role noun does ("Assistenz der Geschäftsführung (m/w/d)").
GENDER_NOTE: Final = re.compile(
    r"(?i)\((?:[mwfdhx]\s*/\s*){1,3}[mwfdhx]\)|\((?:all genders|h/f|f/h)\)|\*in\b"
)


# A word starts with a letter of any script ("Éducateur"), so accented titles are read whole.
_WORD: Final = re.compile(r"[^\W\d_][\w+#.'-]*")


def role_words(segment: str) -> int:
    """How many role nouns a segment holds ("Backend Engineers / SRE" -> 2), a gender note counting as one;
    a word counts in any language the role vocabulary holds, compounds on a head included."""
    count = 1 if ("(" in segment or "*" in segment) and GENDER_NOTE.search(segment) else 0
    for word in _WORD.findall(segment):
        for part in word.lower().strip(".'").split("/"):
            for piece in part.split("-"):
                if piece in _ROLE_PLURALS or is_title_word(piece):
                    count += 1
    return count


# A pay label in the languages postings arrive in: what follows it is pay, never a name or a role.
PAY_LABEL: Final = re.compile(
    r"(?i)^(?:salary|salary range|salaire|salario|sueldo|gehalt|verg[üu]tung|sal[áa]rio|salaris|loon"
    r"|wynagrodzenie|pensja|l[öo]n|m[åa]nadsl[öo]n|stipendio|retribuzione|ral|r[ée]mun[ée]ration"
    r"|remunera[çc][ãa]o|remuneraci[óo]n|compensation|base pay|pay|pay range|ctc)"
    # A colon, an amount or nothing after it: "CTC Global" and "Pay attention" are no labels.
    r"\s*(?:[:：]|(?=[\d$£€¥₹]|[A-Z]{3}\s?\d)|$)|^(?:年収|月給|時給|給与)"
)


def pay_like(segment: str) -> bool:
    """Whether a segment states pay: it opens with a pay label in any language ("Gehalt:", "年収") or the
    salary reader finds an amount in it ("AED 25,000 per month", "45 000 - 55 000 kr/månad")."""
    if PAY_LABEL.match(segment.strip(" *_-–")):
        return True
    if not any(c.isdigit() for c in segment) or role_words(segment):
        return False
    return extract_salary(segment) is not None


_Kind = TypeVar("_Kind", bound=str)


def _earliest(segment: str, terms: tuple[tuple[re.Pattern[str], _Kind], ...]) -> _Kind | None:
    """The kind of the term that comes first in the segment."""
    best: tuple[int, _Kind] | None = None
    for pattern, kind in terms:
        m = pattern.search(segment)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


def workplace_of(segment: str) -> Workplace | None:
    """The first workplace a segment names ("REMOTE or ONSITE" -> remote)."""
    return _earliest(segment, _WORKPLACE_TERMS)


def employment_of(segment: str) -> EmploymentType | None:
    return _earliest(segment, _EMPLOYMENT_TERMS)


def badges_only(segment: str) -> bool:
    """Whether a segment holds nothing but workplace and employment words ("Full-time, ONSITE")."""
    return _badges_only(segment)


_TITLE_EMPLOYMENT: Final = frozenset(["internship", "part_time"])


def employment_from_title(title: str | None) -> EmploymentType | None:
    """ "2026 Operations Internship", "Kassierer (Teilzeit)": a title that names the kind of work. Only
    kinds a title cannot name otherwise ("Contract Manager" is no contract)."""
    if not title:
        return None
    kind = employment_of(title)
    return kind if kind in _TITLE_EMPLOYMENT else None


def _badges_only(segment: str) -> bool:
    if workplace_of(segment) is None and employment_of(segment) is None and not PERMANENT.search(segment):
        return False
    rest = segment
    for pattern, _ in (*_WORKPLACE_TERMS, *_EMPLOYMENT_TERMS):
        rest = pattern.sub(" ", rest)
    rest = _URL_NOTE.sub(" ", rest)
    rest = PERMANENT.sub(" ", rest)
    rest = _BADGE_FILLER.sub(" ", rest)
    return not re.sub(r"[\W_]+", "", rest) and rest != segment


# "Remote (US)", "Remote - EU", "Hybrid (EMEA)": a workplace badge with the region it is open to.
_BADGE_REGION: Final = re.compile(r"^(?P<badge>[^()]+?)\s*(?:\((?P<note>[^()]+)\)|[-–—:/]\s*(?P<tail>.+))$")


def badge_region(segment: str) -> list[str]:
    """The region a workplace badge names, as places; [] when it names none."""
    m = _BADGE_REGION.match(segment.strip())
    if m is None or workplace_of(m.group("badge")) is None or not _badges_only(m.group("badge")):
        return []
    return read_places(m.group("note") or m.group("tail"))


# Small words inside names, in the languages postings come in ("Clinique du Parc", "Haus von Stein").
NAME_JOINERS: Final = word_set(
    "of and the for & to in on a de du des la le les von van der den di da del do dos das y et"
)


def _company_score(segment: str, index: int, body: str) -> float:
    words = segment.split()
    if not segment or len(words) > 7 or len(segment) > 60:
        return 0.0
    first = segment[0]
    suffixed = bool(_COMPANY_SUFFIX.search(_URL_NOTE.sub("", segment).strip()))
    # Lower-case brand names ("ti8m", "flatfair") lead a header line.
    brand = index == 0 and len(words) == 1 and len(segment) >= 3
    if not (first.isupper() or first.isdigit() or suffixed or brand or re.match(r"[a-z]+[A-Z]", segment)):
        return 0.0
    if words[0].lower() in _NOT_COMPANY:
        return 0.0
    score = 0.4
    if index == 0:
        score += 0.25
    if _COMPANY_SUFFIX.search(segment):
        score += 0.3
    name = _URL_NOTE.sub("", segment).strip()
    stem = name.split(".")[0] if _URL.match(name) else name
    if len(stem) >= 2 and body and stem.lower() in body.lower():
        score += 0.25
    lowercase = [w for w in words if w[0].islower() and w not in NAME_JOINERS]
    if lowercase and not _URL.match(segment) and not brand:
        score -= 0.3
    return min(score, 1.0)


_COMMA_OUTSIDE_PARENS: Final = re.compile(r",(?!\d{3})\s*(?![^()]*\))")
# Fields of work that stand for a role in a list of openings ("Frontend-Engineer, .NET Backend, Devops").
_ROLE_FIELDS: Final = re.compile(
    r"(?i)\b(?:front[- ]?end|back[- ]?end|full[- ]?stack|devops|android|ios|mobile|data|qa|design|sysadmin"
    r"|security|infrastructure|ml|sre)\b"
)


def _names_a_role(part: str) -> bool:
    """Whether a comma part is a role of its own ("Data Engineer", "Engineers of all levels") rather than a
    team that happens to hold a role noun ("Driver Growth", "Executive Support Office"): English ends a
    role's name on its noun, and a plural role noun names the people sought wherever it stands."""
    words = _WORD.findall(re.sub(r"\s*\([^()]*\)\s*$", "", part))
    if not words:
        return False
    if role_words(words[-1]):
        return True
    return any(w.lower().endswith("s") and role_words(w) for w in words)


def _lists_openings(head: str, rest: list[str]) -> bool:
    """Whether the comma parts after a role name other openings rather than the role's team or area."""
    if any(_names_a_role(p) for p in rest):
        return True
    fields = sum(1 for p in rest if _ROLE_FIELDS.search(p))
    plural = head.split()[-1].lower().endswith("s") if head.split() else False
    return fields >= 2 or (fields == 1 and plural)


def first_of_list(title: str) -> str:
    """ "Applied AI Hackers, Engineers, Futurists, Crypto" or "DevOps Engineer, Data Engineer" list roles:
    the first is the title. Trailing badges go: "Senior UI Engineers, full time/permanent"."""
    parts = _COMMA_OUTSIDE_PARENS.split(title)
    while len(parts) > 1 and _badges_only(parts[-1]):
        parts.pop()
    # "Senior Operations Manager, Compliance, EMEA" and "Principal Engineer, Payouts, Backend" are one
    # title with its team and area; "Engineers, Backend, Frontend" or "Software Engineer, Backend,
    # Frontend, Mobile" list openings: another role, several fields, or fields after a plural role.
    if len(parts) >= 3 and role_words(parts[0]) and _lists_openings(parts[0], parts[1:]):
        return parts[0].strip()
    if len(parts) == 2 and role_words(parts[0]) and _names_a_role(parts[1]):
        return parts[0].strip()
    return ", ".join(p.strip() for p in parts)


_TRAILING_BADGES: Final = re.compile(
    r"(?i)(?:[\s,;(]+(?:full[- ]?time|part[- ]?time|permanent|contract|remote|onsite|on-site|hybrid|visa)"
    r"\)?)+$"
)


_MONEY: Final = re.compile(
    r"[$£€¥₹]|\d\s?[kK]\b|(?i:\b(?:usd|eur|gbp|cad|aud|chf|sek|nok|dkk|inr|jpy)\b|\d(?:usd|eur|gbp|cad|aud|chf))"
)


# Badges and a "looking for" that a packed line puts before its role ("Onsite iOS Developers", "Full Time
# Looking for Web Developers"). Only words that never begin a job's name: "Remote Sensing Engineer" and
# "Contract Manager" are titles.
_LEADING_BADGES: Final = re.compile(
    r"(?i)^(?:(?:on-?site|full[- ]?time|part[- ]?time)\b[\s,;/]*)+"
    r"|^(?:we(?:'re| are)\s+)?(?:looking for|seeking)\s+(?:an?\s+)?"
)


def _tidy_title(title: str) -> str:
    """ "Java Senior Engineer Full-time" -> "Java Senior Engineer", "Android Developers: 80,000 CAD" ->
    "Android Developers", "Onsite iOS Developers" -> "iOS Developers"; a closing full stop goes."""
    head, colon, tail = title.partition(": ")
    if colon and _MONEY.search(tail) and role_words(head):
        title = head
    for _ in range(2):  # badges, then "looking for"
        rest = _LEADING_BADGES.sub("", title, count=1)
        if rest != title and role_words(rest):
            title = rest
    tidy = _TRAILING_BADGES.sub("", title).strip()
    if tidy.endswith(".") and not re.search(r"\b[A-Z][a-z]?\.$", tidy):
        tidy = tidy[:-1]
    return tidy or title


def split_segments(line: str) -> list[str]:
    """The line cut at its field separators, except inside parentheses ("(Project Architect | PA)").
    A line with pipes is cut only at its pipes: its fields keep their own dashes and slashes
    ("Senior Data Scientist - Experimentation", "Oxford, UK / London, UK")."""
    parts: list[str] = []
    start = 0
    piped = "|" in line
    for m in _PIPES.finditer(line):
        if piped and "|" not in m.group():
            continue
        before = line[start : m.start()]
        if line.count("(", 0, m.start()) > line.count(")", 0, m.start()):
            continue
        parts.append(before)
        start = m.end()
    parts.append(line[start:])
    return [s.strip(" ,;") for s in parts if s.strip(" ,;")]


_PLACEHOLDER_TITLE: Final = re.compile(
    r"(?i)^(?:multiple|various|several|many|all|lots of|open|numerous)\b.{0,30}\b(?:positions|roles|openings"
    r"|jobs|vacancies)(?:\s+(?:available|open))?$"
)


_DASH: Final = re.compile(r"\s+[-–—]{1,2}\s+")


def company_without_places(name: str, places: list[str]) -> str:
    """ "Citymapper — London, UK" -> "Citymapper", the place joining ``places``."""
    dash = _DASH.search(name)
    if dash is None:
        return name
    head, tail = name[: dash.start()].strip(), name[dash.end() :].strip()
    found = read_places(tail)
    if not found or not head or read_places(head):
        return name
    add_places(places, found)
    return head


_PLACE_NOTE: Final = re.compile(r"\s*\(([^()]+)\)$")


def _without_place_note(name: str, places: list[str]) -> str:
    """ "Blue Apron (New York, NY)" -> "Blue Apron", the place joining ``places``."""
    note = _PLACE_NOTE.search(name)
    found = read_places(note.group(1)) if note else []
    if not note or not found or note.start() == 0:
        return name
    add_places(places, found)
    return name[: note.start()].strip()


def _without_comma_places(name: str, places: list[str]) -> str:
    """ "Nimbus, London, UK" -> "Nimbus", the place joining ``places``: a name, then where it is."""
    head, comma, tail = name.partition(",")
    if not comma or not head.strip() or read_places(head.strip()):
        return name
    found = read_places(tail.strip())
    if not found:
        return name
    add_places(places, found)
    return head.strip()


def _title_without_place_tail(title: str, places: list[str]) -> str:
    """ "Full Stack Engineer, San Francisco" -> "Full Stack Engineer", the place joining ``places``. In a
    line of fields what follows the role's comma is another field when it is only places and badges; a
    tail that is not ("Engineer, Payments") stays."""
    m = _COMMA_OUTSIDE_PARENS.search(title)
    if m is None:
        return title
    head, tail = title[: m.start()].strip(), title[m.end() :].strip()
    # Only right after the role, and only a town: a country or region there is the job's own market
    # ("Account Executive, EMEA", "Operations Manager, Japan").
    first = tail.split(",", 1)[0].strip()
    if not head or not role_words(head) or tail in REGIONS or is_area(first):
        return title
    found = read_places(tail)
    # "Compliance, EMEA" reads as an unknown town in a region: the first part must be a place itself.
    if not found or not read_places(first):
        return title
    add_places(places, found)
    return head


# A field of work standing alone for the role in a line of fields ("Acme | Berlin | Backend", "Frontend:
# Modular CSS & JavaScript"); only the field words that name a kind of engineering job. Posters shorten
# the role noun after it ("mobile dev", "backend eng"), and "web" names a job only with such a noun.
_FIELD_OF_WORK: Final = re.compile(
    r"(?i)^(?P<field>(?:front[- ]?end|back[- ]?end|full[- ]?stack|devops|android|ios|mobile|sre)"
    r"(?:\s+(?:devs?|engs?))?|web\s+(?:devs?|engs?))(?=$|\s*[:(])"
)


def is_field_of_work(segment: str) -> bool:
    """Whether a segment is a field of work that stands for the opening ("Backend", "mobile dev")."""
    return _FIELD_OF_WORK.match(segment) is not None


def _title_tail(
    line: str, segments: list[str], title_at: int, company_at: int, others: list[tuple[float, int, str]]
) -> str:
    """ "Nimbus - Berlin - Senior Data Scientist - Experimentation - Full-time": after the company, a dash
    that follows the role leads to the role's own team or focus when what comes next is no other field
    (no place, badge, pay or link, no list); returns the separator and that tail, or ""."""
    at = title_at + 1
    if company_at >= title_at or at >= len(segments) or not any(i == at for _, i, _ in others):
        return ""
    tail = segments[at]
    if (
        len(tail.split()) > 6
        or ", " in tail
        or _URL.match(tail)
        or not (tail[0].isupper() or tail[0] in "([")
    ):
        return ""
    title = segments[title_at]
    start = line.find(title)
    end = line.find(tail, start + len(title)) if start >= 0 else -1
    separator = line[start + len(title) : end] if end > 0 else ""
    if not separator.strip() or separator.strip() not in "-–—":
        return ""
    return separator + tail


def _unlisted_title(others: list[tuple[float, int, str]], company_at: int) -> str | None:
    """ "Nuritas | Bioinformatician | Dublin": with no segment holding a role noun, the short name right
    after the company is the role (Hacker News headers lead with the company, then the role)."""
    after = [name for _, index, name in others if index == company_at + 1]
    if not after or _URL.match(after[0]) or len(after[0].split()) > 5:
        return None
    name = _PLACE_NOTE.sub("", after[0])
    words = name.lower().replace(",", " ").split()
    if not name or read_places(name) or any(w in _NOT_A_TITLE for w in words):
        return None
    return _COMMA_OUTSIDE_PARENS.split(name)[0].strip()  # "Data, Backend, Android": the first opening


_SCHEME: Final = re.compile(r"(?i)^https?://")
# "(YC W16)", "(YC S13, Series A)": how Hacker News posters mark a company's funding.
_FUNDING_NOTE: Final = re.compile(r"\s*\((?:YC|Y Combinator|Techstars)\b[^()]*\)")


def read_packed(line: str, body: str = "") -> Packed | None:
    """The fields of a packed header line, or None when the line is not one (fewer than two separators'
    worth of recognisable fields)."""
    segments = split_segments(line)
    if len(segments) < 2 or len(segments) > 9:
        return None
    packed = Packed()
    titles: list[tuple[int, int, str]] = []
    companies: list[tuple[float, int, str]] = []
    kinds = 0
    ambiguous: list[tuple[int, str]] = []
    fields_of_work: list[str] = []
    for index, raw in enumerate(segments):
        bracket = _BRACKETS.match(raw)
        segment = bracket.group(1).strip() if bracket else raw
        if not segment:
            continue
        workplace = workplace_of(segment)
        employment = employment_of(segment)
        if _badges_only(segment):
            packed.workplace = packed.workplace or workplace
            packed.employment_type = packed.employment_type or employment
            add_places(packed.locations, badge_region(segment))
            kinds += 1
            continue
        if workplace and not role_words(segment):
            packed.workplace = packed.workplace or workplace
        if employment:
            packed.employment_type = packed.employment_type or employment
        if _URL.match(segment):
            # A bare domain is how some posters name their company ("ginetta.co", "http://www.atoss.com"
            # leading the line); a link to a page is not.
            domain = _SCHEME.sub("", segment).rstrip("/")
            bare = "/" not in domain
            score = (0.75 if index == 0 else 0.5) if bare else 0.3
            companies.append((score, index, domain if bare else segment))
            continue
        if _DASH.search(segment):
            # "Citymapper — London, UK" in a piped line: the name, then where it is.
            found: list[str] = []
            name = company_without_places(segment, found)
            if name != segment and not role_words(name) and _company_score(name, index, body) >= CONFIDENT:
                companies.append((_company_score(name, index, body), index, name))
                add_places(packed.locations, found)
                packed.workplace = packed.workplace or workplace
                kinds += 1
                continue
        places = read_places(segment)
        if places and len(places) == 1 and places[0] == segment and is_minor_place(segment):
            # "Bloomfield": a small town's name alone may as well be the company's.
            ambiguous.append((index, segment))
            continue
        if places:
            add_places(packed.locations, places)
            packed.workplace = packed.workplace or workplace
            kinds += 1
            continue
        if (_PAY.search(segment) and not role_words(segment)) or pay_like(segment):
            kinds += 1
            continue
        if "://" in segment:
            segment = _URL_NOTE.sub(" ", segment).strip()
            if not segment:
                continue
        if len(segment.split()) > (20 if "," in segment else 12):
            continue  # a sentence run into the header line
        roles = role_words(segment)
        if roles == 1 and _COMPANY_SUFFIX.search(segment):
            roles = 0  # "Cambridge Technology Partners"
        at = _AT.match(segment)
        if roles and at and role_words(at.group(1)) and not role_words(at.group(2)):
            titles.append((roles, index, at.group(1)))
            companies.append((0.8, index, at.group(2)))
            continue
        if _PLACEHOLDER_TITLE.match(segment):
            kinds += 1  # "Multiple Positions": the roles are named further down, if at all
            continue
        if roles:
            titles.append((roles, index, _title_without_place_tail(segment, packed.locations)))
            continue
        field_of_work = _FIELD_OF_WORK.match(segment)
        if field_of_work:
            fields_of_work.append(field_of_work.group("field"))
            continue
        name = _TRAILING_NOTE.sub("", _FUNDING_NOTE.sub("", _URL_NOTE.sub("", segment))).strip()
        name = _without_comma_places(_without_place_note(name, packed.locations), packed.locations)
        score = _company_score(name, index, body)
        if score > 0:
            companies.append((score, index, name))
    if ambiguous:
        best = max((c[0] for c in companies), default=0.0)
        for index, segment in ambiguous:
            if best < 0.5 and index == 0:
                companies.append((0.6, index, segment))
                best = 0.6
            elif segment not in packed.locations:
                packed.locations.append(segment)
                kinds += 1
    if titles:
        # The first segment with role words; a later one only when it has clearly more of them.
        titles.sort(key=lambda t: (-min(t[0], 2), t[1]))
        packed.title = _tidy_title(first_of_list(titles[0][2]))
        packed.confidence["title"] = 0.9 if len(titles) == 1 else 0.7
        kinds += 1
    if companies:
        # "Java, REST, C#, Go" is a list, no name; it may still be the list of openings after the name.
        companies.sort(key=lambda c: (c[2].count(", ") >= 2, -c[0], c[1]))
        score, company_index, name = companies[0]
        if name.count(", ") >= 2:
            score = 0.0
        if score >= CONFIDENT:
            packed.company = name
            packed.confidence["company"] = score
            kinds += 1
            if packed.title is None and (len(segments) >= 3 or "|" in line):
                packed.title = _unlisted_title(companies[1:], company_index)
            elif titles and packed.title == titles[0][2] and "|" not in line:
                tail = _title_tail(line, segments, titles[0][1], company_index, companies[1:])
                packed.title = f"{packed.title}{tail}" if tail else packed.title
    if packed.title is None and fields_of_work and packed.company is not None:
        packed.title = fields_of_work[0]  # "Acme | Berlin | Backend": the field names the opening
    if packed.title is not None and "title" not in packed.confidence:
        packed.confidence["title"] = 0.6
        kinds += 1
    if packed.locations:
        packed.confidence["locations"] = 0.9
    if kinds < 2:
        return None
    return packed


# ---------------------------------------------------------------------------------------------------
# Header sentences: "Nimbus is hiring a Data Engineer in Lisbon", "Check out this job at Nimbus: Data
# Engineer", "Data Engineer opportunity with Nimbus", "I'm reaching out about a Data Engineer opening with
# my client Nimbus in Lisbon.", "Data Engineer @ Nimbus (Lisbon, remote)".

_LEAD: Final = r"^(?:.{0,60}?\b(?:about|regarding|for|re:?)\s+)?(?:an?\s+|the\s+|our\s+)?"
_TAIL: Final = (
    r"(?:\s+(?:in|based in|from)\s+(?P<place>[^()!?]+?))?\s*[.!]*"
    r"\s*(?:\((?P<extra>(?:[^()]|\([^()]*\))*)\))?\s*[.!]*$"
)
# After a verb in another language the place follows its own word ("... en Valencia", "... à Lyon"); an
# English sentence keeps a Spanish title whole ("hiring a Representante de Ventas en Campo in Querétaro").
_FOREIGN_TAIL: Final = _TAIL.replace("in|based in|from", "in|en|à|em")
# Each with whether the title must hold a role noun: "Check out this job at X: Y" and "a Y opening with X"
# say themselves that Y is a job ("Assistenz der Geschäftsführung"); "X is hiring Y" and "Y at X" do not.
_SENTENCES: Final[tuple[tuple[re.Pattern[str], bool], ...]] = (
    (
        re.compile(
            r"^(?i:check out this (?:job|role|opening|position)|new (?:job|role|opening|position)|job alert)"
            r"\s+(?i:at|with)\s+(?P<company>[^:]+?)\s*[:\-–]\s+(?P<title>.+?)\s*$"
        ),
        False,
    ),
    (
        re.compile(
            r"^(?P<company>[A-Za-z0-9][^,]{0,60}?)\s+(?i:is|are)\s+"
            r"(?i:hiring|looking for|seeking|searching for|recruiting)"
            r"(?:\s+(?i:an?|the|for an?))?\s*[:\-–]?\s+(?P<title>[^!?]+?)" + _TAIL
        ),
        True,
    ),
    (
        # "Brisa busca ...", "Atelier recrute un(e) ...", "Nordlicht sucht eine/n ...": other languages.
        re.compile(
            r"^(?P<company>[A-Za-z0-9][^,]{0,60}?)\s+(?i:busca|contrata|recrute|recherche|sucht|cerca|zoekt|procura"
            r"|est[áa] contratando)(?:\s+(?i:une?(?:\(e\)|/une)?|una|uno|un/a|eine?[nr]?(?:/n)?|een|uma?))?"
            r"\s*[:\-–]?\s+(?P<title>[^!?]+?)" + _FOREIGN_TAIL
        ),
        True,
    ),
    (
        re.compile(
            _LEAD + r"(?P<title>[A-Z0-9].*?)\s+(?i:opportunity|opening|role|position|vacancy|job)\s+"
            r"(?i:with|at)\s+(?:(?i:my|our|a)\s+client,?\s+)?(?P<company>[A-Za-z0-9][^,()!?]*?)" + _TAIL
        ),
        False,
    ),
    (
        re.compile(
            r"^(?P<title>[^@|]+?)\s+(?:at|@)\s+(?P<company>[A-Za-z0-9][^|()]*?)"
            # A note may hold one of its own ("(Taipei, Taiwan (ROC), full-time)"); a hyphen parts the
            # rest only with spaces around it ("Wärme-Technik GmbH" is one name).
            r"\s*(?:\((?P<extra>(?:[^()]|\([^()]*\))*)\))?"
            r"(?:(?:\s*\|\s*|\s+[-–]\s+)(?P<rest>.+))?\s*$"
        ),
        True,
    ),
)


def _read_extra(packed: Packed, extra: str) -> None:
    """ "Paris, France, remote, full-time": the badges, then the places in what is left."""
    kept: list[str] = []
    for part in re.split(r"\s*(?:,|\||·|•|;)\s*", extra):
        if not part:
            continue
        workplace, employment = workplace_of(part), employment_of(part)
        if workplace or employment:
            packed.workplace = packed.workplace or workplace
            packed.employment_type = packed.employment_type or employment
            if _badges_only(part):
                continue
        kept.append(part)
    add_places(packed.locations, read_places(", ".join(kept)))


# Where a title inside a sentence ends: "a Backend Engineer to join our team".
_TITLE_END: Final = re.compile(r"\s+(?:to|who|that|which|with|and|for|like you)\s+(?=[a-z])")
_PRONOUNS: Final = word_set("we i you they it this our my he she")
_NEXT_SENTENCE: Final = re.compile(r"(?:(?<=[a-z]{3})|(?<=\b[A-Z]{2}))[.!?]\s+(?=[A-Z][a-z]*\s)")


_NOT_A_TITLE: Final = word_set("""
    life working work careers career jobs job apply join us team culture news blog engineering about
    hiring open roles positions openings welcome hello hi we our the this
    """)


def _bare_title(title: str, company: str) -> bool:
    """ "Bioinformatician at Nuritas", "Frontend @ Sharoo": a short capitalised name of a job without a
    role noun the list knows, before "at" and a name, is still a title; "Life at Nimbus" is not."""
    words = title.split()
    return (
        0 < len(words) <= 4
        and title[0].isupper()
        and not any(w.lower().strip(",.") in _NOT_A_TITLE for w in words)
        and not _badges_only(title)
        and not read_places(title)
        and _company_score(company.strip(), 0, "") >= CONFIDENT
    )


# "Nimbus (YC W19) is hiring", "Nimbus (Lisbon, Portugal) is looking for": a note between the name and
# its verb, which may say where the company is.
_ASIDE: Final = re.compile(
    r"\s*\((?P<aside>[^()]{1,80})\)(?=\s+(?i:is|are)\s+(?i:hiring|looking|seeking|searching|recruiting)\b)"
)


def _title_in_sentence(phrase: str) -> str:
    """The role phrase up to the first word that ends it ("a Backend Engineer to join us") once it holds a
    role noun: "Quality and compliance engineer" is one role."""
    for m in _TITLE_END.finditer(phrase):
        if role_words(phrase[: m.start()]):
            return phrase[: m.start()]
    return phrase


def read_sentence(line: str) -> Packed | None:
    """Title, company and what else one header sentence states, or None when it is not one."""
    if len(line) > 240:
        return None
    line = _NEXT_SENTENCE.split(line, 1)[0]
    aside = _ASIDE.search(line) if "(" in line else None
    if aside is not None:
        line = line[: aside.start()] + line[aside.end() :]
    for pattern, needs_role in _SENTENCES:
        m = pattern.match(line)
        if m is None:
            continue
        title = m.group("title")
        title = (_title_in_sentence(title) if needs_role else title).strip(" .,:;-–!?")
        company = m.group("company").strip(" .,:;-–!?")
        if needs_role and not role_words(title) and not _bare_title(title, m.group("company")):
            continue
        if role_words(company) or len(title.split()) > 12:
            continue
        if _company_score(company, 0, "") < CONFIDENT or company.split()[0].lower() in _PRONOUNS:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        if place and " in " in place:
            # "a Manager in Training in Austin": the last "in" leads to the place, the first is the title's
            # (a role idiom such as "Manager in Training"), even where the whole tail would read as one
            # place name ("Training in Austin, TX" is no town).
            # "an Engineer in Berlin in Berlin": the title names its place too; "in Porto in Portugal":
            # both name the place.
            head, _, last = place.rpartition(" in ")
            if read_places(last) and (head == last or not read_places(head)):
                title, place = f"{title} in {head}", last
            elif read_places(last):
                place = f"{head}, {last}"
        packed = Packed(title=_tidy_title(title), company=company)
        packed.confidence.update(title=0.8, company=0.8)
        if place:
            _read_extra(packed, place)
        for key in ("extra", "rest"):
            if groups.get(key):
                _read_extra(packed, groups[key])
        if aside is not None:
            add_places(packed.locations, read_places(aside.group("aside")))
        if packed.locations:
            packed.confidence["locations"] = 0.8
        return packed
    return None


# "Smarkets, London, UK. We're hiring ...", "AMA Capital -- Palo Alto, CA. Full time.": a name, then where.
_NAME_THEN_REST: Final = re.compile(r"^(?P<name>[^,.;:|()]{2,40}?)(?:,\s*|\s+--\s+)(?P<rest>.+)$")


_FIRST_SENTENCE_END: Final = re.compile(r"(?<=[\w)])[.!?]\s+(?=[A-Z])")


def _leading_places(parts: list[str]) -> list[str]:
    """ "London, Software Engineer, Python, ONSITE" -> ["London"]: the places the comma parts start with
    ("Austin, TX" read as one), when what follows them is not a place."""
    places: list[str] = []
    i = 0
    while i < len(parts):
        pair = read_places(f"{parts[i]}, {parts[i + 1]}") if i + 1 < len(parts) else []
        if len(pair) == 1:
            add_places(places, pair)
            i += 2
            continue
        one = read_places(parts[i])
        if not one:
            break
        add_places(places, one)
        i += 1
    return places


def read_name_and_place(line: str, body: str = "") -> Packed | None:
    """Company and places from a first line that starts with a name and where it is, or None."""
    if len(line) > 240:
        return None
    first, *others = _FIRST_SENTENCE_END.split(line, 1)
    m = _NAME_THEN_REST.match(first.rstrip(". "))
    if m is None:
        return None
    name, rest = m.group("name").strip(), m.group("rest")
    if (
        _DASH.search(name)
        or _DASH.search(rest.replace(" -- ", ", "))
        or read_places(name)
        or role_words(name)
        or _company_score(name, 0, body) < CONFIDENT
    ):
        return None
    parts = [p.strip() for p in re.split(r",\s*", rest) if p.strip()]
    places = read_places(", ".join(p for p in parts if not role_words(p))) or _leading_places(parts)
    if not places:
        return None
    packed = Packed(company=name, locations=places)
    packed.confidence.update(company=0.7, locations=0.8)
    # Later sentences may deny a workplace ("Sorry, no remote."); only the first one is read for it.
    packed.workplace = workplace_of(rest)
    for text in (rest, *others):
        packed.employment_type = packed.employment_type or employment_of(text)
    roles = [p for p in parts if role_words(p) and not read_places(p)]
    if roles:
        packed.title = _tidy_title(roles[0])
        packed.confidence["title"] = 0.7
    return packed
