"""The digest calendar: occurrences, period keys and windows, with DST, checked against APScheduler."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest_scheduler import cron_for
from commands.digest.schedule import (
    WEEKDAYS,
    DigestPolicy,
    Schedule,
    ScheduleError,
    due,
    latest_occurrence,
    next_occurrence,
    parse_day,
    parse_time,
    parse_timezone,
    period_key,
    schedule_for,
    timezone_choices,
    upcoming,
    window,
)

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- parsing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", time(9)),
        ("09:00", time(9)),
        ("9:30", time(9, 30)),
        ("9.30", time(9, 30)),
        ("21h15", time(21, 15)),
        ("9am", time(9)),
        ("9:30 PM", time(21, 30)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("0:05", time(0, 5)),
        ("23:59", time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "24:00", "9:60", "13pm", "noon", "9:5", "-1"])
def test_parse_time_refuses(text: str) -> None:
    with pytest.raises(ScheduleError):
        parse_time(text)


def test_parse_day() -> None:
    assert parse_day("Monday") == "mon" and parse_day("fr") == "fri" and parse_day(" SUN ") == "sun"
    with pytest.raises(ScheduleError):
        parse_day("m")  # ambiguous prefixes are not guessed... "m" is too short
    with pytest.raises(ScheduleError):
        parse_day("someday")


def test_parse_timezone_and_choices() -> None:
    assert parse_timezone("europe/berlin") == BERLIN
    assert parse_timezone("America/New York") == NEW_YORK
    assert parse_timezone("UTC") == "UTC"
    for bad in ("Mars/Olympus", "", "../etc/passwd", "CEST"):
        with pytest.raises(ScheduleError):
            parse_timezone(bad)
    assert timezone_choices("europe/ber")[:1] == [BERLIN]
    assert BERLIN in timezone_choices("berl")
    assert "America/New_York" in timezone_choices("new_y")
    assert len(timezone_choices("a")) == 25
    assert timezone_choices("")[0] == "UTC"


def test_schedule_defaults() -> None:
    policy = DigestPolicy()
    assert schedule_for(policy) == Schedule("mon", time(9), "UTC")
    berlin_default = schedule_for(policy, timezone=BERLIN)
    assert berlin_default == Schedule("mon", time(9), BERLIN)
    custom = DigestPolicy(default_day="fri", default_time=time(17, 30), default_timezone=NEW_YORK)
    assert schedule_for(custom, day="tue") == Schedule("tue", time(17, 30), NEW_YORK)


# --- occurrences -------------------------------------------------------------------------------


def test_occurrences_around_a_monday_morning() -> None:
    s = Schedule("mon", time(9), BERLIN)  # CET in November: 09:00 local = 08:00 UTC
    monday_9 = utc(2026, 11, 16, 8)
    assert latest_occurrence(s, monday_9) == monday_9  # "at or before"
    assert latest_occurrence(s, monday_9 - timedelta(seconds=1)) == monday_9 - timedelta(days=7)
    assert next_occurrence(s, monday_9) == monday_9 + timedelta(days=7)  # "strictly after"
    assert next_occurrence(s, monday_9 - timedelta(seconds=1)) == monday_9
    assert period_key(s, monday_9) == "2026-W47"
    assert window(s, monday_9) == (monday_9 - timedelta(days=7), monday_9)


def test_period_key_is_the_local_iso_week() -> None:
    # Sunday 23:30 in Auckland is still Sunday locally though it is Sunday morning in UTC ...
    s = Schedule("sun", time(23, 30), "Pacific/Auckland")
    occ = latest_occurrence(s, utc(2026, 11, 22, 12))
    assert occ.astimezone(ZoneInfo("Pacific/Auckland")).weekday() == 6
    assert period_key(s, occ) == "2026-W47"
    # ... and Monday 00:30 in Los Angeles is Monday locally but already Monday 08:30 UTC.
    s = Schedule("mon", time(0, 30), "America/Los_Angeles")
    assert period_key(s, next_occurrence(s, utc(2026, 12, 27))) == "2026-W53"
    assert period_key(s, next_occurrence(s, utc(2027, 1, 1))) == "2027-W01"


def test_due_only_considers_the_latest_occurrence() -> None:
    s = Schedule("mon", time(9), "UTC")
    three_weeks_later = utc(2026, 11, 30, 9) + timedelta(hours=3)
    d = due(s, three_weeks_later, timedelta(hours=24))
    assert d.occurrence == utc(2026, 11, 30, 9) and d.period == "2026-W49" and d.within_grace
    d = due(s, utc(2026, 12, 1, 9, 0, 1), timedelta(hours=24))
    assert d.period == "2026-W49" and not d.within_grace
    assert due(s, utc(2026, 12, 1, 9), timedelta(hours=24)).within_grace  # exactly 24 h: still within


def test_upcoming_is_the_week_being_collected() -> None:
    s = Schedule("mon", time(9), "UTC")
    period, start, end = upcoming(s, utc(2026, 11, 18, 15))
    assert (period, start, end) == ("2026-W48", utc(2026, 11, 16, 9), utc(2026, 11, 23, 9))


# --- daylight saving ---------------------------------------------------------------------------

# 2026: Europe/Berlin springs forward on Sun 29 March and falls back on Sun 25 October;
# America/New_York springs forward on Sun 8 March and falls back on Sun 1 November.
DST_CASES = [
    # zone, a Monday before the change, its UTC hour at 09:00 local, the UTC hour after the change
    (BERLIN, utc(2026, 3, 23), 8, 7),  # spring forward: CET (+1) -> CEST (+2)
    (BERLIN, utc(2026, 10, 19), 7, 8),  # fall back: CEST (+2) -> CET (+1)
    (NEW_YORK, utc(2026, 3, 2), 14, 13),  # spring forward: EST (-5) -> EDT (-4)
    (NEW_YORK, utc(2026, 10, 26), 13, 14),  # fall back: EDT (-4) -> EST (-5)
]


@pytest.mark.parametrize(("tz", "monday", "before_hour", "after_hour"), DST_CASES)
def test_nine_local_on_both_sides_of_each_change(
    tz: str, monday: datetime, before_hour: int, after_hour: int
) -> None:
    s = Schedule("mon", time(9), tz)
    first = next_occurrence(s, monday)
    second = next_occurrence(s, first)
    assert (first.hour, second.hour) == (before_hour, after_hour)
    for occ in (first, second):
        local = occ.astimezone(ZoneInfo(tz))
        assert (local.weekday(), local.hour, local.minute) == (0, 9, 0)
    assert second - first == timedelta(days=7) - timedelta(hours=before_hour - after_hour)
    assert (
        latest_occurrence(s, second) == second
        and latest_occurrence(s, second - timedelta(minutes=1)) == first
    )
    # The week spanning the change is 167 or 169 hours long, and windows tile without gaps.
    start, end = window(s, second)
    assert (start, end) == (first, second)
    # APScheduler's CronTrigger, the actual timer, fires at the same instants.
    trigger = cron_for(s)
    fired = trigger.get_next_fire_time(None, monday)
    assert fired == first
    fired = trigger.get_next_fire_time(fired, fired + timedelta(seconds=1))
    assert fired == second


@pytest.mark.parametrize(
    ("tz", "day"),
    [
        (BERLIN, utc(2026, 3, 28, 12)),
        (BERLIN, utc(2026, 10, 24, 12)),
        (NEW_YORK, utc(2026, 3, 7, 12)),
        (NEW_YORK, utc(2026, 10, 31, 12)),
    ],
)
def test_a_schedule_inside_the_change_fires_once_a_week(tz: str, day: datetime) -> None:
    """02:30 on the night of the change: skipped (spring) or repeated (fall) local time."""
    s = Schedule("sun", time(2, 30), tz)
    occ = next_occurrence(s, day)
    assert occ.astimezone(ZoneInfo(tz)).date().isoweekday() == 7
    # A skipped 02:30 is taken as 03:30; a repeated one as its first occurrence. APScheduler agrees.
    # (PEP 495: a time in a gap never equals one in another zone, so compare in UTC.)
    assert cron_for(s).get_next_fire_time(None, day).astimezone(UTC) == occ
    # Even if the timer fires again an hour later (fall back), it is the same period: sent once.
    assert period_key(s, latest_occurrence(s, occ + timedelta(hours=1))) == period_key(s, occ)
    assert next_occurrence(s, occ) - occ >= timedelta(days=6, hours=23)


ZONES = st.sampled_from([BERLIN, NEW_YORK, "UTC", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"])
MOMENTS = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC))


@settings(max_examples=300, deadline=None)
@given(
    tz=ZONES,
    day=st.sampled_from(WEEKDAYS),
    at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    now=MOMENTS,
)
def test_occurrence_laws(tz: str, day: str, at: time, now: datetime) -> None:
    s = Schedule(day, at, tz)  # type: ignore[arg-type]
    last, nxt = latest_occurrence(s, now), next_occurrence(s, now)
    assert last <= now < nxt
    assert timedelta(days=6) < nxt - last < timedelta(days=8)
    assert next_occurrence(s, last) == nxt
    assert latest_occurrence(s, nxt) == nxt
    local = last.astimezone(ZoneInfo(tz))
    assert local.weekday() == WEEKDAYS.index(day)
    assert window(s, nxt) == (last, nxt)
    assert period_key(s, last) != period_key(s, nxt)


def test_the_default_minute_is_spread_by_guild_id() -> None:
    spread = DigestPolicy(spread=timedelta(minutes=60))
    times = {g: schedule_for(spread, guild_id=g).at for g in range(1_000, 1_600)}
    assert all(t.hour == 9 for t in times.values())
    minutes = Counter(t.minute for t in times.values())
    assert len(minutes) == 60 and max(minutes.values()) < 25  # 600 guilds over 60 minutes, none piled up
    assert schedule_for(spread, guild_id=1_234) == schedule_for(spread, guild_id=1_234)  # stable
    assert schedule_for(spread, guild_id=1_234, at=time(7, 15)).at == time(7, 15)  # a chosen time wins
    assert schedule_for(DigestPolicy(), guild_id=1_234).at == time(9)  # no spread configured
    late = DigestPolicy(default_time=time(23, 50), spread=timedelta(minutes=30))
    assert {schedule_for(late, guild_id=g).at.hour for g in range(200)} == {23, 0}  # same weekday, wraps
