"""Which part of a paste is the job itself.

Job boards wrap a posting in their own material: market medians, "similar jobs", interview tips, the
skills of a whole category. None of it describes this job, so extractors only read the job's part.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from parsing.folded import first_letter_branches, may_mention

# Headings and phrases that open a board's own material after the posting.
_AGGREGATOR_MARKERS_RE = re.compile(
    r"""^(?:
        salary\s+context | compensation\s+benchmarks? | salary\s+(?:insights|data|benchmarks?|trends)
      | market\s+(?:context|data|insights|overview) | role\s+details | similar\s+(?:jobs|roles|positions)
      | related\s+(?:jobs|roles|searches) | people\s+also\s+(?:viewed|searched)
      | more\s+jobs\s+(?:like|at|from)
      | jobs\s+like\s+this | career\s+path | what\s+to\s+expect\s+in\s+(?:the\s+)?interviews?
      | interview\s+(?:tips|questions) | location\s+context | frequently\s+asked\s+questions
      | (?:the\s+)?\w+\s+(?:job\s+market|hiring)\s+(?:today|overview) | \w+\s+hiring\s+overview
      | get\s+(?:weekly|daily)\s+.{0,40}(?:alerts|intelligence|newsletter)
      | view\s+full\s+.{0,60}\s+salary\s+data | report\s+this\s+job | apply\s+now\s+and\s+.{0,20}similar
      | find\s+more\s+.{0,60}\bjobs\b
    )\b""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
# Sentences only a board writes about its own data set.
_DATASET_SENTENCE_RE = re.compile(
    r"\b(?:in\s+our\s+dataset|roles\s+we(?:'re|\s+are)\s+tracking|positions\s+with\s+disclosed|"
    r"across\s+\d[\d,]*\s+(?:roles|positions|postings|jobs))\b",
    re.IGNORECASE,
)
# A dataset sentence holds one of these words: most postings have none, and then the case-insensitive
# search over the whole text is skipped.
_DATASET_WORDS = ("dataset", "tracking", "disclosed", "across")
_MIN_JOB_CHARS = 400


def job_text(text: str) -> str:
    """The posting without a job board's trailing material (market figures, tips, similar jobs)."""
    cut = len(text)
    for marker in _AGGREGATOR_MARKERS_RE.finditer(text):
        if marker.start() >= _MIN_JOB_CHARS:
            cut = marker.start()
            break
    dataset = _DATASET_SENTENCE_RE.search(text, 0, cut) if may_mention(text, _DATASET_WORDS) else None
    if dataset and dataset.start() >= _MIN_JOB_CHARS:
        line_start = text.rfind("\n", 0, dataset.start()) + 1
        cut = min(cut, line_start)
    return text[:cut].rstrip()


# ------------------------------------------------------------------------------------ sections

# What a part of a posting is, from its heading. Skills count in the parts that ask something of a
# candidate (and in untitled text); not where the company describes itself, its perks, the law, or
# how to apply.
COUNTED_KINDS = frozenset(
    ["intro", "untitled", "role", "responsibilities", "requirements", "nice_to_have", "tech_stack"]
)

