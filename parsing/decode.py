"""Turning the bytes a user gave us into text, or a short reason why not."""

from __future__ import annotations

import codecs
import re
from typing import Any

from parsing.errors import UnreadableInput

MAX_POSTING_BYTES = 1_000_000

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# What a database cannot keep in text: NUL (PostgreSQL refuses it) and lone surrogates (not UTF-8).
_UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")
# Besides letters, what prose in a single-byte file is made of outside ASCII: typographic punctuation,
# currency signs, no-break spaces. A file decoded with the wrong table shows other symbols instead.
_PROSE_SYMBOLS = frozenset("–—‘’‚“”„•…·°«»€£¥©®™§¶×\xa0\xad")


def storable_text(text: str) -> str:
    """``text`` without the characters a database cannot store (the same on SQLite and PostgreSQL,
    so a posting reads alike on both)."""
    if not _UNSTORABLE_RE.search(text):
        return text
    return _UNSTORABLE_RE.sub(lambda m: "" if m.group(0) == "\x00" else "\ufffd", text)


def storable_value(value: Any, depth: int = 0) -> Any:
    """A decoded JSON value with every string made storable (records nest a few levels at most)."""
    if isinstance(value, str):
        return storable_text(value)
    if depth > 20:
        return value
    if isinstance(value, dict):
        return {storable_text(str(k)): storable_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [storable_value(v, depth + 1) for v in value]
    return value


def _single_byte_encoding(data: bytes) -> str | None:
    """Windows-1252 (Western), else Windows-1250 (Central European): the table under which the
    non-ASCII bytes read as letters; None when neither does."""
    best: tuple[float, str] | None = None
    for encoding in ("cp1252", "cp1250"):
        text = data.decode(encoding, errors="replace")
        odd = [ch for ch in text if not ch.isascii()]
        if not odd:
            return encoding
        letters = sum(1 for ch in odd if ch.isalpha() or ch in _PROSE_SYMBOLS)
        share = letters / len(odd)
        if best is None or share > best[0]:
            best = (share, encoding)
    assert best is not None
    share, encoding = best
    return encoding if share >= 0.9 else None


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for mark, encoding in _BOMS if data.startswith(mark)), None)


def file_encoding(sample: bytes) -> str:
    """The encoding of a file from its first bytes (a mark, else UTF-8, else a single-byte table);
    UTF-8 when nothing else fits, so the reader names the records it cannot read."""
    bom = _bom_encoding(sample)
    if bom is not None:
        return bom
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)  # may end mid-character
        return "utf-8"
    except UnicodeDecodeError:
        return _single_byte_encoding(sample) or "utf-8"


def decode_posting(data: bytes, *, max_bytes: int = MAX_POSTING_BYTES) -> str:
    if len(data) > max_bytes:
        raise UnreadableInput(f"too large: {len(data):,} bytes (limit {max_bytes:,})")
    bom = _bom_encoding(data)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            raise UnreadableInput(f"not valid text (broken {bom.removesuffix('-sig').upper()})") from None
    else:
        if b"\x00" in data[:8192]:
            raise UnreadableInput("binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = _single_byte_encoding(data)
            text = data.decode(encoding or "cp1252", errors="replace")
            if encoding is None or text.count("\ufffd") > max(3, len(text) // 100):
                raise UnreadableInput("not valid text (unknown encoding)") from None
    if not text.strip():
        raise UnreadableInput("empty: no text to read")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 8:
        raise UnreadableInput("binary file, not text")
    return storable_text(text.lstrip("\ufeff"))
