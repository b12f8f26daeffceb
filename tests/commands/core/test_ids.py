"""The custom-id codec: what a card writes is what the handlers and the console read back."""

from __future__ import annotations

import re

import pytest

from commands.core import ids


@pytest.mark.parametrize(
    ("custom_id", "expected"),
    [
        (ids.fix(42), ids.Decoded("fix", posting_id=42)),
        (ids.fix_more(42), ids.Decoded("fix_more", posting_id=42)),
        (ids.remove(7), ids.Decoded("remove", posting_id=7)),
        (ids.list_page(0), ids.Decoded("list", page=0)),
        (ids.list_page(3, "data: engineer"), ids.Decoded("list", page=3, query="data: engineer")),
    ],
)
def test_what_is_written_reads_back(custom_id: str, expected: ids.Decoded) -> None:
    assert ids.decode(custom_id) == expected


def test_the_handlers_patterns_match_what_is_written() -> None:
    assert re.fullmatch(ids.FIX, ids.fix(1)) and not re.fullmatch(ids.FIX, ids.remove(1))
    assert re.fullmatch(ids.REMOVE, ids.remove(1))
    assert re.fullmatch(ids.FIX_MORE, ids.fix_more(1)) and not re.fullmatch(ids.FIX, ids.fix_more(1))
    match = re.fullmatch(ids.LIST_PAGE, ids.list_page(2, "nurse"))
    assert match is not None and match["page"] == "2" and match["query"] == "nurse"


def test_a_long_search_still_fits_discords_limit() -> None:
    written = ids.list_page(12, "x" * 500)
    assert len(written) <= ids.MAX_LENGTH
    decoded = ids.decode(written)
    assert decoded is not None and decoded.page == 12 and decoded.query == "x" * 80


def test_ids_it_did_not_write_are_not_read() -> None:
    assert ids.decode("first") is None
    assert ids.decode("fix:abc") is None
    assert ids.decode(ids.fix_form(3, 99)) is None  # a form's id, not a button's
    assert ids.decode(ids.fix_form(3, 99, page=2)) is None
