"""/salary at 100k, 1M and 10M postings in one guild, on both engines, with the tables loaded directly.

    python -m bench.store_scale --sizes 100000,1000000,10000000 --engines sqlite,postgresql

The importer runs at a few thousand postings a second, so ten million postings would take hours. Here
a seed of ``--seed-n`` synthetic postings is imported with the real command line (every derived column
and location row computed as in production); then, for each size, a fresh copy of that database grows
to N postings by copying the seed's postings and location rows in SQL, each copy's pay moved by a few
tenths of a percent (so the figures are not all repeats) and its text hash made unique. The copies
carry empty text (no query read here looks at it), and the indexes that serve /salary are built after
the load, as a bulk load would. ``pay_buckets`` is then rebuilt from the grown tables the way migration
0006 builds it, and the salary_stats mix of ``bench.store_bench`` runs in its own process.
Only ``salary_stats`` is measured: the other queries read tables the copies do not fill.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import synthetic
from bench.store_bench import PG_ADMIN, ROOT, _pg_admin, fresh_database, machine, run_import
from store.db.engine import normalize_url
from store.db.tables import PAY_BUCKETS, POSTING_LOCATIONS, POSTINGS
from store.pay_buckets import BACKFILL_SOURCES, KEY, summarize

# each copy's pay is the seed's times 1 + (k * 37 % 101 - 50) / 10,000: within +-0.5 %
_JITTER = "(1 + ((({k}) * 37) % 101 - 50) / 10000.0)"
_PAY_COLUMNS = {"pay_min", "pay_max", "pay_year", "pay_year_min", "pay_year_max", "pay_usd_year"}
_EMPTY = {"raw_text": "''", "parsed_json": "''"}


def _posting_columns(k: str, offset: str, text_hash: str, empty_bytes: str) -> tuple[str, str]:
    """(column list, select list) copying the seed's postings as copy ``k``."""
    names, exprs = [], []
    for column in POSTINGS.columns:
        name = column.name
        names.append(name)
        if name == "id":
            exprs.append(f"id + {offset}")
        elif name == "text_hash":
            exprs.append(text_hash)
        elif name == "minhash":
            exprs.append(empty_bytes)
        elif name == "message_id":
            exprs.append("NULL")
        elif name in _EMPTY:
            exprs.append(_EMPTY[name])
        elif name in _PAY_COLUMNS:
            exprs.append(f"{name} * {_JITTER.format(k=k)}")
        else:
            exprs.append(name)
    return ", ".join(names), ", ".join(exprs)


def _location_columns(k: str, offset: str) -> tuple[str, str]:
    names = [c.name for c in POSTING_LOCATIONS.columns]
    exprs = {"posting_id": f"posting_id + {offset}", "pay_year": f"pay_year * {_JITTER.format(k=k)}"}
    return ", ".join(names), ", ".join(exprs.get(n, n) for n in names)


def _secondary_indexes() -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the postings and posting_locations indexes (not the keys)."""
    found = []
    for table in (POSTINGS, POSTING_LOCATIONS):
        for index in table.indexes:
            columns = ", ".join(c.name for c in index.columns)
            where = index.dialect_options["sqlite"].get("where")
            tail = f" WHERE {where}" if where is not None else ""
            found.append((str(index.name), f"CREATE INDEX {index.name} ON {table.name} ({columns}){tail}"))
    return found


def _rebuild_buckets_rows(fetch: Any) -> list[tuple[Any, ...]]:
    rows = []
    for sql in BACKFILL_SOURCES:
        rows += [tuple(r[c] for c in (*KEY, "n", "total")) for r in summarize(fetch(sql))]
    return rows


def _copies(seed_ids: list[int], n: int, text_hash: str, empty_bytes: str) -> list[str]:
    """The statements growing the seed's postings (ids ``seed_ids``) and their location rows to n."""
    statements = []
    seed_max, k = seed_ids[-1], 1
    while k * len(seed_ids) < n:
        last = seed_ids[min(len(seed_ids), n - k * len(seed_ids)) - 1]  # the last copy takes what is left
        offset = str(k * seed_max)
        names, exprs = _posting_columns(str(k), offset, text_hash.format(k=k), empty_bytes)
        statements.append(f"INSERT INTO postings ({names}) SELECT {exprs} FROM postings WHERE id <= {last}")
        names, exprs = _location_columns(str(k), offset)
        statements.append(
            f"INSERT INTO posting_locations ({names}) SELECT {exprs} FROM posting_locations "
            f"WHERE posting_id <= {last}"
        )
        k += 1
    return statements