_HEADINGS: dict[str, str] = {
    "responsibilities": """
        responsibilities | key responsibilities | main responsibilities | your responsibilities
        | responsibilities include | duties | duties and responsibilities | essential duties
        | essential duties and responsibilities | primary duties | essential functions
        | essential job functions | principal duties | key accountabilities | accountabilities
        | what you'll do | what you will do | what you’ll do | what you'll be doing
        | what you will be doing | your impact | the impact you'll have | a day in the life
        | scope of work | in this role you will | your role | your mission | deine aufgaben
        | ihre aufgaben | aufgaben | deine rolle | das erwartet dich | was dich erwartet
        | was sie erwartet | dein job | aufgabenbereiche | tätigkeiten | vos missions | missions
        | vos responsabilités | responsabilités | ce que vous ferez | votre rôle | le poste
        | tus funciones | funciones | responsabilidades | qué harás | lo que harás | tu rol
        | taken | jouw taken | verantwoordelijkheden | wat ga je doen | wat ga jij doen
        | de functie | atividades | responsabilidades e atribuições | o que você vai fazer
        | suas responsabilidades | atribuições | job duties | job duties and responsibilities
        | your duties | main duties | key duties | daily duties | duties include
        | responsibilities and duties | day to day | day-to-day | your day-to-day
        | what you'll be responsible for | what you will be responsible for | dein aufgabengebiet
        | ihr aufgabengebiet | aufgabengebiet | deine tätigkeiten | ihre tätigkeiten
        | vos responsabilités principales | principales funciones | wat je gaat doen
        | o que você fará | what the candidate will do | your impact in role | tasks | your tasks
        | potential responsibilities | hauptaufgaben | deine hauptaufgaben | ihre hauptaufgaben
        | deine mission | das machst du bei uns | welche aufgaben hättest du | deine aufgaben bei uns
        | tes missions | vos tâches | tus tareas | sus funciones | jouw rol | o seu dia a dia
    """,
    "requirements": """
        requirements | minimum requirements | basic requirements | job requirements
        | essential requirements | qualifications | basic qualifications | minimum qualifications
        | required qualifications | qualifications and requirements | qualifications and skills
        | qualifications we seek | skills | required skills | skills and abilities
        | skills and experience | skills & experience | skills and knowledge | skills & knowledge
        | essential skills | technical skills | key skills | knowledge, skills and abilities
        | experience | your experience | required experience | education and experience
        | what you'll need | what you need | what you will need | what you bring
        | what you'll bring | what we're looking for | what we are looking for
        | what we’re looking for | we're looking for | we are looking for | who you are
        | about you | you have | you are | your profile | profile | ideal candidate
        | the ideal candidate | ideal candidate profile | must haves | must have | what it takes
        | the experience you'll bring | competencies | anforderungen | voraussetzungen
        | dein profil | ihr profil | das bringst du mit | das bringen sie mit | was du mitbringst
        | was sie mitbringen | du bringst mit | qualifikationen | kenntnisse
        | das zeichnet dich aus | wen wir suchen | was wir erwarten | profil recherché
        | votre profil | profil | compétences | compétences requises | exigences
        | qualifications requises | requisitos | requisitos mínimos | tu perfil | perfil
        | perfil buscado | lo que buscamos | buscamos | habilidades | conocimientos
        | functie-eisen | eisen | wat vragen wij | wat wij vragen | jouw profiel | profiel
        | wie ben jij | wie ben je | vereisten | requisitos obrigatórios | qualificações
        | o que buscamos | o que esperamos | seu perfil | job qualifications
        | requirements and qualifications | skills required | what we need | what you should have
        | was du mitbringen solltest | was sie mitbringen sollten | vos compétences
        | qué buscamos | wat breng je mee | wat neem je mee | what the candidate will need
        | what you'll have | we look for | looking for | our expectations | expectations
        | humble expectations | qualifikation | deine erwartungen
        | stellenanforderungen | das bist du | das bringst du idealerweise mit | ce que nous recherchons
        | lo que necesitas | wat wij zoeken | o que procuramos
    """,
    "nice_to_have": """
        nice to have | nice-to-have | nice to haves | preferred | preferred qualifications
        | preferred skills | preferred experience | desired skills | desired qualifications
        | bonus | bonus points | pluses | a plus | desirable | desirable skills | wünschenswert
        | von vorteil | idealerweise | plus | atouts | serait un plus | se valorará | deseable
        | valorable | pré | pluspunten | diferenciais | será um diferencial | bonus points if
        | extra points | nice to have skills
    """,
    "tech_stack": """
        tech stack | our stack | our tech stack | technology stack | technologies
        | tools and technologies | stack | technologien | unser stack | technologies utilisées
        | stack technique | tecnologías | tecnologias
    """,
    "role": """
        about the role | about the job | about this role | role description | position description
        | job overview | job details | job responsibilities | the role | role | job description
        | description | job summary | summary | overview | position summary | role overview
        | the opportunity | the position | about the position | stellenbeschreibung | die stelle
        | deine position | description du poste | descripción del puesto | el puesto
        | functieomschrijving | de rol | descrição da vaga | a vaga | about the team | the team
        | about the teams | full job description | jobbeschreibung
    """,
    "company": """
        about us | about the company | who we are | our company | company overview
        | company description | our story | our mission | the company | company | about the firm
        | why us | why join us | why you'll love working here | life at | über uns | wer wir sind
        | das sind wir | unternehmen | über das unternehmen | wir über uns | wer sind wir
        | qui sommes-nous | qui sommes nous | à propos de nous | l'entreprise | notre entreprise
        | sobre nosotros | quiénes somos | la empresa | over ons | wie zijn wij | wie wij zijn
        | het bedrijf | sobre nós | quem somos | a empresa
    """,
    "benefits": """
        benefits | our benefits | benefits include | perks | perks and benefits
        | perks & benefits | what we offer | we offer | our offer | what's in it for you
        | compensation | compensation and benefits | compensation and benefit | salary | pay
        | pay range | total rewards
        | professional benefits | personal benefits | social benefits | wir bieten
        | was wir bieten | was wir dir bieten | was wir ihnen bieten | unser angebot
        | deine vorteile | benefits für dich | nous offrons | ce que nous offrons
        | ce que nous proposons | avantages | ofrecemos | lo que ofrecemos | beneficios
        | wij bieden | wat wij bieden | wat bieden wij | arbeidsvoorwaarden | oferecemos
        | benefícios | o que oferecemos | offers at the headquarters | what you get | your benefits
        | our perks | additional benefits | corporate benefits | was wir anbieten | das bieten wir dir
        | das bieten wir | warum wir | why work with us | vergütung | ce que nous t'offrons
        | lo que te ofrecemos | wat wij jou bieden | o que te oferecemos
    """,
    "eeo": """
        equal opportunity | equal employment opportunity | equal opportunity employer
        | eeo statement | eeo | eeoc | diversity | diversity and inclusion | diversity & inclusion
        | diversity, equity and inclusion | our commitment to diversity | accommodations
        | reasonable accommodation | privacy notice | privacy | legal | disclaimer | e-verify
        | pay transparency | chancengleichheit | diversität | datenschutz | diversité
        | égalité des chances | igualdad de oportunidades | diversidad | gelijke kansen
        | diversidade
    """,
    "apply": """
        how to apply | to apply | apply | apply here | application process | next steps
        | our hiring process | hiring process | the interview process | interview process
        | bewerbung | so bewirbst du dich | kontakt | ansprechpartner | ansprechperson
        | weitere informationen | comment postuler | candidature | cómo aplicar | postúlate
        | sollicitatie | solliciteren | como se candidatar
    """,
}


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.split()]
    return r"[ \t]+".join(words)


