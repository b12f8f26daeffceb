"""Sharding rules, the heartbeat check, and the digest timer's shard filter and drain, in one process."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import timedelta
from pathlib import Path

from bot.config import DiscordSettings
from bot.digest_scheduler import DigestScheduler
from bot.health import Beat, Heartbeat, check, read_beat, write_beat
from bot.sharding import describe, guild_filter, own_shards, shard_of, syncs_commands
from commands.core.reply import Reply
from commands.core.services import Services
from commands.digest.runs import catch_up
from commands.digest.schedule import DigestPolicy
from store import Store
from tests.store_fixtures import FakeClock


def guild_on(shard: int, count: int, n: int = 0) -> int:
    return (((1000 + n) * count + shard) << 22) | 5


def test_shard_of_is_discords_rule() -> None:
    assert [shard_of(guild_on(s, 3), 3) for s in range(3)] == [0, 1, 2]
    assert shard_of(0, 4) == 0


def test_which_guilds_a_process_serves() -> None:
    assert guild_filter(DiscordSettings()) is None and own_shards(DiscordSettings()) is None
    every = DiscordSettings(shard_count=2)  # all shards in this process
    assert guild_filter(every) is None and own_shards(every) == {0, 1}
    odd = DiscordSettings(shard_count=4, shard_ids=[1, 3])
    owns = guild_filter(odd)
    assert owns is not None
    assert [owns(guild_on(s, 4)) for s in range(4)] == [False, True, False, True]
    assert describe(odd) == "shards [1, 3] of 4" and describe(DiscordSettings()) == "unsharded"


def test_only_the_shard_zero_process_syncs_commands() -> None:
    assert syncs_commands(DiscordSettings())
    assert syncs_commands(DiscordSettings(shard_count=3, shard_ids=[0, 2]))
    assert not syncs_commands(DiscordSettings(shard_count=3, shard_ids=[1, 2]))


def test_health_check_reads_the_heartbeat(tmp_path: Path) -> None:
    path = tmp_path / "hb.json"
    assert not check(path, 60).ok and "no heartbeat" in check(path, 60).message
    write_beat(path, Beat(pid=42, at=1000.0, shards=[1], shard_count=2, guilds=7, latency_ms=41.4))
    assert read_beat(path) == Beat(42, 1000.0, [1], 2, 7, 41.4)
    fresh = check(path, 60, now=1030.0)
    assert fresh.ok and "7 servers, shards [1] of 2" in fresh.message and "41 ms" in fresh.message
    stale = check(path, 60, now=1100.0)
    assert not stale.ok and "100 s old" in stale.message
    path.write_text("{not json")
    assert not check(path, 60).ok and "unreadable" in check(path, 60).message


async def test_heartbeat_beats_only_while_connected_and_removes_its_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "heartbeat.json"
    connected = False

    def beat() -> Beat | None:
        return Beat(pid=os.getpid(), at=time.time()) if connected else None

    heartbeat = Heartbeat(path, 0.01, beat)
    heartbeat.start()
    await asyncio.sleep(0.05)
    assert not path.exists()
    connected = True
    while not path.exists():
        await asyncio.sleep(0.01)
    assert check(path, 1).ok
    await heartbeat.stop()
    assert not path.exists()


class SlowSender:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.sent: list[int] = []
        self.sending = asyncio.Event()

    async def send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
        self.sending.set()
        await asyncio.sleep(self.delay)
        self.sent.append(guild_id)

    async def already_posted(self, guild_id: int, channel_id: int, period: str) -> bool:
        return False


async def _due_guilds(store: Store, clock: FakeClock, guilds: list[int]) -> None:
    due = clock.now - timedelta(minutes=5)
    day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[due.weekday()]
    for guild in guilds:
        await store.update_guild_settings(
            guild, digest_channel_id=77, digest_day=day, digest_time=due.time().replace(second=0),
            digest_timezone="UTC", enabled=True,
        )  # fmt: skip


async def test_a_sharded_scheduler_schedules_and_catches_up_only_its_guilds(
    store: Store, services: Services, clock: FakeClock
) -> None:
    mine, theirs = guild_on(0, 2), guild_on(1, 2)
    await _due_guilds(store, clock, [mine, theirs])
    owns = guild_filter(DiscordSettings(shard_count=2, shard_ids=[0]))
    sender = SlowSender(0)
    scheduler = DigestScheduler(services, DigestPolicy(), sender, refresh_every=None, owns=owns)
    results = await scheduler.start(paused=True)
    try:
        assert [r.guild_id for r in results] == [mine] and sender.sent == [mine]
        assert scheduler.job(mine) is not None and scheduler.job(theirs) is None
        await scheduler.reschedule(theirs)
        assert scheduler.job(theirs) is None
        # The other process's catch-up sends the rest; nothing twice.
        others = await catch_up(services, DigestPolicy(), sender, owns=lambda g: g != mine)
        assert [r.status for r in others] == ["sent"] and sender.sent == [mine, theirs]
    finally:
        scheduler.shutdown()


async def test_drain_waits_for_a_digest_being_sent(
    store: Store, services: Services, clock: FakeClock
) -> None:
    guild = guild_on(0, 1)
    await _due_guilds(store, clock, [guild])
    sender = SlowSender(0.3)
    scheduler = DigestScheduler(services, DigestPolicy(), sender, refresh_every=None)
    scheduler.scheduler.start(paused=True)
    try:
        firing = asyncio.create_task(scheduler.fire(guild))
        await sender.sending.wait()
        assert await scheduler.drain(5.0) is True
        assert firing.done() and firing.result().sent and sender.sent == [guild]
        # A drain shorter than the send reports that work is left.
        slow = SlowSender(5.0)
        scheduler.sender = slow
        await store.update_guild_settings(guild, digest_time=(clock.now - timedelta(minutes=1)).time())
        clock.advance(days=7)
        firing = asyncio.create_task(scheduler.fire(guild))
        await slow.sending.wait()
        assert await scheduler.drain(0.05) is False
        firing.cancel()
    finally:
        scheduler.shutdown()
