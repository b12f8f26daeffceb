"""Slow use cases, failing databases, bugs, restarts, sharding and /add-only mode."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from bot.runtime import open_services
from commands.core.reply import Reply
from tests.e2e.conftest import Env, live
from tests.e2e.fakediscord import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    FakeDiscord,
    FakeGuild,
    FakeUser,
    opt,
    snowflake,
    sub,
)
from tests.e2e.harness import bot_settings, running_bot
from tests.e2e.test_pastes import POSTING

MESSAGE_CONTENT_INTENT = 1 << 15


async def test_a_slow_command_is_deferred_within_three_seconds(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = live("commands.salary.usecase").salary

    async def slow(*args: Any, **kwargs: Any) -> Reply:
        await asyncio.sleep(3.5)
        return await real(*args, **kwargs)

    monkeypatch.setattr(live("commands.salary.usecase"), "salary", slow)
    ix = await env.slash("salary", opt("role", "data engineer"))
    ack = await env.fake.ack(ix)
    assert ack.json["type"] == DEFERRED_CHANNEL_MESSAGE
    assert ack.at - ix.sent_at < 1.0  # Discord allows 3 s
    final = await env.fake.answer(ix, timeout=10)
    assert final.path.startswith("/webhooks/") and "No saved postings with pay" in final.text
    assert final.at - ix.sent_at >= 3.5


async def test_a_fast_command_is_answered_in_one_step(env: Env) -> None:
    ix = await env.slash("posting", sub("list"))
    ack = await env.fake.ack(ix)
    assert ack.json["type"] == CHANNEL_MESSAGE  # no deferral needed
    assert list(env.fake.for_interaction(ix)) == [ack]


async def test_a_slow_private_error_does_not_land_in_the_channel(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def slow_refusal(*args: Any, **kwargs: Any) -> Reply:
        await asyncio.sleep(0.5)
        return Reply.error("Nope.")

    monkeypatch.setattr(live("commands.compare.usecase"), "answer_compare", slow_refusal)
    ix = await env.slash("compare", opt("a", 1, kind=4), opt("b", 2, kind=4))
    final = await env.fake.answer(ix)
    calls = list(env.fake.for_interaction(ix))
    assert calls[0].json["type"] == DEFERRED_CHANNEL_MESSAGE
    # the public "thinking" placeholder is deleted and the error sent privately
    assert any(c.method == "DELETE" and c.path.endswith("/messages/@original") for c in calls)
    assert final.ephemeral and "Nope." in final.text


@asynccontextmanager
async def broken_database(env: Env, *, reads: bool = True) -> AsyncIterator[None]:
    """Every session the store opens (or every write session), and every transaction of SQLite's
    own write connection, fails as a dead database would."""
    sessions = env.services.store.sessions
    original_read, original_write = sessions.read, sessions.write
    connections = live("store.db.write_connection").WriteConnection
    original_transaction = connections.transaction
    dead = OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    @asynccontextmanager
    async def fail(*_: Any) -> AsyncIterator[Any]:
        raise dead
        yield  # pragma: no cover

    async def fail_transaction(*_: Any) -> Any:
        raise dead

    if reads:
        sessions.read = fail  # type: ignore[method-assign]
    sessions.write = fail  # type: ignore[method-assign]
    connections.transaction = fail_transaction
    try:
        yield
    finally:
        sessions.read, sessions.write = original_read, original_write  # type: ignore[method-assign]
        connections.transaction = original_transaction


async def test_database_errors_are_reported_and_the_bot_keeps_serving(
    env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    async with broken_database(env):
        _, reply = await env.paste(POSTING)
        assert "database is not available" in reply.text
        assert not reply.custom_ids and reply.json["allowed_mentions"]["parse"] == []
        answer = await env.run("posting", sub("list"))
        assert answer.ephemeral and "database is not available" in answer.text
    async with broken_database(env, reads=False):
        _, reply = await env.paste(POSTING)
        assert "nothing was stored" in reply.text and not reply.custom_ids
    assert any(r.levelno >= logging.ERROR for r in caplog.records)
    # the next events are served normally
    _, reply = await env.paste(POSTING)
    assert reply.custom_ids
    assert len(await env.saved()) == 1
    answer = await env.run("posting", sub("list"))
    assert not answer.ephemeral and "#" in answer.text


async def test_a_bug_is_logged_with_context_and_answered_briefly(
    env: Env, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def buggy(*args: Any, **kwargs: Any) -> Reply:
        raise KeyError("oops")

    monkeypatch.setattr(live("commands.skills.usecase"), "answer_skills", buggy)
    answer = await env.run("skills", opt("role", "nurse"))
    assert answer.ephemeral and "Something went wrong on our side" in answer.text
    assert "oops" not in answer.text
    logged = [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    assert logged and "skills" in logged[-1].getMessage() and str(env.alice.id) in logged[-1].getMessage()
    # other commands still work
    assert "No postings saved yet" in (await env.run("posting", sub("list"))).text


async def start_stop(fake: FakeDiscord, settings: Any, services: Any, **kwargs: Any) -> None:
    async with running_bot(fake, settings, services, **kwargs):
        pass


def _puts(fake: FakeDiscord) -> int:
    return len(fake.find_calls(lambda c: c.method == "PUT" and c.path.endswith("/commands")))


async def test_commands_sync_only_when_their_schema_changes(
    fake: FakeDiscord, db_url: str, tmp_path: Path
) -> None:
    settings = bot_settings(fake, tmp_path, db_url)
    async with open_services(settings) as services:
        await start_stop(fake, settings, services)
        assert _puts(fake) == 1
        names = {c["name"] for c in fake.commands}
        assert names == {
            "add", "posting", "salary", "compare", "skills", "export", "setup", "digest", "help",
            "Save to JobScout",
        }  # fmt: skip
        await start_stop(fake, settings, services)
        assert _puts(fake) == 1  # unchanged: not synced again

        # A fresh data folder beside the same Discord application: Discord's commands are current.
        (hash_file,) = tmp_path.glob("command-tree-*.sha256")
        hash_file.unlink()
        await start_stop(fake, settings, services)
        assert _puts(fake) == 1
        # Another deployment synced an older tree; the hash on disk still says "current".
        fake.commands[0] = {**fake.commands[0], "description": "an older description"}
        await start_stop(fake, settings, services)
        assert _puts(fake) == 2
        assert all(c["description"] != "an older description" for c in fake.commands)
        # In step again: not synced.
        await start_stop(fake, settings, services)
        assert _puts(fake) == 2


async def test_owner_can_force_a_sync_by_mention(env: Env) -> None:
    before = _puts(env.fake)
    mention = f"<@{env.fake.me.id}> sync"
    refused = await env.fake.post_message(env.alpha, "general", env.bob, mention)
    reply = await env.fake.channel_message(
        env.alpha.channel("general"),
        lambda c: c.replying_to == int(refused["id"]),
    )
    assert "Only the bot's owners" in reply.json["content"] and _puts(env.fake) == before
    await env.fake.post_message(env.alpha, "general", env.fake.owner, mention)
    done = await env.fake.channel_message(
        env.alpha.channel("general"), lambda c: "Synced" in (c.json.get("content") or "")
    )
    assert done.json["allowed_mentions"]["parse"] == []
    assert _puts(env.fake) == before + 1


async def test_add_only_mode_without_the_message_content_intent(
    fake: FakeDiscord, db_url: str, tmp_path: Path
) -> None:
    settings = bot_settings(fake, tmp_path, db_url, message_content=False)
    guild = fake.guilds[0]
    alice = FakeUser(snowflake(), "alice")
    async with (
        open_services(settings) as services,
        running_bot(fake, settings, services),
    ):
        assert not fake.identifies[-1]["intents"] & MESSAGE_CONTENT_INTENT
        pasted = await fake.post_message(guild, "job-postings", alice, POSTING)
        answer = await fake.answer(await fake.slash(guild, "general", alice, "add", [opt("text", POSTING)]))
        assert answer.custom_ids
        await asyncio.sleep(0.2)
        assert not fake.find_calls(lambda c: c.replying_to == int(pasted["id"]))


async def test_sharded_bot_serves_every_guild(tmp_path: Path, db_url: str) -> None:
    # Guild ids chosen so that each of the two shards owns one: shard = (id >> 22) % 2.
    even = FakeGuild(id=(1000 << 22) | 1, name="Even", channels={"jobs": snowflake()})
    odd = FakeGuild(id=(1001 << 22) | 1, name="Odd", channels={"jobs": snowflake()})
    fake = FakeDiscord([even, odd])
    await fake.start()
    try:
        settings = bot_settings(fake, tmp_path, db_url, shard_count=2)
        async with (
            open_services(settings) as services,
            running_bot(fake, settings, services, shards=2) as running,
        ):
            assert running.bot.shard_count == 2
            assert sorted(tuple(i["shard"]) for i in fake.identifies) == [(0, 2), (1, 2)]
            alice = FakeUser(snowflake(), "alice")
            for guild in (even, odd):
                message = await fake.post_message(guild, "jobs", alice, POSTING)
                reply = await fake.channel_message(
                    guild.channel("jobs"),
                    lambda c, m=message: c.replying_to == int(m["id"]),
                )
                assert reply.custom_ids
            assert {g.id for g in running.bot.guilds} == {even.id, odd.id}
    finally:
        await fake.close()
