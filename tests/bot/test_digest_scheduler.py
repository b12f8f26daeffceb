"""The APScheduler timer: one cron job per guild, rebuilt from the settings table; retries; catch-up."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from bot import digest_scheduler
from bot.config import DigestSettings
from bot.digest_scheduler import DigestScheduler
from bot.runtime import policy_from
from commands.core.reply import Reply
from commands.core.services import Services
from commands.digest.schedule import DigestPolicy, Schedule, next_occurrence
from commands.digest.usecase import digest_channel, digest_off, digest_schedule
from tests.commands.digest.helpers import CHANNEL, GUILD, FakeSender
from tests.store_fixtures import FakeClock

POLICY = DigestPolicy()
W48 = datetime(2026, 11, 23, 9, tzinfo=UTC)


@pytest.fixture
async def timer(services: Services, clock: FakeClock) -> AsyncIterator[tuple[DigestScheduler, FakeSender]]:
    sender = FakeSender()
    digest = DigestScheduler(services, POLICY, sender, clock=clock)
    try:
        yield digest, sender
    finally:
        digest.shutdown()


def cron(digest: DigestScheduler, guild_id: int = GUILD) -> CronTrigger:
    job = digest.job(guild_id)
    assert job is not None
    assert isinstance(job.trigger, CronTrigger)
    return job.trigger


def test_policy_from_settings() -> None:
    policy = policy_from(DigestSettings(default_day="fri", grace_hours=6, max_attempts=5))
    assert (policy.default_day, policy.grace, policy.max_attempts) == ("fri", timedelta(hours=6), 5)
    assert policy.default_time == time(9) and policy.default_timezone == "UTC"


async def test_jobs_are_built_from_the_table_on_start(
    timer: tuple[DigestScheduler, FakeSender], services: Services, clock: FakeClock
) -> None:
    digest, _ = timer
    store = services.store
    await store.update_guild_settings(1, digest_channel_id=10, digest_timezone="Europe/Berlin")
    await store.update_guild_settings(2, digest_channel_id=20, enabled=False)
    await store.update_guild_settings(3, watched_channel_ids=[5])  # no digest channel
    await store.update_guild_settings(4, digest_channel_id=40, digest_day="wed", digest_time=time(17, 45))
    clock.now = datetime(2026, 11, 18, 12, tzinfo=UTC)  # nothing due within grace
    results = await digest.start(paused=True)
    assert [r.status for r in results] == ["skipped", "skipped"]
    jobs = {j.id for j in digest.scheduler.get_jobs()}
    assert jobs == {"digest:1", "digest:4", "digest:refresh"}
    job = digest.job(1)
    assert job is not None and job.misfire_grace_time == 24 * 3600 and job.coalesce and job.max_instances == 1
    trigger = cron(digest, 1)
    assert trigger.timezone == ZoneInfo("Europe/Berlin")
    assert trigger.get_next_fire_time(None, clock.now) == datetime(2026, 11, 23, 8, tzinfo=UTC)
    assert cron(digest, 4).get_next_fire_time(None, clock.now) == datetime(2026, 11, 18, 17, 45, tzinfo=UTC)


async def test_schedule_set_changed_and_turned_off(
    timer: tuple[DigestScheduler, FakeSender], services: Services, clock: FakeClock
) -> None:
    digest, _ = timer
    await digest.start(paused=True)
    assert digest.job(GUILD) is None
    # The cog calls reschedule() after each successful settings change.
    await digest_channel(services, POLICY, GUILD, CHANNEL, can_manage=True)
    await digest.reschedule(GUILD)
    assert cron(digest).get_next_fire_time(None, clock.now) == W48
    await digest_schedule(
        services, POLICY, GUILD, can_manage=True, day="fri", at="17:00", timezone="America/New_York"
    )
    await digest.reschedule(GUILD)
    assert cron(digest).get_next_fire_time(None, clock.now) == datetime(2026, 11, 20, 22, tzinfo=UTC)
    await digest_off(services, POLICY, GUILD, can_manage=True)
    await digest.reschedule(GUILD)
    assert digest.job(GUILD) is None


async def test_refresh_follows_changes_made_by_another_process(
    timer: tuple[DigestScheduler, FakeSender], services: Services, clock: FakeClock
) -> None:
    digest, _ = timer
    await digest.start(paused=True)
    await services.store.update_guild_settings(GUILD, digest_channel_id=CHANNEL, digest_day="tue")
    await digest.refresh()
    assert cron(digest).get_next_fire_time(None, clock.now) == datetime(2026, 11, 17, 9, tzinfo=UTC)
    await services.store.update_guild_settings(GUILD, enabled=False)
    await digest.refresh()
    assert digest.job(GUILD) is None


@pytest.mark.parametrize(
    ("tz", "before"),
    [
        ("Europe/Berlin", datetime(2026, 3, 20, tzinfo=UTC)),
        ("Europe/Berlin", datetime(2026, 10, 16, tzinfo=UTC)),
        ("America/New_York", datetime(2026, 2, 27, tzinfo=UTC)),
        ("America/New_York", datetime(2026, 10, 23, tzinfo=UTC)),
    ],
)
async def test_the_job_keeps_local_time_across_dst(
    timer: tuple[DigestScheduler, FakeSender], services: Services, tz: str, before: datetime
) -> None:
    digest, _ = timer
    await services.store.update_guild_settings(GUILD, digest_channel_id=CHANNEL, digest_timezone=tz)
    await digest.start(paused=True)
    trigger, fired = cron(digest), None
    schedule = Schedule("mon", time(9), tz)
    offsets = set()
    for _ in range(3):  # the Mondays before, of and after the change's week
        fired = trigger.get_next_fire_time(fired, fired + timedelta(seconds=1) if fired else before)
        assert fired is not None
        local = fired.astimezone(ZoneInfo(tz))
        assert (local.weekday(), local.hour, local.minute) == (0, 9, 0)
        assert fired == next_occurrence(schedule, fired - timedelta(seconds=1))
        offsets.add(local.utcoffset())
    assert len(offsets) == 2  # the UTC offset changed, the local time did not


async def test_a_failed_send_gets_a_retry_job(
    timer: tuple[DigestScheduler, FakeSender], services: Services, clock: FakeClock
) -> None:
    digest, sender = timer
    await services.store.update_guild_settings(GUILD, digest_channel_id=CHANNEL)
    clock.now = W48 - timedelta(days=2)
    await digest.start(paused=True)
    sender.failures = ["Discord error 500"]
    clock.now = W48
    result = await digest.fire(GUILD)
    assert result.status == "failed"
    retry = digest.retry_job(GUILD)
    assert retry is not None and isinstance(retry.trigger, DateTrigger)
    assert retry.trigger.run_date == W48 + timedelta(minutes=5)
    clock.now = W48 + timedelta(minutes=5)
    assert (await digest.fire(GUILD)).status == "sent"
    assert len(sender.sent) == 1


async def test_catch_up_on_start_sends_a_missed_digest_once(services: Services, clock: FakeClock) -> None:
    await services.store.update_guild_settings(GUILD, digest_channel_id=CHANNEL)
    sender = FakeSender()
    clock.now = W48 + timedelta(hours=3)  # the bot was down at 09:00
    for _ in range(2):  # started, stopped, started again
        digest = DigestScheduler(services, POLICY, sender, clock=clock)
        try:
            await digest.start(paused=True)
        finally:
            digest.shutdown()
    assert sender.titles() == ["Weekly digest · 2026-W48"]


async def test_the_timer_fires_the_job(services: Services, clock: FakeClock) -> None:
    """Through APScheduler itself: a job due now runs run_due_digest for its guild (no sleeping:
    the test waits for APScheduler to report the job done)."""
    await services.store.update_guild_settings(GUILD, digest_channel_id=CHANNEL)
    done = asyncio.Event()
    events: list[JobExecutionEvent] = []

    def listener(event: JobExecutionEvent) -> None:
        if event.job_id == f"digest:{GUILD}":
            events.append(event)
            done.set()

    sender = FakeSender()
    clock.now = W48 - timedelta(days=2)  # catch-up finds nothing due
    digest = DigestScheduler(services, POLICY, sender, clock=clock)
    try:
        assert [r.status for r in await digest.start()] == ["skipped"]
        digest.scheduler.add_listener(listener, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
        clock.now = W48 + timedelta(seconds=2)
        job = digest.job(GUILD)
        assert job is not None
        job.modify(next_run_time=datetime.now(UTC))  # "it is 09:00 now" for the real timer
        digest.scheduler.wakeup()
        await asyncio.wait_for(done.wait(), 20)
    finally:
        digest.shutdown()
    assert events[0].exception is None and events[0].retval.status == "sent"
    assert sender.titles() == ["Weekly digest · 2026-W48"]
    assert sender.sent[0].channel_id == CHANNEL


async def test_refresh_builds_triggers_only_for_changed_guilds(
    timer: tuple[DigestScheduler, FakeSender], services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    digest, _ = timer
    for guild_id in range(1, 6):
        await services.store.update_guild_settings(guild_id, digest_channel_id=100 + guild_id)
    await digest.start(paused=True)
    built: list[Schedule] = []
    real = digest_scheduler.cron_for

    def counting(schedule: Schedule) -> CronTrigger:
        built.append(schedule)
        return real(schedule)

    monkeypatch.setattr(digest_scheduler, "cron_for", counting)
    await digest.refresh()
    assert built == []  # nothing changed: no trigger rebuilt
    await services.store.update_guild_settings(3, digest_day="fri")
    await services.store.update_guild_settings(4, enabled=False)
    await digest.refresh()
    assert [s.day for s in built] == ["fri"]
    assert digest.job(4) is None and digest.job(3) is not None and digest.job(5) is not None


async def test_at_most_max_concurrent_digests_are_built_at_once(services: Services, clock: FakeClock) -> None:
    class SlowSender(FakeSender):
        def __init__(self) -> None:
            super().__init__()
            self.gate = asyncio.Event()
            self.two_waiting = asyncio.Event()
            self.waiting = self.peak = 0

        async def send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
            self.peak = max(self.peak, digest.in_flight)
            self.waiting += 1
            if self.waiting == 2:
                self.two_waiting.set()
            await self.gate.wait()
            await super().send(guild_id, channel_id, reply)

    sender = SlowSender()
    digest = DigestScheduler(services, POLICY, sender, clock=clock, refresh_every=None, max_concurrent=2)
    try:
        for guild_id in range(1, 7):
            await services.store.update_guild_settings(guild_id, digest_channel_id=100 + guild_id)
        clock.now = W48 + timedelta(minutes=5)
        fired = [asyncio.ensure_future(digest.fire(guild_id)) for guild_id in range(1, 7)]
        await asyncio.wait_for(sender.two_waiting.wait(), 60)
        assert digest.in_flight == 2  # the other four wait for a slot, not for the sender
        sender.gate.set()
        results = await asyncio.gather(*fired)
        assert [r.status for r in results] == ["sent"] * 6 and sender.peak == 2
    finally:
        digest.shutdown()
