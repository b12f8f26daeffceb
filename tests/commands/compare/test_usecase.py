"""/compare replies."""

from __future__ import annotations

import pytest

from commands.compare.usecase import compare
from commands.core.errors import CommandError
from commands.core.services import Services
from tests.factories import saved_posting

GUILD = 5005


async def _add(svc: Services, seed: object, **kw: object) -> int:
    return await saved_posting(svc.store, GUILD, seed, **kw)


async def test_compare_reply(services: Services) -> None:
    a = await _add(services, "a", pay=(100_000, 100_000, "USD", "year"), skills=["Python", "Go"])
    b = await _add(services, "b", pay=(150_000, 150_000, "USD", "year"), skills=["Python", "Rust"])
    reply = await compare(services, GUILD, [a, b, 424242])
    assert reply.fields[-1].value == "Python"
    assert "Among 2 postings for Machine Learning Engineer in USD: too few to rank" in reply.fields[1].value
    assert "Only here: Rust" in reply.fields[1].value
    assert reply.footer == "Not found: #424242"
    assert reply.files and reply.files[0].filename == "compare.png"
    with pytest.raises(CommandError):
        await compare(services, GUILD, [a, a])
    with pytest.raises(CommandError, match="Not found"):
        await compare(services, GUILD, [a, 99_999])


async def test_a_percentile_rank_from_five_peers(services: Services) -> None:
    ids = [await _add(services, f"p{i}", pay=(100_000 + 10_000 * i,) * 2 + ("USD", "year")) for i in range(5)]
    reply = await compare(services, GUILD, ids[:2], chart=False)
    assert "10th percentile of 5 postings for Machine Learning Engineer in USD" in reply.fields[0].value
