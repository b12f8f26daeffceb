"""Bytes to text: UTF-8, UTF-16/32 with a byte-order mark and the common single-byte encodings read;
binary and undecodable files refused with a reason; what a database cannot store taken out."""

from __future__ import annotations

import pytest

from parsing import UnreadableInput, decode_posting
from parsing.decode import storable_text, storable_value

POSTING = "Développeur Backend – Zürich\nSalaire : 95 000 € par an • Python, SQL\n"
LATIN1 = "Développeur Backend à Zürich\nSalaire : 95 000 CHF par année, équipe sympa\n"
POLISH = "Programista – Łódź\nWynagrodzenie: 12 000 zł miesięcznie, świetny zespół\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_files_with_or_without_a_mark_are_read(encoding: str) -> None:
    data = POSTING.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(encoding) + data  # the mark a text editor writes
    assert decode_posting(data) == POSTING


@pytest.mark.parametrize(("text", "encoding"), [(POSTING, "cp1252"), (LATIN1, "latin-1"), (POLISH, "cp1250")])
def test_single_byte_files_are_read_in_the_table_that_makes_letters(text: str, encoding: str) -> None:
    assert decode_posting(text.encode(encoding)) == text


def test_a_binary_file_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        decode_posting(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_a_file_of_symbols_in_every_table_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="unknown encoding"):
        decode_posting(("Title " + "\x80\x81\x8d\x8f\x90\x9d\xa4\xa6\xa8\xb6\xbe" * 40).encode("latin-1"))


def test_a_broken_utf16_file_is_refused_with_its_encoding() -> None:
    with pytest.raises(UnreadableInput, match="UTF-16"):
        decode_posting(b"\xff\xfe" + "Engineer".encode("utf-16-le") + b"\x00\xd8")


def test_nul_and_lone_surrogates_are_taken_out() -> None:
    assert storable_text("Data\x00 Engineer \ud800") == "Data Engineer \ufffd"
    assert storable_value({"text": "a\x00b", "skills": ["S\x00QL"], "n": 3}) == {
        "text": "ab",
        "skills": ["SQL"],
        "n": 3,
    }
    assert decode_posting("Engineer\x00 at Acme".encode("utf-16")) == "Engineer at Acme"