_KIND_OF: dict[str, str] = {}
for _kind, _block in _HEADINGS.items():
    for _phrase in _block.split("|"):
        _KIND_OF.setdefault(" ".join(_phrase.split()).casefold(), _kind)

# Longest phrases first so "preferred qualifications" wins over "preferred".
_BY_LENGTH = sorted(_KIND_OF, key=len, reverse=True)
_TAIL = r"(?P<tail>[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*[:：?]?)"


def _phrases_pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?P<phrase>" + "|".join(map(_phrase_pattern, phrases)) + r")" + _TAIL, re.IGNORECASE)


# A heading may open with "our", "the", "your" or "key" before its phrase ("Our benefits").
_LEAD_WORD_RE = re.compile(r"(?:our|the|your|key)[ \t]+", re.IGNORECASE)
_ANY_PHRASE_RE = _phrases_pattern(_BY_LENGTH)
# The same phrases grouped by their first two characters: a case-insensitive alternation of ~360
# phrases costs about 10 µs a try, and a posting has some 40 places a heading could start. Two ASCII
# characters fold under IGNORECASE exactly as ``str.lower`` folds them, so only the phrases of that
# group can match there; a place that starts with anything else takes the whole pattern.
_GROUPS: dict[str, list[str]] = {}
for _phrase in _BY_LENGTH:
    _GROUPS.setdefault(_phrase[:2], []).append(_phrase)
