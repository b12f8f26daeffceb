"""The one percentile rule: linear interpolation between the closest ranks, from whatever ranks a query read."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.queries.percentiles import PERCENTILES, distribution, median, percentile, ranks, scaled

values = st.lists(st.floats(min_value=0, max_value=1e7, allow_nan=False), min_size=1, max_size=60)


@given(values, st.sampled_from([0.0, *PERCENTILES, 1.0]))
def test_percentile_is_linear_interpolation(data: list[float], p: float) -> None:
    ordered = sorted(data)
    assert percentile(ordered, len(ordered), p) == pytest.approx(float(np.percentile(ordered, p * 100)))


@given(values)
def test_the_needed_ranks_alone_give_the_whole_distribution(data: list[float]) -> None:
    ordered = sorted(data)
    n = len(ordered)
    only_needed = {r: ordered[r] for r in ranks(n)}
    assert distribution(only_needed, n) == distribution(ordered, n)
    assert distribution(np.array(ordered), n) == distribution(ordered, n)


def test_distribution_of_known_values() -> None:
    d = distribution([10.0, 20.0, 30.0, 40.0, 50.0], 5)
    assert (d.n, d.min, d.p25, d.median, d.p75, d.p90, d.max) == (5, 10, 20, 30, 40, 46, 50)
    assert ranks(5) == [0, 1, 2, 3, 4]
    assert ranks(101) == [0, 25, 26, 50, 51, 75, 76, 90, 91, 100]
    monthly = scaled(d, 12)
    assert (monthly.n, monthly.median, monthly.max) == (5, 2.5, 50 / 12)


def test_median_takes_any_order_and_nothing() -> None:
    assert median([3.0, 1.0, 2.0, 10.0]) == 2.5
    assert median([]) is None
    with pytest.raises(ValueError):
        percentile([], 0, 0.5)
