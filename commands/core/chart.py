"""The one chart engine: every chart image of every reply is drawn with Pillow, in a worker thread.

The charts are simple (boxes, bars, dots and a few dozen labels), so they are drawn directly instead of
through a plotting library: a /salary chart costs a few milliseconds, where matplotlib's figure, axes
and text layout took 0.2-0.3 s of CPU, enough to make a burst of questions wait many seconds. Labels
are rendered once per (text, size) and pasted after (tick labels and level names repeat from chart to
chart), and the PNG encoding, the largest step left, is mostly deflate, which runs with the GIL released.

The look follows the matplotlib charts these replaced (the digest's was the last): DejaVu Sans,
matplotlib's default colours, light grid lines at the ticks, tick labels in the reply's money format.
"""

from __future__ import annotations

import asyncio
import functools
import math
import struct
import threading
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

from commands.core.reply import ReplyFile

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

# A FreeType face is not safe to use from two threads at once, and charts are drawn in worker threads:
# labels are rendered (once each) under this lock.
_FONT_LOCK = threading.Lock()
# DejaVu Sans, shipped with the package (its licence, beside it, allows that): it has every currency
# sign the replies use, which Pillow's built-in font has not (no €, £, ₹).
FONT_FILE = Path(__file__).with_name("fonts") / "DejaVuSans.ttf"


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size, layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=4096)
def _label(text: str, size: int) -> Image.Image:
    """``text`` as an antialiased mask, one line high whatever the letters (so baselines line up)."""
    with _FONT_LOCK:
        font = _font(size)
        ascent, descent = font.getmetrics()
        height = ascent + descent
        width = max(1, math.ceil(font.getlength(text))) + 2
        mask = Image.new("L", (width, height))
        ImageDraw.Draw(mask).text((1, 0), text, font=font, fill=255)
    return mask


def text_size(text: str, size: int) -> tuple[int, int]:
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


class Canvas:
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


def faded(colour: RGB, alpha: float) -> RGB:
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


def span(values: Sequence[float]) -> tuple[float, float]:
    """The axis range for ``values``: 5% margins (matplotlib's), or ±10% around a single value."""
    low, high = min(values), max(values)
    if high > low:
        pad = (high - low) * 0.05
        return low - pad, high + pad
    pad = abs(low) * 0.1 or 1.0
    return low - pad, high + pad


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float


def frame(canvas: Canvas, box: Box) -> None:
    canvas.draw.rectangle((box.left, box.top, box.right, box.bottom), outline=BLACK, width=1)


LegendMark = Literal["box", "bar", "dot", "line", "triangle"]


def legend(canvas: Canvas, x: float, y: float, entries: Sequence[tuple[LegendMark, RGB, str]]) -> float:
    """One row of legend entries from (x, y): each mark as the chart draws it, then what it means.
    Returns where the row ends."""
    draw = canvas.draw
    for mark, colour, text in entries:
        if mark == "box":
            draw.rectangle((round(x), round(y - 5), round(x + 12), round(y + 5)), outline=colour)
        elif mark == "bar":
            draw.rectangle((round(x), round(y - 5), round(x + 12), round(y + 5)), fill=colour)
        elif mark == "line":
            draw.line((round(x), round(y), round(x + 12), round(y)), fill=colour, width=2)
        else:
            canvas.marker(
                x + 6, y, "triangle" if mark == "triangle" else "dot", 8 if mark == "triangle" else 7, colour
            )
        canvas.text(x + 16, y, text, size=SMALL_SIZE, anchor="lm")
        x += 16 + text_size(text, SMALL_SIZE)[0] + 14
    return x


async def chart_file(render: Callable[[], bytes], filename: str, description: str) -> ReplyFile:
    """The PNG ``render`` makes, drawn in a worker thread, as a reply attachment."""
    data = await asyncio.to_thread(render)
    return ReplyFile(filename=filename, data=data, description=description)
