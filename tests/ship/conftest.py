"""Fixtures shared by the ship tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.e2e.fakediscord import FakeDiscord, FakeGuild


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A fake Discord with one server that has a #job-postings channel."""
    async with FakeDiscord([FakeGuild.make("Alpha Devs", "job-postings", "general")]) as discord:
        yield discord
