"""Band keys of bulk imports are staged and merged into posting_bands (store.bands); reposts are found
either way, and nothing is left staged once an import ends."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Table, func, select, text

from parsing import parse_posting
from parsing.role import normalize_role
from store import Store
from store.db.tables import POSTING_BANDS, POSTING_BANDS_STAGED
from store.writes import bands, dedup, importer
from store.writes.derive import Prepared, prepare
from tests.factories import posting_text
from tests.store.writes.records import record_calls

G = 515


async def _rows(store: Store, table: Table) -> int:
    async with store.sessions.read() as s:
        return int((await s.execute(select(func.count()).select_from(table))).scalar_one())


def _prepared(store: Store, seed: int | str) -> Prepared:
    text = posting_text(seed, words=200)
    return prepare(
        text,
        parse_posting(text),
        store.pay,
        store.roles,
        added_at=datetime(2026, 5, 1, tzinfo=UTC),
        source="import",
    )


def _write(path: Path, seeds: range) -> Path:
    lines = []
    for i in seeds:
        text = posting_text(i, words=200)
        lines.append(json.dumps({"text": text, "posting": parse_posting(text).model_dump(mode="json")}))
    path.write_text("\n".join(lines) + "\n")
    return path


async def test_import_leaves_no_staged_keys_and_merges_them_all(store: Store, tmp_path: Path) -> None:
    report = await importer.import_file(
        store, _write(tmp_path / "a.jsonl", range(30)), parse=parse_posting, guild_id=G, batch_size=7
    )
    assert report.added == 30
    assert await _rows(store, POSTING_BANDS_STAGED) == 0
    assert await _rows(store, POSTING_BANDS) == 30 * dedup.BANDS


async def test_merges_during_a_long_import(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MERGE_EVERY_KEYS", 3 * dedup.BANDS)
    merges = record_calls(monkeypatch, "merge_staged_bands")  # the keys each merge moved
    await importer.import_file(
        store, _write(tmp_path / "b.jsonl", range(20)), parse=parse_posting, guild_id=G, batch_size=4
    )
    # every 4-posting batch crosses the 3-posting threshold: one merge a batch, each moving that batch
    assert merges == [4 * dedup.BANDS] * 5
    assert await _rows(store, POSTING_BANDS) == 20 * dedup.BANDS


async def test_staged_keys_find_reposts_before_any_merge(store: Store) -> None:
    (outcome,) = await store.store_prepared(G, [_prepared(store, "first")], interactive=False)
    assert outcome.kind == "created"
    assert await _rows(store, POSTING_BANDS_STAGED) == dedup.BANDS
    assert await _rows(store, POSTING_BANDS) == 0
    edited = posting_text("first", words=200).replace("About the role", "About the job") + "Apply today.\n"
    added = await store.add_posting(G, edited, parse_posting(edited), source="add_text")
    assert not added.created and added.posting_id == outcome.posting_id
    # a single add writes straight to the main index
    assert await _rows(store, POSTING_BANDS_STAGED) == dedup.BANDS


async def test_a_stopped_import_is_merged_by_the_next(store: Store, tmp_path: Path) -> None:
    # what a killed import leaves: committed postings whose keys are still staged
    await store.store_prepared(G, [_prepared(store, i) for i in range(3)], interactive=False)
    assert await store.staged_band_keys() == 3 * dedup.BANDS
    await importer.import_file(
        store, _write(tmp_path / "c.jsonl", range(3, 5)), parse=parse_posting, guild_id=G
    )
    assert await store.staged_band_keys() == 0
    assert await _rows(store, POSTING_BANDS) == 5 * dedup.BANDS


async def test_removing_a_posting_removes_its_staged_keys(store: Store) -> None:
    (outcome,) = await store.store_prepared(G, [_prepared(store, "gone")], interactive=False)
    assert await store.remove_posting(G, outcome.posting_id)
    assert await _rows(store, POSTING_BANDS_STAGED) == 0


async def test_merge_moves_each_key_once(store: Store) -> None:
    await store.store_prepared(G, [_prepared(store, i) for i in range(2)], interactive=False)
    assert await store.merge_staged_bands() == 2 * dedup.BANDS
    assert await store.merge_staged_bands() == 0
    async with store.sessions.write() as session:
        assert await bands.staged_count(session) == 0
    assert await _rows(store, POSTING_BANDS) == 2 * dedup.BANDS


async def test_bulk_sqlite_store_checkpoints_in_the_background(tmp_path: Path, sqlite_template: Path) -> None:
    db = tmp_path / "bulk.db"
    shutil.copyfile(sqlite_template, db)
    store = await Store.open(f"sqlite+aiosqlite:///{db}", bulk=True, normalize_role=normalize_role)
    try:
        async with store.sessions.read() as s:
            assert (await s.execute(text("PRAGMA wal_autocheckpoint"))).scalar_one() == 0
        await store.store_prepared(G, [_prepared(store, i) for i in range(5)], interactive=False)
        # The database file alone (without its WAL) holds the postings once the checkpointer copied them.
        for _ in range(100):
            shutil.copyfile(db, tmp_path / "copy.db")
            with closing(sqlite3.connect(tmp_path / "copy.db")) as copy:
                if copy.execute("SELECT count(*) FROM postings").fetchone()[0] == 5:
                    break
            await asyncio.sleep(0.05)
        else:
            pytest.fail("the WAL was never checkpointed into the database file")
    finally:
        await store.close()
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
