"""Answering interactions within Discord's 3-second window, whatever the use case costs.

Discord drops an interaction that gets no first response within 3 s. :func:`answer` runs the use case and
waits a short moment for it: a quick result goes out as the response itself (one request, and an
ephemeral reply stays ephemeral); a slow one gets a deferral ("JobScout is thinking…") first and its
result as a followup. Under a burst (several interactions already in flight) the deferral goes out at once,
before the use case even starts, so acknowledgements never queue behind other members' answers. If a
public deferral ends in a private (ephemeral) result, such as an error, the "thinking" placeholder is
deleted and the result sent privately, so errors never land in the channel.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from typing import Any

import discord

from bot.errors import describe
from bot.render import NO_MENTIONS, to_discord
from commands.core.reply import Reply

log = logging.getLogger(__name__)

# How long a use case may run before the interaction is deferred: typical commands answer in one step.
ACK_BUDGET = 0.25
# With this many interactions already being worked on, the loop is busy and waiting only delays the
# acknowledgement: defer at once.
BUSY = 2
_in_flight = 0


PRIVATE_DEFERRAL = "jobscout.private_deferral"
PLACEHOLDER_USED = "jobscout.placeholder_used"


async def defer(interaction: discord.Interaction[Any], *, ephemeral: bool = False) -> None:
    """Acknowledge now, answer later (a "thinking" placeholder, private when ``ephemeral``)."""
    if interaction.response.is_done():
        return
    await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    interaction.extras[PRIVATE_DEFERRAL] = ephemeral


async def send(interaction: discord.Interaction[Any], reply: Reply) -> int | None:
    """Send ``reply`` as the interaction's response, or as a followup when it was already responded to.
    Returns the id of the message it became, when Discord says it."""
    rendered = to_discord(reply)
    if not interaction.response.is_done():
        callback = await interaction.response.send_message(**rendered.interaction_kwargs())
        return callback.message_id if callback is not None else None
    public_placeholder = (
        interaction.response.type is discord.InteractionResponseType.deferred_channel_message
        and not interaction.extras.get(PRIVATE_DEFERRAL, False)
        and not interaction.extras.get(PLACEHOLDER_USED, False)
    )
    interaction.extras[PLACEHOLDER_USED] = True
    if rendered.ephemeral and public_placeholder:
        # The first followup would fill the public "thinking" placeholder: remove it, answer privately.
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            log.debug("Could not delete the thinking placeholder of interaction %s", interaction.id)
    sent = await interaction.followup.send(**rendered.interaction_kwargs(), wait=True)
    return sent.id if sent is not None else None


async def answer(
    interaction: discord.Interaction[Any],
    work: Awaitable[Reply],
    *,
    ephemeral: bool = False,
    budget: float = ACK_BUDGET,
) -> int | None:
    """Run ``work`` and send its reply, deferring first if it takes longer than ``budget``; the id of the
    message it became (when known).

    ``ephemeral`` makes the answer private (and the "thinking" placeholder with it).
    Errors propagate to the caller's error handler, which answers through :func:`send` as well.
    """
    global _in_flight
    task: asyncio.Task[Reply] | None = None
    _in_flight += 1
    try:
        if _in_flight > BUSY:
            # A burst: acknowledge before starting the work, so the acknowledgements of the
            # interactions that follow are not queued behind it.
            await defer(interaction, ephemeral=ephemeral)
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=budget)
        if not done:
            await defer(interaction, ephemeral=ephemeral)
        reply = await task
    except BaseException:
        if task is not None:
            task.cancel()
        elif inspect.iscoroutine(work):
            work.close()  # never started
        raise
    finally:
        _in_flight -= 1
    if ephemeral and not reply.ephemeral:
        reply = reply.model_copy(update={"ephemeral": True})
    return await send(interaction, reply)


async def answer_by_editing(
    interaction: discord.Interaction[Any], work: Awaitable[Reply], *, budget: float = ACK_BUDGET
) -> None:
    """Like :func:`answer`, but the reply replaces the message whose button was pressed (paging)."""
    task: asyncio.Task[Reply] = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=budget)
    if not done and not interaction.response.is_done():
        await interaction.response.defer()  # "deferred update": the message stays as is meanwhile
    reply = await task
    if reply.kind == "error":
        await send(interaction, reply)
        return
    rendered = to_discord(reply)
    embed, view, files = rendered.pages[0], rendered.view(), rendered.discord_files()
    if interaction.response.is_done():
        await interaction.edit_original_response(
            embed=embed, view=view, attachments=files, allowed_mentions=NO_MENTIONS
        )
    else:
        await interaction.response.edit_message(
            embed=embed, view=view, attachments=files, allowed_mentions=NO_MENTIONS
        )


async def report(interaction: discord.Interaction[Any], error: BaseException, *, context: str = "") -> None:
    """Tell the member about ``error`` (short, private) and log it with what they were doing."""
    described = describe(error)
    where = context or _context(interaction)
    if described.expected:
        log.info("Refused %s: %s", where, described.message)
    else:
        log.error("Error in %s", where, exc_info=error)
    try:
        await send(interaction, Reply.error(described.message))
    except discord.HTTPException:
        log.warning("Could not tell the member about an error in %s", where, exc_info=True)


def _context(interaction: discord.Interaction[Any]) -> str:
    name = interaction.command.qualified_name if interaction.command else None
    if name is None and isinstance(interaction.data, dict):
        name = str(interaction.data.get("custom_id") or interaction.data.get("name") or "")
    options = interaction.namespace.__dict__ if interaction.command else {}
    return (
        f"interaction {name or interaction.type.name} (guild={interaction.guild_id}, "
        f"channel={interaction.channel_id}, user={interaction.user.id}, options={options!r})"
    )
