"""The /compare chart: yearly pay of each posting (range as a bar, pay point as a dot), per currency."""

from __future__ import annotations

from commands.core.chart import (
    BLACK,
    GRID,
    PALETTE,
    PANEL_TITLE_SIZE,
    RGB,
    SMALL_SIZE,
    TICK_LENGTH,
    TICK_SIZE,
    WIDTH,
    Box,
    Canvas,
    LegendMark,
    chart_file,
    faded,
    frame,
    legend,
    nice_ticks,
    span,
    text_size,
)  # fmt: skip
from commands.core.format import money
from commands.core.reply import ReplyFile
from store import ComparedPosting, Comparison

LEGEND_BAND = 22


def _has_pay(c: ComparedPosting) -> bool:
    """A pay with an amount (a year_point) to plot."""
    return c.posting.pay is not None and c.posting.pay.year_point is not None


def _compare_png(comparison: Comparison) -> bytes:
    """Yearly pay of each posting (range as a bar, pay point as a dot), one panel per currency."""
    rows_by_currency: dict[str, list[tuple[str, float, float, float]]] = {}
    for c in comparison.postings:
        pay = c.posting.pay
        if pay is None or pay.year_point is None:
            continue
        low = pay.year_min if pay.year_min is not None else pay.year_point
        high = pay.year_max if pay.year_max is not None else pay.year_point
        label = f"#{c.posting.id} {(c.posting.title or '')[:24]}".strip()
        rows_by_currency.setdefault(pay.currency, []).append((label, low, high, pay.year_point))
    currencies = sorted(rows_by_currency)
    unpaid = [
        f"#{c.posting.id}"
        for c in comparison.postings
        if c.posting.pay is None or c.posting.pay.year_point is None
    ]
    row_height, title_band, tick_band = 40, 24, 30  # per bar; per panel: its title, its tick labels
    height = 8 + sum(title_band + len(r) * row_height + 12 + tick_band for r in rows_by_currency.values())
    height += LEGEND_BAND * (2 if unpaid else 1)
    label_width = max(text_size(label, TICK_SIZE)[0] for r in rows_by_currency.values() for label, *_ in r)
    canvas = Canvas(WIDTH, height)
    left = 12 + label_width + TICK_LENGTH + 6
    top = 8.0
    colour = 0
    for currency in currencies:
        rows_here = rows_by_currency[currency]
        plot = Box(left, top + title_band, WIDTH - 24, top + title_band + len(rows_here) * row_height + 12)
        colour = _compare_panel(canvas, plot, currency, rows_here, colour)
        top = plot.bottom + tick_band
    marks: list[tuple[LegendMark, RGB, str]] = [
        ("bar", faded(PALETTE[0], 0.4), "the range a posting states, per year"),
        ("dot", BLACK, "the figure it counts as (its midpoint)"),
    ]
    legend(canvas, 12, top + 4, marks)
    if unpaid:
        canvas.text(
            12,
            top + 4 + LEGEND_BAND,
            f"Not drawn, no pay stated: {', '.join(unpaid)}",
            size=SMALL_SIZE,
            anchor="lm",
        )
    return canvas.png()


def _compare_panel(
    canvas: Canvas, plot: Box, currency: str, rows: list[tuple[str, float, float, float]], colour: int
) -> int:
    draw = canvas.draw
    low, high = span([v for _, lo, hi, point in rows for v in (lo, hi, point)])
    ticks = [t for t in nice_ticks(low, high, target=5) if low <= t <= high]  # wide labels: fewer

    def x_of(value: float) -> float:
        return plot.left + (value - low) / (high - low) * (plot.right - plot.left)

    canvas.text(
        (plot.left + plot.right) / 2,
        plot.top - 4,
        f"Yearly pay ({currency})",
        size=PANEL_TITLE_SIZE,
        anchor="mb",
    )
    for tick in ticks:
        x = round(x_of(tick))
        draw.line((x, plot.top, x, plot.bottom), fill=GRID)
        draw.line((x, plot.bottom, x, plot.bottom + TICK_LENGTH), fill=BLACK)
        canvas.text(x, plot.bottom + TICK_LENGTH + 2, money(tick, currency), size=TICK_SIZE, anchor="mt")
    step = (plot.bottom - plot.top) / len(rows)
    for i, (label, lo, hi, point) in enumerate(rows):
        y = plot.top + step * (i + 0.5)
        base = PALETTE[colour % len(PALETTE)]
        x0, x1 = round(x_of(lo)), round(x_of(hi))
        draw.rectangle((x0, round(y - 5), max(x0 + 1, x1), round(y + 5)), fill=faded(base, 0.4))
        canvas.marker(x_of(point), y, "dot", 9, BLACK)
        draw.line((plot.left - TICK_LENGTH, round(y), plot.left, round(y)), fill=BLACK)
        canvas.text(plot.left - TICK_LENGTH - 3, y, label, size=TICK_SIZE, anchor="rm")
        colour += 1
    frame(canvas, plot)
    return colour


async def compare_chart(comparison: Comparison) -> ReplyFile | None:
    if not any(_has_pay(c) for c in comparison.postings):
        return None
    return await chart_file(
        lambda: _compare_png(comparison), "compare.png", "Yearly pay of the compared postings"
    )
