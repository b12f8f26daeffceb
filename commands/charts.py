"""Chart images for replies, drawn with Pillow in a worker thread.

The charts are simple (boxes, bars, dots and a few dozen labels), so they are drawn directly instead of
through a plotting library: a /salary chart costs a few milliseconds, where matplotlib's figure, axes
and text layout took 0.2-0.3 s of CPU, enough to make a burst of questions wait many seconds. Labels
are rendered once per (text, size) and pasted after (tick labels and level names repeat from chart to
chart), and the PNG encoding, the largest step left, is mostly deflate, which runs with the GIL released.

The look follows the matplotlib charts these replaced: DejaVu Sans, matplotlib's default colours,
light grid lines at the ticks, tick labels in the reply's money format.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import math
import struct
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from commands.format import money, role_title
from commands.reply import ReplyFile
from store import Comparison, Distribution, SalaryStats

# More panels than this are unreadable at chart size: the chart shows the currencies with the most
# postings (the reply's text still lists every currency).
MAX_CHART_CURRENCIES = 3
WIDTH, HEIGHT = 800, 400  # pixels; a chart with many boxes grows wider, up to MAX_WIDTH
MAX_WIDTH = 1400
MIN_SLOT = 46  # pixels per box (or per bar row) before labels would overlap
ZLIB_LEVEL = 3  # flat colours: nearly the size of level 6, in half the time

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
TEXT: RGB = (38, 38, 38)
GRID: RGB = (231, 231, 231)  # matplotlib's grid (#b0b0b0) at alpha 0.3 on white
PALETTE: tuple[RGB, ...] = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189))
MEDIAN = PALETTE[1]
P90 = PALETTE[0]

TITLE_SIZE, PANEL_TITLE_SIZE, TICK_SIZE, SMALL_SIZE = 17, 14, 12, 11
TICK_LENGTH = 4
LEVEL_SHORT = {
    "intern": "int.", "entry": "entry", "senior": "sr.", "principal": "princ.", "manager": "mgr.",
    "director": "dir.", "executive": "exec.", "unstated": "?",
}  # fmt: skip

# A FreeType face is not safe to use from two threads at once, and charts are drawn in worker threads:
# labels are rendered (once each) under this lock.
_FONT_LOCK = threading.Lock()
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


@functools.cache
def _font_file() -> str | None:
    """DejaVu Sans (it has every currency sign the replies use): matplotlib's copy, found without
    importing matplotlib, else the system's; None falls back to Pillow's own font."""
    spec = importlib.util.find_spec("matplotlib")
    found = []
    if spec is not None and spec.origin:
        found.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")
    found += [Path(p) for p in _FONT_CANDIDATES]
    return next((str(p) for p in found if p.is_file()), None)


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_file()
    if path is not None:
        return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
    return ImageFont.load_default(size)


@functools.lru_cache(maxsize=4096)
def _label(text: str, size: int) -> Image.Image:
    """``text`` as an antialiased mask, one line high whatever the letters (so baselines line up)."""
    with _FONT_LOCK:
        font = _font(size)
        if isinstance(font, ImageFont.FreeTypeFont):
            ascent, descent = font.getmetrics()
            height = ascent + descent
        else:  # pragma: no cover - Pillow without FreeType
            height = size + 2
        width = max(1, math.ceil(font.getlength(text))) + 2
        mask = Image.new("L", (width, height))
        ImageDraw.Draw(mask).text((1, 0), text, font=font, fill=255)
    return mask


def _text_size(text: str, size: int) -> tuple[int, int]:
    return _label(text, size).size


@functools.lru_cache(maxsize=64)
def _marker(shape: str, diameter: int) -> Image.Image:
    """A small antialiased marker mask (drawn 4x larger, then reduced)."""
    big = diameter * 4
    mask = Image.new("L", (big, big))
    draw = ImageDraw.Draw(mask)
    if shape == "triangle":
        draw.polygon([(big / 2, 0), (big - 1, big - 1), (0, big - 1)], fill=255)
    else:
        draw.ellipse((0, 0, big - 1, big - 1), fill=255)
    return mask.reduce(4)


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.image = Image.new("RGB", (width, height), WHITE)
        self.draw = ImageDraw.Draw(self.image)

    def text(
        self, x: float, y: float, text: str, *, size: int, anchor: str = "lt", colour: RGB = TEXT
    ) -> None:
        """Paste ``text`` with its ``anchor`` at (x, y): l/m/r horizontally, t/m/b vertically."""
        mask = _label(text, size)
        w, h = mask.size
        x -= {"l": 0.0, "m": w / 2, "r": float(w)}[anchor[0]]
        y -= {"t": 0.0, "m": h / 2, "b": float(h)}[anchor[1]]
        self.draw.bitmap((round(x), round(y)), mask, fill=colour)

    def marker(self, x: float, y: float, shape: str, diameter: int, colour: RGB) -> None:
        mask = _marker(shape, diameter)
        self.draw.bitmap((round(x - diameter / 2), round(y - diameter / 2)), mask, fill=colour)

    def png(self) -> bytes:
        return encode_png(self.image)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(image: Image.Image) -> bytes:
    """``image`` (RGB) as a PNG with no row filters: for a chart's long flat runs, deflate alone compresses
    nearly as well as the per-row filter search Pillow's encoder does, in half the time (about 3 ms for
    800x400), and deflating a large buffer releases the GIL."""
    width, height = image.size
    raw = image.tobytes()
    stride = width * 3
    rows = b"".join(b"\x00" + raw[i : i + stride] for i in range(0, len(raw), stride))  # filter 0: none
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, deflate, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows, ZLIB_LEVEL))
        + _png_chunk(b"IEND", b"")
    )


def _faded(colour: RGB, alpha: float) -> RGB:
    """``colour`` at ``alpha`` over white."""
    r, g, b = (round(255 - alpha * (255 - c)) for c in colour)
    return r, g, b


def nice_ticks(low: float, high: float, *, target: int = 7) -> list[float]:
    """About ``target`` round tick values (1, 2, 2.5 or 5 times a power of ten apart) in [low, high]."""
    if not high > low:
        return [low]
    raw = (high - low) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def _span(values: Sequence[float]) -> tuple[float, float]:
    """The axis range for ``values``: 5% margins (matplotlib's), or ±10% around a single value."""
    low, high = min(values), max(values)
    if high > low:
        pad = (high - low) * 0.05
        return low - pad, high + pad
    pad = abs(low) * 0.1 or 1.0
    return low - pad, high + pad


@dataclass(frozen=True)
class _Box:
    left: float
    top: float
    right: float
    bottom: float


def _frame(canvas: _Canvas, box: _Box) -> None:
    canvas.draw.rectangle((box.left, box.top, box.right, box.bottom), outline=BLACK, width=1)


# ---------------------------------------------------------------------------------------------- /salary


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
        low, high = _span([v for _, d in groups for v in (d.min, d.max, d.p90)])
        ticks = [t for t in nice_ticks(low, high) if low <= t <= high]
        labels = [money(t, currency) for t in ticks]
        label_width = max((_text_size(label, TICK_SIZE)[0] for label in labels), default=0)
        layouts.append((currency, groups, low, high, ticks, labels, label_width + TICK_LENGTH + 6))
    margin = 12
    boxes_wanted = sum(len(groups) for _, groups in panels)
    fixed = 2 * margin + sum(layout[6] + 10 for layout in layouts)
    width = int(min(MAX_WIDTH, max(WIDTH, fixed + boxes_wanted * MIN_SLOT)))
    canvas = _Canvas(width, HEIGHT)
    canvas.text(width / 2, 8, f"Pay for {role_title(stats.role_key)}", size=TITLE_SIZE, anchor="mt")
    slot = (width - fixed) / max(1, boxes_wanted)
    x = float(margin)
    for currency, groups, low, high, ticks, labels, axis_width in layouts:
        plot = _Box(x + axis_width, 62, x + axis_width + slot * len(groups), HEIGHT - 44)
        _salary_panel(canvas, plot, f"{currency} per {stats.period}", groups, low, high, ticks, labels)
        x = plot.right + 10
    return canvas.png()


def _salary_panel(
    canvas: _Canvas,
    plot: _Box,
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
    names = [n if _text_size(n, SMALL_SIZE)[0] <= slot - 4 else LEVEL_SHORT.get(n, n) for n, _ in groups]
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
    _frame(canvas, plot)


# --------------------------------------------------------------------------------------------- /compare


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
    row_height, title_band, tick_band = 40, 24, 30  # per bar; per panel: its title, its tick labels
    height = 8 + sum(title_band + len(r) * row_height + 12 + tick_band for r in rows_by_currency.values())
    label_width = max(_text_size(label, TICK_SIZE)[0] for r in rows_by_currency.values() for label, *_ in r)
    canvas = _Canvas(WIDTH, height)
    left = 12 + label_width + TICK_LENGTH + 6
    top = 8.0
    colour = 0
    for currency in currencies:
        rows_here = rows_by_currency[currency]
        plot = _Box(left, top + title_band, WIDTH - 24, top + title_band + len(rows_here) * row_height + 12)
        colour = _compare_panel(canvas, plot, currency, rows_here, colour)
        top = plot.bottom + tick_band
    return canvas.png()


def _compare_panel(
    canvas: _Canvas, plot: _Box, currency: str, rows: list[tuple[str, float, float, float]], colour: int
) -> int:
    draw = canvas.draw
    low, high = _span([v for _, lo, hi, point in rows for v in (lo, hi, point)])
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
        draw.rectangle((x0, round(y - 5), max(x0 + 1, x1), round(y + 5)), fill=_faded(base, 0.4))
        canvas.marker(x_of(point), y, "dot", 9, BLACK)
        draw.line((plot.left - TICK_LENGTH, round(y), plot.left, round(y)), fill=BLACK)
        canvas.text(plot.left - TICK_LENGTH - 3, y, label, size=TICK_SIZE, anchor="rm")
        colour += 1
    _frame(canvas, plot)
    return colour


# ------------------------------------------------------------------------------------------ use cases


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
