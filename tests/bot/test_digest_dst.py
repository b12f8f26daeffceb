"""The real APScheduler timer driven through a fall-back and a spring-forward night in virtual time:
exactly one digest each week, and the job itself fires once a week (no second firing in the hour a
fall-back night repeats)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta

import pytest
from apscheduler.events import EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.executors import base as executor_base
from apscheduler.schedulers import base as scheduler_base

from bot.digest_scheduler import DigestScheduler, job_id
from commands.core.services import Services
from commands.digest.schedule import DigestPolicy
from tests.commands.digest.helpers import CHANNEL, GUILD, FakeSender
from tests.store_fixtures import FakeClock


class VirtualClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def datetime_class(self) -> type[datetime]:
        clock = self

        class Virtual(datetime):
            @classmethod
            def now(cls, tz: object = None) -> Virtual:  # type: ignore[override]
                moment = clock.now.astimezone(tz)  # type: ignore[arg-type]
                return cls.fromtimestamp(moment.timestamp(), moment.tzinfo)

        return Virtual


async def _run_until(
    digest: DigestScheduler, clock: VirtualClock, services_clock: FakeClock, end: datetime
) -> None:
    """Jump from one due job to the next, letting the scheduler run each as it would in real time."""
    while True:
        upcoming = [j.next_run_time for j in digest.scheduler.get_jobs() if j.next_run_time is not None]
        if not upcoming or min(upcoming) > end:
            return
        clock.now = services_clock.now = min(upcoming).astimezone(UTC)
        digest.scheduler.wakeup()
        for _ in range(50):  # the job runs as a task on this loop
            await asyncio.sleep(0)
        while digest._running:
            await asyncio.sleep(0.01)


@pytest.mark.parametrize(
    ("start", "night"),
    [
        (datetime(2026, 10, 14, tzinfo=UTC), datetime(2026, 10, 25, tzinfo=UTC)),  # Berlin falls back
        (datetime(2026, 3, 18, tzinfo=UTC), datetime(2026, 3, 29, tzinfo=UTC)),  # Berlin springs forward
    ],
)
async def test_one_digest_a_week_across_a_clock_change(
    services: Services,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    start: datetime,
    night: datetime,
) -> None:
    virtual = VirtualClock(start)
    monkeypatch.setattr(scheduler_base, "datetime", virtual.datetime_class())
    monkeypatch.setattr(executor_base, "datetime", virtual.datetime_class())
    clock.now = start
    await services.store.update_guild_settings(
        GUILD,
        digest_channel_id=CHANNEL,
        digest_timezone="Europe/Berlin",
        digest_day="sun",
        digest_time=time(2, 30),
    )
    sender = FakeSender()
    digest = DigestScheduler(services, DigestPolicy(), sender, clock=clock, refresh_every=None)
    fired: list[datetime] = []

    def executed(event: JobExecutionEvent) -> None:
        if event.job_id == job_id(GUILD):
            fired.append(event.scheduled_run_time.astimezone(UTC))

    digest.scheduler.add_listener(executed, EVENT_JOB_EXECUTED)
    try:
        await digest.start()
        await _run_until(digest, virtual, clock, start + timedelta(weeks=4))
    finally:
        digest.shutdown()
    weeks = [f.isocalendar()[:2] for f in fired]
    assert len(fired) == 4 and len(set(weeks)) == 4  # once a week, four weeks
    assert night.date() in {f.date() for f in fired}  # the night of the change is one of them
    assert len(sender.sent) == 4