_PHRASES_BY_START: dict[str, re.Pattern[str]] = {
    start: _phrases_pattern(phrases) for start, phrases in _GROUPS.items() if start.isascii()
}


class _Heading(NamedTuple):
    start: int
    end: int
    phrase: str
    tail: str


def _phrase_at(text: str, position: int) -> re.Match[str] | None:
    start = text[position : position + 2]
    if len(start) < 2 or not start.isascii():
        return _ANY_PHRASE_RE.match(text, position)
    pattern = _PHRASES_BY_START.get(start.lower().replace("\t", " "))
    return pattern.match(text, position) if pattern else None


def _heading_phrase_at(text: str, position: int) -> _Heading | None:
    """A heading phrase at ``position``, its lead word included: the phrase after "our", "the"... when
    there is one, else the phrase at the place itself (so "The role" is the phrase "role")."""
    lead = _LEAD_WORD_RE.match(text, position)
    m = _phrase_at(text, lead.end()) if lead else None
    if m is None:
        m = _phrase_at(text, position)
    if m is None:
        return None
    return _Heading(position, m.end(), m.group("phrase"), m.group("tail"))


# Where a heading may start: after a line break or sentence end (and markdown, bullets, numbers),
# or at a capital glued onto the previous word ("...teams.Requirements", "SQLBenefits"), or at the
# text's start. The pattern opens with the break or capital itself, so the search skips to those
# characters; the place is after the break and its lead, or at the capital.
_LEAD_CHARS = r"[ \t#*_>\-•·–—\d.)]"
_STARTS_RE = re.compile(
    r"[\n.!?;:)•·A-Z]"
    rf"(?:(?<=[\n.!?;:)•·]){_LEAD_CHARS}*(?=\w)|(?<=[a-z\d][A-Z])|(?<=[A-Z][A-Z])(?=[a-z]))"
)
_TEXT_START_RE = re.compile(rf"{_LEAD_CHARS}*(?=\w)")


def _heading_places(text: str) -> Iterator[int]:
    """Where a heading may start, in text order (a place may come twice)."""
    start = _TEXT_START_RE.match(text)
    after_start = start.end() if start else 0
    if start:
        yield after_start
    for place in _STARTS_RE.finditer(text):
        # A break inside the text's own lead ("1. Requirements") leads to the same place.
        if place.start() < after_start:
            continue
        yield place.start() if place.group()[0].isupper() else place.end()


# What may stand before a heading on its line: markdown, bullets, numbering.
_LEAD_RE = re.compile(rf"{_LEAD_CHARS}*\Z")


class Section(NamedTuple):
    kind: str
    heading: str
    start: int
    end: int


# A word or two and a colon: what a heading phrase followed by them is part of.
_LONGER_HEADING_RE = re.compile(r"[A-Z][\w&/-]*(?:[ \t][A-Za-z][\w&/-]*)?[ \t]*:")


def _heading_at(text: str, m: _Heading) -> bool:
    """Whether a heading phrase at ``m`` opens a section (on its own line, with a colon, or glued)."""
    start, end = m.start, m.end
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start]
    after = text[end : end + 1]
    capital = text[start].isupper()
    own_line_start = _LEAD_RE.match(lead) is not None
    rest_of_line = text[end : text.find("\n", end) if "\n" in text[end:] else len(text)]
    colon = m.tail.rstrip().endswith((":", "：", "?"))
    if own_line_start and not rest_of_line.strip(" \t*_#:"):
        return len(lead.strip()) <= 4 or capital
    if not capital:
        return False
    # Inline: after a sentence end or glued onto the previous sentence ("...teams.Requirements:").
    before = text[start - 1] if start else "\n"
    glued = before.islower() or before.isdigit() or (colon and before.isalpha())
    boundary = own_line_start or before in ".!?;)•·:" or glued
    if not boundary:
        return False
    if colon:
        return True
    # A longer heading of its own that starts with the phrase: "Benefits Administration:" over an
    # HR posting's duties is not the perks.
    if m.tail[:1] in (" ", "\t") and _LONGER_HEADING_RE.match(text, end):
        return False
    # Glued onto the next sentence: "QualificationsBachelor's degree", "Benefits•401(k)".
    return bool(after) and (after.isupper() or after in "•·")


