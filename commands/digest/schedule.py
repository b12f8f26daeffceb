"""The weekly digest's calendar: pure functions of a schedule and a moment, no Discord, no database.

A schedule is a weekday, a local wall-clock time and an IANA timezone. Occurrences are computed on the
local calendar and only then turned into instants, so "Monday 09:00 Europe/Berlin" stays 09:00 in
Berlin on both sides of a daylight-saving change (the UTC instant moves by an hour instead).

Local times that do not exist or exist twice (a 02:30 schedule on the night the clocks change) resolve
the way Python's ``zoneinfo`` does with ``fold=0`` and the way APScheduler's ``CronTrigger`` fires first:
a skipped time is shifted forward by the size of the gap, a repeated time means its first occurrence.

The period key of an occurrence is the ISO week of its *local* date (``"2026-W47"``): it names the
digest in ``digest_runs`` so that a restart, a second process or a second firing of the timer in the
same week never sends it twice.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEK = timedelta(days=7)


class ScheduleError(ValueError):
    """A day, time or timezone that cannot be understood; the message is written for the user."""


@dataclass(frozen=True, slots=True)
class Schedule:
    day: Weekday
    at: time
    timezone: str

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.timezone)

    @property
    def weekday(self) -> int:
        return WEEKDAYS.index(self.day)

    def describe(self) -> str:
        """``"Mondays at 09:00 (Europe/Berlin)"``."""
        return f"{DAY_NAMES[self.weekday]}s at {self.at:%H:%M} ({self.timezone})"


# ----------------------------------------------------------------------------------------- parsing


@cache
def timezone_names() -> tuple[str, ...]:
    """Every IANA zone name known to this machine (tzdata), sorted."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


@cache
def _folded_names() -> dict[str, str]:
    return {name.casefold(): name for name in timezone_names()}


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError(f"'{name}' is not a timezone I know; pick one like Europe/Berlin.") from exc


def parse_timezone(text: str) -> str:
    """The canonical IANA name for ``text`` (case-insensitive, spaces allowed for underscores)."""
    cleaned = "_".join(text.strip().split())
    if not cleaned:
        raise ScheduleError("The timezone is empty; pick one like Europe/Berlin or America/New_York.")
    found = _folded_names().get(cleaned.casefold())
    if found is None:
        raise ScheduleError(
            f"'{text.strip()[:60]}' is not an IANA timezone; pick one like Europe/Berlin or America/New_York."
        )
    zone(found)
    return found


def timezone_choices(typed: str, limit: int = 25) -> list[str]:
    """Zone names for autocomplete: those starting with what was typed first, then those containing it."""
    needle = "_".join(typed.strip().split()).casefold()
    names = timezone_names()
    if not needle:
        popular = ("UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles")
        return list(popular)[:limit]
    starts = [n for n in names if n.casefold().startswith(needle)]
    city = [n for n in names if n not in starts and n.casefold().split("/")[-1].startswith(needle)]
    within = [n for n in names if n not in starts and n not in city and needle in n.casefold()]
    return (starts + city + within)[:limit]


_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$", re.IGNORECASE)


