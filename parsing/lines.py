"""Small text helpers shared by the field extractors (title, company, attributes)."""

from __future__ import annotations

import re
from typing import Final

_MARKDOWN_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&|~<>$])")
_SPACES: Final = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]")
_DASHES: Final = re.compile(r"[\u2010-\u2015\u2212]")
_CR: Final = re.compile(r"\r\n?")


def prepare(text: str) -> str:
    """Cheap clean-up so a raw paste reads like normalised text (the pipeline normalises first anyway):
    markdown backslash escapes removed, odd spaces and dashes folded, curly apostrophes straightened."""
    if "\\" in text:
        text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    if "\r" in text:
        text = _CR.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _DASHES.sub("-", text)
    return text.replace("’", "'").replace("‘", "'")


def head_lines(text: str, limit: int = 25) -> list[str]:
    """The first non-blank lines, stripped: where a paste keeps its badges ("Full-time", "Hybrid")."""
    out: list[str] = []
    for line in text.split("\n", 80)[:80]:
        line = line.strip()
        if line:
            out.append(line)
            if len(out) >= limit:
                break
    return out
