"""Start-up cost of the command line and the bot: each measured as a whole new process, several times.

    python -m bench.startup                     # this checkout
    python -m bench.startup --root /tmp/before  # another checkout (e.g. a commit unpacked with git archive)
    python -m bench.startup --runs 9 --bot-runs 5

Timed (wall clock, from spawning the process):

- ``jobscout --help``, ``jobscout health`` (the container's health check, run every 30 s);
- ``jobscout parse FILE`` on one short posting (the parser's tables are built on first use);
- ``jobscout salary ROLE`` on an empty SQLite database (the store, the query, the text reply);
- the bot, ``jobscout run`` against the loopback fake Discord of the e2e tests, from spawn to ready:
  the moment its heartbeat file first appears, which it writes once the gateway is connected and the
  servers are in (``health.interval_seconds`` is set to 20 ms, so that moment is seen within 20 ms).

Each is reported as min and median of ``--runs``; the machine's cores and load average go with them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.e2e.fakediscord import FakeDiscord, FakeGuild, snowflake

ROOT = Path(__file__).resolve().parent.parent
POSTING = """Backend Engineer
Northwind Labs
Lisbon, Portugal (hybrid)

We are looking for a backend engineer to build our payment services in Python and PostgreSQL.
Salary: EUR 55,000 - 70,000 per year.
Requirements: 3+ years with Python, SQL, Docker and AWS.
"""
READY_TIMEOUT = 60.0


def timed(command: list[str], root: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, cwd=root, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started


async def bot_ready(root: Path, env: dict[str, str], workdir: Path) -> float:
    """Seconds from spawning ``jobscout run`` to its first heartbeat (connected and ready)."""
    fake = FakeDiscord([FakeGuild(id=4242, name="Bench", channels={"jobs": snowflake()})])
    await fake.start()
    heartbeat = workdir / "heartbeat.json"
    heartbeat.unlink(missing_ok=True)
    bot_env = {
        **env,
        "DISCORD_TOKEN": fake.token,
        "JOBSCOUT_DISCORD__API_BASE": fake.api_base,
        "JOBSCOUT_DISCORD__GATEWAY_URL": fake.gateway_url,
        "JOBSCOUT_DISCORD__GUILD_READY_TIMEOUT": "0.1",
        "JOBSCOUT_DATABASE__URL": f"sqlite+aiosqlite:///{workdir / 'bot.db'}",
        "JOBSCOUT_DATA_DIR": str(workdir),
        "JOBSCOUT_HEALTH__HEARTBEAT_FILE": str(heartbeat),
        "JOBSCOUT_HEALTH__INTERVAL_SECONDS": "0.02",
        "JOBSCOUT_LOG_LEVEL": "WARNING",
    }
    started = time.perf_counter()
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=root, env=bot_env, stderr=asyncio.subprocess.DEVNULL
    )
    try:
        while not heartbeat.exists():
            if time.perf_counter() - started > READY_TIMEOUT or bot.returncode is not None:
                raise RuntimeError("the bot did not become ready")
            await asyncio.sleep(0.005)
        return time.perf_counter() - started
    finally:
        bot.terminate()
        await bot.wait()
        await fake.close()


def summary(name: str, seconds: list[float]) -> str:
    middle = statistics.median(seconds)
    return f"{name:<28} min {min(seconds):6.3f} s   median {middle:6.3f} s   ({len(seconds)} runs)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bot-runs", type=int, default=5)
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    env = {**os.environ, "PYTHONPATH": str(root)}
    print(
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {root}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        posting = work / "posting.txt"
        posting.write_text(POSTING, encoding="utf-8")
        database = f"sqlite+aiosqlite:///{work / 'cli.db'}"
        env["JOBSCOUT_DATA_DIR"] = str(work)
        jobscout = [sys.executable, "-m", "bot"]
        subprocess.run([*jobscout, "db", "upgrade", "--database", database], cwd=root, env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        commands = {
            "jobscout --help": [*jobscout, "--help"],
            "jobscout health": [*jobscout, "health"],
            "jobscout parse FILE": [*jobscout, "parse", str(posting)],
            "jobscout salary ROLE": [*jobscout, "salary", "backend engineer", "--database", database],
        }
        for name, command in commands.items():
            if name == "jobscout health":
                # unhealthy (no bot running) is its answer here: only its cost is measured
                command = ["sh", "-c", " ".join(f"'{c}'" for c in command) + " || true"]
            timed(command, root, env)  # warm the file cache
            print(summary(name, [timed(command, root, env) for _ in range(args.runs)]), flush=True)
        ready = [asyncio.run(bot_ready(root, env, work)) for _ in range(args.bot_runs)]
        print(summary("bot start to ready", ready))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
