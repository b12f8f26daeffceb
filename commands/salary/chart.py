"""The /salary chart: a box (or, for a small group, its figures as dots) per (currency, seniority), one
panel and one axis per currency."""

from __future__ import annotations

from dataclasses import dataclass

from commands.core.chart import (
    BLACK,
    GRID,
    HEIGHT,
    MAX_WIDTH,
    MEDIAN,
    MIN_SLOT,
    P90,
    PANEL_TITLE_SIZE,
    RGB,
    SMALL_SIZE,
    TICK_LENGTH,
    TICK_SIZE,
    TITLE_SIZE,
    WIDTH,
    Box,
    Canvas,
    LegendMark,
    chart_file,
    frame,
    legend,
    nice_ticks,
    span,
    text_size,
)  # fmt: skip
from commands.core.format import money, role_title
from commands.core.reply import ReplyFile
from commands.core.sample import P90_FROM, QUARTILES_FROM, every_figure, has_median, has_p90, has_quartiles
from store import Distribution, SalaryStats

# More panels than this are unreadable at chart size: the chart shows the currencies with the most
# postings and names the others under it (the reply's text lists every currency).
MAX_CHART_CURRENCIES = 3
LEVEL_SHORT = {
    "intern": "int.", "entry": "entry", "senior": "sr.", "principal": "princ.", "manager": "mgr.",
    "director": "dir.", "executive": "exec.", "unstated": "?",
}  # fmt: skip
LEGEND_BAND = 22  # pixels under the level names: the legend, then the note of what was left out


@dataclass(frozen=True, slots=True)
class Group:
    """One mark of a panel: a box when its n allows one, else its figures as points."""

    name: str
    stats: Distribution

    @property
    def boxed(self) -> bool:
        return has_quartiles(self.stats.n)


@dataclass(frozen=True, slots=True)
class Panel:
    """One axis: pay in one currency per one period."""

    currency: str
    period: str
    groups: list[Group]


@dataclass(frozen=True, slots=True)
class Plan:
    """What the chart draws: one panel per drawn (currency, period), and the ones left out with their
    n, named under the chart."""

    panels: list[Panel]
    left_out: list[tuple[str, int]]


def _groups(cur_overall: Distribution, levels: list[tuple[str, Distribution]]) -> list[Group]:
    groups = [Group("all", cur_overall), *(Group(name, d) for name, d in levels)]
    return groups[:1] if len(groups) == 2 else groups  # one level: the same mark twice says nothing


def plan(stats: SalaryStats) -> Plan:
    ordered = sorted(stats.by_currency, key=lambda c: -c.overall.n)
    drawn, rest = ordered[:MAX_CHART_CURRENCIES], ordered[MAX_CHART_CURRENCIES:]
    return Plan(
        panels=[
            Panel(
                cur.currency,
                cur.period,
                _groups(cur.overall, [(s.seniority or "unstated", s.stats) for s in cur.by_seniority]),
            )
            for cur in drawn
        ],
        left_out=[
            (cur.currency if cur.period == "year" else f"{cur.currency}/{cur.period}", cur.overall.n)
            for cur in rest
        ],
    )


def _drawn_values(d: Distribution) -> list[float]:
    values = [d.min, d.max]
    if has_p90(d.n):
        values.append(d.p90)
    return values


def _salary_png(stats: SalaryStats) -> bytes:
    """Per (currency, seniority): a box (whiskers min-max, box p25-p75, line at the median, triangle
    at p90 from P90_FROM postings) when the group is big enough for one, else its postings' figures as
    dots (and the median as a line from MEDIAN_FROM). One panel per currency, as wide as its marks
    need; a legend for every mark, and the currencies left out named under it."""
    chosen = plan(stats)
    layouts = []
    for panel in chosen.panels:
        currency, groups = panel.currency, panel.groups
        low, high = span([v for g in groups for v in _drawn_values(g.stats)])
        ticks = [t for t in nice_ticks(low, high) if low <= t <= high]
        labels = [money(t, currency) for t in ticks]
        label_width = max((text_size(label, TICK_SIZE)[0] for label in labels), default=0)
        title = f"{currency} per {panel.period}"
        layouts.append((title, groups, low, high, ticks, labels, label_width + TICK_LENGTH + 6))
    margin = 12
    boxes_wanted = sum(len(panel.groups) for panel in chosen.panels)
    fixed = 2 * margin + sum(layout[6] + 10 for layout in layouts)
    width = int(min(MAX_WIDTH, max(WIDTH, fixed + boxes_wanted * MIN_SLOT)))
    canvas = Canvas(width, HEIGHT)
    canvas.text(width / 2, 8, f"Pay for {role_title(stats.role_key)}", size=TITLE_SIZE, anchor="mt")
    slot = (width - fixed) / max(1, boxes_wanted)
    x = float(margin)
    bottom = HEIGHT - 44 - LEGEND_BAND * (2 if chosen.left_out else 1)
    for title, groups, low, high, ticks, labels, axis_width in layouts:
        plot = Box(x + axis_width, 62, x + axis_width + slot * len(groups), bottom)
        _salary_panel(canvas, plot, title, groups, low, high, ticks, labels)
        x = plot.right + 10
    _legend(canvas, width, bottom + 44, chosen)
    return canvas.png()


