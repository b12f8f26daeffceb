"""Pay buckets: every figure read from them is within the stated error bound of the exact one."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.pay_buckets import EDGES, ERROR_BOUND, RATIO, bucket_of, edge, locate, merged
from store.queries.percentiles import distribution, ranks

FIGURES = ("min", "p25", "median", "p75", "p90", "max")
pay = st.floats(min_value=1.0, max_value=5e7, allow_nan=False)


def _from_buckets(values: list[float]) -> dict[str, float]:
    rows = [(bucket_of(v), 1, v) for v in values]
    random.Random(len(values)).shuffle(rows)  # the reader must not rely on the rows' order
    located = locate(merged(rows), ranks(len(values)))
    d = distribution({rank: at.mean for rank, at in located.items()}, len(values))
    return {name: getattr(d, name) for name in FIGURES}


@given(st.lists(pay, min_size=1, max_size=300))
def test_every_figure_is_within_the_bound(values: list[float]) -> None:
    exact = distribution(sorted(values), len(values))
    for name, approx in _from_buckets(values).items():
        assert abs(approx - getattr(exact, name)) <= ERROR_BOUND * getattr(exact, name) * (1 + 1e-9), name


@given(pay)
def test_a_figure_lies_in_its_bucket_by_plain_comparison(value: float) -> None:
    b = bucket_of(value)
    low = edge(b)
    assert low is None or low <= value  # what the exact reads' "pay_year >= edge" relies on
    assert b + 1 == len(EDGES) or value < EDGES[b + 1]
    assert low is None or EDGES[b + 1] / low == pytest.approx(RATIO)


def test_round_figures_come_out_exact() -> None:
    values = [90_000.0] * 40 + [100_000.0] * 50 + [120_000.0] * 10
    figures = _from_buckets(values)
    assert figures["min"] == 90_000 and figures["median"] == 100_000 and figures["max"] == 120_000


def test_ranks_are_located_in_merged_buckets() -> None:
    b = bucket_of(50_000)
    buckets = merged([(b, 2, 100_000.0), (b + 9, 1, 52_400.0), (b, 1, 50_300.0)])
    assert buckets == [(b, 3, 150_300.0), (b + 9, 1, 52_400.0)]
    located = locate(buckets, [0, 2, 3])
    assert [(at.bucket, at.below, at.mean) for at in located.values()] == [
        (b, 0, 50_100.0),
        (b, 0, 50_100.0),
        (b + 9, 3, 52_400.0),
    ]
