"""Case-insensitive patterns that run on a lower-cased copy of ASCII text.

With ``re.IGNORECASE`` the regex engine cannot reject an alternative by its first letter, so a long
alternation of words ("salary|wages?|compensation|...") enters every alternative at every position.
Run without the flag on lower-cased text, the same pattern skips each alternative whose first letter
differs at once: several times faster on the short windows the extractors search.

The two runs agree exactly when the text is ASCII and the pattern is written in lower case (outside
escapes and group names) with no inline case flags and no character that folds onto an ASCII letter
(``ı``, ``ſ``, the Kelvin sign); ``FoldedPattern`` checks the pattern and falls back to the
case-insensitive one for other text. A match of the fast run is a match in the lower-cased text, so its
``group()`` is lower case: callers that keep the matched text must want it lower-cased.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Sequence

# The characters besides ASCII letters that IGNORECASE matches to an ASCII letter, other than the
# Kelvin sign (which str.lower lowers to "k"): dotted İ (lowered to two characters), dotless ı, long ſ.
FOLDS_ONTO_ASCII = frozenset("İıſ")
# What may legitimately be upper case in a lower-case pattern: escapes (\W, \S, \B...) and group names.
_NOT_LITERAL_RE = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


def _check_lower_case(source: str) -> None:
    literal_text = _NOT_LITERAL_RE.sub("", source)
    if any(c in string.ascii_uppercase for c in literal_text) or "(?i" in source or "(?-i" in source:
        raise ValueError(f"a folded pattern is written in lower case without case flags: {source[:60]!r}")
    for char in {c for c in source if not c.isascii()}:
        if any(re.fullmatch(re.escape(char), letter, re.IGNORECASE) for letter in string.ascii_letters):
            raise ValueError(f"{char!r} folds onto an ASCII letter, so ASCII text would not fold exactly")


class FoldedPattern:
    """``re.compile(source, re.IGNORECASE | flags)``, faster on ASCII text (see the module notes)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        _check_lower_case(source)
        self.pattern = source
        self._cased = re.compile(source, flags)
        self._any_case = re.compile(source, flags | re.IGNORECASE)

    def _for(self, text: str) -> tuple[re.Pattern[str], str]:
        if text.isascii():
            return self._cased, text.lower()
        return self._any_case, text

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pattern, folded = self._for(text)
        return pattern.search(folded, pos) if endpos is None else pattern.search(folded, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, folded = self._for(text)
        return pattern.finditer(folded)


def may_mention(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` may hold one of ``words`` (lower-case ASCII) in some case, as IGNORECASE reads
    it: a cheap test before a case-insensitive search that cannot match without one of them."""
    lowered = text.lower()
    if any(word in lowered for word in words):
        return True
    return not text.isascii() and not FOLDS_ONTO_ASCII.isdisjoint(text)


# An alternative's first character: a word character, a class of them, or a word start and one;
# not repeated (so the rest of the alternative follows it exactly once).
_HEAD_RE = re.compile(r"(?P<start>\\b)?(?:\[(?P<chars>\w+)\]|(?P<char>\w))(?![*+?{])")


def first_letter_branches(alternatives: Sequence[str], *, word_start: bool = False) -> str:
    """``"|".join(alternatives)`` regrouped by first character: "s(?:alary|tipend)|p(?:aid|...)".

    The engine rejects a branch that opens with a plain character at once, where it enters every
    alternative that opens with ``\\b`` or a lookaround; and a pattern made of such branches lets a
    search skip to the characters that can start one. Alternatives keep their order within a first
    character, and no two groups can match at the same place, so the same alternative matches as in
    the plain alternation. Each alternative opens with a word character, a class of them (``[üu]cret``)
    or ``\\b`` and one; such a ``\\b`` becomes the equivalent lookbehind after the first character
    (no word character before it). ``word_start`` puts one ``\\b`` before them all (it is tested once
    a place, which is cheaper than a lookbehind in every branch when most places are inside words).
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        head = _HEAD_RE.match(alternative)
        if head is None:
            raise ValueError(f"an alternative must open with a word character: {alternative!r}")
        tail = alternative[head.end() :]
        if head.group("start") and not word_start:
            tail = r"(?<!\w.)" + tail
        for char in head.group("chars") or head.group("char"):
            groups.setdefault(char, []).append(tail)
    branches = "|".join(f"{char}(?:{'|'.join(tails)})" for char, tails in groups.items())
    return rf"\b(?:{branches})" if word_start else branches
