"""The digest chart: how each role's median moved against the four weeks before, in percent (so roles
paid in different currencies share one axis honestly)."""

from __future__ import annotations

from commands.core import chart as engine
from commands.core.format import money, role_title
from commands.core.reply import ReplyFile
from commands.core.sample import MEDIAN_FROM, can_show_change
from store import DigestData, RoleMedian

ROLES = 5
CHART_FILE = "digest.png"
RISE = (44, 160, 44)  # matplotlib's tab:green and tab:red, the colours this chart always had
FALL = (214, 39, 40)
ROW_HEIGHT = 50
LEGEND_BAND = 22
MARGIN = 0.2  # room either side of the longest bar, as a share of the axis


def chart_helps(data: DigestData) -> bool:
    """A picture only when there is movement to show: a role with a median to compare against."""
    return bool(_moved(data.role_medians))


def _moved(medians: list[RoleMedian]) -> list[RoleMedian]:
    """The roles whose median has a change to show: a median this week and in the weeks before."""
    return [m for m in medians[:ROLES] if m.change is not None and can_show_change(m.n, m.previous_n)]


def _chart_png(medians: list[RoleMedian]) -> bytes:
    rows = _moved(medians)
    left_out = [m for m in medians[:ROLES] if m not in rows]
    changes = [(m.change or 0.0) * 100 for m in rows]
    labels = [f"{role_title(m.role)[:26].rstrip()} · {money(m.median, m.currency)} (n={m.n})" for m in rows]
    legend_rows = 2 if left_out else 1
    height = 34 + ROW_HEIGHT * len(rows) + 36 + LEGEND_BAND * legend_rows
    canvas = engine.Canvas(engine.WIDTH, height)
    label_width = max(engine.text_size(label, engine.TICK_SIZE)[0] for label in labels)
    plot = engine.Box(
        12 + label_width + engine.TICK_LENGTH + 6,
        34,
        engine.WIDTH - 40,
        height - 36 - LEGEND_BAND * legend_rows,
    )
    low, high = min(0.0, *changes), max(0.0, *changes)
    pad = (high - low) * MARGIN or 1.0
    low, high = low - pad, high + pad

    def x_of(value: float) -> float:
        return plot.left + (value - low) / (high - low) * (plot.right - plot.left)

    title = "Median yearly pay this week vs the 4 weeks before"
    canvas.text((plot.left + plot.right) / 2, plot.top - 8, title, size=engine.PANEL_TITLE_SIZE, anchor="mb")
    draw = canvas.draw
    for tick in (t for t in engine.nice_ticks(low, high, target=6) if low <= t <= high):
        x = round(x_of(tick))
        draw.line((x, plot.top, x, plot.bottom), fill=engine.GRID)
        draw.line((x, plot.bottom, x, plot.bottom + engine.TICK_LENGTH), fill=engine.BLACK)
        canvas.text(
            x, plot.bottom + engine.TICK_LENGTH + 2, f"{tick:+.0f}%", size=engine.TICK_SIZE, anchor="mt"
        )
    step = (plot.bottom - plot.top) / len(rows)
    zero = round(x_of(0.0))
    for i, (change, label) in enumerate(zip(changes, labels, strict=True)):
        y = plot.top + step * (i + 0.5)
        end = round(x_of(change))
        half = step * 0.3
        draw.rectangle(
            (min(zero, end), round(y - half), max(zero, end), round(y + half)),
            fill=RISE if change >= 0 else FALL,
        )
        draw.line((plot.left - engine.TICK_LENGTH, round(y), plot.left, round(y)), fill=engine.BLACK)
        canvas.text(plot.left - engine.TICK_LENGTH - 3, y, label, size=engine.TICK_SIZE, anchor="rm")
    draw.line((zero, plot.top, zero, plot.bottom), fill=engine.BLACK)
    engine.frame(canvas, plot)
    legend_y = height - LEGEND_BAND * (legend_rows - 0.5) - 4
    engine.legend(
        canvas,
        12,
        legend_y,
        [
            ("bar", RISE, "median rose"),
            ("bar", FALL, f"median fell (roles with a median, {MEDIAN_FROM}+ postings, in both periods)"),
        ],
    )
    if left_out:
        names = ", ".join(f"{role_title(m.role)} ({m.currency}, n={m.n})" for m in left_out)
        note = f"Not drawn, too few for a change: {names}"
        canvas.text(12, legend_y + LEGEND_BAND, note[:120], size=engine.SMALL_SIZE, anchor="lm")
    return canvas.png()


async def digest_chart(data: DigestData) -> ReplyFile | None:
    if not chart_helps(data):
        return None
    return await engine.chart_file(
        lambda: _chart_png(data.role_medians), CHART_FILE, "How role medians moved"
    )