def _legend(canvas: Canvas, width: int, y: float, chosen: Plan) -> None:
    groups = [g for panel in chosen.panels for g in panel.groups]
    entries: list[tuple[LegendMark, RGB, str]] = []
    if any(g.boxed for g in groups):
        entries.append(("box", BLACK, f"box p25–p75, whiskers min–max (from {QUARTILES_FROM} postings)"))
    if any(not g.boxed for g in groups):
        entries.append(("dot", BLACK, f"dots: each figure, fewer than {QUARTILES_FROM} postings"))
    if any(has_median(g.stats.n) for g in groups):
        entries.append(("line", MEDIAN, "median"))
    if any(has_p90(g.stats.n) for g in groups):
        entries.append(("triangle", P90, f"p90 (from {P90_FROM})"))
    legend(canvas, 12, y, entries)
    if chosen.left_out:
        left = ", ".join(f"{code} (n={n})" for code, n in chosen.left_out)
        note = f"Not drawn: {left}; see the figures in the reply."
        canvas.text(12, y + LEGEND_BAND, note[: max(1, width // 6)], size=SMALL_SIZE, anchor="lm")


def _salary_panel(
    canvas: Canvas,
    plot: Box,
    title: str,
    groups: list[Group],
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
    names = [
        g.name if text_size(g.name, SMALL_SIZE)[0] <= slot - 4 else LEVEL_SHORT.get(g.name, g.name)
        for g in groups
    ]
    for i, (group, name) in enumerate(zip(groups, names, strict=True)):
        d = group.stats
        cx = plot.left + slot * (i + 0.5)
        half, cap = slot * 0.3, slot * 0.15
        if group.boxed:
            y_min, y_q1, y_q3, y_max = (round(y_of(v)) for v in (d.min, d.p25, d.p75, d.max))
            draw.line((cx, y_max, cx, y_q3), fill=BLACK)
            draw.line((cx, y_q1, cx, y_min), fill=BLACK)
            draw.line((cx - cap, y_max, cx + cap, y_max), fill=BLACK)
            draw.line((cx - cap, y_min, cx + cap, y_min), fill=BLACK)
            draw.rectangle((round(cx - half), y_q3, round(cx + half), y_q1), outline=BLACK)
        else:
            for value in every_figure(d):
                canvas.marker(cx, y_of(value), "dot", 7, BLACK)
        if has_median(d.n):
            y_med = round(y_of(d.median))
            draw.line((round(cx - half) + 1, y_med, round(cx + half) - 1, y_med), fill=MEDIAN, width=2)
        if has_p90(d.n):
            canvas.marker(cx, y_of(d.p90), "triangle", 8, P90)
        draw.line((cx, plot.bottom, cx, plot.bottom + TICK_LENGTH), fill=BLACK)
        canvas.text(cx, plot.bottom + TICK_LENGTH + 2, name, size=SMALL_SIZE, anchor="mt")
        canvas.text(cx, plot.bottom + TICK_LENGTH + 16, f"n={d.n}", size=SMALL_SIZE, anchor="mt")
    frame(canvas, plot)


async def salary_chart(stats: SalaryStats) -> ReplyFile | None:
    if not stats.by_currency:
        return None
    return await chart_file(lambda: _salary_png(stats), "salary.png", f"Pay distribution for {stats.role}")
