"""One "bot process" for the multi-process test: opens the store, waits for the others, runs the digests.

Usage: process_worker.py DB_URL NOW_ISO WORKDIR PROCESSES GUILD...
Appends one JSON line per digest it sent to WORKDIR/sent.jsonl and prints the statuses as JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from commands.core.reply import Reply
from commands.core.services import Services
from commands.digest.runs import run_due_digest
from commands.digest.schedule import DigestPolicy
from parsing.role import normalize_role
from store import PayConfig, Store


class FileSender:
    def __init__(self, path: Path) -> None:
        self.path = path

    async def send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
        with self.path.open("a") as f:  # O_APPEND: whole lines from concurrent writers
            f.write(json.dumps({"guild": guild_id, "pid": os.getpid(), "title": reply.title}) + "\n")

    async def already_posted(self, guild_id: int, channel_id: int, period: str) -> bool:
        return False


async def main(url: str, now_iso: str, workdir: Path, processes: int, guilds: list[int]) -> list[str]:
    now = datetime.fromisoformat(now_iso)
    store = await Store.open(
        url, pay=PayConfig(), auto_upgrade=False, clock=lambda: now, normalize_role=normalize_role
    )
    try:
        svc = Services(store=store, pay=store.pay, clock=lambda: now)
        await store.get_guild_settings(guilds[0])  # connect before the race
        (workdir / f"ready-{os.getpid()}").touch()
        deadline = time.monotonic() + 60
        while len(list(workdir.glob("ready-*"))) < processes and time.monotonic() < deadline:
            await asyncio.sleep(0.005)  # a start barrier between processes, not the digest's clock
        results = await asyncio.gather(
            *(run_due_digest(svc, DigestPolicy(), FileSender(workdir / "sent.jsonl"), g, now) for g in guilds)
        )
        return [r.status for r in results]
    finally:
        await store.close()


if __name__ == "__main__":
    url, now_iso, workdir, processes, *guilds = sys.argv[1:]
    statuses = asyncio.run(main(url, now_iso, Path(workdir), int(processes), [int(g) for g in guilds]))
    print(json.dumps(statuses))
