"""Exactly once: claim, send, record; grace window; retries; a process dying mid-send; two processes.

Every test runs on SQLite and on PostgreSQL, with the clock in the test's hand (never slept).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from commands.core.services import Services
from commands.digest.runs import RunResult, catch_up, run_due_digest
from commands.digest.schedule import DigestPolicy
from parsing.role import normalize_role
from store import Store
from tests.commands.digest.helpers import CHANNEL, GUILD, FakeSender, a_week_of_postings
from tests.store_fixtures import TEST_PAY, FakeClock

POLICY = DigestPolicy()  # Monday 09:00 UTC, 24 h grace, 3 attempts, stale after 15 min
W48 = datetime(2026, 11, 23, 9, tzinfo=UTC)  # Monday of ISO week 48, 09:00 UTC


async def enable(svc: Services, guild_id: int = GUILD, **changes: object) -> None:
    await svc.store.update_guild_settings(guild_id, digest_channel_id=CHANNEL, **changes)


async def run(svc: Services, sender: FakeSender, at: datetime, guild_id: int = GUILD) -> RunResult:
    return await run_due_digest(svc, POLICY, sender, guild_id, at)


async def test_sent_once_at_the_scheduled_time(services: Services) -> None:
    await a_week_of_postings(services.store, W48 - timedelta(days=7))
    await enable(services)
    sender = FakeSender()
    # A minute early, the latest occurrence is last week's, long past its grace window: nothing.
    assert (await run(services, sender, W48 - timedelta(minutes=1))).status == "skipped"
    first = await run(services, sender, W48)
    assert first.status == "sent" and first.period == "2026-W48"
    assert sender.titles() == ["Weekly digest · 2026-W48"]
    assert sender.sent[0].channel_id == CHANNEL and not sender.sent[0].reply.ephemeral
    assert (sender.sent[0].reply.description or "").startswith("**3** new postings from Mon 16 Nov 09:00")
    for later in (W48, W48 + timedelta(seconds=1), W48 + timedelta(hours=23)):  # timer fires again, restarts
        assert (await run(services, sender, later)).status == "already_sent"
    assert len(sender.sent) == 1
    row = await services.store.get_digest_run(GUILD, "2026-W48")
    assert row is not None and row.status == "sent" and row.attempts == 1


async def test_before_the_first_occurrence_nothing_is_sent(services: Services) -> None:
    await enable(services, digest_day="fri")
    sender = FakeSender()
    # Monday W48: the latest Friday is 20 Nov, > 24 h ago, so it is skipped, not sent.
    assert (await run(services, sender, W48)).status == "skipped"
    assert sender.sent == []


async def test_off_or_no_channel_sends_nothing(services: Services) -> None:
    sender = FakeSender()
    assert (await run(services, sender, W48)).status == "no_channel"
    await enable(services, enabled=False)
    assert (await run(services, sender, W48)).status == "no_channel"
    assert sender.sent == []


async def test_missed_within_grace_is_sent_once_on_start(services: Services) -> None:
    await enable(services)
    sender = FakeSender()
    results = await catch_up(services, POLICY, sender, W48 + timedelta(hours=20))
    assert [(r.status, r.period) for r in results] == [("sent", "2026-W48")]
    again = await catch_up(services, POLICY, sender, W48 + timedelta(hours=21))
    assert [r.status for r in again] == ["already_sent"]
    assert len(sender.sent) == 1


async def test_missed_beyond_grace_is_skipped_with_a_log_line(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    await enable(services)
    sender = FakeSender()
    with caplog.at_level(logging.INFO, logger="commands.digest.runs"):
        results = await catch_up(services, POLICY, sender, W48 + timedelta(hours=25))
    assert [r.status for r in results] == ["skipped"] and sender.sent == []
    assert "Digest 2026-W48 of guild 4242 skipped" in caplog.text and "grace" in caplog.text
    assert await services.store.get_digest_run(GUILD, "2026-W48") is None


async def test_three_missed_weeks_give_one_digest(services: Services) -> None:
    await enable(services)
    sender = FakeSender()
    down_until = W48 + timedelta(weeks=3, hours=2)  # W49, W50 and W51 passed while down
    assert (await run(services, sender, down_until)).period == "2026-W51"
    for minutes in (1, 2, 3):
        await run(services, sender, down_until + timedelta(minutes=minutes))
    assert sender.titles() == ["Weekly digest · 2026-W51"]
    for period in ("2026-W48", "2026-W49", "2026-W50"):
        assert await services.store.get_digest_run(GUILD, period) is None


async def test_failed_sends_are_retried_then_succeed(services: Services) -> None:
    await enable(services)
    sender = FakeSender(failures=["Discord error 500", "Discord error 503"])
    first = await run(services, sender, W48)
    assert first.status == "failed" and first.retry_at == W48 + timedelta(minutes=5)
    row = await services.store.get_digest_run(GUILD, "2026-W48")
    assert row is not None and row.status == "failed" and row.error == "Discord error 500"
    second = await run(services, sender, first.retry_at)
    assert second.status == "failed" and second.retry_at == first.retry_at + timedelta(minutes=30)
    third = await run(services, sender, second.retry_at)
    assert third.status == "sent" and len(sender.sent) == 1
    row = await services.store.get_digest_run(GUILD, "2026-W48")
    assert row is not None and row.status == "sent" and row.attempts == 3
    assert sender.history_checks == 2  # attempts 2 and 3 first looked for an unrecorded earlier post
    assert (await services.store.get_guild_settings(GUILD)).last_failure is None


async def test_bounded_attempts_then_reported(services: Services, caplog: pytest.LogCaptureFixture) -> None:
    await enable(services)
    sender = FakeSender(failures=["the digest channel no longer exists"] * 5)
    at = W48
    with caplog.at_level(logging.INFO, logger="commands.digest.runs"):
        for _ in range(POLICY.max_attempts):
            result = await run(services, sender, at)
            at = result.retry_at or at
    assert result.status == "gave_up" and result.retry_at is None
    assert len(sender.failures) == 5 - POLICY.max_attempts
    assert "could not be posted after 3 attempt(s): the digest channel no longer exists" in caplog.text
    settings = await services.store.get_guild_settings(GUILD)
    assert settings.last_failure == "digest 2026-W48: the digest channel no longer exists"
    # Later wake-ups in the same week neither send nor try again.
    assert (await run(services, sender, at + timedelta(hours=1))).status == "gave_up"
    assert len(sender.failures) == 5 - POLICY.max_attempts and sender.sent == []
    # Next week is a new period: it is tried afresh.
    sender.failures.clear()
    assert (await run(services, sender, W48 + timedelta(weeks=1))).status == "sent"


async def test_retries_stop_at_the_end_of_the_grace_window(services: Services) -> None:
    await enable(services)
    sender = FakeSender(failures=["HTTP 500"])
    late = W48 + timedelta(hours=23, minutes=58)  # a retry in 5 minutes would be past the 24 h window
    result = await run(services, sender, late)
    assert result.status == "gave_up"
    assert (await services.store.get_guild_settings(GUILD)).last_failure == "digest 2026-W48: HTTP 500"


async def test_restart_in_the_middle_of_a_send(services: Services, clock: FakeClock) -> None:
    """Claimed but never marked: the process died between the claim and the result."""
    await enable(services)
    sender = FakeSender()
    clock.now = W48
    assert await services.store.claim_digest_run(GUILD, "2026-W48")  # the process that then died
    # The restarted bot catches up a minute later: the claim is fresh, so it waits for it to go stale.
    busy = await run(services, sender, W48 + timedelta(minutes=1))
    assert busy.status == "busy" and busy.retry_at == W48 + POLICY.stale_after + timedelta(seconds=1)
    assert sender.sent == []
    # At that time the claim is stale and is taken over (attempt 2): sent once.
    clock.now = busy.retry_at
    taken = await run(services, sender, busy.retry_at)
    assert taken.status == "sent" and len(sender.sent) == 1 and sender.history_checks == 1
    row = await services.store.get_digest_run(GUILD, "2026-W48")
    assert row is not None and row.status == "sent" and row.attempts == 2


async def test_a_takeover_finds_the_digest_already_posted(services: Services, clock: FakeClock) -> None:
    """The dead process got the message out but not the record: it is found, not sent again."""
    await enable(services)
    sender = FakeSender(posted_periods={"2026-W48"})
    clock.now = W48
    assert await services.store.claim_digest_run(GUILD, "2026-W48")
    clock.now = W48 + timedelta(minutes=20)
    result = await run(services, sender, clock.now)
    assert result.status == "sent" and sender.sent == []
    row = await services.store.get_digest_run(GUILD, "2026-W48")
    assert row is not None and row.status == "sent"


async def test_a_crash_loop_is_bounded_by_max_attempts(services: Services, clock: FakeClock) -> None:
    await enable(services)
    clock.now = W48
    claims = 0
    for _ in range(10):  # every process claims and dies before recording anything
        if await services.store.claim_digest_run(
            GUILD, "2026-W48", max_attempts=POLICY.max_attempts, stale_after=POLICY.stale_after
        ):
            claims += 1
        clock.advance(minutes=16)
    assert claims == POLICY.max_attempts
    sender = FakeSender()
    assert (await run(services, sender, clock.now)).status == "gave_up" and sender.sent == []


# --- two processes on one database --------------------------------------------------------------


@pytest.fixture
async def second_store(db_url: str, clock: FakeClock) -> AsyncIterator[Store]:
    """Another Store (its own engine and connection pool) on the same database: a second process."""
    other = await Store.open(
        db_url, pay=TEST_PAY, auto_upgrade=False, clock=clock, normalize_role=normalize_role
    )
    try:
        yield other
    finally:
        await other.close()


async def test_two_processes_send_each_digest_once(
    services: Services, second_store: Store, clock: FakeClock
) -> None:
    if second_store.dialect != "postgresql":
        pytest.skip("several processes share a PostgreSQL database; SQLite is the single-process setup")
    other = Services(store=second_store, pay=TEST_PAY, clock=clock)
    guilds = list(range(100, 110))
    for g in guilds:
        await enable(services, g)
    sender_a, sender_b = FakeSender(), FakeSender()
    clock.now = W48
    for week in range(3):  # three weeks, both "processes" woken at the same instant each time
        at = W48 + timedelta(weeks=week)
        results = await asyncio.gather(
            *(run(services, sender_a, at, g) for g in guilds), *(run(other, sender_b, at, g) for g in guilds)
        )
        assert sum(r.sent for r in results) == len(guilds)
    assert len(sender_a.sent) + len(sender_b.sent) == 3 * len(guilds)
    per_guild_week = {(s.guild_id, s.reply.title) for s in sender_a.sent + sender_b.sent}
    assert len(per_guild_week) == 3 * len(guilds)


WORKER = Path(__file__).with_name("process_worker.py")


async def test_two_os_processes_send_once(db_url: str, tmp_path: Path) -> None:
    """Real separate processes (each its own interpreter and connections) racing for the same digests."""
    if not db_url.startswith("postgresql"):
        pytest.skip("separate processes are exercised on PostgreSQL (the multi-process deployment)")
    setup = await Store.open(db_url, pay=TEST_PAY, auto_upgrade=False, normalize_role=normalize_role)
    try:
        for g in (1, 2, 3):
            await setup.update_guild_settings(g, digest_channel_id=CHANNEL)
    finally:
        await setup.close()
    log_file = tmp_path / "sent.jsonl"  # written by the workers
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            str(WORKER),
            db_url,
            W48.isoformat(),
            str(tmp_path),
            "3",
            "1",
            "2",
            "3",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(3)
    ]
    outputs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in procs)), 120)
    assert all(p.returncode == 0 for p in procs), [err.decode()[-2000:] for _, err in outputs]
    sent = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert sorted(s["guild"] for s in sent) == [1, 2, 3]
    assert len({s["pid"] for s in sent}) >= 1
    statuses = [status for out, _ in outputs for status in json.loads(out)]
    assert statuses.count("sent") == 3 and len(statuses) == 9
