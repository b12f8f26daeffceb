"""Title, company and locations of a pasted posting.

Sources, strongest first:
1. labelled fields at the top ("Job Title: ...", "Company : ...", "locations" on its own line);
2. the header block of a copied job page (LinkedIn, Indeed, Greenhouse, Lever, Workday): the short lines
   before the description, read by position and by what each line looks like;
3. labelled fields further down;
4. the prose ("As a Senior Machine Learning Engineer with ...", "At Roblox, we ...",
   "based at our headquarters in San Mateo, CA").

Job boards wrap postings in their own text ("Interested in this AI/ML Engineer role at Microsoft?"): the
board's category is not the title, so such a line only gives the company.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from parsing.body_role import body_role, is_list_intro
from parsing.lines import Doc, load, needles, word_set
from parsing.models import EmploymentType, HeaderFields, Workplace
from parsing.places import REGION_CODES, US_STATES, add_places, is_location, normalize_locations, read_places
from parsing.segments import (
    GENDER_NOTE,
    NAME_JOINERS,
    PERMANENT,
    Packed,
    badges_only,
    company_without_places,
    employment_of,
    is_field_of_work,
    pay_like,
    read_name_and_place,
    read_packed,
    read_sentence,
    role_words,
    workplace_of,
)
from parsing.skills import extract_skills
from parsing.vocabulary import alternation, phrase_set


@dataclass
class Header(HeaderFields):
    # 0-1 for each field read from a packed header line; fields read another way carry none.
    confidence: dict[str, float] = field(default_factory=dict, compare=False)


# ---------------------------------------------------------------------------------------------------
# Line shapes

_MAX_HEADER_LINES: Final = 24

_NOISE: Final = re.compile(
    "(?:"
    + alternation("board_chrome", "job_boards")
    + r"|apply(?:\s+(?:now|here|for this (?:job|position|role)|on (?:the )?company(?: site| website)?"
    r"|on employer site|with linkedin|with indeed))?\b.{0,40}|.{0,40}\bapplicants?\b.{0,40}"
    r"|.{0,40}\bclicked apply\b.{0,20}|(?:re)?posted\b.{0,40}|.{0,30}\bago|(?:view|see) (?:all )?"
    r"(?:jobs|openings|open roles|positions|more jobs)\b.{0,40}|(?:easily )?apply(?:ing)? (?:from|with) "
    r".{0,40}|matches your job preferences.{0,80}|see how you compare.{0,80}"
    r"|\d(?:\.\d)?(?: out of 5(?: stars)?)?|\d(?:\.\d)?\s*[★☆✩✭]+|(?:hello|hi|hey|dear|"
    r"greetings)\b.{0,30}[,!:]|[\d,.]+k? (?:company )?reviews?|[★☆✩✭]+.{0,20}"
    r"|(?:job |req(?:uisition)? )?(?:id|number|no\.?|#)\s*:?\s*[\w-]+|r-?\d{3,}|jr-?\d{3,}|\d{4,}"
    r"|.{0,40} logo|.{0,40} home page|powered by .{0,40}|jobs? powered by .{0,40}"
    r"|benefits? pulled from .{0,60}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})",
    re.I,
)
_BODY_MARKER: Final = re.compile(alternation("section_headings") + r"\s*:?", re.I)
_GLUED_BODY: Final = re.compile("^(?i:" + alternation("glued_headings") + r")(?=[A-Z\"'(])")
_PAY_LINE: Final = re.compile(
    r"^(?:pay|salary|compensation|base pay|estimated pay)?\s*:?\s*(?:up to |from |starting at )?"
    r"[$£€¥₹]\s?\d|^\d[\d,.]*\s?(?:k|usd|eur|gbp)\b|\b(?:a|an|per|/)\s?(?:year|yr|hour|hr|month|week|"
    r"day)\b.*\$",
    re.I,
)
_AGGREGATOR: Final = re.compile(
    r"\b(?:this|the)\s+.{2,60}?\s+(?:role|job|position|opening)\s+(?:at|with)\s+(?P<company>[A-Z][\w&'.,-]*"
    r"(?:\s+[A-Z0-9&][\w&'.-]*){0,5})\s*[?!.]?\s*$"
)
_TITLE_LABELS: Final = phrase_set("labels_title")
_COMPANY_LABELS: Final = phrase_set("labels_company")
_LOCATION_LABELS: Final = phrase_set("labels_location")
# Labels whose value is a workplace or an employment type.
_WORK_LABELS: Final = phrase_set("labels_work")
_LABEL: Final = re.compile(
    "^(?P<label>"
    + alternation("labels_title", "labels_company", "labels_location", "labels_work", "labels_other")
    + r")(?:\s*[:：]\s*(?P<value>.*)|\s*[:：]?\s*$)",
    re.I,
)
_REMOTE_ANSWER: Final[dict[str, Workplace]] = {"yes": "remote", "no": "onsite"}
_DAYS_MONTHS: Final = re.compile("^" + alternation("day_month_names") + r"\b", re.I)
_MARKDOWN_DECORATION: Final = re.compile(r"^(?:#{1,6}\s*|[-*•●▪◦>]\s+)+|\*\*|__|^\*|\*$|`")
_JOB_POST_SUFFIX: Final = re.compile(r"\s*[-–]\s*job post(?:ing)?$", re.I)
_HIRING_PREFIX: Final = re.compile(
    r"^(?:(?:subject|re|fwd?)\s*:\s*|\[(?:hiring|job|remote|onsite|hybrid|us|uk|eu|full[- ]?time|"
    r"contract)\]\s*"
    r"|(?:we(?:'re| are) hiring|now hiring|hiring|job opening|job|open (?:role|position)|opening|"
    r"role|new (?:role|job|opening|position)|job alert)\s*[:!\-–]\s*)+",
    re.I,
)
_IS_HIRING: Final = re.compile(
    r"^(?P<company>.{2,60}?)\s+is\s+hiring(?:\s+an?)?\s*[:!\-–]?\s+(?P<title>.+)$", re.I
)
_AT_SPLIT: Final = re.compile(r"^(?P<title>.+?)\s+(?:at|@)\s+(?P<company>.+)$")
_SEGMENT_SPLIT: Final = re.compile(r"\s+[-–—|·•]\s+|\s+\|\s*|\s*\|\s+")
_MULTISPACE: Final = re.compile(r"\s{2,}")
_WORD: Final = re.compile(r"[A-Za-z][\w'&+#.-]*")
_ABBREVIATION: Final = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.")
_SENTENCE_BREAK: Final = re.compile(r"[a-z]{3}[.!?] [A-Z][a-z]* [a-z]")
_PRONOUNS: Final = word_set("you we our your this it they i he she us their its")


_LEADING_SYMBOLS: Final = re.compile(r"^[^\w\s#*(\[\"'$£€¥₹-]+\s*")


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk", "Sm", "Cn", "Co", "Mn", "Cf")


def _clean_line(line: str) -> str:
    line = line.strip()
    if not line:
        return line
    if not line[0].isascii() and _is_symbol(line[0]):
        # "📍 Location: Berlin", "🌏 Worldwide": chat and board icons before a field.
        line = _LEADING_SYMBOLS.sub("", line)
        if not line:
            return line
    if line[0] == "*" and ":*" in line:
        line = _SLACK_BOLD.sub(r"\1", line)  # "*New role:* Data Analyst at Nimbus": Slack's bold label
    if line[0] in "#*-•●▪◦>_`" or "**" in line or "__" in line or "`" in line:
        line = _MARKDOWN_DECORATION.sub("", line).strip()
    if "job post" in line.lower():
        line = _JOB_POST_SUFFIX.sub("", line)
    if "  " in line:
        line = _MULTISPACE.sub(" ", line)
    if line and line[-1] in "★☆✩✭":
        line = _RATING_SUFFIX.sub("", line)  # "Nimbus 3.9 ★" (Glassdoor): the company and its rating
    return line.strip(" *_")


_SLACK_BOLD: Final = re.compile(r"(?<!\w)\*([^*\n]{1,60}?)\*(?!\w)")
_LINK_NOTE: Final = re.compile(r"\s*\((?:https?://|www\.)[^()\s]+\)$")
_RATING_SUFFIX: Final = re.compile(r"\s+\d(?:[.,]\d)?\s*[★☆✩✭]+$")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_prose(line: str) -> bool:
    words = line.split()
    if len(words) > 18 or len(line) > 150:
        return True
    if line[-1] in ".?" and len(words) >= 2 and not _ABBREVIATION.fullmatch(words[-1]):
        return True
    if line[-1] == "!" and len(words) >= 10:
        return True
    return bool(_SENTENCE_BREAK.search(line))


_LEVEL_OR_FIELD: Final = re.compile(r"(?i)\b" + alternation("title_levels_fields") + r"\b")


def title_like(line: str) -> bool:
    """Whether a short line reads as a job title: it holds a head noun such as "Engineer", "Nurses" or
    "Projektmanager", or a gender note."""
    if not role_words(line):
        return False
    if any(role_words(word) and not word.lower().endswith("s") for word in _words(line)):
        return True
    # A plural alone may name a firm ("Smith & Associates", "Universal Structural Engineers"); with a
    # level or a field of work it names openings ("Senior Engineers", "Data Scientists").
    return bool(_LEVEL_OR_FIELD.search(line)) and "&" not in line and not _COMPANY_FORM.search(line)


def _company_like(s: str) -> bool:
    s = s.strip()
    if not s or len(s) > 80 or not (s[0].isupper() or s[0].isdigit() or _INNER_CAPITAL.match(s)):
        return False
    words = s.split()
    if len(words) > 8 or _DAYS_MONTHS.match(s) or _PAY_LINE.search(s) or _NOISE.fullmatch(s):
        return False
    if is_location(s) or _badge_only(s):
        return False
    lowercase = [w for w in words if w[0].islower() and not _INNER_CAPITAL.match(w) and w not in NAME_JOINERS]
    return not lowercase


_INNER_CAPITAL: Final = re.compile(r"[a-z]+[A-Z]")
_BADGE_ONLY: Final = re.compile(
    r"(?:\s*(?:"
    + alternation("header_badges")
    + r"|(?:entry|mid-senior|mid|senior)\s+level|[1-9]\d? locations|\+\d+ more)[,/·]?)+\s*",
    re.I,
)


def _badge_only(s: str) -> bool:
    return bool(_BADGE_ONLY.fullmatch(s))


_COMPANY_SUFFIX: Final = re.compile(
    r"(?:\s+\d(?:\.\d)?\s*(?:out of 5 stars?|★.*)|\s+\d\.\d|\s*[-–|]\s*(?:careers?|jobs?|hiring)"
    r"|\s+(?:home ?page|logo))$",
    re.I,
)


def _tidy_company(s: str) -> str | None:
    s = _COMPANY_SUFFIX.sub("", s.strip()).strip(" ,;:-–|·")
    return s or None


# ---------------------------------------------------------------------------------------------------
# Labels


@dataclass
class _Labels:
    title: str | None = None
    company: str | None = None
    company_blank: bool = False
    locations: list[str] = field(default_factory=list)
    location_seen: bool = False
    workplace: Workplace | None = None
    employment_type: EmploymentType | None = None


_GLUED_LABEL: Final = re.compile(
    r"(?<=[a-z0-9).])(?=(?:Job |Position |Company |Work |Hiring |Job Posting|Employment |Pay|Salary|Schedule"
    r"|Compensation|Benefits|Start|Reports|Organi[sz]ation|Location|Position|Company|Title|Department|Type"
    r"|Duration|Hours|Shift|Experience|Education)[A-Za-z ]{0,20}\s?:)"
)


def _label_value(value: str) -> str:
    """A field's value, cut where a glued next label starts ("CoordinatorOrganization: ...")."""
    m = _GLUED_LABEL.search(value)
    if m:
        value = value[: m.start()]
    return value.strip(" \t*_-–|")