def _heading_within(cuts: list[tuple[int, int, str, str]], number: int, line_end: int) -> bool:
    """Whether another heading follows heading ``number`` on its line: a paste that lost its line
    breaks ("What we offer:Flexible hours...balanceJob Duties:Conducting..."), where the line is
    the rest of the posting and the next heading, not the line's end, closes the section."""
    end = cuts[number][1]
    return any(end <= start < line_end for start, _, _, _ in cuts[number + 1 : number + 4])


# "About Nimbus", "Über Nimbus Labs", "À propos de Nimbus": a heading over the company's own text,
# named after the company. Up to five capitalised words, joined by a few small words ("About Kings of
# Neon"); the words that name other headings ("About you", "About the role") are phrases above.
_NAME_WORD = r"[A-Z0-9][\w&'’.®-]*"
_ABOUT_NAME_RE = re.compile(
    r"(?:About|Über|À[ \t]+propos[ \t]+de|Sobre|Acerca[ \t]+de|Over)[ \t]+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+(?:(?:and|of|for|the|&|de|und|y|e)[ \t]+)?{_NAME_WORD}){{0,4}})"
)
# A lower-case letter or digit and a capital glued: a paste that lost the line break after a heading
# ("About NimbusNimbus is...", "About NimbusAt Nimbus, we...").
_GLUE_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


# The first letters of those heading words: most places a heading may start are ruled out by one look.
_ABOUT_FIRST = frozenset("AÜÀSO")


def _about_the_company(text: str, place: int) -> int | None:
    """The end of an "About <Company>" heading at ``place`` (on its own line, with a colon, or glued
    onto the first sentence), or None."""
    if not text.startswith(("About", "Über", "À", "Sobre", "Acerca", "Over"), place):
        return None
    m = _ABOUT_NAME_RE.match(text, place)
    if m is None:
        return None
    line_start = text.rfind("\n", 0, place) + 1
    if _LEAD_RE.match(text[line_start:place]) is None:
        return None
    glued = _GLUE_RE.search(m.group("name"))
    if glued is not None:
        return m.start("name") + glued.start()
    end = m.end()
    while text[end : end + 1] in (" ", "\t"):
        end += 1
    if text[end : end + 1] in ("：", ":"):
        end += 1
        return end
    return end if end == len(text) or text[end] == "\n" else None


def split_sections(text: str) -> list[Section]:
    """The posting's parts in order; text before the first heading is ``intro``."""
    cuts: list[tuple[int, int, str, str]] = []
    # Headings start a line, follow a sentence, or are glued onto one: try only those places.
    for place in _heading_places(text):
        m = _heading_phrase_at(text, place)
        if m is None or not _heading_at(text, m):
            end = _about_the_company(text, place) if text[place : place + 1] in _ABOUT_FIRST else None
            if end is not None:
                cuts.append((place, end, "company", text[place:end].strip()))
            continue
        phrase = " ".join(m.phrase.split()).casefold()
        cuts.append((m.start, m.end, _KIND_OF[phrase], text[m.start : m.end].strip()))
    sections: list[Section] = []
    position, kind, heading = 0, "intro", ""
    for number, (start, end, next_kind, next_heading) in enumerate(cuts):
        if start < position:
            continue
        sections.append(Section(kind, heading, position, start))
        position, kind, heading = end, next_kind, next_heading
        # "Salary: £70,000" on a line of its own labels that line, not what follows it.
        line_end = text.find("\n", end)
        if (
            kind not in COUNTED_KINDS
            and line_end > 0
            and text[end:line_end].strip()
            and not _heading_within(cuts, number, line_end)
        ):
            sections.append(Section(kind, heading, position, line_end))
            position, kind, heading = line_end, "untitled", ""
    sections.append(Section(kind, heading, position, len(text)))
    return [s for s in sections if s.end > s.start or s.heading]


