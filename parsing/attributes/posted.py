"""The date a posting was published."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from parsing.lines import load, needles

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