def _apply_label(labels: _Labels, label: str, value: str) -> None:
    label = label.lower()
    value = _label_value(value)
    if label in _TITLE_LABELS:
        if labels.title is None and value and not _is_prose(value) and len(value) <= 120:
            labels.title = value
    elif label in _COMPANY_LABELS:
        if labels.company is None and not labels.company_blank:
            tidy = _tidy_company(value) if value else None
            if tidy and len(tidy) <= 100 and not _is_prose(tidy):
                labels.company = tidy
            elif not value:
                labels.company_blank = True
    elif label in _WORK_LABELS and value:
        if label == "remote job":  # USAJobs: "Remote job" over "Yes" or "No"
            kind: Workplace | None = _REMOTE_ANSWER.get(value.strip().lower())
        else:
            kind = workplace_of(value)
        labels.workplace = labels.workplace or kind
        labels.employment_type = labels.employment_type or employment_of(value)
        if labels.employment_type is None and PERMANENT.search(value) and not workplace_of(value):
            labels.employment_type = "full_time"
    elif label in _LOCATION_LABELS and not labels.location_seen and value:
        labels.location_seen = True
        labels.locations = read_places(value, strict=False)


# ---------------------------------------------------------------------------------------------------
# The header block


@dataclass
class _Block:
    texts: list[str] = field(default_factory=list)
    company: str | None = None
    company_blank: bool = False
    aggregator_company: str | None = None
    locations: list[str] = field(default_factory=list)
    labels: _Labels = field(default_factory=_Labels)
    about_company: str | None = None
    packed: Packed | None = None
    workplace: Workplace | None = None
    employment_type: EmploymentType | None = None
    permanent: bool = False

    def read_badges(self, line: str) -> None:
        """Workplace and employment badges of a top line, in any of the languages segments knows;
        the parts of "Full-time   Lisbon   Hybrid" are read one by one."""
        for part in _BADGE_PARTS.split(line):
            if not part or not badges_only(part):
                continue
            self.workplace = self.workplace or workplace_of(part)
            self.employment_type = self.employment_type or employment_of(part)
            self.permanent = self.permanent or bool(PERMANENT.search(part))


_LETTERS: Final = re.compile(r"[^\W\d_]")
_BADGE_PARTS: Final = re.compile(r"\s{2,}|\s*[·•|]\s*|\s+-\s+")
_ABOUT_LINE: Final = re.compile(
    r"(?i:about|why|life at|working at)\s+(?P<name>[A-Z][\w&'.-]*(?:\s+[\w&'.-]+){0,4})\??"
)
_AT_LINE: Final = re.compile(r"(?:at|@)\s+(?P<company>.+)")
_DOT_SPLIT: Final = re.compile(r"\s*[·•]\s*")


