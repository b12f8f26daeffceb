"""The digest timer: APScheduler 3.11's ``AsyncIOScheduler``, one cron job per guild, and nothing more.

The guild settings table is the source of truth. Jobs are (re)built from it on start, when a guild
changes its digest settings in this process, and every few minutes (so a second process on the same
database follows changes made through the first). Each job is a ``CronTrigger`` on the guild's
weekday, hour and minute in its IANA timezone, so it fires at the local wall-clock time on both sides
of a daylight-saving change; its only work is :func:`commands.digest_runs.run_due_digest`, which decides
from the table whether anything is due and claims it before sending (exactly once, across restarts and
processes). On start, digests missed while the bot was down are caught up once (within the grace
window). A failed send, or a claim held by a process that died, gets a one-shot retry job.

A sharded process (``owns`` given) schedules only the guilds of its own shards; on stop, :meth:`drain`
lets a digest being sent finish before the timer shuts down.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from commands.core.services import Services
from commands.digest.runs import DigestSender, RunResult, catch_up, run_due_digest
from commands.digest.schedule import DigestPolicy, Schedule
from commands.digest.usecase import guild_schedule
from store import GuildSettings

log = logging.getLogger(__name__)

REFRESH_EVERY = timedelta(minutes=5)
# Digests built and sent at once: each holds a database session and takes the event loop for a few
# tens of milliseconds of work between awaits, so interactions keep being answered while many servers
# are due together; the sender's pacing, not this, bounds the rate of posts.
MAX_CONCURRENT = 4
YIELD_EVERY = 200  # guilds a refresh applies between two turns of the event loop (~0.1 s of work)


class WallClockCron(CronTrigger):
    """A CronTrigger that fires once at a wall-clock time a fall-back night shows twice: APScheduler
    fires a Berlin 02:30 job at 00:30 and again at 01:30 UTC that night. (A spring-forward night's
    missing 02:30 fires once, an hour later, as CronTrigger already does.)"""

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        fire: datetime | None = super().get_next_fire_time(previous_fire_time, now)
        if fire is None or previous_fire_time is None:
            return fire
        # Compared in UTC: within one zone, Python compares and subtracts wall-clock times.
        later = fire.astimezone(UTC) - previous_fire_time.astimezone(UTC)
        same_wall_clock = fire.replace(tzinfo=None) == previous_fire_time.astimezone(self.timezone).replace(
            tzinfo=None
        )
        if timedelta(0) < later < timedelta(days=1) and same_wall_clock:
            # The repeat: the next time after it (CronTrigger starts from its previous fire when given one).
            return super().get_next_fire_time(None, fire.astimezone(UTC) + timedelta(hours=1))
        return fire


def cron_for(schedule: Schedule) -> CronTrigger:
    """Fires at the schedule's local wall-clock time, whatever the UTC offset that week."""
    return WallClockCron(
        day_of_week=schedule.day, hour=schedule.at.hour, minute=schedule.at.minute, timezone=schedule.zone
    )


def job_id(guild_id: int) -> str:
    return f"digest:{guild_id}"


def retry_job_id(guild_id: int) -> str:
    return f"digest-retry:{guild_id}"


def _wanted(settings: GuildSettings) -> bool:
    return settings.enabled and settings.digest_channel_id is not None


