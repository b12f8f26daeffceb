"""The chart engine: lossless PNG encoding, round tick values."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from commands.core import chart


def image(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG")
    opened = Image.open(io.BytesIO(data))
    opened.load()
    return opened


def test_png_encoding_is_lossless() -> None:
    drawn = Image.new("RGB", (37, 11), (255, 255, 255))
    drawn.putpixel((0, 0), (1, 2, 3))
    drawn.putpixel((36, 10), (200, 100, 50))
    decoded = image(chart.encode_png(drawn))
    assert decoded.mode == "RGB" and decoded.size == (37, 11)
    assert decoded.tobytes() == drawn.tobytes()


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (41_000, 163_000, [60_000, 80_000, 100_000, 120_000, 140_000, 160_000]),
        (5, 5, [5]),
    ],
)
def test_nice_ticks(low: float, high: float, expected: list[float]) -> None:
    assert chart.nice_ticks(low, high) == expected
