"""Recognizing the same posting pasted twice.

Exact reposts: a hash of the normalized text (case, whitespace, invisible characters and URL tracking
parameters do not count), unique per guild.

Near reposts: MinHash over word 3-shingles. The first ``BANDS * ROWS`` values of the signature are cut
into bands; each band hashes to a 63-bit key stored in an indexed table, so candidates are found by key
lookup (no pairwise scan) and confirmed by the Jaccard similarity estimated from the full signature
(stored with the posting in 16 bits a value: 144 bytes; the estimate's standard error is 0.05 at
Jaccard 0.8, well clear of the 0.7 threshold; reposts score 0.85 and up). 12 bands of 6 rows find a
pair with Jaccard 0.85 with probability 0.997 (0.9: 0.99998), while two unrelated postings sharing
boilerplate (Jaccard 0.2) collide with probability 0.0008, so a lookup returns few false candidates
even in a large guild.
Everything here is pure and deterministic across processes and machines (no ``hash()``, no RNG state).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib

import numpy as np
import numpy.typing as npt

BANDS = 12
ROWS = 6
NUM_PERM = BANDS * ROWS  # 72: every value serves a band and the similarity estimate
SHINGLE = 3
# Estimated Jaccard at or above which a candidate counts as the same posting. Typical reposts (new
# whitespace, a tracking line, a few words edited) score 0.85 and up; different postings that share
# boilerplate score well below.
REPOST_THRESHOLD = 0.7

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_URL_TAIL = re.compile(r"(https?://[^\s?#]+)[?#]\S*")
_WORD = re.compile(r"[^\W_]+")


def _constants(label: str, count: int) -> U64:
    values = [
        int.from_bytes(hashlib.blake2b(f"jobscout-{label}-{i}".encode(), digest_size=8).digest(), "little")
        for i in range(count)
    ]
    return np.array(values, dtype=np.uint64)


_PERM_A = _constants("perm-a", NUM_PERM) | np.uint64(1)  # odd multipliers: multiply-shift hashing
_PERM_B = _constants("perm-b", NUM_PERM)
_SHINGLE_MIX = _constants("shingle", SHINGLE) | np.uint64(1)
_BAND_MIX = _constants("band", ROWS + 1) | np.uint64(1)


def normalize_text(text: str) -> str:
    """The text as compared for exact reposts: NFKC, case-folded, one space, no URL tracking."""
    text = unicodedata.normalize("NFKC", text)
    if any(ch in text for ch in _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    text = text.casefold()
    if "http" in text:
        text = _URL_TAIL.sub(r"\1", text)
    return " ".join(text.split())


def text_hash(normalized: str) -> bytes:
    """16-byte digest of normalized text; unique per guild in the postings table."""
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=16).digest()


def sample_value(digest: bytes) -> int:
    """A uniform 16-bit value derived from the text hash, used for deterministic sampling in queries."""
    return int.from_bytes(digest[:2], "big")


_TOKEN_CACHE: dict[str, int] = {}
_TOKEN_CACHE_SIZE = 200_000


def _token(word: str) -> int:
    value = zlib.crc32(word.encode("utf-8"))
    _TOKEN_CACHE[word] = value
    return value


def shingle_hashes(normalized: str) -> U64:
    """64-bit hashes of the word 3-shingles (single words when the text is shorter than that)."""
    words = _WORD.findall(normalized)
    if not words:
        return np.zeros(1, dtype=np.uint64)
    cache = _TOKEN_CACHE
    if len(cache) > _TOKEN_CACHE_SIZE:
        cache.clear()
    tokens = np.array([cache[w] if w in cache else _token(w) for w in words], dtype=np.uint64)
    if len(tokens) < SHINGLE:
        return np.unique(tokens * _SHINGLE_MIX[0])
    width = len(tokens) - SHINGLE + 1
    mixed = np.zeros(width, dtype=np.uint64)
    for i in range(SHINGLE):
        mixed += tokens[i : i + width] * _SHINGLE_MIX[i]
    return np.unique(mixed)


def signature(shingles: U64) -> U32:
    """MinHash signature: per permutation, the minimum of ``(a*x + b) mod 2**64 >> 32`` over shingles."""
    values = (shingles[:, None] * _PERM_A[None, :] + _PERM_B[None, :]) >> np.uint64(32)
    result: U32 = values.min(axis=0).astype(np.uint32)
    return result


_U64 = (1 << 64) - 1
_BAND_MIX_INT = [int(v) for v in _BAND_MIX]


def band_keys(sig: U32) -> list[int]:
    """One non-negative 63-bit key per band; equal keys mean an identical band. Each key mixes the
    band's number and its ``ROWS`` values (plus one) in arithmetic modulo 2**64, then shifts, multiplies
    and drops the top bit. Plain integers: for 12 bands of 6 values NumPy's per-call cost was most of it."""
    values = sig[: BANDS * ROWS].tolist()
    mix = _BAND_MIX_INT
    keys = []
    for band in range(BANDS):
        mixed = band * mix[ROWS]
        for i, value in enumerate(values[band * ROWS : (band + 1) * ROWS]):
            mixed += (value + 1) * mix[i]
        mixed &= _U64
        mixed ^= mixed >> 29
        keys.append(((mixed * mix[0]) & _U64) >> 1)
    return keys


def compact(sig: U32) -> bytes:
    """The signature as stored: the low 16 bits of each value (spurious matches: 1 in 65,536)."""
    return sig.astype("<u2").tobytes()


def similarity(a: U32 | bytes, b: U32 | bytes) -> float:
    """Jaccard similarity estimated from two signatures (full or compact)."""
    x = np.frombuffer(a, dtype="<u2") if isinstance(a, bytes) else a.astype("<u2")
    y = np.frombuffer(b, dtype="<u2") if isinstance(b, bytes) else b.astype("<u2")
    n = min(len(x), len(y), NUM_PERM)  # a longer stored signature shares its first values
    return float(np.count_nonzero(x[:n] == y[:n])) / n


def text_signature(text: str) -> U32:
    return signature(shingle_hashes(normalize_text(text)))
