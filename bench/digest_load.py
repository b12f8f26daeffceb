"""10,000 servers' weekly digests due at once, and interactions answered meanwhile.

    python -m bench.digest_load                          # 10,000 servers, 2 postings each, SQLite
    python -m bench.digest_load --servers 2000 --postings 30

In one process, as in production: the store (SQLite, cached under ``bench/out/``), the digest timer
(``bot.digest_scheduler.DigestScheduler``: at most MAX_CONCURRENT digests built at once) and a sender
paced like the Discord one (``bot.digest_sender.Pacer`` at DIGEST_REQUESTS_PER_SECOND, then a stubbed
Discord answering in ``--discord-ms``). Every server keeps the default schedule; this bench fires them
all in the same second (the worst case: the default minute spread would give them an hour), as the
timer's jobs would. Meanwhile interactions arrive at ``--rate`` a second, each acknowledged as soon as
its handler runs (its *ack*: the delay the event loop adds before the 3-second acknowledgement) and
then answered with a /salary query (its *final*). Reported: digests sent, their delay after the due
moment (p50/p95/max, and when the last one went), and ack and final latency percentiles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.store_bench import machine
from bot.digest_scheduler import MAX_CONCURRENT, DigestScheduler
from bot.digest_sender import DIGEST_REQUESTS_PER_SECOND, Pacer
from commands.core.reply import Reply
from commands.core.services import Services
from commands.digest.schedule import DigestPolicy
from parsing.models import Posting, Salary, SalaryRange
from parsing.role import normalize_role
from store import PayConfig, Store

ROOT = Path(__file__).resolve().parent.parent
OCCURRENCE = datetime(2026, 11, 23, 9, tzinfo=UTC)  # a Monday 09:00 UTC: the default schedule
ROLES = ("Data Engineer", "Backend Developer", "Product Manager", "Registered Nurse", "QA Engineer")


def _posting(server: int, i: int) -> tuple[str, Posting]:
    title = ROLES[(server + i) % len(ROLES)]
    low = 60_000 + 1_000 * ((server * 7 + i * 13) % 60)
    stated = f"USD {low}-{low + 20_000} a year"
    text = f"{title}\nCompany {server}-{i}\n\nWork item {i} for server {server}.\n{stated}\n"
    salary = Salary(min=low, max=low + 20_000, currency="USD", period="year", text=stated)
    ranges = [SalaryRange(min=low, max=low + 20_000, currency="USD", period="year", text=stated)]
    return text, Posting(title=title, company=f"Company {server}-{i}", salary=salary, salary_ranges=ranges)


async def build(store: Store, servers: int, postings: int) -> None:
    week = OCCURRENCE - timedelta(days=7)
    for server in range(1, servers + 1):
        await store.update_guild_settings(server, digest_channel_id=1_000_000 + server)
        for i in range(postings):
            text, posting = _posting(server, i)
            at = week + timedelta(minutes=(server * 31 + i * 97) % (7 * 24 * 60))
            await store.add_posting(server, text, posting, source="message", added_at=at)


class StubbedDiscord:
    """The digest sender with Discord stubbed: paced like the real one, each post taking ``latency`` s."""

    def __init__(self, latency: float, started: float) -> None:
        self.pacer = Pacer(DIGEST_REQUESTS_PER_SECOND)
        self.latency = latency
        self.started = started
        self.sent_at: list[float] = []

    async def send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
        await self.pacer.wait()
        await asyncio.sleep(self.latency)
        self.sent_at.append(time.perf_counter() - self.started)

    async def already_posted(self, guild_id: int, channel_id: int, period: str) -> bool:
        return False


def _percentiles(samples: list[float], scale: float = 1.0) -> dict[str, float]:
    ordered = sorted(samples)
    if not ordered:
        return {}
    return {
        "n": len(ordered),
        "p50": round(statistics.median(ordered) * scale, 1),
        "p95": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * scale, 1),
        "max": round(ordered[-1] * scale, 1),
    }


async def interactions(store: Store, rate: float, servers: int, done: asyncio.Event) -> dict[str, Any]:
    acks: list[float] = []
    finals: list[float] = []
    tasks: set[asyncio.Task[None]] = set()

    async def handle(arrived: float, server: int) -> None:
        acks.append(time.perf_counter() - arrived)  # the handler runs: the acknowledgement goes now
        await store.salary_stats(server, ROLES[server % len(ROLES)])
        finals.append(time.perf_counter() - arrived)

    i = 0
    while not done.is_set():
        i += 1
        task = asyncio.create_task(handle(time.perf_counter(), 1 + i * 7919 % servers))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        await asyncio.sleep(1 / rate)
    await asyncio.gather(*tasks)
    return {"ack_ms": _percentiles(acks, 1000), "final_ms": _percentiles(finals, 1000)}


async def run(args: argparse.Namespace) -> dict[str, Any]:
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / f"digest-load-{args.servers}x{args.postings}.db"
    url = f"sqlite+aiosqlite:///{db}"
    fresh = not db.exists()
    origin = time.perf_counter()

    def clock() -> datetime:  # the due moment, then real time passing
        return OCCURRENCE + timedelta(seconds=time.perf_counter() - origin)

    store = await Store.open(
        url, pay=PayConfig(), normalize_role=normalize_role, auto_upgrade=True, clock=clock
    )
    try:
        if fresh:
            began = time.perf_counter()
            await build(store, args.servers, args.postings)
            print(f"built {args.servers:,} servers in {time.perf_counter() - began:.0f} s")
        async with store.sessions.write() as session:  # every run starts with nothing sent
            await session.execute(text("DELETE FROM digest_runs"))
        services = Services(store=store, pay=store.pay, clock=clock)
        started = time.perf_counter()
        origin = started
        sender = StubbedDiscord(args.discord_ms / 1000, started)
        timer = DigestScheduler(
            services, DigestPolicy(charts=args.charts), sender, clock=clock, refresh_every=None
        )
        refresh_s = []
        for _ in range(3):  # the first builds every job; the next find nothing changed
            began = time.perf_counter()
            await timer.refresh()
            refresh_s.append(round(time.perf_counter() - began, 3))
        if args.refresh_only:
            return {"servers": args.servers, "refresh_s": refresh_s, "load_average": os.getloadavg()}
        started = time.perf_counter()
        origin = started
        sender.started = started
        done = asyncio.Event()
        meanwhile = asyncio.create_task(interactions(store, args.rate, args.servers, done))
        results = await asyncio.gather(*(timer.fire(server) for server in range(1, args.servers + 1)))
        done.set()
        answered = await meanwhile
        statuses: dict[str, int] = {}
        for result in results:
            statuses[result.status] = statuses.get(result.status, 0) + 1
        return {
            "servers": args.servers,
            "postings_per_server": args.postings,
            "charts": args.charts,
            "statuses": statuses,
            "refresh_s": refresh_s,
            "digests_sent": len(sender.sent_at),
            "delay_s": _percentiles(sender.sent_at),
            "last_sent_after_s": round(max(sender.sent_at, default=0.0), 1),
            "interactions": answered,
            "limits": {"digests_at_once": MAX_CONCURRENT, "sends_per_s": DIGEST_REQUESTS_PER_SECOND},
            "machine": machine(),
            "load_average": os.getloadavg(),
            "date": datetime.now(UTC).isoformat(timespec="minutes"),
        }
    finally:
        await store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Digests of many servers due at once")
    parser.add_argument("--servers", type=int, default=10_000)
    parser.add_argument("--postings", type=int, default=2, help="postings per server in the digest's week")
    parser.add_argument("--rate", type=float, default=10.0, help="interactions a second meanwhile")
    parser.add_argument("--discord-ms", type=float, default=60.0, help="the stubbed Discord's answer time")
    parser.add_argument(
        "--no-charts", dest="charts", action="store_false", help="digests without their chart"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--refresh-only", action="store_true", help="only time the schedule refresh")
    result = asyncio.run(run(parser.parse_args(argv)))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
