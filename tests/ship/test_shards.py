"""Several sharded bot processes sharing one PostgreSQL database, against the fake Discord.

Each process is a real ``jobscout run`` with its own ``discord.shard_ids``; the fake gateway sends each
connection only the guilds and events of the shard it IDENTIFYed with, and records which process (by
address prefix) made every REST call. The schema is applied once, by ``jobscout db upgrade``.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.sharding import shard_of
from parsing.role import normalize_role
from store import PayConfig, Store
from tests.e2e.fakediscord import FakeDiscord, FakeGuild, FakeUser, RestCall, snowflake, sub
from tests.e2e.test_pastes import POSTING
from tests.ship.procs import BotProcess, bot_env
from tests.store_fixtures import pg_scratch_database

SHARDS = 2
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def guilds() -> list[FakeGuild]:
    """Four guilds, two on each shard ((id >> 22) % 2)."""
    made = []
    for n in range(5000, 5004):
        channels = {name: snowflake() for name in ("jobs", "general", "digest")}
        made.append(FakeGuild(id=(n << 22) | 7, name=f"Guild {n}", channels=channels))
    return made


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    async with pg_scratch_database(migrated=False) as url:
        yield url


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(guilds()) as discord:
        yield discord


async def schedule_digests_due_now(url: str, fake: FakeDiscord) -> str:
    """Every guild's digest scheduled a few minutes ago (so it is due, within grace); the ISO week."""
    due = (datetime.now(UTC) - timedelta(minutes=3)).replace(second=0, microsecond=0)
    store = await Store.open(url, pay=PayConfig(), auto_upgrade=False, normalize_role=normalize_role)
    try:
        for guild in fake.guilds:
            await store.update_guild_settings(
                guild.id,
                digest_channel_id=guild.channel("digest"),
                digest_day=WEEKDAYS[due.weekday()],
                digest_time=due.time(),
                digest_timezone="UTC",
                enabled=True,
            )
    finally:
        await store.close()
    year, week, _ = due.isocalendar()
    return f"{year}-W{week:02d}"


def owner(guild: FakeGuild, processes: dict[str, list[int]]) -> set[str]:
    return {name for name, shards in processes.items() if shard_of(guild.id, SHARDS) in shards}


def digests(fake: FakeDiscord, guild: FakeGuild) -> list[RestCall]:
    path = f"/channels/{guild.channel('digest')}/messages"
    return fake.find_calls(lambda c: c.method == "POST" and c.path == path)


async def test_two_sharded_processes_split_the_guilds_and_send_each_digest_once(
    fake: FakeDiscord, pg_url: str, tmp_path: Path
) -> None:
    def env(name: str, shard_ids: list[int]) -> dict[str, str]:
        return bot_env(fake, tmp_path / name, pg_url, client=name, shard_count=SHARDS, shard_ids=shard_ids)

    # A bot on PostgreSQL never migrates by itself: it asks for the migration step and stops.
    early = await BotProcess.start("early", env("early", [0]), tmp_path)
    assert await early.wait(timeout=60) == 1
    assert "run `jobscout db upgrade`" in early.text()
    # The one migration step (the compose file's `migrate` service).
    upgrade = await BotProcess.start("migrate", env("migrate", [0]), tmp_path, args=("db", "upgrade"))
    assert await upgrade.wait(timeout=60) == 0, upgrade.text()
    assert "database schema at revision" in upgrade.text()
    period = await schedule_digests_due_now(pg_url, fake)

    # a runs shard 0, b shard 1, and c both: c overlaps them, as a replacement does during a rolling
    # restart. All three start together and catch up the digest that is due.
    processes = {"a": [0], "b": [1], "c": [0, 1]}
    bots = {
        name: await BotProcess.start(name, env(name, shards), tmp_path) for name, shards in processes.items()
    }
    try:
        await fake.wait_shards(processes, timeout=90)
        for name, bot in bots.items():
            started = await bot.wait_log(r"Digest scheduler started: (\d+) guild", timeout=90)
            assert int(started.group(1)) == 2 * len(processes[name])  # only its own shards' guilds
        # Each guild's digest was posted once, by a process that serves the guild.
        for guild in fake.guilds:
            (posted,) = digests(fake, guild)
            assert posted.client in owner(guild, processes)
            assert f"Weekly digest · {period}" in posted.text
        store = await Store.open(pg_url, pay=PayConfig(), auto_upgrade=False, normalize_role=normalize_role)
        try:
            for guild in fake.guilds:
                run = await store.get_digest_run(guild.id, period)
                assert run is not None and run.status == "sent" and run.attempts == 1
        finally:
            await store.close()
        # Each process reports its own shards as healthy.
        code, out = await bots["b"].health()
        assert code == 0 and "shards [1] of 2" in out and "2 servers" in out
        # Only processes running shard 0 sync the (global) application commands.
        syncs = fake.find_calls(lambda c: c.method == "PUT" and c.path.endswith("/commands"))
        assert syncs and {c.client for c in syncs} <= {"a", "c"}

        assert await bots["c"].stop() == 0
        del processes["c"]

        # Events for each guild reach the process that runs its shard, and only that one.
        alice = FakeUser(snowflake(), "alice")
        for guild in fake.guilds:
            (expected,) = owner(guild, processes)
            pasted = await fake.post_message(guild, "jobs", alice, POSTING)
            card = await fake.channel_message(
                guild.channel("jobs"), lambda c, m=pasted: c.replying_to == int(m["id"]), timeout=30
            )
            assert card.client == expected and card.custom_ids
            ix = await fake.slash(guild, "general", alice, "posting", [sub("list")])
            answer = await fake.answer(ix, timeout=30)
            assert answer.client == expected and "#" in answer.text
            assert all(c.client == expected for c in fake.for_interaction(ix))
        # One posting in each guild, in the shared database, each visible only in its own guild.
        store = await Store.open(pg_url, pay=PayConfig(), auto_upgrade=False, normalize_role=normalize_role)
        try:
            for guild in fake.guilds:
                assert len((await store.list_postings(guild.id, page_size=10)).items) == 1
        finally:
            await store.close()

        await asyncio.sleep(0.5)  # nothing more arrives later: still one digest per guild
        assert all(len(digests(fake, g)) == 1 for g in fake.guilds)
    finally:
        codes = {name: await bot.stop() for name, bot in bots.items()}
    assert codes == {"a": 0, "b": 0, "c": 0}
    for name, bot in bots.items():
        log = bot.text()
        assert "Traceback" not in log, f"{name}:\n{log}"
        assert re.search(rf"shards \[{', '.join(map(str, sorted(processes.get(name, [0, 1]))))}\] of 2", log)
