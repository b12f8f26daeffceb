"""How long the weekly digest takes to compute for a big guild: digest_data + building the Reply.

    PYTHONPATH=. python bench/digest_bench.py                       # SQLite, 100,000 postings
    PYTHONPATH=. python bench/digest_bench.py --database postgresql+asyncpg://postgres@127.0.0.1/bench

The guild holds the store engineer's synthetic postings (``bench.synthetic``: two years up to
2026-11-01, about 960 a week, realistic roles, pay in local currencies, skills), imported with the
bulk importer, plus reposts with pay changes in the measured week (Mon 19 Oct to Mon 26 Oct 2026,
09:00 UTC). The data file and the SQLite database are kept under ``--out``, so later runs only
measure. Target: p95 at most 500 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import synthetic
from commands.digest.message import build_digest
from commands.digest.schedule import Schedule, period_key, window
from parsing import parse_posting
from parsing.models import Posting, Salary, SalaryRange
from parsing.role import normalize_role
from store import PayConfig, Store
from store.writes.importer import import_file

ROOT = Path(__file__).resolve().parent.parent
GUILD = 1
OCCURRENCE = datetime(2026, 10, 26, 9, tzinfo=UTC)  # Monday 09:00 UTC, ISO week 44
SCHEDULE = Schedule("mon", OCCURRENCE.time().replace(tzinfo=None), "UTC")
PAY = PayConfig(usd_per_unit={"USD": 1.0, "EUR": 1.1, "GBP": 1.25, "INR": 0.012, "CAD": 0.73, "AUD": 0.66})
EVER = OCCURRENCE - timedelta(days=3650)


def repost(i: int, high: float) -> tuple[str, Posting]:
    """A posting pasted in the measured week (and again, maybe with a raise)."""
    stated = f"USD 90000-{high:.0f} a year"
    text = f"Data Engineer\nRepost Co {i}\n\nBuild pipelines {i} for team {i * 7}.\n{stated}\n"
    salary = Salary(min=90_000, max=high, currency="USD", period="year", text=stated)
    ranges = [SalaryRange(min=90_000, max=high, currency="USD", period="year", text=stated)]
    return text, Posting(title="Data Engineer", company=f"Repost Co {i}", salary=salary, salary_ranges=ranges)


async def load(store: Store, data: Path) -> None:
    began = time.monotonic()
    report = await import_file(store, data, guild_id=GUILD, parse=parse_posting)
    print(f"imported {report.added:,} postings in {time.monotonic() - began:.0f}s")
    week_start = OCCURRENCE - timedelta(days=7)
    for i in range(40):  # reposts in the measured week, half with a raise
        at = week_start + timedelta(hours=2 * i)
        text, first = repost(i, 110_000)
        await store.add_posting(GUILD, text, first, source="message", added_at=at)
        _, again = repost(i, 120_000 if i % 2 else 110_000)
        await store.add_posting(GUILD, text, again, source="message", added_at=at + timedelta(hours=1))


async def measure(store: Store, runs: int, chart: bool) -> list[float]:
    start, end = window(SCHEDULE, OCCURRENCE)
    period = period_key(SCHEDULE, OCCURRENCE)
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        reply = await build_digest(store, GUILD, SCHEDULE, period, start, end, chart=chart)
        timings.append((time.perf_counter() - began) * 1000)
        assert reply.fields, "the measured week must have content"
    return timings


def summary(label: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{label:<28} n={len(ordered):>3}  p50 {statistics.median(ordered):7.1f} ms  "
        f"p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms"
    )


async def main(args: argparse.Namespace) -> None:
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.out / f"synthetic-{args.postings}.jsonl"
    if not data.exists():
        print(f"generating {args.postings:,} synthetic postings into {data} ...")
        synthetic.write(data, args.postings)
    url = args.database or f"sqlite+aiosqlite:///{args.out / f'digest-{args.postings}.db'}"
    store = await Store.open(url, pay=PAY, normalize_role=normalize_role, auto_upgrade=True)
    try:
        if (await store.digest_data(GUILD, EVER, OCCURRENCE + timedelta(days=30))).new_count == 0:
            await load(store, data)
        start, end = window(SCHEDULE, OCCURRENCE)
        week = await store.digest_data(GUILD, start, end)
        total = (await store.digest_data(GUILD, EVER, OCCURRENCE + timedelta(days=30))).new_count
        print(
            f"{store.dialect}: {total:,} postings in the guild, {week.new_count:,} in the measured week, "
            f"{week.repost_count} reposts ({len(week.pay_changes)} with a pay change)"
        )
        await measure(store, 3, chart=True)  # warm caches and the chart font
        print(summary("digest, no chart", await measure(store, args.runs, chart=False)))
        print(summary("digest with chart", await measure(store, args.runs, chart=True)))
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    finally:
        await store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "out", help="where data and the db are kept"
    )
    parser.add_argument("--database", help="a database URL instead of the SQLite file (e.g. PostgreSQL)")
    asyncio.run(main(parser.parse_args()))
