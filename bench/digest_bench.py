"""How long the weekly digest takes to compute for a big guild: digest_data + building the Reply.

    PYTHONPATH=. python bench/digest_bench.py                       # SQLite, 100,000 postings
    PYTHONPATH=. python bench/digest_bench.py --database postgresql+asyncpg://postgres@127.0.0.1/bench

The guild's postings are spread over a year (about 1,900 a week) with a dozen roles, pay in three
currencies, skills, card message ids, and reposts with pay changes in the measured week. The SQLite
file is kept (``--data``) so later runs skip the load. Target: p95 at most 500 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from commands.digest_render import build_digest
from commands.digest_schedule import Schedule, period_key, window
from parsing.models import Posting, Salary, SalaryRange
from store import PayConfig, Store
from store.derive import prepare

GUILD = 1
OCCURRENCE = datetime(2026, 11, 23, 9, tzinfo=UTC)  # Monday 09:00 UTC, ISO week 48
SCHEDULE = Schedule("mon", OCCURRENCE.time().replace(tzinfo=None), "UTC")
PAY = PayConfig(usd_per_unit={"USD": 1.0, "EUR": 1.1, "GBP": 1.25})
ROLES = [
    "Machine Learning Engineer", "Data Scientist", "Data Engineer", "Backend Engineer", "Frontend Engineer",
    "DevOps Engineer", "Product Manager", "QA Engineer", "Data Analyst", "Site Reliability Engineer",
    "Mobile Developer", "Security Engineer",
]  # fmt: skip
SKILLS = [
    "Python", "SQL", "PyTorch", "TensorFlow", "Kubernetes", "Docker", "AWS", "GCP", "Azure", "React",
    "TypeScript", "Go", "Rust", "Java", "Spark", "Airflow", "Terraform", "Linux", "Kafka", "Figma",
]  # fmt: skip
WORDS = [
    "build",
    "ship",
    "design",
    "review",
    "scale",
    "data",
    "pipeline",
    "model",
    "service",
    "team",
    "customer",
    "product",
    "platform",
    "reliable",
    "secure",
    "fast",
    "clear",
    "own",
    "lead",
    "mentor",
    "partner",
    "deliver",
    "improve",
    "measure",
    "test",
    "deploy",
    "monitor",
    "cloud",
    "api",
]
CURRENCIES = [("USD", 1.0), ("EUR", 0.9), ("GBP", 0.8)]


def synthetic(rng: random.Random, i: int) -> tuple[str, Posting]:
    title = rng.choice(ROLES)
    currency, scale = rng.choices(CURRENCIES, weights=(6, 3, 1))[0]
    low = round(rng.uniform(50_000, 200_000) * scale, -3)
    high = low + round(rng.uniform(0, 40_000) * scale, -3)
    text_pay = f"{currency} {low:.0f}-{high:.0f} per year"
    salary = Salary(min=low, max=high, currency=currency, period="year", text=text_pay)
    has_pay = rng.random() < 0.7
    skills = rng.sample(SKILLS, rng.randint(2, 6))
    body = " ".join(f"{rng.choice(WORDS)}{rng.randrange(10_000)}" for _ in range(60))
    text = f"{title}\nCompany {i % 900}\n\n{body}\n{text_pay if has_pay else ''}\n"
    posting = Posting(
        title=title,
        company=f"Company {i % 900}",
        salary=salary if has_pay else None,
        salary_ranges=[SalaryRange(min=low, max=high, currency=currency, period="year", text=text_pay)]
        if has_pay
        else [],
        skills=skills,
    )
    return text, posting


async def load(store: Store, count: int, *, batch: int = 2000, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = OCCURRENCE - timedelta(days=364)
    span = (OCCURRENCE - start).total_seconds()
    done, began = 0, time.monotonic()
    while done < count:
        items = []
        for i in range(done, min(count, done + batch)):
            text, posting = synthetic(rng, i)
            at = start + timedelta(seconds=span * i / count + rng.uniform(0, 60))
            items.append(
                prepare(text, posting, PAY, added_at=at, source="import", channel_id=10, message_id=10**6 + i)
            )
        await store.store_prepared(GUILD, items, interactive=False)
        done += len(items)
        print(f"\rloaded {done:,}/{count:,} ({time.monotonic() - began:.0f}s)", end="", flush=True)
    print()
    # Reposts in the measured week, some with a new pay.
    week_start = OCCURRENCE - timedelta(days=7)
    for i in range(40):
        text, posting = synthetic(random.Random(1000 + i), count - 1 - i)
        first = await store.add_posting(
            GUILD, text, posting, source="message", added_at=week_start + timedelta(hours=i)
        )
        if posting.salary is not None and i % 2 == 0:
            raised = posting.model_copy(
                update={
                    "salary": posting.salary.model_copy(update={"max": (posting.salary.max or 0) + 10_000})
                }
            )
            await store.add_posting(
                GUILD, text + "\nnow paying more", raised, source="message",
                added_at=week_start + timedelta(hours=i + 1),
            )  # fmt: skip
        assert first.posting_id


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
    url = args.database or f"sqlite+aiosqlite:///{args.data}"
    store = await Store.open(url, pay=PAY, auto_upgrade=True)
    try:
        stats = await store.digest_data(GUILD, OCCURRENCE - timedelta(days=3650), OCCURRENCE)
        if stats.new_count < args.postings:
            if stats.new_count:
                raise SystemExit(
                    f"{url} holds {stats.new_count:,} postings; remove it or pick another --data"
                )
            await load(store, args.postings)
        start, end = window(SCHEDULE, OCCURRENCE)
        week = await store.digest_data(GUILD, start, end)
        total = (await store.digest_data(GUILD, OCCURRENCE - timedelta(days=3650), OCCURRENCE)).new_count
        print(f"{store.dialect}: {total:,} postings in the guild, {week.new_count:,} in the measured week, "
              f"{week.repost_count} reposts ({len(week.pay_changes)} pay changes)")  # fmt: skip
        await measure(store, 3, chart=True)  # warm caches and matplotlib
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
    parser.add_argument("--data", type=Path, default=Path("data/bench-digest-100k.db"))
    parser.add_argument("--database", help="a database URL instead of the SQLite file (e.g. PostgreSQL)")
    asyncio.run(main(parser.parse_args()))
