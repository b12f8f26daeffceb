"""/compare: postings side by side, each placed among its peers."""

from __future__ import annotations

import pytest

from store import Store
from tests.store.queries.saved import GUILD, add


async def test_compare(store: Store) -> None:
    ids = []
    for i, v in enumerate([100, 200, 300, 400]):
        ids.append(
            await add(store, i, title="Backend Developer", pay=(v * 1000, v * 1000, "USD", "year"),
                      skills=["Python", "SQL", f"Tool{i}"])
        )  # fmt: skip
    other = await add(store, "o", title="Designer", pay=None, skills=["Figma", "SQL"])
    comparison = await store.compare(GUILD, [ids[3], ids[0], other, 999_999])
    assert comparison.missing_ids == [999_999]
    top, bottom, designer = comparison.postings
    assert top.posting.id == ids[3] and top.percentile == pytest.approx(87.5) and top.peers == 4
    assert bottom.percentile == pytest.approx(12.5)
    assert designer.percentile is None and designer.peers == 0
    assert comparison.shared_skills == ["SQL"]
    assert top.unique_skills == ["Tool3"] and designer.unique_skills == ["Figma"]