_FIELD_SEPARATOR: Final = re.compile(r"\s\|\s?|\s?\|\s|\s(?:[-–—●▪]|--|//)\s")


_CLOSING_GENDER_NOTE: Final = re.compile(
    r"\((?:[mwfdhx]\s*/\s*){1,3}[mwfdhx]\)\s*$|\(all genders\)\s*$", re.I
)
_NAME_COLON: Final = re.compile(r"^[A-Z0-9][^:]{0,60}[\w)]:\s+[A-Z]")


def _company_first(first: str, second: str, text: str) -> bool:
    """Whether a header's first two lines are company then title (SmartRecruiters, Glassdoor, Ashby)
    rather than title then company: by role words, legal forms, gender notes ("(m/w/d)" marks a
    German title) and which of the two the body keeps naming ("At Uber, we ...")."""
    if title_like(second) and not title_like(first):
        return True
    if title_like(first) and not title_like(second):
        return False
    if GENDER_NOTE.search(second) and not GENDER_NOTE.search(first):
        return True
    if GENDER_NOTE.search(first):
        return False
    if _COMPANY_FORM.search(first) and not _COMPANY_FORM.search(second):
        return True
    if _COMPANY_FORM.search(second):
        return False
    body = text[len(first) + len(second) + 2 :]
    return body.count(first) >= 2 and second not in body


def _company_line(line: str) -> bool:
    return bool(line) and _company_like(line) and not title_like(line) and not _is_prose(line)


def _packed_line(line: str, body: str, following: str = "") -> Packed | None:
    """The fields of a line such as "Nimbus | Backend Engineer | Berlin | Remote", or None. Without a
    company found in it, only a line of three or more pipe-separated fields is read so: a job page's
    title line keeps its own tail ("Full-Stack Engineer - Munich", "Registered Nurse - ICU")."""
    line = _HIRING_PREFIX.sub("", line).strip()
    # "Blue Apron (New York, NY): Software Engineer": one colon parts a name from a role, unless the
    # line is a labelled field ("Job Title: ...").
    named = line.count(": ") == 1 and _NAME_COLON.search(line) and not _LABEL.match(line.split(":")[0] + ":")
    # Slashes part fields only three or more at a time ("Nimbus / New York, NY / nimbus.io"): one slash
    # joins two of a kind ("Frontend / Backend Engineer", "Berlin / Hamburg").
    if not _FIELD_SEPARATOR.search(line) and not named and line.count(" / ") < 2:
        return None
    gender_closed = "|" not in line and _CLOSING_GENDER_NOTE.search(line) is not None
    own_company_line = line.count("|") < 2 and _company_line(following) and not gender_closed
    packed = read_packed(line, body)
    if packed is None or not (packed.title or packed.company):
        return None
    if own_company_line and not (packed.company and packed.title and packed.locations):
        # A job page: this is the title line, the company has a line of its own. A line that names a
        # company, a place and a role is all three whatever follows it.
        return None
    if gender_closed and not _name_place_then_title(line, packed):
        return None  # "Fitnesscoach - Vollzeit (m/w/d)": the note closes one title, dashes and all
    if packed.company is None and line.count("|") < 2:
        # Still fields when the line leads with its place ("NEW YORK, NY - JavaScript Developers").
        places_first = packed.locations and packed.title and line.find(packed.title) > 0
        if not places_first:
            return None
    if "|" not in line and packed.company is not None and packed.title is not None:
        # "Senior Data Scientist - Experimentation": after a title, a dash leads to the title's own
        # tail unless the name is plainly a company's ("Acme GmbH", "at Acme").
        after_title = line.find(packed.company) > line.find(packed.title)
        if after_title and packed.confidence.get("company", 0.0) < 0.8:
            return None
    return packed


def _name_place_then_title(line: str, packed: Packed) -> bool:
    """Whether a line closed by a gender note reads "Nimbus GmbH - Berlin - Data Analyst (m/w/d)": a
    company and a place the gazetteer knows lead, and the title, note and all, closes the line."""
    title, company = packed.title, packed.company
    if not (title and company and packed.locations) or not _CLOSING_GENDER_NOTE.search(title):
        return False
    return line.startswith(company) and line.endswith(title) and len(title) < len(line) - len(company)


# "= What we do =", "--- ABOUT US ---": a section heading between rules; the header ended before it.
_RULED_HEADING: Final = re.compile(r"([=\-—_~*#]{1,})\s*[^=\-—_~*#]{2,60}?\s*[=\-—_~*#]{1,}")


# "Job Locations Berlin | Hamburg" (iCIMS prints its labels without a colon).
_SPACED_LOCATION: Final = re.compile(r"(?i:job locations?|locations?)\s+(?P<value>[A-Z].{1,200})")
# "Posted 3 days ago by Nimbus Analytics" (Reed, Totaljobs).
_POSTED_BY: Final = re.compile(r"(?i:posted|listed)\b.{0,40}?\bby\s+(?P<company>\w.{1,80})")


def _title_label_follows(lines: list[str], position: int) -> bool:
    for line in lines[position + 1 : position + 3]:
        m = _LABEL.fullmatch(line)
        if m and m.group("label").lower() in _TITLE_LABELS and (m.group("value") or "").strip():
            return True
    return False


# Field labels of German, French, Spanish, Portuguese, Dutch, Polish, Swedish, Italian and Japanese
# postings, by the English label the reader knows.
_FOREIGN_LABELS: Final[dict[str, str]] = {
    **dict.fromkeys(
        "stelle stellenbezeichnung jobtitel poste intitulé du poste titre du poste puesto cargo vaga functie"
        " vacature stanowisko tjänst befattning posizione ruolo 職種 募集職種".split(" "),
        "job title",
    ),
    **dict.fromkeys(
        "unternehmen arbeitgeber firma entreprise société employeur empresa bedrijf werkgever organisatie"
        " företag arbetsgivare azienda società 会社名 企業名".split(" "),
        "company",
    ),
    **dict.fromkeys(
        "standort arbeitsort einsatzort ort lieu lieu de travail localisation ville ubicación ubicacion"
        " localización lugar local localização cidade locatie plaats standplaats werklocatie lokalizacja"
        " miejsce pracy miasto plats placering arbetsort sede luogo località 勤務地".split(" "),
        "location",
    ),
    **dict.fromkeys(
        "anstellungsart vertragsart type de contrat tipo de contrato tipo de contratação dienstverband"
        " rodzaj umowy anställningsform tipo di contratto 雇用形態".split(" "),
        "employment type",
    ),
}
_FOREIGN_LABEL: Final = re.compile(
    r"(?i)^(?P<label>"
    + "|".join(re.escape(label) for label in sorted(_FOREIGN_LABELS, key=len, reverse=True))
    + r")\s*[:：]\s*(?P<value>.*)$"
)