# Sentences that are boilerplate wherever they stand: equal-opportunity and legal text, benefits,
# the company describing itself, a staffing agency describing itself. Grouped by first letter, so the
# search skips to the letters that can start a phrase and tries only that letter's phrases there.
_BOILERPLATE_PHRASES = (
    r"equal\s+(?:employment\s+)?opportunit",
    r"without\s+regard\s+to",
    r"regardless\s+of\s+(?:race|age|gender|sex|religion)",
    r"sexual\s+orientation",
    r"gender\s+identity",
    r"national\s+origin",
    r"veteran\s+status",
    r"protected\s+(?:veteran|class|characteristic)",
    r"reasonable\s+accommodation",
    r"e-verify",
    r"affirmative\s+action",
    r"background\s+check",
    r"drug[- ]free",
    r"pay\s+transparency",
    r"everify",
    r"flsa\s+status",
    r"commuter\s+benefits",
    r"generous\s+vacation",
    r"unlimited\s+vacation",
    r"paid\s+vacation",
    r"privacy\s+(?:policy|notice)",
    r"applicants?\s+with\s+(?:disabilities|criminal)",
    r"chancengleichheit",
    r"unabhängig\s+von",
    r"égalité\s+des\s+chances",
    r"igualdad\s+de\s+oportunidades",
    r"dental\s*(?:insurance|plan|coverage|benefits?|,|and\s+vision|&|/)",
    r"medical\s*(?:,|and|&|/)\s*dental",
    r"health\s*(?:,|and|&|/)\s*dental",
    r"401\s*\(?k\)?",
    r"paid\s+time\s+off",
    r"pto\b",
    r"parental\s+leave",
    r"tuition\s+reimbursement",
    r"life\s+insurance",
    r"health\s+insurance",
    r"wellness\s+program",
    r"employee\s+discount",
    r"gym\s+membership",
    r"stock\s+options",
    r"retirement\s+plan",
    r"we\s+offer",
    r"our\s+benefits",
    # growth perks: "training opportunities with e-learning formats", "Weiterbildungsmöglichkeiten"
    *(rf"{kind}\s+opportunit" for kind in ("training", "learning", "development", "growth", "career")),
    r"weiterbildungsm",
    # the list of employment decisions an equal-opportunity statement covers
    r"promotion,\s+termination",
    r"layoffs?,\s+recall",
    # a job description's disclaimer
    *(rf"{negation}\s+(?:\w+\s+){{0,3}}an\s+employment\s+contract" for negation in ("not", "no")),
    r"at-will\s+employment",
    r"wir\s+bieten",
    r"nous\s+offrons",
    r"ofrecemos",
    *(
        rf"{verb}\s+(?:a|an|the)\s+(?:\w+\s+){{0,3}}"
        r"(?:leading|global|premier|trusted|fast[- ]growing|innovative|largest|world)"
        for verb in ("is", "are")
    ),
    *(
        rf"{adjective}\s+(?:global\s+)?(?:provider|developer|supplier|manufacturer|platform)"
        for adjective in ("leading", "trusted", "premier")
    ),
    r"founded\s+in",
    r"headquartered\s+in",
    r"our\s+mission",
    r"our\s+clients?\s+(?:include|is|are)",
    *(
        rf"{kind}\s+(?:firm|agency|company|partner|solutions)"
        for kind in ("staffing", "recruiting", "recruitment", "talent")
    ),
    r"on\s+behalf\s+of\s+(?:our|a)\s+client",
    *(rf"{who}\s+(?:now\s+)?(?:work|have\s+worked)\s+at" for who in ("alumni", "graduates")),
    r"trusted\s+by",
    r"backed\s+by",
    *(rf"{who}\s+(?:include|such\s+as)" for who in ("customers", "partners", "investors")),
    r"companies\s+(?:like|such\s+as)",
    r"on\s+a\s+mission\s+to",
    r"mission\s+is\s+to",
    r"we\s+strive\s+to",
    r"turned\s+down\s+offers",
    # "... our platform. Powered by": only after a sentence end.
    r"p(?<=[.!?]\sp)owered\s+by",
)
_BOILERPLATE_RE = re.compile(first_letter_branches(_BOILERPLATE_PHRASES, word_start=True))
# The company as the subject of a sentence about what it does: "Nimbus builds design software".
# The capital comes first and the line start or sentence end is checked behind it, so the search skips
# to capitals instead of trying the lookbehind at every character.
_SELF_DESCRIPTION_RE = re.compile(
    r"[A-Z](?:(?<=^[A-Z])|(?<=[.!?]\s[A-Z]))[\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,3}[ \t]+"
    r"(?:builds|makes|develops|provides|offers|creates|designs|sells|delivers|helps|powers|operates|serves"
    r"|specializes|specialises|manufactures|is\s+building)\b",
    re.MULTILINE,
)
# What ends a sentence or a list item (a full stop before a space only: "Node.js", "4.5").
# (Pastes that lost their newlines glue sentences: "...our team.Requirements".)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|[A-Z])|[\n•·]")


