"""Log-scale pay buckets: how /salary reads percentiles of any number of postings in a few hundred rows.

Bucket ``b`` holds the pay figures in ``[RATIO**b, RATIO**(b+1))``, so every bucket is 0.5 % wide
whatever the pay's size or currency. The ``pay_buckets`` table keeps, per group and bucket, how many
postings fall in it and the sum of their figures; a percentile reads the value at each rank it needs as
the mean of the bucket holding that rank.

Error bound: the true value at a rank and the mean of its bucket lie in the same bucket, so they differ
by less than a factor RATIO; a percentile interpolates two such values with non-negative weights, so it
too is within ERROR_BOUND (0.5 %) of the exact figure. The counts are exact. A bucket whose postings
all state the same figure (pay is often round) gives that figure exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

RATIO = 1.005
ERROR_BOUND = RATIO - 1  # largest relative error of a figure read from the buckets
_LOG_RATIO = math.log(RATIO)
_SMALLEST = 1.0  # figures below one unit a year share bucket 0 (none are real pay)


def bucket_of(pay_year: float) -> int:
    return math.floor(math.log(max(pay_year, _SMALLEST)) / _LOG_RATIO)


def bucket_means(buckets: Iterable[tuple[int, int, float]]) -> list[tuple[int, float]]:
    """(count, mean) per non-empty bucket in bucket order, from (bucket, count, sum) rows in any order;
    rows of the same bucket (from several seniorities) add up."""
    merged: dict[int, tuple[int, float]] = {}
    for bucket, n, total in buckets:
        had_n, had_total = merged.get(bucket, (0, 0.0))
        merged[bucket] = (had_n + n, had_total + total)
    return [(n, total / n) for _, (n, total) in sorted(merged.items()) if n > 0]


def values_at(means: list[tuple[int, float]], ranks: list[int]) -> dict[int, float]:
    """The (approximate) value at each of the sorted 0-based ranks: its bucket's mean."""
    found: dict[int, float] = {}
    below = 0  # postings in the buckets before the current one
    at = iter(means)
    n, mean = next(at)
    for rank in ranks:
        while rank >= below + n:
            below += n
            n, mean = next(at)
        found[rank] = mean
    return found