# -------------------------------------------------------------------------------------------- SQLite


def grow_sqlite(path: Path, n: int) -> dict[str, float]:
    timings: dict[str, float] = {}
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-1500000", "temp_store=MEMORY"):
            db.execute(f"PRAGMA {pragma}")
        seed_ids = [int(r[0]) for r in db.execute("SELECT id FROM postings ORDER BY id")]
        started = time.perf_counter()
        indexes = _secondary_indexes()
        for name, _ in indexes:
            db.execute(f"DROP INDEX IF EXISTS {name}")
        db.execute("BEGIN")
        for statement in _copies(seed_ids, n, "randomblob(16)", "x''"):
            db.execute(statement)
        db.execute("COMMIT")
        timings["copy_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        for _, create in indexes:
            db.execute(create)
        db.execute("ANALYZE")
        timings["index_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        db.execute("BEGIN")
        db.execute(f"DELETE FROM {PAY_BUCKETS.name}")
        rows = _rebuild_buckets_rows(lambda sql: db.execute(sql))
        marks = ", ".join("?" for _ in (*KEY, "n", "total"))
        db.executemany(f"INSERT INTO {PAY_BUCKETS.name} VALUES ({marks})", rows)
        db.execute("COMMIT")
        timings["buckets_s"] = round(time.perf_counter() - started, 1)
        timings["pay_bucket_rows"] = len(rows)
        timings["postings"] = int(db.execute("SELECT count(*) FROM postings").fetchone()[0])
        db.execute("PRAGMA journal_mode=WAL")
    finally:
        db.close()
    return timings


# ---------------------------------------------------------------------------------------- PostgreSQL


async def grow_postgresql(url: str, n: int) -> dict[str, float]:
    import asyncpg

    parsed = normalize_url(url)
    conn = await asyncpg.connect(host=parsed.host, port=parsed.port or 5432, user=parsed.username,
                                 database=parsed.database)  # fmt: skip
    timings: dict[str, float] = {}
    try:
        await conn.execute("SET maintenance_work_mem = '1GB'; SET synchronous_commit = off")
        seed_ids = [int(r[0]) for r in await conn.fetch("SELECT id FROM postings ORDER BY id")]
        started = time.perf_counter()
        indexes = _secondary_indexes()
        for name, _ in indexes:
            await conn.execute(f"DROP INDEX IF EXISTS {name}")
        text_hash = "decode(md5(id::text || ':{k}'), 'hex')"
        async with conn.transaction():
            for statement in _copies(seed_ids, n, text_hash, "''::bytea"):
                await conn.execute(statement)
        timings["copy_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        for _, create in indexes:
            await conn.execute(create)
        await conn.execute("VACUUM (ANALYZE) postings")
        await conn.execute("VACUUM (ANALYZE) posting_locations")
        timings["index_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        fetched: dict[str, list[Any]] = {sql: await conn.fetch(sql) for sql in BACKFILL_SOURCES}
        rows = _rebuild_buckets_rows(lambda sql: [tuple(r) for r in fetched[sql]])
        async with conn.transaction():
            await conn.execute(f"DELETE FROM {PAY_BUCKETS.name}")
            await conn.copy_records_to_table(PAY_BUCKETS.name, records=rows, columns=[*KEY, "n", "total"])
        await conn.execute(f"VACUUM (ANALYZE) {PAY_BUCKETS.name}")
        timings["buckets_s"] = round(time.perf_counter() - started, 1)
        timings["pay_bucket_rows"] = len(rows)
        timings["postings"] = int(await conn.fetchval("SELECT count(*) FROM postings"))
    finally:
        await conn.close()
    return timings


# ---------------------------------------------------------------------------------------------- main


def _pg_url(name: str) -> str:
    return normalize_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)


async def _sized_copy(engine: str, seed_url: str, seed_path: Path, n: int, db_name: str) -> str:
    if engine == "sqlite":
        target = seed_path.with_name(f"scale-{n}.db")
        target.unlink(missing_ok=True)
        shutil.copyfile(seed_path, target)
        return f"sqlite+aiosqlite:///{target}"
    name = f"{db_name}_{n}"
    await _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{normalize_url(seed_url).database}"')
    return _pg_url(name)


def _salary_queries(url: str, count: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.store_bench", "queries", "--database", url, "--count", str(count),
               "--only", "salary_stats"]  # fmt: skip
    proc = subprocess.run(
        command, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"queries failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


async def bench_engine(engine: str, sizes: list[int], data: Path, out: Path, count: int,
                       db_name: str, keep: bool) -> list[dict[str, Any]]:  # fmt: skip
    seed_url = await fresh_database(engine, out, 0, db_name=f"{db_name}_seed")
    print(f"[{engine}] importing the seed ...", file=sys.stderr)
    run_import(seed_url, data, None)
    seed_path = out / "bench-0.db"
    if engine == "sqlite":
        sqlite3.connect(seed_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    results = []
    for n in sizes:
        url = await _sized_copy(engine, seed_url, seed_path, n, db_name)
        print(f"[{engine}] growing to {n:,} ...", file=sys.stderr)
        if engine == "sqlite":
            grown = grow_sqlite(Path(str(normalize_url(url).database)), n)
        else:
            grown = await grow_postgresql(url, n)
        print(f"[{engine}] {n:,}: {grown}; querying ...", file=sys.stderr)
        queries = _salary_queries(url, count)
        when = datetime.now(UTC).isoformat(timespec="minutes")
        results.append(
            {"engine": engine, "n": n, "load": grown, "queries": queries, "machine": machine(),
             "load_average": os.getloadavg(), "date": when}
        )  # fmt: skip
        (out / f"scale-{engine}-{n}.json").write_text(json.dumps(results[-1], indent=2))
        if keep:
            continue
        if engine == "postgresql":
            await _pg_admin(f'DROP DATABASE IF EXISTS "{db_name}_{n}" WITH (FORCE)')
        else:
            Path(str(normalize_url(url).database)).unlink(missing_ok=True)
    return results


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| engine | N | salary_stats p50 | p95 | max | pay_buckets rows | load average |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        q = r["queries"]["salary_stats"]
        lines.append(
            f"| {r['engine']} | {r['n']:,} | {q['p50_ms']} ms | {q['p95_ms']} ms | {q['max_ms']} ms "
            f"| {r['load']['pay_bucket_rows']:,} | {r['load_average'][0]:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="/salary at growing sizes, tables loaded directly")
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--seed-n", type=int, default=20_000, help="postings imported, then copied")
    parser.add_argument("--count", type=int, default=300, help="salary_stats calls measured per size")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--db-name", default="jobscout_scale", help="PostgreSQL database name prefix")
    parser.add_argument("--keep", action="store_true", help="keep the grown databases")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.out / f"synthetic-v2-{args.seed_n}.jsonl"
    if not data.exists():
        synthetic.write(data, args.seed_n)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        results += asyncio.run(
            bench_engine(engine, sizes, data, args.out, args.count, args.db_name, args.keep)
        )
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
