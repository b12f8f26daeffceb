"""answer(): a quick result is the response itself; under a burst the acknowledgement goes out first."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import discord
import pytest

from bot import interactions
from commands.core.reply import Reply


class FakeResponse:
    def __init__(self, log: list[str], *, fail: bool = False) -> None:
        self.log = log
        self.fail = fail
        self.type: discord.InteractionResponseType | None = None

    def is_done(self) -> bool:
        return self.type is not None

    async def defer(self, *, thinking: bool, ephemeral: bool) -> None:
        if self.fail:
            raise discord.HTTPException(_Response(), "gone")  # type: ignore[arg-type]
        await asyncio.sleep(0.01)  # a request to Discord: other tasks run meanwhile
        self.log.append("defer")
        self.type = discord.InteractionResponseType.deferred_channel_message

    async def send_message(self, **kwargs: Any) -> None:
        self.log.append("respond")
        self.type = discord.InteractionResponseType.channel_message


class _Response:
    status = 404
    reason = "Not Found"


class FakeFollowup:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    async def send(self, **kwargs: Any) -> None:
        self.log.append("followup")


class FakeInteraction:
    def __init__(self, *, fail: bool = False) -> None:
        self.log: list[str] = []
        self.response = FakeResponse(self.log, fail=fail)
        self.followup = FakeFollowup(self.log)
        self.extras: dict[str, Any] = {}


async def work(log: list[str]) -> Reply:
    log.append("work")
    return Reply(title="done")


async def test_a_quick_answer_is_the_response() -> None:
    ix = FakeInteraction()
    await interactions.answer(ix, work(ix.log))  # type: ignore[arg-type]
    assert ix.log == ["work", "respond"]


async def test_under_a_burst_the_acknowledgement_goes_out_before_the_work_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(interactions, "_in_flight", interactions.BUSY)  # others are being worked on
    ix = FakeInteraction()
    await interactions.answer(ix, work(ix.log))  # type: ignore[arg-type]
    assert ix.log == ["defer", "work", "followup"]
    assert interactions._in_flight == interactions.BUSY


async def test_work_never_started_is_closed_when_the_acknowledgement_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(interactions, "_in_flight", interactions.BUSY)
    ix = FakeInteraction(fail=True)
    pending = work(ix.log)
    with pytest.raises(discord.HTTPException):
        await interactions.answer(ix, pending)  # type: ignore[arg-type]
    assert inspect.getcoroutinestate(pending) == inspect.CORO_CLOSED  # no "never awaited" warning
    assert ix.log == []
    assert interactions._in_flight == interactions.BUSY
