"""The word and phrase lists the extractors match, kept as data in ``data/words/<kind>.txt``.

A list is one phrase a line, grouped by language under ``#`` comments, so teaching the parser another
language's section headings or badges is a data edit. The code keeps the genuine structure of each
pattern (anchors, look-arounds, what may follow a word) and takes the words from here; every list is
read and built into its alternation once, at import.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Final

_WORDS_DIR: Final = Path(__file__).with_name("data") / "words"


@cache
def phrases(kind: str) -> tuple[str, ...]:
    """The phrases of one list, in file order, without comments, blank lines or repeats."""
    text = (_WORDS_DIR / f"{kind}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


def phrase_set(*kinds: str) -> frozenset[str]:
    """Every phrase of the lists, for membership tests on text already folded to lower case."""
    return frozenset(phrase.casefold() for kind in kinds for phrase in phrases(kind))


def alternation(*kinds: str, space: str = " ") -> str:
    """A non-capturing group matching any phrase of the lists, to embed in a larger pattern.

    Phrases are escaped and tried longest first, so that a phrase is never cut short by another that
    begins it ("job posting" before "job"); ``space`` is what a space in a phrase matches (``r"\\s+"``
    where the text may wrap or pad)."""
    ordered = sorted({p for kind in kinds for p in phrases(kind)}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", space) for p in ordered) + ")"


def word_pattern(*kinds: str, flags: re.RegexFlag = re.IGNORECASE) -> re.Pattern[str]:
    """Any phrase of the lists as whole words (``\\b`` on both sides)."""
    return re.compile(r"\b" + alternation(*kinds) + r"\b", flags)
