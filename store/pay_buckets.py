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

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

RATIO = 1.005
ERROR_BOUND = RATIO - 1  # largest relative error of a figure read from the buckets
_TOP = 1e13  # pay above this a year (none is real) shares the last bucket, without the bound
# EDGES[b] is where bucket b starts. A figure's bucket is found by comparing it with these very floats,
# so ``pay_year >= EDGES[b]`` in SQL selects exactly the figures of bucket b and above (no rounding of a
# logarithm can put a figure on the wrong side of an edge).
EDGES = tuple(RATIO**b for b in range(math.ceil(math.log(_TOP) / math.log(RATIO)) + 1))


def bucket_of(pay_year: float) -> int:
    """The bucket of a figure; figures below one unit a year share bucket 0."""
    return max(0, bisect.bisect_right(EDGES, pay_year) - 1)


def edge(bucket: int) -> float | None:
    """The smallest figure bucket ``bucket`` holds; None for bucket 0 (it holds everything below)."""
    return EDGES[bucket] if bucket > 0 else None


@dataclass(frozen=True, slots=True)
class Located:
    """Where a rank of a group falls: its bucket, how many of the group's figures lie in lower buckets,
    and the bucket's mean (the figure's value within ERROR_BOUND)."""

    bucket: int
    below: int
    mean: float


def merged(buckets: Iterable[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """(bucket, count, sum) per non-empty bucket in bucket order, from such rows in any order; rows of
    the same bucket (from several seniorities) add up."""
    sums: dict[int, tuple[int, float]] = {}
    for bucket, n, total in buckets:
        had_n, had_total = sums.get(bucket, (0, 0.0))
        sums[bucket] = (had_n + n, had_total + total)
    return [(b, n, total) for b, (n, total) in sorted(sums.items()) if n > 0]


def locate(buckets: list[tuple[int, int, float]], ranks: list[int]) -> dict[int, Located]:
    """Where each of the sorted 0-based ranks falls, in :func:`merged` buckets."""
    found: dict[int, Located] = {}
    below = 0  # figures in the buckets before the current one
    at = iter(buckets)
    bucket, n, total = next(at)
    for rank in ranks:
        while rank >= below + n:
            below += n
            bucket, n, total = next(at)
        found[rank] = Located(bucket, below, total / n)
    return found


# Building the buckets from saved postings (the migration, and benchmarks that load rows directly).
# Distinct pay figures are far fewer than postings (pay is mostly round), so the database groups by
# figure and only the groups are bucketed here.
KEY = ("guild_id", "role_key", "location_key", "pay_currency", "seniority", "bucket")
_PAID = "role_key IS NOT NULL AND pay_currency IS NOT NULL AND pay_year IS NOT NULL"
BACKFILL_SOURCES = (
    "SELECT guild_id, role_key, '' AS place, pay_currency, seniority, pay_year, count(*) "
    f"FROM postings WHERE {_PAID} GROUP BY guild_id, role_key, pay_currency, seniority, pay_year",
    "SELECT guild_id, role_key, location_key, pay_currency, seniority, pay_year, count(*) "
    f"FROM posting_locations WHERE {_PAID} "
    "GROUP BY guild_id, role_key, location_key, pay_currency, seniority, pay_year",
)


def summarize(groups: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """pay_buckets rows from (guild, role, place, currency, seniority, pay_year, count) groups, as
    :data:`BACKFILL_SOURCES` select them."""
    sums: dict[tuple[Any, ...], list[float]] = {}
    for guild_id, role, place, currency, seniority, pay_year, n in groups:
        key = (guild_id, role, place, currency, seniority or "", bucket_of(pay_year))
        entry = sums.setdefault(key, [0, 0.0])
        entry[0] += n
        entry[1] += n * pay_year
    return [{**dict(zip(KEY, key, strict=True)), "n": int(n), "total": t} for key, (n, t) in sums.items()]
