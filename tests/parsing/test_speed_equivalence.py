"""Faster forms of the parser's text passes give what the plain forms they replace gave, on any text.

Each reference below is the form a pass had before it was made faster; the generated texts mix the
characters and words each pass reacts to with arbitrary text, so that the edge cases (markers at the
ends, runs of markers, characters wider than the rest of the text) come up.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing import text as text_module

# --- text preparation ----------------------------------------------------------------------------

_OLD_EMPHASIS_RE = re.compile(r"(\*{1,3}|_{2,3})(?=\S)([^*\n]{1,300}?)(?<=\S)\1")


def _old_fold_characters(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text_module._INVISIBLE_RE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text_module._TYPOGRAPHIC_RE.sub(lambda m: text_module._PLAIN_FORMS[m.group(0)], text)
    if any(space in text for space in text_module._ODD_SPACES):
        text = text_module._SPACES_RE.sub(" ", text)
    return text


_FOLDED_PIECES = [
    "\r\n",
    "\r",
    "\n",
    " ",
    "\t",
    "\u00a0",
    "\u2009",
    "\u3000",
    "\u00ad",
    "\u200b",
    "\ufeff",
    "\u2013",
    "\u2014",
    "\u2019",
    "\u201c",
    "\ufb01",  # the "fi" ligature: NFKC makes it ASCII
    "\uff11",  # a full-width digit
    "e\u0301",  # a combining accent, composed by NFKC
    "€",
    "é",
    "Pay",
    "$120k",
]
folded_text = st.lists(st.sampled_from(_FOLDED_PIECES) | st.text(max_size=3)).map("".join)

_MARKDOWN_PIECES = ["*", "**", "***", "****", "_", "__", "___", "____", " ", "\n", "a", "Go", "b c", "-"]
markdown_text = st.lists(st.sampled_from(_MARKDOWN_PIECES) | st.text(alphabet="*_ x\n", max_size=4)).map(
    "".join
)


@settings(max_examples=600, deadline=None)
@given(markdown_text)
def test_emphasis_pattern_reads_as_the_repeat_form(text: str) -> None:
    assert text_module._MD_EMPHASIS_RE.sub(r"\2", text) == _OLD_EMPHASIS_RE.sub(r"\2", text)
    assert [m.span() for m in text_module._MD_EMPHASIS_RE.finditer(text)] == [
        m.span() for m in _OLD_EMPHASIS_RE.finditer(text)
    ]


def test_emphasis_is_still_read_through() -> None:
    assert text_module.strip_markdown("a ***bold*** and __under__ and *it*") == "a bold and under and it"


@settings(max_examples=600, deadline=None)
@given(folded_text)
def test_folding_gives_what_the_ungated_passes_gave(text: str) -> None:
    assert text_module.fold_characters(text) == _old_fold_characters(text)


# --- first-character gates -----------------------------------------------------------------------

_GATED_SOURCES = [
    (r"(?<![a-z])hourly|/\s?hr|(?:per|an?)\s+(?:hour|h)\b", re.IGNORECASE),
    (r"(?:(?<![A-Za-z])|(?-i:(?<=[a-z])(?=[A-Z])))(?:pro|par)\s+(?:stunde|heure)|\bsalary\b", re.IGNORECASE),
    (r"x*(?:yz|\d{2,})|[a-c]+q", 0),
    (r"(?P<a>ab)?c|d(?=e)", 0),
    (r"(a|b)x?\1", 0),
]


def test_a_gate_leads_a_pattern_only_when_every_match_opens_with_a_known_character() -> None:
    from parsing.folded import first_character_gate

    assert first_character_gate(r"(?<![a-z])hourly|/hr", re.I).pattern.startswith("(?=[")
    for source in (r"a?", r".b", r"[^a]c", r"(?i)pay"):
        assert first_character_gate(source).pattern == source


_PERIOD_PIECES = [
    "per hour",
    "Per Year",
    "/hr",
    "/ Month",
    "a year",
    "an HOUR",
    "pro Stunde",
    "monatlich",
    "p.a.",
    "LPA",
    "RAL",
    "år",
    "årlig",
    "в месяц",
    "hrBenefits",
    "weekHourly",
    "ſ",
    "İ",
    "K",
    " ",
    "\n",
    "5",
    "-",
]
period_text = st.lists(st.sampled_from(_PERIOD_PIECES) | st.text(max_size=3)).map("".join)


@settings(max_examples=500, deadline=None)
@given(period_text)
def test_gated_period_patterns_match_where_the_plain_ones_do(text: str) -> None:
    from parsing.salary import _PERIOD_RES

    for _, gated in _PERIOD_RES:
        plain = re.compile(gated.pattern[gated.pattern.index("])(?:") + 5 : -1], gated.flags)
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcqxyzdeHOURLY /hrpesalty0123456789ſİ\n", max_size=30))
def test_gated_patterns_match_where_the_plain_ones_do(text: str) -> None:
    from parsing.folded import first_character_gate

    for source, flags in _GATED_SOURCES:
        gated, plain = first_character_gate(source, flags), re.compile(source, flags)
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


_GATED_SALARY_PATTERNS = [
    "_PREFIX_RE",
    "_NOT_PAY_LEFT_RE",
    "_HEDGE_RE",
    "_FROM_RE",
    "_BETWEEN_RE",
    "_THOSE_PLACES_RE",
]


def _words_of(source: str) -> list[str]:
    """The literal words and signs of a pattern's source, with case variants: text made of them comes
    near its matches."""
    words = re.findall(r"[^\W\d_]+|\d+|[$€£¥₹%+/]", source)
    return words + [w.upper() for w in words[::3]] + [w.title() for w in words[1::3]]


@pytest.mark.parametrize("name", _GATED_SALARY_PATTERNS)
def test_gated_salary_patterns_match_where_the_plain_ones_do(name: str) -> None:
    from parsing import salary

    gated: re.Pattern[str] = getattr(salary, name)
    plain = re.compile(gated.pattern[gated.pattern.index("])(?:") + 5 : -1], gated.flags)
    pieces = st.sampled_from(_words_of(plain.pattern)) | st.sampled_from(
        [" ", "  ", ":", "\n", "5", "ſ", "İ"]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join))
    def agree(text: str) -> None:
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for end in range(len(text) + 1):  # tried in windows, as the figure reader does
            found, expected = gated.search(text, 0, end), plain.search(text, 0, end)
            assert (found and found.span()) == (expected and expected.span())

    agree()
