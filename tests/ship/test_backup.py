"""Backup and restore as README.md describes them: ``jobscout backup`` for SQLite (online, WAL included),
``pg_dump -Fc`` / ``pg_restore`` for PostgreSQL; the restored database serves the same postings."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from parsing.role import normalize_role
from store import Store
from store.db.engine import normalize_url
from tests.factories import make_posting, posting_text
from tests.store_fixtures import TEST_PAY, pg_drop_database, pg_new_database


async def add_some(store: Store, guild: int, n: int) -> None:
    for i in range(n):
        await store.add_posting(
            guild,
            posting_text(f"b{i}", title="Data Engineer"),
            make_posting(title="Data Engineer"),
            source="cli",
        )


async def titles(url: str, guild: int) -> list[str]:
    store = await Store.open(url, pay=TEST_PAY, auto_upgrade=False, normalize_role=normalize_role)
    try:
        page = await store.list_postings(guild, page_size=100)
        return sorted(f"{p.id}:{p.title}" for p in page.items)
    finally:
        await store.close()


async def test_sqlite_backup_while_open_includes_the_write_ahead_log(
    tmp_path: Path, sqlite_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = tmp_path / "jobscout.db"
    shutil.copyfile(sqlite_template, live)
    url = f"sqlite+aiosqlite:///{live}"
    store = await Store.open(url, pay=TEST_PAY, normalize_role=normalize_role)
    try:
        await add_some(store, 7, 5)
        # The bot is still running: the rows are in the WAL, not yet in the main file.
        assert (tmp_path / "jobscout.db-wal").stat().st_size > 0
        backup = tmp_path / "backups" / "jobscout-copy.db"
        backup.parent.mkdir()
        code = await asyncio.to_thread(main, ["backup", str(backup), "--database", url])
        assert code == 0 and "5 postings" in capsys.readouterr().out
        expected = await titles(url, 7)
    finally:
        await store.close()
    assert not (tmp_path / "backups" / "jobscout-copy.db-wal").exists()  # one self-contained file
    with sqlite3.connect(backup) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Restore: the copy in place of the database (the bot stopped), and it serves the same postings.
    restored = tmp_path / "restored" / "jobscout.db"
    restored.parent.mkdir()
    shutil.copyfile(backup, restored)
    assert await titles(f"sqlite+aiosqlite:///{restored}", 7) == expected
    # It never overwrites, and says what to use on PostgreSQL.
    assert await asyncio.to_thread(main, ["backup", str(backup), "--database", url]) == 2
    assert "already exists" in capsys.readouterr().err
    pg = "postgresql+asyncpg://postgres@127.0.0.1:5432/x"
    assert await asyncio.to_thread(main, ["backup", str(tmp_path / "pg.db"), "--database", pg]) == 2
    assert "pg_dump" in capsys.readouterr().err


def _libpq(url: str) -> list[str]:
    parsed = normalize_url(url)
    return [
        "-h",
        parsed.host or "127.0.0.1",
        "-p",
        str(parsed.port or 5432),
        "-U",
        parsed.username or "postgres",
    ]


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
async def test_postgresql_pg_dump_and_pg_restore_round_trip(tmp_path: Path) -> None:
    source, reason = await pg_new_database(migrated=True)
    if source is None:
        pytest.skip(reason)
    target, _ = await pg_new_database(migrated=False)
    assert target is not None
    try:
        store = await Store.open(source, pay=TEST_PAY, auto_upgrade=False, normalize_role=normalize_role)
        try:
            await add_some(store, 9, 4)
        finally:
            await store.close()
        dump = tmp_path / "jobscout.dump"
        name = normalize_url(source).database
        assert name is not None
        run = await asyncio.create_subprocess_exec(
            "pg_dump", *_libpq(source), "-Fc", "-f", str(dump), name, stderr=asyncio.subprocess.PIPE
        )
        assert await run.wait() == 0, (await run.stderr.read()).decode() if run.stderr else ""
        restore = await asyncio.create_subprocess_exec(
            "pg_restore", *_libpq(target), "--no-owner", "-d", str(normalize_url(target).database), str(dump),
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert await restore.wait() == 0, (await restore.stderr.read()).decode() if restore.stderr else ""
        # The restored database is at the current schema (no upgrade needed) and has the same postings.
        assert await titles(target, 9) == await titles(source, 9)
        assert len(await titles(target, 9)) == 4
    finally:
        await pg_drop_database(source)
        await pg_drop_database(target)
