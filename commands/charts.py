"""Chart images for replies: rendered with matplotlib's Agg backend in a worker thread."""

from __future__ import annotations

import asyncio
import io

from matplotlib.figure import Figure

from commands.format import money, role_title
from commands.reply import ReplyFile
from store import Comparison, SalaryStats

WIDTH, HEIGHT, DPI = 8.0, 4.0, 100
# More panels than this are unreadable at chart size and cost seconds of CPU: the chart shows the
# currencies with the most postings (the reply's text still lists every currency).
MAX_CHART_CURRENCIES = 3


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return buffer.getvalue()


def _salary_png(stats: SalaryStats) -> bytes:
    """Box per (currency, seniority): whiskers min-max, box p25-p75, line at the median, dot at p90."""
    fig = Figure(figsize=(WIDTH, HEIGHT))
    shown = sorted(stats.by_currency, key=lambda c: -c.overall.n)[:MAX_CHART_CURRENCIES]
    axes = fig.subplots(1, len(shown), squeeze=False)[0]
    for ax, cur in zip(axes, shown, strict=True):
        groups = [("all", cur.overall)] + [(s.seniority or "unstated", s.stats) for s in cur.by_seniority]
        if len(groups) == 2:  # one seniority: the same box twice says nothing
            groups = groups[:1]
        boxes = [
            {
                "label": f"{name}\n(n={d.n})",
                "whislo": d.min,
                "q1": d.p25,
                "med": d.median,
                "q3": d.p75,
                "whishi": d.max,
            }
            for name, d in groups
        ]
        ax.bxp(boxes, showfliers=False, widths=0.6)
        ax.scatter(
            range(1, len(groups) + 1), [d.p90 for _, d in groups], marker="^", s=20, label="p90", zorder=3
        )
        ax.set_title(f"{cur.currency} per {stats.period}")
        ax.yaxis.set_major_formatter(lambda v, _pos, c=cur.currency: money(v, c))
        ax.grid(axis="y", alpha=0.3)
        ax.tick_params(axis="x", labelsize=8)
    fig.suptitle(f"Pay for {role_title(stats.role_key)}")
    return _png(fig)


def _compare_png(comparison: Comparison) -> bytes:
    """Yearly pay of each posting (range as a bar, pay point as a dot), one panel per currency."""
    paid = [
        c for c in comparison.postings if c.posting.pay is not None and c.posting.pay.year_point is not None
    ]
    currencies = sorted({c.posting.pay.currency for c in paid if c.posting.pay})
    fig = Figure(figsize=(WIDTH, max(2.0, 0.6 * len(paid) + 1.2)))
    axes = fig.subplots(len(currencies), 1, squeeze=False)[:, 0]
    for ax, cur in zip(axes, currencies, strict=True):
        rows = [c for c in paid if c.posting.pay and c.posting.pay.currency == cur]
        for y, c in enumerate(rows):
            pay = c.posting.pay
            assert pay is not None and pay.year_point is not None
            low = pay.year_min if pay.year_min is not None else pay.year_point
            high = pay.year_max if pay.year_max is not None else pay.year_point
            ax.plot([low, high], [y, y], linewidth=8, alpha=0.4, solid_capstyle="butt")
            ax.plot([pay.year_point], [y], "o", color="black")
        ax.set_yticks(range(len(rows)), [f"#{c.posting.id} {(c.posting.title or '')[:24]}" for c in rows])
        ax.xaxis.set_major_formatter(lambda v, _pos, c=cur: money(v, c))
        ax.set_title(f"Yearly pay ({cur})", fontsize=10)
        ax.grid(axis="x", alpha=0.3)
        ax.margins(y=0.4)
    return _png(fig)


async def salary_chart(stats: SalaryStats) -> ReplyFile | None:
    if not stats.by_currency:
        return None
    data = await asyncio.to_thread(_salary_png, stats)
    return ReplyFile(filename="salary.png", data=data, description=f"Pay distribution for {stats.role}")


async def compare_chart(comparison: Comparison) -> ReplyFile | None:
    # The same test as _compare_png's: a pay with no amount (no year_point) has nothing to plot.
    if not any(
        c.posting.pay is not None and c.posting.pay.year_point is not None for c in comparison.postings
    ):
        return None
    data = await asyncio.to_thread(_compare_png, comparison)
    return ReplyFile(filename="compare.png", data=data, description="Yearly pay of the compared postings")
