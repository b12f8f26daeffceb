"""Sending a guild's weekly digest exactly once: the claim/send/record logic behind the timer.

:func:`run_due_digest` may be called at any moment, by any number of processes, any number of times:
the timer's firing is only a wake-up. It works out, from the guild's settings (the source of truth),
the latest scheduled occurrence at or before ``now`` and does at most one thing about it.

The rules:

1. **Only the latest occurrence counts.** A bot that was down for three weeks considers only the last
   one, so it can never send three digests at once.
2. **Grace window.** That occurrence is sent only while ``now - occurrence <= policy.grace`` (24 h by
   default); later it is skipped with a log line.
3. **Claim before sending.** The ``(guild, period)`` row of ``digest_runs`` is claimed in one
   transaction (unique key); only the caller whose claim succeeded builds and sends. The period is the
   ISO week of the scheduled local time, so a restart, a second process on the same database or a
   second firing of the timer within the week finds the row and sends nothing.
4. **Record the result.** After the send the row becomes ``sent``; a failed send (channel deleted,
   permission lost, Discord error, timeout) becomes ``failed`` with the error.
5. **Bounded retries.** A ``failed`` row may be claimed again, each claim counting one attempt, until
   ``policy.max_attempts``; the caller is told when to try next (``retry_at``, from
   ``policy.retry_delays``, never past the grace window). The last failure is logged as an error and
   saved on the guild's settings (``last_failure``), which the next admin to use /digest is shown.
6. **A process that died mid-send.** A row still ``claimed`` after ``policy.stale_after`` (15 min; a
   send gives up long before) is taken to belong to a dead process: the next run may claim it again,
   and that counts as an attempt, so a crash loop cannot send more than ``max_attempts`` times. Before
   that, a run finds it claimed and is told to come back when it goes stale. Because Discord offers no
   idempotent send, a crash *after* Discord accepted the message but *before* the row was marked is the
   one case that can post a digest twice; the sender narrows it by looking for the digest in the
   channel first (:meth:`DigestSender.already_posted`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

from commands.core.reply import Reply
from commands.core.services import Services
from commands.digest.message import build_digest
from commands.digest.schedule import DigestPolicy, due
from commands.digest.usecase import guild_schedule
from store import StoreError

log = logging.getLogger(__name__)

MARK_ATTEMPTS = 3


class SendFailed(Exception):
    """The digest could not be posted; ``reason`` is short and fit for an admin to read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DigestSender(Protocol):
    """Posts a digest in a guild's channel (the Discord bot, or a test double)."""

    async def send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
        """Post ``reply``; raise :class:`SendFailed` when it could not be posted."""
        ...

    async def already_posted(self, guild_id: int, channel_id: int, period: str) -> bool:
        """Whether the digest of ``period`` is already in the channel (checked before a second attempt,
        since the first may have been posted without being recorded). False when unsure."""
        ...


Status = Literal["sent", "failed", "gave_up", "skipped", "already_sent", "busy", "no_channel"]


@dataclass(frozen=True, slots=True)
class RunResult:
    guild_id: int
    status: Status
    period: str | None = None
    detail: str = ""
    retry_at: datetime | None = None  # when to call again (a retry, or a stale claim's takeover)

    @property
    def sent(self) -> bool:
        return self.status == "sent"


