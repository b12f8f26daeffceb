"""Headers in shapes and languages the dev files barely hold: pay lines in ten languages, region codes,
one-line headers cut by dashes, pipes, commas or slashes, workplace badges naming a region, emoji labels,
badges before a packed role, a firm's kind in the opening sentence, links after a name, notes naming more
places, German section headings after the header line.

Each case (``header_unseen.jsonl``, one a line, grouped by the kind of header it stands for) says what a
reader should take from the paste; no value where the paste does not show a field (precision over recall:
a pay line or a place is never a company or a title). Names are invented.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from parsing import parse_posting
from parsing.models import Workplace
from parsing.segments import pay_like

_BODY = "\n\nWe build tools for small clinics and need help shipping them."


@dataclass(frozen=True)
class Case:
    id: str
    kind: str  # the kind of header the case stands for
    paste: str
    title: str | None
    company: str | None = None
    places: tuple[str, ...] = ()
    workplace: Workplace | None = None
    # (min, max, currency, period) of the pay, or None when the case does not check it.
    pay: tuple[float, float, str, str] | None = None


def _load_cases(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pay = row.get("pay")
        cases.append(
            Case(
                id=row["id"],
                kind=row["kind"],
                paste=row["paste"],
                title=row["title"],
                company=row.get("company"),
                places=tuple(row.get("places", ())),
                workplace=row.get("workplace"),
                pay=(pay[0], pay[1], pay[2], pay[3]) if pay else None,
            )
        )
    return cases


# One case a line: the paste and what a reader should take from it.
CASES: list[Case] = _load_cases(Path(__file__).with_name("header_unseen.jsonl"))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_unseen_header(case: Case) -> None:
    posting = parse_posting(case.paste + _BODY)
    assert posting.title == case.title
    assert posting.company == case.company
    assert tuple(posting.locations) == case.places
    if case.workplace is not None:
        assert posting.workplace == case.workplace
    if case.pay is not None:
        assert posting.salary is not None
        salary = posting.salary
        assert (salary.min, salary.max, salary.currency, salary.period) == case.pay


@pytest.mark.parametrize(
    "segment",
    [
        "Salario: 30.000 €",
        "Gehalt: 60.000 – 75.000 € p.a.",
        "年収 800万円〜1200万円",
        "45 000 - 55 000 kr/månad",
        "Lön: 40 000 kr/mån",
        "CTC: 12-18 LPA",
        "AED 25,000 per month",
        "Salaire",
    ],
)
def test_pay_segments(segment: str) -> None:
    assert pay_like(segment)


@pytest.mark.parametrize(
    "segment",
    [
        "CTC Global",
        "Pay attention to detail",
        "Nimbus Analytics",
        "Senior Engineer",
        "Berlin 10115",
        "PayPal",
        "Software Engineer II",
    ],
)
def test_names_are_not_pay(segment: str) -> None:
    assert not pay_like(segment)
