"""Turning the bytes a user gave us into text, or a short reason why not."""

from __future__ import annotations

from parsing.errors import UnreadableInput

MAX_POSTING_BYTES = 1_000_000


def decode_posting(data: bytes, *, max_bytes: int = MAX_POSTING_BYTES) -> str:
    if len(data) > max_bytes:
        raise UnreadableInput(f"too large: {len(data):,} bytes (limit {max_bytes:,})")
    if b"\x00" in data[:8192]:
        raise UnreadableInput("binary file, not text")
    text: str | None = None
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        # Windows-1252 decodes any byte string; accept it only when the result looks like prose.
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(3, len(text) // 100):
            raise UnreadableInput("not valid text (unknown encoding)")
    if not text.strip():
        raise UnreadableInput("empty: no text to read")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 8:
        raise UnreadableInput("binary file, not text")
    return text
