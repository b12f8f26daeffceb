"""Normalization of pasted text: what every extractor reads.

Pastes arrive as chat markdown, copied web pages or raw HTML, with typographic characters that make
pattern matching brittle. We fold them into plain text once so extractors can stay simple.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from parsing.html import looks_like_html, parse_html

# Hyphen-like characters people (and word processors) put between numbers and words.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_PLAIN_FORMS = {ch: "-" for ch in _DASHES} | {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
}
# A regex finds the rare typographic characters faster than str.translate walks every character.
_TYPOGRAPHIC_RE = re.compile("[" + "".join(_PLAIN_FORMS) + "]")
# Zero-width and soft-hyphen characters: invisible, but they split words for a regex.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_ODD_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\t\x0b\x0c"
_SPACES_RE = re.compile(f"[{_ODD_SPACES}]+")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>$&%<=:;,'\"/@^])")
_MD_LINK_RE = re.compile(r"\[([^\]\n]{1,300})\]\((?:https?://|mailto:|/)[^)\s]*\)")
# The marker ("*" one to three times, "_" two or three times) is written so that each branch opens with
# its character: the engine then tests each place against those two characters, instead of entering
# both repeats at every place (three times faster on postings with "*" bullets). The optional parts are
# greedy, as the repeats were: "***" is tried before "**" and "*".
_MD_EMPHASIS_RE = re.compile(r"(\*(?:\*\*?)?|___?)(?=\S)([^*\n]{1,300}?)(?<=\S)\1")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_BLANK_RUN_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")


@dataclass(frozen=True)
class Document:
    """A posting after normalization: plain text plus structured data the page carried."""

    text: str
    job_posting: dict[str, Any] | None = None
    was_html: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _holds_any(text: str, characters: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``characters``: one fast scan each (instant for a character wider
    than any of the text's), where a character-class pattern walks the text through the regex engine."""
    return any(char in text for char in characters)


def fold_characters(text: str) -> str:
    """Typographic forms to their plain equivalents; keeps line structure."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The invisible and typographic characters all lie outside ASCII, as does whatever NFKC changes.
    if not text.isascii():
        if _holds_any(text, _INVISIBLE):
            text = _INVISIBLE_RE.sub("", text)
        # NFKC folds full-width digits, ligatures and compatibility spaces; currency signs survive it.
        if not text.isascii():
            text = unicodedata.normalize("NFKC", text)
        if _holds_any(text, _PLAIN_FORMS):
            text = _TYPOGRAPHIC_RE.sub(lambda m: _PLAIN_FORMS[m.group(0)], text)
    # Most pastes hold none of these: a scan per character (instant for one the text cannot hold)
    # costs less than the pattern's walk through the text.
    if _holds_any(text, _ODD_SPACES):
        text = _SPACES_RE.sub(" ", text)
    return text


def strip_markdown(text: str) -> str:
    text = _MD_ESCAPE_RE.sub(r"\1", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    # These two patterns open with no fixed character, so the engine would try them at every position;
    # neither can match without its marker character.
    if "*" in text or "__" in text:
        text = _MD_EMPHASIS_RE.sub(r"\2", text)
    if "#" in text:
        text = _MD_HEADING_RE.sub("", text)
    return text


def _strip_line_ends(text: str) -> str:
    """Spaces and tabs before each line break removed (the last line, which has none, kept as is):
    what ``[ \\t]+\\n`` -> ``\\n`` does, without the pattern trying every space of the text."""
    lines = text.split("\n")
    last = lines.pop()
    lines = [line.rstrip(" \t") for line in lines]
    lines.append(last)
    return "\n".join(lines)


def tidy_lines(text: str) -> str:
    text = _strip_line_ends(text)
    text = _BLANK_RUN_RE.sub("\n\n", text)
    return text.strip()


def normalize_text(text: str) -> str:
    return tidy_lines(strip_markdown(fold_characters(text)))


def prepare(raw: str) -> Document:
    """Raw pasted text or HTML to a :class:`Document`."""
    if looks_like_html(raw):
        page = parse_html(raw)
        return Document(text=normalize_text(page.text), job_posting=page.job_posting, was_html=True)
    return Document(text=normalize_text(raw))
