"""Bot under load: N interactions fired together at ``jobscout run``, through the fake Discord.

The bot runs as it does in production, in its own process (``python -m bot run``), pointed at the
loopback fake Discord of the e2e tests by ``JOBSCOUT_DISCORD__API_BASE``/``GATEWAY_URL``, on a SQLite
(or PostgreSQL) store holding ``--postings`` synthetic postings of one server. This process plays
Discord: it sends the interactions back to back over the gateway, and the fake records when each REST
answer arrives. Reported: time to acknowledgement (the first response Discord needs within 3 s), time
to the final reply, the bot process's resident memory (current and peak) and its CPU for the load (all
threads, and its event loop's main thread alone).

    python -m bench.bot_load                      # 200 interactions against 100,000 postings
    python -m bench.bot_load --interactions 400 --mix add=1,salary=2,compare=1
    python -m bench.bot_load --rate 8               # a steady 8 interactions a second instead of a burst
    python -m bench.bot_load --profile bench/out/bot.prof   # the bot's event loop under cProfile

The store is built once (synthetic postings imported with ``jobscout import``) and cached under
``bench/out/``; each run works on a fresh copy, so /add does not accumulate across runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import synthetic
from parsing.role import normalize_role
from tests.e2e.fakediscord import FakeDiscord, FakeGuild, FakeUser, Interaction, RestCall, opt, snowflake

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
GUILD_ID = 4242  # a fixed server id: the cached store belongs to it
ACK_LIMIT = 3.0
TARGETS = {"ack_p95": 0.5, "final_p95": 2.0, "rss_mb": 300.0}
POPULAR_ROLES = (
    "software engineer",
    "data scientist",
    "registered nurse",
    "product manager",
    "data engineer",
)
LOCATIONS = (None, None, "Berlin", "London", "remote", "New York")
SENIORITIES = (None, None, "senior", "mid", "entry")


@dataclass
class Sample:
    kind: str
    ack: float | None
    final: float | None
    ack_type: int | None
    error: bool


def build_store(postings: int, database: Path) -> None:
    """Synthetic postings imported into a SQLite file (once; cached by size)."""
    jsonl = OUT / f"postings-{postings}.jsonl"
    if not jsonl.exists():
        print(f"generating {postings:,} synthetic postings -> {jsonl}", file=sys.stderr)
        synthetic.write(jsonl, postings)
    partial = database.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    print(f"importing into {database} (once)", file=sys.stderr)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "import",
            str(jsonl),
            "--database",
            f"sqlite+aiosqlite:///{partial}",
            "--guild",
            str(GUILD_ID),
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    partial.replace(database)


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of ``pid`` in MB, from /proc."""
    values: dict[str, float] = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by ``pid`` (all its threads)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main_thread_cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by the main thread of ``pid`` (the bot's event loop)."""
    with open(f"/proc/{pid}/task/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    python = platform.python_version()
    return f"{os.cpu_count()} vCPU {cpu}, {memory:.0f} GB RAM, Python {python}, {platform.system()}"


class Driver:
    """Plays Discord: fires interactions and reads their timings off the fake's REST log."""

    def __init__(self, fake: FakeDiscord, guild: FakeGuild, ids: list[int], seed: int) -> None:
        self.fake = fake
        self.guild = guild
        self.ids = ids
        self.rng = random.Random(seed)
        self.generator = synthetic.Generator(seed + 1)
        self.user = FakeUser(snowflake(), "member")

    def options(self, kind: str, i: int) -> list[dict[str, Any]]:
        if kind == "add":
            record = self.generator.record(1_000_000 + i)
            return [opt("text", record["text"][:4000])]
        if kind == "salary":
            options = [opt("role", self.rng.choice(POPULAR_ROLES))]
            location, seniority = self.rng.choice(LOCATIONS), self.rng.choice(SENIORITIES)
            if location:
                options.append(opt("location", location))
            if seniority:
                options.append(opt("seniority", seniority))
            return options
        a, b = self.rng.sample(self.ids, 2)
        return [opt("a", a, kind=4), opt("b", b, kind=4)]

    async def fire(self, kinds: list[str], rate: float | None = None) -> list[tuple[str, Interaction]]:
        """Send the interactions back to back over the one gateway connection, or ``rate`` a second."""
        payloads = [(kind, self.options(kind, i)) for i, kind in enumerate(kinds)]
        fired = []
        start = time.monotonic()
        for i, (kind, options) in enumerate(payloads):
            if rate:
                await asyncio.sleep(max(0.0, start + i / rate - time.monotonic()))
            fired.append((kind, await self.fake.slash(self.guild, "general", self.user, kind, options)))
        return fired

    @staticmethod
    def final_call(calls: list[RestCall]) -> RestCall | None:
        for call in calls:
            if call.path.endswith("/callback"):
                if call.json.get("type") in (4, 7):
                    return call
            elif call.method in ("POST", "PATCH"):
                return call
        return None

    async def collect(self, fired: list[tuple[str, Interaction]], timeout: float) -> list[Sample]:
        deadline = time.monotonic() + timeout
        while True:
            by_token: dict[str, list[RestCall]] = {}
            for call in self.fake.calls:
                parts = call.path.split(
                    "/"
                )  # /interactions/<id>/<token>/callback, /webhooks/<app>/<token>...
                if len(parts) > 3 and parts[1] in ("interactions", "webhooks"):
                    by_token.setdefault(parts[3], []).append(call)
            done = sum(1 for _, ix in fired if self.final_call(by_token.get(ix.token, [])) is not None)
            if done == len(fired) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.05)
        samples = []
        for kind, ix in fired:
            calls = by_token.get(ix.token, [])
            ack = next((c for c in calls if c.path.endswith("/callback")), None)
            final = self.final_call(calls)
            error = final is None or bool((final.data.get("flags") or 0) & 64)
            samples.append(
                Sample(
                    kind=kind,
                    ack=ack.at - ix.sent_at if ack else None,
                    final=final.at - ix.sent_at if final else None,
                    ack_type=ack.json.get("type") if ack else None,
                    error=error,
                )
            )
        return samples


async def run(args: argparse.Namespace) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    if args.database:
        database_url = args.database
    else:
        cached = OUT / f"bot_load-{args.postings}.db"
        if not cached.exists():
            build_store(args.postings, cached)
        working = OUT / "bot_load-run.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{working}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(cached, working)
        database_url = f"sqlite+aiosqlite:///{working}"

    guild = FakeGuild(id=GUILD_ID, name="Bench", channels={"jobs": snowflake(), "general": snowflake()})
    fake = FakeDiscord([guild])
    await fake.start()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DISCORD_TOKEN": fake.token,
        "JOBSCOUT_DISCORD__API_BASE": fake.api_base,
        "JOBSCOUT_DISCORD__GATEWAY_URL": fake.gateway_url,
        "JOBSCOUT_DISCORD__GUILD_READY_TIMEOUT": "0.1",
        "JOBSCOUT_DATABASE__URL": database_url,
        "JOBSCOUT_DATA_DIR": str(OUT / "bot_load-data"),
        "JOBSCOUT_LOG_LEVEL": "WARNING",
        "JOBSCOUT_DISCORD__CHARTS": "false" if args.no_charts else "true",
    }
    # --profile: the bot's event-loop thread under cProfile (start-up and warm-up included), written
    # when it stops on the bench's SIGTERM
    profiler = ["-m", "cProfile", "-o", str(Path(args.profile).resolve())] if args.profile else []
    bot = await asyncio.create_subprocess_exec(
        sys.executable, *profiler, "-m", "bot", "run", cwd=ROOT, env=env
    )
    try:
        await fake.wait_connected(timeout=60)
        from store import Store  # the ids to compare, read once from the bench's copy

        store = await Store.open(database_url, normalize_role=normalize_role)
        try:
            page = await store.list_postings(GUILD_ID, page_size=100)
            ids = [p.id for p in page.items]
        finally:
            await store.close()
        driver = Driver(fake, guild, ids, args.seed)
        # Warm up: one of each, answered, so start-up costs (imports, first queries) are not measured.
        warm = await driver.fire(["add", "salary", "compare"])
        await driver.collect(warm, timeout=60)
        before_mb = rss_mb(bot.pid)[0]
        cpu_before = cpu_seconds(bot.pid)
        loop_cpu_before = main_thread_cpu_seconds(bot.pid)

        weights = dict(item.split("=") for item in args.mix.split(","))
        kinds = [k for k, w in weights.items() for _ in range(int(w))]
        load = [kinds[i % len(kinds)] for i in range(args.interactions)]
        random.Random(args.seed).shuffle(load)
        started = time.monotonic()
        fired = await driver.fire(load, args.rate)
        fire_seconds = time.monotonic() - started
        samples = await driver.collect(fired, timeout=300)
        rss, peak = rss_mb(bot.pid)
        cpu_used = cpu_seconds(bot.pid) - cpu_before
        loop_cpu_used = main_thread_cpu_seconds(bot.pid) - loop_cpu_before
        wall = time.monotonic() - started
    finally:
        if bot.returncode is None:
            bot.terminate()
            try:
                await asyncio.wait_for(bot.wait(), 20)
            except TimeoutError:
                bot.kill()
        await fake.close()

    acks = [s.ack for s in samples if s.ack is not None]
    finals = [s.final for s in samples if s.final is not None]
    result: dict[str, Any] = {
        "interactions": len(samples),
        "postings": args.postings,
        "database": database_url.split(":", 1)[0],
        "mix": args.mix,
        "charts": not args.no_charts,
        "rate_per_s": args.rate,
        "fired_in_s": round(fire_seconds, 3),
        "acknowledged": len(acks),
        "acknowledged_within_3s": sum(1 for a in acks if a <= ACK_LIMIT),
        "deferred": sum(1 for s in samples if s.ack_type == 5),
        "answered": len(finals),
        "error_replies": sum(1 for s in samples if s.error),
        "ack_p50_ms": round(percentile(acks, 50) * 1000),
        "ack_p95_ms": round(percentile(acks, 95) * 1000),
        "ack_max_ms": round(max(acks) * 1000) if acks else None,
        "final_p50_ms": round(percentile(finals, 50) * 1000),
        "final_p95_ms": round(percentile(finals, 95) * 1000),
        "final_max_ms": round(max(finals) * 1000) if finals else None,
        "bot_cpu_s": round(cpu_used, 1),
        "bot_event_loop_cpu_s": round(loop_cpu_used, 1),  # the rest: SQLite's and worker threads
        "wall_s": round(wall, 1),
        "answered_per_s": round(len(finals) / wall, 2) if wall else None,
        "rss_mb_before_load": round(before_mb),
        "rss_mb_after_load": round(rss),
        "rss_mb_peak": round(peak),
        "by_kind": {
            kind: {
                "n": len(group),
                "final_p50_ms": round(percentile([s.final for s in group if s.final], 50) * 1000),
                "final_p95_ms": round(percentile([s.final for s in group if s.final], 95) * 1000),
            }
            for kind in sorted({s.kind for s in samples})
            for group in [[s for s in samples if s.kind == kind]]
        },
        "machine": machine(),
    }
    result["meets_targets"] = (
        result["acknowledged_within_3s"] == len(samples)
        and result["ack_p95_ms"] < TARGETS["ack_p95"] * 1000
        and result["final_p95_ms"] < TARGETS["final_p95"] * 1000
        and result["rss_mb_peak"] < TARGETS["rss_mb"]
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Interactions fired together at the bot, via the fake Discord."
    )
    parser.add_argument("--interactions", type=int, default=200)
    parser.add_argument("--postings", type=int, default=100_000, help="synthetic postings in the store")
    parser.add_argument("--mix", default="add=1,salary=1,compare=1", help="relative weights of the commands")
    parser.add_argument("--database", help="use this database URL as is (default: cached SQLite copy)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-charts", action="store_true", help="run the bot with discord.charts = false")
    parser.add_argument("--rate", type=float, help="interactions a second, evenly spaced (default: a burst)")
    parser.add_argument("--profile", help="run the bot under cProfile, writing its profile to this file")
    args = parser.parse_args(argv)
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=2))
    return 0 if result["meets_targets"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
