"""The one percentile rule of every query: linear interpolation between the closest ranks (the
definition of PostgreSQL's ``percentile_cont``).

A query gives the count and the values at the ranks it needs (:func:`ranks`), however it read them: a
sorted list or array in memory, a few rows read off an index at an offset, or the means of the pay
buckets holding those ranks (:mod:`store.queries.pay_summary`, within a stated error bound). Both
engines run the same reads, so they give the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from store.results import Distribution

PERCENTILES = (0.25, 0.5, 0.75, 0.9)  # what a Distribution reports between its min and max
# the value at each (needed) 0-based rank
Ranked = Sequence[float] | Mapping[int, float] | npt.NDArray[np.float64]


def _bounds(n: int, p: float) -> tuple[int, int, float]:
    """The two ranks the p-th percentile of n sorted values lies between, and how far along."""
    h = (n - 1) * p
    lo = math.floor(h)
    return lo, min(lo + 1, n - 1), h - lo


def percentile(values: Ranked, n: int, p: float) -> float:
    """The p-th percentile (0-1) of n sorted values; ``values`` needs only the ranks :func:`ranks` names."""
    if n <= 0:
        raise ValueError("no values")
    lo, hi, along = _bounds(n, p)
    return float(values[lo] + along * (values[hi] - values[lo]))


def median(values: Sequence[float]) -> float | None:
    """The median of values in any order, None when there are none."""
    return percentile(sorted(values), len(values), 0.5) if len(values) else None


def ranks(n: int) -> list[int]:
    """The 0-based ranks a Distribution of n sorted values reads."""
    needed = {0, n - 1}
    for p in PERCENTILES:
        lo, hi, _ = _bounds(n, p)
        needed.update((lo, hi))
    return sorted(needed)


def distribution(values: Ranked, n: int) -> Distribution:
    """n, min, p25, median, p75, p90 and max of n sorted values (or of the values at their :func:`ranks`)."""
    p25, p50, p75, p90 = (percentile(values, n, p) for p in PERCENTILES)
    return Distribution(
        n=n, min=float(values[0]), p25=p25, median=p50, p75=p75, p90=p90, max=float(values[n - 1])
    )


def scaled(d: Distribution, factor: float) -> Distribution:
    """The same distribution with every figure divided by ``factor`` (yearly pay -> per month...)."""
    return Distribution(
        n=d.n,
        within=d.within,
        **{name: getattr(d, name) / factor for name in ("min", "p25", "median", "p75", "p90", "max")},
    )
