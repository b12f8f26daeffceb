"""Band keys are stored with every posting: computing them differently must give the same keys."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from store.writes import dedup


def _vectorised_band_keys(sig: npt.NDArray[np.uint32]) -> list[int]:
    """The keys as NumPy computes them in uint64 arithmetic (how the stored keys were first made)."""
    rows = sig[: dedup.BANDS * dedup.ROWS].astype(np.uint64).reshape(dedup.BANDS, dedup.ROWS)
    mix = dedup._BAND_MIX
    mixed = np.arange(dedup.BANDS, dtype=np.uint64) * mix[dedup.ROWS]
    for i in range(dedup.ROWS):
        mixed += (rows[:, i] + np.uint64(1)) * mix[i]
    mixed ^= mixed >> np.uint64(29)
    mixed *= mix[0]
    return [int(v) for v in (mixed >> np.uint64(1))]


def test_band_keys_match_uint64_arithmetic_on_any_signature() -> None:
    rng = np.random.default_rng(17)
    extremes = [np.zeros(dedup.NUM_PERM, np.uint32), np.full(dedup.NUM_PERM, 2**32 - 1, np.uint32)]
    randoms = [rng.integers(0, 2**32, dedup.NUM_PERM, dtype=np.uint32) for _ in range(500)]
    for sig in extremes + randoms:
        keys = dedup.band_keys(sig)
        assert keys == _vectorised_band_keys(sig)
        assert all(0 <= k < 2**63 for k in keys)


def test_band_keys_of_texts_match_and_reposts_share_bands() -> None:
    text = "Senior data engineer at Example GmbH, Berlin. Python, Spark and Airflow; 70-85k EUR a year."
    sig = dedup.text_signature(text)
    assert dedup.band_keys(sig) == _vectorised_band_keys(sig)
    again = dedup.band_keys(dedup.text_signature(text.upper() + "  "))
    assert again == dedup.band_keys(sig)
