"""The /salary chart: a box per (currency, seniority), one panel per currency."""

from __future__ import annotations

from commands.core.chart import (
    BLACK,
    GRID,
    HEIGHT,
    MAX_WIDTH,
    MEDIAN,
    MIN_SLOT,
    P90,
    PANEL_TITLE_SIZE,
    SMALL_SIZE,
    TICK_LENGTH,
    TICK_SIZE,
    TITLE_SIZE,
    WIDTH,
    Box,
    Canvas,
    chart_file,
    frame,
    nice_ticks,
    span,
    text_size,
)  # fmt: skip
from commands.core.format import money, role_title
from commands.core.reply import ReplyFile
from store import Distribution, SalaryStats

# More panels than this are unreadable at chart size: the chart shows the currencies with the most
# postings (the reply's text still lists every currency).
MAX_CHART_CURRENCIES = 3
LEVEL_SHORT = {
    "intern": "int.", "entry": "entry", "senior": "sr.", "principal": "princ.", "manager": "mgr.",
    "director": "dir.", "executive": "exec.", "unstated": "?",
}  # fmt: skip


def _groups(
    cur_overall: Distribution, levels: list[tuple[str, Distribution]]
) -> list[tuple[str, Distribution]]:
    groups = [("all", cur_overall), *levels]
    return groups[:1] if len(groups) == 2 else groups  # one level: the same box twice says nothing


def _salary_png(stats: SalaryStats) -> bytes:
    """Box per (currency, seniority): whiskers min-max, box p25-p75, line at the median, triangle at p90.
    One panel per currency (the most common ones), as wide as its boxes need."""
    shown = sorted(stats.by_currency, key=lambda c: -c.overall.n)[:MAX_CHART_CURRENCIES]
    panels = [
        (
            cur.currency,
            _groups(cur.overall, [(s.seniority or "unstated", s.stats) for s in cur.by_seniority]),
        )
        for cur in shown
    ]
    # Room for each panel: its y tick labels, then its boxes (at least MIN_SLOT pixels each).
    layouts = []
    for currency, groups in panels:
        low, high = span([v for _, d in groups for v in (d.min, d.max, d.p90)])
        ticks = [t for t in nice_ticks(low, high) if low <= t <= high]
        labels = [money(t, currency) for t in ticks]
        label_width = max((text_size(label, TICK_SIZE)[0] for label in labels), default=0)
        layouts.append((currency, groups, low, high, ticks, labels, label_width + TICK_LENGTH + 6))
    margin = 12
    boxes_wanted = sum(len(groups) for _, groups in panels)
    fixed = 2 * margin + sum(layout[6] + 10 for layout in layouts)
    width = int(min(MAX_WIDTH, max(WIDTH, fixed + boxes_wanted * MIN_SLOT)))
    canvas = Canvas(width, HEIGHT)
    canvas.text(width / 2, 8, f"Pay for {role_title(stats.role_key)}", size=TITLE_SIZE, anchor="mt")
    slot = (width - fixed) / max(1, boxes_wanted)
    x = float(margin)
    for currency, groups, low, high, ticks, labels, axis_width in layouts:
        plot = Box(x + axis_width, 62, x + axis_width + slot * len(groups), HEIGHT - 44)
        _salary_panel(canvas, plot, f"{currency} per {stats.period}", groups, low, high, ticks, labels)
        x = plot.right + 10
    return canvas.png()


def _salary_panel(
    canvas: Canvas,
    plot: Box,
    title: str,
    groups: list[tuple[str, Distribution]],
    low: float,
    high: float,
    ticks: list[float],
    labels: list[str],
) -> None:
    draw = canvas.draw

    def y_of(value: float) -> float:
        return plot.bottom - (value - low) / (high - low) * (plot.bottom - plot.top)

    canvas.text((plot.left + plot.right) / 2, plot.top - 6, title, size=PANEL_TITLE_SIZE, anchor="mb")
    for tick, label in zip(ticks, labels, strict=True):
        y = round(y_of(tick))
        draw.line((plot.left, y, plot.right, y), fill=GRID)
        draw.line((plot.left - TICK_LENGTH, y, plot.left, y), fill=BLACK)
        canvas.text(plot.left - TICK_LENGTH - 3, y, label, size=TICK_SIZE, anchor="rm")
    slot = (plot.right - plot.left) / len(groups)
    names = [n if text_size(n, SMALL_SIZE)[0] <= slot - 4 else LEVEL_SHORT.get(n, n) for n, _ in groups]
    for i, ((_, d), name) in enumerate(zip(groups, names, strict=True)):
        cx = plot.left + slot * (i + 0.5)
        half, cap = slot * 0.3, slot * 0.15
        y_min, y_q1, y_med, y_q3, y_max = (round(y_of(v)) for v in (d.min, d.p25, d.median, d.p75, d.max))
        draw.line((cx, y_max, cx, y_q3), fill=BLACK)
        draw.line((cx, y_q1, cx, y_min), fill=BLACK)
        draw.line((cx - cap, y_max, cx + cap, y_max), fill=BLACK)
        draw.line((cx - cap, y_min, cx + cap, y_min), fill=BLACK)
        draw.rectangle((round(cx - half), y_q3, round(cx + half), y_q1), outline=BLACK)
        draw.line((round(cx - half) + 1, y_med, round(cx + half) - 1, y_med), fill=MEDIAN, width=2)
        canvas.marker(cx, y_of(d.p90), "triangle", 8, P90)
        draw.line((cx, plot.bottom, cx, plot.bottom + TICK_LENGTH), fill=BLACK)
        canvas.text(cx, plot.bottom + TICK_LENGTH + 2, name, size=SMALL_SIZE, anchor="mt")
        canvas.text(cx, plot.bottom + TICK_LENGTH + 16, f"n={d.n}", size=SMALL_SIZE, anchor="mt")
    frame(canvas, plot)


async def salary_chart(stats: SalaryStats) -> ReplyFile | None:
    if not stats.by_currency:
        return None
    return await chart_file(lambda: _salary_png(stats), "salary.png", f"Pay distribution for {stats.role}")
