"""Reliability probes: crafted pastes, the parse budget, a frozen and a stopped database, kill -9 during
an import, a restart after missed pastes, and a flood of messages through the fake Discord.

    python -m bench.reliability                 # every probe (about two minutes on 2 cores)
    python -m bench.reliability --only crafted  # one of: crafted budget database kill flood
    python -m bench.reliability --pg postgresql://postgres@127.0.0.1:5432/test   # the PostgreSQL probes

Targets (issue 16): every input up to 1 MB parsed within 1 s or stopped by the budget with an answer; a
normal card within 2 s while crafted pastes are parsed; a frozen database answered within 5 s and
working again after; nothing committed lost to kill -9; missed pastes answered after a restart.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.config import ParseSettings
from bot.runtime import open_services
from commands.core.parse_runner import ParseOverBudget, ParseRunner
from parsing import parse_posting
from parsing.role import normalize_role
from store import Store, StoreUnavailable
from store.db.engine import normalize_url
from tests.e2e.fakediscord import FakeDiscord, FakeGuild, FakeUser, snowflake
from tests.e2e.harness import bot_settings, running_bot
from tests.freezable_proxy import FreezableProxy
from tests.store_fixtures import TEST_PAY

SIZES = (10_000, 50_000, 200_000, 1_000_000)
NORMAL = (
    "Senior Data Engineer - Example GmbH (Berlin, Germany)\n\nWe are hiring a data engineer.\n"
    "Requirements: 5+ years of Python, SQL and Airflow.\nSalary: €80,000 - €95,000 per year, full-time.\n"
)


def _repeat(unit: str, size: int, head: str = "Engineer\n") -> str:
    return head + (unit * (size // len(unit) + 1))[: size - len(head)]


# The shapes that were quadratic, and their neighbours: each a function of the size.
CRAFTED: dict[str, Callable[[int], str]] = {
    "html <a ": lambda n: _repeat("<a ", n, "<html><body><div>Engineer</div>"),
    "html <div><a ": lambda n: _repeat("<div><a ", n, "<html><body>"),
    "html nested <ul><li>": lambda n: _repeat("<ul><li>", n, "<html><body>"),
    "1kr ": lambda n: _repeat("1kr ", n),
    "1kr + Oslo": lambda n: _repeat("1kr Oslo ", n),
    "$1,": lambda n: _repeat("$1,", n),
    "1 1 1 (digits)": lambda n: _repeat("1 ", n),
    "pay words": lambda n: _repeat("Salary $100k - $120k per year ", n),
    "one long line": lambda n: _repeat("Backend Developer | Leeds | £45K - £60K | Remote ", n),
}


def _machine() -> str:
    load = os.getloadavg()
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, load {load[0]:.1f}"


def probe_crafted() -> dict[str, Any]:
    """Each crafted input parsed in this process (no budget): seconds per size."""
    rows: dict[str, dict[str, float]] = {}
    for name, make in CRAFTED.items():
        rows[name] = {}
        for size in SIZES:
            text = make(size)
            started = time.perf_counter()
            parse_posting(text)
            rows[name][f"{size // 1000} KB"] = round(time.perf_counter() - started, 3)
    worst = max(v for row in rows.values() for v in row.values())
    return {"seconds": rows, "worst": worst}


async def probe_budget() -> dict[str, Any]:
    """Seven 1 MB crafted pastes at once, then a normal one: how long the normal one waits, and how
    the crafted ones end (parsed, or stopped by the budget)."""
    runner = ParseRunner(workers=2, large_workers=1, budget_seconds=3.0)
    runner.start()
    try:
        await runner.parse(NORMAL)
        await runner.parse(_repeat("$1,", 1_000_000))  # both lanes' workers are up
        crafted = [make(1_000_000) for make in list(CRAFTED.values())[:7]]
        started = time.perf_counter()
        jobs = [asyncio.ensure_future(runner.parse(text)) for text in crafted]
        await asyncio.sleep(0.05)
        normal_started = time.perf_counter()
        await runner.parse(NORMAL)
        normal = time.perf_counter() - normal_started
        outcomes = await asyncio.gather(*jobs, return_exceptions=True)
        total = time.perf_counter() - started
        # A paste that never ends: the large lane's worker frozen mid-parse; the budget must stop it.
        frozen = next(iter(runner._large.idle._queue))  # type: ignore[attr-defined]
        assert frozen.process.pid is not None
        os.kill(frozen.process.pid, signal.SIGSTOP)
        stop_started = time.perf_counter()
        try:
            await runner.parse(crafted[0])
            stopped = "parsed (not expected)"
        except ParseOverBudget:
            stopped = f"refused after {time.perf_counter() - stop_started:.2f} s"
    finally:
        await runner.close()
    return {
        "normal_card_parse_s": round(normal, 3),
        "crafted_parsed": sum(1 for o in outcomes if not isinstance(o, BaseException)),
        "crafted_over_budget": sum(1 for o in outcomes if isinstance(o, ParseOverBudget)),
        "crafted_all_done_s": round(total, 2),
        "never_ending_paste": stopped,
    }


async def _new_pg_database(admin_url: str) -> str:
    import asyncpg

    admin = normalize_url(admin_url)
    name = f"jobscout_reliability_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return admin.set(database=name).render_as_string(hide_password=False)


async def _drop_pg_database(admin_url: str, url: str) -> None:
    import asyncpg

    admin = normalize_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{normalize_url(url).database}" WITH (FORCE)')
    finally:
        await conn.close()


async def probe_database(pg_admin: str | None) -> dict[str, Any]:
    """A database that stops answering (PostgreSQL behind a frozen proxy), and one that is not there."""
    result: dict[str, Any] = {}
    started = time.perf_counter()
    try:
        await Store.open(
            "postgresql+asyncpg://postgres@127.0.0.1:1/none", pay=TEST_PAY, normalize_role=normalize_role
        )
    except StoreUnavailable as exc:
        result["stopped_db_open"] = f"{time.perf_counter() - started:.2f} s: {exc.message}"
    if pg_admin is None:
        return result
    url = await _new_pg_database(pg_admin)
    try:
        store = await Store.open(url, pay=TEST_PAY, normalize_role=normalize_role, auto_upgrade=True)
        await store.close()
        target = normalize_url(url)
        async with FreezableProxy(target.host or "127.0.0.1", target.port or 5432) as proxy:
            via = target.set(host="127.0.0.1", port=proxy.listen_port).render_as_string(hide_password=False)
            store = await Store.open(via, pay=TEST_PAY, normalize_role=normalize_role)
            try:
                added = await store.add_posting(1, NORMAL, parse_posting(NORMAL), source="message")
                proxy.freeze()
                timings = []
                for _ in range(3):
                    started = time.perf_counter()
                    with contextlib.suppress(StoreUnavailable):
                        await store.get_posting(1, added.posting_id)
                    timings.append(time.perf_counter() - started)
                result["frozen_db_answer_s"] = [round(t, 2) for t in timings]
                proxy.thaw()
                started = time.perf_counter()
                again = await store.get_posting(1, added.posting_id)
                result["after_thaw"] = (
                    f"{'works' if again else 'FAILED'} ({time.perf_counter() - started:.2f} s)"
                )
            finally:
                await store.close()
    finally:
        await _drop_pg_database(pg_admin, url)
    return result


def _records(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = NORMAL.replace("Example GmbH", f"Company {n}").replace("€80,000", f"€{50 + n % 50},000")
            out.write(json.dumps({"text": text + f"\nReference {n}\n"}) + "\n")
    return path


def _count(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM postings").fetchone()[0])


def probe_kill(records: int = 3000) -> dict[str, Any]:
    """kill -9 of ``jobscout import`` part-way, then the same import again."""
    with tempfile.TemporaryDirectory(prefix="jobscout-kill-") as folder:
        path = _records(Path(folder) / "p.jsonl", records)
        db = Path(folder) / "kill.db"
        command = [sys.executable, "-m", "bot", "import", str(path), "--database", f"sqlite:///{db}",
                   "--batch-size", "200", "--workers", "0"]  # fmt: skip
        victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and victim.poll() is None:
            time.sleep(0.2)
            if db.exists():
                try:
                    if _count(db) >= records // 4:
                        break
                except Exception:  # the schema is still being made
                    continue
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        after_kill = _count(db)
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
        return {
            "records": records,
            "saved_when_killed": after_kill,
            "after_rerun": _count(db),
            "rerun_exit": rerun.returncode,
            "rerun_summary": rerun.stderr.strip().splitlines()[-1] if rerun.stderr.strip() else "",
        }


async def probe_flood(messages: int = 500) -> dict[str, Any]:
    """500 postings pasted at once through the fake Discord; then a restart after pastes made while
    the bot was down."""
    guild = FakeGuild.make("Flood", "job-postings")
    alice = FakeUser(snowflake(), "alice")
    channel = guild.channel("job-postings")
    with tempfile.TemporaryDirectory(prefix="jobscout-flood-") as folder:
        async with FakeDiscord([guild]) as fake:
            settings = bot_settings(fake, Path(folder), f"sqlite+aiosqlite:///{folder}/flood.db")
            settings.parse = ParseSettings(workers=2)
            async with open_services(settings) as services:
                async with running_bot(fake, settings, services):
                    posted: dict[int, float] = {}
                    started = time.perf_counter()
                    for n in range(messages):
                        text = NORMAL.replace("Example GmbH", f"Company {n}") + f"\nReference {n}\n"
                        message = await fake.post_message(guild, "job-postings", alice, text)
                        posted[int(message["id"])] = time.monotonic()

                    def answered() -> int:
                        return len({c.replying_to for c in fake.calls if c.replying_to in posted})

                    await fake._wait(lambda: answered() >= messages or None, 600)
                    total = time.perf_counter() - started
                    latencies = sorted(
                        c.at - posted[c.replying_to]
                        for c in fake.calls
                        if c.method == "POST"
                        and c.path == f"/channels/{channel}/messages"
                        and c.replying_to in posted
                    )
                missed = [
                    await fake.post_message(
                        guild, "job-postings", alice, NORMAL + f"\nMissed {n}\n", deliver=False
                    )
                    for n in range(5)
                ]
                restart = time.perf_counter()
                async with running_bot(fake, settings, services) as running:
                    assert running.bot.catching_up is not None
                    await running.bot.catching_up
                    ids = {int(m["id"]) for m in missed}
                    await fake._wait(
                        lambda: len({c.replying_to for c in fake.calls if c.replying_to in ids}) >= 5 or None,
                        60,
                    )
                caught_up = time.perf_counter() - restart
    return {
        "messages": messages,
        "all_answered_s": round(total, 1),
        "reply_p50_s": round(statistics.median(latencies), 2),
        "reply_p95_s": round(latencies[int(len(latencies) * 0.95) - 1], 2),
        "missed_while_down_answered": f"5 of 5, {caught_up:.1f} s after the restart began",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=("crafted", "budget", "database", "kill", "flood"))
    parser.add_argument("--pg", metavar="URL", help="PostgreSQL admin URL for the frozen-database probe")
    args = parser.parse_args()
    print(f"machine: {_machine()}")
    wanted = [args.only] if args.only else ["crafted", "budget", "database", "kill", "flood"]
    results: dict[str, Any] = {}
    for name in wanted:
        started = time.perf_counter()
        if name == "crafted":
            results[name] = probe_crafted()
        elif name == "budget":
            results[name] = asyncio.run(probe_budget())
        elif name == "database":
            results[name] = asyncio.run(probe_database(args.pg))
        elif name == "kill":
            results[name] = probe_kill()
        else:
            results[name] = asyncio.run(probe_flood())
        print(f"## {name} ({time.perf_counter() - started:.0f} s, load {os.getloadavg()[0]:.1f})")
        print(json.dumps(results[name], indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
