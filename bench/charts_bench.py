"""CPU time of each chart, drawn the way a reply draws it (Pillow, one worker thread, PNG out).

    python -m bench.charts_bench            # 20 of each
    python -m bench.charts_bench --runs 50

The widest /salary chart (three currency panels, eight seniority levels), a three-posting /compare
chart and a five-role digest chart; labels are rendered once first (they are cached per text and size,
as in the bot), then each chart is timed ``--runs`` times with ``time.process_time`` (CPU, not wall).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

from store.models import ComparedPosting, PayView, PostingView

from commands.compare.chart import _compare_png
from commands.digest.chart import _chart_png
from commands.salary.chart import _salary_png
from store import Comparison, RoleMedian
from tests.factories import LEVELS, salary_stats


def _compared(pid: int, currency: str, low: float, high: float) -> ComparedPosting:
    pay = PayView(
        text=None, currency=currency, period="year", min=low, max=high, year_min=low, year_max=high,
        year_point=(low + high) / 2, usd_year=None, rate_date=None,
    )  # fmt: skip
    view = PostingView.model_construct(id=pid, title=f"Posting {pid} with a long title", pay=pay)
    return ComparedPosting(posting=view, percentile=None, peers=0, unique_skills=[])


def charts() -> dict[str, Callable[[], bytes]]:
    salary = salary_stats(["EUR", "USD", "GBP"], LEVELS)
    comparison = Comparison(
        postings=[_compared(1, "USD", 90_000, 110_000), _compared(2, "USD", 120_000, 150_000),
                  _compared(3, "EUR", 70_000, 80_000)],
        shared_skills=[], missing_ids=[],
    )  # fmt: skip
    medians = [
        RoleMedian(role=f"role {i}", currency="USD", median=100_000 + 5000 * i, n=10 + i,
                   previous_median=95_000 + 6000 * i, previous_n=9, change=(i - 2) / 20)
        for i in range(5)
    ]  # fmt: skip
    return {
        "/salary (3 panels, 9 boxes)": lambda: _salary_png(salary),
        "/compare (3 postings)": lambda: _compare_png(comparison),
        "digest (5 roles)": lambda: _chart_png(medians),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average {load}")
    for name, draw in charts().items():
        draw()  # labels rendered once
        times = []
        for _ in range(args.runs):
            started = time.process_time()
            draw()
            times.append(time.process_time() - started)
        middle, worst = statistics.median(times) * 1000, max(times) * 1000
        print(f"{name:<30} median {middle:6.1f} ms CPU   max {worst:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
