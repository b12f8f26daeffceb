"""Text helpers shared by the field extractors: a prepared copy of the paste and fast keyword windows.

Speed matters here (every extractor together must stay well under half a millisecond on a 5 KB posting),
and a regular expression with many alternatives costs far more per character than ``str.find``. So the
extractors find their keywords with ``str.find`` and run their full patterns only on small windows
around each hit. A window's edges are moved out to whitespace so that ``\\b`` and digits at its edges
read as they do in the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Final

_MARKDOWN_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&|~<>$])")
_FOLD_MAP: Final[dict[str, str]] = {
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f", " "),
    **dict.fromkeys("\u205f\u3000\t", " "),
    **dict.fromkeys("\u200b\u200c\u200d\ufeff\u00ad", ""),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u2018\u2019", "'"),
    **dict.fromkeys("\u201c\u201d", '"'),
    "\r": "",
}
_WORD_CHARS: Final = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
_NEEDLE_WORD: Final = re.compile(r"[A-Za-z0-9]+")


# Every word of every declared needle: ``Doc.words`` keeps only these, which is cheaper than a set of
# all the words of a posting.
_VOCABULARY: set[str] = set()


def needles(*items: str) -> tuple[str, ...]:
    """Declare the keywords an extractor searches for (at import time, as a module constant)."""
    _plan(items)
    return items


@lru_cache(maxsize=256)
def _plan(items: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each needle with the words that must all be present before it is worth a search."""
    plan = tuple((needle, frozenset(w.lower() for w in _NEEDLE_WORD.findall(needle))) for needle in items)
    for _, words in plan:
        _VOCABULARY.update(words)
    return plan


_FOLD_RE: Final = re.compile("[" + "".join(_FOLD_MAP) + "]")


def prepare(text: str) -> str:
    """Cheap clean-up so a raw paste reads like normalised text (the pipeline normalises first anyway):
    markdown backslash escapes removed, odd spaces and dashes folded, curly quotes straightened."""
    if "\\" in text:
        text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    if not text.isascii():
        text = _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group()], text)
    elif "\r" in text or "\t" in text:
        text = text.replace("\r", "").replace("\t", " ")
    return text


@dataclass(frozen=True)
class Doc:
    """A prepared paste and its lower-case ASCII twin (same length, so offsets carry over)."""

    text: str
    lower: str

    @cached_property
    def words(self) -> frozenset[str]:
        """The words of the declared needles (see ``needles``) that occur in the text as whole words:
        a cheap membership gate. Lower case, letters and digits only."""
        return frozenset(_VOCABULARY.intersection(self.lower.translate(_WORD_CHARS).split()))

    @cached_property
    def head(self) -> list[str]:
        """The first 25 non-blank lines, stripped."""
        return head_lines(self.text, 25)

    def spans(
        self,
        needles: tuple[str, ...],
        before: int,
        after: int,
        *,
        whole: bool = False,
        cased: bool = False,
        gate: bool = True,
        limit: int = 40,
    ) -> list[tuple[int, int]]:
        """Merged windows around every occurrence of the needles, in text order.

        A needle is only searched when each of its words is a word of the text (see ``words``), so a
        needle must be made of whole words: "year" finds "year" and "year-round", but list "years" too.
        Where newlines were lost, words glue together ("Full-timePay:"); extractors that must read such
        fields also search for the label's last word ("type"), which stays a word of its own.
        ``gate=False`` searches every needle (for words glued to others, "CoordinatorOrganization:").
        ``whole`` keeps only occurrences not inside a longer word; ``cased`` searches the original text
        instead of the lower-case one.
        """
        hay = self.text if cased else self.lower
        n = len(hay)
        present = self.words
        found: list[tuple[int, int]] = []
        for needle, words in _plan(needles):
            if gate and not present.issuperset(words):
                continue
            i = hay.find(needle)
            count = 0
            while i >= 0 and count < limit:
                j = i + len(needle)
                if not whole or (self._starts_word(hay, i) and self._ends_word(hay, j)):
                    found.append((i - before if i > before else 0, j + after if j + after < n else n))
                    count += 1
                i = hay.find(needle, i + 1)
        if not found:
            return found
        found.sort()
        merged: list[tuple[int, int]] = []
        start, end = found[0]
        for s, e in found[1:]:
            if s <= end:
                end = max(end, e)
            else:
                merged.append(self._align(start, end))
                start, end = s, e
        merged.append(self._align(start, end))
        return merged

    def hits(
        self,
        needles: tuple[str, ...],
        *,
        whole: bool = True,
        cased: bool = False,
        gate: bool = True,
        end: int | None = None,
        limit: int = 40,
    ) -> list[int]:
        """Sorted start offsets of the needles (see ``spans`` for the options), for patterns that are
        tried anchored at their keyword rather than searched through a window. ``end`` limits the search
        to the start of the text."""
        hay = self.text if cased else self.lower
        n = len(hay)
        stop = n if end is None else min(n, end)
        present = self.words
        found: list[int] = []
        for needle, words in _plan(needles):
            if gate and not present.issuperset(words):
                continue
            i = hay.find(needle, 0, stop)
            count = 0
            while i >= 0 and count < limit:
                j = i + len(needle)
                if not whole or (self._starts_word(hay, i) and self._ends_word(hay, j)):
                    found.append(i)
                    count += 1
                i = hay.find(needle, i + 1, stop)
        found.sort()
        return found

    def _starts_word(self, hay: str, i: int) -> bool:
        """No letter or digit before ``i``, or a lower-case letter glued to a capital ("descriptionJob")."""
        if i == 0 or not hay[i - 1].isalnum():
            return True
        text = self.text
        return text[i].isupper() and text[i - 1].islower()

    def _ends_word(self, hay: str, j: int) -> bool:
        """No letter or digit at ``j``, or a capital glued after a lower-case letter ("Full-timePay")."""
        if j >= len(hay) or not hay[j].isalnum():
            return True
        text = self.text
        return text[j].isupper() and text[j - 1].islower()

    def _align(self, start: int, end: int) -> tuple[int, int]:
        hay = self.lower
        limit = start - 30
        while start > 0 and start > limit and hay[start - 1].isalnum():
            start -= 1
        limit = end + 30
        n = len(hay)
        while end < n and end < limit and hay[end].isalnum():
            end += 1
        return start, end


def _ascii_lower(text: str) -> str:
    """Lower case with every character outside ASCII replaced by "?": same length as the text (so offsets
    carry over), and fast to search. Patterns on it only ever look for ASCII words."""
    if text.isascii():
        return text.lower()
    return text.encode("ascii", "replace").decode("ascii").lower()


@lru_cache(maxsize=8)
def load(text: str) -> Doc:
    """The prepared document for a paste; cached, since every extractor asks for the same one."""
    prepared = prepare(text)
    return Doc(prepared, _ascii_lower(prepared))


def word_set(words: str) -> frozenset[str]:
    """A frozen set from a whitespace-separated word list (how the vocabularies are written down)."""
    return frozenset(words.split())


def head_lines(text: str, limit: int = 25) -> list[str]:
    """The first non-blank lines, stripped: where a paste keeps its badges ("Full-time", "Hybrid")."""
    out: list[str] = []
    for line in text[:6000].split("\n", 80)[:80]:
        line = line.strip()
        if line:
            out.append(line)
            if len(out) >= limit:
                break
    return out
