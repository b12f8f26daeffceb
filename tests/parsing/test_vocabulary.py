"""The word lists under parsing/data/words and the patterns built from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parsing.vocabulary import alternation, phrase_set, phrases, word_pattern

_WORDS = Path(__file__).resolve().parents[2] / "parsing" / "data" / "words"
_KINDS = sorted(path.stem for path in _WORDS.glob("*.txt"))


@pytest.mark.parametrize("kind", _KINDS)
def test_every_list_has_a_header_comment_and_phrases(kind: str) -> None:
    first = (_WORDS / f"{kind}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")
    assert phrases(kind)
    assert all(p == p.strip() and not p.startswith("#") for p in phrases(kind))


def test_a_phrase_is_never_cut_short_by_one_that_begins_it() -> None:
    # "job" listed before "job posting" must still let the longer label win in an unanchored match.
    pattern = re.compile("^" + alternation("labels_title"), re.I)
    m = pattern.match("Job Posting: Data Engineer")
    assert m is not None and m.group() == "Job Posting"


def test_phrases_are_literal_text() -> None:
    # "b.v" is a legal form, not "b" followed by any character.
    suffix = re.compile(r"\b" + alternation("company_suffixes") + r"$", re.I)
    assert suffix.search("Nimbus B.V")
    assert not suffix.search("Nimbus Bxv")


def test_a_space_can_stand_for_any_run_of_spaces() -> None:
    loose = re.compile(alternation("pay_up_to", space=r"\s+") + "$", re.I)
    assert loose.search("up  to")
    assert not re.compile(alternation("pay_up_to") + "$", re.I).search("up  to")


def test_word_pattern_reads_whole_words_only() -> None:
    not_a_place = word_pattern("not_a_place_words")
    assert not_a_place.search("Acme Corp")
    assert not not_a_place.search("Incline Village")  # "inc" inside a word


def test_phrase_set_folds_case() -> None:
    assert "company" in phrase_set("labels_company")
    assert all(p == p.casefold() for p in phrase_set("header_badges"))
