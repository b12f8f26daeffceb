"""Store benchmark: bulk import rate, query latency, memory and size at N postings in one guild.

    python -m bench.store_bench --n 1000000                      # SQLite and PostgreSQL
    python -m bench.store_bench --n 20000 --engines sqlite       # a quick run

For each engine: synthetic postings (``bench.synthetic``, cached under ``--out``) are imported into
a fresh database with the real command line (``jobscout import``, worker processes, batch commits);
then a separate process runs a mix of ``salary_stats``, ``compare`` and ``skill_summary`` calls and
reports their latency percentiles and its own peak RSS. Results go to ``--out/store-<engine>-<n>.json``
and are printed as a table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import distinct, func, select, text

from bench import synthetic
from parsing.role import normalize_role
from store import PayConfig, Store
from store.db.engine import create_engine, normalize_url
from store.db.tables import POSTING_LOCATIONS, POSTINGS

ROOT = Path(__file__).resolve().parent.parent
GUILD = 1
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
BENCH_DB = "jobscout_bench"
# the synthetic data ends on 2026-11-01: queries look at it from the next day
NOW = synthetic.END + timedelta(days=1)


def peak_rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    model = platform.processor() or "?"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        model = next(
            line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Model name")
        )
    except (OSError, subprocess.CalledProcessError, StopIteration):
        pass
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


# ----------------------------------------------------------------------------------------- databases


async def _pg_admin(sql: str) -> None:
    import asyncpg

    url = normalize_url(PG_ADMIN)
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, password=url.password, database=url.database
    )
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def fresh_database(engine: str, out: Path, n: int, db_name: str = BENCH_DB) -> str:
    if engine == "sqlite":
        path = out / f"bench-{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite+aiosqlite:///{path}"
    else:
        await _pg_admin(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        await _pg_admin(f'CREATE DATABASE "{db_name}"')
        url = normalize_url(PG_ADMIN).set(database=db_name).render_as_string(hide_password=False)
    store = await Store.open(url, auto_upgrade=True, normalize_role=normalize_role)
    await store.close()
    return url


async def database_size(url: str) -> int:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                await conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
                pages = (await conn.execute(text("PRAGMA page_count"))).scalar_one()
                size = (await conn.execute(text("PRAGMA page_size"))).scalar_one()
                return int(pages * size)
            return int((await conn.execute(text("SELECT pg_database_size(current_database())"))).scalar_one())
    finally:
        await engine.dispose()


# ---------------------------------------------------------------------------------------------- import


def _tree_rss_mb(root: int) -> tuple[float, float]:
    """(sum, largest) resident memory of a process and its descendants, in MB."""
    parents: dict[int, int] = {}
    rss: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip())
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [c for c, p in parents.items() if p == pid]
        tree.update(children)
        frontier += children
    sizes = [rss.get(pid, 0.0) for pid in tree]
    return sum(sizes), max(sizes, default=0.0)


def run_import(url: str, data: Path, workers: int | None) -> dict[str, Any]:
    command = [sys.executable, "-m", "bot", "import", str(data), "--database", url, "--guild", str(GUILD)]
    if workers is not None:
        command += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    peak_sum = peak_one = 0.0
    with subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as proc:
        while proc.poll() is None:
            total, largest = _tree_rss_mb(proc.pid)
            peak_sum, peak_one = max(peak_sum, total), max(peak_one, largest)
            time.sleep(0.5)
        stderr = proc.stderr.read() if proc.stderr else ""
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"import failed:\n{stderr[-3000:]}")
    return {
        "seconds": round(elapsed, 1),
        "summary": stderr.strip().splitlines()[-1],
        "peak_rss_mb": round(peak_sum, 1),  # the import and its worker processes together
        "peak_rss_largest_process_mb": round(peak_one, 1),
        "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
    }


# --------------------------------------------------------------------------------------------- queries


async def _timed(call: Callable[[], Awaitable[object]], cpu: list[float] | None = None) -> float:
    """Wall milliseconds of one call; its CPU milliseconds in this process appended to ``cpu``."""
    started, cpu_started = time.perf_counter(), time.process_time()
    await call()
    if cpu is not None:
        cpu.append((time.process_time() - cpu_started) * 1000)
    return (time.perf_counter() - started) * 1000


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
    }


async def run_queries(url: str, count: int, seed: int, only: str | None = None) -> dict[str, Any]:
    """Measured in its own process, so peak RSS is the querying process's own."""
    rng = random.Random(seed)
    store = await Store.open(
        url, pay=PayConfig(), normalize_role=normalize_role, auto_upgrade=False, clock=lambda: NOW
    )
    try:
        async with store.sessions.read() as session:
            roles = [
                r for (r,) in (await session.execute(select(distinct(POSTINGS.c.role_key)))).tuples() if r
            ]
            places = [
                "london",
                "new york",
                "berlin",
                "remote",
                "bengaluru",
                "austin",
                "toronto",
                "uk",
                "germany",
            ]
            max_id = int((await session.execute(select(func.max(POSTINGS.c.id)))).scalar_one())
            located = int(
                (await session.execute(select(func.count()).select_from(POSTING_LOCATIONS))).scalar_one()
            )
        levels = ["entry", "mid", "senior", "lead"]

        def salary_call() -> Callable[[], Awaitable[object]]:
            role, kind = rng.choice(roles), rng.random()
            if kind < 0.5:
                return lambda: store.salary_stats(GUILD, role)
            if kind < 0.75:
                return lambda: store.salary_stats(GUILD, role, location=rng.choice(places))
            return lambda: store.salary_stats(GUILD, role, seniority=rng.choice(levels))

        def compare_call() -> Callable[[], Awaitable[object]]:
            ids = [rng.randint(1, max_id) for _ in range(rng.choice((2, 3)))]
            return lambda: store.compare(GUILD, ids)

        def skills_call() -> Callable[[], Awaitable[object]]:
            role = rng.choice(roles) if rng.random() < 0.75 else None
            since = NOW - timedelta(days=90) if rng.random() < 0.5 else None
            return lambda: store.skill_summary(GUILD, role, since)

        results: dict[str, Any] = {"roles": len(roles), "location_rows": located}
        for name, make in (
            ("salary_stats", salary_call),
            ("compare", compare_call),
            ("skill_summary", skills_call),
        ):
            if only and name != only:
                continue
            for _ in range(5):  # warm-up
                await make()()
            cpu: list[float] = []
            samples = [await _timed(make(), cpu) for _ in range(count)]
            # CPU of this process: what a loaded machine does not inflate (the database server's own
            # work on PostgreSQL is not in it)
            results[name] = {
                **_summary(samples),
                **{f"cpu_{k}": v for k, v in _summary(cpu).items() if k != "n"},
            }
        results["peak_rss_mb"] = round(peak_rss_mb(), 1)
        return results
    finally:
        await store.close()