def _english_label(line: str) -> str:
    """ "Unternehmen: Nordlicht GmbH" -> "company: Nordlicht GmbH": a foreign field label read as the
    English one, so the label reader serves every language."""
    m = _FOREIGN_LABEL.match(line)
    if m is None:
        return line
    return f"{_FOREIGN_LABELS[m.group('label').casefold()]}: {m.group('value')}"


def _read_block(lines: list[str], body: str = "") -> _Block:
    block = _Block()
    pending_label: str | None = None
    seen = 0
    pairs = [(c, raw.strip()) for c, raw in ((_english_label(_clean_line(raw)), raw) for raw in lines) if c]
    cleaned = [c for c, _ in pairs]
    for position, line in enumerate(cleaned):
        seen += 1
        if seen > _MAX_HEADER_LINES:
            break
        if pending_label is not None:
            label, pending_label = pending_label, None
            if not _LABEL.fullmatch(line):
                if _is_prose(line):
                    break  # "Role" was a section heading, not a field.
                _apply_label(block.labels, label, line)
                continue
            if label.lower() in _COMPANY_LABELS:
                block.labels.company_blank = True
        following = cleaned[position + 1] if position + 1 < len(cleaned) else ""
        board_line = line.endswith("?") and _AGGREGATOR.search(line) is not None
        header_candidate = not block.texts and block.packed is None and not block.labels.title
        if header_candidate and not board_line and not _LABEL.fullmatch(line):
            # Before the length check: Hacker News header lines run long.
            packed = (
                read_sentence(_HIRING_PREFIX.sub("", line).strip())
                or _packed_line(line, body, following)
                or (_title_with_fields(line) if position == 0 else None)
                or (read_name_and_place(line, body) if position == 0 else None)
            )
            if packed is not None:
                block.packed = packed
                add_places(block.locations, packed.locations)
                continue
        if len(line) > 150 and not read_places(line):
            break
        m = _LABEL.fullmatch(line)
        if m:
            if m.group("value") is None or not m.group("value").strip():
                pending_label = m.group("label")
            else:
                _apply_label(block.labels, m.group("label"), m.group("value"))
            continue
        before_title = not any(title_like(t) for t in block.texts)
        marker = _GLUED_BODY.match(line) or _BODY_MARKER.fullmatch(line)
        if marker and before_title and _title_label_follows(cleaned, position):
            continue  # "JOB DESCRIPTION" over "Position: ..." heads a form, not the body
        if _GLUED_BODY.match(line) or _BODY_MARKER.fullmatch(line) or _RULED_HEADING.fullmatch(line):
            break
        about = _ABOUT_LINE.fullmatch(line)
        if about:
            block.about_company = about.group("name")
            break
        if line.endswith("?"):
            agg = _AGGREGATOR.search(line)
            if agg:
                block.aggregator_company = agg.group("company")
                continue
        if _is_prose(line):
            break
        if seen <= 15 and len(line) <= 90:
            block.read_badges(pairs[position][1])
        spaced = _SPACED_LOCATION.fullmatch(line)
        if spaced and read_places(spaced.group("value")):
            add_places(block.locations, read_places(spaced.group("value")))
            continue
        by = _POSTED_BY.fullmatch(line)
        if by:
            block.company = block.company or _tidy_company(by.group("company"))
            continue
        if " · " in line or " • " in line or line.startswith(("· ", "• ")):
            # Before the noise check: "Acme · Paris · 3 days ago · 57 applicants" is more than noise.
            _read_dot_line(block, line)
            continue
        if _NOISE.fullmatch(line) or _PAY_LINE.search(line) or _badge_only(line) or pay_like(line):
            continue
        if line.endswith(" /") or line.endswith("/"):
            add_places(block.locations, read_places(line.rstrip(" /")))
            continue
        places = read_places(line) or _region_place(line)
        if places:
            add_places(block.locations, places)
            continue
        if len(_LETTERS.findall(line)) < 2:
            continue
        at = _AT_LINE.fullmatch(line)
        if at:
            block.company = block.company or _tidy_company(at.group("company"))
            continue
        raw = pairs[position][1]
        columns = _title_of_columns(raw) if "  " in raw else None
        if columns is not None:
            line = columns[0]
            add_places(block.locations, columns[1])
        block.texts.append(line)
    return block


_COLUMN_GAP: Final = re.compile(r"\s{2,}|\t+")


def _title_of_columns(raw: str) -> tuple[str, list[str]] | None:
    """ "Senior Backend Engineer   Full-time   Porto, Portugal": a page's title row copied with its columns
    (runs of spaces or tabs between them). The first column is the title when it reads as one and every
    other column is a field the readers know (a place, a badge, pay); returns the title and the places."""
    columns = [c.strip() for c in _COLUMN_GAP.split(raw.strip()) if c.strip()]
    if len(columns) < 2 or len(columns) > 5 or not title_like(columns[0]):
        return None
    places: list[str] = []
    for column in columns[1:]:
        found = read_places(column)
        if found:
            add_places(places, found)
        elif not (badges_only(column) or pay_like(column)):
            return None
    return _clean_line(columns[0]), places


# "Sydney NSW", "Brisbane QLD": a city and a Canadian or Australian region code without the comma.
_CITY_REGION: Final = re.compile(r"(?P<city>[A-Z][\w .'-]{1,40}?)\s+(?P<code>[A-Z]{2,3})")


def _region_place(line: str) -> list[str]:
    m = _CITY_REGION.fullmatch(line)
    if m is None or m.group("code") not in REGION_CODES or m.group("code") in US_STATES:
        return []
    return read_places(f"{m.group('city')}, {m.group('code')}")


# A one-line header's fields: " - " and pipes part them, and commas do when no other separator is used.
_ONE_LINE_FIELDS: Final = re.compile(r"\s+[-–—|·•]\s+|\s*\|\s*")


def _comma_fields(line: str) -> list[str]:
    """ "Frontend Dev, London, £40k-£50k pa, hybrid": comma-cut fields, a pair that reads as one place
    ("Austin, TX") kept together."""
    parts = [p.strip() for p in line.split(",") if p.strip()]
    fields: list[str] = []
    i = 0
    while i < len(parts):
        pair = f"{parts[i]}, {parts[i + 1]}" if i + 1 < len(parts) else None
        if pair is not None and len(read_places(pair)) == 1:
            fields.append(pair)
            i += 2
            continue
        fields.append(parts[i])
        i += 1
    return fields


def _title_with_fields(line: str) -> Packed | None:
    """ "Nurse (RN) - $45/hr - Austin, TX", "Frontend Dev, London, £40k-£50k pa, hybrid": a role and then
    only fields the readers recognise (pay, places, workplace and employment badges), no company. Every
    field after the first must be recognised and one must be pay, or the line is left alone: a job page's
    title keeps its place tail ("Account Executive, Payments - Paris")."""
    fields = [f.strip() for f in _ONE_LINE_FIELDS.split(line) if f.strip()]
    if len(fields) < 2:
        fields = _comma_fields(line)
    else:
        fields = [fields[0], *(part for f in fields[1:] for part in _comma_fields(f))]
    if len(fields) < 2 or len(fields) > 6:
        return None
    head = fields[0]
    role = title_like(head) or GENDER_NOTE.search(head) or _LEVEL_OR_FIELD.search(head)
    if not role or read_places(head) or pay_like(head):
        return None
    if len(head.split()) > 8 or _is_prose(head) or badges_only(head):
        return None
    packed = Packed(title=head)
    paid = False
    for part in fields[1:]:
        places = read_places(part) or _region_place(part)
        if places:
            add_places(packed.locations, places)
        elif pay_like(part) or _PAY_LINE.search(part):
            paid = True
        elif badges_only(part):
            packed.workplace = packed.workplace or workplace_of(part)
            packed.employment_type = packed.employment_type or employment_of(part)
        else:
            return None
    if not paid:
        return None
    packed.confidence.update(title=0.7, **({"locations": 0.8} if packed.locations else {}))
    return packed


