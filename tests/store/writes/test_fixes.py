"""Fixes win over the parse and can be cleared."""

from __future__ import annotations

import pytest

from store import InvalidInput, NotFound, PayFix, Store
from tests.factories import make_posting, posting_text

GUILD = 1001


async def test_fixes_win_and_can_be_cleared(store: Store) -> None:
    r = await store.add_posting(
        GUILD, posting_text(1), make_posting(title="Engineer", seniority="mid"), source="add_text"
    )
    pid = r.posting_id
    view = await store.apply_fix(GUILD, pid, "title", "Staff Data Engineer", user_id=5)
    assert view.title == "Staff Data Engineer" and view.role == "data engineer"
    assert view.fixed_fields == ["title"]
    view = await store.apply_fix(
        GUILD, pid, "pay", PayFix(min=90, max=None, currency="usd", period="hour", text="$90/h"), user_id=5
    )
    assert view.pay is not None and view.pay.currency == "USD" and view.pay.year_point == 90 * 2080
    assert [p.origin for p in view.pay_ranges] == ["fix"]
    view = await store.apply_fix(GUILD, pid, "pay", None)
    assert view.pay is None and view.pay_ranges == []
    view = await store.apply_fix(GUILD, pid, "seniority", "staff")
    assert view.seniority == "staff"
    view = await store.clear_fix(GUILD, pid, "pay")
    assert view.pay is not None and view.pay.year_point == 110_000
    assert view.fixed_fields == ["seniority", "title"]
    with pytest.raises(InvalidInput):
        await store.apply_fix(GUILD, pid, "seniority", "galactic")
    with pytest.raises(NotFound):
        await store.apply_fix(GUILD + 1, pid, "title", "x")
