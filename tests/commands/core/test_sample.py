"""The small-n rule: what a group of n postings may show, as one table."""

from __future__ import annotations

import pytest

from commands.core import sample
from store import Distribution


def _dist(n: int) -> Distribution:
    """n postings paid 100, 110, 120... (sorted): the percentiles by the store's rule."""
    values = [100.0 + 10 * i for i in range(n)]

    def at(p: float) -> float:
        h = (n - 1) * p
        lo = int(h)
        hi = min(lo + 1, n - 1)
        return values[lo] + (h - lo) * (values[hi] - values[lo])

    return Distribution(
        n=n, min=values[0], p25=at(0.25), median=at(0.5), p75=at(0.75), p90=at(0.9), max=values[-1]
    )


# n -> (figures listed, median, p25-p75, p90)
TABLE = [
    (1, (100.0,), False, False, False),
    (2, (100.0, 110.0), False, False, False),
    (3, (), True, False, False),
    (4, (), True, False, False),
    (5, (), True, True, False),
    (9, (), True, True, False),
    (10, (), True, True, True),
    (250, (), True, True, True),
]


@pytest.mark.parametrize(("n", "figures", "median", "quartiles", "p90"), TABLE)
def test_what_a_group_of_n_shows(
    n: int, figures: tuple[float, ...], median: bool, quartiles: bool, p90: bool
) -> None:
    shown = sample.shown(_dist(n))
    assert shown.n == n
    assert shown.figures == figures
    assert (shown.median is not None) is median
    assert (shown.p25 is not None and shown.p75 is not None) is quartiles
    assert (shown.p90 is not None) is p90


def test_two_equal_figures_are_one() -> None:
    same = Distribution(n=2, min=5.0, p25=5.0, median=5.0, p75=5.0, p90=5.0, max=5.0)
    assert sample.shown(same).figures == (5.0,)


@pytest.mark.parametrize(
    ("sizes", "allowed"),
    [((5, 5), True), ((4, 100), False), ((100, 4), False), ((5,), True), ((1,), False), ((), False)],
)
def test_premiums_and_ranks_need_five_on_every_side(sizes: tuple[int, ...], allowed: bool) -> None:
    assert sample.can_compare(*sizes) is allowed


@pytest.mark.parametrize(("n", "previous", "allowed"), [(3, 3, True), (2, 9, False), (9, 2, False)])
def test_a_change_needs_a_median_on_both_sides(n: int, previous: int, allowed: bool) -> None:
    assert sample.can_show_change(n, previous) is allowed


def test_detail_and_brief_follow_the_rule() -> None:
    assert sample.brief(_dist(2), "USD") == "$100 and $110 (n=2)"
    assert sample.brief(_dist(3), "USD") == "median $110 (n=3)"
    assert "p25" not in sample.detail(_dist(4), "USD") and "p90" not in sample.detail(_dist(9), "USD")
    assert "p25–p75 $120–$160" in sample.detail(_dist(9), "USD")
    assert "too few for percentiles" in sample.detail(_dist(1), "EUR")


def test_json_answers_follow_the_rule_at_any_depth() -> None:
    dumped = {"by_currency": [{"currency": "GBP", "overall": _dist(1).model_dump(mode="json")}]}
    overall = sample.honest_json(dumped)["by_currency"][0]["overall"]
    assert overall["figures"] == [100.0] and overall["median"] is None and overall["p90"] is None
    ranked = sample.honest_compare({"postings": [{"peers": 2, "percentile": 50.0}]})
    assert ranked["postings"][0]["percentile"] is None
    skills = sample.honest_skills(
        {"skills": [{"n_with_pay": 1, "n_without_pay": 9, "median_with": 1.0, "median_without": 2.0}]}
    )
    assert skills["skills"][0]["median_with"] is None and skills["skills"][0]["median_without"] is None


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_every_figure_of_a_small_group_is_recovered(n: int) -> None:
    assert sample.every_figure(_dist(n)) == pytest.approx([100.0 + 10 * i for i in range(n)])
    with pytest.raises(ValueError):
        sample.every_figure(_dist(sample.QUARTILES_FROM))
