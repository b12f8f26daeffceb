"""/digest use cases on a real database (SQLite and PostgreSQL): settings, permissions, preview."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from commands.core.services import Services
from commands.digest.schedule import DigestPolicy
from commands.digest.usecase import (
    NEEDS_MANAGE,
    digest_channel,
    digest_off,
    digest_preview,
    digest_schedule,
    digest_status,
)
from tests.commands.digest.helpers import CHANNEL, GUILD, a_week_of_postings
from tests.store_fixtures import FakeClock

POLICY = DigestPolicy()


async def test_channel_schedule_change_and_off(services: Services, clock: FakeClock) -> None:
    store = services.store
    clock.now = datetime(2026, 11, 18, 12, tzinfo=UTC)  # a Wednesday
    reply = await digest_channel(services, POLICY, GUILD, CHANNEL, can_manage=True)
    assert reply.kind == "notice" and reply.ephemeral
    assert reply.description == (
        f"The digest is posted in <#{CHANNEL}> on Mondays at 09:00 (UTC). Next: Mon 23 Nov 2026 09:00 (UTC)."
    )
    settings = await store.get_guild_settings(GUILD)
    assert settings.digest_channel_id == CHANNEL and settings.enabled

    reply = await digest_schedule(
        services, POLICY, GUILD, can_manage=True, day="Friday", at="17:30", timezone="europe/berlin"
    )
    assert "on Fridays at 17:30 (Europe/Berlin). Next: Fri 20 Nov 2026 17:30 (Europe/Berlin)." in (
        reply.description or ""
    )
    settings = await store.get_guild_settings(GUILD)
    assert (settings.digest_day, settings.digest_time, settings.digest_timezone) == (
        "fri",
        time(17, 30),
        "Europe/Berlin",
    )

    # An option left out keeps its value.
    await digest_schedule(services, POLICY, GUILD, can_manage=True, at="8am")
    settings = await store.get_guild_settings(GUILD)
    assert (settings.digest_day, settings.digest_time, settings.digest_timezone) == (
        "fri",
        time(8),
        "Europe/Berlin",
    )

    reply = await digest_off(services, POLICY, GUILD, can_manage=True)
    assert reply.description and reply.description.startswith("The digest is off")
    assert not (await store.get_guild_settings(GUILD)).enabled
    assert (
        await digest_off(services, POLICY, GUILD, can_manage=True)
    ).description == "The digest is already off."
    status = await digest_status(services, POLICY, GUILD, can_manage=False)
    assert status.description and "The digest is off" in status.description

    # Choosing a channel again turns it back on, with the schedule kept.
    await digest_channel(services, POLICY, GUILD, CHANNEL + 1, can_manage=True)
    settings = await store.get_guild_settings(GUILD)
    assert settings.enabled and settings.digest_channel_id == CHANNEL + 1 and settings.digest_day == "fri"


async def test_default_is_monday_nine_in_the_servers_zone(services: Services) -> None:
    await services.store.update_guild_settings(GUILD, digest_timezone="America/New_York")
    reply = await digest_channel(services, POLICY, GUILD, CHANNEL, can_manage=True)
    assert "on Mondays at 09:00 (America/New_York)" in (reply.description or "")
    configured = DigestPolicy(default_day="tue", default_time=time(7), default_timezone="Asia/Tokyo")
    reply = await digest_status(services, configured, GUILD + 1, can_manage=True)
    assert "Tuesdays at 07:00 (Asia/Tokyo)" in (reply.description or "")


async def test_settings_need_manage_server(services: Services) -> None:
    for work in (
        digest_channel(services, POLICY, GUILD, CHANNEL, can_manage=False),
        digest_schedule(services, POLICY, GUILD, can_manage=False, day="mon"),
        digest_off(services, POLICY, GUILD, can_manage=False),
    ):
        reply = await work
        assert reply.kind == "error" and reply.ephemeral and reply.description == NEEDS_MANAGE
    settings = await services.store.get_guild_settings(GUILD)
    assert settings.digest_channel_id is None and settings.updated_at is None  # nothing was saved
    # Anyone may preview and see the status.
    assert (await digest_preview(services, POLICY, GUILD, chart=False)).kind == "info"
    assert (await digest_status(services, POLICY, GUILD, can_manage=False)).kind == "notice"


async def test_bad_values_are_refused_briefly(services: Services) -> None:
    for kwargs in ({"timezone": "Mars/Base"}, {"at": "25:00"}, {"day": "someday"}):
        reply = await digest_schedule(services, POLICY, GUILD, can_manage=True, **kwargs)  # type: ignore[arg-type]
        assert reply.kind == "error" and reply.ephemeral and len(reply.description or "") < 120
    assert (await services.store.get_guild_settings(GUILD)).updated_at is None


async def test_preview_is_this_week_so_far_and_private(services: Services, clock: FakeClock) -> None:
    monday = datetime(2026, 11, 16, 9, tzinfo=UTC)
    await a_week_of_postings(services.store, monday)
    await digest_channel(services, POLICY, GUILD, CHANNEL, can_manage=True)
    clock.now = monday + timedelta(days=2, hours=3)  # Wednesday: postings a and b are in, c not yet
    reply = await digest_preview(services, POLICY, GUILD)
    assert reply.ephemeral and reply.title == "Digest preview · 2026-W48 (so far)"
    assert reply.description and reply.description.startswith(
        "**2** new postings so far from Mon 16 Nov 09:00"
    )
    assert f"posted in <#{CHANNEL}>" in reply.description
    best = next(f.value for f in reply.fields if f.name == "Best paid").splitlines()
    assert best[0].startswith(
        f"1. [Machine Learning Engineer · Acme](https://discord.com/channels/{GUILD}/{CHANNEL}/9001)"
    )
    assert len(best) == 2
    assert any(f.name.startswith("Role medians") for f in reply.fields)
    # Two postings of the role this week: too few for a median's change, so no chart of changes.
    assert reply.files == []


async def test_a_failure_is_told_to_the_next_admin_once(services: Services, clock: FakeClock) -> None:
    await services.store.update_guild_settings(
        GUILD,
        digest_channel_id=CHANNEL,
        last_failure="digest 2026-W47: missing permission",
        last_failure_at=clock.now,
    )
    member = await digest_status(services, POLICY, GUILD, can_manage=False)
    assert "could not be posted" not in (member.description or "")  # members are not told
    admin = await digest_status(services, POLICY, GUILD, can_manage=True)
    assert (admin.description or "").startswith(
        "⚠️ The last digest could not be posted (2026-11-16 12:00 UTC): digest 2026-W47: missing permission"
    )
    again = await digest_status(services, POLICY, GUILD, can_manage=True)
    assert "could not be posted" not in (again.description or "")
    assert (await services.store.get_guild_settings(GUILD)).last_failure is None