async def run_due_digest(
    svc: Services,
    policy: DigestPolicy,
    sender: DigestSender,
    guild_id: int,
    now: datetime | None = None,
) -> RunResult:
    """Send the guild's due digest if it is due, unsent and ours to send (see the module's rules)."""
    now = now or svc.clock()
    store = svc.store
    settings = await store.get_guild_settings(guild_id)
    channel_id = settings.digest_channel_id
    if not settings.enabled or channel_id is None:
        return RunResult(guild_id, "no_channel", detail="the digest is off or has no channel")
    schedule = guild_schedule(settings, policy)
    when = due(schedule, now, policy.grace)
    period = when.period
    run = await store.get_digest_run(guild_id, period)
    if run is not None and run.status == "sent":
        return RunResult(guild_id, "already_sent", period)
    if not when.within_grace:
        if run is None or run.status != "failed":
            log.info(
                "Digest %s of guild %s skipped: due %s, now %s is past the %s grace window.",
                period, guild_id, when.occurrence.isoformat(), now.isoformat(), policy.grace,
            )  # fmt: skip
        return RunResult(guild_id, "skipped", period, detail=f"{when.late_by} late")
    grace_ends = when.occurrence + policy.grace

    claimed = await store.claim_digest_run(
        guild_id, period, max_attempts=policy.max_attempts, stale_after=policy.stale_after
    )
    if not claimed:
        run = await store.get_digest_run(guild_id, period)
        if run is None or run.status == "sent":
            return RunResult(guild_id, "already_sent", period)
        if run.attempts >= policy.max_attempts:
            return RunResult(guild_id, "gave_up", period, detail=run.error or "")
        if run.status == "claimed":
            takeover = run.claimed_at + policy.stale_after + timedelta(seconds=1)
            return RunResult(
                guild_id, "busy", period, detail="claimed by another run",
                retry_at=takeover if takeover <= grace_ends else None,
            )  # fmt: skip
        return RunResult(guild_id, "busy", period, detail=f"status {run.status}")

    run = await store.get_digest_run(guild_id, period)
    attempt = run.attempts if run is not None else 1
    try:
        if attempt > 1 and await sender.already_posted(guild_id, channel_id, period):
            log.warning("Digest %s of guild %s is already in its channel; marked sent.", period, guild_id)
        else:
            reply = await build_digest(
                store, guild_id, schedule, period, when.start, when.end, chart=policy.charts
            )
            await sender.send(guild_id, channel_id, reply)
    except Exception as exc:  # any failure is recorded, then retried or reported
        reason = exc.reason if isinstance(exc, SendFailed) else _describe(exc)
        if not isinstance(exc, SendFailed):
            log.exception("Digest %s of guild %s failed", period, guild_id)
        return await _failed(svc, policy, guild_id, period, attempt, reason, now, grace_ends)
    await _mark(svc, guild_id, period)
    log.info("Digest %s of guild %s sent to channel %s (attempt %d).", period, guild_id, channel_id, attempt)
    return RunResult(guild_id, "sent", period)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, StoreError):
        return f"database error: {exc.message}"
    if isinstance(exc, TimeoutError):
        return "Discord did not answer in time"
    return f"unexpected error ({type(exc).__name__})"


async def _mark(svc: Services, guild_id: int, period: str) -> None:
    for attempt in range(1, MARK_ATTEMPTS + 1):
        try:
            await svc.store.mark_digest_run(guild_id, period, "sent")
            return
        except StoreError:
            if attempt == MARK_ATTEMPTS:
                # The digest is out; the claim stays "claimed" and, once stale, the takeover's channel
                # check (already_posted) finds the message instead of sending it again.
                log.exception("Digest %s of guild %s was sent but could not be recorded", period, guild_id)


async def _failed(
    svc: Services,
    policy: DigestPolicy,
    guild_id: int,
    period: str,
    attempt: int,
    reason: str,
    now: datetime,
    grace_ends: datetime,
) -> RunResult:
    try:
        await svc.store.mark_digest_run(guild_id, period, "failed", error=reason[:500])
    except StoreError:
        log.exception("Could not record the failed digest %s of guild %s", period, guild_id)
    retry_at = now + policy.retry_delay(attempt)
    if attempt < policy.max_attempts and retry_at <= grace_ends:
        log.warning(
            "Digest %s of guild %s failed (attempt %d of %d): %s; retrying at %s.",
            period, guild_id, attempt, policy.max_attempts, reason, retry_at.isoformat(),
        )  # fmt: skip
        return RunResult(guild_id, "failed", period, detail=reason, retry_at=retry_at)
    log.error(
        "Digest %s of guild %s could not be posted after %d attempt(s): %s", period, guild_id, attempt, reason
    )
    try:
        await svc.store.update_guild_settings(
            guild_id, last_failure=f"digest {period}: {reason}"[:500], last_failure_at=now
        )
    except StoreError:
        log.exception("Could not record the digest failure of guild %s on its settings", guild_id)
    return RunResult(guild_id, "gave_up", period, detail=reason)


async def catch_up(
    svc: Services,
    policy: DigestPolicy,
    sender: DigestSender,
    now: datetime | None = None,
    *,
    owns: Callable[[int], bool] | None = None,
) -> list[RunResult]:
    """On start: for every guild with a digest (of those ``owns`` accepts, when given), the latest due
    occurrence, sent once if within grace."""
    now = now or svc.clock()
    results = []
    for settings in await svc.store.list_guild_settings(enabled_only=True):
        if settings.digest_channel_id is None or (owns is not None and not owns(settings.guild_id)):
            continue
        try:
            results.append(await run_due_digest(svc, policy, sender, settings.guild_id, now))
        except Exception:
            log.exception("Catching up the digest of guild %s failed", settings.guild_id)
    return results