class DigestScheduler:
    """Owns the ``AsyncIOScheduler``. ``clock`` is what :meth:`fire` calls "now" (tests inject one)."""

    def __init__(
        self,
        services: Services,
        policy: DigestPolicy,
        sender: DigestSender,
        *,
        clock: Callable[[], datetime] | None = None,
        scheduler: AsyncIOScheduler | None = None,
        refresh_every: timedelta | None = REFRESH_EVERY,
        owns: Callable[[int], bool] | None = None,
        max_concurrent: int = MAX_CONCURRENT,
    ) -> None:
        self.services = services
        self.policy = policy
        self.sender = sender
        self.clock = clock or services.clock
        self.scheduler = scheduler or AsyncIOScheduler(timezone=UTC)
        self.refresh_every = refresh_every
        self.owns = owns  # None: every guild is this process's
        self._schedules: dict[int, Schedule] = {}
        self._seen: dict[int, GuildSettings] = {}  # the settings each guild's job was last made from
        self._running: set[asyncio.Task[object]] = set()
        self._slots = asyncio.Semaphore(max(1, max_concurrent))
        self.in_flight = 0  # digests being built or sent now (at most max_concurrent)

    # --------------------------------------------------------------------------------- lifecycle

    async def start(self, *, paused: bool = False) -> list[RunResult]:
        """Build the jobs from the table, start the timer, and catch up missed digests (returned)."""
        await self.refresh()
        if self.refresh_every is not None:
            self.scheduler.add_job(
                self.refresh, IntervalTrigger(seconds=self.refresh_every.total_seconds()),
                id="digest:refresh", replace_existing=True, coalesce=True, max_instances=1,
            )  # fmt: skip
        if not self.scheduler.running:
            self.scheduler.start(paused=paused)
        results = await catch_up(self.services, self.policy, self.sender, self.clock(), owns=self.owns)
        for result in results:
            self._follow_up(result)
        log.info("Digest scheduler started: %d guild(s) scheduled.", len(self._schedules))
        return results

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def drain(self, timeout: float) -> bool:
        """Fire nothing new and wait up to ``timeout`` s for digests being sent; True when none is left.

        (Shutting APScheduler down cancels running jobs; a digest cut short keeps its claim, which the
        next run takes over once stale, checking the channel first.)
        """
        if self.scheduler.running:
            self.scheduler.pause()
        running = {t for t in self._running if not t.done()}
        if running:
            await asyncio.wait(running, timeout=timeout)
        return all(t.done() for t in running)

    # -------------------------------------------------------------------------------------- jobs

    def job(self, guild_id: int) -> Job | None:
        return self.scheduler.get_job(job_id(guild_id))

    def retry_job(self, guild_id: int) -> Job | None:
        return self.scheduler.get_job(retry_job_id(guild_id))

    async def refresh(self) -> None:
        """Make the jobs match the guild settings table (all guilds). Incremental: a guild whose
        settings are as they were when last applied is left alone, so a refresh of 10,000
        unchanged guilds builds no trigger."""
        try:
            everyone = await self.services.store.list_guild_settings(enabled_only=False)
        except Exception:
            log.exception("Could not read the guild settings; digest jobs left as they are.")
            return
        seen = set()
        for i, settings in enumerate(everyone, start=1):
            if self.owns is not None and not self.owns(settings.guild_id):
                continue  # another shard's process schedules it
            seen.add(settings.guild_id)
            if self._seen.get(settings.guild_id) != settings:
                self._apply(settings)
            if i % YIELD_EVERY == 0:
                await asyncio.sleep(0)  # building thousands of jobs must not hold interactions up
        for guild_id in (set(self._schedules) | set(self._seen)) - seen:
            self._remove(guild_id)

    async def reschedule(self, guild_id: int) -> None:
        """Rebuild one guild's job after its settings changed."""
        self._apply(await self.services.store.get_guild_settings(guild_id))

    def _apply(self, settings: GuildSettings) -> None:
        guild_id = settings.guild_id
        if not _wanted(settings) or (self.owns is not None and not self.owns(guild_id)):
            self._remove(guild_id)
            self._seen[guild_id] = settings
            return
        try:
            schedule = guild_schedule(settings, self.policy)
            if self._schedules.get(guild_id) == schedule and self.job(guild_id) is not None:
                self._seen[guild_id] = settings
                return  # unchanged: no trigger to build (the costly part)
            trigger = cron_for(schedule)
        except ValueError:
            log.exception("Guild %s has an unusable digest schedule; not scheduled.", guild_id)
            self._remove(guild_id)
            return
        self._seen[guild_id] = settings
        self.scheduler.add_job(
            self.fire,
            trigger,
            args=[guild_id],
            id=job_id(guild_id),
            name=f"digest of guild {guild_id}",
            replace_existing=True,
            misfire_grace_time=int(self.policy.grace.total_seconds()),
            coalesce=True,
            max_instances=1,
        )
        self._schedules[guild_id] = schedule
        log.info("Digest of guild %s scheduled: %s.", guild_id, schedule.describe())

    def _remove(self, guild_id: int) -> None:
        for jid in (job_id(guild_id), retry_job_id(guild_id)):
            if self.scheduler.get_job(jid) is not None:
                self.scheduler.remove_job(jid)
        self._seen.pop(guild_id, None)
        if self._schedules.pop(guild_id, None) is not None:
            log.info("Digest of guild %s unscheduled.", guild_id)

    # ---------------------------------------------------------------------------------- firing

    async def fire(self, guild_id: int) -> RunResult:
        """What every job does: send the guild's due digest if it is ours to send."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            async with self._slots:
                self.in_flight += 1
                try:
                    result = await run_due_digest(
                        self.services, self.policy, self.sender, guild_id, self.clock()
                    )
                finally:
                    self.in_flight -= 1
        except Exception:
            log.exception("Digest run of guild %s failed; retrying later.", guild_id)
            now = self.clock()
            result = RunResult(guild_id, "failed", retry_at=now + self.policy.retry_delay(1))
        finally:
            if task is not None:
                self._running.discard(task)
        self._follow_up(result)
        return result

    def _follow_up(self, result: RunResult) -> None:
        if result.retry_at is None:
            return
        self.scheduler.add_job(
            self.fire,
            DateTrigger(run_date=result.retry_at, timezone=UTC),
            args=[result.guild_id],
            id=retry_job_id(result.guild_id),
            name=f"digest retry of guild {result.guild_id}",
            replace_existing=True,
            misfire_grace_time=int(self.policy.grace.total_seconds()),
        )
        log.info("Digest of guild %s: next try at %s.", result.guild_id, result.retry_at.isoformat())
