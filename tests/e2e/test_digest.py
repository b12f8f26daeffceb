"""End to end: the real bot (``create_bot``) against the fake Discord, /digest commands and the digest
arriving in its channel as an embed. The digest's clock is injected; nothing waits on wall-clock time
except the fake's network round trips."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.digest_scheduler import DigestScheduler
from commands.core.services import Services
from commands.digest.usecase import NEEDS_MANAGE
from parsing.role import normalize_role
from store import Store
from tests.commands.digest.helpers import a_week_of_postings
from tests.e2e.fakediscord import ALL_PERMISSIONS, FakeDiscord, FakeGuild, FakeUser, RestCall, opt, snowflake
from tests.e2e.harness import Running, bot_settings, running_bot
from tests.store_fixtures import TEST_PAY, FakeClock

W48 = datetime(2026, 11, 23, 9, tzinfo=UTC)


class BlockingDiscord(FakeDiscord):
    """The fake, plus channels where the bot has lost the permission to post (403 Missing Permissions)."""

    def __init__(self, guilds: list[FakeGuild]) -> None:
        super().__init__(guilds)
        self.blocked: set[int] = set()

    def _route(self, call: RestCall, request: web.Request) -> tuple[int, Any]:
        parts = call.path.strip("/").split("/")
        if call.method == "POST" and parts[0] == "channels" and int(parts[1]) in self.blocked:
            return 403, {"message": "Missing Permissions", "code": 50013}
        return super()._route(call, request)


@pytest.fixture
async def world(tmp_path: Path, sqlite_template: Path) -> AsyncIterator[tuple[Running, FakeClock, FakeGuild]]:
    guild = FakeGuild.make("Alpha Devs", "job-postings", "general", "digest")
    fake = BlockingDiscord([guild])
    await fake.start()
    db = tmp_path / "jobscout.db"
    db.write_bytes(sqlite_template.read_bytes())
    url = f"sqlite+aiosqlite:///{db}"
    clock = FakeClock(now=W48 - timedelta(days=2))
    store = await Store.open(
        url, pay=TEST_PAY, auto_upgrade=False, clock=clock, normalize_role=normalize_role
    )
    try:
        await a_week_of_postings(store, W48 - timedelta(days=7), guild.id)
        services = Services(store=store, pay=TEST_PAY, clock=clock)
        async with running_bot(fake, bot_settings(fake, tmp_path, url), services) as running:
            starting = running.bot.digest_starting
            assert starting is not None
            await starting  # the scheduler started (and caught up: nothing due yet)
            yield running, clock, guild
    finally:
        await store.close()
        await fake.close()


def digest_timer(running: Running) -> DigestScheduler:
    scheduler = running.bot.digest_scheduler
    assert scheduler is not None
    return scheduler


def sub(name: str, *options: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"name": name, "type": 1, "options": list(options)}]


async def slash_digest(
    fake: FakeDiscord, guild: FakeGuild, user: FakeUser, name: str, *options: dict[str, Any], **kw: Any
) -> RestCall:
    ix = await fake.slash(guild, "general", user, "digest", sub(name, *options), **kw)
    return await fake.answer(ix)


async def choose_channel(fake: FakeDiscord, guild: FakeGuild, user: FakeUser, channel: str) -> RestCall:
    cid = guild.channel(channel)
    resolved = {
        "channels": {str(cid): {**guild.channel_payload(channel), "permissions": str(ALL_PERMISSIONS)}}
    }
    return await slash_digest(
        fake, guild, user, "channel", opt("channel", str(cid), kind=7), resolved=resolved
    )


async def test_digest_commands_and_the_weekly_post(world: tuple[Running, FakeClock, FakeGuild]) -> None:
    running, clock, guild = world
    fake = running.fake
    admin = fake.owner
    member = FakeUser(id=snowflake(), name="member")

    # A member may not change the digest; the refusal is short and private.
    refused = await choose_channel(fake, guild, member, "digest")
    assert refused.ephemeral and NEEDS_MANAGE in refused.text
    assert digest_timer(running).job(guild.id) is None

    answer = await choose_channel(fake, guild, admin, "digest")
    # the default time, offset by a minute within the default spread for this server
    assert answer.ephemeral and re.search(
        rf"posted in <#{guild.channel('digest')}> on Mondays at 09:[0-5]\d \(UTC\)", answer.text
    )
    scheduler = digest_timer(running)
    assert scheduler is not None and scheduler.job(guild.id) is not None

    answer = await slash_digest(
        fake, guild, admin, "schedule", opt("time", "10:30"), opt("timezone", "Europe/Berlin")
    )
    assert answer.ephemeral and "Mondays at 10:30 (Europe/Berlin)" in answer.text

    # Timezone autocomplete.
    ix = await fake.slash(
        guild,
        "general",
        admin,
        "digest",
        sub("schedule", opt("timezone", "europe/ber", focused=True)),
        autocomplete=True,
    )
    choices = (await fake.answer(ix)).data["choices"]
    assert choices[0] == {"name": "Europe/Berlin", "value": "Europe/Berlin"}

    # Anyone may preview; only they see it.
    preview = await slash_digest(fake, guild, member, "preview")
    assert preview.ephemeral and "Digest preview · 2026-W48 (so far)" in preview.text

    # The timer fires at Monday 10:30 Berlin (09:30 UTC): the digest arrives in its channel as an embed.
    clock.now = W48 + timedelta(minutes=30, seconds=1)
    result = await scheduler.fire(guild.id)
    assert result.status == "sent"
    posted = await fake.channel_message(guild.channel("digest"))
    embed = posted.data["embeds"][0]
    assert embed["title"] == "Weekly digest · 2026-W48"
    assert embed["description"].startswith("**3** new postings from Mon 16 Nov 10:30 to Mon 23 Nov 10:30")
    assert "JobScout weekly digest 2026-W48" in embed["footer"]["text"]
    assert [f["name"] for f in embed["fields"]][:2] == [
        "Best paid",
        "Role medians (yearly salaries, per currency, vs the 4 weeks before)",
    ]
    assert posted.data["allowed_mentions"]["parse"] == []
    if posted.files:
        assert posted.files[0][0] == "digest.png" and embed["image"]["url"] == "attachment://digest.png"
    # The timer firing again (or a restart) sends nothing more this week.
    assert (await scheduler.fire(guild.id)).status == "already_sent"
    assert (
        len(
            fake.find_calls(
                lambda c: c.method == "POST" and c.path.endswith(f"{guild.channel('digest')}/messages")
            )
        )
        == 1
    )

    off = await slash_digest(fake, guild, admin, "off")
    assert off.ephemeral and "The digest is off" in off.text
    assert scheduler.job(guild.id) is None


async def test_lost_permission_is_retried_then_told_to_the_admin(
    world: tuple[Running, FakeClock, FakeGuild],
) -> None:
    running, clock, guild = world
    fake = running.fake
    assert isinstance(fake, BlockingDiscord)
    await choose_channel(fake, guild, fake.owner, "digest")
    scheduler = digest_timer(running)
    assert scheduler is not None
    fake.blocked.add(guild.channel("digest"))
    clock.now = W48 + timedelta(hours=1)  # past the default time and its spread
    for attempt in range(1, 4):
        result = await scheduler.fire(guild.id)
        assert result.status == ("failed" if attempt < 3 else "gave_up")
        if result.retry_at:
            retry = scheduler.retry_job(guild.id)
            assert retry is not None
            clock.now = result.retry_at
    posts = fake.find_calls(
        lambda c: c.method == "POST" and c.path == f"/channels/{guild.channel('digest')}/messages"
    )
    assert len(posts) == 3  # max_attempts, then no more
    status = await slash_digest(fake, guild, fake.owner, "status")
    assert status.ephemeral and "The last digest could not be posted" in status.text
    assert "I may not post in" in status.text