def _read_dot_line(block: _Block, line: str) -> None:
    """ "Company · Location · 2 days ago" (LinkedIn); an empty first part means no company is shown."""
    parts = [p.strip() for p in _DOT_SPLIT.split(line)]
    if parts and not parts[0] and block.texts:
        block.company_blank = True
    for i, part in enumerate(parts):
        if not part:
            continue
        places = read_places(part)
        if places:
            add_places(block.locations, places)
            continue
        if _NOISE.fullmatch(part) or _badge_only(part) or _PAY_LINE.search(part):
            continue
        if i == 0 and block.texts and block.company is None and _company_or_name(part):
            block.company = _tidy_company(part)
        elif i == 0 and not block.texts:
            block.texts.append(part)


def _company_or_name(s: str) -> bool:
    return bool(s) and len(s) <= 80 and not _is_prose(s)


_TRAILING_NOTE: Final = re.compile(r"\s*\(([^()]*)\)\s*$")


def _without_place_note(segment: str, places: list[str]) -> str:
    """ "Lumen Health (Remote, US)" -> "Lumen Health", adding the place to ``places``."""
    m = _TRAILING_NOTE.search(segment)
    if m is None:
        return segment
    note = m.group(1)
    found = read_places(note)
    if not found and not _badge_only(note):
        return segment
    add_places(places, found)
    return segment[: m.start()]


_COMPANY_FORM: Final = re.compile(
    r"(?i)\b(?:inc|llc|ltd|limited|g?gmbh|ag|se|kg|plc|corp|corporation|co|pty|group|labs|technologies|bank"
    r"|health|hospital|university|systems|software|solutions)\.?$"
)


def _split_heading(line: str) -> tuple[str, str | None, list[str]]:
    """One heading that may hold more than the title: "Senior Engineer at Stripe", "Engineer - Acme - "
    "Remote"."""
    line = _HIRING_PREFIX.sub("", line).strip()
    m = _IS_HIRING.match(line)
    if m and _company_like(m.group("company")) and title_like(m.group("title")):
        return m.group("title").strip(" .!"), m.group("company"), []
    m = _AT_SPLIT.match(line)
    if m and title_like(m.group("title")):
        rest = [p.strip() for p in _SEGMENT_SPLIT.split(m.group("company")) if p.strip()]
        if rest and _company_like(rest[0]) and not title_like(rest[0]):
            places: list[str] = []
            for extra in rest[1:]:
                add_places(places, read_places(extra))
            return m.group("title").strip(), _tidy_company(rest[0]), places
    segments = [p.strip() for p in _SEGMENT_SPLIT.split(line) if p.strip()]
    if len(segments) < 2 or len(segments) > 4:
        return line, None, []
    # Only a company makes a split worth it: "Engineer - Full Time" stays whole.
    title_index = next((i for i, seg in enumerate(segments) if title_like(seg)), None)
    if title_index is None:
        return line, None, []
    company: str | None = None
    places = []
    for i, seg in enumerate(segments):
        if i == title_index:
            continue
        found = read_places(seg)
        if found:
            add_places(places, found)
        elif _badge_only(seg) or _PAY_LINE.search(seg):
            continue
        elif company is None and _company_like(_without_place_note(seg, places)) and not title_like(seg):
            company = _tidy_company(_without_place_note(seg, places))
        else:
            return line, None, []
    if company is None and "|" not in line:
        return line, None, []
    tail_only = len(segments) == 2 and title_index == 0
    if "|" not in line and tail_only and company is not None and not _COMPANY_FORM.search(company):
        # "Registered Nurse - Night Shift": what follows a title's dash is its own tail unless it is
        # plainly a company's name.
        return line, None, []
    return segments[title_index], company, places


# ---------------------------------------------------------------------------------------------------
# Prose. Every pattern is tried anchored at its keyword (``Doc.hits``), never searched through the text.

