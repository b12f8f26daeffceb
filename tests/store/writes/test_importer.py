"""Bulk import: both file formats, idempotence, export -> import round trip, bad records."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from parsing import parse_posting
from store import Store
from store.db.tables import POSTINGS
from store.writes.importer import import_file
from tests.factories import posting_text
from tests.store.writes.records import record_calls, write_jsonl

G = 909


async def _count(store: Store, guild: int = G) -> int:
    async with store.sessions.read() as s:
        return int((await s.execute(select(func.count()).where(POSTINGS.c.guild_id == guild))).scalar_one())


async def test_import_jsonl_is_idempotent(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "p.jsonl", 120)
    seen = []
    report = await import_file(
        store, path, parse=parse_posting, guild_id=G, batch_size=25, progress=seen.append
    )
    assert (report.read, report.added, report.skipped, report.errors) == (120, 120, 0, 0)
    assert seen and seen[-1].report.added == 120
    view = await store.get_posting(G, 1)
    assert (
        view is not None
        and view.skills == ["Skill0", "Git"]
        and view.source == "import"
        and view.user_id == 1
    )
    again = await import_file(store, path, parse=parse_posting, guild_id=G, batch_size=50)
    assert (again.added, again.skipped) == (0, 120)
    assert await _count(store) == 120


async def test_import_links_reposts_and_skips_them_next_time(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    base = posting_text("base", words=200)
    records = [
        {"text": base, "posting": parse_posting(base).model_dump(mode="json")},
        {"text": base},  # exact duplicate inside the file
        {"text": base + "\nApply at https://example.com/job?utm_source=x\n"},  # near duplicate
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    report = await import_file(store, path, parse=parse_posting, guild_id=G)
    assert (report.added, report.reposts, report.skipped) == (1, 1, 1)
    again = await import_file(store, path, parse=parse_posting, guild_id=G)
    assert (again.added, again.reposts, again.skipped) == (0, 0, 3)


async def test_import_csv_parses_text(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["text", "added_at", "user_id"])
        writer.writerow([posting_text(1), "2026-01-02T03:04:05Z", "42"])
        writer.writerow([posting_text(2), "", ""])
    report = await import_file(store, path, parse=parse_posting, guild_id=G)
    assert report.added == 2
    view = await store.get_posting(G, 1)
    assert (
        view is not None and view.added_at.isoformat() == "2026-01-02T03:04:05+00:00" and view.user_id == 42
    )


async def test_bad_records_are_counted_not_fatal(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": posting_text(1)}),
                "{not json",
                json.dumps({"nope": 1}),
                json.dumps([1, 2]),
                json.dumps({"text": posting_text(2), "fixes": {"colour": "red"}}),
                json.dumps({"text": posting_text(3), "added_at": "yesterday"}),
            ]
        )
    )
    report = await import_file(store, path, parse=parse_posting, guild_id=G)
    assert report.added == 1 and report.errors == 5
    assert report.error_samples[0].startswith("line 2: not JSON")


async def test_export_then_import_round_trip_keeps_parse_and_fixes(store: Store, tmp_path: Path) -> None:
    await import_file(store, write_jsonl(tmp_path / "p.jsonl", 5), parse=parse_posting, guild_id=G)
    await store.apply_fix(G, 3, "title", "Corrected Title")
    out = tmp_path / "export.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        async for row in store.export_rows(G):
            handle.write(row.model_dump_json() + "\n")
    report = await import_file(store, out, parse=parse_posting, guild_id=G + 1)
    assert report.added == 5
    copy = (await store.list_postings(G + 1, query="Corrected Title")).items
    assert len(copy) == 1
    view = await store.get_posting(G + 1, copy[0].id)
    assert view is not None and view.fixed_fields == ["title"] and view.skills == ["Skill2", "Git"]
    assert view.parsed.title == "Role 2 Developer"


async def test_import_with_worker_processes(store: Store, tmp_path: Path) -> None:
    report = await import_file(
        store,
        write_jsonl(tmp_path / "p.jsonl", 40),
        parse=parse_posting,
        guild_id=G,
        batch_size=10,
        workers=1,
    )
    assert report.added == 40


async def test_import_refreshes_planner_statistics_as_tables_grow(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the postings saved at each refresh (refreshing the statistics adds or removes none)
    calls = record_calls(monkeypatch, "refresh_planner_statistics", lambda s, _: _count(s))
    await import_file(
        store, write_jsonl(tmp_path / "s.jsonl", 90), parse=parse_posting, guild_id=G, batch_size=10
    )
    assert calls == [10, 20, 40, 80]  # after commits 1, 2, 4 and 8
    if store.dialect == "postgresql":
        async with store.sessions.read() as s:
            analyzed = await s.execute(
                text("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'postings'")
            )
            assert analyzed.scalar_one()
