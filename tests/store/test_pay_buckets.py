"""Pay buckets: every figure read from them is within the stated error bound of the exact one."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from store.pay_buckets import ERROR_BOUND, RATIO, bucket_means, bucket_of, values_at
from store.queries.percentiles import distribution, ranks

FIGURES = ("min", "p25", "median", "p75", "p90", "max")
pay = st.floats(min_value=1.0, max_value=5e7, allow_nan=False)


def _from_buckets(values: list[float]) -> dict[str, float]:
    rows = [(bucket_of(v), 1, v) for v in values]
    random.Random(len(values)).shuffle(rows)  # the reader must not rely on the rows' order
    d = distribution(values_at(bucket_means(rows), ranks(len(values))), len(values))
    return {name: getattr(d, name) for name in FIGURES}


@given(st.lists(pay, min_size=1, max_size=300))
def test_every_figure_is_within_the_bound(values: list[float]) -> None:
    exact = distribution(sorted(values), len(values))
    for name, approx in _from_buckets(values).items():
        assert abs(approx - getattr(exact, name)) <= ERROR_BOUND * getattr(exact, name) * (1 + 1e-9), name


@given(pay)
def test_a_figure_lies_in_its_bucket(value: float) -> None:
    b = bucket_of(value)
    assert RATIO**b <= value * (1 + 1e-12) and value < RATIO ** (b + 1) * (1 + 1e-12)


def test_round_figures_come_out_exact() -> None:
    values = [90_000.0] * 40 + [100_000.0] * 50 + [120_000.0] * 10
    figures = _from_buckets(values)
    assert figures["min"] == 90_000 and figures["median"] == 100_000 and figures["max"] == 120_000


def test_rows_of_one_bucket_from_several_groups_add_up() -> None:
    b = bucket_of(50_000)
    merged = bucket_means([(b, 2, 100_000.0), (b + 9, 1, 52_400.0), (b, 1, 50_300.0)])
    assert merged == [(3, 150_300.0 / 3), (1, 52_400.0)]
    assert values_at(merged, [0, 2, 3]) == {0: 50_100.0, 2: 50_100.0, 3: 52_400.0}
