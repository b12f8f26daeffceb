"""Pay ranges stated in a posting.

The approach, in three passes over normalized text:

1. find money *atoms*: a number with an optional multiplier (k, m, lakh...) and a currency written
   before or after it;
2. join atoms into *ranges* ("$120k - 150k", "between 55.000 and 65.000 EUR", "up to £40k") and read
   the period written next to them ("/hr", "per annum", "monthly") or in the label before them
   ("Hourly rate:");
3. keep a range only when its context says it is pay (a pay word before it, an explicit period, or a
   short segment of the header such as "Leeds | £45K - £60K") and nothing says it is something else
   (a bonus, a budget, revenue, a price per thing, a market median), and the amount is plausible for
   its period. A figure with no period gets one from its size (``period_inferred``); a bare "$" or an
   unwritten currency is marked ``currency_inferred`` so the posting's country may settle it.
   Precision beats recall: a wrong salary poisons every percentile.

Every pass reads a bounded window around each number, so the work is linear in the text, and every
choice between candidates is made from the text (first written, nearest cue), never from the order in
which a set iterates: the same text gives the same answer in every process.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from parsing.currency import CURRENCIES, NAME_TO_CODE, SHARED_FORM_HINTS, SYMBOL_TO_CODE
from parsing.folded import FoldedPattern, first_character_gate, first_letter_branches
from parsing.models import Period, Salary, SalaryRange
from parsing.vocabulary import alternation

# --- lexical pieces -------------------------------------------------------------------------------

_CODES = "|".join(sorted(CURRENCIES, key=len, reverse=True))
_SYMBOLS = "|".join(re.escape(s) for s in sorted(SYMBOL_TO_CODE, key=len, reverse=True))
# A currency written before the number: "$", "USD", "USD $", "CHF", "Rs."
_PREFIX = rf"(?:(?<![A-Za-z])(?:{_CODES})\s?(?:\$\s?)?|{_SYMBOLS})"
# Digits: lakh grouping (12,50,000), thousands groups with , . ' or space, or a plain number. Each
# form's first digit is written once before them all (so ``\d{1,3}`` there is ``\d{0,2}`` here): the
# number pattern then opens with a digit, and a search skips straight to digits.
_NUMBER = r"""
    \d(?<![\d.,]\d)(?:
      (?:\d?(?:,\d\d)+,\d{3}(?!\d))                    # 12,50,000 (Indian grouping)
    | (?:\d{0,2}(?:(?P<sep>[,.'’])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d{1,2})?(?!\d))
    | (?:\d{0,2}(?:[\ \u202f]\d{3})+(?:[.,]\d{1,2})?(?![\d]))     # 45 000
    | (?:\d*(?:[.,]\d+)?)
    )
"""
# A multiplier ends a word, or runs straight into a currency code ("130kCAD").
_MULTIPLIER = (
    r"(?:[ \t\u00a0]?(?P<mult>k|K|(?i:thousand|million|lakhs?|lacs?|crores?)|mn|MM|m|M|LPA|L|cr|"
    r"万|萬|triệu|juta|tys\.?)"
    rf"(?:(?![^\W\d_\u3000-\u9fff])|(?=(?:{_CODES})(?![A-Za-z]))))"
)
_SUFFIX = rf"(?:[ \t\u00a0]?(?P<suffix>(?:{_CODES})(?![A-Za-z])|(?:{_SYMBOLS})(?![^\W\d_])(?!\s?\d)))"

# Numbers are found first (cheap: they must start with a digit), then the currency and multiplier are
# read from the few characters around each one. A number does not follow a digit, "." or ",": the
# lookbehind after its first digit looks at the character before that digit.
_NUMBER_RE = re.compile(rf"(?P<number>{_NUMBER})", re.VERBOSE)
_PREFIX_RE = first_character_gate(rf"(?P<prefix>{_PREFIX})\s?$")
# "CHF 110'000.–": the Swiss way of writing no cents belongs to the number.
# "70k+ EUR": an open upper end written between the number and its currency.
_OPEN_END = rf"(?P<plus>\+(?=[ \t]?(?:{_CODES})(?![A-Za-z])))"
_AFTER_RE = re.compile(rf"(?:\.[-–—]{{1,2}}(?!\s?\d))?{_MULTIPLIER}?{_OPEN_END}?(?!\s?%){_SUFFIX}?")

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "l": 1e5,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "lpa": 1e5,
    "cr": 1e7,
    "crore": 1e7,
    "crores": 1e7,
    "万": 1e4,
    "triệu": 1e6,
    "juta": 1e6,
    "tys": 1e3,
    "tys.": 1e3,
    "萬": 1e4,
}

# What may stand between the two ends of a range.
_RANGE_JOIN_RE = re.compile(
    r"^\s*(?:-{1,2}|~|〜|～|to|bis|à|a|til|till|through|up\s+to|do|tot|até|hasta|fino\s+a|"
    r"(?P<conjunction>and|et|y|und|e|en|och|og|i))\s*$|^\s*-?\s*$",
    re.IGNORECASE,
)

# A word starts after a non-letter, or at a lower-to-upper case change ("per weekHourly rate").
_LB = r"(?:(?<![A-Za-z])|(?-i:(?<=[a-z])(?=[A-Z])))"
_PER = r"(?:/\s?|" + _LB + r"(?:per|an|a|each|every)\s+)"
_PERIOD_WORDS: dict[Period, list[str]] = {
    "hour": [
        _PER + r"(?:hour|hr|h)\b",
        _LB + r"(?:hourly|ph|p/h|stündlich|hr)\b",
        _LB + r"p\.h\.?(?![^\W\d_])",
        _LB + r"(?:pro|par|por|per)\s+(?:stunde|heure|hora|uur)\b",
        r"/\s?godz",
        _LB + r"(?:per\s+jam|/\s?jam|saatlik|/\s?saat|в\s+час|за\s+час|/\s?giờ|mỗi\s+giờ)(?![^\W\d_])",
        _LB + r"(?:(?:per|pr\.?|i)\s+(?:timme|time|tim|timen)|/\s?tim)\b",
        _LB + r"(?:timl[øo]n|stundenlohn|à\s+l['’]heure|za\s+hodinu|/\s?hod)\b",
    ],
    "day": [
        _PER + r"(?:day|d)\b",
        _LB + r"(?:pd|p/d|p\.d\.)(?![^\W\d_])",
        _LB + r"(?:daily|day\s?rate|tagessatz|dagtarief)\b",
        _LB + r"(?:pro|par|por)\s+(?:tag|jour|d[ií]a)\b",
    ],
    "week": [_PER + r"(?:week|wk)\b", _LB + r"(?:weekly|pw|p/w)\b"],
    "month": [
        _PER + r"(?:month|mo|mth|mies|mois|mc|maand|mes|mês|mese|miesiąc)\b",
        _LB + r"(?:im|pro)\s+monat\b",
        _LB + r"(?:monthly|pcm|p\.m\.|monatlich|mensuel(?:le)?|mensual|miesi[eę]cznie)",
        _LB + r"(?:pro|par|por|al)\s+(?:monat|mois|m[eê]s)\b",
        r"brutto\s*/\s*monat",
        _LB + r"(?:(?:per|pr\.?|i|om)\s+(?:m[åa]neden|m[åa]naden|m[åa]ned|m[åa]nad|mnd|m[åa]n))\b",
        _LB + r"(?:/\s?(?:mnd|m[åa]n|m[åa]ned)|m[åa]nedlig|m[åa]natlig|al\s+mese|mensile)\b",
        r"monatsgehalt|monatslohn|monatsbrutto|bruttomonat|m[åa]nedsl[øo]nn?|m[åa]nadsl[öo]n|"
        r"salaire\s+mensuel|salario\s+mensual|stipendio\s+mensile|maandsalaris|maandloon",
        _LB + r"(?:per\s+bulan|/\s?bulan|sebulan|/\s?tháng|mỗi\s+tháng|aylık|/\s?ay|в\s+месяц|/\s?мес|"
        r"на\s+місяць|/\s?міс|за\s+місяць)(?![^\W\d_])",
        _LB + r"(?:měsíčně|mesačne|měsíc|mesiac|havonta|lunar|/\s?kk|kuukaudessa)(?![^\W\d_])",
    ],
    "year": [
        _PER + r"(?:year|yr|annum|anum|an|jaar|jahr|año|ano|anno|rok)\b",
        _LB + r"(?:im|pro)\s+jahr\b",
        _LB + r"(?:annually|annual|yearly|p\.\s?a\.?|pa|LPA|rocznie|j[aä]hrlich)\b",
        _LB + r"(?:pro|par|por|al)\s+(?:jahr|an|año|ano)\b",
        r"brut\s+annuel",
        _LB + r"(?:(?:per|pr\.?|om)\s+(?:[åa]r|[åa]ret)|/\s?[åa]r|[åa]rlig|[åa]rligen)(?![^\W\d_])",
        _LB + r"(?:all['’]anno|annuo|annui|lordi\s+annui)(?![^\W\d_])",
        r"jahresgehalt|jahreslohn|jahresbrutto|bruttojahres|jahressal[äa]r|[åa]rsl[öø]nn?|"
        r"salaire\s+annuel|salario\s+anual|jaarsalaris|jaarloon|vuosipalkka",
        _LB + r"RAL\b",
        _LB + r"(?:per\s+tahun|/\s?tahun|setahun|/\s?năm|mỗi\s+năm|yıllık|в\s+год|на\s+рік|за\s+рік|i\s+året)"
        r"(?![^\W\d_])",
    ],
}
# Pastes glue words together ("$23/hrBenefits"), so a period word ends where lower case stops.
# Most of their alternatives open with a lookbehind, so each is led by the gate of the characters it
# can open with (4 times faster).
_PERIOD_RES: list[tuple[Period, re.Pattern[str]]] = [
    (period, first_character_gate("|".join(words).replace(r"\b", r"(?!(?-i:[a-z]))"), re.IGNORECASE))
    for period, words in _PERIOD_WORDS.items()
]

# Words that make a nearby amount pay.
# Period nouns in the languages above, so a "per ..." that names none of them is a price of something.
_PERIOD_NOUNS = (
    r"hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|mths?|years?|yrs?|annum|anum|an|year|stunde|heure|"
    r"hora|uur|tag|jour|d[ií]a|monat|mois|m[eê]s|jahr|año|ano|jaar|maand|[åa]r|timme|time|mnd|m[åa]ned|"
    r"m[åa]nad|pa|hr|bulan|tahun|jam|hari|minggu|tháng|năm|giờ|месяц|мес|місяць|міс|час|год|рік"
)
# Grouped by first letter, so the search skips to the letters that can start a word of the list
# (the windows it scans are short, but it runs per figure).
_PAY_WORDS_RE = FoldedPattern(
    first_letter_branches(
        (
            r"salary|salaries|\bpay\b|\bpays\b|paid|payment|\bpay\s?rate|compensation|\bcomp\b|wages?|"
            r"\brate\b|\bbase\b|\bearn|\bmake\b|income|remuneration|stipend(?=\s+of)|\bote\b|"
            r"on[- ]target|gehalt|salaire|r[ée]mun[ée]ration|sueldo|salario|wynagrodzenie|pensja|\bl[oø]n\b|"
            r"l[øö]nn?\b|salaris|\bloon\b|stipendio|retribuzione|\bral\b|palkka|mzda|\bplat\b|fizet[ée]s|maa[şs]|"
            r"[üu]cret|gaji|upah|lương|зарплат|оклад|заробітн|sal[áa]rio|vencimento|"
            r"starting\s+at|starts\s+at|\brange|package|ctc|per\s+hour|hourly|annual"
        ).split("|")
    )
)
# Words that make a nearby amount something other than base pay.
# Each cue starts a word: "Stockholm" names no stock, "Marketa" no market.
_NOT_PAY_LEFT_RE = first_character_gate(
    r"%\s+of\s+(?:base|salary|annual|pay)|(?<![^\W\d_])(?:"
    r"bonus|sign[- ]?on|signing|relocation|tuition|reimburse|allowance|per\s+diem|tips?\b|gratuit|"
    r"referral|budget|revenue|sales\s+of|in\s+sales|funding|raised|valuation|\bARR\b|assets|"
    r"median|average|\bavg\b|mean\b|percentile|quartile|market\b|benchmark|typical(?:ly)?\s+(?:earn|make)|"
    r"insurance|life\s+insurance|401|403\(?b|\bHSA\b|\bFSA\b|match|pension|retirement|discount|"
    r"donat|grant|gift|fundrais|worth|cost|price|fee\b|fees\b|deposit|loan|savings|spend|\bsaves?\b|saving|"
    r"purchases?|investors?|capital\b|\bequity\b|stocks?\b|shares|credits?\b|voucher|award|prize|"
    r"if\s+you\s+(?:make|earn)|less\s+than|more\s+than|maybe|might|could|potential|"
    r"shift\s+differential|differential|overtime|premium|mile|mileage|commission\s+of|"
    r"per\s+transaction|per\s+client|per\s+referral|per\s+sale|client\s+may|"
    r"dataset|roles?\s+(?:we|in\s+our)|positions?\s+with|across\s+all|category|estimated|"
    r"typical\s+pay|in\s+your\s+area|session|per[- ]visit|per[- ]project|lump[- ]sum|one[- ]time|"
    r"tickets?|pricing|priced|subscriptions?|memberships?|plans?\s+(?:range|start|cost)|expenses?|"
    r"limit|charges?|charging|bill(?:s|ed|ing)?|invoices?|clients?\s+pay|customers?\s+pay|"
    r"variable\s+incentive|incentive|(?:verkaufs|waren|gesamt)?wert\b|warenpaket|weighting|"
    # "plus London weighting of £4,000", "plus a car allowance of": an add-on to the pay before it.
    r"plus\b[^.\d]{0,30}\bof\s*$)",
    re.IGNORECASE,
)
_NOT_PAY_RIGHT_RE = re.compile(
    r"^[\s:,.)\]-]{0,3}(?:\+?\s*(?:in|of|worth\s+of)\s+|annual\s+|one[- ]time\s+|cash\s+)?"
    r"(?:sign[- ]?on|signing|bonus|relocation|stipend|allowance|tips|in\s+tips|referral|"
    r"budget|revenue|funding|sales|ARR|assets|in\s+assets|valuation|reimbursement|credit|"
    r"match|per\s+mile|mile|tuition|grant|gift|donation|raise|company|business|firm|"
    r"market|insurance|savings|commission|equity|stock|worth|fee|deposit|loan|cost|"
    r"billion|bn|trillion|in\s+(?:client|annual|yearly)|clients?|customers?|users?|members?|"
    r"inventory|gmv|volume|purchases|payments|deals|pipeline|bookings|orders|investments?|loans|claims|"
    r"spend|ad\s?spend|products|goods|hardware|software|services|contracts|consulting\s+rates?|billable|"
    r"employees|people|students|patients|homes|projects?|transactions?|units|facility|"
    r"\(?\s*(?:glassdoor|indeed|estimated)\s+est(?:imate)?)\b(?!\s*:)",
    re.IGNORECASE,
)
# "$600/month phone and internet allowance": the thing paid for comes a few words later.
_NOT_PAY_SOON_RE = re.compile(
    r"^[\s:,.)\]-]{0,3}(?:(?!(?:plus|and|with|or)\b)[A-Za-z'-]+\s+(?:(?!(?:plus|with)\b)[A-Za-z'-]+\s+){0,2})?"
    r"(?:allowance|stipend|bonus(?:es)?|reimbursement|relocation|budget|tips|credit|discount|match|"
    r"per\s+diem|voucher|gift\s+card)\b",
    re.IGNORECASE,
)
_SECONDARY_PAY_RE = FoldedPattern(
    r"\bote\b|on[- ]target|target\s+earnings|commission|total\s+comp|total\s+earnings|earning\s+potential"
)
_QUALIFIER_RE = re.compile(alternation("pay_qualifiers"), re.IGNORECASE)
_BASE_PAY_RE = FoldedPattern(r"\bbase\b|salary|hourly|\brate\b|\bwage")
_HEDGE_RE = first_character_gate(
    r"\b" + alternation("pay_up_to", space=r"\s+") + r"\b|\bbis\s+(?:zu\s+)?$|\bjusqu['’]?\s?à", re.IGNORECASE
)
_FROM_RE = first_character_gate(
    r"\b" + alternation("pay_from", space=r"\s+") + r"\s*$|\b(?:from|starting|starts?)\b[^.,;\n]{0,25}$",
    re.IGNORECASE,
)
_AND_UP_RE = re.compile(
    r"^\s*(?:\+(?!\s*[A-Za-z])|\(?\s*(?:and|or)\s+(?:up|more|above|higher)|plus\b(?!\s+(?:bonus|commission|benefits|tips|equity))|and\s+up|or\s+more|and\s+above|\bor\s+higher|\bminimum)",
    re.I,
)
# "between", and its kin, which make "and" a range: "entre 45 et 55 k€", "zwischen 8000 und 10000".
_BETWEEN_RE = first_character_gate(
    r"\b(?:between|entre|zwischen|tra|fra|tussen|między|mellan|mezi|från|mellem)\s*$", re.IGNORECASE
)
_SENTENCE_BREAK_RE = re.compile(r"[.!?;]\s+(?=[A-Z])|\n|\|")
_INDIAN_GROUPING_RE = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}")
# Currency names that are also units of weight.
_WEIGHT_NAMES = {"pound", "pounds"}
_BENEFIT_CODES_RE = re.compile(r"^(?:401|403|457)$")

# Plausible pay in US-dollar-sized units, by period.
_PLAUSIBLE: dict[Period, tuple[float, float]] = {
    "hour": (7.0, 600.0),
    "day": (40.0, 5000.0),
    "week": (150.0, 25000.0),
    "month": (500.0, 80000.0),
    "year": (8000.0, 3_000_000.0),
}


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    currency: str | None
    multiplier: float | None
    number_text: str
    # A bare "$" says dollars but not whose; a code elsewhere in the range may settle it.
    bare_dollar: bool = False
    period_hint: Period | None = None
    open_ended: bool = False
    # "1M" after "700k-": an "M" read as metres or minutes alone, but a million at the end of a range.
    million_dropped: bool = False


@dataclass
class _Candidate:
    start: int
    end: int
    low: float | None
    high: float | None
    currency: str | None
    period: Period | None
    period_explicit: bool
    pay_context: bool
    secondary: bool
    label: str | None
    currency_inferred: bool = False


# --- atoms ----------------------------------------------------------------------------------------


# Postings repeat their figures ("2", "401", "2025", "100,000"), and the value depends on the digits alone.
@lru_cache(maxsize=4096)
def _number_value(raw: str) -> float | None:
    text = raw.replace(" ", "").replace("\u202f", "").replace("'", "").replace("’", "")
    if _INDIAN_GROUPING_RE.fullmatch(text):
        return float(text.replace(",", ""))
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif commas or dots:
        sep = "," if commas else "."
        groups = text.split(sep)
        if len(groups) > 2 or (len(groups[-1]) == 3 and groups[0] != "0"):
            text = text.replace(sep, "")
        else:
            text = text.replace(sep, ".")
    try:
        return float(text)
    except ValueError:
        return None


class _PlaceHints:
    """Places named in the posting that settle a shared symbol ("kr" in an Oslo posting is NOK), read
    once per text and only when a shared symbol needs them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lowered: str | None = None
        # Several forms share one table of hints ("kr", "kr.", "krone"): each table is settled once per
        # text, so a paste of thousands of "1kr" costs one pass over it, not one per amount.
        self._settled: dict[int, str | None] = {}

    def settle(self, form: str, default: str) -> str:
        hints = SHARED_FORM_HINTS.get(form.casefold())
        if not hints:
            return default
        if id(hints) not in self._settled:
            self._settled[id(hints)] = self._first_named(hints)
        return self._settled[id(hints)] or default

    def _first_named(self, hints: dict[str, str]) -> str | None:
        if self._lowered is None:
            self._lowered = self._text.lower()
        # The place named first wins, so the answer never depends on the order of a table.
        best: tuple[int, str] | None = None
        for hint, code in hints.items():
            position = self._lowered.find(hint)
            if position >= 0 and (best is None or position < best[0]):
                best = (position, code)
        return best[1] if best else None


def _currency_code(symbol: str | None, places: _PlaceHints) -> str | None:
    if not symbol:
        return None
    symbol = symbol.strip()
    code = SYMBOL_TO_CODE.get(symbol) or SYMBOL_TO_CODE.get(symbol.rstrip("."))
    if code is None:
        named = NAME_TO_CODE.get(re.sub(r"\s+", " ", symbol.casefold()))
        if named:
            return places.settle(symbol, named)
        # "USD $" / "CAD$": a code followed by a dollar sign.
        bare = symbol.rstrip("$").strip().upper()
        return bare if bare in CURRENCIES else None
    return places.settle(symbol, code)


_NAME_WORDS_RE = re.compile(r"[ \t\u00a0]?([^\W\d_]+(?:\s+[^\W\d_]+){0,3})")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_LONGEST_NAME = max(len(name.split()) for name in NAME_TO_CODE)
# The first word of every currency name: after most figures comes a word no name starts with.
_NAME_FIRST_WORDS = frozenset(name.split(" ")[0] for name in NAME_TO_CODE)


# The first of those words alone (the same run of letters): most figures are followed by a word that
# starts no currency name, and that is told before the four words are read.
_NAME_FIRST_WORD_RE = re.compile(r"[ \t\u00a0]?([^\W\d_]+)")


def _currency_name_at(text: str, position: int) -> tuple[str, int] | None:
    """A currency named in words right after an amount ("50k euros", "120 000 Swiss francs"): the
    longest run of up to four words there that names one, and where it ends."""
    first = _NAME_FIRST_WORD_RE.match(text, position)
    if not first or first.group(1).casefold() not in _NAME_FIRST_WORDS:
        return None
    found = _NAME_WORDS_RE.match(text, position)
    if not found:
        return None
    words = list(_LETTERS_RE.finditer(found.group(1)))
    for count in range(min(len(words), _LONGEST_NAME), 0, -1):
        phrase = " ".join(w.group(0) for w in words[:count]).casefold()
        if phrase in NAME_TO_CODE:
            return phrase, found.start(1) + words[count - 1].end()
    return None


# A currency written before a number ends (spaces aside) with a code's last letter, a symbol's last
# character or "$".
_PREFIX_ENDS = frozenset(
    [code[-1] for code in CURRENCIES]
    + [symbol.rstrip()[-1] for symbol in SYMBOL_TO_CODE if symbol.strip()]
    + ["$"]
)


def _may_end_a_prefix(window: str) -> bool:
    """Whether the characters before a number may end with a written currency: most numbers follow a
    space after a word, and that is told before the currency pattern is tried at each place."""
    stripped = window.rstrip()
    return bool(stripped) and stripped[-1] in _PREFIX_ENDS


# Real postings write at most a few dozen figures (52 in the busiest of 805 sample postings); reading a
# paste's first 200 keeps every real one whole while a paste of 50,000 crafted "$1," stays quick.
_MAX_AMOUNTS = 200


def _find_atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    places = _PlaceHints(text)
    for match in _NUMBER_RE.finditer(text):
        if len(atoms) >= _MAX_AMOUNTS:
            break
        number_text = match.group("number")
        value = _number_value(number_text)
        if value is None:
            continue
        number_start = match.start("number")
        window_start = max(0, number_start - 8)
        before_match = (
            _PREFIX_RE.search(text, window_start, number_start)
            if _may_end_a_prefix(text[window_start:number_start])
            else None
        )
        prefix = before_match.group("prefix") if before_match else None
        after = _AFTER_RE.match(text, match.end())
        suffix, mult = (after.group("suffix"), after.group("mult")) if after else (None, None)
        end = after.end() if after else match.end()
        if suffix is None:
            named = _currency_name_at(text, end)
            if named:
                suffix, end = named
        before = text[max(0, number_start - 1) : number_start]
        if before.isalpha() and not prefix:
            continue  # part of a word or code such as "B2B", "COVID19"
        if _BENEFIT_CODES_RE.match(number_text) and not prefix:
            continue  # 401(k), 403b, 457 plans
        multiplier = _MULTIPLIERS.get(mult.lower()) if mult else None
        if mult in {"m", "M"} and not (prefix or suffix):
            multiplier = None  # "5m" is more often metres or minutes than millions
        prefix_code = _currency_code(prefix, places) if prefix else None
        suffix_code = _currency_code(suffix, places) if suffix else None
        if suffix and suffix.casefold() in _WEIGHT_NAMES and value * (multiplier or 1.0) < 1000:
            suffix_code = None  # "lift up to 50 pounds" is a weight
        bare_dollar = prefix is not None and prefix.strip() == "$"
        currency = prefix_code or suffix_code
        if bare_dollar and suffix_code:
            currency, bare_dollar = suffix_code, False
        if currency is None and (
            (multiplier and multiplier in (1e5, 1e7)) or _INDIAN_GROUPING_RE.fullmatch(number_text)
        ):
            currency = "INR"  # lakh and crore, and 12,00,000 grouping, are Indian
        atoms.append(
            _Atom(
                start=before_match.start() if before_match else number_start,
                end=end,
                value=value * (multiplier or 1.0),
                currency=currency,
                multiplier=multiplier,
                number_text=number_text,
                bare_dollar=bare_dollar,
                period_hint="year" if mult and mult.upper() == "LPA" else None,
                open_ended=bool(after and after.group("plus")),
                million_dropped=mult in {"m", "M"} and multiplier is None,
            )
        )
    return atoms


# --- ranges and context ---------------------------------------------------------------------------


_SHORT_LABEL_RE = re.compile(r"\s*[^\W\d_][\w.()/-]*(?:\s+[\w.()/-]+){0,2}\s*:\s*")


def _clause_before(text: str, start: int, width: int = 90) -> str:
    window = text[max(0, start - width) : start]
    parts = _SENTENCE_BREAK_RE.split(window)
    clause = parts[-1] if parts else window
    if not clause.strip() and len(parts) > 1:
        # The amount opens its own line: a short heading line above it ("Annual Salary Range") is its label.
        heading = next((p for p in reversed(parts[:-1]) if p.strip()), "")
        if len(heading) <= 60 and not heading.rstrip().endswith((".", "!", "?")):
            clause = heading + " "
    elif _SHORT_LABEL_RE.fullmatch(clause) and len(parts) > 1:
        # "Salary band:" / "Minimum: $92,000" / "Maximum: ...": a list of labelled figures under a heading.
        heading = next(
            (p for p in reversed(parts[-4:-1]) if p.strip() and not any(c.isdigit() for c in p)), ""
        )
        # Only a pay heading of its own ("Salary band:"): prose above would bring its own words along.
        if len(heading) <= 40 and heading.rstrip().endswith(":") and _PAY_WORDS_RE.search(heading):
            clause = heading + " " + clause
    return clause


def _clause_after(text: str, end: int, width: int = 45) -> str:
    window = text[end : end + width]
    match = _SENTENCE_BREAK_RE.search(window)
    return window[: match.start()] if match else window


def _period_in(fragment: str, *, anchored: bool) -> Period | None:
    """The first period word in ``fragment`` (anchored: near its start), else the last one."""
    best: tuple[int, Period] | None = None
    for period, pattern in _PERIOD_RES:
        for found in pattern.finditer(fragment):
            position = found.start() if anchored else -found.end()
            if best is None or position < best[0]:
                best = (position, period)
            if anchored:
                break
    if best is None:
        return None
    if anchored and best[0] > 30:
        return None
    return best[1]


_PERIOD_ADJECTIVE_RE = re.compile(r"annual|yearly|monthly|weekly|daily|hourly", re.IGNORECASE)


def _leading_period(right: str) -> tuple[Period | None, str]:
    """The period written right after an amount, and what follows it."""
    rest = right
    plus = re.match(r"^\s*\+", rest)
    if plus:
        rest = rest[plus.end() :]
    code = re.match(rf"^\s?(?:{_CODES})(?![A-Za-z])", rest)
    if code:
        rest = rest[code.end() :]
    best: tuple[int, int, Period] | None = None
    for period, pattern in _PERIOD_RES:
        found = pattern.search(rest, 0, 40)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), found.end(), period)
    if best is None or best[0] > 30:
        return None, right
    # "$140,000 + Annual Bonus": after a plus, "annual" describes the add-on, not the amount.
    if (
        plus
        and _PERIOD_ADJECTIVE_RE.fullmatch(rest[best[0] : best[1]].strip())
        and re.match(r"\s+\w", rest[best[1] :])
    ):
        return None, right
    between = rest[: best[0]]
    # "$80,000 plus bonuses per year": the period may follow a short aside, but not another amount
    # ("$104,000 - $124,800 (about $50 - $60 per hour)").
    if len(between.split()) > 4 or any(ch.isdigit() for ch in between):
        return None, right
    return best[2], rest[best[1] :]


_PLACE_WORD = r"(?:[A-Z][\w.'&-]*|area|areas|metropolitan|metro|region|city|and|of)"
_PLACE_PHRASE_RE = re.compile(
    rf"\b(?i:across|within|in|for|based\s+in)\s+(?:the\s+|our\s+)?(?P<place>[A-Z][\w.'&-]*(?:[\s,]+{_PLACE_WORD})*)"
)
_THOSE_PLACES_RE = first_character_gate(
    r"\b(?:those|these|such)\s+(?:locations|areas|cities|markets)\b", re.IGNORECASE
)
_TRAILING_FILLER_RE = re.compile(r"(?:[\s,]+(?:[a-z][\w'-]*|and|of))+$")
_LABEL_TRIM_RE = re.compile(r"(?:\s+(?:is|are|of|at|from|to|be|will|the|a|an|this|role|position))+$", re.I)


def _place_label(sentence: str) -> str | None:
    places = [m.group("place") for m in _PLACE_PHRASE_RE.finditer(sentence)]
    if not places:
        return None
    place = _TRAILING_FILLER_RE.sub("", places[-1]).strip(" ,")
    return place if len(place) >= 2 and place.lower() not in {"a", "the", "our"} else None


def _label_for(text: str, start: int, left: str) -> str | None:
    """What a range applies to: a place named before it ("within the San Francisco Bay area"), else its
    pay label ("Salary Range", "Base salary starting at")."""
    sentence = _clause_before(text, start, 220)
    place = _place_label(sentence)
    if place is None and _THOSE_PLACES_RE.search(sentence):
        sentence_start = start - len(sentence)
        place = _place_label(_clause_before(text, max(0, sentence_start - 2), 220))
    if place:
        return place
    before_colon, _, after_colon = left.rpartition(":")
    phrase = after_colon if after_colon.strip() else before_colon.rsplit(":", 1)[-1]
    pay_word = _PAY_WORDS_RE.search(phrase)
    if pay_word:
        phrase = phrase[pay_word.start() :]
    words = phrase.strip(" :-,([").split()
    label = _LABEL_TRIM_RE.sub("", " ".join(words[:6])).strip(" :-,(")
    return label or None


# "USD$284,000 per year - USD$315,500 per year": each end may carry the period.
_PERIOD_BEFORE_JOIN_RE = re.compile(
    r"^\s*(?:per\s+(?:year|annum|month|hour|week|day)|/\s?(?:yr|year|mo|month|hr|hour|wk|day)|an?\s+(?:year|hour))"
    r"(?=\s*(?:-|to|–)\s*$)",
    re.IGNORECASE,
)


def _join_ranges(text: str, atoms: list[_Atom]) -> list[tuple[_Atom, _Atom | None]]:
    """Pair atoms that form "A - B" ranges."""
    joined: list[tuple[_Atom, _Atom | None]] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        if index + 1 < len(atoms):
            nxt = atoms[index + 1]
            gap = _PERIOD_BEFORE_JOIN_RE.sub("", text[atom.end : nxt.start], count=1)
            between = bool(_BETWEEN_RE.search(text[max(0, atom.start - 12) : atom.start]))
            join = _RANGE_JOIN_RE.match(gap) if len(gap) <= 12 else None
            if join and (gap.strip() or between) and (not join.group("conjunction") or between):
                joined.append((atom, nxt))
                index += 2
                continue
        joined.append((atom, None))
        index += 1
    return joined


def _reconcile(low: _Atom, high: _Atom) -> tuple[float, float]:
    lo, hi = low.value, high.value
    # "120-150k", "$18-34": a multiplier written once applies to both ends.
    if high.multiplier and not low.multiplier and lo * high.multiplier <= hi * 1.01:
        lo *= high.multiplier
    elif low.multiplier and not high.multiplier and hi < lo and hi * low.multiplier >= lo:
        hi *= low.multiplier
    elif high.million_dropped and low.multiplier and hi < lo <= hi * 1e6:
        hi *= 1e6  # "NOK 700k-1M"
    elif high.million_dropped and low.currency and not low.multiplier and lo <= hi:
        lo, hi = lo * 1e6, hi * 1e6  # "JPY 6-9M", "¥6-9M": the currency makes the "M" millions
    elif (
        not low.multiplier
        and not high.multiplier
        and lo < 1000
        and lo == int(lo)
        and hi >= 1000
        and re.fullmatch(r"\d{1,3}[,.'’ ]000", high.number_text)
        and hi / 5 <= lo * 1000 <= hi
    ):
        lo *= 1000  # "£40-60,000": the thousands are written once, on the upper end
    return lo, hi


def plausible_pay(value: float, currency: str, period: Period) -> bool:
    """Whether ``value`` can be pay per ``period`` in ``currency``: finite, positive and inside the band
    for its period (in US-dollar-sized units). Every source of a figure goes through this."""
    if not math.isfinite(value) or value <= 0:
        return False
    info = CURRENCIES.get(currency)
    scale = info.usd_scale if info else 1.0
    low, high = _PLAUSIBLE[period]
    if scale >= 20:
        low /= 5  # where a dollar buys much more, local pay is far lower in dollar terms
    return low <= value / scale <= high


def _usd_sized(value: float, currency: str) -> float:
    info = CURRENCIES.get(currency)
    return value / (info.usd_scale if info else 1.0)


# Where a year's professional pay can be a few thousand dollars; elsewhere a figure that small is a
# month's pay ("80-120k CZK" is monthly, "INR 400k" yearly).
_LOW_PAY_CURRENCIES = {"INR", "PKR", "BDT", "NGN", "KES", "EGP", "VND", "IDR", "PHP"}


def infer_period(bounds: list[float], currency: str, *, pay_stated: bool) -> Period | None:
    """The period a figure without one must have, by its size: a salary-sized figure is yearly; with a
    pay word or a pay slot in the header, a wage-sized one ("Pay: $18 - $20") is hourly and a
    month-sized one ("zwischen 8000 CHF und 10000 CHF") monthly. Sizes in between are left alone."""
    info = CURRENCIES.get(currency)
    scale = info.usd_scale if info else 1.0
    cheap = scale >= 20  # local pay is far lower in dollar terms there
    year_floor = 2_500 if currency in _LOW_PAY_CURRENCIES else 8_000 if scale >= 3 else 15_000
    sized = [_usd_sized(v, currency) for v in bounds]
    if all(year_floor <= v <= 1_000_000 for v in sized):
        return "year"
    if not pay_stated:
        return None
    if all((200 if cheap else 1_000) <= v <= 12_000 for v in sized):
        return "month"
    if all((1.5 if cheap else 7) <= v <= 200 for v in sized):
        return "hour"
    return None


_HEADER_SPLIT_RE = re.compile(r"\s*(?:\||•|·|\s[-–—]\s)\s*")
_HEADER_LINES = 4
_HEADER_CHARS = 600
_HEADER_SEGMENT_WORDS = 5


def _in_header_slot(text: str, start: int, end: int, *, words_beside: int = _HEADER_SEGMENT_WORDS) -> bool:
    """Whether an amount fills a short segment of the posting's header ("Leeds | £45K - £60K | Remote",
    "Backend Developer - €60k-€80k - Remote"), where a figure stands for the pay without a pay word."""
    if start > _HEADER_CHARS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text.count("\n", 0, line_start) >= _HEADER_LINES:
        return False
    # A header segment is short: reading past 600 characters after the amount would only make every
    # amount of a one-line paste cost the whole line.
    line_end = text.find("\n", end, end + _HEADER_CHARS)
    line = text[line_start : line_end if line_end >= 0 else end + _HEADER_CHARS]
    # The amount itself may hold a separator ("£45K - £60K"): stand it in with one mark first.
    marked = line[: start - line_start] + "\x00" + line[end - line_start :]
    pieces = _HEADER_SPLIT_RE.split(marked)
    # A line of its own may carry the pay too ("c.£22,000"), but then with next to nothing beside it.
    allowed = words_beside if len(pieces) > 1 else min(words_beside, 1)
    for piece in pieces:
        if "\x00" in piece:
            return len(re.findall(r"[^\W\d_]{2,}", piece)) <= allowed
    return False


def _document_currency(atoms: list[_Atom]) -> str | None:
    """The currency written most often; a tie goes to the one written first (never to the order in
    which a set happens to iterate)."""
    codes = [a.currency for a in atoms if a.currency]
    if not codes:
        return None
    counts = Counter(codes)
    return max(dict.fromkeys(codes), key=lambda code: counts[code])


_AMOUNT_OF_RE = re.compile(
    r"^\s*\+?\s*(?:of|worth(?:\s+of)?)\s+(?!(?:base|salary|pay|compensation|cash|your|the\s+first)\b)"
    r"(?!(?:an?|per|each)\s+(?:year|month|week|day|hour)\b)"
    # "$500 per article", "$200 per referral": a price of something, not a wage per period.
    rf"|^\s*\+?\s*(?:per|each|for\s+each|for\s+every)\s+(?!(?:{_PERIOD_NOUNS})(?-i:(?![a-zà-ÿ])))[^\W\d_]"
    # "40 USD for 1 person", "$150 for each session": also a price per thing.
    rf"|^\s*\+?\s*for\s+(?:an?|one|each|every|\d+)\s+(?!(?:{_PERIOD_NOUNS})(?-i:(?![a-zà-ÿ])))[^\W\d_]",
    re.IGNORECASE,
)
# "160k-200k CHF/USD": the same range in a second currency.
_CODE_AFTER_RE = re.compile(rf"^\s?({_CODES})\b")
_SECOND_CODE_RE = re.compile(rf"^\s?/\s?({_CODES})\b")


# A pay label right before a figure that names no currency: "Salary range:", "Gehalt:", "pay is".
_PAY_LABEL_ENDS_RE = FoldedPattern(
    r"(?:salary|pay|compensation|wage|rate|remuneration|package|ctc|gehalt|lohn|verg[üu]tung|"
    r"salaire|r[ée]mun[ée]ration|salario|sueldo|retribuzione|wynagrodzenie|l[öø]nn?|salaris)"
    r"(?:\s+range)?\s*[:=]?"
    r"(?:\s+(?:is|are|of|from|between|will\s+be|starts?\s+at|up\s+to))*\s*$"
)


def _candidates(text: str) -> list[_Candidate]:
    atoms = _find_atoms(text)
    if not atoms:
        return []
    fallback_currency = _document_currency(atoms) or "USD"
    results: list[_Candidate] = []
    for low_atom, high_atom in _join_ranges(text, atoms):
        atoms_here = [low_atom] + ([high_atom] if high_atom else [])
        start, end = low_atom.start, atoms_here[-1].end
        right = _clause_after(text, end)
        specific = [a.currency for a in atoms_here if a.currency and not a.bare_dollar]
        explicit_currency = next(iter(specific), None) or next(
            (a.currency for a in atoms_here if a.currency), None
        )
        currency = explicit_currency
        currency_inferred = not specific
        # A code written after the range ("$218,540 - $218,540 USD") names its currency.
        code_after = _CODE_AFTER_RE.match(right)
        if code_after and (currency in (None, "USD") or code_after.group(1) == currency):
            currency = code_after.group(1)
            currency_inferred = False
            right = right[code_after.end() :]
        has_multiplier = any(a.multiplier for a in atoms_here)
        if currency is None and not (has_multiplier or low_atom.value >= 1000):
            # A small bare figure ("17 locations", "3 days a week") is never read as pay (see the
            # currency check below); most figures of a posting are such, so they leave before the
            # context around them is read.
            continue
        left = _clause_before(text, start)
        second_code = _SECOND_CODE_RE.match(right)
        other_currency = second_code.group(1) if second_code and not currency_inferred else None
        if second_code:
            right = right[second_code.end() :]
        pay_words = [m.group(0).lower() for m in _PAY_WORDS_RE.finditer(left[-70:])]
        pay_context = bool(pay_words)
        # "range", "package" or "base" alone do not say that a small figure is a wage ("price range $20").
        wage_stated = any(word not in _WEAK_PAY_WORDS for word in pay_words)
        if explicit_currency is not None:
            header_slot = _in_header_slot(text, start, end)
        else:
            # "| 120-150k |" with no currency: only when nothing else shares the segment.
            header_slot = (
                has_multiplier and high_atom is not None and _in_header_slot(text, start, end, words_beside=0)
            )
        if currency is None:
            label_right_before = _PAY_LABEL_ENDS_RE.search(left)
            # "We pay 60-80k depending on experience": a "k" range right after a wage word is pay too.
            wage_range = (
                wage_stated
                and has_multiplier
                and high_atom is not None
                and bool(_PAY_WORDS_RE.search(left[-30:]))
            )
            if not (
                (label_right_before or header_slot or wage_range)
                and (has_multiplier or low_atom.value >= 1000)
            ):
                continue
            currency = fallback_currency
        if _AMOUNT_OF_RE.match(right):
            continue  # "$60k+ of products a month", "$50k+ in sales": an amount of something else
        secondary = _nearest_is_secondary(left[-45:])

        period_after, right_rest = _leading_period(right)
        period_before = _period_in(left[-40:], anchored=False)
        hinted = next((a.period_hint for a in atoms_here if a.period_hint), None)
        period: Period | None = period_after or hinted or period_before
        period_explicit = period is not None
        if re.match(r"^[\s(]*(?:OTE|on[- ]target)\b", right_rest):
            secondary = True

        if high_atom is not None:
            lo, hi = _reconcile(low_atom, high_atom)
            if hi < lo:
                continue
            low_value: float | None = lo
            high_value: float | None = hi
        else:
            value = low_atom.value
            low_value = high_value = value
            if _HEDGE_RE.search(left[-14:]):
                low_value = None
            elif (
                low_atom.open_ended
                or _FROM_RE.search(left[-30:])
                or _AND_UP_RE.match(right_rest)
                or text[end : end + 1] == "+"
            ):
                high_value = None
        if _NOT_PAY_RIGHT_RE.match(right_rest) or _NOT_PAY_SOON_RE.match(right_rest):
            continue
        bounds = [v for v in (low_value, high_value) if v is not None]
        if not bounds:
            continue
        if period is None:
            period = infer_period(bounds, currency, pay_stated=wage_stated or header_slot)
            if period is None:
                continue
        if not all(plausible_pay(v, currency, period) for v in bounds):
            continue
        if _looks_like_other_money(left, right):
            continue
        # A range with a currency and a salary-sized figure reads as pay even without a pay word.
        bare_range = high_atom is not None and explicit_currency is not None and period == "year"
        if not (pay_context or period_explicit or bare_range or header_slot):
            continue
        for code in [currency] + ([other_currency] if other_currency and other_currency != currency else []):
            results.append(
                _Candidate(
                    start=start,
                    end=end,
                    low=low_value,
                    high=high_value,
                    currency=code,
                    period=period,
                    period_explicit=period_explicit,
                    pay_context=pay_context,
                    secondary=secondary,
                    label=_label_for(text, start, left),
                    currency_inferred=currency_inferred,
                )
            )
    return results


_WEAK_PAY_WORDS = {"range", "package", "base", "annual", "starting at", "starts at"}
_MIN_LABEL_RE = re.compile(r"^(?:min(?:imum)?|low|floor|start(?:ing)?)\b", re.IGNORECASE)
_MID_LABEL_RE = re.compile(r"^(?:mid(?:point)?|target|median)\b", re.IGNORECASE)
_MAX_LABEL_RE = re.compile(r"^(?:max(?:imum)?|high|top|ceiling)\b", re.IGNORECASE)


def _from_then_up_to(lower: _Candidate, upper: _Candidate) -> bool:
    """ "Minimum $90,000, maximum $130,000": a lower bound, then an upper bound right after it."""
    return (
        lower.high is None
        and lower.low is not None
        and upper.low is None
        and upper.high is not None
        and upper.high >= lower.low
        and (upper.currency, upper.period) == (lower.currency, lower.period)
        and upper.start - lower.end <= 40
    )


def _merge_min_max(found: list[_Candidate]) -> list[_Candidate]:
    """A band written as a list ("Min: $90,000 / Mid: $110,000 / Max: $130,000") is one range."""
    merged: list[_Candidate] = []
    index = 0
    while index < len(found):
        first = found[index]
        if index + 1 < len(found) and _from_then_up_to(first, found[index + 1]):
            upper = found[index + 1]
            merged.append(replace(first, end=upper.end, high=upper.high))
            index += 2
            continue
        if first.label and _MIN_LABEL_RE.match(first.label):
            run = [first]
            for nxt in found[index + 1 : index + 3]:
                same_unit = (nxt.currency, nxt.period) == (first.currency, first.period)
                if not (same_unit and nxt.label and nxt.start - run[-1].end <= 40):
                    break
                run.append(nxt)
                if _MAX_LABEL_RE.match(nxt.label):
                    break
                if not _MID_LABEL_RE.match(nxt.label):
                    run.pop()
                    break
            last = run[-1]
            if len(run) > 1 and last.label and _MAX_LABEL_RE.match(last.label):
                low = first.low if first.low is not None else first.high
                high = last.high if last.high is not None else last.low
                merged.append(replace(first, end=last.end, low=low, high=high, label=None))
                index += len(run)
                continue
        merged.append(first)
        index += 1
    return merged


def _nearest_is_secondary(left: str) -> bool:
    """Whether the closest pay cue before an amount names commission/OTE rather than base pay."""
    secondary = [m.end() for m in _SECONDARY_PAY_RE.finditer(left)]
    base = [m.end() for m in _BASE_PAY_RE.finditer(left)]
    return bool(secondary) and (not base or secondary[-1] > base[-1])


_EQUITY_SHARE_AFTER_RE = re.compile(
    r"^\s*[/,+&]?\s*(?:and\s+)?\d+(?:\.\d+)?\s?\+?\s?(?:-\s?\d+(?:\.\d+)?\s?)?%"
)


def _looks_like_other_money(left: str, right: str) -> bool:
    if _NOT_PAY_RIGHT_RE.match(right):
        return True
    negatives = list(_NOT_PAY_LEFT_RE.finditer(left[-60:]))
    if not negatives:
        return False
    negative = negatives[-1]
    if negative.group(0).lower() in {"equity", "stock", "stocks"} and _EQUITY_SHARE_AFTER_RE.match(right):
        return False  # "equity are competitive ($115K-$170K / 0.2+%)": the cash half of a pay-and-equity pair
    # The nearest cue wins: "Salary: $80k plus bonus" is pay, "bonus of $5k" is not...
    tail = left[-60:][negative.end() :]
    pay_word = _PAY_WORDS_RE.search(tail)
    if not pay_word:
        return True
    # ...unless the cue qualifies the pay word itself: "average salary", "overtime paid".
    return bool(_QUALIFIER_RE.match(negative.group(0))) and len(tail[: pay_word.start()].split()) <= 1


def _span_text(text: str, candidate: _Candidate) -> str:
    end = candidate.end
    right = _clause_after(text, end, 30)
    for _period, pattern in _PERIOD_RES:
        found = pattern.search(right)
        if found and found.start() <= 12:
            end = max(end, candidate.end + found.end())
    code_after = re.match(rf"^\s?(?:{_CODES})\b", text[end : end + 5])
    if code_after:
        end += code_after.end()
    return text[candidate.start : end].strip()


_LIST_ITEM_RE = re.compile(r"^\s*(?:[*•·▪-]|#?\d{1,2}[.):]|#\d{1,2})\s+(?P<item>\S.*)$")


def _list_item_of(text: str, start: int) -> str | None:
    """What a list item says before the amount it holds ("BACKEND ENGINEER,"), or None off a list."""
    line_start = text.rfind("\n", 0, start) + 1
    found = _LIST_ITEM_RE.match(text[line_start:start])
    return found.group("item").strip(" ,:-").casefold() if found else None


def extract_salary_ranges(text: str) -> list[SalaryRange]:
    """Every pay range the text states, in order of appearance."""
    found = _merge_min_max(_candidates(text))
    primary = [c for c in found if not c.secondary] or found
    ranges: list[SalaryRange] = []
    # The same range restated later in the posting is one range, not two.
    seen: set[tuple[float | None, float | None, str | None, str | None, str | None]] = set()
    for candidate in primary:
        assert candidate.currency is not None and candidate.period is not None
        # ...but the same figures on two list items are two roles ("* Backend, $100-130k", "* Mobile, ...").
        item = _list_item_of(text, candidate.start)
        key = (candidate.low, candidate.high, candidate.currency, candidate.period, item)
        if key in seen:
            continue
        seen.add(key)
        ranges.append(
            SalaryRange(
                min=candidate.low,
                max=candidate.high,
                currency=candidate.currency,
                period=candidate.period,
                text=_span_text(text, candidate),
                label=candidate.label,
                period_inferred=not candidate.period_explicit,
                currency_inferred=candidate.currency_inferred,
            )
        )
    return ranges


def salary_envelope(ranges: list[SalaryRange]) -> Salary | None:
    """The envelope of the ranges in the first range's currency and period."""
    if not ranges:
        return None
    first = ranges[0]
    same = [r for r in ranges if r.currency == first.currency and r.period == first.period]
    lows = [r.min for r in same if r.min is not None]
    highs = [r.max for r in same if r.max is not None]
    return Salary(
        min=min(lows) if lows else None,
        max=max(highs) if highs else None,
        currency=first.currency,
        period=first.period,
        text=first.text,
        period_inferred=first.period_inferred,
        currency_inferred=first.currency_inferred,
    )


def extract_salary(text: str) -> Salary | None:
    return salary_envelope(extract_salary_ranges(text))
