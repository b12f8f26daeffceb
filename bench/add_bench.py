"""What one ``/add`` costs in CPU, measured in-process, step by step as its use case takes them
(``commands.postings.usecase.add_posting``): the is-it-a-posting check, the parse, ``Store.add_posting``
and the card of the reply.

    python -m bench.add_bench                          # SQLite copy of bot_load's 100,000-posting store
    python -m bench.add_bench --database postgresql+asyncpg://postgres@127.0.0.1:5432/jobscout_add_bench
    python -m bench.add_bench --profile bench/out/add.prof     # cProfile of the store part

The store is the one ``bench.bot_load`` builds (100,000 synthetic postings of one server, cached in
``bench/out/``; a fresh copy each run), or on PostgreSQL a fresh database filled with the first
``--seed-postings`` of the same synthetic file. Each call pastes a new synthetic posting (as the burst
of ``bench.bot_load`` does), and every ``--repost-every``-th call pastes an earlier one again, so the
repost path is measured too. CPU is ``time.process_time`` (every thread of this process, so SQLite's
own work is in it; a PostgreSQL server's is not), per call, after ``--warmup`` unmeasured calls.
Trips to the database are counted per call (see :class:`Trips`).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import aiosqlite
from sqlalchemy import event

from bench import synthetic
from bench.bot_load import GUILD_ID, OUT, build_store, machine, percentile
from bench.store_bench import _pg_admin
from commands.postings.card import posting_card
from commands.postings.usecase import check_posting
from parsing import parse_posting
from parsing.decode import storable_text
from parsing.place_hierarchy import place_hierarchy
from parsing.role import normalize_role
from store import Store
from store.db.engine import create_engine
from store.db.migrate import upgrade


async def _open_sqlite(postings: int) -> str:
    cached = OUT / f"bot_load-{postings}.db"
    if not cached.exists():
        build_store(postings, cached)
    working = OUT / "add_bench-run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{working}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(cached, working)
    return f"sqlite+aiosqlite:///{working}"


async def _open_postgres(url: str, seed_postings: int) -> str:
    name = url.rsplit("/", 1)[1]
    await _pg_admin(f"DROP DATABASE IF EXISTS {name}")
    await _pg_admin(f"CREATE DATABASE {name}")
    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
    store = await Store.open(url, normalize_role=normalize_role, place_hierarchy=place_hierarchy)
    try:
        generator = synthetic.Generator(7)
        for i in range(seed_postings):
            text = generator.record(i)["text"]
            await store.add_posting(GUILD_ID, text, parse_posting(text), source="message")
    finally:
        await store.close()
    return url


class Trips:
    """Calls made to the database: on SQLite every hand-off to a connection's thread (each statement
    SQLAlchemy runs, a commit, a batch of plain statements); on PostgreSQL each statement SQLAlchemy
    runs, and commits."""

    def __init__(self, store: Store) -> None:
        self.count = 0
        if store.sessions.engine.dialect.name == "sqlite":
            queue = aiosqlite.Connection._execute

            async def counted(connection: aiosqlite.Connection, *args: Any, **kwargs: Any) -> Any:
                self.count += 1
                return await queue(connection, *args, **kwargs)

            setattr(aiosqlite.Connection, "_execute", counted)  # noqa: B010 (a method replaced for counting)
            return
        engine = store.sessions.engine.sync_engine
        event.listen(engine, "before_cursor_execute", self._one)
        event.listen(engine, "commit", self._one)

    def _one(self, *_: Any) -> None:
        self.count += 1


async def measure(args: argparse.Namespace) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    if args.database:
        url = await _open_postgres(args.database, args.seed_postings)
    else:
        url = await _open_sqlite(args.postings)
    store = await Store.open(url, normalize_role=normalize_role, place_hierarchy=place_hierarchy)
    generator = synthetic.Generator(args.seed)
    texts = [generator.record(2_000_000 + i)["text"][:4000] for i in range(args.warmup + args.calls)]
    for i in range(args.repost_every - 1, len(texts), args.repost_every):
        texts[i] = texts[i // 2]  # an earlier paste again: an exact repost
    check_ms: list[float] = []
    parse_ms: list[float] = []
    store_ms: list[float] = []
    card_ms: list[float] = []
    wall_ms: list[float] = []
    statements: list[float] = []
    kinds: dict[str, int] = {}
    trips = Trips(store)
    profile = cProfile.Profile() if args.profile else None
    try:
        for i, text in enumerate(texts):
            measured = i >= args.warmup
            start = time.process_time()
            text = storable_text(text)
            check_posting(text, from_file=True)  # as for /add (a message's paste is asked for more)
            cpu = time.process_time()
            posting = parse_posting(text)
            parsed = time.process_time()
            before = trips.count
            started = time.perf_counter()
            if profile is not None and measured:
                profile.enable()
            result = await store.add_posting(GUILD_ID, text, posting, source="message", user_id=1)
            if profile is not None and measured:
                profile.disable()
            done = time.process_time()
            posting_card(result.posting, result=result)
            if measured:
                wall_ms.append((time.perf_counter() - started) * 1000)
                check_ms.append((cpu - start) * 1000)
                parse_ms.append((parsed - cpu) * 1000)
                store_ms.append((done - parsed) * 1000)
                card_ms.append((time.process_time() - done) * 1000)
                statements.append(trips.count - before)
                kind = "created" if result.created else "repost"
                kinds[kind] = kinds.get(kind, 0) + 1
    finally:
        await store.close()
    if profile is not None:
        profile.dump_stats(args.profile)
    total = [sum(steps) for steps in zip(check_ms, parse_ms, store_ms, card_ms, strict=True)]

    def summary(values: list[float]) -> dict[str, float]:
        return {
            "mean": round(statistics.fmean(values), 2),
            "p50": round(percentile(values, 50), 2),
            "p95": round(percentile(values, 95), 2),
        }

    return {
        "database": url.split(":", 1)[0],
        "calls": len(total),
        "outcomes": kinds,
        "cpu_ms_per_add": summary(total),
        "check_cpu_ms": summary(check_ms),
        "parse_cpu_ms": summary(parse_ms),
        "store_cpu_ms": summary(store_ms),
        "card_cpu_ms": summary(card_ms),
        "store_wall_ms": summary(wall_ms),
        "trips_per_add": {"max": max(statements), "p50": percentile(statements, 50), "min": min(statements)},
        "load_average": os.getloadavg(),
        "machine": machine(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CPU of one /add (check, parse, store, card), in-process.")
    parser.add_argument("--postings", type=int, default=100_000, help="postings in the SQLite store")
    parser.add_argument("--database", help="a PostgreSQL URL: a fresh database of that name is made")
    parser.add_argument("--seed-postings", type=int, default=2_000, help="PostgreSQL: postings added first")
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--repost-every", type=int, default=10)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--profile", help="write a cProfile of the store calls to this file")
    args = parser.parse_args(argv)
    result = asyncio.run(measure(args))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
