"""The band-key Bloom filter: never a false negative, few false positives, and imports that use it
find the same reposts."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from parsing import parse_posting
from store import Store
from store.writes import dedup, importer
from store.writes.keyfilter import KeyFilter
from tests.factories import posting_text

G = 616


def test_every_added_key_is_reported_and_few_others() -> None:
    rng = random.Random(5)
    added = [rng.getrandbits(63) for _ in range(50_000)]
    key_filter = KeyFilter(len(added))
    for start in range(0, len(added), 7_000):
        key_filter.add(added[start : start + 7_000])
    assert all(key_filter.may_contain(added))
    others = [rng.getrandbits(63) for _ in range(50_000)]
    assert sum(key_filter.may_contain(others)) / len(others) < 0.005


def test_an_empty_filter_holds_nothing() -> None:
    key_filter = KeyFilter(0)
    assert key_filter.may_contain([0, 1, 2**63 - 1]) == [False, False, False]
    assert key_filter.may_contain([]) == []


def test_an_overfull_filter_still_has_no_false_negatives() -> None:
    rng = random.Random(9)
    added = [rng.getrandbits(63) for _ in range(200_000)]
    key_filter = KeyFilter(100)  # far too small: more false positives, never a miss
    key_filter.add(added)
    assert all(key_filter.may_contain(added))


async def test_import_with_the_filter_finds_near_reposts_of_saved_postings(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = posting_text("saved", words=250)
    first = await store.add_posting(G, saved, parse_posting(saved), source="add_text")
    loaded: list[int] = []
    real = Store.band_filter

    async def recording(self: Store, guild_id: int, *, more: int = 0) -> KeyFilter:
        key_filter = await real(self, guild_id, more=more)
        loaded.append(key_filter.added)
        return key_filter

    monkeypatch.setattr(Store, "band_filter", recording)
    monkeypatch.setattr(importer, "FILTER_ABOVE_BYTES", 0)
    edited = saved.replace("About the role", "About this role") + "\nPosted via a job board.\n"
    fresh = [posting_text(f"new{i}", words=250) for i in range(5)]
    path = tmp_path / "f.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in [*fresh, edited, fresh[0] + " again"]))
    report = await importer.import_file(store, path, parse=parse_posting, guild_id=G, batch_size=3)
    assert loaded == [dedup.BANDS]  # the saved posting's keys were loaded
    assert (report.added, report.reposts) == (5, 2)  # the edited one, and a near copy within the file
    view = await store.get_posting(G, first.posting_id)
    assert view is not None and view.repost_count == 1