_TITLE_WORD: Final = r"(?:[A-Z][\w'&+#./-]*|[A-Z0-9]{2,}[\w'&+#./-]*)"
_TITLE_PHRASE: Final = (
    r"\s+(?:[a-z][\w-]*,?\s+){0,3}?"
    r"(?P<title>" + _TITLE_WORD + r"(?:(?:\s+(?:(?:of|and|for|in|&|de)\s+)*|\s*/\s*|,\s+(?=[A-Z]))"
    r"(?:" + _TITLE_WORD + r"|\([^()\n]{1,40}\)))*)"
)
_PROSE_TITLE: Final = re.compile(
    r"(?i:as\s+(?:a|an|the|our)|(?:hiring|seeking|searching\s+for|recruiting|looking\s+for|in\s+search\s+of"
    r"|need)\s+(?:a|an)|join\s+(?:us|our\s+team|the\s+team)\s+as\s+(?:a|an|the|our)"
    r"|(?:role|position|opening|vacancy)\s+(?:of|for)(?:\s+(?:a|an|the))?)" + _TITLE_PHRASE
)
_PROSE_TITLE_NEEDLES: Final = needles(
    "as a",
    "as an",
    "as the",
    "as our",
    "hiring",
    "seeking",
    "searching for",
    "recruiting",
    "looking for",
    "in search of",
    "need a",
    "need an",
    "join us as",
    "join our team as",
    "join the team as",
    "role of",
    "role for",
    "position of",
    "position for",
    "opening for",
    "vacancy for",
)
_NAME: Final = (
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+(?:&\s+|of\s+(?:the\s+)?|and\s+|de\s+)?[A-Z0-9][\w&'.-]*){0,5}"
    r"(?:,?\s+(?:Inc|LLC|Ltd|Corp|Co|PLC|LLP|L\.P)\.?)?)"
)
# Company statements, each tried at its keyword: (weight, needles, cased, pattern, name comes before).
_AT_COMPANY: Final = re.compile(r"At\s+" + _NAME + r"\s*,\s+(?i:we|our|you|the|it|every|there)\b")
_JOIN_COMPANY: Final = re.compile(
    r"Join\s+(?:the\s+)?" + _NAME + r"(?:\s+team)?\s*(?:[.!,]|\s+(?:and|as|in|to)\b)"
)
_ABOUT_COMPANY: Final = re.compile(r"(?:About|Why|Life at|Working at)\s+" + _NAME + r"\s*[?:]?[ \t]*(?:\n|$)")
_EQUAL_AFTER: Final = re.compile(r"equal\s+(?:opportunity|employment)|eeo\b|e-verify|affirmative\s+action")
_NAME_BEFORE_EQUAL: Final = re.compile(
    _NAME + r"\s+(?i:(?:is|are)\s+(?:an?\s+|proud(?:ly)?\s+(?:to\s+be\s+)?(?:an?\s+)?|committed\s+to\s+being"
    r"\s+an?\s+)?|provides\s+|offers\s+|is\s+committed\s+to\s+)$"
)
_IS_LEADING: Final = re.compile(
    r"\s+(?:is|has\s+been)\s+(?:a|an|the|one\s+of\s+the)\s+(?:leading|leader|global|world|fast|premier|growing"
    r"|innovative|award|top|mission|venture|privately|publicly|family|boutique|non-?profit|nationally|largest"
    r"|[\w]+-(?:based|owned|driven|growing))"
    # "Nimbus is an early stage startup", "Nimbus is a software agency": what kind of firm it is.
    r"|\s+is\s+an?\s+(?:[\w-]+\s+){0,3}(?:startup|start-up|company|agency|consultancy|studio|spinout|spin-off"
    r"|firm)\b"
)
_NAME_AT_END: Final = re.compile(_NAME + r"$")
_NOT_A_NAME: Final = word_set("""
    we our the this all it you your company employer applicants eeo equal qualified candidates each
    every any who what why how about join at as in for if please benefits pay salary job position role
    team they he she there here these those such its their us an a one no note candidate employees
    individuals persons opportunity statement employment policy notice disclaimer diversity inclusion
    commitment compensation overview description summary
    """)


def _trim_title(title: str) -> str | None:
    """Cut a prose title after its last head noun, keeping a short ", Team (Focus)" tail."""
    words = title.split()
    last_head = -1
    for i, word in enumerate(words):
        if title_like(word.strip(",")):
            last_head = i
    if last_head < 0:
        return None
    head = " ".join(words[: last_head + 1])
    tail = " ".join(words[last_head + 1 :])
    numerals = _NUMERALS.match(tail)
    if numerals:
        head += " " + numerals.group(0)
        tail = tail[numerals.end() :].strip()
    if head.endswith(","):
        head, tail = head[:-1], ", " + tail
    if tail.startswith(","):
        parts = tail[1:].split()
        if 0 < len(parts) <= 5 and parts[0].lower().strip(",") not in _PRONOUNS and "," not in tail[1:]:
            return f"{head}{tail}"
    elif tail.startswith("("):
        return f"{head} {tail}"
    return head.strip(" ,") or None


_NUMERALS: Final = re.compile(r"(?:I{1,3}|IV|V)\b")


def _prose_title(doc: Doc) -> str | None:
    for pos in doc.hits(_PROSE_TITLE_NEEDLES, end=8000):
        m = _PROSE_TITLE.match(doc.text, pos)
        if m is None:
            continue
        raw = m.group("title").strip(" ,")
        if len(raw.split()) > 14:
            continue
        title = _trim_title(raw)
        if title is None or title.split()[0].lower() in _NOT_A_NAME:
            continue
        return title
    return None


def _clean_name(name: str) -> str | None:
    """A company name, or None; leading words that cannot start a name are dropped
    ("Equal Opportunity Statement Sony" -> "Sony")."""
    words = name.strip(" ,.'").removesuffix("'s").split()
    while words and (words[0].lower() in _NOT_A_NAME or not (words[0][0].isupper() or words[0][0].isdigit())):
        words = words[1:]
    while words and words[-1].lower() in ("and", "of", "the", "&", "de"):
        words = words[:-1]
    name = " ".join(words)
    if not name or title_like(name) or is_location(name):
        return None
    return name


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


_EQUAL_NEEDLES: Final = needles("equal", "eeo", "e-verify", "affirmative action")
_AT_NEEDLES: Final = needles("At")
_JOIN_NEEDLES: Final = needles("Join")
_ABOUT_NEEDLES: Final = needles("About", "Why", "Life at", "Working at")
_IS_A_NEEDLES: Final = needles("is a", "is an", "is the", "is one of the", "has been a")
# Prose searches stop here: past it, a long paste is usually a job board's own text.
_PROSE_END: Final = 12000


def _company_candidates(doc: Doc) -> Iterator[tuple[int, str]]:
    text, lower = doc.text, doc.lower
    for pos in doc.hits(_EQUAL_NEEDLES, end=_PROSE_END):
        if _EQUAL_AFTER.match(lower, pos):
            m = _NAME_BEFORE_EQUAL.search(text, max(0, pos - 110), pos)
            if m:
                yield 3, m.group("name")
    for pos in doc.hits(_AT_NEEDLES, cased=True, end=_PROSE_END):
        m = _AT_COMPANY.match(text, pos)
        if m and _sentence_start(text, pos):
            yield 3, m.group("name")
    for pos in doc.hits(_JOIN_NEEDLES, cased=True, end=_PROSE_END):
        m = _JOIN_COMPANY.match(text, pos)
        if m:
            yield 2, m.group("name")
    for pos in doc.hits(_ABOUT_NEEDLES, cased=True, end=_PROSE_END):
        if pos == 0 or text[pos - 1] == "\n":
            m = _ABOUT_COMPANY.match(text, pos)
            if m:
                yield 2, m.group("name")
    for pos in doc.hits(_IS_A_NEEDLES, end=_PROSE_END):
        if pos > 0 and _IS_LEADING.match(lower, pos - 1):
            m = _NAME_AT_END.search(text, max(0, pos - 90), pos - 1)
            if m and _sentence_start(text, m.start()):
                yield 2, m.group("name")


def _prose_company(doc: Doc) -> str | None:
    scores: dict[str, int] = {}
    for weight, raw in _company_candidates(doc):
        name = _clean_name(raw)
        if name is not None:
            scores[name] = scores.get(name, 0) + weight
    if not scores:
        return None
    text = doc.text
    ranked = sorted(
        scores.items(), key=lambda kv: (kv[1] + min(text.count(kv[0]), 6), len(kv[0])), reverse=True
    )
    return ranked[0][0]


_LOC: Final = r"(?P<loc>[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){0,3}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?)"
_PLACE_NOUN: Final = (
    r"(?i:headquarters|hq|office|offices|campus|location|store|facility|clinic|hospital|branch)"
)
_PROSE_LOCATION: Final = re.compile(
    r"(?i:based\s+(?:in|at|out\s+of)\s+(?:our\s+|the\s+)?(?:(?:[\w-]+\s+){0,2}(?:headquarters|hq|office|offices"
    r"|campus)\s+in\s+)?)" + _LOC + r"(?:\s+" + _PLACE_NOUN + r")?"
    r"|(?i:(?:located|headquartered)\s+in\s+(?:the\s+)?)"
    + _LOC.replace("loc>", "loc2>")
    + r"|(?:(?<=this )|(?<=the ))(?i:(?:role|position|job)\s+is\s+(?:based\s+|located\s+)?in\s+(?:the\s+)?)"
    + _LOC.replace("loc>", "loc3>")
    + r"|(?i:(?:be\s+located|reside|resides|live)\s+(?:in|within)\s+(?:the\s+)?)"
    + _LOC.replace("loc>", "loc4>")
    + r"|(?:(?<=at )|(?<=in )|(?<=from )|(?<=to ))(?i:our)\s+"
    + _LOC.replace("loc>", "loc5>")
    + r"\s+"
    + _PLACE_NOUN
    + r"\b|(?i:(?:across|anywhere\s+in|throughout|remote(?:ly)?\s+(?:within|in|from\s+anywhere\s+in))\s+the)"
    r"\s+(?P<country>U\.S\.A?\.?|US|USA|United\s+States|UK"
    r"|U\.K\.|United\s+Kingdom)(?![\w])"
)
_LOCATION_NEEDLES: Final = needles(
    "based",
    "located in",
    "headquartered in",
    "role is",
    "position is",
    "job is",
    "reside",
    "resides",
    "live in",
    "be located",
    "our",
    "across the",
    "anywhere in",
    "throughout the",
    "remote within the",
    "remote in the",
    "remotely within the",
    "remotely in the",
    "remote from anywhere in the",
    "remotely from anywhere in the",
)


def _prose_locations(doc: Doc) -> list[str]:
    text = doc.text
    for pos in doc.hits(_LOCATION_NEEDLES, end=_PROSE_END):
        m = _PROSE_LOCATION.match(text, pos)
        if m is None:
            continue
        if m.group("country"):
            # "the U.S." is written out as its name.
            return normalize_locations(m.group("country"), strict=True)
        value = m.group("loc") or m.group("loc2") or m.group("loc3") or m.group("loc4") or m.group("loc5")
        found = _best_prefix_location(value) if value else []
        if found:
            return found
    return []


def _best_prefix_location(value: str) -> list[str]:
    """ "San Mateo, CA Headquarters" -> the longest leading run of words that is a place."""
    words = value.split()
    for end in range(len(words), 0, -1):
        found = read_places(" ".join(words[:end]).rstrip(",."))
        if found:
            return found
    return []


_BODY_LABEL: Final = re.compile(
    r"(?P<label>(?i:job title|position title|position|title|company name|company|employer|organi[sz]ation"
    r"|job location|location))[ \t]*:[ \t]*(?P<value>[^\n]{1,160})"
)
_BODY_LABEL_NEEDLES: Final = needles(
    "job title",
    "position title",
    "position",
    "title",
    "company name",
    "company",
    "employer",
    "organization",
    "organisation",
    "job location",
    "location",
)


def _sentence_places(doc: Doc) -> list[str]:
    """Places of a header sentence among the first lines ("... opening with my client Nimbus in Lisbon.")."""
    for line in doc.head[:12]:
        if " in " in line:
            found = read_sentence(line)
            if found is not None and found.locations:
                return found.locations
    return []


def _body_labels(doc: Doc) -> _Labels:
    """Labelled fields further down ("Location: London, UK"), also glued to the word before them."""
    labels = _Labels()
    text, lower = doc.text, doc.lower
    done = 0
    for pos in doc.hits(_BODY_LABEL_NEEDLES, whole=False, gate=False, end=_PROSE_END):
        if pos < done or ":" not in lower[pos : pos + 22]:
            continue
        # The label starts a line, follows a space, or is glued to a lower-case word ("AssistantLocation:").
        if pos > 0 and text[pos - 1].isalnum() and not (text[pos - 1].islower() and text[pos].isupper()):
            continue
        m = _BODY_LABEL.match(text, pos)
        if m is None:
            continue
        value = _label_value(m.group("value"))
        _apply_label(labels, m.group("label"), value)
        # A glued next label may sit inside this value: read on from where the value was cut.
        done = m.start("value") + max(1, len(value))
    return labels


_FOOTER_COMPANY: Final = re.compile(
    r"^\s*(?P<name>\w[\w&'.,-]*(?: [\w&'.,-]+){0,7}) (?:Home Page|homepage|logo)\s*$", re.M
)


def _footer_company(text: str) -> str | None:
    """Lever and similar pages name the company only in a footer link: "Ferrous Home Page"."""
    tail = text[-600:]
    if "Home Page" not in tail and "homepage" not in tail and "logo" not in tail:
        return None
    m = _FOOTER_COMPANY.search(tail)
    return m.group("name") if m else None


_NUMBERED: Final = re.compile(r"^(?:[-*•·]|#?\d{1,2}[.)])\s+")
_POINTER: Final = re.compile(r"\s+(?:->|=>|→)\s.*$")


_HIRING_CLAUSE: Final = re.compile(r"(?i)\b(?:we|you)(?:'re|\s+are)\b|\b(?:is|are)\s+(?:hiring|looking)\b")
# "Booking.com is world leader in ...": a clause, which no title is.
_CLAUSE: Final = re.compile(r"\s(?:is|are|was)\s", re.I)
# "Great team, join our crew": a pronoun marks prose in a line without a role noun.
_PRONOUN: Final = re.compile(r"\s(?:we|our|you|your)\s", re.I)


_QUESTION_LABEL: Final = re.compile(r"(?i)^(?:what|who|where|when|why|how)\s*:")


def _plausible_title(title: str | None) -> str | None:
    """The title without list marks and pointers ("1. Backend Engineer -> https://..."), or None for
    what no reader would call a title: a line of fields, a link or a sentence without one role noun."""
    if title is None:
        return None
    if title.rstrip(" *_").endswith(":") or is_list_intro(title) or _HIRING_CLAUSE.search(title):
        return None  # "Available roles [1]:", "We are hiring for:": a line that heads what follows
    if _CLAUSE.search(title):
        return None  # "Booking.com is world leader in ...": a clause, role noun or not
    title = _POINTER.sub("", _NUMBERED.sub("", title.strip())).strip(" -–|,:")
    if not title:
        return None
    if _QUESTION_LABEL.match(title):
        return None  # "What: on-demand staffing for shops": a Hacker News post's field about the firm
    if role_words(title) or title_like(title) or GENDER_NOTE.search(title):
        return title
    words = title.split()
    if len(words) >= 3 and 2 * len(extract_skills(title)) >= len(words):
        return None  # "Kotlin/Ktor Vue/Pinia AWS/Docker": the stack, not the job
    parts = [p.strip(" ,()") for p in re.split(r",|\s[-–—]\s|\|", title)]
    badged = len(parts) > 1 and any(p and badges_only(p) for p in parts)
    fields = badged or "|" in title or "://" in title or "www." in title
    if fields or _is_prose(title) or title[0] in "([" or len(_LETTERS.findall(title)) < 3:
        return None
    return None if _PRONOUN.search(title) else title


_NOTE_AFTER: Final = re.compile(r"\s*\([^()]*\)\s*$")
_LIST_PARTS: Final = re.compile(r",\s+(?![^()]*\))")
_TAIL_SEPARATOR: Final = re.compile(r",\s+|\s+[-–—|@]\s+|\s+at\s+")
_PAY_NOTE: Final = re.compile(r"\s*\(([^()]*\d[^()]*)\)$")


def _is_field(part: str, company: str | None) -> bool:
    """Whether a title's tail is another field the paste states: a badge, pay or the company. A place
    stays: job pages keep it in the title ("Full-Stack Engineer - Munich", "Operations Manager, EMEA")."""
    part = part.strip(" ,;:-–—|")
    if not part or (company and part.casefold() == company.casefold()):
        return True
    return not role_words(part) and (badges_only(part) or pay_like(part))


def _names_itself(name: str, text: str) -> bool:
    """Whether the body speaks of ``name`` as a firm: "ClassDojo is used by ...", "At ClassDojo, we"."""
    pattern = re.compile(
        r"(?:^|[.!?]\s+|\n)\s*" + re.escape(name) + r"\s+(?:is|are|was|has|have|builds|helps|makes|offers)\b"
        r"|\bAt\s+" + re.escape(name) + r"\b"
    )
    return pattern.search(text, len(name)) is not None


def _first_role(title: str, min_parts: int) -> str:
    """A title that lists roles ("PHP-Engineer, Sysadmin", "Platform Engineer (Java), UI Engineer, UI/UX
    Designer") names the first. Each part must end in its role noun: "Principal Engineer, Earner,
    Backend" and "Program Specialist, Executive Support Office" are one role with its team. A job page's
    own title line needs three such parts ("Assistant Director, Regional Representative" is one job)."""
    parts = _LIST_PARTS.split(title)
    if len(parts) >= min_parts and all(_ends_in_role(part) for part in parts):
        return parts[0].strip()
    return title


def _ends_in_role(part: str) -> bool:
    words = _NOTE_AFTER.sub("", part).split()
    return bool(words) and role_words(words[-1]) > 0


def _without_company_tail(title: str, company: str | None) -> str | None:
    """A title line without the company's name and the fields after it ("Lead Android Engineer, Bixby
    Apps - SF"); None when the line is only the name."""
    if not company:
        return title
    folded, name = title.casefold(), company.casefold()
    if name not in folded or role_words(company):
        return title  # a role read as the company ("Junior Data Scientist") is no name to cut
    if folded == name:
        return None
    for m in _TAIL_SEPARATOR.finditer(title):
        if m.start() > 0 and folded.startswith(name, m.end()):
            rest = title[m.end() + len(name) :]
            if not rest.strip() or (
                _TAIL_SEPARATOR.match(rest) and (_is_field(rest, None) or read_places(rest))
            ):
                return title[: m.start()].rstrip()
    return title


def _without_fields(title: str, company: str | None) -> str:
    """A title cut from a line of fields or the prose, without the fields glued to it ("Engineer
    ($100-130k)", "Engineer, Full-time", "Engineer - Acme"): a title never holds the pay, badges or
    company the parser also returned."""
    pay = _PAY_NOTE.search(title)
    if pay and pay_like(pay.group(1)):
        title = title[: pay.start()]
    while True:
        cuts = [m for m in _TAIL_SEPARATOR.finditer(title) if m.start() > 0]
        cut = next((m for m in cuts if _is_field(title[m.end() :], company)), None)
        if cut is None:
            return title
        title = title[: cut.start()].rstrip()


# ---------------------------------------------------------------------------------------------------
# Entry point


def extract_header(text: str) -> Header:
    """Title, company and locations of a posting, each None or [] when the paste does not show one."""
    doc = load(text)
    block = _read_block(doc.text[:8000].split("\n", 60)[:60], doc.text[:12000])
    labels = block.labels
    packed = block.packed
    # Whether the title is a piece cut from a line of fields or the prose, where what follows the role is
    # another field; a job page's own title line keeps its tail ("Account Executive, Uber Eats - Paris").
    title_cut = False
    if packed is not None:
        if labels.title is None and packed.title:
            labels.title = packed.title
            title_cut = True
        if labels.company is None and packed.company and not labels.company_blank:
            labels.company = packed.company

    title = labels.title
    company = labels.company
    company_blank = labels.company_blank or block.company_blank
    locations = list(labels.locations)

    texts = block.texts
    if title is None and texts:
        first, second = texts[0], texts[1] if len(texts) > 1 else None
        if block.company or company or company_blank:
            title = first
            if company is None and not company_blank:
                company = block.company
        elif second is not None:
            if _company_first(first, second, doc.text):
                title, company = second, _tidy_company(first)
            elif _company_like(second) or not title_like(second):
                title, company = first, _tidy_company(company_without_places(second, locations))
            else:
                title = first
        else:
            title, split_company, split_places = _split_heading(first)
            title_cut = title != first
            if split_company and company is None:
                company = split_company
            add_places(locations, split_places)
    elif title is not None and company is None and not company_blank:
        company = block.company or (_tidy_company(texts[0]) if texts and _company_line(texts[0]) else None)
    if company is None and not company_blank:
        company = block.aggregator_company or block.company
    # Workday lists each place on a line of its own under "locations": the block's places join the label's.
    add_places(locations, block.locations)

    body: _Labels | None = None
    if title is None or (company is None and not company_blank) or not locations:
        body = _body_labels(doc)
        if title is None:
            title = body.title
        if company is None and not company_blank:
            company = body.company
        if not locations:
            locations = list(body.locations)
    confidence = dict(packed.confidence) if packed else {}
    title = checked = _plausible_title(title)
    if title is not None and not title_cut and not role_words(title) and _names_itself(title, doc.text):
        # "ClassDojo" over "ClassDojo is used by ...": a name the body keeps using is the company's.
        company = company or (None if company_blank else _tidy_company(title))
        title = None
    nameless = company is None and not company_blank
    found = (
        body_role(doc)
        if title is None
        or (nameless and not title_cut and not role_words(title) and not is_field_of_work(title))
        else None
    )
    if title is not None and found is not None and not GENDER_NOTE.search(title) and _company_like(title):
        # "Brisa Digital · Valencia" over "Buscamos Desarrollador Backend ...": the one name of a header
        # without a role noun, where the body names the opening, is the company's.
        company, title = _tidy_company(title), None
    if title is None:
        prose = _prose_title(doc)
        title_cut = True
        if found is not None:
            # The capitalised reading keeps a team tail the sentence reader cuts ("Member of Technical
            # Staff, Cloud Robotics (Perception)").
            tail = prose[len(found.title) :] if prose and prose.startswith(found.title) else ""
            kept = tail.startswith(" (") or (tail.startswith(",") and tail[1:].strip()[:1].isupper())
            title = prose if kept else found.title
            confidence["title"] = found.confidence
        else:
            title = prose
    footer = _footer_company(doc.text)
    if footer and labels.company is None and (company is None or "Home Page" in doc.text[-600:]):
        # A Lever page names its company only in the footer's "Nimbus Home Page" link: that beats a
        # guess from the header lines.
        company = footer
    if company is None and not company_blank:
        company = block.about_company and _clean_name(block.about_company)
        company = company or _prose_company(doc)
    if not locations:
        locations = _sentence_places(doc)
    if not locations:
        locations = _prose_locations(doc)
    if title != checked:
        title = _plausible_title(title)
    if company and company.endswith(")"):
        company = _LINK_NOTE.sub("", company)  # "Nimbus (https://nimbus.io)": the link is not the name
    if title is not None:
        title = _first_role(title, min_parts=2 if title_cut else 3)
        title = _without_fields(title, company) if title_cut else title
        title = _without_company_tail(title, company)
    return Header(
        title=title,
        company=company or None,
        locations=locations,
        workplace=(packed and packed.workplace) or labels.workplace or block.workplace,
        employment_type=(packed and packed.employment_type)
        or labels.employment_type
        or block.employment_type
        or ("full_time" if block.permanent else None),
        confidence=confidence,
    )
