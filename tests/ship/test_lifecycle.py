"""A real ``jobscout run`` process: its health check, and how it stops on SIGTERM (``docker stop``).

The process talks to the loopback fake Discord and keeps its data in a temporary SQLite file. The fake
answers REST calls slowly here, so the bot is in the middle of answering when the signal arrives.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from bot.app import RESTARTING
from parsing.role import normalize_role
from store import PayConfig, Store
from tests.e2e.fakediscord import FakeDiscord, FakeUser, snowflake
from tests.e2e.test_pastes import POSTING
from tests.ship.procs import BotProcess, bot_env


@pytest.fixture
def database(tmp_path: Path, sqlite_template: Path) -> str:
    target = tmp_path / "jobscout.db"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite+aiosqlite:///{target}"


async def saved(url: str, guild_id: int) -> int:
    store = await Store.open(url, pay=PayConfig(), auto_upgrade=False, normalize_role=normalize_role)
    try:
        return len((await store.list_postings(guild_id, page_size=100)).items)
    finally:
        await store.close()


async def test_health_answers_while_connected_and_sigterm_finishes_open_work(
    fake: FakeDiscord, database: str, tmp_path: Path
) -> None:
    guild = fake.guilds[0]
    alice = FakeUser(snowflake(), "alice")
    env = bot_env(fake, tmp_path / "data", database, extra={"JOBSCOUT_SHUTDOWN__DRAIN_SECONDS": "20"})
    bot = await BotProcess.start("bot", env, tmp_path)
    try:
        await fake.wait_connected(timeout=60)
        healthy = await bot.wait_healthy()
        assert "healthy: connected" in healthy and "1 servers" in healthy
        assert (tmp_path / "data" / "heartbeat.json").exists()

        # The bot is answering a paste (saved, reply on its way) when the stop signal arrives.
        fake.rest_delay = 1.5
        pasted = await fake.post_message(guild, "job-postings", alice, POSTING)
        await fake.wait_arrival(lambda c: c.replying_to == int(pasted["id"]), timeout=30)
        bot.signal(signal.SIGTERM)
        await bot.wait_log("SIGTERM received: stopping")

        # While it drains, new work is turned away: a paste is left alone, a command is told why.
        late = await fake.post_message(guild, "job-postings", alice, POSTING.replace("Acme", "Zenith"))
        ix = await fake.slash(guild, "general", alice, "skills")
        refused = await fake.answer(ix, timeout=30)
        assert refused.ephemeral and RESTARTING in refused.text

        assert await bot.wait(timeout=60) == 0
    finally:
        await bot.stop()
    log = bot.text()
    assert "JobScout stopped cleanly" in log and "Traceback" not in log
    # The open work finished: the first paste was saved and its card delivered; the late one was not read.
    (card,) = fake.find_calls(lambda c: c.replying_to == int(pasted["id"]))
    assert card.message_id is not None and card.custom_ids
    assert not fake.find_calls(lambda c: c.replying_to == int(late["id"]))
    assert await saved(database, guild.id) == 1
    # A stopped bot is not healthy: its heartbeat is gone.
    assert not (tmp_path / "data" / "heartbeat.json").exists()
    code, out = await bot.health()
    assert code == 1 and "unhealthy: no heartbeat" in out


async def test_work_slower_than_the_drain_is_cut_off_safely(
    fake: FakeDiscord, database: str, tmp_path: Path
) -> None:
    guild = fake.guilds[0]
    env = bot_env(fake, tmp_path / "data", database, extra={"JOBSCOUT_SHUTDOWN__DRAIN_SECONDS": "0.5"})
    bot = await BotProcess.start("bot", env, tmp_path)
    try:
        await fake.wait_connected(timeout=60)
        fake.rest_delay = 5  # Discord is slow: the card cannot be delivered within the drain
        pasted = await fake.post_message(guild, "job-postings", FakeUser(snowflake(), "bob"), POSTING)
        await fake.wait_arrival(lambda c: c.replying_to == int(pasted["id"]), timeout=30)
        bot.signal(signal.SIGTERM)
        assert await bot.wait(timeout=4) == 0  # bounded: it does not wait for Discord
    finally:
        await bot.stop()
    log = bot.text()
    assert "Shutting down with 1 task(s) unfinished" in log and "some work was cut off" in log
    # The posting was committed before the reply was attempted, so nothing is half-saved.
    assert await saved(database, guild.id) == 1


async def test_health_fails_when_the_heartbeat_goes_stale(
    fake: FakeDiscord, database: str, tmp_path: Path
) -> None:
    env = bot_env(fake, tmp_path / "data", database)
    bot = await BotProcess.start("bot", env, tmp_path)
    try:
        await fake.wait_connected(timeout=60)
        await bot.wait_healthy()
        bot.signal(signal.SIGSTOP)  # frozen: the gateway may look open, but nothing is beating
        try:
            code, out = await bot.health("--max-age", "0.5")
            # the file is at most one interval (0.2 s) old when frozen; wait past max-age
            while code == 0:
                code, out = await bot.health("--max-age", "0.5")
            assert code == 1 and "s old, more than 0.5 s" in out
        finally:
            bot.signal(signal.SIGCONT)
        assert (await bot.health())[0] == 0
    finally:
        assert await bot.stop() == 0
