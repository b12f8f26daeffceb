"""What a group of n postings may show: the one small-n rule of every reply, chart and JSON answer.

The thresholds follow from how the percentiles are interpolated (between the closest ranks):

- below ``MEDIAN_FROM`` (3) a median is one of the figures or the midpoint of two: the figures
  themselves say more, so they are listed and nothing else;
- from ``QUARTILES_FROM`` (5) p25 and p75 fall on real postings (ranks 2 and 4 of 5) instead of
  being blends of the extremes, so the p25–p75 range and a box in a chart mean something;
- from ``P90_FROM`` (10) the p90 is no longer a blend of the two highest figures, mostly the maximum;
- a premium (pay with against without a skill) and a percentile rank need ``COMPARISON_FROM`` (5) on
  each side: a median of fewer moves with any single posting;
- a change of a median needs a median on both sides (``MEDIAN_FROM`` each).

Every group always shows its n.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from commands.core.format import money
from store import Distribution

MEDIAN_FROM = 3
QUARTILES_FROM = 5
P90_FROM = 10
COMPARISON_FROM = 5


def has_median(n: int) -> bool:
    return n >= MEDIAN_FROM


def has_quartiles(n: int) -> bool:
    """Enough for p25–p75 (and a box in a chart)."""
    return n >= QUARTILES_FROM


def has_p90(n: int) -> bool:
    return n >= P90_FROM


def can_compare(*sizes: int) -> bool:
    """Enough on every side for a premium or a percentile rank among peers."""
    return bool(sizes) and all(n >= COMPARISON_FROM for n in sizes)


def can_show_change(n: int, previous_n: int) -> bool:
    return has_median(n) and has_median(previous_n)


@dataclass(frozen=True, slots=True)
class Shown:
    """The part of a distribution its n allows: ``figures`` below MEDIAN_FROM (the postings' own
    pay), the percentiles from their thresholds; None for what may not be shown."""

    n: int
    figures: tuple[float, ...]
    min: float
    max: float
    median: float | None
    p25: float | None
    p75: float | None
    p90: float | None

    def as_json(self) -> dict[str, Any]:
        found = asdict(self)
        found["figures"] = list(self.figures)
        return found


def shown(d: Distribution) -> Shown:
    """The figures of ``d`` its n allows. Below three postings the figures are the minimum and the
    maximum themselves (one value for n=1)."""
    figures: tuple[float, ...] = ()
    if not has_median(d.n):
        figures = (d.min,) if d.n == 1 or d.min == d.max else (d.min, d.max)
    quartiles = has_quartiles(d.n)
    return Shown(
        n=d.n,
        figures=figures,
        min=d.min,
        max=d.max,
        median=d.median if has_median(d.n) else None,
        p25=d.p25 if quartiles else None,
        p75=d.p75 if quartiles else None,
        p90=d.p90 if has_p90(d.n) else None,
    )


def every_figure(d: Distribution) -> tuple[float, ...]:
    """Each posting's figure of a group too small for a box (n below QUARTILES_FROM), recovered from its
    distribution: with n at most 4 every rank is the minimum, the maximum or a known blend of two
    neighbours (the percentile rule interpolates p25 of 4 at rank 0.75 and p75 at rank 2.25)."""
    if d.n >= QUARTILES_FROM:
        raise ValueError("a group this large is drawn as a box")
    if d.n <= 2:
        return shown(d).figures
    if d.n == 3:
        return (d.min, d.median, d.max)
    second = d.min + (d.p25 - d.min) / 0.75
    third = (d.p75 - 0.25 * d.max) / 0.75
    return (d.min, second, third, d.max)


def postings(n: int) -> str:
    """``1 posting``, ``12 postings``."""
    return f"{n:,} posting{'' if n == 1 else 's'}"


def honest_json(value: Any) -> Any:
    """A dumped result (``model_dump(mode="json")``) with every distribution in it cut to what its n
    allows: the CLI's ``--json`` shows what the replies show."""
    if isinstance(value, list):
        return [honest_json(v) for v in value]
    if not isinstance(value, dict):
        return value
    if set(Distribution.model_fields) <= set(value):
        return shown(Distribution.model_validate(value)).as_json()
    return {key: honest_json(v) for key, v in value.items()}


def brief(d: Distribution, currency: str) -> str:
    """One group in a line: ``median £52k (n=7)``, or the figures themselves when too few
    (``£45k and £55k (n=2)``)."""
    s = shown(d)
    if s.median is None:
        return f"{' and '.join(money(v, currency) for v in s.figures)} (n={s.n})"
    return f"median {money(s.median, currency)} (n={s.n})"


def detail(d: Distribution, currency: str) -> str:
    """A group's figures as its n allows, most telling first."""
    s = shown(d)
    if s.median is None:
        return f"{' and '.join(f'**{money(v, currency)}**' for v in s.figures)}: too few for percentiles"
    parts = [f"median **{money(s.median, currency)}**"]
    if s.p25 is not None and s.p75 is not None:
        parts.append(f"p25–p75 {money(s.p25, currency)}–{money(s.p75, currency)}")
    tail = [f"min {money(s.min, currency)}"]
    if s.p90 is not None:
        tail.append(f"p90 {money(s.p90, currency)}")
    tail.append(f"max {money(s.max, currency)}")
    return " · ".join(parts) + "\n" + " · ".join(tail)


def honest_compare(dumped: dict[str, Any]) -> dict[str, Any]:
    """A dumped Comparison with each percentile rank dropped where its peers are too few."""
    for item in dumped.get("postings", []):
        if not can_compare(int(item.get("peers") or 0)):
            item["percentile"] = None
    return dumped


def honest_skills(dumped: dict[str, Any]) -> dict[str, Any]:
    """A dumped SkillSummary with each pay premium dropped where a side has too few postings."""
    for item in dumped.get("skills", []):
        if not can_compare(int(item.get("n_with_pay") or 0), int(item.get("n_without_pay") or 0)):
            item["median_with"] = item["median_without"] = None
    return dumped
