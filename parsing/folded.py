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
from typing import Any

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


# --- a first-character gate -----------------------------------------------------------------------

# The gate reads the pattern with the regex module's own parser, which is not public API: on a Python
# where it has moved, patterns are compiled without a gate (the same matches, only slower).
try:
    import re._constants as sre_constants
    import re._parser as sre_parser

    _CLASS_CATEGORIES = {
        sre_constants.CATEGORY_DIGIT: r"\d",
        sre_constants.CATEGORY_NOT_DIGIT: r"\D",
        sre_constants.CATEGORY_SPACE: r"\s",
        sre_constants.CATEGORY_NOT_SPACE: r"\S",
        sre_constants.CATEGORY_WORD: r"\w",
        sre_constants.CATEGORY_NOT_WORD: r"\W",
    }
    GATE_AVAILABLE = True
except (ImportError, AttributeError):  # pragma: no cover - only on a Python without these internals
    GATE_AVAILABLE = False
# What a node of the parsed pattern may open with: class members (as class source), or None for "any
# character"; and whether the node may match the empty string (then what follows it opens the match).
_Opening = tuple[list[str] | None, bool]


def _class_member(op: object, value: Any) -> str | None:
    if op is sre_constants.LITERAL:
        return re.escape(chr(value))
    if op is sre_constants.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    if op is sre_constants.CATEGORY:
        return _CLASS_CATEGORIES.get(value)
    return None


def _opening_of_sequence(sequence: Any, flags: int) -> _Opening:
    members: list[str] = []
    for op, value in sequence:
        opening, may_be_empty = _opening_of_node(op, value, flags)
        if opening is None:
            return None, False
        members += opening
        if not may_be_empty:
            return members, False
    return members, True


def _opening_of_node(op: object, value: Any, flags: int) -> _Opening:
    if op is sre_constants.LITERAL:
        return [re.escape(chr(value))], False
    if op is sre_constants.IN:
        members = [_class_member(item_op, item_value) for item_op, item_value in value]
        return (None, False) if None in members else ([m for m in members if m], False)
    if op is sre_constants.BRANCH:
        union: list[str] = []
        any_empty = False
        for branch in value[1]:
            opening, may_be_empty = _opening_of_sequence(branch, flags)
            if opening is None:
                return None, False
            union += opening
            any_empty = any_empty or may_be_empty
        return union, any_empty
    if op is sre_constants.SUBPATTERN:
        _, added, _, inner = value
        if added & re.IGNORECASE and not flags & re.IGNORECASE:
            return None, False  # the inner part would match case variants the gate would not let in
        return _opening_of_sequence(inner, flags)
    if op is sre_constants.ATOMIC_GROUP:
        return _opening_of_sequence(value, flags)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        least, _, item = value
        opening, may_be_empty = _opening_of_sequence(item, flags)
        return opening, opening is not None and (may_be_empty or least == 0)
    if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [], True  # zero width: the match opens with what comes next
    return None, False  # a back-reference, a conditional, a negated class, "." ...


def first_character_gate(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, led by a lookahead for the characters a match can open with.

    The engine uses a pattern's first character to skip places only when every alternative opens with
    a plain character; an alternation whose alternatives open with a lookbehind ("(?<![a-z])hourly")
    or a repeat is entered in full at every place of the text. The lookahead rejects the places that
    open with any other character in one class test. The class is read from the parsed pattern (every
    character each alternative may open with, past zero-width assertions and optional parts), and is
    compiled with the pattern's own flags, so it lets in every case variant its literals would match:
    the pattern matches exactly where it did. A pattern that may match the empty string, or that may
    open with any character, is compiled as it is.
    """
    if not GATE_AVAILABLE:
        return re.compile(source, flags)
    parsed = sre_parser.parse(source, flags)
    if parsed.state.flags & ~(flags | re.UNICODE):
        return re.compile(source, flags)  # inline global flags ("(?i)...") must stay at the start
    opening, may_be_empty = _opening_of_sequence(parsed, flags)
    if opening is None or may_be_empty or not opening:
        return re.compile(source, flags)
    # A verbose pattern may end in a comment, which would swallow the closing parenthesis.
    body = f"{source}\n" if flags & re.VERBOSE else source
    return re.compile(f"(?=[{''.join(dict.fromkeys(opening))}])(?:{body})", flags)
