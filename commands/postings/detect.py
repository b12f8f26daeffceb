"""Does a message in a watched channel look like a job posting, or is it just chat?

People talk in job channels too ("anyone heard back from Acme?", "congrats!!"), and answering every
message with a card would be noise. A posting is long and says what job-ads say: a role, duties,
requirements, pay, how and where to work. We count distinct kinds of signal rather than keywords, so a
long rant that says "job" twenty times is still chat, and a short but dense ad still counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_CHARS = 160  # shorter than this is a chat line, whatever it says
MIN_CHARS_DENSE = 80  # ... unless it carries many signals (a terse ad: title, pay, place, apply)
MIN_SIGNALS = 3
MIN_SIGNALS_DENSE = 5
MIN_SIGNALS_FILE = 2  # a file dropped in a job channel is most likely a posting

_SIGNALS: dict[str, re.Pattern[str]] = {
    "role": re.compile(
        r"\b(engineer|developer|designer|analyst|scientist|manager|architect|administrator|consultant|"
        r"specialist|technician|coordinator|recruiter|accountant|nurse|teacher|intern(ship)?|"
        r"director|lead|head of|devops|sre|programmer|researcher|writer|marketer|sales|associate|"
        r"assistant|driver|operator|clerk|cashier|chef|cook|worker|representative|agent|officer|"
        # the same in the other languages postings come in (DE, FR, ES, PT, NL, PL, IT, SV)
        r"entwickler\w*|ingenieur\w*|berater\w*|leiter\w*|d[ée]veloppeu\w+|ing[ée]nieur\w*|"
        r"desarrollador\w*|ingenier[oa]s?|programador\w*|engenheir[oa]s?|desenvolvedor\w*|"
        r"ontwikkelaar\w*|medewerker\w*|programista|in[zż]ynier\w*|sviluppatore|utvecklare|"
        r"m/w/d|h/f|f/h|w/m/d)\b",
        re.I,
    ),
    "hiring": re.compile(
        r"\b(we('| a)re hiring|hiring|join (our|the) team|open (role|position)|job (title|description|"
        r"posting|opening)|vacanc(y|ies)|position|opportunity|looking for an?|"
        r"(staff|help|people) (needed|wanted)|wir suchen|stellenangebot|nous recherchons|recrute|"
        r"buscamos|vacante|procuramos|vaga|wij zoeken|vacature|poszukujemy|cerchiamo|vi söker)\b",
        re.I,
    ),
    "duties": re.compile(
        r"\b(responsibilit(y|ies)|you will|you'll|what you('ll| will) do|duties|day[- ]to[- ]day)\b", re.I
    ),
    "requirements": re.compile(
        r"\b(requirements?|qualifications?|must have|nice to have|experience (with|in)|"
        r"\d+\+? years?|skills|proficien(t|cy)|degree|bachelor'?s?|master'?s?)\b",
        re.I,
    ),
    "pay": re.compile(
        r"([$€£¥₹]\s?\d|\b\d{2,3}(,\d{3}|k)\b|\b(salary|compensation|per (hour|year|annum)|/h(ou)?r|"
        r"/yr|p\.a\.|usd|eur|gbp|equity|bonus|gehalt|salaire|salario|sal[aá]rio|salaris|"
        r"wynagrodzenie|stipendio|l[öo]n|brutto|bruto|brut)\b)",
        re.I,
    ),
    "terms": re.compile(
        r"\b(full[- ]time|part[- ]time|contract(or)?|permanent|freelance|temporary|fte|shifts?|seasonal|"
        r"vollzeit|teilzeit|festanstellung|cdi|cdd|temps plein|tiempo completo|jornada|tempo integral|"
        r"clt|voltijd|deeltijd|pe[łl]ny etat|umowa|b2b|tempo pieno|heltid)\b",
        re.I,
    ),
    "place": re.compile(
        r"\b(remote|hybrid|on[- ]?site|in[- ]office|relocat\w+|location|based in|office)\b", re.I
    ),
    "apply": re.compile(
        r"\b(apply|application|send (your|a) (cv|resume)|cv|résumé|resume|interview)\b", re.I
    ),
    "benefits": re.compile(
        r"\b(benefits|perks|pto|paid time off|401k|pension|health insurance|vacation)\b", re.I
    ),
    "company": re.compile(
        r"\b(about (us|the (company|role|team))|our (company|team|mission)|we are an?|startup)\b", re.I
    ),
    "structure": re.compile(r"(^|\n)\s*([-*•·]|\d+[.)])\s+\S", re.M),
}


_JOB_CORE = frozenset({"role", "hiring", "pay"})


@dataclass(frozen=True)
class Verdict:
    is_posting: bool
    signals: tuple[str, ...]
    length: int


def signals(text: str) -> tuple[str, ...]:
    """The kinds of job-ad signal present in ``text``."""
    sample = text[:20_000]
    return tuple(name for name, pattern in _SIGNALS.items() if pattern.search(sample))


def _is_posting(length: int, found: list[str], from_file: bool) -> bool:
    if from_file:
        # still a job: a file of chat about interviews and offices names no role, pay or opening
        return length >= MIN_CHARS_DENSE and len(found) >= MIN_SIGNALS_FILE and bool(_JOB_CORE & set(found))
    return (length >= MIN_CHARS and len(found) >= MIN_SIGNALS) or (
        length >= MIN_CHARS_DENSE and len(found) >= MIN_SIGNALS_DENSE
    )


def assess(text: str, *, from_file: bool = False) -> Verdict:
    """The verdict, with the signals found until it was certain: more signals never turn a posting
    into chat, so the search stops there (a long posting is not searched eleven times over)."""
    stripped = text.strip()
    length = len(stripped)
    found: list[str] = []
    if length >= MIN_CHARS_DENSE:  # shorter is chat whatever it says
        sample = stripped[:20_000]
        for name, pattern in _SIGNALS.items():
            if pattern.search(sample):
                found.append(name)
                if _is_posting(length, found, from_file):
                    return Verdict(True, tuple(found), length)
    return Verdict(False, tuple(found), length)


def looks_like_posting(text: str, *, from_file: bool = False) -> bool:
    return assess(text, from_file=from_file).is_posting
