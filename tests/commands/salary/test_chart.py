"""The /salary chart, for every shape of statistics."""

from __future__ import annotations

import pytest

from commands.core.chart import HEIGHT, MAX_WIDTH, WIDTH
from commands.core.sample import QUARTILES_FROM
from commands.salary import chart
from store import Distribution, SalaryStats, SeniorityStats
from tests.commands.core.test_chart import image
from tests.factories import LEVELS, dist, salary_stats


@pytest.mark.parametrize(
    ("currencies", "levels"),
    [
        (["USD"], ("mid",)),
        (["USD"], (None, "senior")),
        (["EUR", "USD", "GBP", "INR", "JPY"], LEVELS),  # at most three panels, wider but bounded
        (["KRW"], (None,)),
    ],
)
def test_salary_chart_for_every_shape(currencies: list[str], levels: tuple[str | None, ...]) -> None:
    png = image(chart._salary_png(salary_stats(currencies, levels)))
    assert WIDTH <= png.width <= MAX_WIDTH and png.height == HEIGHT


def test_salary_chart_with_one_posting() -> None:
    one = Distribution(n=1, min=50_000, p25=50_000, median=50_000, p75=50_000, p90=50_000, max=50_000)
    stats = salary_stats(["USD"])
    stats.by_currency[0].overall = one
    stats.by_currency[0].by_seniority = [SeniorityStats(seniority=None, stats=one)]
    image(chart._salary_png(stats))


def _sized(stats_n: list[int]) -> SalaryStats:
    """One currency per size, each with one seniority level of that size."""
    codes = ["USD", "EUR", "GBP", "INR", "JPY"]
    found = salary_stats(codes[: len(stats_n)])
    for cur, n in zip(found.by_currency, stats_n, strict=True):
        cur.overall = dist(cur.overall.median, n=n)
        cur.by_seniority = [SeniorityStats(seniority="senior", stats=dist(cur.overall.median, n=n))]
    return found


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 12])
def test_a_box_only_from_the_quartile_threshold(n: int) -> None:
    panel, *_ = chart.plan(_sized([n])).panels
    assert panel.currency == "USD" and panel.groups
    assert all(g.boxed is (n >= QUARTILES_FROM) for g in panel.groups)
    image(chart._salary_png(_sized([n])))


@pytest.mark.parametrize("sizes", [[9], [9, 3], [9, 3, 1], [9, 3, 1, 2], [40, 30, 20, 10, 5]])
def test_every_currency_is_drawn_or_named_as_left_out(sizes: list[int]) -> None:
    stats = _sized(sizes)
    chosen = chart.plan(stats)
    drawn = [panel.currency for panel in chosen.panels]
    left = [code for code, _ in chosen.left_out]
    assert sorted(drawn + left) == sorted(c.currency for c in stats.by_currency)
    assert len(drawn) == min(len(sizes), chart.MAX_CHART_CURRENCIES)
    assert [n for _, n in chosen.left_out] == sorted(sizes, reverse=True)[chart.MAX_CHART_CURRENCIES :]
    image(chart._salary_png(stats))