def parse_time(text: str) -> time:
    """``"9"``, ``"09:00"``, ``"9.30"``, ``"9:30pm"``, ``"21h15"`` -> a time (minutes only)."""
    match = _TIME.match(text)
    if not match:
        raise ScheduleError(f"'{text.strip()[:20]}' is not a time; write it like 09:00 or 9:30pm.")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "").lower()
    if suffix:
        if not 1 <= hour <= 12:
            raise ScheduleError(f"'{text.strip()}' is not a time; with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ScheduleError(f"'{text.strip()}' is not a time of day (00:00 to 23:59).")
    return time(hour, minute)


def parse_day(text: str) -> Weekday:
    """``"mon"``, ``"Monday"``, ``"MO"`` -> ``"mon"``."""
    key = text.strip().casefold()
    for short, name in zip(WEEKDAYS, DAY_NAMES, strict=True):
        if len(key) >= 2 and name.casefold().startswith(key):
            return short
    raise ScheduleError(f"'{text.strip()[:20]}' is not a day of the week.")


# -------------------------------------------------------------------------------------- occurrences


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("scheduling needs an aware datetime")


def at_local(schedule: Schedule, day: date) -> datetime:
    """The instant (UTC) of the schedule's wall-clock time on local ``day``."""
    return datetime.combine(day, schedule.at, tzinfo=schedule.zone).astimezone(UTC)


def latest_occurrence(schedule: Schedule, now: datetime) -> datetime:
    """The last scheduled instant at or before ``now`` (UTC)."""
    _require_aware(now)
    local = now.astimezone(schedule.zone)
    day = local.date() - timedelta(days=(local.weekday() - schedule.weekday) % 7)
    occurrence = at_local(schedule, day)
    if occurrence > now:
        occurrence = at_local(schedule, day - WEEK)
    return occurrence


def next_occurrence(schedule: Schedule, now: datetime) -> datetime:
    """The first scheduled instant strictly after ``now`` (UTC)."""
    _require_aware(now)
    local = now.astimezone(schedule.zone)
    day = local.date() + timedelta(days=(schedule.weekday - local.weekday()) % 7)
    occurrence = at_local(schedule, day)
    if occurrence <= now:
        occurrence = at_local(schedule, day + WEEK)
    return occurrence


def period_key(schedule: Schedule, occurrence: datetime) -> str:
    """The ISO week of the occurrence's local date: ``"2026-W47"``."""
    year, week, _ = occurrence.astimezone(schedule.zone).isocalendar()
    return f"{year}-W{week:02d}"


def window(schedule: Schedule, occurrence: datetime) -> tuple[datetime, datetime]:
    """What the digest sent at ``occurrence`` covers: from the previous occurrence (same wall-clock time
    a week earlier, local calendar) up to ``occurrence``; UTC instants, end excluded."""
    local_day = occurrence.astimezone(schedule.zone).date()
    return at_local(schedule, local_day - WEEK), occurrence


@dataclass(frozen=True, slots=True)
class Due:
    """The occurrence a run at ``now`` is about, and whether it may still be sent."""

    occurrence: datetime
    period: str
    start: datetime
    end: datetime
    late_by: timedelta
    within_grace: bool


def due(schedule: Schedule, now: datetime, grace: timedelta) -> Due:
    """The latest occurrence at or before ``now``: only that one is ever considered, so a bot that was
    down for three weeks sends (at most) one digest, the latest, and only within ``grace`` of it."""
    occurrence = latest_occurrence(schedule, now)
    start, end = window(schedule, occurrence)
    late = now - occurrence
    return Due(occurrence, period_key(schedule, occurrence), start, end, late, late <= grace)


def upcoming(schedule: Schedule, now: datetime) -> tuple[str, datetime, datetime]:
    """(period, start, next occurrence) of the digest being collected at ``now`` (for a preview)."""
    occurrence = next_occurrence(schedule, now)
    start, end = window(schedule, occurrence)
    return period_key(schedule, occurrence), start, end


# ------------------------------------------------------------------------------------------ policy


@dataclass(frozen=True, slots=True)
class DigestPolicy:
    """The digest settings of the deployment (``[digest]`` in config.toml) plus the run rules.

    ``stale_after``: a claim with no result after this long belongs to a process that died mid-send;
    the next attempt may take it over (it counts as an attempt, bounded by ``max_attempts``).
    ``retry_delays``: how long after the n-th failed attempt the next one is made (the last delay
    repeats), always within ``grace`` of the scheduled time.
    """

    default_day: Weekday = "mon"
    default_time: time = time(9, 0)
    default_timezone: str = "UTC"
    # A server that never chose a time gets default_time plus a minute offset from its id within this
    # spread, so thousands of servers are not all due in the same minute (0: all at default_time).
    spread: timedelta = timedelta(0)
    grace: timedelta = timedelta(hours=24)
    max_attempts: int = 3
    stale_after: timedelta = timedelta(minutes=15)
    retry_delays: tuple[timedelta, ...] = (timedelta(minutes=5), timedelta(minutes=30))
    charts: bool = True  # a chart image in the posted digest (``discord.charts``)

    def retry_delay(self, failed_attempts: int) -> timedelta:
        delays = self.retry_delays or (timedelta(minutes=5),)
        return delays[min(max(failed_attempts, 1), len(delays)) - 1]


def spread_offset(guild_id: int, spread: timedelta) -> timedelta:
    """A stable whole-minute offset in ``[0, spread)`` for a guild: a hash of its id, so neighbouring
    ids (snowflakes made in the same millisecond) land far apart."""
    minutes = int(spread.total_seconds() // 60)
    if minutes <= 1:
        return timedelta(0)
    digest = hashlib.blake2b(guild_id.to_bytes(8, "big", signed=True), digest_size=8).digest()
    return timedelta(minutes=int.from_bytes(digest, "big") % minutes)


def default_time_for(policy: DigestPolicy, guild_id: int | None) -> time:
    """The deployment's default time, offset within ``policy.spread`` for the guild (on the same
    weekday: an offset past midnight wraps to the early hours)."""
    if guild_id is None:
        return policy.default_time
    start = datetime.combine(date(2000, 1, 3), policy.default_time.replace(tzinfo=None))
    return (start + spread_offset(guild_id, policy.spread)).time()


def schedule_for(
    policy: DigestPolicy,
    *,
    day: str | None = None,
    at: time | None = None,
    timezone: str | None = None,
    guild_id: int | None = None,
) -> Schedule:
    """A guild's schedule: what it saved, else the deployment's defaults (Monday 09:00 UTC unless
    configured; the minute spread by guild id, see :func:`default_time_for`). A saved timezone keeps
    applying when the guild never picked a day or time."""
    chosen_day: Weekday = next((d for d in WEEKDAYS if d == day), policy.default_day)
    return Schedule(
        day=chosen_day,
        at=(at or default_time_for(policy, guild_id)).replace(second=0, microsecond=0, tzinfo=None),
        timezone=timezone or policy.default_timezone,
    )
