"""A Bloom filter over band keys, so a bulk import asks the database only about keys it may hold.

Without it, every new posting costs ``dedup.BANDS`` random index probes into an index of millions of
keys, nearly all of them misses that still read a page each. The filter answers "certainly not there"
for all but a small fraction of those, with no false negatives: a key it lets through is looked up as
before, so what is found as a repost does not change. Keys are uniform 63-bit values already, so bit
positions come from multiply-shift hashing of the key itself.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

HASHES = 6
BITS_PER_KEY = 14  # about 0.1 % false positives at 6 hashes, when the capacity is right
MIN_BITS_LOG2 = 16
MAX_BYTES = 48 * 1024 * 1024
# Odd 64-bit multipliers (fixed, so a filter means the same in every process).
_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
    ],
    dtype=np.uint64,
)[:HASHES]


class KeyFilter:
    def __init__(self, capacity: int) -> None:
        wanted = max(1, capacity) * BITS_PER_KEY
        log2 = max(MIN_BITS_LOG2, (wanted - 1).bit_length())
        while (1 << log2) // 8 > MAX_BYTES:
            log2 -= 1
        self._shift = np.uint64(64 - log2)
        self._bits: npt.NDArray[np.uint8] = np.zeros((1 << log2) // 8, dtype=np.uint8)
        self.added = 0

    @property
    def size_bytes(self) -> int:
        return int(self._bits.nbytes)

    def _positions(self, keys: Iterable[int]) -> npt.NDArray[np.uint64]:
        values = np.fromiter(keys, dtype=np.uint64)
        result: npt.NDArray[np.uint64] = (values[None, :] * _MULTIPLIERS[:, None]) >> self._shift
        return result

    def add(self, keys: Iterable[int]) -> None:
        positions = self._positions(keys)
        self.added += positions.shape[1]
        flat = positions.ravel()
        masks = np.left_shift(1, flat & np.uint64(7)).astype(np.uint8)
        np.bitwise_or.at(self._bits, flat >> np.uint64(3), masks)

    def may_contain(self, keys: list[int]) -> list[bool]:
        """Per key: False means certainly never added; True means perhaps."""
        if not keys:
            return []
        positions = self._positions(keys)
        bits = (self._bits[positions >> np.uint64(3)] >> (positions & np.uint64(7)).astype(np.uint8)) & 1
        return [bool(v) for v in bits.all(axis=0)]
