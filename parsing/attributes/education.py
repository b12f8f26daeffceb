"""The education levels a posting asks for."""

from __future__ import annotations

import re
from typing import Final

from parsing.lines import load, needles
from parsing.models import EDUCATION_ORDER, Education

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
