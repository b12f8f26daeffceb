"""/setup: the channels a server's pastes are read from, kept in its settings."""

from __future__ import annotations

from commands.core.services import Services
from commands.setup.usecase import show_watch, watch

GUILD = 6006
NAMES = ("job-postings", "jobs")


async def test_watch_unwatch_and_show(services: Services) -> None:
    shown = await show_watch(services, GUILD, names=NAMES, pastes=True)
    assert shown.description == "No channels chosen: watching channels named #job-postings, #jobs."
    reply = await watch(services, GUILD, 11, True, names=NAMES, pastes=True)
    assert reply.description == "Now watching <#11>. Watching <#11> for postings."
    await watch(services, GUILD, 12, True, names=NAMES, pastes=True)
    assert await services.watched.get(GUILD) == {11, 12}
    reply = await watch(services, GUILD, 11, False, names=NAMES, pastes=True)
    assert reply.description == "No longer watching <#11>. Watching <#12> for postings."
    # saved in the server's settings, not only in this process
    assert (await services.store.get_guild_settings(GUILD)).watched_channel_ids == [12]
    assert await Services(store=services.store, pay=services.pay).watched.get(GUILD) == {12}


async def test_add_only_mode_is_said(services: Services) -> None:
    shown = await show_watch(services, GUILD, names=NAMES, pastes=False)
    assert shown.description is not None and shown.description.endswith("(pastes are off: /add only).")
