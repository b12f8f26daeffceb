"""The /compare chart: one panel per currency."""

from __future__ import annotations

from commands.compare import chart
from commands.core.chart import WIDTH
from store import Comparison
from store.results import ComparedPosting, PayView, PostingView
from tests.commands.core.test_chart import image


def _compared(pid: int, currency: str, low: float, high: float | None) -> ComparedPosting:
    point = low if high is None else (low + high) / 2
    pay = PayView(
        text=None, currency=currency, period="year", min=low, max=high, year_min=low, year_max=high,
        year_point=point, usd_year=None, rate_date=None,
    )  # fmt: skip
    view = PostingView.model_construct(id=pid, title=f"Posting {pid} with a rather long title", pay=pay)
    return ComparedPosting(posting=view, percentile=None, peers=0, unique_skills=[])


def test_compare_chart_one_panel_per_currency() -> None:
    two = Comparison(
        postings=[_compared(1, "USD", 90_000, 110_000), _compared(2, "USD", 120_000, None)],
        shared_skills=[],
        missing_ids=[],
    )
    three = Comparison(
        postings=[*two.postings, _compared(3, "EUR", 70_000, 80_000)], shared_skills=[], missing_ids=[]
    )
    small, tall = image(chart._compare_png(two)), image(chart._compare_png(three))
    assert small.width == tall.width == WIDTH
    assert tall.height > small.height


def test_a_posting_without_pay_is_named_under_the_chart() -> None:
    paid = [_compared(1, "USD", 90_000, 110_000), _compared(2, "USD", 120_000, None)]
    unpaid = PostingView.model_construct(id=9, title="No pay here", pay=None)
    both = Comparison(
        postings=[*paid, ComparedPosting(posting=unpaid, percentile=None, peers=0, unique_skills=[])],
        shared_skills=[],
        missing_ids=[],
    )
    alone = Comparison(postings=paid, shared_skills=[], missing_ids=[])
    with_note, without = image(chart._compare_png(both)), image(chart._compare_png(alone))
    assert with_note.height == without.height + chart.LEGEND_BAND