# ------------------------------------------------------------------------------------------------ main


async def bench_engine(
    engine: str, n: int, data: Path, out: Path, count: int, workers: int | None
) -> dict[str, Any]:
    url = await fresh_database(engine, out, n)
    print(f"[{engine}] importing {n:,} postings ...", file=sys.stderr)
    imported = run_import(url, data, workers)
    imported["rate_per_s"] = round(n / imported["seconds"])
    size = await database_size(url)
    print(f"[{engine}] {imported}; querying ...", file=sys.stderr)
    command = [sys.executable, "-m", "bench.store_bench", "queries", "--database", url, "--count", str(count)]
    proc = subprocess.run(
        command, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"queries failed:\n{proc.stderr[-3000:]}")
    queries = json.loads(proc.stdout)
    return {
        "engine": engine,
        "n": n,
        "import": imported,
        "db_bytes": size,
        "bytes_per_posting": round(size / n),
        "queries": queries,
        "machine": machine(),
        "date": datetime.now(UTC).date().isoformat(),
    }


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| engine | N | import /s | import peak RSS | salary_stats p95 | compare p95 | skill_summary p95 "
        "| query peak RSS | DB bytes/posting |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        q, imp = r["queries"], r["import"]
        cells = [
            r["engine"], f"{r['n']:,}", f"{imp['rate_per_s']:,}", f"{imp['peak_rss_mb']:.0f} MB",
            *(f"{q[k]['p95_ms']} ms" for k in ("salary_stats", "compare", "skill_summary")),
            f"{q['peak_rss_mb']:.0f} MB", f"{r['bytes_per_posting']:,}",
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="JobScout store benchmark")
    sub = parser.add_subparsers(dest="mode")
    q = sub.add_parser("queries", help="(internal) run the query mix against an imported database")
    q.add_argument("--database", required=True)
    q.add_argument("--count", type=int, default=200)
    q.add_argument("--seed", type=int, default=1)
    q.add_argument("--only", default=None, help="one query kind (salary_stats, compare, skill_summary)")
    parser.add_argument("--n", type=int, default=1_000_000, help="postings to import (default 1,000,000)")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--count", type=int, default=200, help="calls measured per query kind")
    parser.add_argument("--workers", type=int, default=None, help="import worker processes (default: auto)")
    args = parser.parse_args(argv)
    if args.mode == "queries":
        print(json.dumps(asyncio.run(run_queries(args.database, args.count, args.seed, args.only))))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.out / f"synthetic-v2-{args.n}.jsonl"  # v2: oldest first, as an export is
    if not data.exists():
        print(f"generating {args.n:,} synthetic postings into {data} ...", file=sys.stderr)
        synthetic.write(data, args.n)
    results = []
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        result = asyncio.run(bench_engine(engine, args.n, data, args.out, args.count, args.workers))
        (args.out / f"store-{engine}-{args.n}.json").write_text(json.dumps(result, indent=2))
        results.append(result)
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