def _drop_boilerplate(text: str) -> str:
    """Blank every sentence (or list item) that holds a boilerplate phrase."""
    out: list[str] = []
    last = 0
    breaks: list[int] | None = None
    # Lower-cased once so the long pattern runs without IGNORECASE (several times faster).
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    found = [(m.start(), m.end()) for m in _BOILERPLATE_RE.finditer(lowered)]
    found.extend((m.start(), m.end()) for m in _SELF_DESCRIPTION_RE.finditer(text))
    for m_start, m_end in sorted(found):
        if m_start < last:
            continue
        if breaks is None:
            breaks = [b.end() for b in _SENTENCE_END_RE.finditer(text)]
        k = bisect.bisect_right(breaks, m_start)
        start = max(breaks[k - 1] if k else 0, last)
        k = bisect.bisect_left(breaks, m_end)
        end = breaks[k] if k < len(breaks) else len(text)
        out.append(text[last:start])
        out.append("\n")
        last = end
    out.append(text[last:])
    return "".join(out)


def skill_text(text: str) -> str:
    """The parts of a posting where a skill is asked of the candidate, boilerplate sentences blanked.

    Left-out parts become line breaks, so no skill name is joined across them.
    """
    parts: list[str] = []
    for section in split_sections(text):
        body = text[section.start : section.end]
        if section.kind in COUNTED_KINDS:
            parts.append(_drop_boilerplate(body))
        elif section.kind != "eeo":
            # Pastes that lost their line breaks run the job on after "Company:" or "Pay:":
            # sentences there that ask something of the candidate still count.
            parts.append(_asking_sentences(_drop_boilerplate(body)))
        parts.append("\n")
    return "".join(parts)


# Words of a sentence that asks something of a candidate.
_ASKING_RE = re.compile(
    r"\b(?:proficien\w*|experience[ds]?\s+(?:in|with|using)|\w+\s+experience\b|knowledge\s+of|familiar\w*"
    r"|you\s+will|you'll|you\s+have|responsible\s+for|required|preferred|must\s+have|ability\s+to"
    r"|skills?\b|expertise|certif\w+|licen[cs]e|degree|the\s+role|this\s+role|duties|responsibilities"
    r"|kenntnisse|erfahrung|comp[ée]tences|exp[ée]rience|experiencia|conocimientos|ervaring|experi[êe]ncia)",
    re.IGNORECASE,
)


def _asking_sentences(text: str) -> str:
    breaks = [0, *(b.end() for b in _SENTENCE_END_RE.finditer(text)), len(text)]
    kept = [text[a:b] for a, b in pairwise(breaks) if _ASKING_RE.search(text, a, b)]
    return "\n".join(kept)
