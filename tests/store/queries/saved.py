"""Saved postings for the query tests, and the percentiles they should come to."""

from __future__ import annotations

import statistics

from store import Store
from tests.factories import make_posting, posting_text

GUILD = 3003


def expected(values: list[float]) -> dict[str, float]:
    q = statistics.quantiles(values, n=4, method="inclusive")
    d = statistics.quantiles(values, n=10, method="inclusive")
    return {"min": min(values), "p25": q[0], "median": q[1], "p75": q[2], "p90": d[8], "max": max(values)}


async def add(store: Store, seed: object, **kw: object) -> int:
    r = await store.add_posting(GUILD, posting_text(seed), make_posting(**kw), source="add_text")  # type: ignore[arg-type]
    assert r.created
    return r.posting_id
