"""Guild settings and digest runs: the digest scheduler's source of truth."""

from __future__ import annotations

import asyncio
from datetime import time, timedelta

import pytest

from store import InvalidInput, Store
from tests.store_fixtures import FakeClock

G = 777


async def test_settings_default_update_and_list(store: Store) -> None:
    defaults = await store.get_guild_settings(G)
    assert defaults.guild_id == G and defaults.enabled and defaults.watched_channel_ids == []
    assert defaults.digest_channel_id is None and defaults.updated_at is None
    big = 1_234_567_890_123_456_789  # snowflakes need 64 bits
    saved = await store.update_guild_settings(
        G, watched_channel_ids=[big, 5], digest_channel_id=big, digest_day="fri", digest_time=time(9, 30),
        digest_timezone="Europe/Paris",
    )  # fmt: skip
    assert saved.watched_channel_ids == [big, 5] and saved.digest_channel_id == big
    assert saved.digest_time == time(9, 30) and saved.updated_at is not None
    changed = await store.update_guild_settings(G, enabled=False, last_failure="403 Missing Access")
    assert (
        changed.digest_day == "fri" and not changed.enabled and changed.last_failure == "403 Missing Access"
    )
    assert await store.list_guild_settings() == []
    assert [s.guild_id for s in await store.list_guild_settings(enabled_only=False)] == [G]
    with pytest.raises(InvalidInput):
        await store.update_guild_settings(G, colour="blue")
    with pytest.raises(InvalidInput):
        await store.update_guild_settings(G, digest_day="someday")


async def test_concurrent_claims_give_one_sender(store: Store) -> None:
    results = await asyncio.gather(*(store.claim_digest_run(G, "2026-W47") for _ in range(20)))
    assert sum(results) == 1
    run = await store.get_digest_run(G, "2026-W47")
    assert run is not None and run.status == "claimed" and run.attempts == 1


async def test_failed_runs_are_retried_up_to_max_attempts(store: Store) -> None:
    assert await store.claim_digest_run(G, "p", max_attempts=2)
    assert await store.mark_digest_run(G, "p", "failed", error="boom")
    assert await store.claim_digest_run(G, "p", max_attempts=2)
    run = await store.get_digest_run(G, "p")
    assert run is not None and run.attempts == 2 and run.status == "claimed"
    await store.mark_digest_run(G, "p", "failed", error="boom again")
    assert not await store.claim_digest_run(G, "p", max_attempts=2)


async def test_sent_runs_are_never_claimed_again(store: Store, clock: FakeClock) -> None:
    assert await store.claim_digest_run(G, "q")
    assert await store.mark_digest_run(G, "q", "sent")
    clock.advance(days=30)
    assert not await store.claim_digest_run(G, "q", stale_after=timedelta(hours=1))
    run = await store.get_digest_run(G, "q")
    assert run is not None and run.status == "sent" and run.sent_at is not None


async def test_stale_claims_can_be_taken_over(store: Store, clock: FakeClock) -> None:
    assert await store.claim_digest_run(G, "r")
    assert not await store.claim_digest_run(G, "r", stale_after=timedelta(hours=1))
    clock.advance(hours=2)
    assert await store.claim_digest_run(G, "r", stale_after=timedelta(hours=1))
    assert not await store.mark_digest_run(G, "unknown-period", "sent")
